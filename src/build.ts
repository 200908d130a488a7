// The whole pipeline for one build: find content, load templates once, then per briefing
// load → view → render → (fit and print in the shared browser) → write atomically into output/<slug>/.
import path from 'node:path';
import { mkdir, rename, rm, mkdtemp, readdir } from 'node:fs/promises';
import { BriefdeckError, ExitCode, type Diagnostic, isBriefdeckError } from './errors.js';
import { discoverContent } from './content/discover.js';
import { loadBriefing, type LoadedBriefing } from './content/load.js';
import { DEFAULT_LIMITS, type Limits } from './content/limits.js';
import { loadTemplates, type Templates } from './render/templates.js';
import { MarpEngine } from './render/marp.js';
import { buildView, type BriefingView } from './render/view.js';
import { renderDeck, type Branding } from './render/deck.js';
import { renderPrint, type Paper } from './render/print.js';
import { resolveImages } from './render/images.js';
import type { BrowserSession } from './browser/session.js';
import type { FitReport } from './fit/fit.js';
import { printPage, withMetadata } from './output/pdf.js';
import { writeAtomic } from './output/write.js';
import { isInside } from './content/discover.js';

export const FORMATS = ['html', 'pdf', 'print', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export interface BuildOptions {
  paths: string[];
  out: string;
  formats: Format[];
  paper: Paper;
  theme: string;
  concurrency: number;
  /** Any slide still overflowing at the floor size fails its briefing. */
  strict: boolean;
  limits: Limits;
  /** From the config: organisation, logo, colours; and the marking of briefings that set none. */
  branding?: Branding;
  defaultMarking?: string;
  /** Custom templates folder (overrides built-in partials by name) and theme CSS files. */
  templatesDir?: string;
  themeFiles?: string[];
  /** Called as each briefing finishes. */
  onResult?: (r: BriefingResult) => void;
  /** Injected for tests; otherwise launched on first need and closed at the end. */
  session?: BrowserSession;
  executablePath?: string;
}

export interface BriefingResult {
  file: string;
  slug?: string;
  ok: boolean;
  outputs: string[];
  pages: { deck?: number; print?: number };
  slides?: number;
  durationMs: number;
  fit?: FitReport;
  warnings: string[];
  errors: Diagnostic[];
}

export interface BuildReport {
  results: BriefingResult[];
  durationMs: number;
  exitCode: ExitCode;
}

export const defaultBuildOptions = (): BuildOptions => ({
  paths: ['content'],
  out: 'output',
  formats: [...FORMATS],
  paper: 'a4',
  theme: 'briefing',
  concurrency: 2,
  strict: false,
  limits: DEFAULT_LIMITS,
});

interface Context {
  options: BuildOptions;
  templates: Templates;
  marp: MarpEngine;
  browser: () => Promise<BrowserSession>;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const files = await discoverContent(options.paths);
  const templates = await loadTemplates({ custom: options.templatesDir, themeFiles: options.themeFiles });
  if (!templates.themes.has(options.theme)) {
    throw new BriefdeckError(ExitCode.USAGE, { message: `unknown theme "${options.theme}"`, hint: `available: ${[...templates.themes.keys()].join(', ')}` });
  }
  const marp = new MarpEngine([...templates.themes.values()]);
  let owned: BrowserSession | undefined;
  let session: Promise<BrowserSession> | undefined = options.session && Promise.resolve(options.session);
  const ctx: Context = {
    options,
    templates,
    marp,
    // Puppeteer loads only when a PDF is asked for, and the one session is shared by every briefing.
    browser: () =>
      (session ??= import('./browser/session.js').then(({ BrowserSession }) => {
        owned = new BrowserSession({ concurrency: options.concurrency, executablePath: options.executablePath });
        return owned;
      })),
  };
  const results: BriefingResult[] = [];
  try {
    const slugs = new Map<string, string>();
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const r = await buildOne(ctx, file, slugs);
        results.push(r);
        options.onResult?.(r);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, files.length)) }, worker));
  } finally {
    await owned?.close();
  }
  results.sort((a, b) => a.file.localeCompare(b.file));
  const failed = results.some((r) => !r.ok);
  const environment = results.some((r) => !r.ok && r.errors.some((e) => e.message.startsWith('[environment]')));
  return {
    results,
    durationMs: performance.now() - started,
    exitCode: environment ? ExitCode.ENVIRONMENT : failed ? ExitCode.CONTENT : ExitCode.OK,
  };
}

