// The little SVG vocabulary the figures share: escaping, themed paint, text anchored for either direction.

export interface FigureTheme {
  width: number;
  height: number;
  /** Body text size in the SVG's own units (px on a 1280x720 slide). */
  font: number;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Localised words the figure itself writes, e.g. `{ source: 'Source' }`. */
  labels: { source: string };
}

export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Colours as the deck's and print's CSS custom properties, with the light theme's values as fallback:
 * the figure follows the theme it is drawn into (dark too) and still reads when opened alone.
 */
export const PAINT = {
  ink: 'var(--ink,#1b1f24)',
  muted: 'var(--muted,#5f6873)',
  rule: 'var(--rule,#d9dcd6)',
  ruleStrong: 'var(--rule-strong,#b9bdb5)',
  paper: 'var(--paper,#fafaf7)',
  card: 'var(--card,#ffffff)',
  primary: 'var(--primary,#14213d)',
  /** Text on the primary colour: the ground's colour, which contrasts with it in light and dark themes. */
  onPrimary: 'var(--fig-on-primary,var(--paper,#fafaf7))',
  series: ['var(--primary,#14213d)', 'var(--accent,#e0a100)', 'var(--lk-4,#8eabd6)', 'var(--muted,#5f6873)'],
};

export const FONT = "var(--sans,'Inter',sans-serif)";

/** A physical side of the figure as an SVG text-anchor, given the text direction set on the root. */
export function anchor(side: 'left' | 'right' | 'middle', dir: 'ltr' | 'rtl'): string {
  if (side === 'middle') return 'middle';
  return (side === 'left') === (dir === 'ltr') ? 'start' : 'end';
}

/**
 * A line of text, filled and never stroked: Chromium prints stroked text as a Type 3 font (a bitmap-like
 * outline with no text to extract), so contrast comes from the fill chosen for the ground it sits on.
 */
export function text(x: number, y: number, content: string, o: { size: number; side: 'left' | 'right' | 'middle'; dir: 'ltr' | 'rtl'; fill?: string; weight?: number; cls?: string }): string {
  return `<text x="${r(x)}" y="${r(y)}" font-size="${r(o.size)}"${o.weight ? ` font-weight="${o.weight}"` : ''} text-anchor="${anchor(o.side, o.dir)}"${o.cls ? ` class="${o.cls}"` : ''} style="fill:${o.fill ?? PAINT.ink}">${esc(content)}</text>`;
}

/** Coordinates to one decimal: exact enough, and a tenth of the bytes of d3's full precision. */
export const r = (n: number): string => String(Math.round(n * 10) / 10);

/** The root element: sized by viewBox, labelled for screen readers by its <title> and <desc>. */
export function svgRoot(kind: string, t: FigureTheme, title: string, desc: string, body: string): string {
  const id = `bd-${kind}-${hash(title + desc)}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="bd-figure bd-${kind}" viewBox="0 0 ${t.width} ${t.height}" width="${t.width}" height="${t.height}" ` +
    `role="img" aria-labelledby="${id}-t ${id}-d" lang="${esc(t.lang)}" direction="${t.dir}" font-family="${esc(FONT)}" style="font-family:${FONT}">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`
  );
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
