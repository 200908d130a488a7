// The whole pipeline for one build: find content, load templates once, then per briefing
// load → view → render → (fit and print in the shared browser) → write atomically into output/<slug>/.
import path from 'node:path';
import { readdir, rename, rm } from 'node:fs/promises';
import { BriefdeckError, ExitCode, type Diagnostic, isBriefdeckError } from './errors.js';
import { discoverContent, isInside } from './content/discover.js';
import type { LoadedBriefing } from './content/load.js';
import { DEFAULT_LIMITS, type Limits } from './content/limits.js';
import { loadTemplates, type Templates } from './render/templates.js';
import type { MarpRenderer } from './render/marp.js';
import type { MarpThread } from './render/marp-thread.js';
import type { Branding } from './render/deck.js';
import type { Paper } from './render/print.js';
import { MAX_IMAGE_BYTES, readSectionImage, resolveImages } from './render/images.js';
import { viewerAssets } from './render/viewer.js';
import { fontFiles } from './render/fonts.js';
import type { BrowserSession } from './browser/session.js';
import type { Chromium } from './browser/launch.js';
import type { FitReport } from './fit/fit.js';
import { headingTitles, preloadPdfTools, printPage, withMetadata } from './output/pdf.js';
import { ensureDir, makeStaging, writeAtomic } from './output/write.js';
import { hashParts, inShard, isFresh, manifestPath, readManifest, sha256, unchangedSlug, writeManifest, type Manifest } from './output/manifest.js';
import { version } from './version.js';

import { DEFAULT_FORMATS, FORMATS, needsBrowser, type Format } from './formats.js';

export { DEFAULT_FORMATS, FORMATS, type Format };

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
  /** A browser the caller started early (and ends): the session connects to it instead of starting one. */
  started?: Chromium;
  /** A Marp thread the caller started early (and closes): decks render there instead of here. */
  marpThread?: MarpThread;
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

interface Context {
  options: BuildOptions;
  templates: Templates;
  /** The one Marp engine of the build, made on first need (importing marp-core costs ~0.2 s). */
  marp: () => Promise<MarpRenderer>;
  /** Hash of everything shared by all briefings of this build. */
  buildKey: string;
  manifest: Manifest;
  browser: () => Promise<BrowserSession>;
  /** Starts Chromium and its pages while the first briefing to build still loads and renders. */
  warm: () => void;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const files = (await discoverContent(options.paths)).filter((f) => inShard(f, options.shard));
  const templates = await loadTemplates({ custom: options.templatesDir, themeFiles: options.themeFiles });
  if (!templates.themes.has(options.theme)) {
    throw new BriefdeckError(ExitCode.USAGE, { message: `unknown theme "${options.theme}"`, hint: `available: ${[...templates.themes.keys()].join(', ')}` });
  }
  // The Marp thread (if any) makes its engine while this thread reads the manifest and the content.
  const themes = [...templates.themes.values()];
  options.marpThread?.useThemes(themes);
  const manifest = await readManifest(options.out);
  let session: Promise<BrowserSession> | undefined = options.session && Promise.resolve(options.session);
  let marp: Promise<MarpRenderer> | undefined;
  let warmed = false;
  const ctx: Context = {
    options,
    templates,
    marp: () =>
      (marp ??= options.marpThread ? Promise.resolve(options.marpThread) : import('./render/marp.js').then(({ MarpEngine }) => new MarpEngine(themes))),
    buildKey: await buildKey(options, templates),
    manifest,
    // Puppeteer loads only when a PDF is asked for, and the one session is shared by every briefing.
    browser: () =>
      (session ??= import('./browser/session.js').then(({ BrowserSession }) => {
        return new BrowserSession({ concurrency: options.concurrency, executablePath: options.executablePath, timeout: options.timeoutMs, started: options.started });
      })),
    warm: () => {
      if (warmed || !needsBrowser(options.formats)) return;
      warmed = true;
      void ctx.browser().then((s) => s.warm(Math.min(files.length * 2, options.concurrency))).catch(() => undefined);
    },
  };
  const results: BriefingResult[] = [];
  const slugs = new SlugClaims(files);
  try {
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        options.onStart?.(file, files.length);
        const r = await buildOne(ctx, file, slugs);
        results.push(r);
        options.onResult?.(r);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, files.length)) }, worker));
  } finally {
    // The session may still be starting (Chromium is launched early): wait for it, then close it.
    if (session && !options.session) await (await session.catch(() => undefined))?.close();
    if (!options.check && results.some((r) => r.status === 'built')) await writeManifest(options.out, manifest);
  }
  results.sort((a, b) => a.file.localeCompare(b.file));
  const worst = results.reduce<ExitCode>((code, r) => {
    if (r.status === 'stale') return Math.max(code, ExitCode.CONTENT) as ExitCode;
    return r.ok ? code : (Math.max(code, r.exitCode ?? ExitCode.CONTENT) as ExitCode);
  }, ExitCode.OK);
  return { results, durationMs: performance.now() - started, exitCode: worst };
}

