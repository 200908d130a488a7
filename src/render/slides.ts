// Plans the deck: which slides, in what order, with how much on each. The fit engine tunes the budgets.
import type { BriefingView, KeyPointView, PointView, Safe, SectionView } from './view.js';
import type { ChartView, MapView } from './figures-view.js';
import { gatherNotes } from './slide-notes.js';

export interface Slide {
  /** Stable name of the slide within its part, e.g. `keyPoints#1`: the fit engine keys its choices by it. */
  key: string;
  /** The part it belongs to, e.g. `keyPoints` or `section-2`. */
  part: string;
  /** Which partial draws it. */
  kind: 'title' | 'bluf' | 'keyfigures' | 'chart' | 'keypoints' | 'section' | 'actors' | 'actors-table' | 'timeline' | 'scenarios' | 'indicators' | 'quotes' | 'glossary' | 'sources';
  heading?: Safe;
  plainHeading: string;
  /** "(2/3)" when a part continues over several slides. */
  page?: { i: number; n: number };
  items: unknown[];
  /** Ordered lists continue their numbering across slides. */
  start: number;
  /** Index of the slide's first item within its part. */
  first: number;
  notes?: string;
  /** CSS classes on the slide (kind, layout variants, fit level). */
  classes: string;
  /** 1-based slide number, set once the plan is complete. */
  number: number;
  /** Section slides: the lead line (first slide only) and an image. */
  lead?: Safe;
  image?: SectionView['image'];
  /** A chart beside a section's points, or a chart slide's own; the locator map (title or section slide). */
  chart?: ChartView;
  map?: MapView;
}

/** What the fit engine may change: how full each part's slides are, and how much a slide's type shrinks. */
export interface FitSettings {
  /** Multiplier on a part's capacity (1 = the designed density). */
  density: Record<string, number>;
  /**
   * Measured in Chromium: each item's height and the room for items on a slide, in pixels. When a
   * part has these, it is packed by them instead of by the estimates.
   */
  measured: Record<string, { heights: number[]; room: number }>;
  /** Shrink level per slide key, 0 (none) to MAX_SHRINK (the 18 px floor). */
  shrink: Record<string, number>;
}
export const MAX_SHRINK = 4;
export const noFit = (): FitSettings => ({ density: {}, shrink: {}, measured: {} });

/*
 * First estimates, in lines of 26 px body text (36 px apart) on a 1280x720 slide. They aim a little
 * full: the fit engine measures the real slides in Chromium and moves what runs over onto more slides.
 */
const BODY_PX = 572; // slide height less top and bottom padding
const LINE_PX = 36.4;
const HEADING = { charsPerLine: 50, linePx: 48, extraPx: 46 };
/** Characters per line of body text: full width, and beside likelihood badges. */
const CHARS = { full: 84, badged: 70 };
/** Fixed-count layouts: cards and rows per slide. */
const CAPACITY = { cards: 6, timelineRow: 6, scenarios: 3 };
/** Estimates run full by this much; measuring then splits the few that overflow, in one more pass. */
const OPTIMISM = 1.15;

/** Lines of body text left under a heading of this length. */
function bodyLines(heading: string): number {
  const headingLines = Math.min(3, Math.ceil(heading.length / HEADING.charsPerLine));
  return (BODY_PX - headingLines * HEADING.linePx - HEADING.extraPx) / LINE_PX;
}
const lines = (plain: string, perLine: number) => Math.max(1, Math.ceil(plain.length / perLine));
const pointLines = (p: PointView, perLine: number): number =>
  lines(p.plain, perLine) + 0.4 + p.points.reduce((s, q) => s + lines(q.plain, perLine * 1.15) * 0.85 + 0.17, 0);

