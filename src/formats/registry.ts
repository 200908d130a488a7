// Every output briefdeck can make, one line each: the CLI's --format choices, the build and the API read this list.
import { BriefdeckError, ExitCode } from '../errors.js';
import type { OutputFormat } from './types.js';
import { deckHtml } from './deck-html.js';
import { deckPdf } from './deck-pdf.js';
import { printPdf } from './print-pdf.js';
import { deckMd } from './deck-md.js';
import { handoutPdf } from './handout-pdf.js';
import { slidePng } from './slide-png.js';
import { deckPptxFormat } from './deck-pptx.js';

/** In the order their names are listed; formats that need the live page capture from it in this order. */
export const REGISTRY = [deckHtml, deckPdf, printPdf, deckMd, handoutPdf, slidePng, deckPptxFormat] as const;

export type Format = (typeof REGISTRY)[number]['name'];
export const FORMATS: readonly Format[] = REGISTRY.map((f) => f.name);
/** What a build makes when no --format is given. */
export const DEFAULT_FORMATS: Format[] = ['html', 'pdf', 'print', 'md'];

export function isFormat(name: string): name is Format {
  return REGISTRY.some((f) => f.name === name);
}

export function formatNamed(name: Format): OutputFormat<Format> {
  const found = REGISTRY.find((f) => f.name === name);
  if (!found) throw new Error(`format ${name} is not registered`);
  return found;
}

/** The formats named by --format (repeated or comma-separated; `all`). */
export function formatsFrom(given: readonly string[]): Format[] {
  const names = given.flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  if (names.includes('all')) return [...FORMATS];
  const out: Format[] = [];
  for (const n of names) {
    if (!isFormat(n)) throw new BriefdeckError(ExitCode.USAGE, { message: `unknown format "${n}"`, hint: `choose from ${FORMATS.join(', ')}, all` });
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** What the wanted formats need between them (and whether the deck is fitted: it always is, unless --no-fit). */
export function needsOf(formats: readonly Format[], fit = true): { deck: boolean; page: boolean; print: boolean; browser: boolean; marp: boolean; pdf: boolean } {
  const wanted = formats.map(formatNamed);
  const deck = wanted.some((f) => f.needs.deck || f.needs.page);
  const page = wanted.some((f) => f.needs.page);
  const ownPage = wanted.some((f) => f.needs.browser);
  return { deck, page, print: wanted.some((f) => f.needs.print), browser: page || ownPage || (deck && fit), marp: deck, pdf: wanted.some((f) => f.needs.pdf) };
}
