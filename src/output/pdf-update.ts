// Edits a PDF that Chromium printed by appending an incremental update (PDF 32000-1, 7.5.6): the new
// and replaced objects, a cross-reference section for them and a trailer that points back at the
// original one. pdf-lib parses only what the edit needs (the trailer, the catalog, the page tree)
// and writes the new objects; a full load and save of a tagged deck (~1000 objects, most of them
// structure elements) cost ~45 ms of this process's time a PDF, and most of a cold start's tail.
//
// The original bytes stay as they are but for the dates of Chromium's document information, which
// are rewritten in place (same length) so that the same inputs still give the same bytes. Anything
// this does not expect (a cross-reference stream, an earlier update, encryption, odd dates) returns
// undefined, and the caller edits the file with a full load instead.
import type { PDFContext, PDFDict, PDFObject, PDFRef } from 'pdf-lib';
import { pdfLib, type PdfLib } from './pdf-lib.js';


export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What an edit sees and changes: a context for new objects, the catalog to change, the pages in order. */
export interface PdfEditTarget {
  context: PDFContext;
  catalog: PDFDict;
  pages: { ref: PDFRef; box: PageBox }[];
  /** An object of the file, to read (and, changed, `context.assign` back under its ref). */
  lookup: (ref: PDFObject | undefined) => PDFObject | undefined;
}

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/** PDF date as Chromium writes it: D:YYYYMMDDHHmmSS+00'00' (UTC). */
export function pdfDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00'`;
}

/**
 * Appends `edit`'s changes, with `info` as the new document information, to `pdf`. Returns undefined
 * (and changes nothing) when the file is not the single-revision, table-indexed PDF Chromium writes.
 */
export async function appendUpdate(pdf: Uint8Array, info: (context: PDFContext) => PDFDict, date: Date, edit?: (target: PdfEditTarget) => void): Promise<Uint8Array | undefined> {
  const lib = pdfLib();
  try {
    return update(lib, pdf, info, date, edit);
  } catch {
    return undefined;
  }
}


function update(lib: PdfLib, pdf: Uint8Array, info: (context: PDFContext) => PDFDict, date: Date, edit?: (target: PdfEditTarget) => void): Uint8Array | undefined {
  const { PDFContext, PDFObjectParser, PDFDict, PDFName, PDFRef, PDFNumber, PDFBool } = lib;
  const xref = readXref(pdf);
  if (!xref) return undefined;
  const context = PDFContext.create();
  const parse = (at: number): PDFObject => PDFObjectParser.forBytes(pdf.subarray(at), context).parseObject();
  const trailer = parse(xref.trailerAt);
  if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Encrypt')) || trailer.has(PDFName.of('Prev'))) return undefined;
  const rootRef = trailer.get(PDFName.of('Root'));
  const infoRef = trailer.get(PDFName.of('Info'));
  const size = trailer.get(PDFName.of('Size'));
  if (!(rootRef instanceof PDFRef) || !(size instanceof PDFNumber)) return undefined;

  /** The object `ref` names, read from its place in the file. */
  const read = (ref: PDFRef): PDFObject | undefined => {
    const at = xref.offsets.get(ref.objectNumber);
    if (at === undefined) return undefined;
    const header = /^\s*(\d+)\s+(\d+)\s+obj\s*/.exec(latin1(pdf, at, Math.min(pdf.length, at + 40)));
    if (!header || Number(header[1]) !== ref.objectNumber) return undefined;
    return parse(at + header[0].length);
  };
  const catalog = read(rootRef);
  if (!(catalog instanceof PDFDict)) return undefined;
  const pages = readPages(lib, read, catalog.get(PDFName.of('Pages')));
  const patched = pages && withDates(pdf, infoRef instanceof PDFRef ? xref.offsets.get(infoRef.objectNumber) ?? -1 : undefined, date);
  if (!pages || !patched) return undefined;

  context.largestObjectNumber = size.asNumber() - 1;
  if (!catalog.has(PDFName.of('ViewerPreferences'))) catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: PDFBool.True }));
  edit?.({ context, catalog, pages, lookup: (ref) => (ref instanceof PDFRef ? read(ref) : ref) });
  // The new information replaces the old under its number (or gets one, if there was none).
  const newInfo = infoRef instanceof PDFRef ? infoRef : context.nextRef();
  context.assign(newInfo, info(context));
  context.assign(rootRef, catalog);
  const trailerEntries = `/Size ${Math.max(size.asNumber() - 1, context.largestObjectNumber) + 1}\n/Root ${rootRef.toString()}\n/Info ${newInfo.toString()}\n/Prev ${xref.at}`;
  return appendObjects(patched, context.enumerateIndirectObjects(), trailerEntries);
}

