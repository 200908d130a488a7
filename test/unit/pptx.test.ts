// The PowerPoint IR's pure parts: text as runs, citations, the text-height estimate and fitting,
// a native chart through the writer, one pPr per paragraph, and the same bytes for the same IR.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chartShape } from '../../src/pptx/chart.js';
import { fitShapes, fits } from '../../src/pptx/fit.js';
import type { DeckIR, TextShape } from '../../src/pptx/ir.js';
import { citeRuns, runsOf, textHeightPt } from '../../src/pptx/text.js';
import { layoutsOf, themeOf } from '../../src/pptx/theme.js';
import { writePptx } from '../../src/pptx/write.js';
import { chromeOf, type ChromeView } from '../../src/pptx/chrome.js';
import type { Measured, SlideGeometry } from '../../src/pptx/geometry.js';
import { finishPptx, onePPr } from '../../src/pptx/zip.js';
import { shapesOf } from '../helpers/pptx.js';

describe('runsOf', () => {
  it('turns inline Markdown into runs of plain text with their formatting', () => {
    expect(runsOf('a **bold** and *em* `code` [link](https://example.org) \\*star\\*')).toEqual([
      { text: 'a ' },
      { text: 'bold', bold: true },
      { text: ' and ' },
      { text: 'em', italic: true },
      { text: ' ' },
      { text: 'code', code: true },
      { text: ' ' },
      { text: 'link', link: { url: 'https://example.org' } },
      { text: ' *star*' },
    ]);
  });
});

describe('citeRuns', () => {
  it('gives one superscript run linked to the sources slide, after a thin space', () => {
    expect(citeRuns([{ n: 1, id: 'a' }, { n: 3, id: 'b' }], 9, 'abcdef')).toEqual([
      { text: '\u2009' },
      { text: '1,3', superscript: true, bold: true, color: 'abcdef', link: { slide: 9 } },
    ]);
    expect(citeRuns([], 9)).toEqual([]);
  });
});

const box = (paragraphs: TextShape['paragraphs'], h: number, fontPt = 20): TextShape => ({
  kind: 'text',
  name: 'Body',
  box: { x: 0, y: 0, w: 5, h },
  paragraphs,
  style: { fontPt, lineHeight: 1.4, color: '000000' },
  inset: [0, 0],
});
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('the text-height estimate', () => {
  it('counts wrapped lines at the line height, and the space between paragraphs', () => {
    const p = { runs: [{ text: 'x'.repeat(100) }], level: 0, bullet: 'none' as const };
    // 100 characters at 0.5 em x 10 pt = 500 pt in 360 pt x 0.9: two lines of 14 pt.
    expect(textHeightPt({ paragraphs: [p], fontPt: 10, lineHeight: 1.4, widthPt: 360, charEm: 0.5 })).toBeCloseTo(28);
    expect(textHeightPt({ paragraphs: [p, { ...p, spaceBefore: 6 }], fontPt: 10, lineHeight: 1.4, widthPt: 360, charEm: 0.5 })).toBeCloseTo(62);
    // Bold text runs wider: three lines.
    expect(textHeightPt({ paragraphs: [p], fontPt: 10, lineHeight: 1.4, widthPt: 360, charEm: 0.5, bold: true })).toBeCloseTo(28);
    expect(textHeightPt({ paragraphs: [{ ...p, runs: [{ text: 'x'.repeat(150), bold: true }] }], fontPt: 10, lineHeight: 1.4, widthPt: 360, charEm: 0.5 })).toBeCloseTo(42);
  });

  it('fitting grows a box into its room, then steps its text down until it fits', () => {
    const text = [{ runs: [{ text: words(40) }], level: 0, bullet: 'bullet' as const }];
    const roomy: TextShape & { room?: number } = { ...box(text, 1), room: 8 };
    fitShapes([roomy], 0.5);
    expect(roomy.style.fontPt).toBe(20);
    expect(roomy.box.h).toBeGreaterThan(1);
    expect(fits(roomy, 0.5)).toBe(true);
    const tight = box(text, 1);
    expect(fits(tight, 0.5)).toBe(false);
    expect(fitShapes([tight], 0.5)).toBe(1);
    expect(tight.box.h).toBe(1);
    expect(tight.style.fontPt).toBeLessThan(20);
    expect(fits(tight, 0.5)).toBe(true);
  });
});

describe('onePPr', () => {
  it('keeps the first paragraph properties of each paragraph', () => {
    expect(onePPr('<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr algn="l"/><a:r><a:t>b</a:t></a:r></a:p>')).toBe(
      '<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>',
    );
  });
});

