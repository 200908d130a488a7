// Presenting and handing out: PDF bookmarks and speaker-note annotations on the deck, the handout
// (2 and 3 slides a page), slide PNGs and the Open Graph image — built with the project's own pipeline
// in Chromium and read back with qpdf, pdfinfo and pdftotext.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadBriefing, type LoadedBriefing } from '../../src/content/load.js';
import { buildView } from '../../src/render/view.js';
import { readAssets } from '../../src/model/assets.js';
import { loadTemplates, type Templates } from '../../src/render/templates.js';
import { MarpEngine } from '../../src/render/marp.js';
import { findBrowser } from '../../src/browser/finder.js';
import { renderDeck, type RenderedDeck } from '../../src/render/deck.js';
import type { Slide } from '../../src/render/slides.js';
import { BrowserSession } from '../../src/browser/session.js';
import { fitDeck } from '../../src/fit/fit.js';
import { printPage, withMetadata } from '../../src/output/pdf.js';
import { addOutline, deckOutline, type OutlineEntry } from '../../src/output/outline.js';
import { addNoteAnnotations } from '../../src/output/notes.js';
import { renderHandout, handoutFontCss, splitSlides } from '../../src/render/handout.js';
import { screenshotSlides, ogImage } from '../../src/output/images.js';

const TIMEOUT = 120_000;
const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
/** Set to a folder to keep the PDFs and PNGs this test makes. */
const KEEP = process.env.PRESENT_OUTPUT_DIR;

interface Built {
  loaded: LoadedBriefing;
  deck: RenderedDeck;
  pdf: Uint8Array;
}

let session: BrowserSession;
let templates: Templates;
let marp: MarpEngine;
let dir: string;
const built = new Map<string, Built>();

/** Builds a deck the way src/build.ts does: load, view, fit in Chromium, print, metadata. */
async function buildDeck(file: string): Promise<Built> {
  const loaded = await loadBriefing(join(CONTENT, file));
  const view = buildView(loaded.briefing, loaded.slug, 'markdown', await readAssets(loaded));
  const fitted = await fitDeck(
    session,
    (fit) => renderDeck(view, templates, marp, { theme: 'briefing', fit }),
    (page) => printPage(page, session.timeout),
  );
  const pdf = await withMetadata(fitted.result, { title: view.plainTitle, lang: loaded.briefing.lang, date: new Date(`${loaded.briefing.date}T00:00:00Z`) });
  return { loaded, deck: fitted.deck, pdf };
}

function save(name: string, data: Uint8Array): string {
  const file = join(KEEP ?? dir, name);
  writeFileSync(file, data);
  return file;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const pdfinfo = (file: string) => run('pdfinfo', [file]);
const pages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(file))?.[1]);

interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  kids: QpdfOutline[];
}
interface QpdfJson {
  outlines: QpdfOutline[];
  pages: { object: string }[];
  qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
}
/** qpdf --check passes (exit 0), and the file as qpdf's JSON. */
function qpdf(file: string): QpdfJson {
  expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  return JSON.parse(run('qpdf', ['--json', file])) as QpdfJson;
}
const obj = (j: QpdfJson, ref: unknown) => j.qpdf[1][`obj:${String(ref)}`]?.value ?? {};
const text = (v: unknown) => String(v ?? '').replace(/^u:/, '');
const leaves = (items: QpdfOutline[]): QpdfOutline[] => items.flatMap((o) => (o.kids.length ? leaves(o.kids) : [o]));
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Width and height from a PNG's IHDR. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The colour of the first pixel of every row: enough to see a letterbox bar (any PNG filter, 8-bit RGB/RGBA). */
function firstColumn(png: Uint8Array): [number, number, number][] {
  const b = Buffer.from(png);
  const { width, height } = pngSize(png);
  const colourType = b[25];
  const bpp = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    if (type === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp + 1;
  const out: [number, number, number][] = [];
  let prior = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * stride] ?? 0;
    const px = [0, 1, 2].map((c) => {
      const v = raw[y * stride + 1 + c] ?? 0;
      const up = prior[c] ?? 0;
      // Left and upper-left are 0 for the first pixel: Sub adds 0, Up and Paeth add up, Average adds up/2.
      return (v + (filter === 2 || filter === 4 ? up : filter === 3 ? Math.floor(up / 2) : 0)) & 0xff;
    }) as [number, number, number];
    out.push(px);
    prior = px;
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefdeck-present-'));
  session = new BrowserSession({ executablePath: findBrowser().executablePath, concurrency: 2 });
  templates = await loadTemplates();
  marp = new MarpEngine([...templates.themes.values()]);
  const [en, he] = await Promise.all([buildDeck('us-iran-nuclear-talks.yaml'), buildDeck('us-iran-nuclear-talks.he.yaml')]);
  built.set('en', en);
  built.set('he', he);
}, TIMEOUT);

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (lang: string) => built.get(lang) as Built;

