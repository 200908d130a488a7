// Loading and saving a whole PDF with pdf-lib, tuned for one process doing nothing else meanwhile.
import type { PDFDocument } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';

/**
 * Loads a PDF for editing, keeping its metadata as it is. pdf-lib yields to the event loop every
 * 100 objects by default, which in a busy build costs four times the parse itself: parse in one go.
 */
export async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  const { PDFDocument, ParseSpeeds } = pdfLib();
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Saves without object streams (every viewer reads them) and without yielding every 50 objects. */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
