// What a build is asked to do (BuildOptions) and what it reports, per briefing and in all.
import type { ExitCode, Diagnostic } from '../errors.js';
import type { BrowserSession } from '../browser/session.js';
import type { FitReport } from '../fit/fit.js';
import { DEFAULT_FORMATS, type Format } from '../formats/registry.js';
import { DEFAULT_LIMITS, type Limits } from '../content/limits.js';
import type { Branding } from '../render/deck.js';
import type { Paper } from '../render/print.js';
import type { BuildServices } from './services.js';

export interface BuildOptions {
  paths: string[];
  out: string;
  formats: Format[];
  paper: Paper;
  theme: string;
  concurrency: number;
  /** Milliseconds the browser may take to load or print one document. */
  timeoutMs?: number;
  /** Any slide still overflowing at the floor size fails its briefing. */
  strict: boolean;
  /** Speaker notes as PDF annotations in deck.pdf. */
  pdfNotes?: boolean;
  /** Slides on each handout page. */
  handoutPerPage?: 2 | 3;
  /** Slide images: scale of 1280x720 (1.5 → 1920x1080). */
  scale?: number;
  limits: Limits;
  /** Fit the deck in the browser (the default); false: slides as planned from estimates, no browser for html/md. */
  fit?: boolean;
  /** Rebuild briefings whose inputs did not change. */
  force?: boolean;
  /** Build nothing: report the briefings whose outputs are missing or stale. */
  check?: boolean;
  /** Build only this runner's share of the briefings (`--shard k/n`). */
  shard?: { index: number; count: number };
  /** From the config: organisation, logo, colours; and the marking of briefings that set none. */
  branding?: Branding;
  defaultMarking?: string;
  /** Custom templates folder (overrides built-in partials by name) and theme CSS files. */
  templatesDir?: string;
  themeFiles?: string[];
  /** Called as each briefing starts and finishes. */
  onStart?: (file: string, total: number) => void;
  onResult?: (r: BriefingResult) => void;
  /** Injected to keep a browser warm across builds (watch mode, tests); otherwise launched on first need. */
  session?: BrowserSession;
  executablePath?: string;
  /** Services the caller started early (and ends): the browser and Marp thread they hold are used here. */
  services?: BuildServices;
}

export type BriefingStatus = 'built' | 'skipped' | 'failed' | 'stale' | 'fresh';

export interface BriefingResult {
  file: string;
  slug?: string;
  status: BriefingStatus;
  ok: boolean;
  outputs: string[];
  pages: { deck?: number; print?: number };
  slides?: number;
  durationMs: number;
  fit?: FitReport;
  warnings: string[];
  errors: Diagnostic[];
  /** For a failed briefing: content (1), environment (3) or internal (70). */
  exitCode?: ExitCode;
  /** For an internal error: the stack, printed with --debug. */
  stack?: string;
}

export interface BuildReport {
  results: BriefingResult[];
  durationMs: number;
  exitCode: ExitCode;
}

export const defaultBuildOptions = (): BuildOptions => ({
  paths: ['content'],
  out: 'output',
  formats: [...DEFAULT_FORMATS],
  paper: 'a4',
  theme: 'briefing',
  concurrency: 2,
  strict: false,
  limits: DEFAULT_LIMITS,
});
