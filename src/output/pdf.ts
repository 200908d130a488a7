// Prints HTML documents to PDF in the shared browser, and sets the PDF's metadata.
import type { Page } from 'puppeteer-core';
import { withoutControls } from '../text-safety.js';
import type { PDFContext, PDFDict, PDFDocument } from 'pdf-lib';
import type { OutlineEntry } from './outline.js';
import { stableNodeIds } from './node-ids.js';
import { loadPdf, savePdf } from './pdf-doc.js';
import { chromium, inStage } from '../util/profile.js';
import { pdfLib, type PdfLib } from './pdf-lib.js';


/**
 * Starts loading the PDF post-processing modules without waiting for them: called just before a
 * briefing hands a document to the browser, so that the load fills time spent waiting for Chromium
 * instead of following the print. The load (~0.15 s of compiling on the main thread in a cold
 * process) begins on the next turn of the event loop: by then the document has gone down the pipe,
 * which it would otherwise wait behind.
 */
export function preloadPdfTools(): void {
  setImmediate(() => {
    for (const load of [async () => pdfLib(), () => import('./pdf-update.js'), () => import('./outline.js')]) load().catch(() => undefined);
  });
}

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  lang: string;
  /** The as-of date: used as the PDF's dates so that the same inputs give the same bytes. */
  date: Date;
}

/**
 * The text of the page's headings, in document order, as a reader sees it (spaces where lines wrap,
 * the letters' own case): titles for the outline Chromium makes of them. Read from the DOM alone, not
 * the layout: the document is only printed (browser/print-only.ts) and has none on screen, and asking
 * for styles would compute them all once more for the screen. The print briefing hides no heading;
 * were one hidden, the counts would differ and `retitleOutline` keep Chromium's titles.
 */
export function headingTitles(page: Page): Promise<string[]> {
  return chromium('measure', () => page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
      .map((h) => {
        const copy = h.cloneNode(true) as HTMLElement;
        for (const n of copy.querySelectorAll('sup, [aria-hidden="true"]')) n.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
  ), page);
}

/** Prints the loaded page with its own @page size (the deck's 1280x720, or A4/Letter for print). */
export async function printPage(page: Page, timeout: number, options: { outline?: boolean } = {}): Promise<Uint8Array> {
  // Chromium's own outline nests by heading level: right for the print briefing, wrong for a deck
  // (everything under the title slide's h1), which gets its own outline from output/outline.ts.
  return chromium('print', () => page.pdf({ preferCSSPageSize: true, printBackground: true, timeout, tagged: true, outline: options.outline ?? false }), page);
}

/** What `withMetadata` changes besides the metadata. */
export interface PdfEdits {
  /** Bookmarks (deck.pdf: one a slide). */
  outline?: OutlineEntry[];
  /** Speaker notes as sticky notes (`--pdf-notes`). */
  notes?: { notes: string[]; corner: 'left' | 'right' };
  /** Titles for the outline Chromium made from the headings, in document order (briefing.pdf). */
  headingTitles?: string[];
  /** Told the number of pages. */
  onPages?: (count: number) => void;
}

/**
 * Sets title, author, subject, keywords, language and dates, keeping Chromium's structure tags, and
 * makes the `edits`. Usually by appending an update to Chromium's file (output/pdf-update.ts), which
 * reads only the few objects it changes; notes, or a file that is not as Chromium writes it, take a
 * full load and save.
 */
export function withMetadata(printed: Uint8Array, given: PdfMetadata, edits: PdfEdits = {}): Promise<Uint8Array> {
  return inStage('pdf post-processing', () => addMetadata(printed, given, edits));
}

async function addMetadata(printed: Uint8Array, given: PdfMetadata, edits: PdfEdits): Promise<Uint8Array> {
  const meta = cleanMetadata(given);
  if (edits.headingTitles) edits = { ...edits, headingTitles: edits.headingTitles.map(withoutControls) };
  if (edits.outline) edits = { ...edits, outline: cleanOutline(edits.outline) };
  const lib = pdfLib();
  const { PDFName, PDFString } = lib;
  const { writeOutline, retitleOutline } = await import('./outline.js');
  const pdf = stableNodeIds(printed);
  if (!edits.notes) {
    const { appendUpdate } = await import('./pdf-update.js');
    const updated = await appendUpdate(pdf, (context) => infoDict(lib, context, meta), meta.date, (target) => {
      target.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
      if (edits.headingTitles) retitleOutline(target, edits.headingTitles);
      if (edits.outline) writeOutline(target, edits.outline);
      edits.onPages?.(target.pages.length);
    });
    if (updated) return updated;
  }
  const doc = await loadPdf(pdf);
  if (edits.headingTitles) retitleOutline(doc, edits.headingTitles);
  if (edits.outline) writeOutline(doc, edits.outline);
  if (edits.notes) (await import('./notes.js')).writeNotes(doc, edits.notes.notes, { corner: edits.notes.corner });
  edits.onPages?.(doc.getPageCount());
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  return savePdf(doc);
}

/** Metadata without control characters: a viewer shows the title in its window bar, a terminal tool prints it raw. */
function cleanMetadata(meta: PdfMetadata): PdfMetadata {
  return {
    ...meta,
    title: withoutControls(meta.title),
    author: meta.author === undefined ? undefined : withoutControls(meta.author),
    subject: meta.subject === undefined ? undefined : withoutControls(meta.subject),
    keywords: meta.keywords?.map(withoutControls).filter(Boolean),
  };
}

function cleanOutline(entries: OutlineEntry[]): OutlineEntry[] {
  return entries.map((e) => ({ ...e, title: withoutControls(e.title), children: e.children && cleanOutline(e.children) }));
}

const CREATOR = 'briefdeck';
const PRODUCER = 'briefdeck (Chromium, pdf-lib)';

/** The document information dictionary, as pdf-lib's own setters would write it. */
function infoDict(lib: PdfLib, context: PDFContext, meta: PdfMetadata): PDFDict {
  const { PDFHexString, PDFString } = lib;
  const text = (s: string) => PDFHexString.fromText(s);
  return context.obj({
    Title: text(meta.title),
    ...(meta.author ? { Author: text(meta.author) } : {}),
    ...(meta.subject ? { Subject: text(meta.subject) } : {}),
    ...(meta.keywords?.length ? { Keywords: text(meta.keywords.join(' ')) } : {}),
    Creator: text(CREATOR),
    Producer: text(PRODUCER),
    CreationDate: PDFString.fromDate(meta.date),
    ModDate: PDFString.fromDate(meta.date),
  });
}

export { loadPdf, savePdf } from './pdf-doc.js';
