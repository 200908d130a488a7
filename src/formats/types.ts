// The format contract: what an output needs from the build, and the facts it hands back.
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from '../browser/session.js';
import type { FitReport } from '../fit/fit.js';
import type { Branding, RenderedDeck } from '../render/deck.js';
import type { MarpRenderer } from '../render/marp.js';
import type { Paper } from '../render/print.js';
import type { Templates } from '../render/templates.js';
import type { BriefingView } from '../render/view.js';
import type { BriefingModel } from '../model/briefing.js';
import type { PdfMetadata } from '../output/pdf.js';

/** What a format asks the build for; each artefact is made once per briefing, however many formats ask. */
export interface FormatNeeds {
  /** The deck as presented: fitted in the browser (or, with --no-fit, as planned from estimates). */
  deck?: boolean;
  /** The fitted deck live in a browser page, for `capture` (printing, pictures, measuring geometry). */
  page?: boolean;
  /** The print view: every text as safe HTML (print briefing, handout). */
  print?: boolean;
  /** A browser page of its own (`services.withPage`). */
  browser?: boolean;
  /** It makes a PDF: the PDF tools then load while the browser works. */
  pdf?: boolean;
}

/** The deck every deck format shares: the slides of deck.pdf are those of deck.html and deck.md. */
export interface DeckArtefact extends RenderedDeck {
  /** Absent when the build did not fit (--no-fit). */
  fit?: FitReport;
}

/** The browser and Marp, as a format may use them; ordering between outputs is the services' business. */
export interface FormatServices {
  /** Runs `fn` on a page showing `html` (a page of the shared browser, returned to the pool after). */
  withPage<T>(html: string, viewport: { width: number; height: number }, fn: (page: Page, session: BrowserSession) => Promise<T>): Promise<T>;
  marp(): Promise<MarpRenderer>;
  /** One at a time across the build: page captures that bring a page to the front. */
  inFront<T>(fn: () => Promise<T>): Promise<T>;
  /** Milliseconds the browser may take to load or print one document. */
  timeout: number;
}

export interface FormatSettings {
  paper: Paper;
  theme: string;
  pdfNotes: boolean;
  handoutPerPage: 2 | 3;
  scale: number;
  branding?: Branding;
}

export interface FormatContext {
  file: string;
  slug: string;
  /** The neutral briefing: texts as runs (citations included), labels and dates localised, images attached. */
  model: BriefingModel;
  /** The model escaped for Marp Markdown (what deck templates see). */
  deckView: BriefingView;
  /** needs.print: the model escaped for HTML. */
  printView?: BriefingView;
  /** needs.deck / needs.page: the deck. */
  deck?: DeckArtefact;
  templates: Templates;
  settings: FormatSettings;
  /** PDF metadata, in plain text. */
  meta: PdfMetadata;
  services: FormatServices;
}

/** What a format made: files relative to the briefing's folder, page counts, warnings. */
export interface FormatFacts {
  files: { name: string; data: string | Uint8Array }[];
  pages?: { deck?: number; print?: number };
  warnings?: string[];
}

export type Produce = (ctx: FormatContext) => Promise<FormatFacts>;

export interface OutputFormat<N extends string = string> {
  /** The --format name. */
  name: N;
  /** The files it writes, for --help. */
  describe: string;
  needs: FormatNeeds;
  /**
   * needs.page: called while the fitted deck is open in the browser; takes what it needs from the page
   * and returns the rest of its work, which runs once the page is back in the pool.
   */
  capture?: (page: Page, ctx: FormatContext) => Promise<Produce>;
  /** Every other format: makes its files from the context. */
  produce?: Produce;
}

/** Keeps the format's name as a literal type, so that the registry's names make the `Format` type. */
export function defineFormat<const N extends string>(format: OutputFormat<N>): OutputFormat<N> {
  return format;
}
