// What pptxgenjs cannot say, set in its output: fixed timestamps (ZIP entries and docProps) so the
// same input gives the same bytes, slide placeholders at their measured places, the chrome's
// footer placeholders (chrome-xml.ts), no unused layout (parts.ts), and theme fonts with a fallback
// for scripts and for suites without the named font.
import JSZip from 'jszip';
import { escapeHtml } from '../render/inline.js';
import { layoutChrome, masterChrome, slideChrome } from './chrome-xml.js';
import type { DeckIR } from './ir.js';
import { tidyParts } from './parts.js';
import { masterName, officeLang } from './write.js';

const EMU = 914400;

export async function finishPptx(bytes: Uint8Array, ir: DeckIR): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const iso = ir.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lang = officeLang(ir.lang);
  const tidy = await tidyParts(zip);
  const edits = new Map<string, (xml: string) => string>();
  edits.set('docProps/core.xml', (xml) => coreDates(xml, iso));
  edits.set('ppt/theme/theme1.xml', (xml) => themeFonts(xml, ir));
  edits.set('ppt/slideMasters/slideMaster1.xml', (xml) => onePPr(masterChrome(xml, ir, lang)));
  ir.slides.forEach((s, i) => {
    const placed = s.shapes.flatMap((sh) => (sh.kind === 'text' && sh.placeholder ? [{ type: sh.placeholder, name: sh.name, box: sh.box }] : []));
    edits.set(`ppt/slides/slide${i + 1}.xml`, (xml) => slideChrome(onePPr(placed.reduce((x, sh) => place(x, sh), xml)), ir, s, i + 1, lang));
  });
  // Each layout's chrome, the layout known by the name it carries.
  const layoutOf = (xml: string) => ir.layouts.find((l) => xml.includes(`<p:cSld name="${escapeHtml(masterName(ir, l.name))}"`))?.name;
  const layoutEdit = (xml: string) => {
    const name = layoutOf(xml);
    return onePPr(name ? layoutChrome(xml, ir, name, lang) : xml);
  };
  // pptxgenjs numbers charts by a counter shared by every deck the process writes: number them per file.
  const ids = [...new Set(Object.keys(zip.files).flatMap((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1] ?? []))].sort((a, b) => Number(a) - Number(b));
  const charts = (text: string) => (ids.length ? text.replace(CHART_PART, (_m, head: string, id: string, tail: string) => `${head}${ids.indexOf(id) + 1}${tail}`) : text);
  const renumber = (text: string) => tidy.retext(charts(text));
  const rename = (name: string) => charts(tidy.rename(name));
  return rezip(zip, ir.date, rename, async (name, entry) => {
    if (tidy.drop.has(name)) return undefined;
    const first = tidy.edits.get(name) ?? ((x: string) => x);
    const edit = edits.get(name) ?? (/^ppt\/slideLayouts\/[^/]+\.xml$/.test(name) ? layoutEdit : /^ppt\/notesSlides\/[^/]+\.xml$/.test(name) ? onePPr : undefined);
    if (edit || tidy.edits.has(name)) return renumber((edit ?? ((x: string) => x))(first(await entry.async('string'))));
    if (/\.(xml|rels)$/.test(name)) return renumber(await entry.async('string'));
    // A chart's data is a workbook inside the file, with timestamps of its own.
    if (/^ppt\/embeddings\/.*\.xlsx$/.test(name)) {
      const book = await JSZip.loadAsync(await entry.async('uint8array'));
      return rezip(book, ir.date, (n) => n, async (n, e) => (n === 'docProps/core.xml' ? coreDates(await e.async('string'), iso) : e.async('uint8array')));
    }
    return entry.async('uint8array');
  });
}

