// The IR as pptxgenjs calls, and nothing more: every position, size and word comes from the IR.
import { createRequire } from 'node:module';
import type * as pptxgen from 'pptxgenjs';
import type { ChartShape, DeckIR, Layout, Paragraph, Run, Shape, TableShape, TextShape, TextStyle } from './ir.js';
import { INDENT_PT, NUMBER_INDENT_PT, spacingOf } from './text.js';

// pptxgenjs's types describe its CommonJS build, whose module.exports is the class: load that build.
const PptxGenJS: typeof pptxgen.default.default = createRequire(import.meta.url)('pptxgenjs');
type PptxGenJS = InstanceType<typeof PptxGenJS>;
type TextProps = pptxgen.default.TextProps;
type Slide = pptxgen.default.Slide;

/** Office language tags: `en` → `en-GB` as the deck writes dates, others as `he-IL`-style where known. */
const LANG_TAGS: Record<string, string> = { en: 'en-GB', he: 'he-IL', ar: 'ar-SA', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', fa: 'fa-IR', ru: 'ru-RU', uk: 'uk-UA', zh: 'zh-CN', ja: 'ja-JP', ko: 'ko-KR' };
export const officeLang = (lang: string): string => (lang.includes('-') ? lang : (LANG_TAGS[lang.toLowerCase()] ?? lang));

export const masterName = (ir: DeckIR, layout: Layout['name']): string => `${ir.theme.name} · ${ir.layouts.find((l) => l.name === layout)?.title ?? layout}`;

export async function writePptx(ir: DeckIR): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.rtlMode = ir.rtl;
  pptx.title = ir.title;
  pptx.subject = ir.subject;
  if (ir.author) pptx.author = ir.author;
  if (ir.company) pptx.company = ir.company;
  pptx.revision = '1';
  pptx.theme = { headFontFace: ir.theme.font, bodyFontFace: ir.theme.font };
  const lang = officeLang(ir.lang);
  for (const layout of ir.layouts) defineLayout(pptx, ir, layout, lang);
  for (const s of ir.slides) {
    const slide = pptx.addSlide({ masterName: masterName(ir, s.layout) });
    if (s.background) slide.background = { color: s.background };
    for (const shape of s.shapes) addShape(pptx, slide, shape, ir, lang);
    if (s.notes) slide.addNotes(s.notes);
  }
  const out = await pptx.write({ outputType: 'uint8array', compression: true });
  if (!(out instanceof Uint8Array)) throw new Error('pptxgenjs did not return bytes');
  return out;
}

function defineLayout(pptx: PptxGenJS, ir: DeckIR, layout: Layout, lang: string): void {
  const { chrome, theme } = ir;
  const objects: NonNullable<pptxgen.default.SlideMasterProps['objects']> = [];
  // The rule along the footer band's top; the marking, source, date and number are written as XML (chrome-xml.ts).
  const f = chrome.footerBox;
  objects.push({ line: { x: 0, y: f.y, w: f.w, h: 0, line: { color: chrome.rule, width: 0.75 } } });
  if (chrome.logo && layout.name === 'title') objects.push({ image: { data: chrome.logo.data, ...chrome.logo.box, altText: 'logo' } });
  objects.push({ placeholder: { options: { name: 'title', type: 'title', ...layout.titleBox, ...placeholderStyle(layout.titleStyle, ir.rtl) }, text: '' } });
  if (layout.bodyBox && layout.bodyStyle) {
    objects.push({ placeholder: { options: { name: 'body', type: 'body', ...layout.bodyBox, ...placeholderStyle(layout.bodyStyle, ir.rtl) }, text: '' } });
  }
  pptx.defineSlideMaster({
    title: masterName(ir, layout.name),
    background: { color: layout.name === 'title' && theme.name === 'briefing' ? theme.primary : theme.background },
    objects,
  });
}

const placeholderStyle = (s: TextStyle, rtl: boolean) => ({
  fontSize: s.fontPt,
  color: s.color,
  bold: s.bold,
  align: s.align,
  valign: s.valign,
  margin: 0,
  rtlMode: rtl,
  lineSpacingMultiple: spacingOf(s.lineHeight),
});

function addShape(pptx: PptxGenJS, slide: Slide, shape: Shape, ir: DeckIR, lang: string): void {
  if (shape.kind === 'text') addText(pptx, slide, shape, ir.rtl, lang);
  else if (shape.kind === 'table') addTable(slide, shape, ir.rtl, lang);
  else if (shape.kind === 'chart') addChart(pptx, slide, shape, lang);
  else if (shape.kind === 'picture') slide.addImage({ data: shape.data, ...shape.box, altText: shape.alt, objectName: shape.name, sizing: { type: 'contain', w: shape.box.w, h: shape.box.h } });
  else slide.addShape(pptx.ShapeType.line, { ...shape.box, line: { color: shape.color, width: shape.widthPt }, objectName: shape.name });
}