/** The part of a briefing's view the chrome reads. */
const VIEW: ChromeView = {
  marking: { plain: 'TLP:AMBER' },
  labels: { source: 'Source', asOf: 'As of' },
  primarySource: { plainTitle: 'A report on the talks' },
  dateDisplay: '14 April 2025',
};

const m = (x: number, y: number, w: number, h: number, extra: Partial<Measured> = {}): Measured => ({ x, y, w, h, fontPx: 14, lineHeightPx: 14, color: '5f6873', background: '', weight: 500, text: '', cls: '', tag: 'span', spacingPx: 0, ...extra });

/** A slide's chrome as the deck measures it: a TLP chip in the header and between the footer's source and date. */
function measured(title: boolean, marking = { x: 590, w: 100 }): SlideGeometry {
  const chip = { color: 'ffc000', background: '000000', weight: 700, spacingPx: 1.12 };
  return {
    box: m(0, 0, 1280, 720),
    blocks: [],
    items: [],
    columns: [],
    header: m(0, 0, 1280, 40),
    footer: m(0, 676, 1280, 44),
    chrome: {
      headerMarking: m(590, 8, 100, 23, chip),
      footerMarking: m(marking.x, 686, marking.w, 23, chip),
      source: title ? m(0, 0, 0, 0) : m(64, 690, 400, 16),
      date: title ? m(0, 0, 0, 0) : m(1000, 690, 128, 16),
    },
    vars: {},
    charEm: 0.55,
  };
}

function deck(): DeckIR {
  const theme = themeOf('briefing', undefined);
  const chart = { type: 'bar' as const, title: 'Enrichment level', unit: '%', categories: ['2015', '2019', '2021', '2023'], series: [{ name: 'U-235', values: [3.67, 4.5, 60, 60] }] };
  return {
    title: 'T',
    subject: 'S',
    lang: 'en',
    rtl: false,
    date: new Date('2025-04-14T00:00:00Z'),
    theme,
    layouts: layoutsOf(theme, false),
    chrome: chromeOf(VIEW, theme, measured(true), measured(false), undefined, false),
    slides: [
      {
        layout: 'figure',
        numbered: true,
        notes: 'Say this.',
        shapes: [
          { ...box([{ runs: [{ text: 'Figures' }], level: 0, bullet: 'none' }], 1), placeholder: 'title' },
          chartShape('Chart', { x: 0.67, y: 2, w: 8, h: 4.5 }, chart, theme),
        ],
      },
    ],
  };
}

describe('the chrome', () => {
  const LONG = 'RESTRICTED // RELEASABLE TO PARTNER AGENCIES ONLY // HANDLE VIA OFFICIAL CHANNELS // NOT FOR PUBLIC DISTRIBUTION OR TV!!';
  it('keeps a marking of 120 characters whole in the header and the footer: widened, wrapped, then smaller, in its band', () => {
    expect(LONG.length).toBe(120);
    const g = measured(false, { x: 150, w: 820 });
    // As the deck gives way to a long marking: the source next to nothing, the marking wrapped in two lines of 12 px.
    g.chrome.source = m(64, 690, 6, 16);
    g.chrome.footerMarking = m(150, 680, 820, 36, { color: 'ffffff', background: '000000', weight: 700, fontPx: 12, lineHeightPx: 13.2, spacingPx: 0.48 });
    g.header = m(0, 0, 1280, 40, { background: '000000' });
    const c = chromeOf({ ...VIEW, marking: { plain: LONG } }, themeOf('briefing', undefined), measured(true), g, undefined, false);
    const mk = c.marking;
    expect(mk).toBeDefined();
    for (const s of [mk?.header, mk?.footer, mk?.titleHeader, mk?.titleFooter]) {
      expect(s?.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('')).toBe(LONG);
      const em = 0.72 + (s?.style.spacingPt ?? 0) / (s?.style.fontPt ?? 1);
      if (s) expect(fits(s, em), s.name).toBe(true);
    }
    const f = mk?.footer;
    // Within the footer band, and between the (dropped) source and the date.
    expect(f && f.box.y >= c.footerBox.y && f.box.y + f.box.h <= c.footerBox.y + c.footerBox.h + 0.01).toBe(true);
    expect(f && f.box.x + f.box.w <= c.date.box.x).toBe(true);
    expect(c.source).toBeUndefined();
    // The header band is the marking's: full width, black.
    expect(mk?.header.box.w).toBeCloseTo(13.333, 2);
    expect(mk?.header.fill).toBe('000000');
  });
});