/** Everything shared by the briefings of this build that changes what they produce. */
async function buildKey(options: BuildOptions, templates: Templates): Promise<string> {
  const viewer = await viewerAssets();
  const fonts = (await fontFiles()).map((f) => f.split(`${path.sep}node_modules${path.sep}`).pop() ?? f).sort();
  const settings = {
    formats: [...options.formats].sort(),
    paper: options.paper,
    theme: options.theme,
    strict: options.strict,
    pdfNotes: options.pdfNotes ?? false,
    handoutPerPage: options.handoutPerPage ?? 3,
    scale: options.scale ?? 1.5,
    limits: options.limits,
    branding: options.branding ?? null,
    defaultMarking: options.defaultMarking ?? null,
    epoch: process.env.SOURCE_DATE_EPOCH ?? null,
  };
  return hashParts([
    ['briefdeck', version()],
    ['settings', JSON.stringify(settings)],
    ['viewer', viewer.script + viewer.css],
    ['fonts', fonts.join('\n')],
    ...[...templates.files].sort(([a], [b]) => a.localeCompare(b)).map(([name, src]): [string, string] => [`template:${name}`, src]),
  ]);
}

/** The briefing's own inputs, its content and the images it shows: one hash of all, and each file's. */
async function briefingInputs(ctx: Context, loaded: LoadedBriefing): Promise<{ hash: string; inputs: Record<string, string> }> {
  const parts: [string, string | Uint8Array][] = [['build', ctx.buildKey], ['content', loaded.bytes]];
  const inputs: Record<string, string> = { [manifestPath(loaded.file)]: sha256(loaded.bytes) };
  for (const [i, s] of (loaded.briefing.sections ?? []).entries()) {
    if (!s.image) continue;
    const { bytes } = await readSectionImage(loaded, i, s.image.path);
    parts.push([`image:${s.image.path}`, bytes]);
    inputs[manifestPath(path.resolve(loaded.dir, s.image.path))] = sha256(bytes);
  }
  return { hash: hashParts(parts), inputs };
}

