// PDF bookmarks (the document outline) written with pdf-lib's low-level objects, so that Chromium's
// structure tags, link annotations and everything else in the file stay exactly as printed.
import type { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFPage, PDFRef } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';
import { loadPdf, savePdf } from './pdf-doc.js';
import type { PdfEditTarget } from './pdf-update.js';
import type { Slide } from '../render/slides.js';

export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
  children?: OutlineEntry[];
}

export interface OutlineOptions {
  /** `fit`: the whole page in the window (slides); `top`: the top of the page at the current zoom (print). Default `fit`. */
  destination?: 'fit' | 'top';
  /** Whether entries with children start expanded. Default true. */
  open?: boolean;
}

/** Titles in a viewer's sidebar: one line, no control characters, not absurdly long. */
function cleanTitle(s: string): string {
  const one = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return [...one].length > 200 ? `${[...one].slice(0, 199).join('')}…` : one;
}

/**
 * Writes `entries` as the PDF's outline (replacing any outline already there) and asks viewers to
 * open with the bookmarks panel (/PageMode /UseOutlines). Entries pointing past the last page are clamped.
 */
export async function addOutline(pdf: Uint8Array, entries: OutlineEntry[], options: OutlineOptions = {}): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  if (!writeOutline(doc, entries, options)) return pdf;
  return savePdf(doc);
}

/**
 * The same, on a loaded document or an update to one (so several edits share one load and save);
 * false if nothing was written.
 */
export function writeOutline(into: PDFDocument | PdfEditTarget, entries: OutlineEntry[], options: OutlineOptions = {}): boolean {
  const { PDFHexString, PDFName, PDFNull, PDFNumber } = pdfLib();
  const { context, catalog, pages } = editTarget(into);
  if (!entries.length || !pages.length) return false;
  const open = options.open ?? true;

  const destination = (page: PdfEditTarget['pages'][number]): PDFArray => {
    if (options.destination === 'top') {
      const { box } = page;
      return context.obj([page.ref, PDFName.of('XYZ'), PDFNumber.of(box.x), PDFNumber.of(box.y + box.height), PDFNull]);
    }
    return context.obj([page.ref, PDFName.of('Fit')]);
  };

  /** Writes one level of siblings under `parent`; returns their refs and how many items they show when open. */
  const writeLevel = (items: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; visible: number } => {
    const refs = items.map(() => context.nextRef());
    let visible = 0;
    items.forEach((item, i) => {
      const ref = refs[i] as PDFRef;
      const page = pages[Math.min(Math.max(0, Math.trunc(item.page)), pages.length - 1)] as PdfEditTarget['pages'][number];
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(cleanTitle(item.title)));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), destination(page));
      const prev = refs[i - 1];
      const next = refs[i + 1];
      if (prev) dict.set(PDFName.of('Prev'), prev);
      if (next) dict.set(PDFName.of('Next'), next);
      visible += 1;
      if (item.children?.length) {
        const sub = writeLevel(item.children, ref);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // Open: the number of descendants shown; closed: minus the number that opening would show.
        dict.set(PDFName.of('Count'), PDFNumber.of(open ? sub.visible : -sub.visible));
        if (open) visible += sub.visible;
      }
      context.assign(ref, dict);
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, visible };
  };

  const rootRef = context.nextRef();
  const top = writeLevel(entries, rootRef);
  const root = context.obj({}) as PDFDict;
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.visible));
  context.assign(rootRef, root);

  catalog.set(PDFName.of('Outlines'), rootRef);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  return true;
}

/** What an edit needs of a loaded document, or the update's own view of the file. */
export function editTarget(into: PDFDocument | PdfEditTarget): PdfEditTarget {
  const { PDFDocument } = pdfLib();
  if (!(into instanceof PDFDocument)) return into;
  const { context } = into;
  return {
    context,
    catalog: into.catalog,
    pages: into.getPages().map((p: PDFPage) => ({ ref: p.ref, box: p.getCropBox() })),
    lookup: (ref) => (ref ? context.lookup(ref) : undefined),
  };
}

/**
 * Gives the entries of the outline Chromium made from the headings their titles as the document has
 * them (`titles`, in document order): Chromium joins the words either side of a line the heading wraps
 * at ("butfears") and takes CSS capitals literally. Left alone, and false, unless there is exactly one
 * title an entry.
 */
export function retitleOutline(into: PDFDocument | PdfEditTarget, titles: string[]): boolean {
  const { PDFDict, PDFHexString, PDFName, PDFRef } = pdfLib();
  const { context, catalog, lookup } = editTarget(into);
  const root = lookup(catalog.get(PDFName.of('Outlines')));
  if (!(root instanceof PDFDict)) return false;
  // Depth first, in order: the document order of the headings.
  const items: [PDFRef, PDFDict][] = [];
  const seen = new Set<string>();
  const walk = (ref: unknown, depth: number): boolean => {
    for (let at = ref; at instanceof PDFRef; ) {
      if (seen.has(at.toString()) || depth > 16 || items.length > titles.length) return false;
      seen.add(at.toString());
      const item = lookup(at);
      if (!(item instanceof PDFDict)) return false;
      items.push([at, item]);
      if (!walk(item.get(PDFName.of('First')), depth + 1)) return false;
      at = item.get(PDFName.of('Next'));
    }
    return true;
  };
  if (!walk(root.get(PDFName.of('First')), 0) || items.length !== titles.length) return false;
  items.forEach(([ref, item], i) => {
    item.set(PDFName.of('Title'), PDFHexString.fromText(cleanTitle(titles[i] as string)));
    context.assign(ref, item);
  });
  return true;
}

const PART_SUFFIX = /\s*\(\d+\/\d+\)\s*$/;

/**
 * The deck's outline: one entry per slide, titled by its heading, in slide order. A part spread over
 * several slides ("Key points (1/2)", "(2/2)") becomes a parent entry ("Key points") holding them.
 */
export function deckOutline(slides: Slide[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const ordered = [...slides].sort((a, b) => a.number - b.number);
  for (let i = 0; i < ordered.length; ) {
    const first = ordered[i] as Slide;
    let j = i + 1;
    while (j < ordered.length && (ordered[j] as Slide).part === first.part) j++;
    const group = ordered.slice(i, j);
    const entry = (s: Slide): OutlineEntry => ({ title: s.plainHeading, page: s.number - 1 });
    if (group.length === 1) out.push(entry(first));
    else out.push({ title: first.plainHeading.replace(PART_SUFFIX, '') || first.plainHeading, page: first.number - 1, children: group.map(entry) });
    i = j;
  }
  return out;
}
