// The timeline as shapes and connectors: a rule through dots, each event's date and text in its own box.
import type { Slide } from '../render/slides.js';
import type { EventView } from '../render/view.js';
import type { SlideGeometry } from './geometry.js';
import type { Shape, Theme } from './ir.js';
import { boxOf, para, styleOf, text, type Ctx } from './shapes.js';
import { citeRuns, runsOf } from './text.js';
import { box } from './theme.js';

const DOT = 12;

export function timelineShapes(slide: Slide, g: SlideGeometry, theme: Theme, ctx: Ctx): Shape[] {
  const events = slide.items as EventView[];
  const horizontal = slide.classes.includes('horizontal');
  const shapes: Shape[] = [];
  const first = g.items[0];
  const last = g.items.at(-1);
  if (!first || !last) return shapes;
  const part = (i: number, cls: string) => g.items[i]?.parts.find((p) => p.cls.split(' ').includes(cls));
  if (horizontal) {
    const y = first.y - 14;
    shapes.push({ kind: 'line', name: 'Timeline rule', box: box(Math.min(first.x, last.x), y, Math.abs(last.x + last.w - first.x), 0), color: theme.rule, widthPt: 2 });
  } else {
    const when = part(0, 'when');
    const x = when ? (ctx.rtl ? when.x - 14 : when.x + when.w + 14) : first.x;
    shapes.push({ kind: 'line', name: 'Timeline rule', box: box(x, first.y, 0, last.y + last.h - first.y), color: theme.rule, widthPt: 2 });
  }
  events.forEach((e, i) => {
    const item = g.items[i];
    const when = part(i, 'when');
    const what = part(i, 'what');
    if (!item || !when || !what) return;
    const dot = horizontal
      ? box(ctx.rtl ? item.x + item.w - DOT : item.x, item.y - 14 - DOT / 2, DOT, DOT)
      : box(ctx.rtl ? when.x - 14 - DOT / 2 : when.x + when.w + 14 - DOT / 2, when.y + when.lineHeightPx / 2 - DOT / 2, DOT, DOT);
    shapes.push(text(`Dot ${i + 1}`, dot, [para([])], { ...styleOf(when, ctx), fontPt: 6 }, { geometry: 'ellipse', fill: theme.accent }));
    const year = part(i, 'year');
    const day = part(i, 'day');
    const dateParas = [para([{ text: e.year }], year ? { fontPt: Math.round(year.fontPx * 0.75 * 100) / 100, bold: true, color: year.color } : {})];
    if (e.rest) dateParas.push(para([{ text: e.rest }], day ? { fontPt: Math.round(day.fontPx * 0.75 * 100) / 100, color: day.color } : {}));
    shapes.push(text(`Date ${i + 1}`, boxOf(when), dateParas, styleOf(year ?? when, ctx), { room: 1.2 }));
    shapes.push(text(`Event ${i + 1}`, boxOf(what), [para([...runsOf(e.event), ...citeRuns(e.cites, ctx.sourcesSlide, ctx.citeColor)])], styleOf(what, ctx, { bold: false }), { room: horizontal ? 3.2 : 1.4 }));
  });
  return shapes;
}