const coreDates = (xml: string, iso: string) =>
  xml.replace(/(<dcterms:created[^>]*>)[^<]*/, `$1${iso}`).replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${iso}`).replace(/<cp:lastModifiedBy>[^<]*/, '<cp:lastModifiedBy>briefdeck');

const CHART_PART = /(charts\/(?:_rels\/)?chart|Microsoft_Excel_Worksheet)(\d+)(\.xml|\.xlsx)/g;

/** The ZIP again, its entries renamed by `rename`, in a fixed order with one fixed date, each passed through `data`. */
async function rezip(zip: JSZip, date: Date, rename: (name: string) => string, data: (name: string, entry: JSZip.JSZipObject) => Promise<string | Uint8Array | undefined>): Promise<Uint8Array> {
  const out = new JSZip();
  const names = Object.keys(zip.files).map((name) => ({ name, to: rename(name) }));
  for (const { name, to } of names.sort((a, b) => order(a.to, b.to))) {
    const entry = zip.files[name];
    if (!entry || entry.dir) continue;
    const content = await data(name, entry);
    if (content !== undefined) out.file(to, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/** [Content_Types].xml first, as Office writes it; then by name. */
const order = (a: string, b: string) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b));

/**
 * Moves the slide's placeholder of `type` to `box` and names it: pptxgenjs puts placeholders where
 * their layout has them, and names them "Text n".
 */
function place(xml: string, p: { type: string; name: string; box: { x: number; y: number; w: number; h: number } }): string {
  const ph = new RegExp(`<p:ph\\b[^>]*type="${p.type}"`).exec(xml);
  if (!ph) return xml;
  const start = xml.lastIndexOf('<p:sp>', ph.index);
  const end = xml.indexOf('</p:sp>', ph.index);
  if (start < 0 || end < 0) return xml;
  const emu = (n: number) => Math.round(n * EMU);
  const moved = xml
    .slice(start, end)
    .replace(/(<p:cNvPr id="\d+" name=")[^"]*"/, `$1${p.name}"`)
    .replace(/<a:off x="-?\d+" y="-?\d+"\/><a:ext cx="\d+" cy="\d+"\/>/, `<a:off x="${emu(p.box.x)}" y="${emu(p.box.y)}"/><a:ext cx="${emu(p.box.w)}" cy="${emu(p.box.h)}"/>`);
  return xml.slice(0, start) + moved + xml.slice(end);
}

/** One paragraph-properties element per paragraph, first in it (pptxgenjs writes one before every run). */
export function onePPr(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_all, inner: string) => {
    let first = true;
    const body = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (m) => {
      if (!first) return '';
      first = false;
      return m;
    });
    return `<a:p>${body}</a:p>`;
  });
}

/** The theme's font named with its classification (a sans-serif) and a complex-script fallback every suite has. */
function themeFonts(xml: string, ir: DeckIR): string {
  const f = ir.theme;
  const c = (v: string) => `<a:srgbClr val="${v.toUpperCase()}"/>`;
  // dk1/lt1 are the scheme's dark and light text-and-background colours, whichever the theme shows on which.
  const light = (v: string) => parseInt(v.slice(0, 2), 16) * 0.3 + parseInt(v.slice(2, 4), 16) * 0.59 + parseInt(v.slice(4, 6), 16) * 0.11 > 128;
  const [dark, bright] = light(f.background) ? [f.ink, f.background] : [f.background, f.ink];
  // The theme's colours as the file's colour scheme, so that PowerPoint's pickers offer them.
  const scheme =
    `<a:clrScheme name="briefdeck ${f.name}"><a:dk1>${c(dark)}</a:dk1><a:lt1>${c(bright)}</a:lt1><a:dk2>${c(f.primary)}</a:dk2><a:lt2>${c(f.card)}</a:lt2>` +
    [f.primary, f.accent, ...f.chartColors.slice(2), f.muted, f.rule].slice(0, 6).map((v, i) => `<a:accent${i + 1}>${c(v)}</a:accent${i + 1}>`).join('') +
    `<a:hlink>${c(f.primary)}</a:hlink><a:folHlink>${c(f.muted)}</a:folHlink></a:clrScheme>`;
  return xml
    .replace(/<a:clrScheme [\s\S]*?<\/a:clrScheme>/, scheme)
    .replace(new RegExp(`<a:latin typeface="${f.font}"[^/]*/>`, 'g'), `<a:latin typeface="${f.font}" panose="020B0604020202020204" pitchFamily="34" charset="0"/>`)
    .replace(/<a:ea typeface="[^"]*"\/>/g, `<a:ea typeface=""/>`)
    .replace(/<a:cs typeface="[^"]*"\/>/g, `<a:cs typeface="${f.fallbackFont}"/>`);
}
