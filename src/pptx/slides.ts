// One slide of the plan as IR shapes: the title in the title placeholder, points as bullet
// paragraphs of one body placeholder, badges as shapes, pictures with alt text; tables and the
// timeline are in tables.ts and timeline.ts.
import type { Slide } from '../render/slides.js';
import type { BriefingView, KeyPointView, PointView } from '../render/view.js';
import type { SlideGeometry } from './geometry.js';
import type { LayoutName, Paragraph, Shape, SlideIR, Theme } from './ir.js';
import { badge, boxOf, CONTENT_BOTTOM, gapsPt, para, round, styleOf, text, type Ctx } from './shapes.js';
import { actorsTable, glossaryTable, scenariosTable, sourcesTable } from './tables.js';
import { timelineShapes } from './timeline.js';
import { citeRuns, plainText, runsOf } from './text.js';
import { box } from './theme.js';
import { PT } from './ir.js';
import { chartShape } from './chart.js';
import type { ChartView, KeyFigureView } from '../render/figures-view.js';


const LAYOUT: Record<Slide['kind'], LayoutName> = {
  title: 'title',
  bluf: 'section',
  keypoints: 'section',
  section: 'section',
  actors: 'table',
  'actors-table': 'table',
  timeline: 'figure',
  keyfigures: 'cards',
  chart: 'figure',
  figure: 'figure',
  scenarios: 'cards',
  indicators: 'section',
  quotes: 'section',
  glossary: 'table',
  sources: 'table',
};

export function slideIR(view: BriefingView, slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx, map?: string): SlideIR {
  const shapes: Shape[] = [];
  const layout = slide.kind === 'section' && slide.image ? 'two-column' : LAYOUT[slide.kind];
  if (slide.kind === 'title') shapes.push(...titleSlide(view, g, ctx));
  else {
    if (g.heading) {
      const runs = runsOf(slide.heading);
      if (slide.page) runs.push({ text: ` ${slide.page.i}/${slide.page.n}`, color: theme.muted, bold: false });
      shapes.push(text('Title', boxOf(g.heading), [para(runs)], styleOf(g.heading, ctx), { placeholder: 'title' }));
    }
    shapes.push(...bodyOf(view, slide, g, theme, ctx));
  }
  // The locator map (title or section slide) as a picture where the deck draws it, described for screen readers.
  if (map && g.map) shapes.push({ kind: 'picture', name: 'Map', box: boxOf(g.map), data: map, alt: g.map.alt || plainText(view.map?.names) });
  return { layout, shapes, notes: slide.notes, numbered: slide.kind !== 'title', background: g.box.background || undefined };
}

function bodyOf(view: BriefingView, slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx): Shape[] {
  switch (slide.kind) {
    case 'bluf':
      return bluf(view, g, theme, ctx);
    case 'keypoints':
      return keyPoints(slide.items as KeyPointView[], slide.start, g, ctx);
    case 'section':
      return [...section(slide, g, theme, ctx), ...chartOf(slide.chart, g, theme)];
    case 'figure':
      return section(slide, g, theme, ctx);
    case 'chart':
      return chartOf(slide.chart, g, theme);
    case 'keyfigures':
      return keyFigures(slide.items as KeyFigureView[], g, ctx);
    case 'indicators':
      return points(slide.items.map((i) => para(runsOf((i as { text: unknown }).text), { bullet: 'bullet' })), g, ctx, leadOf(g));
    case 'quotes':
      return quotes(slide, g, theme, ctx);
    case 'actors':
    case 'actors-table':
      return actorsTable(view, slide, g, theme, ctx);
    case 'scenarios':
      return scenariosTable(view, slide, g, theme, ctx);
    case 'glossary':
      return glossaryTable(slide, g, theme, ctx);
    case 'sources':
      return sourcesTable(slide, g, theme, ctx, plainText(view.labels.admiralty && (view.labels.admiralty as { legend?: unknown }).legend));
    case 'timeline':
      return timelineShapes(slide, g, theme, ctx);
    default:
      return [];
  }
}

const leadOf = (g: SlideGeometry) => g.blocks.find((b) => b.tag === 'p' || b.cls.includes('lead'));