describe('the writer', () => {
  it('writes a chart as a native chart with its data, the notes, the marking in the layouts and in footer placeholders', async () => {
    const bytes = await finishPptx(await writePptx(deck()), deck());
    const zip = await JSZip.loadAsync(bytes);
    const chartFile = Object.keys(zip.files).find((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(chartFile).toBeTruthy();
    const chart = (await zip.file(chartFile ?? '')?.async('string')) ?? '';
    expect(chart).toMatch(/<c:barChart>/);
    expect(chart).toContain('<c:v>60</c:v>');
    expect(chart).toContain('2021');
    expect(chart).toContain('Enrichment level (%)');
    // The chart's data is embedded as a workbook, so PowerPoint's "Edit data" works.
    expect(Object.keys(zip.files).some((f) => /embeddings\/.*\.xlsx$/.test(f))).toBe(true);
    const slide = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    expect(shapesOf(slide).find((s) => s.placeholder === 'title')?.text).toBe('Figures');
    const names = Object.keys(zip.files);
    const layouts = await Promise.all(names.filter((f) => /slideLayouts\/slideLayout\d+\.xml$/.test(f)).sort().map(async (f) => (await zip.file(f)?.async('string')) ?? ''));
    // Six layouts, each one of the theme's (pptxgenjs's unused DEFAULT layout is gone).
    expect(layouts.map((l) => /<p:cSld name="([^"]*)"/.exec(l)?.[1])).toEqual(['Title', 'Title and points', 'Points and picture', 'Cards', 'Table', 'Figure'].map((t) => `briefing · ${t}`));
    const types = await zip.file('[Content_Types].xml')?.async('string');
    for (const part of [...(types ?? '').matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1] ?? '')) expect(names, part).toContain(part);
    // The marking in the header band of every layout; footer, date and number placeholders on every content layout and the master.
    for (const l of layouts) {
      expect(l).toMatch(/<a:t>TLP:AMBER<\/a:t>/);
      expect(l).toMatch(/<p:ph type="ftr" sz="quarter" idx="11"\/>/);
    }
    for (const l of layouts.slice(1)) expect(l).toMatch(/<p:ph type="dt"[^>]*idx="10"\/>[\s\S]*<p:ph type="sldNum"[^>]*idx="12"\/>/);
    const master = (await zip.file('ppt/slideMasters/slideMaster1.xml')?.async('string')) ?? '';
    expect(master).toMatch(/type="ftr"[\s\S]*type="dt"[\s\S]*type="sldNum"/);
    expect(master).toContain('<p:hf hdr="0"/>');
    // The slide's own footer placeholder holds the full marking; its number is a field.
    const ftr = shapesOf(slide).find((s) => s.placeholder === 'ftr');
    expect(ftr?.text).toBe('TLP:AMBER');
    expect(shapesOf(slide).find((s) => s.placeholder === 'dt')?.text).toBe('As of 14 April 2025');
    expect(slide).toMatch(/<p:ph type="sldNum"[\s\S]*?<a:fld [^>]*type="slidenum">[\s\S]*?<a:t>1<\/a:t>/);
    expect(new Set([...slide.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1])).size).toBe([...slide.matchAll(/<p:cNvPr id=/g)].length);
    const notes = Object.keys(zip.files).filter((f) => /notesSlides\/notesSlide\d+\.xml$/.test(f));
    expect(await zip.file(notes[0] ?? '')?.async('string')).toContain('Say this.');
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('2025-04-14T00:00:00Z');
  });

  it('rejects a chart whose series do not match its categories', () => {
    expect(() => chartShape('C', { x: 0, y: 0, w: 1, h: 1 }, { type: 'line', title: 'x', categories: ['a', 'b'], series: [{ name: 's', values: [1] }] }, themeOf('briefing', undefined))).toThrow(/1 values for 2 categories/);
  });

  it('gives the same bytes for the same deck, whatever the clock says', async () => {
    const a = await finishPptx(await writePptx(deck()), deck());
    await new Promise((r) => setTimeout(r, 1100));
    const b = await finishPptx(await writePptx(deck()), deck());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const zip = await JSZip.loadAsync(a);
    expect(Object.values(zip.files).every((f) => f.date.getTime() === new Date('2025-04-14T00:00:00Z').getTime())).toBe(true);
  });
});
