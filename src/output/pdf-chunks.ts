// deck.pdf of a huge deck, printed a range of slides at a time and joined into one tagged PDF.
// Chromium lays out, paginates and tags the whole document on every print: in a generated deck its
// cost per slide doubled between 240 and 960 slides (bench/huge.mjs), and one print of a thousand
// slides could outlast --timeout on its own. Up to CHUNK_SLIDES slides the deck is one print as before
// (the same bytes); above, ranges of at most that many, each a print call of its own under --timeout.
import type { Page } from 'puppeteer-core';
import { printPage } from './pdf.js';
import { inWindows } from './slide-window.js';

/** Slides a print call; past this, the deck prints in ranges (about this many each). */
export const CHUNK_SLIDES = 250;

/**
 * The slides a print call may hold: CHUNK_SLIDES, or BRIEFDECK_PDF_CHUNK_SLIDES (a positive integer),
 * which exists so that a test can take the chunked path with a deck of a size a test can build.
 */
export function chunkSlides(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.BRIEFDECK_PDF_CHUNK_SLIDES);
  return Number.isInteger(given) && given > 0 ? given : CHUNK_SLIDES;
}

/** The fitted deck of `slides` slides printed, one page a slide, tags and all. */
export async function printDeck(page: Page, slides: number, timeout: number): Promise<Uint8Array> {
  const size = chunkSlides();
  if (slides <= size) return printPage(page, timeout);
  const parts = await inWindows(page, slides, size, () => printPage(page, timeout));
  const { joinTaggedPdfs } = await import('./pdf-join.js');
  return joinTaggedPdfs(parts);
}
