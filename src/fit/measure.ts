// Measures every slide of a loaded deck: how far its content runs past the slide's content box.
import type { Page } from 'puppeteer-core';

export interface SlideMeasure {
  /** 1-based slide number. */
  number: number;
  /** Pixels of content beyond the bottom of the content area (negative: room to spare). */
  overflowY: number;
  /** Pixels beyond the left or right edges. */
  overflowX: number;
  /** Heights of the slide's splittable items (list items, table rows), margins included. */
  items: number[];
  /** Pixels from the top of the first item to the bottom of the content area. */
  room: number;
}

/** Measures in slide pixels (1280x720), whatever the page's zoom. */
export function measureSlides(page: Page): Promise<SlideMeasure[]> {
  return page.evaluate(() => {
    const slides = [...document.querySelectorAll('div.marpit > svg[data-marpit-svg]')];
    const sections = slides.map(
      (svg) => svg.querySelector(':scope > foreignObject > section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])') as HTMLElement,
    );
    return sections.map((section, i) => {
      const box = section.getBoundingClientRect();
      const scale = box.width / 1280 || 1;
      const style = getComputedStyle(section);
      const top = box.top;
      const contentBottom = box.top + (section.offsetHeight - parseFloat(style.paddingBottom)) * scale;
      const left = box.left + parseFloat(style.paddingLeft) * scale;
      const right = box.right - parseFloat(style.paddingRight) * scale;
      let maxBottom = top;
      let overflowX = 0;
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode() as HTMLElement | null; n; n = walker.nextNode() as HTMLElement | null) {
        if (n.closest('header, footer') && n.closest('section') === section && (n.closest('header, footer') as HTMLElement).parentElement === section) continue;
        if (n.tagName === 'IMG' && n.closest('figure[data-marpit-advanced-background-container], figure')) continue;
        // A figure (chart, map) counts as its box: its SVG's shapes are clipped to it by design. One placed
        // beside the points (absolute, in the slide's side padding) counts only for its bottom edge.
        if (n.closest('figure.bd-fig') && n.tagName !== 'FIGURE') continue;
        const r = n.getBoundingClientRect();
        if (!r.width && !r.height) continue;
        maxBottom = Math.max(maxBottom, r.bottom);
        if (n.tagName === 'FIGURE' && n.classList.contains('bd-fig') && getComputedStyle(n).position === 'absolute') continue;
        overflowX = Math.max(overflowX, r.right - right, left - r.left);
        // Text clipped inside a box that hides overflow.
        if (n.scrollHeight > n.clientHeight + 2 && getComputedStyle(n).overflowY !== 'visible' && n.clientHeight > 0) {
          maxBottom = Math.max(maxBottom, contentBottom + (n.scrollHeight - n.clientHeight) * scale);
        }
      }
      // The part's items: rows of a table, else the items of the slide's main list.
      const rows = [...section.querySelectorAll(':scope > table > tbody > tr')] as HTMLElement[];
      const list = rows.length ? rows : ([...section.querySelectorAll(':scope > ul > li, :scope > ol > li, :scope > blockquote')] as HTMLElement[]);
      const tops = list.map((el) => el.getBoundingClientRect().top);
      const items = list.map((el, k) => {
        const next = tops[k + 1];
        if (next !== undefined) return (next - (tops[k] ?? 0)) / scale;
        const r = el.getBoundingClientRect();
        return (r.bottom - r.top) / scale + parseFloat(getComputedStyle(el).marginBottom || '0');
      });
      const room = list.length ? (contentBottom - (tops[0] ?? contentBottom)) / scale : 0;
      return { number: i + 1, overflowY: (maxBottom - contentBottom) / scale, overflowX: overflowX / scale, items, room };
    });
  });
}