/** Splits items into as few slides as `capacity` allows, as evenly filled as that number of slides allows. */
export function chunk<T>(items: T[], capacity: number, cost: (t: T, index: number) => number): T[][] {
  const greedy = (cap: number): T[][] => {
    const out: T[][] = [];
    let cur: T[] = [];
    let used = 0;
    for (const [i, it] of items.entries()) {
      const c = cost(it, i);
      if (cur.length && used + c > cap) {
        out.push(cur);
        cur = [];
        used = 0;
      }
      cur.push(it);
      used += c;
    }
    if (cur.length) out.push(cur);
    return out;
  };
  const first = greedy(capacity);
  if (first.length < 2) return first;
  // The smallest capacity that still needs no more slides: the fullest slide is then as light as it can be.
  let lo = Math.max(...items.map((t, i) => cost(t, i)));
  let hi = capacity;
  for (let i = 0; i < 24 && hi - lo > 0.01; i++) {
    const mid = (lo + hi) / 2;
    if (greedy(mid).length <= first.length) hi = mid;
    else lo = mid;
  }
  return greedy(hi);
}

export function planSlides(view: BriefingView, fit: FitSettings = noFit()): Slide[] {
  const slides: Omit<Slide, 'number'>[] = [];
  const L = view.labels as Record<string, Safe>;
  const density = (part: string) => fit.density[part] ?? 1;
  const add = (s: Omit<Slide, 'number' | 'classes' | 'start' | 'first'> & { classes?: string; start?: number; first?: number }) => {
    const level = fit.shrink[s.key] ?? 0;
    // Card grids take as many columns as they have cards, up to three.
    const count = s.kind === 'scenarios' || s.kind === 'actors' ? `count-${Math.min(3, s.items.length)}` : '';
    const dir = view.dir === 'rtl' ? 'rtl' : '';
    slides.push({ start: 1, first: 0, ...s, classes: [s.kind, s.classes, count, dir, level ? `fit-${level}` : ''].filter(Boolean).join(' ') });
  };
  /** A part spread over as many slides as it needs, each headed "Heading (i/n)". */
  const spread = <T>(
    part: string,
    kind: Slide['kind'],
    heading: Safe,
    plainHeading: string,
    items: T[],
    capacity: number,
    cost: (t: T) => number,
    extra: Partial<Slide> = {},
  ) => {
    if (!items.length) return;
    const m = fit.measured[part];
    const chunks =
      m && m.heights.length === items.length
        ? chunk(items, m.room * density(part), (_t, i) => m.heights[i] ?? m.room)
        : chunk(items, capacity * OPTIMISM * density(part), cost);
    let start = 1;
    chunks.forEach((c, i) => {
      add({
        key: `${part}#${i}`,
        part,
        kind,
        heading,
        plainHeading: chunks.length > 1 ? `${plainHeading} (${i + 1}/${chunks.length})` : plainHeading,
        page: chunks.length > 1 ? { i: i + 1, n: chunks.length } : undefined,
        items: c,
        start,
        first: start - 1,
        ...extra,
        notes: i === 0 ? extra.notes : undefined,
        lead: i === 0 ? extra.lead : undefined,
      });
      start += c.length;
    });
  };

  const titleMap = view.map && view.map.section === undefined ? view.map : undefined;
  add({ key: 'title', part: 'title', kind: 'title', plainHeading: view.plainTitle, items: [], notes: view.notes, map: titleMap, classes: titleMap ? 'with-map' : undefined });
  add({ key: 'bluf', part: 'bluf', kind: 'bluf', heading: L.bluf, plainHeading: String(L.bluf), items: [], notes: view.blufNotes });
  if (view.keyFigures.length) {
    const n = view.keyFigures.length;
    add({ key: 'keyFigures', part: 'keyFigures', kind: 'keyfigures', heading: L.keyFigures, plainHeading: plain(L.keyFigures), items: view.keyFigures, classes: `figures-${n} rows-${n > 4 ? 2 : 1}` });
  }
  spread('keyPoints', 'keypoints', L.keyPoints as Safe, plain(L.keyPoints), view.keyPoints, bodyLines(plain(L.keyPoints)), (k: KeyPointView) =>
    pointLines(k, k.likelihood || k.confidence ? CHARS.badged : CHARS.full) + 0.25,
  );
  const besideSection = new Set(view.sections.map((s) => s.chart).filter(Boolean));
  for (const s of view.sections) {
    const part = `section-${s.n}`;
    const lead = s.lead ? 1.6 : 0;
    const chart = s.chart ? view.charts.find((c) => c.id === s.chart) : undefined;
    const map = view.map && view.map.section === s.n ? view.map : undefined;
    const figure = chart || map ? ' with-figure' : '';
    const image = (s.image && !figure ? ' with-image' : '') + figure;
    const perLine = s.image || figure ? CHARS.full / 2 : CHARS.full;
    const firstOfPart = slides.length;
    if (!s.points.length) {
      add({ key: `${part}#0`, part, kind: 'section', heading: s.title, plainHeading: s.plainTitle, items: [], notes: s.notes, lead: s.lead, image: figure ? undefined : s.image, classes: image.trim(), chart, map });
      continue;
    }
    spread(part, 'section', s.title, s.plainTitle, s.points, bodyLines(s.plainTitle) - lead, (p: PointView) => pointLines(p, perLine), {
      notes: s.notes,
      lead: s.lead,
      image: figure ? undefined : s.image,
      classes: image.trim(),
      chart,
      map,
    });
    // The figure stands beside the section's first slide; the points continue full width after it.
    for (const later of slides.slice(firstOfPart + 1)) {
      if (!figure) break;
      later.chart = undefined;
      later.map = undefined;
      later.classes = later.classes.replace(' with-figure', '');
    }
  }
  for (const c of view.charts) {
    if (c.id && besideSection.has(c.id)) continue;
    add({ key: `chart-${c.n}`, part: `chart-${c.n}`, kind: 'chart', heading: c.title, plainHeading: c.plainTitle, items: [], chart: c, notes: c.notes });
  }
  const manyActors = view.actors.length > 9 || view.actors.some((a) => a.plain.length > 190);
  if (manyActors) {
    // Table rows at 19 px: about 1.4 rows of text per body line; the role column wraps first.
    spread('actors', 'actors-table', L.actors as Safe, plain(L.actors), view.actors, bodyLines(plain(L.actors)) - 1, (a) => lines(a.plain, 130) * 0.8 + 0.45);
  } else {
    spread('actors', 'actors', L.actors as Safe, plain(L.actors), view.actors, CAPACITY.cards, () => 1);
  }
  const horizontal = view.timeline.length <= CAPACITY.timelineRow && view.timeline.every((e) => e.plain.length <= 110);
  spread('timeline', 'timeline', L.timeline as Safe, plain(L.timeline), view.timeline, horizontal ? CAPACITY.timelineRow : bodyLines(plain(L.timeline)), (e) =>
    horizontal ? 1 : lines(e.plain, 80) * 0.72 + 0.45,
    { classes: horizontal ? 'horizontal' : 'vertical' },
  );
  spread('scenarios', 'scenarios', L.scenarios as Safe, plain(L.scenarios), view.scenarios, CAPACITY.scenarios, (s) => Math.max(1, s.plain.length / 420));
  spread('indicators', 'indicators', L.indicators as Safe, plain(L.indicators), view.plainIndicators.map((p, i) => ({ text: view.indicators[i], plain: p })), bodyLines(plain(L.indicators)) - 1.5, (i) => lines(i.plain, CHARS.full - 4) + 0.4);
  spread('quotes', 'quotes', L.quotes as Safe, plain(L.quotes), view.quotes, bodyLines(plain(L.quotes)), (q) => lines(q.plain, 70) * 1.1 + 1.6);
  spread('glossary', 'glossary', L.glossary as Safe, plain(L.glossary), view.glossary, bodyLines(plain(L.glossary)), (g) => lines(g.plain, 70) * 0.85 + 0.35);
  spread('sources', 'sources', L.sources as Safe, plain(L.sources), view.sources, bodyLines(plain(L.sources)), (s) => lines(s.plain, 100) * 0.7 + 0.5);
  return slides.map((s, i) => ({ ...s, number: i + 1, notes: gatherNotes(s) }));
}

function plain(s: unknown): string {
  return String(s).replace(/\\(.)/g, '$1');
}
