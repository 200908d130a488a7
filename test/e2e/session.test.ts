// The shared browser session reuses its pages: a document with the same styles only swaps the body,
// anything else loads in full (in a page of its own while there are fewer than two per slot), a page that failed is never used again, and each use gets its viewport.
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/browser/session.js';
import { findBrowser } from '../../src/browser/finder.js';

const TIMEOUT = 120_000;
/** A session of its own, one slot: its pages have shown nothing yet. */
const newSession = () => new BrowserSession({ executablePath: findBrowser().executablePath, concurrency: 1 });
const session = newSession();
afterAll(() => session.close());

const doc = (title: string, body: string, colour = 'rgb(0, 0, 128)') =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>p{color:${colour}}</style></head>\n<body>\n<p>${body}</p>\n</body>\n</html>\n`;

describe('page reuse', () => {
  it(
    'swaps only the body for the same styles, reloads for other styles, and drops a page that failed',
    async () => {
      // What the page shows, and whether its head still carries the mark left by an earlier use.
      const read = (page: import('puppeteer-core').Page) =>
        page.evaluate(() => ({
          text: document.body.textContent?.trim(),
          title: document.title,
          colour: getComputedStyle(document.querySelector('p') as Element).color,
          marked: document.head.hasAttribute('data-mark'),
          width: window.innerWidth,
        }));
      const first = await session.withDocument(doc('First &amp; one', 'alpha'), async (page) => {
        await page.evaluate(() => document.head.setAttribute('data-mark', ''));
        return read(page);
      });
      expect(first).toMatchObject({ text: 'alpha', title: 'First & one', colour: 'rgb(0, 0, 128)', width: 1280 });

      // Same styles: the body and title change in place (the head, with its mark, stays), and the
      // new body's images are decoded before the page is used, as a full load would have waited.
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="red"/></svg>').toString('base64');
      // Scripts never run in these pages, so they are left out of the swapped body.
      const pictured = doc('Second', `bravo</p><img src="data:image/svg+xml;base64,${svg}" alt=""><script>/* viewer */</script><p>`);
      const second = await session.withDocument(pictured, async (page) => ({
        ...(await read(page)),
        image: await page.evaluate(() => [...document.images].map((i) => i.complete && i.naturalWidth)),
        scripts: await page.evaluate(() => document.scripts.length),
      }));
      expect(second).toEqual({ text: 'bravo', title: 'Second', colour: 'rgb(0, 0, 128)', marked: true, width: 1280, image: [300], scripts: 0 });

      // Other styles: a full load (the mark is gone), at the viewport asked for.
      const third = await session.withDocument(doc('Third', 'charlie', 'rgb(128, 0, 0)'), read, { width: 794, height: 1123 });
      expect(third).toEqual({ text: 'charlie', title: 'Third', colour: 'rgb(128, 0, 0)', marked: false, width: 794 });

      // A use that throws: that page is closed, so the next document starts on a clean page.
      await session.withDocument(doc('Fourth', 'delta', 'rgb(128, 0, 0)'), async (page) => {
        await page.evaluate(() => document.head.setAttribute('data-mark', ''));
        throw new Error('boom');
      }).then(
        () => expect.unreachable('the error reaches the caller'),
        (e: Error) => expect(e.message).toBe('boom'),
      );
      const fifth = await session.withDocument(doc('Fifth', 'echo', 'rgb(128, 0, 0)'), read);
      expect(fifth).toEqual({ text: 'echo', title: 'Fifth', colour: 'rgb(128, 0, 0)', marked: false, width: 1280 });

      // The page with the first styles stayed open beside the other (up to two pages a slot, as a deck
      // and a print briefing take turns): going back to those styles swaps the body there again.
      const sixth = await session.withDocument(doc('Sixth', 'foxtrot'), read);
      expect(sixth).toEqual({ text: 'foxtrot', title: 'Sixth', colour: 'rgb(0, 0, 128)', marked: true, width: 1280 });
    },
    TIMEOUT,
  );
});

describe('a long-lived page', () => {
  it(
    'keeps no listener (nor what it holds) from the documents it showed',
    async () => {
      const counts: number[] = [];
      for (let i = 0; i < 6; i++) {
        counts.push(await session.withDocument(doc(`Doc ${i}`, `body ${i}`), async (page) => page.listenerCount('error') + page.listenerCount('close')));
      }
      // The same number of listeners during the sixth use as during the first.
      expect(new Set(counts).size, counts.join(' ')).toBe(1);
    },
    TIMEOUT,
  );
});

describe('slides swapped in place', () => {
  // Marp's shape of a deck: numbered sections, pagination and a total, citations linking to the last slide.
  const slide = (n: number, total: number, text: string) =>
    `<svg data-marpit-svg="" viewBox="0 0 1280 720"><foreignObject width="1280" height="720"><section id="${n}" data-marpit-pagination="${n}" data-marpit-pagination-total="${total}"><p>${text} <a href="#${total}">1</a></p></section></foreignObject></svg>`;
  const deck = (texts: string[]) => {
    const body = `\n<div class="marpit">${texts.map((t, i) => slide(i + 1, texts.length, t)).join('')}</div>\n`;
    return { body, html: `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Deck</title><style>section{width:1280px;height:720px}</style></head>\n<body>${body}</body>\n</html>\n` };
  };

  it(
    'keeps the slides that only renumbered (their elements and layout), and the page ends as a full load would',
    async () => {
      const before = deck(['title', 'points whole', 'actors', 'sources']);
      const after = deck(['title', 'points 1/2', 'points 2/2', 'actors', 'sources']);
      const result = await session.withDocument(before.html, async (page) => {
        // An expando property: on the element while it lives, never serialised.
        await page.evaluate(() => [...document.querySelectorAll('div.marpit > svg')].forEach((el, i) => Object.assign(el, { bdMark: i })));
        await session.show(page, after.html);
        return page.evaluate((body: string) => {
          const t = document.createElement('template');
          t.innerHTML = body;
          return {
            marks: [...document.querySelectorAll('div.marpit > svg')].map((el) => (el as Element & { bdMark?: number }).bdMark ?? null),
            same: document.querySelector('div.marpit')?.outerHTML === t.content.querySelector('div.marpit')?.outerHTML,
          };
        }, after.body);
      });
      // Title, actors and sources kept (renumbered: 4 -> 5 of 5, links to #5); the points slide replaced by two.
      expect(result).toEqual({ marks: [0, null, null, 2, 3], same: true });
    },
    TIMEOUT,
  );
});

describe('tagged PDFs from reused pages', () => {
  it(
    'give the same bytes whatever the page showed before (table cell ids are renumbered)',
    async () => {
      const { printPage, withMetadata } = await import('../../src/output/pdf.js');
      const table = (rows: number) =>
        `<table><thead><tr><th scope="col">Actor</th><th scope="col">Stance</th></tr></thead><tbody>${'<tr><td>Israel</td><td>wary</td></tr>'.repeat(rows)}</tbody></table>`;
      const page = (title: string, body: string) => `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>@page{size:A5}</style></head>\n<body>\n${body}\n</body>\n</html>\n`;
      const meta = { title: 'Table', lang: 'en', date: new Date('2025-04-14T00:00:00Z') };
      const fresh = newSession();
      try {
        const print = (html: string) => fresh.withDocument(html, (p) => printPage(p, fresh.timeout));
        const first = await print(page('Table', table(3)));
        // The same page, after other documents with tables of their own: Chromium's cell ids move on.
        await print(page('Other', table(40)));
        await print(page('Other', table(7)));
        const again = await print(page('Table', table(3)));
        const ids = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1').match(/\(node\d+\)/g) ?? [];
        expect(ids(first).length).toBeGreaterThan(0);
        expect(ids(again)).not.toEqual(ids(first));
        const [a, b] = [await withMetadata(first, meta), await withMetadata(again, meta)];
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
        expect(ids(a)[0]).toBe('(node00000001)');
      } finally {
        await fresh.close();
      }
    },
    TIMEOUT,
  );

  it(
    'a page warmed with the fonts\' primer gives its first document a whole load of its own',
    async () => {
      const { fontPrimer } = await import('../../src/render/fonts.js');
      const primer = await fontPrimer();
      expect(primer).toContain("font-family:'Inter'");
      expect(primer).toContain("font-family:'Source Serif 4'");
      const warmed = newSession();
      try {
        let seen: { title: string; faces: number } | undefined;
        warmed.warm(1, Promise.resolve(primer));
        // The primer's faces are decoded in the page before it is handed out; the document replaces it.
        const shown = await warmed.withDocument(doc('After the primer', 'foxtrot'), async (page) => {
          seen = await page.evaluate(() => ({ title: document.title, faces: [...document.fonts].filter((f) => f.status === 'loaded').length }));
          return page.evaluate(() => ({ text: document.body.textContent?.trim(), styles: document.querySelectorAll('style').length }));
        });
        expect(seen?.title).toBe('After the primer');
        expect(seen?.faces).toBe(0);
        expect(shown).toEqual({ text: 'foxtrot', styles: 1 });
      } finally {
        await warmed.close();
      }
    },
    TIMEOUT,
  );
});

describe('a document that is only printed', () => {
  it(
    'is not laid out on screen, loads its fonts anyway, and prints the same bytes as one laid out at the paper size',
    async () => {
      const { PRINT_ONLY_VIEWPORT } = await import('../../src/browser/print-only.js');
      const { fontCss } = await import('../../src/render/fonts.js');
      const { printPage, withMetadata } = await import('../../src/output/pdf.js');
      const text = 'Talks resumed in Muscat; Израиль наблюдает';
      const css = await fontCss(['Source Serif 4', 'Inter'], text);
      const html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Print only</title><style>${css}\n@page{size:A4;margin:20mm}body{font:11pt 'Source Serif 4'}h1{font-family:Inter}</style></head>\n<body>\n<h1>Muscat</h1>${`<p>${text}</p>`.repeat(120)}\n</body>\n</html>\n`;
      const meta = { title: 'Print only', lang: 'en', date: new Date('2025-04-14T00:00:00Z') };
      const fresh = newSession();
      try {
        const hidden = await fresh.withDocument(html, async (page) => ({
          shown: await page.evaluate(() => ({
            visibility: getComputedStyle(document.documentElement).contentVisibility,
            faces: [...document.fonts].map((f) => f.status),
          })),
          pdf: await printPage(page, fresh.timeout),
        }), PRINT_ONLY_VIEWPORT);
        expect(hidden.shown.visibility).toBe('hidden');
        // Nothing on screen asked for a face, yet each is loaded before the print.
        expect(hidden.shown.faces.length).toBeGreaterThan(1);
        expect(new Set(hidden.shown.faces)).toEqual(new Set(['loaded']));
        const laidOut = await fresh.withDocument(html, (page) => printPage(page, fresh.timeout), { width: 794, height: 1123 });
        const [a, b] = [await withMetadata(hidden.pdf, meta), await withMetadata(laidOut, meta)];
        expect(Buffer.from(a).toString('latin1')).toContain('/Type /Page');
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      } finally {
        await fresh.close();
      }
    },
    TIMEOUT,
  );
});

