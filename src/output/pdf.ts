// Prints HTML documents to PDF in the shared browser, and sets the PDF's metadata.
import type { Page } from 'puppeteer';
import type { PDFDocument } from 'pdf-lib';

// pdf-lib loads on first use (~0.15 s in a cold process, all of it on the main thread).
const pdfLib = () => import('pdf-lib');

/**
 * Starts loading the PDF post-processing modules without waiting for them: called when a briefing
 * first hands a document to the browser, so that the load fills time spent waiting for Chromium
 * instead of following the print.
 */
export function preloadPdfTools(): void {
  for (const load of [pdfLib, () => import('./outline.js'), () => import('./notes.js')]) load().catch(() => undefined);
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

/** Prints the loaded page with its own @page size (the deck's 1280x720, or A4/Letter for print). */
export async function printPage(page: Page, timeout: number, options: { outline?: boolean } = {}): Promise<Uint8Array> {
  // Chromium's own outline nests by heading level: right for the print briefing, wrong for a deck
  // (everything under the title slide's h1), which gets its own outline from output/outline.ts.
  return page.pdf({ preferCSSPageSize: true, printBackground: true, timeout, tagged: true, outline: options.outline ?? false });
}

/**
 * Sets title, author, subject, keywords, language and dates, keeping Chromium's structure tags, and
 * applies any further `edits` (outline, notes) in the same load and save.
 */
export async function withMetadata(pdf: Uint8Array, meta: PdfMetadata, edits: ((doc: PDFDocument) => unknown)[] = []): Promise<Uint8Array> {
  const { PDFName, PDFString } = await pdfLib();
  const doc = await loadPdf(pdf);
  for (const edit of edits) edit(doc);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setCreator('briefdeck');
  doc.setProducer('briefdeck (Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  return savePdf(doc);
}

/**
 * Loads a PDF for editing, keeping its metadata as it is. pdf-lib yields to the event loop every
 * 100 objects by default, which in a busy build costs four times the parse itself: parse in one go.
 */
export async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  const { PDFDocument, ParseSpeeds } = await pdfLib();
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Saves without object streams (every viewer reads them) and without yielding every 50 objects. */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
