// The page pool: open pages kept between documents and reused. A new page costs a new renderer
// (~120 ms, and its first layout is slow), and a document whose styles and fonts equal the page's
// current ones only has its body swapped.
import type { Browser, Page } from 'puppeteer-core';
import type { Live } from './life.js';
import { hiddenOnScreen, isPrintOnly } from './print-only.js';
import { sandboxedPage } from './sandbox.js';
import { applySwap, planSwap, shapesOf, slideBody, type ShownSlides } from './slide-swap.js';

/**
 * What decides how a document's body renders: the <html> element and everything in <head> after the
 * title (the styles). The meta before the title (description, author, CSP) differs per briefing and
 * does not change layout. Two slices of the document, which share its memory: joined into one string,
 * the key was a copy of the styles (the fonts, some 400 KB, twice that once the body has a character
 * beyond Latin-1) made and compared for every document shown, about 1 ms each.
 */
export interface StyleKey {
  /** The document up to <head>: the doctype and the <html> element. */
  html: string;
  styles: string;
  /**
   * The text of the document's own style element, `<style data-document>` last in its head
   * (render/document.ts: a print's @page boxes, with its title and marking): not part of the key. A
   * page that shows the same other styles takes the document by swapping its body and this text.
   */
  own?: string;
}

const OWN_STYLE = '<style data-document>';

export function styleKey(html: string): StyleKey | undefined {
  const body = html.indexOf('<body>');
  const head = html.indexOf('<head>');
  const title = html.indexOf('</title>');
  if (body < 0 || head < 0 || head > body) return undefined;
  const styles = title > head && title < body ? html.slice(title + 8, body) : html.slice(head, body);
  const own = styles.lastIndexOf(OWN_STYLE);
  const end = own < 0 ? -1 : styles.indexOf('</style>', own);
  // Only when it is the head's last element: what follows it is part of the key.
  if (end < 0 || !/^\s*<\/head>\s*$/.test(styles.slice(end + 8))) return { html: html.slice(0, head), styles };
  return { html: html.slice(0, head), styles: styles.slice(0, own), own: styles.slice(own + OWN_STYLE.length, end) };
}

/** Whether two documents' styles are the same, but for their own (false if either has none that can be read). */
export function sameStyles(a: StyleKey | undefined, b: StyleKey | undefined): boolean {
  return !!a && !!b && (a === b || (a.html === b.html && a.styles === b.styles && (a.own === undefined) === (b.own === undefined)));
}

/**
 * Runs in the page after its body changed in place: resolves when fonts are ready and every image
 * (an <img>, or a background set in a style attribute, as Marp's `![bg]` images are) is decoded, as
 * a full load would have waited for them. Resolves with the sources of images that failed to decode.
 * A document that is not laid out (`printOnly`, browser/print-only.ts) asks for no font, so each of
 * its faces is loaded here, to be ready when the print lays it out.
 */
export function settle(printOnly = false): Promise<string[]> {
  const urls = new Set<string>();
  for (const el of document.querySelectorAll<HTMLElement>('[style*="url("]')) {
    for (const m of el.style.backgroundImage.matchAll(/url\("?([^")]+)"?\)/g)) if (m[1]) urls.add(m[1]);
  }
  const failed: string[] = [];
  const decode = (img: HTMLImageElement) => img.decode().catch(() => void failed.push(img.src.slice(0, 120)));
  const backgrounds = [...urls].map((src) => {
    const img = new Image();
    img.src = src;
    return decode(img);
  });
  const images = [...document.images].filter((img) => img.getAttribute('src')).map(decode);
  // for...of, not forEach: a callback handed to the page's own code fails where scripts are off.
  if (printOnly) for (const face of document.fonts) if (face.status === 'unloaded') face.load().catch(() => undefined);
  return Promise.all([document.fonts.ready, ...images, ...backgrounds]).then(() => failed);
}

interface Loaded {
  key: StyleKey | undefined;
  /** The slides the page shows (slide-swap.ts), when its body is a deck's. */
  shown?: ShownSlides;
  viewport: string;
  generation: number;
}

export class PagePool {
  /** Open pages not in use. */
  private idle: Page[] = [];
  /** Pages `warm` is still opening: a document takes one of these before opening another. */
  private pending: Promise<Page | undefined>[] = [];
  private readonly loaded = new WeakMap<Page, Loaded>();
  /** Every page open in the current browser, idle or in use. */
  private pages = new Set<Page>();

  constructor(
    private readonly timeout: number,
    private readonly perSlot: number,
  ) {}

  /**
   * Opens up to `want` more pages in `live`'s browser, the blank tab Chromium starts with first; each
   * shows `primer` (a document whose fonts most documents use, so that their first layout finds them
   * decoded) before it is handed out. A primer that fails to load only leaves the page blank.
   */
  warm(live: Promise<Live>, pages: number, primer?: Promise<string | undefined>): void {
    const want = pages - this.idle.length - this.pending.length;
    if (want <= 0) return;
    const blank = live.then(async ({ browser }) => (await browser.pages()).filter((p) => p.url() === 'about:blank' && !this.loaded.has(p)));
    // A browser that does not start fails `live` and so `blank`; that failure is the documents' to report.
    blank.catch(() => undefined);
    for (let i = 0; i < want; i++) {
      const made: Promise<Page | undefined> = (async () => {
        const { browser, generation } = await live;
        const page = await this.prepare((await blank)[i] ?? browser, generation);
        const html = await primer?.catch(() => undefined);
        if (html) {
          await page
            .setContent(html, { waitUntil: 'load', timeout: this.timeout })
            .then(() => page.evaluate(() => document.fonts.ready.then(() => undefined)))
            .catch(() => undefined);
        }
        return page;
      })().catch(() => undefined);
      this.pending.push(made);
      void made.then((page) => {
        // Not claimed by a document meanwhile: keep it for the next one.
        const at = this.pending.indexOf(made);
        if (at < 0) return;
        this.pending.splice(at, 1);
        if (page) this.idle.push(page);
      });
    }
  }

