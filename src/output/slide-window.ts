// A window on a long deck: every slide outside a range hidden (display: none) while Chromium prints or
// photographs the rest. Chromium lays out, paints and (printing) tags the whole document on each such
// call, and in a deck of a thousand slides each call cost several times more a slide than in one of
// two hundred; hidden slides cost next to nothing, so a window's cost follows its own size.
import type { Page } from 'puppeteer-core';

export const SLIDE_SELECTOR = 'div.marpit > svg[data-marpit-svg]';
const STYLE_ID = 'bd-slide-window';

/** The [from, to) ranges that cut `count` slides into windows of at most `size`, evenly. */
export function windows(count: number, size: number): [number, number][] {
  const n = Math.max(1, Math.ceil(count / Math.max(1, size)));
  return Array.from({ length: n }, (_, i) => [Math.round((i * count) / n), Math.round(((i + 1) * count) / n)]);
}

/** Shows slides from..to-1 (0-based) alone; `undefined` shows them all again. */
export function showSlides(page: Page, range: [number, number] | undefined): Promise<void> {
  return page.evaluate(
    (selector, id, range) => {
      let style = document.getElementById(id);
      if (!range) return style?.remove();
      if (!style) {
        style = document.createElement('style');
        style.id = id;
        document.head.append(style);
      }
      const [from, to] = range;
      // Slides are the div's only <svg> children, so nth-of-type counts slides.
      style.textContent = `${selector}:nth-of-type(-n+${from}), ${selector}:nth-of-type(n+${to + 1}) { display: none !important; }`;
    },
    SLIDE_SELECTOR,
    STYLE_ID,
    range,
  );
}

/** Runs `fn` once a window, in order, and shows every slide again afterwards (also when `fn` throws). */
export async function inWindows<T>(page: Page, count: number, size: number, fn: (range: [number, number]) => Promise<T>): Promise<T[]> {
  const ranges = windows(count, size);
  if (ranges.length === 1) return [await fn(ranges[0] as [number, number])];
  const out: T[] = [];
  try {
    for (const range of ranges) {
      await showSlides(page, range);
      out.push(await fn(range));
    }
  } finally {
    await showSlides(page, undefined).catch(() => undefined);
  }
  return out;
}