/** Paragraphs as pptxgenjs text runs: paragraph properties on each run, a break after each paragraph. */
export function runsToProps(paragraphs: Paragraph[], style: TextStyle, rtl: boolean, lang: string): TextProps[] {
  const out: TextProps[] = [];
  paragraphs.forEach((p, i) => {
    const runs: Run[] = p.runs.length ? p.runs : [{ text: '' }];
    runs.forEach((r, j) => {
      const last = j === runs.length - 1 && i < paragraphs.length - 1;
      out.push({
        text: r.text,
        options: {
          lang,
          rtlMode: rtl,
          align: style.align,
          fontSize: p.fontPt ?? style.fontPt,
          color: r.color ?? p.color ?? style.color,
          bold: r.bold ?? p.bold ?? style.bold ?? false,
          ...(r.italic ? { italic: true } : {}),
          ...(r.superscript ? { superscript: true } : {}),
          ...(r.code ? { fontFace: 'Courier New' } : {}),
          ...(r.link ? { hyperlink: 'url' in r.link ? { url: r.link.url } : { slide: r.link.slide, tooltip: 'Sources' } } : {}),
          bullet: p.bullet === 'none' ? false : p.bullet === 'number' ? { type: 'number', numberStartAt: p.start ?? 1, indent: NUMBER_INDENT_PT } : { indent: INDENT_PT },
          indentLevel: p.level,
          lineSpacingMultiple: spacingOf(p.lineHeight ?? style.lineHeight),
          ...(p.spaceBefore ? { paraSpaceBefore: p.spaceBefore } : {}),
          ...(last ? { breakLine: true } : {}),
        },
      });
    });
  });
  return out;
}

function addText(pptx: PptxGenJS, slide: Slide, s: TextShape, rtl: boolean, lang: string): void {
  const geometry = s.geometry === 'roundRect' ? pptx.ShapeType.roundRect : s.geometry === 'ellipse' ? pptx.ShapeType.ellipse : undefined;
  slide.addText(runsToProps(s.paragraphs, s.style, rtl, lang), {
    ...s.box,
    objectName: s.name,
    ...(s.placeholder ? { placeholder: s.placeholder } : {}),
    ...(geometry ? { shape: geometry, rectRadius: 0.25 } : {}),
    ...(s.fill ? { fill: { color: s.fill } } : {}),
    ...(s.line ? { line: { color: s.line, width: 0.75 } } : {}),
    margin: [s.inset[1], s.inset[0], s.inset[1], s.inset[0]],
    valign: s.style.valign,
    align: s.style.align,
    rtlMode: rtl,
    lang,
    fit: 'none',
  });
}

function addTable(slide: Slide, t: TableShape, rtl: boolean, lang: string): void {
  const cell = (c: TableShape['rows'][number][number], header: boolean): pptxgen.default.TableCell => ({
    text: runsToProps(c.paragraphs, { ...t.style, bold: c.bold ?? false, color: header ? t.headerColor : t.style.color, fontPt: header ? Math.round(t.style.fontPt * 0.85 * 100) / 100 : t.style.fontPt }, rtl, lang),
    options: { fill: { color: c.fill ?? (header ? t.headerFill : t.fill) }, valign: 'top' },
  });
  const rows = [...(t.header.length ? [t.header.map((c) => cell(c, true))] : []), ...t.rows.map((r) => r.map((c) => cell(c, false)))];
  slide.addTable(rows, {
    x: t.box.x,
    y: t.box.y,
    w: t.box.w,
    colW: rtl ? [...t.columns] : t.columns,
    border: { type: 'solid', pt: 0.75, color: t.border },
    margin: [4, 6, 4, 6],
    fontSize: t.style.fontPt,
    color: t.style.color,
    objectName: t.name,
    autoPage: false,
  });
}

function addChart(pptx: PptxGenJS, slide: Slide, c: ChartShape, lang: string): void {
  const type = c.chart.type === 'line' ? pptx.ChartType.line : c.chart.type === 'pie' ? pptx.ChartType.pie : pptx.ChartType.bar;
  const data = c.chart.series.map((s) => ({ name: s.name, labels: c.chart.categories, values: s.values }));
  slide.addChart(type, data, {
    ...c.box,
    objectName: c.name,
    title: c.chart.unit ? `${c.chart.title} (${c.chart.unit})` : c.chart.title,
    showTitle: true,
    titleFontSize: c.fontPt,
    titleColor: c.textColor,
    chartColors: c.colors,
    showLegend: c.chart.series.length > 1 || c.chart.type === 'pie',
    legendPos: 'b',
    legendFontSize: c.fontPt * 0.85,
    catAxisLabelColor: c.textColor,
    valAxisLabelColor: c.textColor,
    catAxisLabelFontSize: c.fontPt * 0.85,
    valAxisLabelFontSize: c.fontPt * 0.85,
    ...(c.chart.unit && c.chart.type !== 'pie' ? { showValAxisTitle: true, valAxisTitle: c.chart.unit, valAxisTitleColor: c.textColor, valAxisTitleFontSize: c.fontPt * 0.85 } : {}),
    // Every value labelled, as on the deck's chart.
    showValue: true,
    dataLabelFontSize: c.fontPt * 0.8,
    dataLabelColor: c.textColor,
    barDir: 'col',
    lang,
  });
}
