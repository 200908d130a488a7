// A deck's next body shown by touching only the slides that changed. Between two passes of the fit
// most slides are the same except for numbers that follow from the slide count: the section's id, its
// pagination and the deck's total, and links to a slide (citations point at the sources slide). Such a
// slide keeps its element and its layout, and only those attributes are set; the rest are removed and
// inserted where they belong. Chromium then lays out the new slides only, instead of the whole deck.
// A kept element is never moved: moving a node drops its layout as surely as replacing it.

/** A body cut at its slides: Marp's `<svg data-marpit-svg>` elements inside `div.marpit`. */
export interface SlideBody {
  head: string;
  slides: string[];
  tail: string;
}

/** A slide's text with its slide-count numbers taken out, and those numbers in document order. */
export interface SlideShape {
  key: string;
  numbers: string[];
}

export type SwapItem = { keep: number; numbers: string[] } | { html: string };

export interface SwapPlan {
  /** Indexes of the old slides to remove. */
  remove: number[];
  /** The new slides in order: an old one kept (with its numbers set) or new HTML. */
  items: SwapItem[];
}

const START = '<svg data-marpit-svg';
const END = '</foreignObject></svg>';
/** Attributes whose digits follow from the slide count (the page checks the same names and forms). */
const NUMBERED = /\s(id|data-marpit-pagination|data-marpit-pagination-total|href)="(#?\d+)"/g;

export function slideBody(body: string): SlideBody | undefined {
  const first = body.indexOf(START);
  const last = body.lastIndexOf(END);
  if (first < 0 || last < first) return undefined;
  const slides = body.slice(first, last + END.length).split(/(?=<svg data-marpit-svg)/);
  return { head: body.slice(0, first), slides, tail: body.slice(last + END.length) };
}

export function slideShape(slide: string): SlideShape {
  const numbers: string[] = [];
  const key = slide.replace(NUMBERED, (whole, name: string, value: string) => {
    if ((name === 'href') !== value.startsWith('#')) return whole;
    numbers.push(value);
    return ` ${name}="\u0001"`;
  });
  return { key, numbers };
}

/** The slides a page shows, as the next swap compares them: what surrounds them, and their keys. */
export interface ShownSlides {
  head: string;
  tail: string;
  keys: string[];
}

/** A body's slides with their shapes, each slide read once (the shapes serve the swap and what is shown after). */
export function shapesOf(body: SlideBody): { shapes: SlideShape[]; shown: ShownSlides } {
  const shapes = body.slides.map(slideShape);
  return { shapes, shown: { head: body.head, tail: body.tail, keys: shapes.map((s) => s.key) } };
}

/**
 * How to go from the slides shown to `next` (`shapes` its slides' shapes): each new slide keeps the first
 * old one after the last kept that has its key, else is inserted; old slides passed over are removed.
 * Undefined when the parts around the slides differ (then the whole body is swapped).
 */
export function planSwap(shown: ShownSlides, next: SlideBody, shapes: SlideShape[]): SwapPlan | undefined {
  if (shown.head !== next.head || shown.tail !== next.tail) return undefined;
  const positions = new Map<string, number[]>();
  shown.keys.forEach((k, i) => positions.set(k, [...(positions.get(k) ?? []), i]));
  const items: SwapItem[] = [];
  const kept = new Set<number>();
  let after = -1;
  next.slides.forEach((html, i) => {
    const { key, numbers } = shapes[i] as SlideShape;
    const at = positions.get(key)?.find((j) => j > after);
    if (at === undefined) {
      items.push({ html });
      return;
    }
    after = at;
    kept.add(at);
    items.push({ keep: at, numbers });
  });
  const remove = shown.keys.map((_, i) => i).filter((i) => !kept.has(i));
  return { remove, items };
}

/**
 * Runs in the page: applies a plan to `div.marpit`. False (and the caller swaps the whole body) when the
 * page does not hold the slides the plan was made for.
 */
export function applySwap(plan: SwapPlan, count: number): boolean {
  const root = document.querySelector('div.marpit');
  if (!root) return false;
  const old = [...root.children];
  if (old.length !== count) return false;
  const named = (el: Element, name: string, value: string) =>
    (name === 'href' ? /^#\d+$/ : /^\d+$/).test(value) && ['id', 'data-marpit-pagination', 'data-marpit-pagination-total', 'href'].includes(name);
  for (const item of plan.items) {
    if (!('keep' in item)) continue;
    const node = old[item.keep];
    if (!node) return false;
    const want = [...item.numbers];
    const els = [node, ...node.querySelectorAll('*')];
    const found: [Element, string][] = [];
    for (const el of els) for (const a of [...el.attributes]) if (named(el, a.name, a.value)) found.push([el, a.name]);
    if (found.length !== want.length) return false;
    found.forEach(([el, name], k) => {
      if (el.getAttribute(name) !== want[k]) el.setAttribute(name, want[k] as string);
    });
  }
  for (const i of plan.remove) old[i]?.remove();
  const template = document.createElement('template');
  let cursor: Element | null = null;
  for (const item of plan.items) {
    if ('keep' in item) {
      cursor = old[item.keep] as Element;
      continue;
    }
    template.innerHTML = item.html;
    const node = template.content.firstElementChild;
    if (!node) return false;
    if (cursor) cursor.after(node);
    else root.prepend(node);
    cursor = node;
  }
  return true;
}
