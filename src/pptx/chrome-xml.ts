// The chrome as slide XML, which pptxgenjs cannot write: the footer, date and slide-number
// placeholders (type ftr, dt, sldNum, with Office's indices) on the master, on every layout and on
// every slide, so that Insert › Header & Footer finds them; and the header's marking and the
// footer's source as shapes of the layouts. Pure string building: the same IR gives the same bytes.
import { escapeHtml } from '../render/inline.js';
import type { DeckIR, Layout, SlideIR, TextShape } from './ir.js';
import { spacingOf } from './text.js';

const EMU = 914400;
const emu = (n: number) => Math.round(n * EMU);
const PH = { dt: 10, ftr: 11, sldNum: 12 } as const;
type PhType = keyof typeof PH;

// XML text and attribute values take the same four escapes as HTML's.
const esc = escapeHtml;
const fill = (c: string | undefined) => (c ? `<a:solidFill><a:srgbClr val="${c.toUpperCase()}"/></a:solidFill>` : '<a:noFill/>');
const ALIGN = { left: 'l', right: 'r', center: 'ctr' } as const;
const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;

interface SpOptions {
  ph?: PhType;
  lang: string;
  rtl: boolean;
  /** The shape's text (layouts' placeholders hold none); a slide number is a field. */
  withText: boolean;
  /** The slide's number, shown in its number field until an office suite updates it. */
  number?: number;
}

/** One shape (a placeholder when `ph` is given) from an IR text shape. */
export function spXml(s: TextShape, id: number, o: SpOptions): string {
  const st = s.style;
  const pt = (n: number) => Math.round(n * 100);
  const rpr = (tag: 'a:rPr' | 'a:defRPr' | 'a:endParaRPr') =>
    `<${tag} lang="${o.lang}" sz="${pt(st.fontPt)}" b="${st.bold ? 1 : 0}"${st.caps ? ' cap="all"' : ''}${st.spacingPt ? ` spc="${pt(st.spacingPt)}"` : ''} dirty="0">${fill(st.color)}</${tag}>`;
  const ppr = `algn="${ALIGN[st.align ?? 'left']}" rtl="${o.rtl && !st.caps ? 1 : 0}" marL="0" indent="0"`;
  const spacing = `<a:lnSpc><a:spcPct val="${Math.round(spacingOf(st.lineHeight) * 100000)}"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef><a:buNone/>`;
  let body = '';
  if (o.ph === 'sldNum') {
    body = `<a:p><a:pPr ${ppr}>${spacing}</a:pPr><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">${rpr('a:rPr')}<a:t>${o.number ?? '‹#›'}</a:t></a:fld>${rpr('a:endParaRPr')}</a:p>`;
  } else {
    const text = o.withText ? s.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n') : '';
    body = `<a:p><a:pPr ${ppr}>${spacing}</a:pPr>${text ? `<a:r>${rpr('a:rPr')}<a:t>${esc(text)}</a:t></a:r>` : ''}${rpr('a:endParaRPr')}</a:p>`;
  }
  const [lr, tb] = s.inset.map((v) => Math.round(v * 12700));
  const nv = o.ph ? `<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="${o.ph}" sz="quarter" idx="${PH[o.ph]}"/></p:nvPr>` : '<p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/>';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${esc(s.name)}"/>${nv}</p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${emu(s.box.x)}" y="${emu(s.box.y)}"/><a:ext cx="${emu(s.box.w)}" cy="${emu(s.box.h)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${fill(s.fill)}</p:spPr>` +
    `<p:txBody><a:bodyPr wrap="square" lIns="${lr}" tIns="${tb}" rIns="${lr}" bIns="${tb}" anchor="${ANCHOR[st.valign ?? 'top']}" rtlCol="0"><a:noAutofit/></a:bodyPr>` +
    `<a:lstStyle><a:lvl1pPr ${ppr}>${spacing}${rpr('a:defRPr')}</a:lvl1pPr></a:lstStyle>${body}</p:txBody></p:sp>`
  );
}

/** The shapes after the last one of `xml`'s shape tree, numbered on from its highest shape id. */
export function appendShapes(xml: string, shapes: ((id: number) => string)[]): string {
  if (!shapes.length) return xml;
  let id = Math.max(1, ...[...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1])));
  const added = shapes.map((make) => make(++id)).join('');
  const at = xml.lastIndexOf('</p:spTree>');
  return at < 0 ? xml : xml.slice(0, at) + added + xml.slice(at);
}

type Maker = (id: number) => string;

/** The master: the footer, date and number placeholders where the content layouts have them, all shown. */
export function masterChrome(xml: string, ir: DeckIR, lang: string): string {
  const c = ir.chrome;
  const o = { lang, rtl: ir.rtl, withText: false };
  const m = c.marking;
  const makers: Maker[] = [(id) => spXml(c.date, id, { ...o, ph: 'dt' }), (id) => spXml(c.number, id, { ...o, ph: 'sldNum' })];
  if (m) makers.unshift((id) => spXml(m.footer, id, { ...o, ph: 'ftr' }));
  return appendShapes(xml.replace(/<p:hf\b[^>]*\/>/, '<p:hf hdr="0"/>'), makers);
}

/** A layout: the marking in the header band and the source as its own shapes, then the placeholders. */
export function layoutChrome(xml: string, ir: DeckIR, layout: Layout['name'], lang: string): string {
  const c = ir.chrome;
  const title = layout === 'title';
  const o = { lang, rtl: ir.rtl, withText: true };
  const m = c.marking;
  const makers: Maker[] = [];
  if (m) makers.push((id) => spXml(title ? m.titleHeader : m.header, id, o));
  const source = c.source;
  if (!title && source) makers.push((id) => spXml(source, id, o));
  if (m) makers.push((id) => spXml(title ? m.titleFooter : m.footer, id, { ...o, ph: 'ftr', withText: false }));
  if (!title) makers.push((id) => spXml(c.date, id, { ...o, ph: 'dt', withText: false }), (id) => spXml(c.number, id, { ...o, ph: 'sldNum' }));
  return appendShapes(xml, makers);
}

/** A slide: its own footer (the full marking), date and number placeholders, as its layout places them. */
export function slideChrome(xml: string, ir: DeckIR, slide: SlideIR, number: number, lang: string): string {
  const c = ir.chrome;
  const title = slide.layout === 'title';
  const o = { lang, rtl: ir.rtl, withText: true };
  const m = c.marking;
  const makers: Maker[] = [];
  if (m) makers.push((id) => spXml(title ? m.titleFooter : m.footer, id, { ...o, ph: 'ftr' }));
  if (!title) makers.push((id) => spXml(c.date, id, { ...o, ph: 'dt' }));
  if (slide.numbered) makers.push((id) => spXml(c.number, id, { ...o, ph: 'sldNum', number }));
  return appendShapes(xml, makers);
}
