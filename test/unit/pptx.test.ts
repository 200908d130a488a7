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
    chrome: { marking: { text: 'TLP:AMBER', color: 'ffc000', background: '000000' }, footer: { source: 'Source: x', date: 'As of 14 April 2025' }, headerBox: { x: 0, y: 0, w: 13.333, h: 0.42 }, footerBox: { x: 0, y: 7.04, w: 13.333, h: 0.46 }, fontPt: 10.5, color: '5f6873' },
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

describe('the writer', () => {
  it('writes a chart as a native chart with its data, the notes, the marking in the layout', async () => {
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
    const all = await Promise.all(Object.keys(zip.files).filter((f) => /slideLayouts\/slideLayout\d+\.xml$/.test(f)).map((f) => zip.file(f)?.async('string')));
    // (pptxgenjs always adds an unused layout named DEFAULT.)
    const layouts = all.filter((l) => !l?.includes('<p:cSld name="DEFAULT"'));
    expect(layouts.length).toBe(6);
    expect(layouts.every((l) => (l?.match(/TLP:AMBER/g) ?? []).length === 2)).toBe(true);
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