/** The body placeholder: from the first block to the bottom of the content area, as wide as the list. */
function points(paragraphs: Paragraph[], g: SlideGeometry, ctx: Ctx, lead?: SlideGeometry['blocks'][number], right?: number): Shape[] {
  const list = g.blocks.find((b) => b.tag === 'ul' || b.tag === 'ol' || b.tag === 'blockquote');
  const first = lead ?? list;
  if (!first) return [];
  const itemStyle = g.items[0] ?? list ?? first;
  const style = styleOf(itemStyle, ctx);
  const gaps = gapsPt(g.items);
  const items = paragraphs.map((p) => ({ ...p }));
  // Each item's gap goes before its first paragraph (sub-points follow theirs closely).
  let k = 0;
  for (const p of items) {
    if (p.level === 0 && p.bullet !== 'none') {
      p.spaceBefore = gaps[k] ?? 0;
      k++;
    }
  }
  const all: Paragraph[] = [];
  if (lead) all.push(para(runsOf(lead.text.replace(/[\\*_`[\]]/g, (c) => `\\${c}`)), { fontPt: round(lead.fontPx * PT), color: lead.color }));
  if (lead && items[0] && list) items[0].spaceBefore = round(Math.max(0, list.y - (lead.y + lead.h)) * PT);
  all.push(...items);
  const x = Math.min(first.x, list?.x ?? first.x);
  const w = (right ?? Math.max(first.x + first.w, (list?.x ?? 0) + (list?.w ?? 0))) - x;
  return [text('Body', box(x, first.y, w, CONTENT_BOTTOM - first.y), all, style, { placeholder: 'body' })];
}

function pointParas(ps: PointView[], ctx: Ctx, subPt?: number): Paragraph[] {
  return ps.flatMap((p) => [
    para([...runsOf(p.text), ...citeRuns(p.cites, ctx.sourcesSlide, ctx.citeColor)], { bullet: 'bullet' }),
    ...p.points.map((q) => para([...runsOf(q.text), ...citeRuns(q.cites, ctx.sourcesSlide, ctx.citeColor)], { bullet: 'bullet', level: 1, fontPt: subPt })),
  ]);
}

function section(slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx): Shape[] {
  const sub = g.items.find((i) => i.subFontPx)?.subFontPx;
  const lead = slide.lead ? g.blocks.find((b) => b.cls.includes('lead')) : undefined;
  const shapes = points(pointParas(slide.items as PointView[], ctx, sub ? round(sub * PT) : undefined), g, ctx, lead);
  if (!shapes.length && lead) shapes.push(...points([], g, ctx, lead));
  if (slide.image?.src && g.image) shapes.push({ kind: 'picture', name: 'Picture', box: boxOf(g.image), data: slide.image.src, alt: slide.image.plainAlt });
  // Likelihood and confidence on section points, as shapes where the deck draws them.
  shapes.push(...g.items.flatMap((it, i) => it.parts.filter((p) => /\b(badge|chip)\b/.test(p.cls)).map((p, j) => badge(`Badge ${i + 1}.${j + 1}`, p, ctx))));
  void theme;
  return shapes;
}

function keyPoints(items: KeyPointView[], start: number, g: SlideGeometry, ctx: Ctx): Shape[] {
  const paragraphs = items.map((k) => para([...runsOf(k.text), ...citeRuns(k.cites, ctx.sourcesSlide, ctx.citeColor)], { bullet: 'number', start }));
  const badges = g.items.flatMap((it, i) => it.parts.filter((p) => /\b(badge|chip)\b/.test(p.cls)).map((p, j) => badge(`Badge ${i + 1}.${j + 1}`, p, ctx)));
  // The text stops short of the badges' column, as on the deck's slide.
  const list = g.blocks.find((b) => b.tag === 'ul' || b.tag === 'ol');
  const edge = badges.length && list ? (ctx.rtl ? undefined : Math.min(...badges.map((b) => b.box.x / (13.333 / 1280))) - 16) : undefined;
  const body = points(paragraphs, g, ctx, undefined, edge);
  if (ctx.rtl && badges.length && body[0]?.kind === 'text') {
    const right = Math.max(...badges.map((b) => (b.box.x + b.box.w) / (13.333 / 1280))) + 16;
    const b = body[0].box;
    body[0].box = { ...b, x: right * (13.333 / 1280), w: b.x + b.w - right * (13.333 / 1280) };
  }
  return [...body, ...badges];
}

function bluf(view: BriefingView, g: SlideGeometry, theme: Theme, ctx: Ctx): Shape[] {
  const block = g.blocks.find((b) => b.cls.includes('statement')) ?? g.blocks[0];
  if (!block) return [];
  const bar = ctx.rtl ? block.x + block.w + 2 : block.x - 2;
  return [
    text('Body', box(block.x + (ctx.rtl ? 0 : 24), block.y, block.w - 24, CONTENT_BOTTOM - block.y), [para(runsOf(view.bluf))], styleOf(block, ctx), { placeholder: 'body' }),
    { kind: 'line', name: 'Accent bar', box: box(bar, block.y, 0, block.h), color: theme.accent, widthPt: 4 },
  ];
}

function quotes(slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx): Shape[] {
  const qs = slide.items as BriefingView['quotes'];
  const paragraphs = qs.flatMap((q) => [
    para([...runsOf(q.text), ...citeRuns(q.cites, ctx.sourcesSlide, ctx.citeColor)], { bullet: 'bullet' }),
    ...(q.speaker ? [para([{ text: `— ${plainText(q.speaker)}`, color: theme.muted }], { level: 1 })] : []),
  ]);
  return points(paragraphs, g, ctx);
}

function titleSlide(view: BriefingView, g: SlideGeometry, ctx: Ctx): Shape[] {
  const shapes: Shape[] = [];
  if (g.heading) shapes.push(text('Title', boxOf(g.heading), [para(runsOf(view.title))], styleOf(g.heading, ctx), { placeholder: 'title' }));
  for (const b of g.blocks) {
    const name = ['kicker', 'subtitle', 'meta', 'org', 'source'].find((c) => b.cls.includes(c)) ?? 'text';
    const runs = name === 'subtitle' && view.subtitle ? runsOf(view.subtitle) : [{ text: b.text.trim() }];
    shapes.push(text(name === 'subtitle' ? 'Subtitle' : name[0]?.toUpperCase() + name.slice(1), boxOf(b), [para(runs)], styleOf(b, ctx), name === 'subtitle' ? { placeholder: 'body', room: 1.2 } : { room: 0.9 }));
  }
  return shapes;
}

/** A chart as a native, editable chart with its data, where the deck drew its SVG. */
function chartOf(chart: ChartView | undefined, g: SlideGeometry, theme: Theme): Shape[] {
  if (!chart || !g.figure) return [];
  const d = chart.data;
  // A native chart holds numbers only: a chart with gaps stays the deck's picture-free text here.
  const series = d.series.map((x) => ({ name: x.name, values: x.values.filter((v): v is number => v !== null) }));
  if (series.some((x) => x.values.length !== d.categories.length)) return [];
  // The source line goes with the title, as the deck prints it under the chart.
  const title = d.source ? `${d.title}\n${chart.data.source}` : d.title;
  return [chartShape('Chart', boxOf(g.figure), { type: d.type === 'line' ? 'line' : 'bar', title, unit: d.unit, categories: d.categories, series }, theme)];
}

/** Width of a bold digit or capital per point of size in DejaVu Sans Bold, the widest fallback. */
const BOLD_DIGIT_EM = 0.72;

/** Key figures: a grid of shapes as the deck's, one per figure, its value large and its label below. */
function keyFigures(items: KeyFigureView[], g: SlideGeometry, ctx: Ctx): Shape[] {
  return g.items.flatMap((li, i) => {
    const k = items[i];
    const value = li.parts.find((p) => p.cls.includes('kf-value'));
    const label = li.parts.find((p) => p.cls.includes('kf-label'));
    if (!k || !value || !label) return [];
    const inset: [number, number] = [round(Math.max(0, ctx.rtl ? li.x + li.w - value.x - value.w : value.x - li.x) * PT), round(Math.max(0, value.y - li.y) * PT)];
    // The box may grow down to the next figure below it, or to the bottom of the content area.
    const below = g.items.filter((o) => o.y > li.y + li.h / 2 && o.x < li.x + li.w && o.x + o.w > li.x).map((o) => o.y - 8);
    const room = (Math.min(CONTENT_BOTTOM, ...below) - li.y) * (13.333 / 1280);
    // The value stays on one line, as the deck keeps it, in the widest bold face an office suite may use.
    const valuePt = Math.min(value.fontPx * PT, ((li.w * PT - 2 * inset[0]) * 0.95) / (Math.max(1, k.plainValue.length) * BOLD_DIGIT_EM));
    const paragraphs = [
      para([{ text: k.plainValue, bold: value.weight >= 600 }], { fontPt: round(valuePt), color: value.color, lineHeight: round(value.lineHeightPx / value.fontPx) }),
      para([...runsOf(k.label), ...citeRuns(k.cites, ctx.sourcesSlide, ctx.citeColor)], { fontPt: round(label.fontPx * PT), color: label.color, spaceBefore: round(Math.max(0, label.y - (value.y + value.h)) * PT) }),
    ];
    const shape = text(`Key figure ${i + 1}`, boxOf(li), paragraphs, styleOf(label, ctx), { inset, room, fill: li.background || undefined });
    const rule: Shape[] = li.borderTop ? [{ kind: 'line', name: `Key figure ${i + 1} rule`, box: box(li.x, li.y + li.borderTop.widthPx / 2, li.w, 0), color: li.borderTop.color, widthPt: round(li.borderTop.widthPx * PT) }] : [];
    return [...rule, shape];
  });
}
