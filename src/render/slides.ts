// Plans the deck: which slides, in what order, with what on each. The fit engine (src/fit) decides the splits.
import Handlebars from './handlebars.js';
import { FLOOR_LEVEL, SHRINK_LEVEL, type Piece } from '../layout/pack.js';
import { chunk, estimateLoads, estimateSplits } from './estimate.js';
import { splitItems, type Unit } from './slide-units.js';
import type { BriefingView, Safe, SectionView } from './view.js';
import type { ChartView, MapView } from './figures-view.js';
import { gatherNotes } from './slide-notes.js';

export interface Slide {
  /** Stable name of the slide within its part, e.g. `keyPoints#1`: the fit engine keys its choices by it. */
  key: string;
  /** The part it belongs to, e.g. `keyPoints` or `section-2`. */
  part: string;
  /** Which partial draws it. */
  kind: 'title' | 'bluf' | 'keyfigures' | 'chart' | 'keypoints' | 'section' | 'figure' | 'actors' | 'actors-table' | 'timeline' | 'scenarios' | 'indicators' | 'quotes' | 'glossary' | 'sources';
  heading?: Safe;
  plainHeading: string;
  /** "(2/3)" when a part continues over several slides. */
  page?: { i: number; n: number };
  items: unknown[];
  /** Stacked parts: what of the part's units (leads, items) this slide holds, in order. */
  pieces?: Piece[];
  /** A copy of a part drawn whole at this text level, only to be measured (the first pass). */
  probe?: number;
  /**
   * A probe of a part drawn at several levels (one the estimates say may not fit at the theme's size),
   * which is seldom the final slide: drawn without the header and footer, which the fit does not
   * measure (themes place them in the slide's padding, out of the flow) and whose text was a tenth of
   * the first pass's layout in Chromium. A probe drawn at one level alone keeps them: it is likely
   * final, and the page keeps it as it stands when it is.
   */
  bare?: boolean;
  /** For each piece, the index of its unit before texts were split. */
  raws?: number[];
  /** Ordered lists continue their numbering across slides. */
  start: number;
  /** Index of the slide's first item within its part. */
  first: number;
  notes?: string;
  /** CSS classes on the slide (kind, layout variants, fit level). */
  classes: string;
  /** 1-based slide number, set once the plan is complete. */
  number: number;
  /** Section slides: the lead (on the slides that carry it) and an image (beside the points, or a figure slide's). */
  lead?: Safe;
  /** The lead's pieces on this slide (a long lead is split at sentences), one paragraph each. */
  leads?: Safe[];
  image?: SectionView['image'] & { markdownAlt: string };
  /** A chart beside a section's points, or a chart slide's own; the locator map (title or section slide). */
  chart?: ChartView;
  map?: MapView;
}

/** A stacked part's layout, as the fit engine decided it: its text level and each slide's pieces. */
export interface PartPlan {
  level: number;
  slides: Piece[][];
  /** One short slide: its content centred in the body. */
  centre?: boolean;
}

/** What the fit engine decides. A part with no plan is drawn whole on one slide, to be measured. */
export interface FitSettings {
  plans: Record<string, PartPlan>;
  /** Texts split at sentences: per part, unit index (before splitting) → number of pieces. */
  splits: Record<string, Record<number, number>>;
  /** Section parts whose image goes on a figure slide of its own (the points at full width after it). */
  figure: Record<string, boolean>;
  /** Slides that are not stacked (cards, statements): text level per slide key. */
  shrink: Record<string, number>;
  /** Card parts: most cards on one slide, when fewer than the layout's default. */
  perSlide: Record<string, number>;
  /** Horizontal timelines that did not fit and are drawn as a vertical list. */
  vertical: Record<string, boolean>;
  /** Undecided parts: the levels to draw them at, when not those the estimates choose (see probeLevels). */
  probes: Record<string, number[]>;
}
export const noFit = (): FitSettings => ({ plans: {}, splits: {}, figure: {}, shrink: {}, perSlide: {}, vertical: {}, probes: {} });

