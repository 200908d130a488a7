// A huge briefing (bench/huge-briefing.mjs: every list at 100 items) builds as a user runs it, and
// nothing is lost on the way: every item's text is in deck.pdf (and its token in briefing.pdf, whose
// columns pdftotext interleaves with the text), one PNG per slide, named so that they sort in slide order. (How its cost grows with N: bench/huge.mjs.)
// deck.pdf of a deck past BRIEFDECK_PDF_CHUNK_SLIDES slides (250 unless told) is printed a range of
// slides at a time and joined (src/output/pdf-chunks.ts); the tests lower the threshold so that decks of
// a size a test can build take that path, and read the joined file back: pages, text, qpdf --check,
// a sound structure tree, embedded fonts; and the same text, pages and tags as the deck printed whole.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, runBin } from '../helpers/cli.js';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck, squash } from '../helpers/pdf.js';
import { pdfTags } from '../helpers/pdf-tags.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';
import { hugeTexts, hugeTokens, hugeYaml } from '../../bench/huge-briefing.mjs';

useTempDirs();
// 100 items a list: about 210 slides (three-digit picture names), a minute's build on a quiet 2-core machine.
const N = 100;
/** Slides a print call in these tests: the 210-slide deck prints in four ranges. */
const CHUNK = '60';

interface Bookmark {
  title: string;
  destpageposfrom1: number;
  kids: Bookmark[];
}

/** The bookmarks as titles and the pages they open, nested (qpdf's JSON). */
function outline(file: string): unknown[] {
  const { outlines } = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as { outlines: Bookmark[] };
  const flat = (list: Bookmark[]): unknown[] => list.map((b) => [b.title, b.destpageposfrom1, flat(b.kids)]);
  return flat(outlines);
}

/** What a reader of deck.pdf gets: sound (qpdf), tagged with a sound tree, every font embedded. */
async function expectSoundPdf(file: string): Promise<Awaited<ReturnType<typeof pdfTags>>> {
  const check = qpdfCheck(file);
  expect(check.status, check.output).toBe(0);
  expect(pdfInfo(file).fields.Tagged).toBe('yes');
  const tags = await pdfTags(file);
  expect(tags.problems).toEqual([]);
  expect(tags.marked).toBeGreaterThan(0);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !f.embedded || !f.subset).map((f) => f.name)).toEqual([]);
  return tags;
}

type ByList = Record<string, string[]>;

describe('a huge deck', () => {
  beforeAll(() => ensureDist(), 120_000);

  it(`keeps every item of ${N}-item lists: in deck.pdf, in briefing.pdf, and one sorted PNG a slide`, async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, hugeYaml(N));
    const out = path.join(dir, 'out');
    const r = runBin(['build', file, '--out', out, '--format', 'html', '--format', 'pdf', '--format', 'print', '--format', 'md', '--format', 'png', '--scale', '0.5'], { env: { CI: '1', BRIEFDECK_PDF_CHUNK_SLIDES: CHUNK }, timeout: 240_000 });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const folder = path.join(out, 'huge');
    const slides = pdfInfo(path.join(folder, 'deck.pdf')).pages;
    expect(slides, "hundreds of slides (their pictures need three digits)").toBeGreaterThan(N);
    const tags = await expectSoundPdf(path.join(folder, 'deck.pdf'));
    expect(tags.types.H2, 'a heading a slide past the title').toBe(slides - 1);
    for (const name of ['deck.pdf', 'briefing.pdf']) {
      const text = pdfText(path.join(folder, name));
      const flat = squash(text);
      const missing = (lists: ByList, within: string, norm: (s: string) => string) =>
        Object.entries(lists).flatMap(([list, items]) => items.filter((t) => !within.includes(norm(t))).map((t) => `${list}: ${t.slice(0, 40)}`));
      expect(missing(hugeTokens(N), text, (t) => t), `tokens missing from ${name}`).toEqual([]);
      if (name === 'deck.pdf') expect(missing(hugeTexts(N), flat, squash), `texts missing from ${name}`).toEqual([]);
    }
    // One picture a slide; name order is slide order (three digits here, as many as the count needs).
    const pngs = readdirSync(path.join(folder, 'slides'));
    expect(pngs).toHaveLength(slides);
    const width = String(slides).length;
    expect(pngs.every((n) => new RegExp(`^\\d{${width}}\\.png$`).test(n))).toBe(true);
    expect([...pngs].sort()).toEqual(pngs.map((_, i) => `${String(i + 1).padStart(width, '0')}.png`));
  }, 300_000);

  it('prints deck.pdf in ranges with the same pages, text and tags as printed whole', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mid.yaml');
    writeFileSync(file, hugeYaml(12));
    const build = (out: string, chunk?: string) => {
      const r = runBin(['build', file, '--out', out, '--format', 'pdf'], { env: { CI: '1', ...(chunk ? { BRIEFDECK_PDF_CHUNK_SLIDES: chunk } : {}) }, timeout: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      return path.join(out, 'mid', 'deck.pdf');
    };
    const whole = build(path.join(dir, 'whole'));
    const ranges = build(path.join(dir, 'ranges'), '7');
    const pages = pdfInfo(whole).pages;
    expect(pages, 'enough slides for several ranges').toBeGreaterThan(21);
    expect(pdfInfo(ranges).pages).toBe(pages);
    expect(pdfText(ranges)).toBe(pdfText(whole));
    const [a, b] = [await expectSoundPdf(whole), await expectSoundPdf(ranges)];
    expect(b.types).toEqual(a.types);
    expect([b.marked, b.annotations]).toEqual([a.marked, a.annotations]);
    for (const field of ['Title', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate']) expect(pdfInfo(ranges).fields[field]).toBe(pdfInfo(whole).fields[field]);
    expect(outline(ranges)).toEqual(outline(whole));
    expect(outline(ranges).length).toBeGreaterThan(3);
    expect(pdfText(ranges)).toContain(hugeTokens(12).keyPoints[11]);
  }, 200_000);
});
