// First estimates of how much a slide holds, for decks planned without a browser to measure them (deck.html or deck.md alone).
import type { BriefingView, KeyPointView, PointView } from './view.js';

/*
 * First estimates, in lines of 26 px body text (36 px apart) on a 1280x720 slide. They aim a little
 * full: the fit engine measures the real slides in Chromium and moves what runs over onto more slides.
 */
const BODY_PX = 572; // slide height less top and bottom padding
const LINE_PX = 36.4;
const HEADING = { charsPerLine: 50, linePx: 48, extraPx: 46 };
/** Characters per line of body text: full width, and beside likelihood badges. */
const CHARS = { full: 84, badged: 70 };


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

function plain(s: unknown): string {
  return String(s).replace(/\\(.)/g, '$1');
}

/**
 * Items per slide for each stacked part, by the estimates above: how a deck is split when no browser
 * measures it. Parts that fit whole are left out.
 */
export function estimateSplits(view: BriefingView): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  estimateParts(view, (part, items, capacity, cost) => {
    const chunks = chunk(items, capacity * OPTIMISM, cost);
    if (chunks.length > 1) out[part] = chunks.map((c) => c.length);
  });
  return out;
}

/** Each stacked part's estimated height as a share of one slide's body (1 = just full), at the theme's size. */
export function estimateLoads(view: BriefingView): Record<string, number> {
  const out: Record<string, number> = {};
  estimateParts(view, (part, items, capacity, cost) => {
    out[part] = items.reduce((sum, it) => sum + cost(it), 0) / Math.max(capacity, 1);
  });
  return out;
}

type Put = <T>(part: string, items: T[], capacity: number, cost: (t: T) => number) => void;

/** The stacked parts with their capacity in lines and each item's cost in lines. */
function estimateParts(view: BriefingView, put: Put): void {
  const L = (k: string) => plain(view.labels[k]);
  put('keyPoints', view.keyPoints, bodyLines(L('keyPoints')), (k: KeyPointView) => pointLines(k, k.likelihood || k.confidence ? CHARS.badged : CHARS.full) + 0.25);
  for (const s of view.sections) {
    const perLine = s.image ? CHARS.full / 2 : CHARS.full;
    put(`section-${s.n}`, s.points, bodyLines(s.plainTitle) - (s.lead ? 1.6 : 0), (p: PointView) => pointLines(p, perLine));
  }
  put('actors', view.actors, bodyLines(L('actors')) - 1, (a) => lines(a.plain, 130) * 0.8 + 0.45);
  put('timeline', view.timeline, bodyLines(L('timeline')), (e) => lines(e.plain, 80) * 0.72 + 0.45);
  put('indicators', view.plainIndicators, bodyLines(L('indicators')) - 1.5, (i) => lines(i, CHARS.full - 4) + 0.4);
  put('quotes', view.quotes, bodyLines(L('quotes')), (q) => lines(q.plain, 70) * 1.1 + 1.6);
  put('glossary', view.glossary, bodyLines(L('glossary')), (g) => lines(g.plain, 70) * 0.85 + 0.35);
  put('sources', view.sources, bodyLines(L('sources')), (s) => lines(s.plain, 100) * 0.7 + 0.5);
}