/** Cards on one slide, at most: actors in up to four columns, scenarios (long texts) three. */
const CARDS = { actors: 8, scenarios: 3 };
/** Columns of a card grid with n cards: balanced rows (4 → 2 × 2, 5 → 3 + 2, 7 → 4 + 3). */
export function gridColumns(n: number): number {
  return n <= 3 ? Math.max(1, n) : n === 4 ? 2 : n <= 6 ? 3 : 4;
}
/**
 * The text levels an undecided part is measured at: the theme's size and 15% smaller. The floor's
 * size is measured only when the decision turns on it (fit/decide.ts, needsFloor): in the corpus and
 * the stress decks it never did, and measuring it anyway was a third of the first pass's probes.
 */
export const PROBE_LEVELS = [0, SHRINK_LEVEL];
/**
 * A part estimated at most this full at the theme's size is first measured at that size alone: if it
 * fits one slide there, the smaller sizes cannot change its layout (the packer takes the largest size
 * that gives the fewest slides), and Chromium is spared laying out its text twice more. If it does not
 * fit after all, the fit engine measures it at the other levels on its next pass.
 */
const ONE_PROBE_LOAD = 0.9;
const TIMELINE_ROW = { events: 6, chars: 110 };
/** Kinds whose items stack vertically: the fit engine measures them and decides their splits. */
export const STACKED = new Set<Slide['kind']>(['keypoints', 'section', 'actors-table', 'timeline', 'indicators', 'quotes', 'glossary', 'sources']);

/**
 * The deck's slides. With `fit` (a browser measures the deck), stacked parts follow fit.plans and a
 * part without a plan is drawn whole; without it, parts are split by estimates.
 */
