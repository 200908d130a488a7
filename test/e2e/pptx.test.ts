// `--format pptx`: deck.pptx opened as the ZIP of XML it is, and converted by LibreOffice to a PDF
// whose pages match deck.pdf's slides, in both themes, right to left, and for a briefing we did not write.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHAR_EM_FLOOR, textHeightPt } from '../../src/pptx/text.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE, EXAMPLE_HE, fixture } from '../helpers/paths.js';
import { pdfInfo, pdfText, squash } from '../helpers/pdf.js';
import { readPptx, type ShapeXml, type SlideXml } from '../helpers/pptx.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const EMU_PT = 12700;

/** Builds deck.pdf and deck.pptx of `file`, and converts the PowerPoint with LibreOffice. */
async function build(file: string, args: string[] = []) {
  const out = await tempDir();
  const run = await runCli(['build', file, '--out', out, '--format', 'pdf', '--format', 'pptx', ...args]);
  expect(run.code, run.stderr).toBe(0);
  const slug = path.basename(readdirOne(out));
  const dir = path.join(out, slug);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/lo-profile`, '--convert-to', 'pdf', '--outdir', path.join(out, 'lo'), path.join(dir, 'deck.pptx')], { stdio: 'pipe', timeout: 120_000 });
  return { dir, deckPdf: path.join(dir, 'deck.pdf'), pptx: path.join(dir, 'deck.pptx'), loPdf: path.join(out, 'lo', 'deck.pdf') };
}

function readdirOne(out: string): string {
  const names = execFileSync('ls', [out], { encoding: 'utf8' }).split('\n').filter((n) => n && !n.startsWith('.') && n !== 'lo-profile' && n !== 'lo');
  const dir = names.find((n) => !n.endsWith('.json'));
  if (!dir) throw new Error(`no briefing folder in ${out}`);
  return path.join(out, dir);
}

/** Words of four letters or more, per page. */
const pages = (pdf: string) => pdfText(pdf).split('\f').slice(0, -1);
const words = (text: string) => new Set((text.normalize('NFKC').match(/[\p{L}\p{N}]{4,}/gu) ?? []).map((w) => w.toLowerCase()));

/** The share of deck.pdf's words on each slide that LibreOffice's page of the PowerPoint shows too. */
function overlap(deckPdf: string, loPdf: string): number[] {
  const a = pages(deckPdf);
  const b = pages(loPdf);
  return a.map((page, i) => {
    const want = words(page);
    const have = words(b[i] ?? '');
    const found = [...want].filter((w) => have.has(w)).length;
    return want.size ? found / want.size : 1;
  });
}

/** Text boxes whose text, estimated at its size from the line metrics, is taller than the box. */
function overflowing(slides: SlideXml[]): string[] {
  const over: string[] = [];
  slides.forEach((s, i) => {
    for (const sh of s.shapes) {
      if (!sh.text.trim()) continue;
      const est = estimate(sh);
      const room = (sh.box.h - sh.insets[1] - sh.insets[3]) / EMU_PT;
      if (est > room + 1) over.push(`slide ${i + 1} "${sh.name}": ${est.toFixed(0)}pt of text in ${room.toFixed(0)}pt`);
    }
  });
  return over;
}

function estimate(sh: ShapeXml): number {
  const first = sh.paragraphs[0];
  return textHeightPt({
    paragraphs: sh.paragraphs,
    fontPt: first?.fontPt ?? 18,
    lineHeight: first?.lineHeight ?? 1,
    widthPt: (sh.box.w - sh.insets[0] - sh.insets[2]) / EMU_PT,
    charEm: CHAR_EM_FLOOR,
  });
}

describe('deck.pptx of the example (briefing theme)', () => {
  let b: Awaited<ReturnType<typeof build>>;
  let slides: SlideXml[];
  beforeAll(async () => {
    b = await build(EXAMPLE);
    slides = (await readPptx(b.pptx)).slides;
  }, 240_000);

  it('has every slide of deck.pdf, 16:9, in order, each title in a title placeholder', async () => {
    expect(slides.length).toBe(pdfInfo(b.deckPdf).pages);
    const { zip } = await readPptx(b.pptx);
    expect(await zip.file('ppt/presentation.xml')?.async('string')).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    const deckPages = pages(b.deckPdf);
    slides.forEach((s, i) => {
      const title = s.shapes.find((sh) => sh.placeholder === 'title');
      expect(title?.text, `slide ${i + 1}`).toBeTruthy();
      // (The deck sets some headings in capitals with CSS; the PowerPoint keeps the words as written.)
      expect(squash(deckPages[i] ?? '').toLowerCase(), `slide ${i + 1}`).toContain(squash((title?.text ?? '').replace(/ \d+\/\d+$/, '')).toLowerCase());
    });
  });

  it('puts every key point as text runs in one body placeholder, numbered, with citations as superscript runs', () => {
    const kp = slides.filter((s) => s.shapes.find((sh) => sh.placeholder === 'title')?.text.startsWith('Key points'));
    expect(kp.length).toBeGreaterThan(0);
    const body = kp.flatMap((s) => s.shapes.filter((sh) => sh.placeholder === 'body'));
    expect(body.length).toBe(kp.length);
    const yaml = readFileSync(EXAMPLE, 'utf8');
    const count = (yaml.split('keyPoints:')[1]?.split('\nsections:')[0]?.match(/^ {2}- text:/gm) ?? []).length;
    const paragraphs = body.flatMap((sh) => sh.paragraphs);
    expect(paragraphs.filter((p) => p.bullet === 'number').length).toBe(count);
    expect(squash(body.map((sh) => sh.text).join(''))).toContain(squash('The US has resumed diplomatic engagement with Iran over its nuclear program.'));
    expect(paragraphs.some((p) => p.runs.some((r) => r.superscript && /^\d+(,\d+)*$/.test(r.text)))).toBe(true);
    // Sub-points are paragraphs one level down in the same box, not boxes of their own.
    expect(slides.some((s) => s.shapes.some((sh) => sh.placeholder === 'body' && sh.paragraphs.some((p) => p.level === 1)))).toBe(true);
  });

  it('has native tables for actors, scenarios, glossary and sources, and badges and the timeline as shapes', () => {
    const byTitle = (t: string) => slides.filter((s) => s.shapes.find((sh) => sh.placeholder === 'title')?.text.startsWith(t));
    for (const t of ['Actors', 'Scenarios', 'Glossary', 'Sources']) expect(byTitle(t).every((s) => s.tables === 1), t).toBe(true);
    expect(byTitle('Key points').flatMap((s) => s.shapes.filter((sh) => sh.name.startsWith('Badge'))).map((sh) => sh.text)).toContain('very likely');
    const timeline = byTitle('Timeline')[0];
    expect(timeline?.xml).toMatch(/prst="line"/);
    expect(timeline?.shapes.filter((sh) => sh.name.startsWith('Event')).length).toBeGreaterThan(2);
  });

  it('links citations to the sources slide', () => {
    const sources = slides.findIndex((s) => s.shapes.find((sh) => sh.placeholder === 'title')?.text.startsWith('Sources'));
    expect(sources).toBeGreaterThan(0);
    expect(slides[2]?.xml).toMatch(/action="ppaction:\/\/hlinksldjump"/);
  });

  it('carries the speaker notes, the marking in every slide header and footer placeholder, slide numbers, a lang on every run', async () => {
    expect(slides[0]?.notes).toMatch(/summarises a news analysis/);
    expect(slides.filter((s) => s.notes).length).toBeGreaterThan(3);
    for (const [i, s] of slides.entries()) {
      // The header band's marking is a shape of the layout; the footer's is the slide's own footer placeholder.
      expect((s.layoutXml.match(/<a:t>TLP:CLEAR<\/a:t>/g) ?? []).length, `slide ${i + 1}`).toBe(1);
      expect(s.layoutXml, `slide ${i + 1}`).toMatch(/<p:ph type="ftr"/);
      expect(s.shapes.find((sh) => sh.placeholder === 'ftr')?.text, `slide ${i + 1}`).toBe('TLP:CLEAR');
      expect(s.shapes.flatMap((sh) => sh.paragraphs.flatMap((p) => p.runs)).every((r) => r.lang === 'en-GB')).toBe(true);
      // Every slide but the title has its number (a field) and the as-of date in their placeholders.
      if (i > 0) {
        expect(s.xml, `slide ${i + 1}`).toMatch(/<p:ph type="sldNum"[^>]*\/>[\s\S]*?<a:fld [^>]*type="slidenum">/);
        expect(s.shapes.find((sh) => sh.placeholder === 'dt')?.text).toBe('As of 14 April 2025');
      }
    }
    expect(slides[0]?.xml).not.toMatch(/type="sldNum"/);
    const { master, layouts } = await readPptx(b.pptx);
    expect(master).toMatch(/<p:ph type="ftr"[\s\S]*<p:ph type="dt"[\s\S]*<p:ph type="sldNum"/);
    expect(master).toMatch(/<p:hf hdr="0"\/>/);
    // Every layout is one of the theme's six (no DEFAULT), and the slides use five of them.
    expect(layouts.map((l) => l.name).sort()).toEqual(['Cards', 'Figure', 'Points and picture', 'Table', 'Title', 'Title and points'].map((n) => `briefing · ${n}`).sort());
    expect(new Set(slides.map((s) => s.layoutName)).size).toBeGreaterThanOrEqual(5);
  });

  it('has the locator map as a picture with alt text where the deck draws it, key figures as a grid of shapes', async () => {
    const { zip } = await readPptx(b.pptx);
    const map = slides[0]?.pictures.find((p) => /Iran/.test(p.descr));
    expect(map?.descr).toMatch(/Israel/);
    expect(slides[0]?.xml).toMatch(/<p:cNvPr [^>]*name="Map"/);
    const media = Object.keys(zip.files).filter((f) => /^ppt\/media\/.*\.png$/.test(f));
    expect(media.length).toBeGreaterThan(0);
    const kf = slides.find((s) => s.shapes.find((sh) => sh.placeholder === 'title')?.text === 'Key figures');
    const figures = kf?.shapes.filter((sh) => /^Key figure \d+$/.test(sh.name)) ?? [];
    expect(figures.map((f) => f.paragraphs[0]?.runs[0]?.text)).toEqual(['3.67%', '60%', '274.8 kg', '2018']);
    for (const f of figures) {
      expect(f.placeholder).toBeUndefined();
      // The value stands larger than its label, in the one shape.
      expect((f.paragraphs[0]?.fontPt ?? 0) / (f.paragraphs[1]?.fontPt ?? 1)).toBeGreaterThan(2);
    }
    // Two by two, as the deck's grid: two columns, two rows.
    expect(new Set(figures.map((f) => f.box.x)).size).toBe(2);
    expect(new Set(figures.map((f) => f.box.y)).size).toBe(2);
  });

  it('has no text box whose text overflows at its size', () => {
    expect(overflowing(slides)).toEqual([]);
  });

  it('converts with LibreOffice to the same slides, in the same order, as deck.pdf', () => {
    expect(pdfInfo(b.loPdf).pages).toBe(pdfInfo(b.deckPdf).pages);
    const shares = overlap(b.deckPdf, b.loPdf);
    expect(shares.filter((s) => s < 0.9).map((s, i) => `${i}: ${s.toFixed(2)}`)).toEqual([]);
  });

  it('gives the same bytes on a second build', async () => {
    const again = await build(EXAMPLE);
    expect(readFileSync(again.pptx).equals(readFileSync(b.pptx))).toBe(true);
  }, 240_000);
});

describe('deck.pptx in the situation-room theme, right to left, and of another briefing', () => {
  it('situation-room: the theme colours and the same slides', async () => {
    const b = await build(EXAMPLE, ['--theme', 'situation-room']);
    const { slides, zip } = await readPptx(b.pptx);
    expect(await zip.file('ppt/theme/theme1.xml')?.async('string')).toMatch(/<a:lt1><a:srgbClr val="0E1116"\/>|<a:dk1><a:srgbClr val="0E1116"\/>/);
    expect(overflowing(slides)).toEqual([]);
    expect(overlap(b.deckPdf, b.loPdf).filter((s) => s < 0.9)).toEqual([]);
  }, 240_000);

  it('Hebrew: right-to-left paragraphs, he-IL runs, slides as deck.pdf', async () => {
    const b = await build(EXAMPLE_HE);
    const { slides } = await readPptx(b.pptx);
    expect(slides.length).toBe(pdfInfo(b.deckPdf).pages);
    expect(slides[2]?.xml).toMatch(/<a:pPr[^>]*rtl="1"/);
    expect(slides.every((s) => s.shapes.flatMap((sh) => sh.paragraphs.flatMap((p) => p.runs)).every((r) => r.lang === 'he-IL'))).toBe(true);
    expect(overflowing(slides)).toEqual([]);
    expect(overlap(b.deckPdf, b.loPdf).filter((s) => s < 0.85)).toEqual([]);
  }, 240_000);

  it('a marking of 120 characters: whole on every page of the LibreOffice PDF, in the header and the footer', async () => {
    const marking = 'RESTRICTED // RELEASABLE TO PARTNER AGENCIES ONLY // HANDLE VIA OFFICIAL CHANNELS // NOT FOR PUBLIC DISTRIBUTION OR TV!!';
    expect(marking.length).toBe(120);
    const dir = await tempDir();
    const file = path.join(dir, 'long-marking.yaml');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace('marking: "TLP:CLEAR"', `marking: "${marking}"`));
    const b = await build(file);
    const { slides } = await readPptx(b.pptx);
    expect(slides.every((s) => s.shapes.find((sh) => sh.placeholder === 'ftr')?.text === marking)).toBe(true);
    expect(overflowing(slides)).toEqual([]);
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    expect(pages(b.loPdf).map((p) => flat(p).split(marking).length - 1)).toEqual(pages(b.deckPdf).map(() => 2));
  }, 240_000);

  it('a long briefing on another topic', async () => {
    const b = await build(fixture('long-other-topic.yaml'));
    const { slides } = await readPptx(b.pptx);
    expect(slides.length).toBe(pdfInfo(b.deckPdf).pages);
    expect(overflowing(slides)).toEqual([]);
    expect(overlap(b.deckPdf, b.loPdf).filter((s) => s < 0.9)).toEqual([]);
  }, 240_000);
});
