// Small builders of IR shapes from measured boxes: text boxes, placeholders, badges and lines.
import type { Measured } from './geometry.js';
import { PT, PX, type Box, type Paragraph, type Run, type TextShape, type TextStyle } from './ir.js';
import { box } from './theme.js';

/** The bottom of the slide's content area, slide pixels (above the footer band). */
export const CONTENT_BOTTOM = 720 - 72;

export interface Ctx {
  rtl: boolean;
  /** Width of a character per point of size (em), as measured for this slide. */
  charEm: number;
  sourcesSlide?: number;
  /** Citation numbers' colour. */
  citeColor?: string;
}

export const boxOf = (m: Pick<Measured, 'x' | 'y' | 'w' | 'h'>): Box => box(m.x, m.y, m.w, m.h);

export function styleOf(m: Measured, ctx: Ctx, extra: Partial<TextStyle> = {}): TextStyle {
  return {
    fontPt: round(m.fontPx * PT),
    lineHeight: round(m.lineHeightPx / m.fontPx),
    color: m.color || '000000',
    bold: m.weight >= 600,
    align: ctx.rtl ? 'right' : 'left',
    valign: 'top',
    ...extra,
  };
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

export const para = (runs: Run[], extra: Partial<Paragraph> = {}): Paragraph => ({ runs, level: 0, bullet: 'none', ...extra });

/** Space before each item, from the gaps Chromium left between them. */
export function gapsPt(items: Pick<Measured, 'y' | 'h'>[]): number[] {
  return items.map((it, i) => {
    const prev = items[i - 1];
    return prev ? round(Math.max(0, it.y - (prev.y + prev.h)) * PT) : 0;
  });
}

export function text(
  name: string,
  at: Box,
  paragraphs: Paragraph[],
  style: TextStyle,
  extra: Partial<Pick<TextShape, 'placeholder' | 'fill' | 'line' | 'geometry' | 'inset'>> & { room?: number } = {},
): TextShape & { room?: number } {
  return { kind: 'text', name, box: at, paragraphs, style, inset: [0, 0], ...extra };
}

/** A badge (likelihood, confidence) as a rounded shape holding its word. */
export function badge(name: string, m: Measured, ctx: Ctx): TextShape {
  const fontPt = round(m.fontPx * PT);
  // Wide enough for the word in the widest font an office suite may use.
  const need = (m.text.trim().length * ctx.charEm * fontPt * (m.weight >= 600 ? 1.1 : 1)) / 72 + 0.2;
  const b = boxOf(m);
  const w = Math.max(b.w, need);
  return text(name, { ...b, x: ctx.rtl ? b.x : b.x + b.w - w, w }, [para([{ text: m.text.trim() }])], { ...styleOf(m, ctx), lineHeight: 1, align: 'center', valign: 'middle' }, {
    fill: m.background || undefined,
    line: m.background ? undefined : m.color,
    geometry: 'roundRect',
    inset: [4, 0],
  });
}

/** Slide pixels to inches, for lengths. */
export const inch = (px: number): number => px * PX;
