// The fit engine: render, measure in Chromium, split what runs over onto more slides or shrink it
// down to the floor size, and repeat until every slide fits; then hand the fitted page to the printer.
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from '../browser/session.js';
import { chunk, MAX_SHRINK, noFit, type FitSettings, type Slide } from '../render/slides.js';
import { measureSlides, type SlideMeasure } from './measure.js';

export interface FitAction {
  slide: number;
  heading: string;
  action: 'split' | 'shrunk' | 'overflow';
  detail: string;
}

export interface FitReport {
  iterations: number;
  actions: FitAction[];
  /** Slides whose content still runs over at the floor size. */
  overflowing: { slide: number; heading: string; pixels: number }[];
}

/** Tolerance for sub-pixel rounding. */
const SLACK = 1;
const MAX_ITERATIONS = 14;
/** How far a row of cards shrinks before it is split. */
const CARD_SHRINK = 2;

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
  const actions = new Map<string, FitAction>();
  const first = await render(fit);
  // One page for all passes: later passes swap only the slides, so fonts are decoded once.
  return session.withDocument(first.html, async (page) => {
    let deck = first;
    for (let iteration = 1; ; iteration++) {
      const measures = await measureSlides(page);
      const over = measures.filter((m) => m.overflowY > SLACK || m.overflowX > SLACK);
      // Pack every list by the heights Chromium measured, which splits what overflows and joins
      // slides that a pessimistic estimate left half empty; then shrink what cannot split.
      // Slides that packing leaves alone (cards, single blocks) are adjusted in the same pass: their
      // overflow does not depend on how the lists elsewhere are split, so no pass is spent waiting.
      let changed = false;
      if (iteration < MAX_ITERATIONS) {
        const packed = pack(fit, deck.slides, measures, actions);
        const others = packed ? over.filter((m) => !packable(deck.slides[m.number - 1])) : over;
        changed = (others.length > 0 && adjust(fit, deck.slides, others, actions)) || packed;
      }
      if (!changed) {
        const overflowing = over.map((m) => ({
          slide: m.number,
          heading: deck.slides[m.number - 1]?.plainHeading ?? '',
          pixels: Math.round(Math.max(m.overflowY, m.overflowX)),
        }));
        for (const o of overflowing) {
          actions.set(`overflow:${o.slide}`, { slide: o.slide, heading: o.heading, action: 'overflow', detail: `${o.pixels}px past the slide at the 18px floor` });
        }
        renumber(actions, deck.slides);
        return { deck, result: await use(page, deck), report: { iterations: iteration, actions: [...actions.values()], overflowing } };
      }
      const next = await render(fit);
      // The styles are those of the previous pass (same fonts, same theme): the session swaps only the body.
      await session.show(page, next.html);
      deck = next;
    }
  }, undefined, sent);
}

/** Kinds whose items stack vertically and can be packed by measured height. */
const STACKED = new Set(['keypoints', 'section', 'actors-table', 'timeline', 'indicators', 'quotes', 'glossary', 'sources']);

/** Points each action at its slide in the final deck (splits before it move it along). */
function renumber(actions: Map<string, FitAction>, slides: Slide[]): void {
  for (const [key, action] of actions) {
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const slide = kind === 'shrink' ? slides.find((s) => s.key === id) : kind === 'split' ? slides.find((s) => s.part === id) : undefined;
    if (slide) action.slide = slide.number;
  }
}

/** Whether `pack` splits this slide's part by measured heights. */
function packable(slide: Slide | undefined): slide is Slide {
  return !!slide && STACKED.has(slide.kind) && !slide.classes.includes('horizontal') && slide.items.length > 0;
}

/**
 * Packs every stacked part by the item heights Chromium measured and the least room any of its
 * slides had (the room only ever shrinks, so repacking converges). Returns true if any part's
 * split changes.
 */
function pack(fit: FitSettings, slides: Slide[], measures: SlideMeasure[], actions: Map<string, FitAction>): boolean {
  const parts = new Map<string, { slides: Slide[]; heights: number[]; room: number }>();
  for (const slide of slides) {
    if (!packable(slide)) continue;
    const m = measures[slide.number - 1];
    const p = parts.get(slide.part) ?? { slides: [], heights: [], room: Infinity };
    if (!m || m.items.length !== slide.items.length || m.room <= 0) p.room = -1;
    else {
      p.heights.push(...m.items);
      p.room = Math.min(p.room, m.room);
    }
    p.slides.push(slide);
    parts.set(slide.part, p);
  }
  let changed = false;
  for (const [part, p] of parts) {
    if (p.room <= 0) continue;
    const room = Math.min(p.room - SLACK, fit.measured[part]?.room ?? Infinity);
    const next = chunk(p.heights, room, (h) => h).map((c) => c.length);
    const now = p.slides.map((s) => s.items.length);
    fit.measured[part] = { heights: p.heights, room };
    if (next.join() === now.join()) continue;
    changed = true;
    if (next.length > now.length) {
      const first = p.slides[0] as Slide;
      actions.set(`split:${part}`, { slide: first.number, heading: first.plainHeading.replace(/ \(\d+\/\d+\)$/, ''), action: 'split', detail: `continued on ${next.length} slides` });
    }
  }
  return changed;
}

/** Changes the fit settings for the slides that run over; false when nothing more can be done. */
function adjust(fit: FitSettings, slides: Slide[], over: SlideMeasure[], actions: Map<string, FitAction>): boolean {
  let changed = false;
  const parts = new Set<string>();
  const shrink = (slide: Slide, level: number) => {
    fit.shrink[slide.key] = level + 1;
    actions.set(`shrink:${slide.key}`, { slide: slide.number, heading: slide.plainHeading, action: 'shrunk', detail: `text reduced to ${26 - 2 * (level + 1)}px` });
    changed = true;
  };
  for (const m of over) {
    const slide = slides[m.number - 1];
    if (!slide) continue;
    // Running off the side is not cured by moving items to another slide: only smaller text helps.
    const sideways = m.overflowY <= SLACK;
    const cards = sideways || slide.kind === 'scenarios' || slide.kind === 'actors' || slide.classes.includes('horizontal');
    const level = fit.shrink[slide.key] ?? 0;
    if (cards && slide.items.length > 1 && level < (sideways ? MAX_SHRINK : CARD_SHRINK)) {
      shrink(slide, level);
    } else if (slide.items.length > 1 && !fit.measured[slide.part] && !parts.has(slide.part)) {
      parts.add(slide.part);
      // Ask for less per slide, in proportion to how far it ran over, at least a fifth less.
      const ratio = Math.min(0.8, 520 / (520 + Math.max(m.overflowY, 40)));
      fit.density[slide.part] = (fit.density[slide.part] ?? 1) * ratio;
      actions.set(`split:${slide.part}`, { slide: slide.number, heading: slide.plainHeading.replace(/ \(\d+\/\d+\)$/, ''), action: 'split', detail: 'continued on more slides' });
      changed = true;
    } else if (level < MAX_SHRINK) {
      // A single item too tall for a slide, or a packed slide that still runs over: smaller text.
      shrink(slide, level);
    }
  }
  return changed;
}
