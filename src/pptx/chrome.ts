// The chrome of every slide as the fitted deck draws it (measured in Chromium): the marking in the
// header band and in the footer, full text (widened, wrapped, then shrunk, never cut), the footer's
// source and date, the slide number. Written as layout shapes and footer placeholders (chrome-xml.ts).
import { fitShapes } from './fit.js';
import type { Measured, SlideGeometry } from './geometry.js';
import { PT, PX, SLIDE_W, type Box, type Chrome, type TextShape, type TextStyle, type Theme } from './ir.js';
import { boxOf, para, round, styleOf, text, type Ctx } from './shapes.js';
import { box } from './theme.js';
import { plainText } from './text.js';

/** Width per character of bold capitals per point of size, in the widest font an office suite may show. */
const CAPS_EM = 0.72;


const band = (m: Measured | undefined, y: number, h: number): Box => (m ? boxOf(m) : box(0, y, 1280, h));

/** The marking as a shape: centred, capitals, its box widened up to `max` inches for the full text, then wrapped and shrunk in its band. */
function markingShape(name: string, text_: string, m: Measured, bandBox: Box, max: number, fill: string | undefined, inset: [number, number]): TextShape {
  const style: TextStyle = { fontPt: round(m.fontPx * PT), lineHeight: round(m.lineHeightPx / m.fontPx), color: m.color || 'ffffff', bold: m.weight >= 600, align: 'center', valign: 'middle', spacingPt: round(m.spacingPx * PT), caps: true };
  const em = CAPS_EM + (style.spacingPt ?? 0) / style.fontPt;
  const b = boxOf(m);
  const need = (text_.length * em * style.fontPt) / 72 / 0.9 + (2 * inset[0]) / 72;
  const w = Math.min(Math.max(b.w, need), max);
  const s = text(name, { x: round(b.x + b.w / 2 - w / 2, 4), y: b.y, w: round(w, 4), h: b.h }, [para([{ text: text_ }])], style, { fill, inset, room: bandBox.y + bandBox.h - b.y - 0.01 });
  fitShapes([s], em);
  // Centred in its band again, however tall it grew.
  s.box = { ...s.box, y: round(Math.max(bandBox.y, bandBox.y + (bandBox.h - s.box.h) / 2), 4) };
  return s;
}

/** What the chrome reads of the briefing's view. */
export interface ChromeView {
  marking?: { plain: string };
  labels: Record<string, unknown>;
  primarySource: { plainTitle: string };
  dateDisplay: unknown;
}

