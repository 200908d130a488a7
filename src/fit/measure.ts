// Measures every slide of a loaded deck: its blocks' heights, how far its content runs over, how full it is.
import type { Page } from 'puppeteer-core';
import type { Block } from '../layout/pack.js';

export interface SlideMeasure {
  /** 1-based slide number. */
  number: number;
  /** Pixels of content beyond the bottom of the content area (negative: room to spare). */
  overflowY: number;
  /** Pixels beyond the left or right edges. */
  overflowX: number;
  /** The slide's blocks in order: lead paragraphs, then list items or table rows, with nested points. */
  blocks: Block[];
  /** Pixels from the top of the first block to the bottom of the content area. */
  room: number;
  /** Share of the body area (between the header and footer paddings) that the content spans, 0-1. */
  fill: number;
}

/**
 * Measures in slide pixels (1280x720), whatever the page's zoom. Slides numbered in `blocksOnly` (the
 * probes, drawn only for their blocks' heights) are not walked for how far their content runs over or
 * how full they are: those read 0.
 */
export function measureSlides(page: Page, blocksOnly: number[] = []): Promise<SlideMeasure[]> {
  return page.evaluate((skip: number[]) => {
    const walkless = new Set(skip);
    const slides = [...document.querySelectorAll('div.marpit > svg[data-marpit-svg]')];
    const sections = slides.map((svg) => {
      const all = [...svg.querySelectorAll(':scope > foreignObject > section')] as HTMLElement[];
      // Marp's split-background layout draws the content in a section of its own.
      return all.find((s) => s.dataset.marpitAdvancedBackground === 'content') ?? (all.find((s) => !s.dataset.marpitAdvancedBackground) as HTMLElement);
    });
    return sections.map((section, i) => {
      const box = section.getBoundingClientRect();
      const scale = box.width / 1280 || 1;
      const style = getComputedStyle(section);
      const contentTop = box.top + parseFloat(style.paddingTop) * scale;
      const contentBottom = box.top + (section.offsetHeight - parseFloat(style.paddingBottom)) * scale;
      const left = box.left + parseFloat(style.paddingLeft) * scale;
      const right = box.right - parseFloat(style.paddingRight) * scale;
      let maxBottom = -Infinity;
      let minTop = Infinity;
      let overflowX = 0;
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_ELEMENT);
      const walked = !walkless.has(i + 1);
      for (let n = walked ? (walker.nextNode() as HTMLElement | null) : null; n; n = walker.nextNode() as HTMLElement | null) {
        const chrome = n.closest('header, footer');
        if (chrome && chrome.parentElement === section) continue;
        // A figure (chart, map) counts as its box: its SVG's shapes are clipped to it by design. One placed
        // beside the points (absolute, in the slide's side padding) counts only for its bottom edge.
        if (n.closest('figure.bd-fig') && n.tagName !== 'FIGURE') continue;
        const r = n.getBoundingClientRect();
        if (!r.width && !r.height) continue;
        maxBottom = Math.max(maxBottom, r.bottom);
        minTop = Math.min(minTop, r.top);
        if (n.tagName === 'FIGURE' && n.classList.contains('bd-fig') && getComputedStyle(n).position === 'absolute') continue;
        overflowX = Math.max(overflowX, r.right - right, left - r.left);
        // Text clipped inside a box that hides overflow.
        if (n.scrollHeight > n.clientHeight + 2 && getComputedStyle(n).overflowY !== 'visible' && n.clientHeight > 0) {
          maxBottom = Math.max(maxBottom, contentBottom + (n.scrollHeight - n.clientHeight) * scale);
        }
      }
      const px = (v: number) => v / scale;
      const marginBottom = (el: Element) => parseFloat(getComputedStyle(el).marginBottom || '0');
      // Blocks: the section lead, then rows of a table or the items of the slide's main list.
      const leads = section.classList.contains('section') ? ([...section.querySelectorAll(':scope > p')].filter((p) => p.querySelector(':scope > .lead')) as HTMLElement[]) : [];
      const rows = [...section.querySelectorAll(':scope > table > tbody > tr')] as HTMLElement[];
      const items = rows.length ? rows : ([...section.querySelectorAll(':scope > ul > li, :scope > ol > li, :scope > blockquote')] as HTMLElement[]);
      const list = [...leads, ...items];
      const tops = list.map((el) => el.getBoundingClientRect().top);
      const blocks = list.map((el, k) => {
        const top = tops[k] as number;
        const next = tops[k + 1];
        const r = el.getBoundingClientRect();
        const bottom = next !== undefined && next >= top ? next : r.bottom + marginBottom(el) * scale;
        const height = px(bottom - top);
        const lead = k < leads.length;
        const subs = lead ? [] : ([...el.querySelectorAll(':scope > ul > li, :scope > ol > li')] as HTMLElement[]);
        if (!subs.length) return { height, lead };
        const subTops = subs.map((s) => s.getBoundingClientRect().top);
        const subHeights = subs.map((s, j) => {
          const n2 = subTops[j + 1];
          return px(n2 !== undefined ? n2 - (subTops[j] as number) : s.getBoundingClientRect().bottom + marginBottom(s) * scale - (subTops[j] as number));
        });
        const head = px((subTops[0] as number) - top);
        const tail = Math.max(0, height - head - subHeights.reduce((a, b) => a + b, 0));
        return { height, head, subs: subHeights, tail };
      });
      // A centred slide's content sits lower by its auto margin: the room starts where it would at the top.
      const after = section.classList.contains('centred') ? section.querySelector(':scope > h2')?.nextElementSibling : null;
      const shift = after ? parseFloat(getComputedStyle(after).marginTop) * scale || 0 : 0;
      const room = list.length ? px(contentBottom - ((tops[0] ?? contentBottom) - shift)) : 0;
      if (!walked) return { number: i + 1, overflowY: 0, overflowX: 0, blocks, room, fill: 0 };
      const body = contentBottom - contentTop;
      const fill = maxBottom > minTop ? (Math.min(maxBottom, contentBottom) - Math.max(minTop, contentTop)) / body : 0;
      return { number: i + 1, overflowY: px(maxBottom - contentBottom), overflowX: px(overflowX), blocks, room, fill: Math.max(0, fill) };
    });
  }, blocksOnly);
}