/** The file's one cross-reference table: where it is, where each object starts, where the trailer's dictionary is. */
function readXref(pdf: Uint8Array): { at: number; offsets: Map<number, number>; trailerAt: number } | undefined {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(pdf, Math.max(0, pdf.length - 1024)));
  if (!start) return undefined;
  const at = Number(start[1]);
  const text = latin1(pdf, at, pdf.length);
  const table = /^xref\s+/y;
  if (!table.test(text)) return undefined;
  const offsets = new Map<number, number>();
  const section = /(\d+) (\d+)\s+/y;
  const entry = /(\d{10}) (\d{5}) ([nf])[ \r\n]{2}/y;
  let pos = table.lastIndex;
  for (;;) {
    section.lastIndex = pos;
    const s = section.exec(text);
    if (!s) break;
    entry.lastIndex = section.lastIndex;
    for (let i = 0, n = Number(s[1]); i < Number(s[2]); i++, n++) {
      const e = entry.exec(text);
      if (!e) return undefined;
      if (e[3] === 'n') offsets.set(n, Number(e[1]));
    }
    pos = entry.lastIndex;
  }
  const trailer = /^\s*trailer\s*/.exec(text.slice(pos));
  return trailer ? { at, offsets, trailerAt: at + pos + trailer[0].length } : undefined;
}

/** The pages in order, each with its media box (inherited through the page tree if need be). */
function readPages(lib: PdfLib, read: (ref: PDFRef) => PDFObject | undefined, root: PDFObject | undefined): PdfEditTarget['pages'] | undefined {
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } = lib;
  const pages: PdfEditTarget['pages'] = [];
  const walk = (ref: PDFObject | undefined, inherited: PDFObject | undefined, depth: number): boolean => {
    if (!(ref instanceof PDFRef) || depth > 32) return false;
    const node = read(ref);
    if (!(node instanceof PDFDict)) return false;
    const box = node.get(PDFName.of('MediaBox')) ?? inherited;
    const kids = node.get(PDFName.of('Kids'));
    if (kids instanceof PDFArray) return kids.asArray().every((kid) => walk(kid, box, depth + 1));
    const numbers = box instanceof PDFArray ? box.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : [];
    if (numbers.length !== 4 || numbers.some(Number.isNaN)) return false;
    const [x1, y1, x2, y2] = numbers as [number, number, number, number];
    pages.push({ ref, box: { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) } });
    return true;
  };
  return walk(root, undefined, 0) ? pages : undefined;
}

/**
 * A copy of the file with the dates of the information dictionary at `infoAt` set to `date`, in place:
 * same length, so nothing moves. Undefined if they are not where and as Chromium writes them.
 */
function withDates(pdf: Uint8Array, infoAt: number | undefined, date: Date): Uint8Array | undefined {
  const patched = new Uint8Array(pdf);
  if (infoAt === undefined) return patched;
  const end = infoAt < 0 ? -1 : latin1(pdf, infoAt, Math.min(pdf.length, infoAt + 4096)).indexOf('endobj');
  if (end < 0) return undefined;
  const ours = pdfDate(date);
  for (const m of latin1(pdf, infoAt, infoAt + end).matchAll(/\/(?:CreationDate|ModDate)\s*\((D:[^)]*)\)/g)) {
    if (m[1]?.length !== ours.length || m.index === undefined) return undefined;
    patched.set(Buffer.from(ours, 'latin1'), infoAt + m.index + m[0].length - 1 - ours.length);
  }
  return patched;
}

/** `pdf` followed by the update: the objects, their cross-reference section, a trailer with `trailerEntries`. */
function appendObjects(pdf: Uint8Array, objects: [PDFRef, PDFObject][], trailerEntries: string): Uint8Array {
  const chunks: Uint8Array[] = [pdf, Buffer.from('\n', 'latin1')];
  let length = pdf.length + 1;
  const entries: { n: number; at: number }[] = [];
  for (const [ref, object] of [...objects].sort(([a], [b]) => a.objectNumber - b.objectNumber)) {
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    const open = Buffer.from(`${ref.objectNumber} 0 obj\n`, 'latin1');
    const close = Buffer.from('\nendobj\n', 'latin1');
    entries.push({ n: ref.objectNumber, at: length });
    chunks.push(open, body, close);
    length += open.length + body.length + close.length;
  }
  // One subsection a run of consecutive object numbers.
  let xref = 'xref\n';
  for (let i = 0; i < entries.length; ) {
    let j = i;
    while (entries[j + 1] && (entries[j + 1] as { n: number }).n === (entries[j] as { n: number }).n + 1) j++;
    xref += `${(entries[i] as { n: number }).n} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String((entries[k] as { at: number }).at).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  xref += `trailer\n<<${trailerEntries}>>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
