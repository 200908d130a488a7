// Which slides a page keeps between two bodies of a deck (slide-swap.ts): pure, without Chromium
// (test/e2e/session.test.ts applies a plan in a real page).
import { describe, expect, it } from 'vitest';
import { planSwap, shapesOf, slideBody, slideShape, type SlideBody } from '../../src/browser/slide-swap.js';

const slide = (n: number, total: number, text: string) =>
  `<svg data-marpit-svg="" viewBox="0 0 1280 720"><foreignObject width="1280" height="720"><section id="${n}" data-marpit-pagination="${n}" data-marpit-pagination-total="${total}"><h2 id="2015">${text}</h2><a href="#${total}">1</a><a href="https://x.org/1">x</a></section></foreignObject></svg>`;
const body = (texts: string[]) => `\n<div class="marpit">${texts.map((t, i) => slide(i + 1, texts.length, t)).join('')}</div>\n`;
const shownOf = (texts: string[]) => {
  const b = slideBody(body(texts));
  if (!b) throw new Error('no slides');
  return shapesOf(b).shown;
};
const plan = (texts: string[], next: SlideBody) => planSwap(shownOf(texts), next, shapesOf(next).shapes);

describe('slide swap', () => {
  it('cuts a body at its slides, keeping what is around them', () => {
    const b = slideBody(body(['a', 'b']));
    expect(b?.slides).toHaveLength(2);
    expect(b?.head).toBe('\n<div class="marpit">');
    expect(b?.tail).toBe('</div>\n');
    expect(slideBody('<p>no deck</p>')).toBeUndefined();
  });

  it('takes out only the numbers that follow from the slide count (ids, pagination, links to a slide)', () => {
    const { key, numbers } = slideShape(slide(3, 9, 'x'));
    expect(numbers).toEqual(['3', '3', '9', '2015', '#9']);
    expect(key).toBe(slideShape(slide(4, 12, 'x')).key);
    expect(key).toContain('href="https://x.org/1"');
    expect(key).not.toBe(slideShape(slide(3, 9, 'y')).key);
  });

  it('keeps renumbered slides in order, inserts the new ones and removes the rest', () => {
    const next = slideBody(body(['title', 'p 1/2', 'p 2/2', 'actors', 'sources']));
    if (!next) throw new Error('no slides');
    const swap = plan(['title', 'points', 'actors', 'sources'], next);
    expect(swap?.remove).toEqual([1]);
    expect(swap?.items.map((i) => ('keep' in i ? i.keep : 'new'))).toEqual([0, 'new', 'new', 2, 3]);
    expect(swap?.items[3]).toEqual({ keep: 2, numbers: ['4', '4', '5', '2015', '#5'] });
  });

  it('never keeps a slide out of order: a slide that moved before one kept is drawn anew', () => {
    const next = slideBody(body(['b', 'a']));
    if (!next) throw new Error('no slides');
    const swap = plan(['a', 'b'], next);
    expect(swap?.items.map((i) => ('keep' in i ? i.keep : 'new'))).toEqual([1, 'new']);
    expect(swap?.remove).toEqual([0]);
  });

  it('gives no plan when what surrounds the slides differs', () => {
    const next = slideBody(`<p>lead</p>${body(['a'])}`);
    if (!next) throw new Error('no slides');
    expect(plan(['a'], next)).toBeUndefined();
  });
});
