// The figures' part of the view: key figures, charts and the locator map, each drawn as SVG in the sizes
// its places need (a slide of its own, beside a section's points, the title slide, the print page).
import Handlebars from 'handlebars';
import type { Briefing } from '../content/schema.js';
import { renderChart, type ChartData } from '../figures/chart.js';
import { countryName, renderMap } from '../figures/map.js';
import type { FigureTheme } from '../figures/svg.js';
import { numberFormat } from '../figures/chart.js';
import { toPlainText } from './inline.js';
import type { Cite, Safe, TextContext } from './view-types.js';

export interface KeyFigureView {
  value: Safe;
  plainValue: string;
  label: Safe;
  plain: string;
  cites: Cite[];
  notes?: string;
}
export interface ChartView {
  n: number;
  id?: string;
  title: Safe;
  plainTitle: string;
  /** On a slide of its own (deck) or across the page (print). */
  figure: Safe;
  /** Beside a section's points (deck). */
  side: Safe;
  source?: Safe;
  unit?: Safe;
  /** Drawn beside a section's points (not on a slide or page of its own). */
  inSection: boolean;
  /** The data as a table: the print briefing shows it under the chart. */
  table: { head: Safe[]; rows: { label: Safe; values: string[] }[] };
  cites: Cite[];
  notes?: string;
  plain: string;
  /** The data, as plain text and numbers (a PowerPoint draws it as a native chart). */
  data: ChartData;
}
export interface MapView {
  /** The title slide's panel (deck) or the print briefing's figure. */
  figure: Safe;
  /** Beside a section's points (deck). */
  side: Safe;
  caption?: Safe;
  /** Names of the highlighted countries, in the briefing's language. */
  names: string;
  /** Number of the section that shows the map, or undefined for the title slide. */
  section?: number;
  notes?: string;
}
export interface FiguresView {
  blufNotes?: string;
  keyFigures: KeyFigureView[];
  charts: ChartView[];
  map?: MapView;
}

interface Tools {
  context: TextContext;
  safe: (s: string) => Safe;
  literal: (s: string) => Safe;
  cites: (ids: string[] | undefined) => Cite[];
  dir: 'ltr' | 'rtl';
  source: string;
}

/** Slide geometry (1280x720, 64 px sides) and the print column (165 mm at 96 dpi), in SVG units. */
export const FIGURE_SIZES = {
  slide: { width: 1152, height: 450, font: 24 },
  side: { width: 540, height: 430, font: 20 },
  title: { width: 500, height: 500, font: 20 },
  print: { width: 624, height: 300, font: 12 },
  printMap: { width: 624, height: 250, font: 11 },
};

/** SVG into the template's context: raw in HTML, a `briefdeck-figure` fence in Marp Markdown (see figure-fence.ts). */
function place(svg: string, context: TextContext): Safe {
  return new Handlebars.SafeString(context === 'markdown' ? `\n\`\`\`briefdeck-figure\n${svg}\n\`\`\`\n` : svg);
}

export function figuresView(b: Briefing, t: Tools): FiguresView {
  const theme = (size: { width: number; height: number; font: number }): FigureTheme => ({ ...size, lang: b.lang, dir: t.dir, labels: { source: t.source } });
  const printed = t.context === 'html';
  const n = numberFormat(b.lang);
  const charts = (b.charts ?? []).map((c, i): ChartView => {
    const data: ChartData = {
      type: c.type,
      categories: c.categories.map(toPlainText),
      series: c.series.map((s) => ({ name: toPlainText(s.name), values: s.values })),
      title: toPlainText(c.title),
      unit: c.unit && toPlainText(c.unit),
      source: c.source && toPlainText(c.source),
      description: c.description && toPlainText(c.description),
    };
    const draw = (size: { width: number; height: number; font: number }) => place(renderChart(data, theme(size)), t.context);
    const inSection = Boolean(c.id && b.sections?.some((s) => s.chart === c.id));
    const none = new Handlebars.SafeString('');
    return {
      n: i + 1,
      id: c.id,
      data,
      inSection,
      title: t.safe(c.title),
      plainTitle: data.title,
      // Each drawn only where it is shown: print always; the deck beside its section or on its own slide.
      figure: printed || !inSection ? draw(printed ? FIGURE_SIZES.print : FIGURE_SIZES.slide) : none,
      side: !printed && inSection ? draw(FIGURE_SIZES.side) : none,
      source: c.source ? t.safe(c.source) : undefined,
      unit: c.unit ? t.safe(c.unit) : undefined,
      table: {
        head: c.series.map((s) => t.safe(s.name)),
        rows: c.categories.map((cat, k) => ({ label: t.safe(cat), values: c.series.map((s) => (s.values[k] == null ? '–' : `${n(s.values[k] as number)}${c.unit === '%' ? '%' : ''}`)) })),
      },
      cites: t.cites(c.sources),
      notes: c.notes && toPlainText(c.notes),
      plain: [data.title, ...data.categories, ...data.series.map((s) => s.name)].join(' '),
    };
  });
  let map: MapView | undefined;
  if (b.map) {
    const m = { highlight: b.map.highlight, focus: b.map.focus, label: b.map.label, caption: b.map.caption && toPlainText(b.map.caption) };
    const names = b.map.highlight.map((c) => countryName(c, b.lang)).join(', ');
    const section = b.sections?.findIndex((s) => s.map);
    const draw = (size: { width: number; height: number; font: number }) => place(renderMap(m, theme(size), names), t.context);
    const beside = section !== undefined && section >= 0;
    const none = new Handlebars.SafeString('');
    map = {
      figure: printed || !beside ? draw(printed ? FIGURE_SIZES.printMap : FIGURE_SIZES.title) : none,
      side: !printed && beside ? draw(FIGURE_SIZES.side) : none,
      caption: b.map.caption ? t.safe(b.map.caption) : undefined,
      names,
      section: section !== undefined && section >= 0 ? section + 1 : undefined,
      notes: b.map.notes && toPlainText(b.map.notes),
    };
  }
  return {
    blufNotes: b.blufNotes && toPlainText(b.blufNotes),
    keyFigures: (b.keyFigures ?? []).map((k) => ({
      value: t.literal(k.value),
      plainValue: k.value,
      label: t.safe(k.label),
      plain: `${k.value} ${toPlainText(k.label)}`,
      cites: t.cites(k.sources),
      notes: k.notes && toPlainText(k.notes),
    })),
    charts,
    map,
  };
}