describe('deckOutline', () => {
  it('puts the title slide first and nests the slides of a part under it', () => {
    const { slides } = get('en').deck;
    const outline = deckOutline(slides);
    expect(outline[0]).toEqual({ title: slides[0]?.plainHeading, page: 0 });
    const keyPoints = slides.filter((s) => s.part === 'keyPoints');
    const entry = outline.find((e) => e.page === (keyPoints[0] as Slide).number - 1) as OutlineEntry;
    if (keyPoints.length > 1) {
      expect(entry.title).toBe('Key points');
      expect(entry.children?.map((c) => c.title)).toEqual(keyPoints.map((s) => s.plainHeading));
    } else {
      expect(entry).toEqual({ title: 'Key points', page: (keyPoints[0] as Slide).number - 1 });
    }
    // Every slide once, in order.
    const all = outline.flatMap((e) => (e.children?.length ? e.children : [e]));
    expect(all.map((e) => e.page)).toEqual(slides.map((s) => s.number - 1));
    expect(all.map((e) => e.title)).toEqual(slides.map((s) => s.plainHeading));
  });

  it('leaves a part of one slide as a top-level entry', () => {
    const s = (part: string, n: number, h: string): Slide => ({ key: `${part}#0`, part, kind: 'section', plainHeading: h, items: [], start: 1, classes: '', number: n });
    expect(deckOutline([s('title', 1, 'T'), s('bluf', 2, 'B'), s('a', 3, 'A (1/2)'), s('a', 4, 'A (2/2)'), s('b', 5, 'C')])).toEqual([
      { title: 'T', page: 0 },
      { title: 'B', page: 1 },
      { title: 'A', page: 2, children: [{ title: 'A (1/2)', page: 2 }, { title: 'A (2/2)', page: 3 }] },
      { title: 'C', page: 4 },
    ]);
  });
});

describe.each(['en', 'he'])('deck.pdf bookmarks and speaker notes (%s)', (lang) => {
  it(
    'writes one bookmark per slide and a sticky note per slide with notes, keeping the tags',
    async () => {
      const { deck, pdf } = get(lang);
      const notes = deck.slides.map((s) => s.notes ?? '');
      expect(notes.filter(Boolean).length).toBeGreaterThan(0);
      const out = await addNoteAnnotations(await addOutline(pdf, deckOutline(deck.slides)), notes);
      const file = save(`deck-${lang}.pdf`, out);

      const info = pdfinfo(file);
      expect(info).toMatch(/^Tagged:\s+yes/m);
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(deck.slides.length);

      const j = qpdf(file);
      const marks = leaves(j.outlines);
      expect(marks.length).toBe(deck.slides.length);
      expect(marks.map((m) => m.title)).toEqual(deck.slides.map((s) => s.plainHeading));
      expect(marks.map((m) => m.destpageposfrom1)).toEqual(deck.slides.map((s) => s.number));
      if (lang === 'he') expect(marks.some((m) => /[\u0590-\u05ff]/.test(m.title))).toBe(true);

      const catalog = Object.values(j.qpdf[1]).find((o) => o.value?.['/Type'] === '/Catalog')?.value ?? {};
      expect(catalog['/PageMode']).toBe('/UseOutlines');
      expect(catalog['/StructTreeRoot']).toBeTruthy();

      j.pages.forEach((p, i) => {
        const page = obj(j, p.object);
        const annots = page['/Annots'];
        const refs: unknown[] = Array.isArray(annots) ? annots : annots ? ((j.qpdf[1][`obj:${String(annots)}`] as { value?: unknown[] })?.value ?? []) : [];
        const stickies = refs.map((r) => obj(j, r)).filter((a) => a['/Subtype'] === '/Text');
        if (!notes[i]) {
          expect(stickies).toHaveLength(0);
          return;
        }
        expect(stickies).toHaveLength(1);
        const a = stickies[0] as Record<string, unknown>;
        expect(flat(text(a['/Contents']))).toBe(flat(notes[i] as string));
        expect(a['/Name']).toBe('/Comment');
        expect(Number(a['/F']) & 4).toBe(0); // never printed
        expect(typeof a['/StructParent']).toBe('number');
      });
    },
    TIMEOUT,
  );
});