export function planSlides(view: BriefingView, fit?: FitSettings): Slide[] {
  const f = fit ?? noFit();
  const estimates = fit ? {} : estimateSplits(view);
  const loads = fit ? estimateLoads(view) : {};
  const probeLevels = (part: string) => f.probes[part] ?? ((loads[part] ?? Infinity) <= ONE_PROBE_LOAD ? [0] : PROBE_LEVELS);
  const slides: Omit<Slide, 'number'>[] = [];
  const L = view.labels as Record<string, Safe>;
  const dir = view.dir === 'rtl' ? 'rtl' : '';
  // A long marking is set a little smaller so that it stays whole in two lines of the header and footer.
  const marking = view.marking && view.marking.plain.length > 48 ? 'marking-long' : '';
  const add = (s: Omit<Slide, 'number' | 'classes' | 'start' | 'first'> & { classes?: string; start?: number; first?: number; level?: number; centre?: boolean }) => {
    const level = s.level ?? f.shrink[s.key] ?? 0;
    const { level: _l, centre, ...rest } = s;
    const size = level > 0 ? `fit-${level}` : level < 0 ? `grow-${-level}` : '';
    slides.push({ start: 1, first: 0, ...rest, classes: [s.kind, s.classes, dir, marking, size, centre ? 'centred' : ''].filter(Boolean).join(' ') });
  };
  const heading = (plainHeading: string, i: number, n: number) => (n > 1 ? `${plainHeading} (${i + 1}/${n})` : plainHeading);

  /** A stacked part over the slides its plan gives (or by the estimates; or, undecided, whole at each probed level). */
  const stacked = <T>(part: string, kind: Slide['kind'], title: Safe, plainHeading: string, raw: Unit<T>[], extra: Partial<Slide> = {}) => {
    if (!raw.length) return;
    const units = splitItems(raw, f.splits[part] ?? {});
    const planned = f.plans[part];
    const whole = (level: number): PartPlan => ({ level, slides: [units.map((_u, k) => ({ block: k }))] });
    const plans: [PartPlan, number | undefined][] = planned
      ? [[planned, undefined]]
      : fit
        ? probeLevels(part).map((level) => [whole(level), level])
        : [[fromCounts(units, estimates[part]), undefined]];
    for (const [plan, probe] of plans) {
      plan.slides.forEach((pieces, i) => {
        const leads = pieces.flatMap((p) => (units[p.block]?.lead ? [String(units[p.block]?.lead)] : []));
        const items = pieces.flatMap((p) => {
          const u = units[p.block];
          if (!u || u.lead) return [];
          return [p.from === undefined ? u.item : { ...u.item, points: u.subs?.slice(p.from, p.to) ?? [], continued: p.from > 0 }];
        });
        const firstItem = pieces.find((p) => !units[p.block]?.lead);
        const start = firstItem ? (units[firstItem.block]?.number ?? 1) : 1;
        add({
          key: probe === undefined ? `${part}#${i}` : `${part}#probe${probe}`,
          part,
          kind,
          heading: title,
          plainHeading: heading(plainHeading, i, plan.slides.length),
          page: plan.slides.length > 1 ? { i: i + 1, n: plan.slides.length } : undefined,
          items,
          pieces,
          probe,
          ...(probe !== undefined && plans.length > 1 ? { bare: true } : {}),
          raws: pieces.map((p) => units[p.block]?.raw ?? p.block),
          start,
          first: start - 1,
          level: plan.level,
          centre: plan.centre,
          ...extra,
          notes: i === 0 ? extra.notes : undefined,
          lead: leads.length ? new Handlebars.SafeString(leads.join(' ')) : undefined,
          leads: leads.map((l) => new Handlebars.SafeString(l)),
        });
      });
    }
  };
  /** Cards: as many a slide as the layout holds, spread evenly. */
  const cards = <T>(part: string, kind: 'actors' | 'scenarios', title: Safe, plainHeading: string, items: T[]) => {
    if (!items.length) return;
    const chunks = chunk(items, f.perSlide[part] ?? CARDS[kind], () => 1);
    chunks.forEach((c, i) => {
      add({
        key: `${part}#${i}`,
        part,
        kind,
        heading: title,
        plainHeading: heading(plainHeading, i, chunks.length),
        page: chunks.length > 1 ? { i: i + 1, n: chunks.length } : undefined,
        items: c,
        classes: `cols-${gridColumns(c.length)} count-${c.length}`,
      });
    });
  };
  const units = <T>(items: T[], subs?: (t: T) => unknown[]): Unit<T>[] => items.map((item, i) => ({ item, number: i + 1, subs: subs?.(item) }));

  const titleMap = view.map && view.map.section === undefined ? view.map : undefined;
  add({ key: 'title', part: 'title', kind: 'title', plainHeading: view.plainTitle, items: [], notes: view.notes, map: titleMap, classes: titleMap ? 'with-map' : undefined });
  // A short bottom line is set larger (it is the one statement of its slide); a long one keeps the theme's size.
  const bluf = view.plainBluf.length;
  add({ key: 'bluf', part: 'bluf', kind: 'bluf', heading: L.bluf, plainHeading: String(L.bluf), items: [], notes: view.blufNotes, classes: bluf <= 120 ? 'short' : bluf <= 240 ? 'medium' : undefined });
  if (view.keyFigures.length) {
    const n = view.keyFigures.length;
    add({ key: 'keyFigures', part: 'keyFigures', kind: 'keyfigures', heading: L.keyFigures, plainHeading: plain(L.keyFigures), items: view.keyFigures, classes: `figures-${n} rows-${n > 4 ? 2 : 1}` });
  }
  stacked('keyPoints', 'keypoints', L.keyPoints as Safe, plain(L.keyPoints), units(view.keyPoints));
  const besideSection = new Set(view.sections.map((s) => s.chart).filter(Boolean));
  for (const s of view.sections) {
    const part = `section-${s.n}`;
    // A chart or map placed beside the section takes the place of its image there.
    const chart = s.chart ? view.charts.find((c) => c.id === s.chart) : undefined;
    const map = view.map && view.map.section === s.n ? view.map : undefined;
    const withFigure = chart || map ? ' with-figure' : '';
    const image = s.image && !withFigure ? { ...s.image, markdownAlt: markdownAlt(s.image.plainAlt) } : undefined;
    const figure = !!image && (f.figure[part] || (!fit && s.points.length > 0 && !!estimates[part]));
    const firstOfPart = slides.length;
    if (figure && image) {
      add({ key: `${part}#figure`, part: `${part}-figure`, kind: 'figure', heading: s.title, plainHeading: s.plainTitle, items: [], image, notes: s.notes });
    }
    const lead: Unit<unknown>[] = s.lead ? [{ lead: s.lead, number: 0 }] : [];
    const body = [...lead, ...units(s.points, (p) => p.points)];
    if (!body.length) {
      if (!figure) add({ key: `${part}#0`, part, kind: 'section', heading: s.title, plainHeading: s.plainTitle, items: [], notes: s.notes, image, classes: (image ? 'with-image' : '') + withFigure, chart, map });
      continue;
    }
    stacked(part, 'section', s.title, s.plainTitle, body, {
      notes: figure ? undefined : s.notes,
      image: figure ? undefined : image,
      classes: (image && !figure ? 'with-image' : '') + withFigure,
      chart,
      map,
    });
    // The chart or map stands beside the section's first slide; the points continue full width after it.
    // Each probe (the part drawn whole at one text level, to be measured) is a first slide: it keeps the
    // figure, or its text would be measured at full width and the plan made for room it does not have.
    if (withFigure) {
      for (const later of slides.slice(firstOfPart + 1)) {
        if (later.probe !== undefined) continue;
        later.chart = undefined;
        later.map = undefined;
        later.classes = later.classes.replace(' with-figure', '').replace(/^with-figure$/, '');
      }
    }
  }
  for (const c of view.charts) {
    if (c.id && besideSection.has(c.id)) continue;
    add({ key: `chart-${c.n}`, part: `chart-${c.n}`, kind: 'chart', heading: c.title, plainHeading: c.plainTitle, items: [], chart: c, notes: c.notes });
  }
  const manyActors = view.actors.length > CARDS.actors || view.actors.some((a) => a.plain.length > 190);
  if (manyActors) stacked('actors', 'actors-table', L.actors as Safe, plain(L.actors), units(view.actors));
  else cards('actors', 'actors', L.actors as Safe, plain(L.actors), view.actors);
  const horizontal = !f.vertical.timeline && view.timeline.length <= TIMELINE_ROW.events && view.timeline.every((e) => e.plain.length <= TIMELINE_ROW.chars);
  if (horizontal && view.timeline.length) {
    add({ key: 'timeline#0', part: 'timeline', kind: 'timeline', heading: L.timeline, plainHeading: plain(L.timeline), items: view.timeline, classes: `horizontal events-${view.timeline.length}` });
  } else {
    stacked('timeline', 'timeline', L.timeline as Safe, plain(L.timeline), units(view.timeline), { classes: 'vertical' });
  }
  cards('scenarios', 'scenarios', L.scenarios as Safe, plain(L.scenarios), view.scenarios);
  stacked('indicators', 'indicators', L.indicators as Safe, plain(L.indicators), units(view.plainIndicators.map((p, i) => ({ text: view.indicators[i], plain: p }))));
  stacked('quotes', 'quotes', L.quotes as Safe, plain(L.quotes), units(view.quotes));
  stacked('glossary', 'glossary', L.glossary as Safe, plain(L.glossary), units(view.glossary));
  stacked('sources', 'sources', L.sources as Safe, plain(L.sources), units(view.sources));
  return slides.map((s, i) => ({ ...s, number: i + 1, notes: gatherNotes(s) }));
}

