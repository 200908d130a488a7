// Plans the deck: which slides, in what order, with how much on each. The fit engine tunes the budgets.
import type { BriefingView, KeyPointView, PointView, Safe, SectionView } from './view.js';

export interface Slide {
  /** Stable name of the slide within its part, e.g. `keyPoints#1`: the fit engine keys its choices by it. */
  key: string;
  /** The part it belongs to, e.g. `keyPoints` or `section-2`. */
  part: string;
  /** Which partial draws it. */
  kind: 'title' | 'bluf' | 'keypoints' | 'section' | 'actors' | 'actors-table' | 'timeline' | 'scenarios' | 'indicators' | 'quotes' | 'glossary' | 'sources';
  heading?: Safe;
  plainHeading: string;
  /** "(2/3)" when a part continues over several slides. */
  page?: { i: number; n: number };
  items: unknown[];
  /** Ordered lists continue their numbering across slides. */
  start: number;
  notes?: string;
  /** CSS classes on the slide (kind, layout variants, fit level). */
  classes: string;
  /** 1-based slide number, set once the plan is complete. */
  number: number;
  /** Section slides: the lead line (first slide only) and an image. */
  lead?: Safe;
  image?: SectionView['image'];
}

/** What the fit engine may change: how full each part's slides are, and how much a slide's type shrinks. */
export interface FitSettings {
  /** Multiplier on a part's capacity (1 = the designed density). */
  density: Record<string, number>;
  /** Shrink level per slide key, 0 (none) to MAX_SHRINK (the 18 px floor). */
  shrink: Record<string, number>;
}
export const MAX_SHRINK = 4;
export const noFit = (): FitSettings => ({ density: {}, shrink: {} });

/** Lines of body text a slide holds at the designed size, per kind. */
const CAPACITY = { points: 11, cards: 6, tableRows: 9, timelineRow: 6, timelineColumn: 7, scenarios: 3, indicators: 9, sources: 10, glossary: 9, quotes: 3 };
/** Characters per line of body text in a full-width column, and beside badges. */
const CHARS = { full: 70, badged: 56, card: 34 };

const lines = (plain: string, perLine: number) => Math.max(1, Math.ceil(plain.length / perLine));
const pointLines = (p: PointView, perLine: number): number =>
  lines(p.plain, perLine) + 0.35 + p.points.reduce((s, q) => s + lines(q.plain, perLine - 6) + 0.15, 0);

/** Splits items into slides of at most `capacity` cost each, then evens them out. */
export function chunk<T>(items: T[], capacity: number, cost: (t: T) => number): T[][] {
  const greedy = (cap: number): T[][] => {
    const out: T[][] = [];
    let cur: T[] = [];
    let used = 0;
    for (const it of items) {
      const c = cost(it);
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
  const total = items.reduce((s, t) => s + cost(t), 0);
  const even = greedy(Math.max(total / first.length, ...items.map(cost)) + 1e-9);
  return even.length === first.length ? even : first;
}

export function planSlides(view: BriefingView, fit: FitSettings = noFit()): Slide[] {
  const slides: Omit<Slide, 'number'>[] = [];
  const L = view.labels as Record<string, Safe>;
  const density = (part: string) => fit.density[part] ?? 1;
  const add = (s: Omit<Slide, 'number' | 'classes' | 'start'> & { classes?: string; start?: number }) => {
    const level = fit.shrink[s.key] ?? 0;
    slides.push({ start: 1, ...s, classes: [s.kind, s.classes, level ? `fit-${level}` : ''].filter(Boolean).join(' ') });
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
    const chunks = chunk(items, capacity * density(part), cost);
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
        ...extra,
        notes: i === 0 ? extra.notes : undefined,
        lead: i === 0 ? extra.lead : undefined,
      });
      start += c.length;
    });
  };

  add({ key: 'title', part: 'title', kind: 'title', plainHeading: view.plainTitle, items: [], notes: view.notes });
  add({ key: 'bluf', part: 'bluf', kind: 'bluf', heading: L.bluf, plainHeading: String(L.bluf), items: [] });
  spread('keyPoints', 'keypoints', L.keyPoints as Safe, plain(L.keyPoints), view.keyPoints, CAPACITY.points, (k: KeyPointView) =>
    pointLines(k, k.likelihood || k.confidence ? CHARS.badged : CHARS.full),
  );
  for (const s of view.sections) {
    const part = `section-${s.n}`;
    const lead = s.lead ? 1.6 : 0;
    const image = s.image ? ' with-image' : '';
    const perLine = s.image ? CHARS.full / 2 : CHARS.full;
    if (!s.points.length) {
      add({ key: `${part}#0`, part, kind: 'section', heading: s.title, plainHeading: s.plainTitle, items: [], notes: s.notes, lead: s.lead, image: s.image, classes: image.trim() });
      continue;
    }
    spread(part, 'section', s.title, s.plainTitle, s.points, CAPACITY.points - lead, (p: PointView) => pointLines(p, perLine), {
      notes: s.notes,
      lead: s.lead,
      image: s.image,
      classes: image.trim(),
    });
  }
  const manyActors = view.actors.length > 9 || view.actors.some((a) => a.plain.length > 190);
  if (manyActors) {
    spread('actors', 'actors-table', L.actors as Safe, plain(L.actors), view.actors, CAPACITY.tableRows, (a) => lines(a.plain, 90) * 0.9 + 0.2);
  } else {
    spread('actors', 'actors', L.actors as Safe, plain(L.actors), view.actors, CAPACITY.cards, () => 1, {
      classes: view.actors.length <= 4 ? 'cols-2' : 'cols-3',
    });
  }
  const horizontal = view.timeline.length <= CAPACITY.timelineRow && view.timeline.every((e) => e.plain.length <= 110);
  spread('timeline', 'timeline', L.timeline as Safe, plain(L.timeline), view.timeline, horizontal ? CAPACITY.timelineRow : CAPACITY.timelineColumn, (e) =>
    horizontal ? 1 : lines(e.plain, 60) * 0.8 + 0.2,
    { classes: horizontal ? 'horizontal' : 'vertical' },
  );
  spread('scenarios', 'scenarios', L.scenarios as Safe, plain(L.scenarios), view.scenarios, CAPACITY.scenarios, (s) => Math.max(1, s.plain.length / 420), {
    classes: `count-${Math.min(view.scenarios.length, 3)}`,
  });
  spread('indicators', 'indicators', L.indicators as Safe, plain(L.indicators), view.plainIndicators.map((p, i) => ({ text: view.indicators[i], plain: p })), CAPACITY.indicators, (i) => lines(i.plain, CHARS.full) + 0.3);
  spread('quotes', 'quotes', L.quotes as Safe, plain(L.quotes), view.quotes, CAPACITY.quotes, (q) => Math.max(1, q.plain.length / 200));
  spread('glossary', 'glossary', L.glossary as Safe, plain(L.glossary), view.glossary, CAPACITY.glossary, (g) => lines(g.plain, 80) + 0.2);
  spread('sources', 'sources', L.sources as Safe, plain(L.sources), view.sources, CAPACITY.sources, (s) => lines(s.plain, 95) * 0.8 + 0.2);
  return slides.map((s, i) => ({ ...s, number: i + 1 }));
}

function plain(s: unknown): string {
  return String(s).replace(/\\(.)/g, '$1');
}