export function chromeOf(view: ChromeView, theme: Theme, title: SlideGeometry | undefined, g: SlideGeometry | undefined, logo: string | undefined, rtl: boolean): Chrome {
  const ctx: Ctx = { rtl, charEm: 0.58 };
  const footerBox = band(g?.footer, 676, 44);
  const headerBox = band(g?.header, 0, 40);
  // The parts a slide shows (the title slide hides its source and date).
  const shown = (m: Measured | undefined) => (m && m.w > 0 && m.h > 0 ? m : undefined);
  const parts = (geo: SlideGeometry | undefined) => ({
    headerMarking: shown(geo?.chrome.headerMarking),
    footerMarking: shown(geo?.chrome.footerMarking),
    source: shown(geo?.chrome.source),
    date: shown(geo?.chrome.date),
  });
  const c = parts(g);
  const muted: TextStyle = { fontPt: 10.5, lineHeight: 1, color: theme.muted, align: rtl ? 'right' : 'left', valign: 'middle' };
  const inBand = (m: Measured | undefined, fallback: Box): Box => (m ? { ...boxOf(m), y: footerBox.y, h: footerBox.h } : fallback);

  // The source, cut as the deck cuts it (with an ellipsis) to what its box holds in the widest fallback font.
  const sourceStyle = c.source ? { ...styleOf(c.source, ctx), valign: 'middle' as const, lineHeight: 1 } : muted;
  const sourceBox = inBand(c.source, box(rtl ? 1280 - 64 - 420 : 64, 676, 420, 44));
  const full = `${plainText(view.labels.source)}: ${view.primarySource.plainTitle}`;
  const fit = Math.floor((sourceBox.w * 72) / (0.58 * sourceStyle.fontPt));
  // A long marking leaves the source next to no room: then the footer shows none, as the deck's shows next to none.
  const source = fit >= 12 ? text('Footer source', sourceBox, [para([{ text: full.length > fit ? `${full.slice(0, fit - 1).trimEnd()}…` : full }])], sourceStyle) : undefined;

  // The date: widened towards the marking for a wider fallback font (its other end stays where the deck has it).
  const dateText = `${plainText(view.labels.asOf)} ${plainText(view.dateDisplay)}`;
  const dateStyle = c.date ? { ...styleOf(c.date, ctx), valign: 'middle' as const, lineHeight: 1, align: rtl ? ('left' as const) : ('right' as const) } : { ...muted, align: rtl ? ('left' as const) : ('right' as const) };
  const d0 = inBand(c.date, box(rtl ? 64 + 88 : 1280 - 64 - 88 - 220, 676, 220, 44));
  const dw = Math.max(d0.w, (dateText.length * 0.58 * dateStyle.fontPt) / 72 / 0.9);
  const date = text('Date Placeholder', { ...d0, x: rtl ? d0.x : d0.x + d0.w - dw, w: dw }, [para([{ text: dateText }])], dateStyle);

  // The page number stands at the end of the footer band, 64 px in, as the deck's counter does.
  const number = text('Slide Number Placeholder', { ...box(rtl ? 64 : 1280 - 64 - 80, 0, 80, 0), y: footerBox.y, h: footerBox.h }, [], { ...muted, fontPt: dateStyle.fontPt, color: dateStyle.color, align: rtl ? 'left' : 'right' });

  let marking: Chrome['marking'];
  if (view.marking) {
    const t = view.marking.plain;
    const header = (geo: SlideGeometry | undefined, name: string) => {
      const m = parts(geo).headerMarking ?? c.headerMarking;
      const hb = geo?.header ? boxOf(geo.header) : headerBox;
      if (!m) return undefined;
      // A free-text marking fills a black band; a TLP label is a black chip in the middle of the band.
      const bandFill = geo?.header?.background || g?.header?.background;
      return bandFill
        ? markingShape(name, t, { ...m, x: 0, y: hb.y / PX, w: 1280, h: hb.h / PX }, hb, SLIDE_W, bandFill, [round(64 * PT), 1])
        : markingShape(name, t, m, hb, SLIDE_W - 2 * 64 * PX, m.background || '000000', [round(10 * PT), 0]);
    };
    const footer = (geo: SlideGeometry | undefined, name: string) => {
      const { footerMarking: own, source: src, date: dt } = parts(geo);
      const m = own ?? c.footerMarking;
      if (!m) return undefined;
      // Between the source and the date where the slide shows them (20 px gaps), else the band less its margins.
      const start = src && dt ? (rtl ? dt.x + dt.w : src.x + src.w) + 20 : 64;
      const end = src && dt ? (rtl ? src.x : dt.x) - 20 : 1280 - 64;
      return markingShape(name, t, m, footerBox, Math.max(m.w, end - start) * PX, m.background || '000000', [round(10 * PT), 0]);
    };
    const h = header(g, 'Marking');
    const f = footer(g, 'Footer Placeholder');
    if (h && f) marking = { text: t, header: h, titleHeader: header(title, 'Marking') ?? h, footer: f, titleFooter: footer(title, 'Footer Placeholder') ?? f };
  }
  // The date gives way to the marking where both would take the same room.
  const mk = marking?.footer.box;
  const gap = 4 * PX;
  if (mk && !rtl && date.box.x < mk.x + mk.w + gap) date.box = { ...date.box, x: round(mk.x + mk.w + gap, 4), w: round(date.box.x + date.box.w - (mk.x + mk.w + gap), 4) };
  if (mk && rtl && date.box.x + date.box.w > mk.x - gap) date.box = { ...date.box, w: round(mk.x - gap - date.box.x, 4) };
  return {
    marking,
    source,
    date,
    number,
    logo: logo && /^data:image\/(png|svg\+xml);base64,/.test(logo) ? { data: logo, box: box(1280 - 64 - 180, 64, 180, 72) } : undefined,
    footerBox,
    rule: theme.rule,
  };
}