describe.each([2, 3] as const)('handout, %i slides a page', (perPage) => {
  it.each(['a4', 'letter'] as const)(
    '%s: portrait, ceil(slides / perPage) pages, notes as text, tagged',
    async (paper) => {
      const { loaded, deck } = get('en');
      const { html, css } = marp.render(deck.markdown);
      expect(splitSlides(html)).toHaveLength(deck.slides.length);
      const view = buildView(loaded.briefing, loaded.slug, 'html', await readAssets(loaded));
      const doc = renderHandout({ marpHtml: html, marpCss: css, slides: deck.slides, view, paper, perPage, fontCss: await handoutFontCss(html, deck.slides, view), templates });
      const pdf = await session.withDocument(doc, (page) => printPage(page, session.timeout), { width: 794, height: 1123 });
      const file = save(`handout-${perPage}-${paper}.pdf`, pdf);

      const info = pdfinfo(file);
      expect(info).toMatch(/^Tagged:\s+yes/m);
      expect(pages(file)).toBe(Math.ceil(deck.slides.length / perPage));
      const [w, h] = (/^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? []).slice(1).map(Number) as [number, number];
      expect(h).toBeGreaterThan(w);
      if (paper === 'a4') {
        expect(Math.abs(w - 595.28)).toBeLessThan(1);
        expect(Math.abs(h - 841.89)).toBeLessThan(1);
      } else {
        expect([w, h]).toEqual([612, 792]);
      }
      const words = flat(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
      for (const n of deck.slides.map((s) => s.notes).filter((n): n is string => Boolean(n))) {
        expect(words).toContain(flat(n).slice(0, 60));
      }
      expect(words).toMatch(/Page 1 of \d+/);
      expect(words).toContain('TLP:CLEAR');
    },
    TIMEOUT,
  );
});

describe('slide images', () => {
  it(
    'screenshots every slide at 1920x1080 and the title slide as a 1200x630 card letterboxed in navy',
    async () => {
      const { deck } = get('en');
      const { pngs, og } = await session.withDocument(deck.html, async (page) => ({
        pngs: await screenshotSlides(page, { scale: 1.5 }),
        og: await ogImage(page),
      }));
      expect(pngs).toHaveLength(deck.slides.length);
      for (const png of pngs) expect(pngSize(png)).toEqual({ width: 1920, height: 1080 });
      expect(new Set(pngs.map((p) => Buffer.from(p).toString('base64'))).size).toBe(pngs.length);
      expect(pngSize(og)).toEqual({ width: 1200, height: 630 });
      // The bars beside the scaled slide are the title slide's navy, #14213D, top to bottom.
      for (const [r, g, b] of firstColumn(og)) expect(Math.abs(r - 0x14) + Math.abs(g - 0x21) + Math.abs(b - 0x3d)).toBeLessThan(6);
      if (KEEP) {
        pngs.forEach((p, i) => save(`slide-${String(i + 1).padStart(2, '0')}.png`, p));
        save('og.png', og);
      }
    },
    TIMEOUT,
  );
});
