// The fit engine: draw each stacked part whole, measure its blocks once in Chromium, decide every split
// and text size with the pure packer (pack.ts), draw the deck so, and verify it with one more measurement.
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from '../browser/session.js';
import { noFit, STACKED, type FitSettings, type Slide } from '../render/slides.js';
import { measureSlides, type SlideMeasure } from './measure.js';
import { decideParts, partsOf, type PartMemory } from './decide.js';
import { FLOOR_LEVEL, LEVEL_PX, SHRINK_LEVEL } from '../layout/pack.js';
import { chromium, inStage } from '../util/profile.js';

export interface FitAction {
  slide: number;
  heading: string;
  action: 'split' | 'shrunk' | 'overflow' | 'figure' | 'text split';
  detail: string;
}

export interface SlideFill {
  slide: number;
  heading: string;
  /** Share of the body area the content spans, 0-1, rounded to 0.001. */
  fill: number;
  /** "2/3" when the slide continues a part. */
  part?: string;
}

export interface FitReport {
  iterations: number;
  actions: FitAction[];
  /** Slides whose content still runs over at the floor size. */
  overflowing: { slide: number; heading: string; pixels: number }[];
  /** Every slide's fill, and the deck's figures. */
  fill: SlideFill[];
  summary: { slides: number; splitParts: number; medianFill: number; underHalf: number[] };
}

/** Tolerance for sub-pixel rounding. */
const SLACK = 1;
const MAX_ITERATIONS = 8;

export interface Rendered {
  html: string;
  slides: Slide[];
}

/**
 * Renders with `render(fit)` until the deck fits, then calls `use` with the final page still open.
 * `sent` is called as the first rendering goes to the browser (see BrowserSession.withDocument).
 */
export async function fitDeck<T extends Rendered, R>(
  session: BrowserSession,
  render: (fit: FitSettings) => Promise<T>,
  use: (page: Page, deck: T) => Promise<R>,
  sent?: () => void,
): Promise<{ deck: T; result: R; report: FitReport }> {
  const fit = noFit();
  const memory = new Map<string, PartMemory>();
  const first = await render(fit);
  // One page for all passes: later passes swap only the slides, so fonts are decoded once.
  return session.withDocument(first.html, async (page) => {
    let deck = first;
    for (let iteration = 1; ; iteration++) {
      // Probes are drawn for their blocks' heights alone: their overflow and fill are not walked for.
      const probes = deck.slides.filter((s) => s.probe !== undefined).map((s) => s.number);
      let measures = await chromium('measure', () => measureSlides(page, probes), page);
      let over = overflowing(measures);
      let changed = false;
      if (iteration < MAX_ITERATIONS) {
        changed = inStage('fit decisions', () => decideParts(fit, deck.slides, measures, memory, SLACK));
        const others = over.filter((m) => !stacked(deck.slides[m.number - 1]));
        if (inStage('fit decisions', () => adjust(fit, deck.slides, others))) changed = true;
      }
      if (!changed) {
        // A deck that stays with probes (a part whose page did not match its plan) is reported in full.
        if (probes.length) {
          measures = await chromium('measure', () => measureSlides(page), page);
          over = overflowing(measures);
        }
        const report = inStage('fit decisions', () => finalReport(deck.slides, measures, over, memory, fit, iteration));
        return { deck, result: await use(page, deck), report };
      }
      const next = await render(fit);
      // The styles are those of the previous pass (same fonts, same theme): the session swaps only the body.
      await session.show(page, next.html);
      deck = next;
    }
  }, undefined, sent);
}

/** The slides whose content runs past the body, down or sideways, beyond sub-pixel rounding. */
function overflowing(measures: SlideMeasure[]): SlideMeasure[] {
  return measures.filter((m) => m.overflowY > SLACK || m.overflowX > SLACK);
}

function stacked(slide: Slide | undefined): boolean {
  return !!slide && STACKED.has(slide.kind) && !slide.classes.split(' ').includes('horizontal') && !!slide.pieces?.length;
}

/**
 * Slides that are not stacked and run over: smaller text, down to the floor; then cards go fewer to a
 * slide and a horizontal timeline becomes a vertical list. False when nothing more can be done.
 */