async function buildOne(ctx: Context, file: string, slugs: Map<string, string>): Promise<BriefingResult> {
  const started = performance.now();
  const result: BriefingResult = { file, ok: false, outputs: [], pages: {}, durationMs: 0, warnings: [], errors: [] };
  let staging: string | undefined;
  try {
    const loaded = await loadBriefing(file, ctx.options.limits);
    result.slug = loaded.slug;
    const other = slugs.get(loaded.slug);
    if (other) {
      throw new BriefdeckError(ExitCode.CONTENT, {
        file,
        field: 'slug',
        message: `slug "${loaded.slug}" is already used by ${other}`,
        hint: 'give one of them another `slug:`',
      });
    }
    slugs.set(loaded.slug, file);
    const target = path.resolve(ctx.options.out, loaded.slug);
    if (!isInside(target, path.resolve(ctx.options.out)) || target === path.resolve(ctx.options.out)) {
      throw new BriefdeckError(ExitCode.CONTENT, { file, field: 'slug', message: 'slug would write outside the output folder' });
    }
    await mkdir(ctx.options.out, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new BriefdeckError(ExitCode.ENVIRONMENT, { message: `cannot create ${ctx.options.out}: ${e.code ?? e.message}`, hint: 'choose a writable folder with --out' });
    });
    staging = await mkdtemp(path.join(ctx.options.out, `.${loaded.slug}.staging-`));
    await produce(ctx, loaded, staging, result);
    await publish(staging, target);
    result.outputs = result.outputs.map((f) => path.join(target, path.basename(f)));
    result.ok = true;
  } catch (e) {
    if (!isBriefdeckError(e)) throw e;
    result.errors = e.exitCode === ExitCode.ENVIRONMENT ? e.diagnostics.map((d) => ({ ...d, message: `[environment] ${d.message}` })) : e.diagnostics;
    result.outputs = [];
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    result.durationMs = performance.now() - started;
  }
  return result;
}

/** Renders every asked-for output of one briefing into `dir`. */
async function produce(ctx: Context, loaded: LoadedBriefing, dir: string, result: BriefingResult): Promise<void> {
  const { options, templates, marp } = ctx;
  const b = loaded.briefing.marking || !options.defaultMarking ? loaded.briefing : { ...loaded.briefing, marking: options.defaultMarking };
  const theme = b.theme ?? options.theme;
  if (!templates.themes.has(theme)) {
    throw new BriefdeckError(ExitCode.CONTENT, { file: loaded.file, field: 'theme', message: `unknown theme "${theme}"`, hint: `available: ${[...templates.themes.keys()].join(', ')}` });
  }
  const want = new Set(options.formats);
  const deckView = await resolveImages(buildView(b, loaded.slug, 'markdown'), loaded);
  const meta = {
    title: deckView.plainTitle,
    author: deckView.plainAuthor,
    subject: deckView.plainBluf,
    keywords: ['briefing', ...(deckView.marking ? [deckView.marking.plain] : []), ...deckView.sections.map((s) => s.plainTitle).slice(0, 6)],
    lang: b.lang,
    date: new Date(`${b.date}T00:00:00Z`),
  };
  const out = (name: string) => path.join(dir, name);
  const write = async (name: string, data: string | Uint8Array) => {
    await writeAtomic(out(name), data);
    result.outputs.push(out(name));
  };

  if (want.has('pdf')) {
    const session = await ctx.browser();
    const { fitDeck } = await import('./fit/fit.js');
    const fitted = await fitDeck(
      session,
      (fit) => renderDeck(deckView, templates, marp, { theme, fit, branding: options.branding }),
      (page) => printPage(page, session.timeout),
    );
    result.fit = fitted.report;
    if (fitted.report.overflowing.length && options.strict) {
      throw new BriefdeckError(
        ExitCode.CONTENT,
        fitted.report.overflowing.map((o) => ({
          file: loaded.file,
          message: `slide ${o.slide} ("${o.heading}") still overflows by ${o.pixels}px at the smallest text size`,
          hint: 'shorten that text or split it into several points (--strict makes this an error)',
        })),
      );
    }
    for (const o of fitted.report.overflowing) result.warnings.push(`slide ${o.slide} ("${o.heading}") overflows by ${o.pixels}px`);
    const pdf = await withMetadata(fitted.result, meta);
    result.pages.deck = fitted.deck.slides.length;
    result.slides = fitted.deck.slides.length;
    await write('deck.pdf', pdf);
    if (want.has('html')) await write('deck.html', fitted.deck.html);
    if (want.has('md')) await write('deck.md', fitted.deck.markdown);
  } else if (want.has('html') || want.has('md')) {
    const deck = await renderDeck(deckView, templates, marp, { theme, branding: options.branding });
    result.slides = deck.slides.length;
    if (want.has('html')) await write('deck.html', deck.html);
    if (want.has('md')) await write('deck.md', deck.markdown);
  }

  if (want.has('print')) {
    const session = await ctx.browser();
    const printView = await resolveImages(buildView(b, loaded.slug, 'html'), loaded);
    const html = await renderPrint(printView, templates, { paper: options.paper, branding: options.branding });
    const pdf = await session.withDocument(html, (page) => printPage(page, session.timeout), { width: 794, height: 1123 });
    const final = await withMetadata(pdf, meta);
    result.pages.print = await pageCount(final);
    await write('briefing.pdf', final);
  }
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  const { PDFDocument } = await import('pdf-lib');
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/** Moves the staged files into `target`, replacing what a previous build left there. */
async function publish(staging: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const name of await readdir(staging)) await rename(path.join(staging, name), path.join(target, name));
}

export type { BriefingView };