async function buildOne(ctx: Context, file: string, slugs: SlugClaims): Promise<BriefingResult> {
  const started = performance.now();
  const { options } = ctx;
  const result: BriefingResult = { file, status: 'failed', ok: false, outputs: [], pages: {}, durationMs: 0, warnings: [], errors: [] };
  let staging: Awaited<ReturnType<typeof makeStaging>> | undefined;
  try {
    // Unchanged since the last build (same bytes in, outputs all there): known without parsing.
    const unchanged = options.force ? undefined : await unchangedSlug(ctx.manifest, file, ctx.buildKey, options.out, Math.max(options.limits.fileBytes, MAX_IMAGE_BYTES));
    if (unchanged) {
      result.slug = unchanged;
      await slugs.claim(file, unchanged, options.out);
      result.status = options.check ? 'fresh' : 'skipped';
      result.ok = true;
      if (!options.check) result.outputs = (ctx.manifest.briefings[unchanged]?.outputs ?? []).map((f) => path.join(options.out, unchanged, f));
      return result;
    }
    if (!options.check) ctx.warm();
    // The YAML parser, the schema and the renderers load with the first briefing to build: a rebuild
    // that finds everything unchanged never loads them.
    const { loadBriefing } = await import('./content/load.js');
    const loaded = await loadBriefing(file, options.limits);
    result.slug = loaded.slug;
    await slugs.claim(file, loaded.slug, options.out);
    const { hash, inputs } = await briefingInputs(ctx, loaded);
    const fresh = !options.force && (await isFresh(ctx.manifest, loaded.slug, hash, options.out));
    if (options.check) {
      result.status = fresh ? 'fresh' : 'stale';
      result.ok = fresh;
      return result;
    }
    if (fresh) {
      result.status = 'skipped';
      result.ok = true;
      result.outputs = (ctx.manifest.briefings[loaded.slug]?.outputs ?? []).map((f) => path.join(options.out, loaded.slug, f));
      return result;
    }
    await ensureDir(options.out).catch((e: NodeJS.ErrnoException) => {
      throw new BriefdeckError(ExitCode.ENVIRONMENT, { message: `cannot create ${options.out}: ${e.code ?? e.message}`, hint: 'choose a writable folder with --out' });
    });
    staging = await makeStaging(options.out, loaded.slug).catch((e: NodeJS.ErrnoException) => {
      throw new BriefdeckError(ExitCode.ENVIRONMENT, { message: `cannot write in ${options.out}: ${e.code ?? e.message}`, hint: 'choose a writable folder with --out' });
    });
    const names = await produce(ctx, loaded, staging.dir, result);
    const target = path.join(options.out, loaded.slug);
    await publish(staging.dir, target);
    ctx.manifest.briefings[loaded.slug] = { file: manifestPath(file), hash, outputs: names, build: ctx.buildKey, inputs };
    result.outputs = names.map((n) => path.join(target, n));
    result.status = 'built';
    result.ok = true;
  } catch (e) {
    // One briefing's failure never stops the others: even a bug is reported against its file.
    const err = isBriefdeckError(e)
      ? e
      : new BriefdeckError(ExitCode.INTERNAL, { file, message: `internal error: ${(e as Error)?.message ?? String(e)}`, hint: 'please report this with the content file; --debug shows the stack' }, { cause: e });
    result.errors = err.diagnostics.map((d) => ({ file, ...d }));
    result.exitCode = err.exitCode;
    result.stack = isBriefdeckError(e) ? undefined : (e as Error)?.stack;
    result.outputs = [];
  } finally {
    slugs.pass(file);
    await staging?.done();
    result.durationMs = performance.now() - started;
  }
  return result;
}

/**
 * One briefing per slug, and a slug's folder always inside --out. Briefings claim their slugs in the
 * order of their files, whatever order they finish loading in: when two files want one slug, the first
 * by path has it and the other fails, the same way on every run and at any --concurrency.
 */
class SlugClaims {
  private readonly owners = new Map<string, string>();
  /** Per file: `after` settles once every file before it has claimed its slug or given up; `pass` gives up its own turn. */
  private readonly turns = new Map<string, { after: Promise<void>; pass: () => void }>();

  constructor(files: string[]) {
    let previous: Promise<void> = Promise.resolve();
    for (const file of files) {
      let pass = () => {};
      const passed = new Promise<void>((resolve) => (pass = resolve));
      this.turns.set(file, { after: previous, pass });
      previous = Promise.all([previous, passed]).then(() => undefined);
    }
  }

  /** Takes `slug` for `file` once the files before it have taken theirs; throws if one of them has it. */
  async claim(file: string, slug: string, out: string): Promise<void> {
    const turn = this.turns.get(file);
    await turn?.after;
    try {
      const other = this.owners.get(slug);
      if (other && other !== file) {
        throw new BriefdeckError(ExitCode.CONTENT, {
          file,
          field: 'slug',
          message: `slug "${slug}" is already used by ${other}`,
          hint: 'give one of them another `slug:`',
        });
      }
      const root = path.resolve(out);
      const target = path.resolve(root, slug);
      if (!isInside(target, root) || target === root) {
        throw new BriefdeckError(ExitCode.CONTENT, { file, field: 'slug', message: 'slug would write outside the output folder' });
      }
      this.owners.set(slug, file);
    } finally {
      turn?.pass();
    }
  }

