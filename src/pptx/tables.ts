// Actors, scenarios, the glossary and the sources as native PowerPoint tables, placed and sized
// as the fitted deck lays them out.
import type { Slide } from '../render/slides.js';
import type { ActorView, BriefingView, ScenarioView, SourceView } from '../render/view.js';
import type { SlideGeometry } from './geometry.js';
import { PT, type Paragraph, type Shape, type TableCell, type TableShape, type Theme } from './ir.js';
import { CONTENT_BOTTOM, para, round, styleOf, type Ctx } from './shapes.js';
import { citeRuns, plainText, runsOf } from './text.js';
import { box } from './theme.js';

/** A URL shown with break opportunities (zero-width spaces) after its slashes, so long ones wrap in their cell. */
const breakable = (url: string) => url.replace(/([/?&=_-])(?=[^/?&=_-])/g, '$1\u200b');
const cell = (paragraphs: Paragraph[], extra: Partial<TableCell> = {}): TableCell => ({ paragraphs, ...extra });

/** The table's box: the measured table (or list), down to the content bottom at most. */
function table(name: string, g: SlideGeometry, theme: Theme, ctx: Ctx, fractions: number[], header: TableCell[], rows: TableCell[][]): TableShape {
  const block = g.blocks.find((b) => b.tag === 'table' || b.tag === 'ul' || b.tag === 'ol') ?? g.blocks[0];
  const x = block?.x ?? 64;
  const y = block?.y ?? 190;
  const w = block?.w ?? 1152;
  const h = Math.min(block?.h ?? CONTENT_BOTTOM - y, CONTENT_BOTTOM - y);
  const measured = g.columns.length === fractions.length ? g.columns : fractions.map((f) => f * w);
  const total = measured.reduce((a, b) => a + b, 0) || 1;
  const at = box(x, y, w, h);
  const cellStyle = g.items[0]?.parts.find((p) => p.tag === 'td') ?? g.items[0] ?? block;
  const style = cellStyle ? styleOf(cellStyle, ctx, { bold: false }) : { fontPt: 14, lineHeight: 1.3, color: theme.ink, valign: 'top' as const };
  return {
    kind: 'table',
    name,
    box: at,
    columns: measured.map((c) => round((c / total) * at.w, 3)),
    header,
    rows,
    style: { ...style, color: theme.ink },
    headerFill: theme.card,
    fill: theme.background,
    headerColor: theme.muted,
    border: theme.rule,
  };
}

export function actorsTable(view: BriefingView, slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx): Shape[] {
  const L = view.labels;
  const header = [L.actor, L.type, L.role, L.stance].map((l) => cell([para([{ text: plainText(l).toUpperCase() }])], { bold: true }));
  const rows = (slide.items as ActorView[]).map((a) => [
    cell([para([...runsOf(a.name), ...citeRuns(a.cites, ctx.sourcesSlide, ctx.citeColor)])], { bold: true }),
    cell([para(runsOf(a.type), { color: theme.muted })]),
    cell([para(runsOf(a.role))]),
    cell([para(runsOf(a.stance))], { bold: true }),
  ]);
  return [table('Actors', g, theme, ctx, [0.2, 0.12, 0.42, 0.26], header, rows)];
}

export function scenariosTable(view: BriefingView, slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx): Shape[] {
  const items = slide.items as ScenarioView[];
  const size = g.items[0]?.parts.find((p) => p.cls.includes('sc-desc'))?.fontPx;
  const small = g.items[0]?.parts.find((p) => p.cls.includes('sc-ind'))?.fontPx;
  const fontPt = size ? round(size * PT) : undefined;
  const smallPt = small ? round(small * PT) : fontPt;
  // One column per scenario, as the deck's cards: name and likelihood, description, what to watch.
  const header = items.map((s) => {
    const shade = s.likelihood ? theme.likelihood[s.likelihood.level - 1] : undefined;
    return cell([para(runsOf(s.name), { bold: true }), ...(s.likelihood ? [para([{ text: plainText(s.likelihood.label) }], { fontPt: smallPt, color: shade?.ink })] : [])], { fill: shade?.fill, bold: true });
  });
  const description = items.map((s) => cell([para(runsOf(s.description), { fontPt })]));
  const watch = items.map((s) =>
    cell(s.indicators.length ? [para([{ text: plainText(view.labels.watch).toUpperCase(), color: theme.muted }], { fontPt: smallPt, bold: true }), ...s.indicators.map((i) => para(runsOf(i), { bullet: 'bullet', fontPt: smallPt }))] : [para([])]),
  );
  const t = table('Scenarios', g, theme, ctx, items.map(() => 1 / items.length), header, [description, watch]);
  return [{ ...t, headerColor: theme.ink }];
}

export function glossaryTable(slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx): Shape[] {
  const items = slide.items as BriefingView['glossary'];
  const termW = g.items[0]?.parts.find((p) => p.cls.includes('term'))?.w;
  const listW = g.blocks.find((b) => b.tag === 'ul')?.w ?? 1152;
  const f = termW ? Math.min(0.4, Math.max(0.15, (termW + 24) / listW)) : 0.25;
  const rows = items.map((t) => [cell([para(runsOf(t.term))], { bold: true }), cell([para(runsOf(t.meaning))])]);
  return [table('Glossary', { ...g, columns: [] }, theme, ctx, [f, 1 - f], [], rows)];
}

export function sourcesTable(slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx, legendText?: string): Shape[] {
  const items = slide.items as SourceView[];
  const rows = items.map((s) => {
    const details = [s.publisher, s.author, s.published].filter(Boolean).map(plainText).join(' · ');
    return [
      cell([para([{ text: `${s.n}.` }])], { bold: true }),
      cell([
        para([...runsOf(s.title).map((r) => ({ ...r, bold: true })), ...(details ? [{ text: ` · ${details}` }] : [])]),
        ...(s.url ? [para([{ text: breakable(s.url), link: { url: s.url }, color: theme.muted }])] : []),
      ]),
    ];
  });
  // The Admiralty legend, when a source is graded, as the last row.
  const legend = items.some((s) => s.grade) ? [[cell([para([{ text: '' }])]), cell([para([{ text: plainText(legendText ?? ''), color: theme.muted }])])]] : [];
  return [table('Sources', { ...g, columns: [] }, theme, ctx, [0.05, 0.95], [], [...rows, ...legend])];
}