/** A plan from item counts per slide (the estimates), or the whole part on one slide. */
function fromCounts(units: Unit<unknown>[], counts: number[] | undefined): PartPlan {
  const leads = units.filter((u) => u.lead).length;
  if (!counts) return { level: 0, slides: [units.map((_u, i) => ({ block: i }))] };
  const slides: Piece[][] = [];
  let at = 0;
  counts.forEach((c, i) => {
    const n = c + (i === 0 ? leads : 0);
    slides.push(units.slice(at, at + n).map((_u, k) => ({ block: at + k })));
    at += n;
  });
  if (at < units.length) slides.push(units.slice(at).map((_u, k) => ({ block: at + k })));
  return { level: 0, slides: slides.filter((s) => s.length) };
}

/** Marp reads an image's alt text as options (bg, w:300, blur, 50%…): words that look like one get a zero-width joiner. */
function markdownAlt(alt: string): string {
  const option = /^(bg|contain|cover|fit|auto|left|right|vertical|(\d*\.)?\d+%|(w|width|h|height):.*|(blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia|sepia)(:.*)?)$/i;
  return alt
    .replace(/[\\[\]]/g, '')
    .split(/(\s+)/)
    .map((w) => (option.test(w) ? `${w}\u200d` : w))
    .join('');
}

function plain(s: unknown): string {
  return String(s).replace(/\\(.)/g, '$1');
}
