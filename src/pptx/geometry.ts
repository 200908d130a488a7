// Measures the fitted deck in Chromium: each slide's blocks (heading, lists, items, tables, badges,
// images, header and footer) as boxes in slide pixels, with their computed text styles.
import type { Page } from 'puppeteer-core';

export interface Measured {
  x: number;
  y: number;
  w: number;
  h: number;
  fontPx: number;
  lineHeightPx: number;
  /** Computed colours as #rrggbb ('' when transparent). */
  color: string;
  background: string;
  weight: number;
  text: string;
  cls: string;
  tag: string;
  /** Letter spacing, pixels (0 when normal). */
  spacingPx: number;
  /** The top border, where the element has one (key figures' rule). */
  borderTop?: { color: string; widthPx: number };
}

export interface ItemGeometry extends Measured {
  /** Named parts of the item (spans by their first class: `when`, `what`, `badge`, `kp-n`…). */
  parts: Measured[];
  /** Text size of the item's sub-points, if it has any. */
  subFontPx?: number;
}

export interface SlideGeometry {
  box: Measured;
  heading?: Measured;
  /** The section's own blocks (lead, statement, lists, tables), in order. */
  blocks: Measured[];
  /** A chart or map drawn as SVG (figure.bd-fig), where the slide has one. */
  figure?: Measured;
  /** The main list's items or the table's body rows. */
  items: ItemGeometry[];
  /** Table column widths, slide pixels. */
  columns: number[];
  image?: Measured;
  header?: Measured;
  footer?: Measured;
  /** The chrome's parts: the marking in the header and in the footer, the footer's source and date. */
  chrome: { headerMarking?: Measured; footerMarking?: Measured; source?: Measured; date?: Measured };
  /** The locator map (an SVG figure), with its title and description as alt text. */
  map?: Measured & { alt: string };
  /** The theme's custom properties (colours) as the slide computes them. */
  vars: Record<string, string>;
  /**
   * Width of the slide's text per character per pixel of font size, in the widest of the fonts an
   * office suite may show it in (Inter as named, DejaVu Sans or Liberation Sans when Inter is missing).
   */
  charEm: number;
}

/** Every slide's geometry, in slide pixels (1280 x 720) whatever the page's zoom. */
export function measureGeometry(page: Page): Promise<SlideGeometry[]> {
  return page.evaluate(() => {
    const hex = (c: string): string => {
      const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(c);
      if (!m || m[4] === '0') return '';
      return [m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('');
    };
    const canvas = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const widthEm = (text: string, family: string) => {
      canvas.font = `100px ${family}`;
      return canvas.measureText(text).width / 100 / Math.max(1, text.length);
    };
    const VARS = ['paper', 'ink', 'ink-2', 'muted', 'rule', 'card', 'primary', 'on-primary', 'accent', 'accent-ink', ...[1, 2, 3, 4, 5, 6, 7].flatMap((n) => [`lk-${n}`, `lk-${n}-ink`])];
    const svgs = [...document.querySelectorAll('div.marpit > svg[data-marpit-svg]')];
    return svgs.map((svg) => {
      const section = svg.querySelector(
        ':scope > foreignObject > section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])',
      ) as HTMLElement;
      const origin = section.getBoundingClientRect();
      const scale = origin.width / 1280 || 1;
      const measure = (el: Element): Measured => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        const fontPx = parseFloat(s.fontSize);
        const lh = parseFloat(s.lineHeight);
        return {
          x: (r.left - origin.left) / scale,
          y: (r.top - origin.top) / scale,
          w: r.width / scale,
          h: r.height / scale,
          fontPx,
          lineHeightPx: Number.isFinite(lh) ? lh : fontPx * 1.2,
          color: hex(s.color),
          background: hex(s.backgroundColor),
          weight: Number(s.fontWeight) || 400,
          text: (el as HTMLElement).innerText ?? el.textContent ?? '',
          cls: typeof el.className === 'string' ? el.className : '',
          tag: el.tagName.toLowerCase(),
          spacingPx: parseFloat(s.letterSpacing) || 0,
          ...(parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none' && hex(s.borderTopColor) ? { borderTop: { color: hex(s.borderTopColor), widthPx: parseFloat(s.borderTopWidth) } } : {}),
        };
      };
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: (r.left - origin.left) / scale, y: (r.top - origin.top) / scale, w: r.width / scale, h: r.height / scale };
      };
      const own = (el: Element) => !['HEADER', 'FOOTER', 'H1', 'H2'].includes(el.tagName);
      const heading = section.querySelector(':scope > h1, :scope > h2');
      const rows = [...section.querySelectorAll(':scope > table > tbody > tr')];
      const list = rows.length ? rows : [...section.querySelectorAll(':scope > ul > li, :scope > ol > li, :scope > blockquote')];
      const items = list.map((li) => ({
        ...measure(li),
        parts: [...li.querySelectorAll('span[class], td')].map(measure),
        subFontPx: ((sub) => (sub ? parseFloat(getComputedStyle(sub).fontSize) : undefined))(li.querySelector('li')),
      }));
      const columns = [...section.querySelectorAll(':scope > table > thead > tr > th')].map((th) => th.getBoundingClientRect().width / scale);
      // The section's picture: inline beside the points or on a figure slide (older decks: Marp's split background).
      const bg = section.querySelector('img') ?? svg.querySelector('section[data-marpit-advanced-background="background"] figure');
      const text = section.innerText.replace(/\s+/g, ' ').slice(0, 4000);
      const charEm = Math.max(widthEm(text, 'Inter'), widthEm(text, '"DejaVu Sans"'), widthEm(text, '"Liberation Sans"'));
      const pick = (sel: string) => {
        const el = section.querySelector(sel);
        return el ? measure(el) : undefined;
      };
      return {
        box: measure(section),
        heading: heading ? measure(heading) : undefined,
        // A paragraph holding one styled span (lead, statement, kicker) takes the span's style.
        blocks: [...section.children].filter(own).map((el) => {
          const only = el.tagName === 'P' && el.children.length === 1 && el.textContent === el.children[0]?.textContent ? el.children[0] : undefined;
          return only ? { ...measure(only), ...box(el) } : measure(el);
        }),
        items,
        columns,
        image: bg ? measure(bg) : undefined,
        figure: pick('figure.bd-fig'),
        header: pick(':scope > header'),
        footer: pick(':scope > footer'),
        chrome: {
          headerMarking: pick(':scope > header .marking'),
          footerMarking: pick(':scope > footer .marking'),
          source: pick(':scope > footer .foot-source'),
          // The date's text, without the room its padding keeps for the page number.
          date: ((el) => {
            if (!el) return undefined;
            const range = document.createRange();
            range.selectNodeContents(el);
            const r = range.getBoundingClientRect();
            return { ...measure(el), x: (r.left - origin.left) / scale, w: r.width / scale };
          })(section.querySelector(':scope > footer .foot-date')),
        },
        map: ((fig) => {
          const svgEl = fig?.querySelector('svg.bd-map');
          if (!fig || !svgEl) return undefined;
          const said = ['title', 'desc'].map((t) => svgEl.querySelector(`:scope > ${t}`)?.textContent?.trim() ?? '').filter(Boolean);
          return { ...measure(svgEl), alt: said.join('. ') };
        })(section.querySelector('figure.bd-fig')),
        vars: Object.fromEntries(VARS.map((v) => [v, getComputedStyle(section).getPropertyValue(`--${v}`).trim()])),
        charEm,
      };
    });
  });
}