function adjust(fit: FitSettings, slides: Slide[], over: SlideMeasure[]): boolean {
  let changed = false;
  for (const m of over) {
    const slide = slides[m.number - 1];
    if (!slide) continue;
    const level = fit.shrink[slide.key] ?? 0;
    if (process.env.BRIEFDECK_FIT_DEBUG) process.stderr.write(`fit: ${slide.key} over ${Math.round(m.overflowY)}/${Math.round(m.overflowX)} at ${level}\n`);
    // The level that would take the content's height back into the body, text area scaling about as size^1.5.
    const body = 572;
    const need = body / (body + Math.max(m.overflowY, 0) + (m.overflowX > SLACK ? 40 : 0));
    const target = LEVEL_PX.findIndex((px, i) => i > level && (px / (LEVEL_PX[level] ?? 26)) ** 1.5 <= need);
    const cards = (slide.kind === 'actors' || slide.kind === 'scenarios') && slide.items.length > 1;
    if (slide.kind === 'timeline' && slide.classes.split(' ').includes('horizontal')) {
      fit.vertical[slide.part] = true;
    } else if (cards && level < SHRINK_LEVEL && need >= 0.8) {
      // Card text has its own floor (it starts smaller): a little overflow is worth the 15% step, more is not.
      fit.shrink[slide.key] = SHRINK_LEVEL;
    } else if (cards) {
      fit.perSlide[slide.part] = Math.max(1, Math.min(fit.perSlide[slide.part] ?? Infinity, slide.items.length - 1, Math.floor(slide.items.length * need)));
      for (const s of slides) if (s.part === slide.part) delete fit.shrink[s.key];
    } else if (level < FLOOR_LEVEL) {
      fit.shrink[slide.key] = target < 0 ? FLOOR_LEVEL : target;
    } else continue;
    changed = true;
  }
  return changed;
}

function finalReport(slides: Slide[], measures: SlideMeasure[], over: SlideMeasure[], memory: Map<string, PartMemory>, fit: FitSettings, iterations: number): FitReport {
  const actions: FitAction[] = [];
  const overflowing = over.map((m) => ({
    slide: m.number,
    heading: slides[m.number - 1]?.plainHeading ?? '',
    pixels: Math.round(Math.max(m.overflowY, m.overflowX)),
  }));
  for (const [part, group] of partsOf(slides)) {
    const first = group[0] as Slide;
    const heading = first.plainHeading.replace(/ \(\d+\/\d+\)$/, '');
    const plan = fit.plans[part];
    if (group.length > 1) actions.push({ slide: first.number, heading, action: 'split', detail: `continued on ${group.length} slides` });
    if (plan && plan.level > 0) actions.push({ slide: first.number, heading, action: 'shrunk', detail: `text reduced to ${LEVEL_PX[plan.level]}px` });
    const splits = Object.keys(fit.splits[part] ?? {}).length;
    if (splits) actions.push({ slide: first.number, heading, action: 'text split', detail: `${splits} long text${splits > 1 ? 's' : ''} split at sentences` });
    if (memory.get(part)?.figure) {
      const fig = slides.find((s) => s.part === `${part}-figure`);
      if (fig) actions.push({ slide: fig.number, heading, action: 'figure', detail: 'image on a slide of its own; points at full width' });
    }
  }
  for (const s of slides) {
    const level = fit.shrink[s.key];
    if (level) actions.push({ slide: s.number, heading: s.plainHeading, action: 'shrunk', detail: `text reduced to ${LEVEL_PX[level]}px` });
  }
  for (const o of overflowing) actions.push({ slide: o.slide, heading: o.heading, action: 'overflow', detail: `${o.pixels}px past the slide at the ${LEVEL_PX[FLOOR_LEVEL]}px floor` });
  actions.sort((a, b) => a.slide - b.slide);
  const fill = slides.map((s, i) => ({
    slide: s.number,
    heading: s.plainHeading,
    fill: Math.round((measures[i]?.fill ?? 0) * 1000) / 1000,
    ...(s.page ? { part: `${s.page.i}/${s.page.n}` } : {}),
  }));
  const body = fill.filter((f, i) => slides[i]?.kind !== 'title');
  const sorted = body.map((f) => f.fill).sort((a, b) => a - b);
  const mid = sorted.length ? (sorted.length % 2 ? (sorted[(sorted.length - 1) / 2] as number) : ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2) : 0;
  const splitParts = new Set(slides.filter((s) => s.page).map((s) => s.part)).size;
  return {
    iterations,
    actions,
    overflowing,
    fill,
    summary: { slides: slides.length, splitParts, medianFill: Math.round(mid * 1000) / 1000, underHalf: body.filter((f) => f.fill < 0.5).map((f) => f.slide) },
  };
}
