// The figures' part of the view: key figures, charts and the locator map, each drawn as SVG in the sizes
// its places need (a slide of its own, beside a section's points, the title slide, the print page).
import Handlebars from './handlebars.js';
import type { BriefingModel, Text } from '../model/briefing.js';
import { renderChart, type ChartData } from '../figures/chart.js';
import { renderMap } from '../figures/map.js';
import type { FigureTheme } from '../figures/svg.js';
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
  safe: (t: Text) => Safe;
  literal: (s: string) => Safe;
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

export function figuresView(m: BriefingModel, t: Tools): Omit<FiguresView, 'blufNotes'> {
  const theme = (size: { width: number; height: number; font: number }): FigureTheme => ({ ...size, lang: m.lang, dir: m.dir, labels: { source: m.labels.source } });
  const printed = t.context === 'html';
  const none = new Handlebars.SafeString('');
  const charts = m.charts.map((c): ChartView => {
    const draw = (size: { width: number; height: number; font: number }) => place(renderChart(c.data, theme(size)), t.context);
    return {
      n: c.n,
      id: c.id,
      data: c.data,
      inSection: c.inSection,
      title: t.safe(c.title),
      plainTitle: c.data.title,
      // Each drawn only where it is shown: print always; the deck beside its section or on its own slide.
      figure: printed || !c.inSection ? draw(printed ? FIGURE_SIZES.print : FIGURE_SIZES.slide) : none,
      side: !printed && c.inSection ? draw(FIGURE_SIZES.side) : none,
      source: c.source && t.safe(c.source),
      unit: c.unit && t.safe(c.unit),
      table: { head: c.table.head.map(t.safe), rows: c.table.rows.map((r) => ({ label: t.safe(r.label), values: r.values })) },
      cites: c.cites,
      notes: c.notes,
      plain: c.plain,
    };
  });
  let map: MapView | undefined;
  if (m.map) {
    const lm = m.map;
    const draw = (size: { width: number; height: number; font: number }) => place(renderMap(lm.data, theme(size), lm.names), t.context);
    const beside = lm.section !== undefined;
    map = {
      figure: printed || !beside ? draw(printed ? FIGURE_SIZES.printMap : FIGURE_SIZES.title) : none,
      side: !printed && beside ? draw(FIGURE_SIZES.side) : none,
      caption: lm.caption && t.safe(lm.caption),
      names: lm.names,
      section: lm.section,
      notes: lm.notes,
    };
  }
  return {
    keyFigures: m.keyFigures.map((k) => ({ value: t.literal(k.value), plainValue: k.value, label: t.safe(k.label), plain: k.plain, cites: k.cites, notes: k.notes })),
    charts,
    map,
  };
}