  /** `file` will claim nothing (it failed before it knew its slug, or is done): later files need not wait. */
  pass(file: string): void {
    this.turns.get(file)?.pass();
  }
}

/** Renders every asked-for output of one briefing into `dir`; returns the file names written. */
async function produce(ctx: Context, loaded: LoadedBriefing, dir: string, result: BriefingResult): Promise<string[]> {
  const { options, templates } = ctx;
  const b = loaded.briefing.marking || !options.defaultMarking ? loaded.briefing : { ...loaded.briefing, marking: options.defaultMarking };
  const theme = b.theme ?? options.theme;
  if (!templates.themes.has(theme)) {
    throw new BriefdeckError(ExitCode.CONTENT, { file: loaded.file, field: 'theme', message: `unknown theme "${theme}"`, hint: `available: ${[...templates.themes.keys()].join(', ')}` });
  }
  const want = new Set(options.formats);
  const [{ buildView }, { renderDeck }, { renderPrint }] = await Promise.all([import('./render/view.js'), import('./render/deck.js'), import('./render/print.js')]);
  const deckView = await resolveImages(buildView(b, loaded.slug, 'markdown'), loaded);
  const meta = {
    title: deckView.plainTitle,
    author: deckView.plainAuthor,
    subject: deckView.plainBluf,
    keywords: ['briefing', ...(deckView.marking ? [deckView.marking.plain] : []), ...deckView.sections.map((s) => s.plainTitle).slice(0, 6)],
    lang: b.lang,
    date: documentDate(b.date),
  };
  const written: string[] = [];
  const write = async (name: string, data: string | Uint8Array) => {
    await writeAtomic(path.join(dir, name), data);
    written.push(name);
  };

  const printView = want.has('print') || want.has('handout') ? await resolveImages(buildView(b, loaded.slug, 'html'), loaded) : undefined;

  // The deck is the longer way through the browser (fitted in passes, then printed), so it goes first:
  // the print briefing, on a page of its own, is rendered once the deck's first pass is on its way.
  const decked = want.has('pdf') || want.has('handout') || want.has('png') || want.has('pptx');
  let deckSent = () => {};
  const deckOnItsWay = new Promise<void>((resolve) => (deckSent = () => setImmediate(resolve)));
  const printed = want.has('print') && printView ? printBriefing() : undefined;
  async function printBriefing(): Promise<void> {
    if (decked) await deckOnItsWay;
    const session = await ctx.browser();
    const html = await renderPrint(printView as NonNullable<typeof printView>, templates, { paper: options.paper, branding: options.branding });
    const { pdf, titles } = await session.withDocument(
      html,
      async (page) => {
        preloadPdfTools();
        return { titles: await headingTitles(page), pdf: await printPage(page, session.timeout, { outline: true }) };
      },
      { width: 794, height: 1123 },
    );
    await write('briefing.pdf', await withMetadata(pdf, meta, { headingTitles: titles, onPages: (n) => (result.pages.print = n) }));
  }

  // Only decks need Marp: a build of print briefings alone never loads it.
  const deckDone = (async () => {
    if (decked) {
      const marp = await ctx.marp();
      // The deck is fitted in the browser; the fitted page is then printed and photographed as it stands.
      const session = await ctx.browser();
      const { fitDeck } = await import('./fit/fit.js');
      const fitted = await fitDeck(
        session,
        (fit) => renderDeck(deckView, templates, marp, { theme, fit, branding: options.branding }),
        async (page, fittedDeck) => ({
          pdf: want.has('pdf') ? await printPage(page, session.timeout) : undefined,
          images: want.has('png') ? await slideImages(page, options.scale ?? 1.5) : undefined,
          // pptx (issue 16): measured from this same fitted page.
          pptx: want.has('pptx') ? await pptxOf(page, deckView, fittedDeck.slides, theme, options.branding, meta.date) : undefined,
        }),
        // The deck is in Chromium and this process waits: render the print briefing, load the PDF tools.
        () => {
          deckSent();
          if (want.has('pdf')) preloadPdfTools();
        },
      );
      const deck = fitted.deck;
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
      result.slides = deck.slides.length;
      if (fitted.result.pdf) {
        const { deckOutline } = await import('./output/outline.js');
        const notes = deck.slides.map((s) => s.notes ?? '');
        const pdf = await withMetadata(fitted.result.pdf, meta, {
          outline: deckOutline(deck.slides),
          notes: options.pdfNotes ? { notes, corner: deckView.dir === 'rtl' ? 'right' : 'left' } : undefined,
        });
        result.pages.deck = deck.slides.length;
        await write('deck.pdf', pdf);
      }
      if (want.has('html')) await write('deck.html', deck.html);
      if (want.has('md')) await write('deck.md', deck.markdown);
      if (fitted.result.pptx) await write('deck.pptx', fitted.result.pptx);
      if (fitted.result.images) {
        for (const [i, png] of fitted.result.images.slides.entries()) await write(`slides/${String(i + 1).padStart(2, '0')}.png`, png);
        await write('og.png', fitted.result.images.og);
      }
      if (want.has('handout') && printView) {
        const { renderHandout, handoutFontCss } = await import('./render/handout.js');
        const { html, css } = await marp.render(deck.markdown);
        const doc = renderHandout({
          marpHtml: html,
          marpCss: css,
          slides: deck.slides,
          view: printView,
          paper: options.paper,
          perPage: options.handoutPerPage ?? 3,
          fontCss: await handoutFontCss(html, deck.slides, printView),
        });
        const pdf = await session.withDocument(doc, (page) => printPage(page, session.timeout), { width: 794, height: 1123 });
        await write('handout.pdf', await withMetadata(pdf, meta));
      }
    } else if (want.has('html') || want.has('md')) {
      const marp = await ctx.marp();
      const deck = await renderDeck(deckView, templates, marp, { theme, branding: options.branding });
      result.slides = deck.slides.length;
      if (want.has('html')) await write('deck.html', deck.html);
      if (want.has('md')) await write('deck.md', deck.markdown);
    }
  })().finally(deckSent);
  // Both finish (or fail) before the staging folder is published or removed.
  const [deckResult, printResult] = await Promise.allSettled([deckDone, printed]);
  for (const r of [deckResult, printResult]) if (r.status === 'rejected') throw r.reason;
  return written.sort();
}

