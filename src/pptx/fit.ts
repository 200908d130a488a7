// No text box's text overflows: each box's text height is estimated from measured line metrics, and a
// box that would run over grows into the room it may take, then its text steps down in size.
import type { Shape, TextShape } from './ir.js';
import { round } from './shapes.js';
import { CHAR_EM_FLOOR, textHeightPt } from './text.js';

/** Inner width and height of a text box, points. */
export function innerPt(s: TextShape): { w: number; h: number } {
  return { w: s.box.w * 72 - 2 * s.inset[0], h: s.box.h * 72 - 2 * s.inset[1] };
}

export function estimatePt(s: TextShape, charEm: number): number {
  return textHeightPt({ paragraphs: s.paragraphs, fontPt: s.style.fontPt, lineHeight: s.style.lineHeight, widthPt: innerPt(s).w, charEm: Math.max(charEm, CHAR_EM_FLOOR), bold: s.style.bold });
}

/** Whether the text fits its box (a point of slack for rounding). */
export const fits = (s: TextShape, charEm: number): boolean => estimatePt(s, charEm) <= innerPt(s).h + 1;

const SMALLEST_PT = 8;

/** Makes every text shape fit; returns how many had to shrink. */
export function fitShapes(shapes: (Shape & { room?: number })[], charEm: number): number {
  let shrunk = 0;
  for (const s of shapes) {
    if (s.kind !== 'text') continue;
    const room = (s as { room?: number }).room;
    delete (s as { room?: number }).room;
    if (fits(s, charEm)) continue;
    if (room && room > s.box.h) {
      const need = (estimatePt(s, charEm) + 2 * s.inset[1] + 2) / 72;
      s.box = { ...s.box, h: round(Math.min(room, need), 4) };
      if (fits(s, charEm)) continue;
    }
    shrunk++;
    while (!fits(s, charEm) && s.style.fontPt > SMALLEST_PT) {
      s.style = { ...s.style, fontPt: round(s.style.fontPt * 0.95) };
      s.paragraphs = s.paragraphs.map((p) => ({ ...p, fontPt: p.fontPt && round(p.fontPt * 0.95), spaceBefore: p.spaceBefore && round(p.spaceBefore * 0.9) }));
    }
  }
  return shrunk;
}