describe('documents that differ only in their own style', () => {
  it(
    'swap their body and that style, keep the fonts decoded, and print what a page of their own prints',
    async () => {
      const { PRINT_ONLY_VIEWPORT } = await import('../../src/browser/print-only.js');
      const { fontCss } = await import('../../src/render/fonts.js');
      const { htmlDocument } = await import('../../src/render/document.js');
      const { printPage, withMetadata } = await import('../../src/output/pdf.js');
      const css = await fontCss(['Source Serif 4', 'Inter'], 'Talks resumed in Muscat Hong Kong');
      // Print briefings as render/print.ts makes them: the running header (title, marking) in their own style.
      const briefing = (title: string) =>
        htmlDocument({
          lang: 'en',
          dir: 'ltr',
          title,
          styles: [css, "body{font:11pt 'Source Serif 4'}h1{font-family:Inter}"],
          ownStyle: `@page{size:A4;margin:20mm;@top-left{content:"${title}";font:8pt Inter}@top-right{content:"TLP:CLEAR"}}`,
          body: `<h1>${title}</h1>${`<p>Talks resumed in ${title}.</p>`.repeat(80)}`,
        });
      const meta = { title: 'Brief', lang: 'en', date: new Date('2025-04-14T00:00:00Z') };
      const fresh = newSession();
      const alone = newSession();
      try {
        await fresh.withDocument(briefing('Muscat'), async (page) => {
          await page.evaluate(() => document.head.setAttribute('data-mark', ''));
          return printPage(page, fresh.timeout);
        }, PRINT_ONLY_VIEWPORT);
        const swapped = await fresh.withDocument(briefing('Hong Kong'), async (page) => ({
          marked: await page.evaluate(() => document.head.hasAttribute('data-mark')),
          own: await page.evaluate(() => document.head.querySelector('style[data-document]')?.textContent),
          pdf: await printPage(page, fresh.timeout),
        }), PRINT_ONLY_VIEWPORT);
        // The same page, its head kept (no new load), the running header the second briefing's.
        expect(swapped.marked).toBe(true);
        expect(swapped.own).toContain('content:"Hong Kong"');
        const own = await alone.withDocument(briefing('Hong Kong'), (page) => printPage(page, alone.timeout), PRINT_ONLY_VIEWPORT);
        const [a, b] = [await withMetadata(swapped.pdf, meta), await withMetadata(own, meta)];
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      } finally {
        await Promise.all([fresh.close(), alone.close()]);
      }
    },
    TIMEOUT,
  );
});