/** One PNG per slide and a link-preview card of the title slide. */
async function slideImages(page: import('puppeteer').Page, scale: number) {
  const { screenshotSlides, ogImage } = await import('./output/images.js');
  return { slides: await screenshotSlides(page, { scale }), og: await ogImage(page) };
}

/** deck.pptx from the fitted deck page (src/formats/deck-pptx.ts). */
async function pptxOf(page: import('puppeteer').Page, view: import('./render/view.js').BriefingView, slides: import('./render/slides.js').Slide[], theme: string, branding: Branding | undefined, date: Date) {
  const { deckPptx } = await import('./formats/deck-pptx.js');
  return (await deckPptx({ page, view, slides, theme, branding, date })).bytes;
}

/** PDF dates: SOURCE_DATE_EPOCH when set (reproducible builds), else the briefing's as-of date. */
function documentDate(asOf: string): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date(`${asOf}T00:00:00Z`);
}


/** Moves the staged files into `target`, replacing what a previous build left there. */
async function publish(staging: string, target: string): Promise<void> {
  await ensureDir(target);
  for (const entry of await readdir(staging, { withFileTypes: true })) {
    const to = path.join(target, entry.name);
    // A folder (slides/) replaces the old one whole: no stale slide images from a longer deck remain.
    if (entry.isDirectory()) await rm(to, { recursive: true, force: true });
    await rename(path.join(staging, entry.name), to);
  }
}