  /**
   * A page for a document with style key `key`: one already showing these styles (then only the body
   * changes), else one that has shown nothing yet, else another while there are fewer than two per
   * slot (a deck and a print briefing take turns otherwise, each reloading its fonts), else the
   * longest idle.
   */
  async take(live: Live, key: StyleKey | undefined): Promise<Page> {
    this.idle = this.idle.filter((p) => !p.isClosed() && this.loaded.get(p)?.generation === live.generation);
    const match = this.idle.findIndex((p) => sameStyles(this.loaded.get(p)?.key, key));
    const blank = this.idle.findIndex((p) => this.loaded.get(p)?.key === undefined);
    const warmed = await this.pending.shift();
    if (warmed && this.loaded.get(warmed)?.generation !== live.generation) this.pages.delete(warmed);
    const fromWarm = warmed && this.loaded.get(warmed)?.generation === live.generation ? warmed : undefined;
    return (
      (match >= 0 ? this.idle.splice(match, 1)[0] : undefined) ??
      (blank >= 0 ? this.idle.splice(blank, 1)[0] : undefined) ??
      fromWarm ??
      (this.pages.size < this.perSlot ? undefined : this.idle.shift()) ??
      (await this.prepare(live.browser, live.generation))
    );
  }

  /** Takes back a page that rendered its document well. */
  give(page: Page, generation: number): void {
    if (!page.isClosed() && this.loaded.get(page)?.generation === generation) this.idle.push(page);
    else this.pages.delete(page);
  }

  /** Closes a page that failed (timeout, crash, bad document): it is not trusted again. */
  async discard(page: Page, within: number): Promise<boolean> {
    this.pages.delete(page);
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      page.close().then(() => true, () => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), within))),
    ]).finally(() => clearTimeout(timer));
    return closed || page.isClosed();
  }

  /** Forgets the pages of a browser that is gone or going. */
  forget(): void {
    this.idle = [];
    this.pending = [];
    this.pages = new Set();
  }

  private async prepare(from: Browser | Page, generation: number): Promise<Page> {
    const page = await sandboxedPage(from, this.timeout);
    // Every document here is laid out to be printed or photographed as printed (the deck's screen CSS
    // mirrors its print CSS), so the page has print media from the start: printing then finds the
    // styles it needs already computed. Switching media at print time recalculated every element's
    // style three times (to print, for the page box, and back), a third of a deck's print.
    await page.emulateMediaType('print');
    // A renderer that dies while its page waits idle: the page is never handed out again (every call
    // on it would wait out the timeout).
    page.once('error', () => {
      this.idle = this.idle.filter((p) => p !== page);
      this.pages.delete(page);
      this.loaded.delete(page);
    });
    this.pages.add(page);
    this.loaded.set(page, { key: undefined, viewport: '1280x720', generation });
    return page;
  }

  /** Sets the page's viewport if it differs from the one it has. */
  async fit(page: Page, viewport: { width: number; height: number }): Promise<void> {
    const size = `${viewport.width}x${viewport.height}`;
    const state = this.loaded.get(page);
    if (state && state.viewport !== size) {
      await page.setViewport(viewport);
      state.viewport = size;
    }
  }

  /**
   * Shows `html` in `page` with its fonts ready and its images decoded; returns the images that
   * failed to decode. When the page already shows a document with the same styles, only the body
   * (and title, and the document's own style) change: no style parsing, no font decoding, ~3x faster.
   * At the print-only viewport the document is hidden until it is printed (browser/print-only.ts).
   */
  async show(page: Page, html: string, key = styleKey(html)): Promise<string[]> {
    const state = this.loaded.get(page);
    const printOnly = isPrintOnly(page.viewport());
    const bodyAt = html.indexOf('<body>');
    const bodyEnd = html.lastIndexOf('</body>');
    // Pages here run no scripts: the deck's viewer (a third of its body) need not cross the pipe.
    const body = bodyEnd > bodyAt ? html.slice(bodyAt + 6, bodyEnd).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '') : '';
    const slides = slideBody(body);
    const next = slides && shapesOf(slides);
    if (state && sameStyles(state.key, key) && bodyEnd > bodyAt) {
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const plan = state.shown && slides && next ? planSwap(state.shown, slides, next.shapes) : undefined;
      // Only the slides that changed (slide-swap.ts), else the whole body.
      const swapped = plan ? await page.evaluate(applySwap, plan, state.shown?.keys.length ?? 0) : false;
      const own = key?.own !== state.key?.own ? (key?.own ?? null) : null;
      await page.evaluate(
        (body: string | null, titleHtml: string, own: string | null) => {
          const t = document.createElement('textarea');
          t.innerHTML = titleHtml;
          document.title = t.value;
          const style = own === null ? null : document.head.querySelector('style[data-document]');
          if (style) style.textContent = own;
          if (body !== null) document.body.innerHTML = body;
        },
        swapped ? null : body,
        title,
        own,
      );
      state.key = key;
      state.shown = next?.shown;
      return page.evaluate(settle, printOnly);
    }
    if (state) (state.key = undefined), (state.shown = undefined);
    await page.setContent(printOnly ? hiddenOnScreen(html) : html, { waitUntil: 'load', timeout: this.timeout });
    const failed = await page.evaluate(settle, printOnly);
    if (state) (state.key = key), (state.shown = next?.shown);
    return failed;
  }
}
