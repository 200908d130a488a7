// The build's services: the one browser and the one Marp engine (or thread), started early when a
// build will surely need them, shared by every briefing, and ended on every path (`await using`).
// The only place that knows about ordering: what starts early, what waits for the deck, what preloads.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { findBrowser } from '../browser/finder.js';
import { Chromium } from '../browser/launch.js';
import type { BrowserSession } from '../browser/session.js';
import { formatsFrom, needsOf } from '../formats/registry.js';
import type { FormatServices } from '../formats/types.js';
import { MANIFEST_NAME } from '../output/manifest.js';
import type { MarpRenderer } from '../render/marp.js';
import { MarpThread, sameThemes } from '../render/marp-thread.js';

export interface ServiceSettings {
  concurrency: number;
  timeoutMs?: number;
  executablePath?: string;
}

/** What `early` looks at: the command line as given, before the config is read. */
export interface EarlyArgs {
  format: readonly string[];
  out: string;
  force: boolean;
  check: boolean;
  watch: boolean;
  fit?: boolean;
}

export class BuildServices implements AsyncDisposable {
  private settings: ServiceSettings = { concurrency: 2 };
  private session?: Promise<BrowserSession>;
  private engine?: Promise<MarpRenderer>;
  private themes: string[] = [];
  private warmed = false;
  private front: Promise<void> = Promise.resolve();

  /**
   * @param borrowed a session kept warm by the caller (watch mode, tests): used, never closed here.
   * @param early a browser and a Marp thread started before the build knew its options.
   */
  constructor(
    private readonly borrowed?: BrowserSession,
    private readonly early: { browser?: Chromium; marp?: MarpThread } = {},
  ) {}

  /**
   * Starts Chromium (~0.3 s to boot) and a thread that loads Marp (~0.25 s) as the first thing the CLI
   * does, when the build will surely need them: not for --check, --watch (which keeps its own), formats
   * without decks or PDFs, or an output folder with a manifest (its briefings may all be unchanged).
   * Anything unusual (an unknown format, no browser installed) is left for the build to report.
   */
  static early(args: EarlyArgs): BuildServices {
    let formats;
    try {
      formats = formatsFrom(args.format);
    } catch {
      return new BuildServices();
    }
    if (args.check || args.watch || (!args.force && existsSync(path.join(args.out, MANIFEST_NAME)))) return new BuildServices();
    const needs = needsOf(formats, args.fit ?? true);
    let browser: Chromium | undefined;
    try {
      if (needs.browser) browser = Chromium.start(findBrowser().executablePath);
    } catch {
      // No browser: the build says so, in its words.
    }
    return new BuildServices(undefined, { browser, marp: needs.marp ? MarpThread.start() : undefined });
  }

  /** The caller's services (started early, ended by the caller), or new ones that the holder ends. */
  static hold(given: BuildServices | undefined, session?: BrowserSession): { services: BuildServices } & AsyncDisposable {
    const services = given ?? new BuildServices(session);
    return { services, [Symbol.asyncDispose]: () => (given ? Promise.resolve() : services[Symbol.asyncDispose]()) };
  }

  /** The build's settings and theme set; the Marp thread (if any) makes its engine while the build reads content. */
  configure(settings: ServiceSettings, themes: string[]): this {
    // Services kept for a session (preview) see a build per save: a changed theme set gets a new
    // engine, and every build warms the browser again (it may have been relaunched since).
    if (this.engine && !sameThemes(this.themes, themes) && !this.early.marp) this.engine = undefined;
    this.settings = settings;
    this.themes = themes;
    this.warmed = false;
    this.early.marp?.useThemes(themes);
    return this;
  }

  /** The one Marp engine of the build, made on first need (importing marp-core costs ~0.2 s). */
  marp(): Promise<MarpRenderer> {
    const thread = this.early.marp;
    return (this.engine ??= thread ? Promise.resolve(thread) : import('../render/marp.js').then(({ MarpEngine }) => new MarpEngine(this.themes)));
  }

  /** Puppeteer loads only when a browser is needed; the one session is shared by every briefing. */
  browser(): Promise<BrowserSession> {
    if (this.borrowed) return Promise.resolve(this.borrowed);
    const { concurrency, executablePath, timeoutMs } = this.settings;
    return (this.session ??= import('../browser/session.js').then(
      ({ BrowserSession }) => new BrowserSession({ concurrency, executablePath, timeout: timeoutMs, started: this.early.browser }),
    ));
  }

  /** Starts Chromium and its pages while the first briefing to build still loads and renders. */
  warm(pages: number): void {
    if (this.warmed) return;
    this.warmed = true;
    // The pages show the fonts' primer while the first briefing loads (render/fonts.ts).
    const primer = import('../render/fonts.js').then((m) => m.fontPrimer());
    primer.catch(() => undefined);
    void this.browser().then((s) => s.warm(Math.min(pages, this.settings.concurrency), primer)).catch(() => undefined);
  }

  /** One page capture at a time across the build (full Chromium draws only the tab in front). */
  inFront<T>(fn: () => Promise<T>): Promise<T> {
    const turn = this.front.then(fn);
    this.front = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /**
   * The services one briefing's formats see. The deck is the longer way through the browser (fitted in
   * passes, then printed), so it goes first: a format with a page of its own (the print briefing) gets
   * it once the deck's first pass is on its way. While Chromium lays a document out, this process
   * loads the PDF tools, if a PDF will be made.
   */
  forBriefing(plan: { deck: boolean; pdf: boolean }): BriefingServices {
    let sent = () => {};
    const deckSent = plan.deck ? new Promise<void>((resolve) => (sent = () => setImmediate(resolve))) : Promise.resolve();
    const preload = plan.pdf ? () => import('../output/pdf.js').then((m) => m.preloadPdfTools()) : () => undefined;
    const formats: FormatServices = {
      withPage: async <T>(html: string, viewport: { width: number; height: number }, fn: (page: Page, session: BrowserSession) => Promise<T>) => {
        await deckSent;
        const session = await this.browser();
        return session.withDocument(html, (page) => fn(page, session), viewport, preload);
      },
      marp: () => this.marp(),
      inFront: (fn) => this.inFront(fn),
      timeout: this.settings.timeoutMs ?? 60_000,
    };
    return {
      formats,
      deckSent: () => {
        sent();
        void preload();
      },
      deckDone: () => sent(),
    };
  }

  async [Symbol.asyncDispose](): Promise<void> {
    // The session may still be starting (Chromium is launched early): wait for it, then close it.
    const session = await this.session?.catch(() => undefined);
    await Promise.all([session?.close(), this.early.browser?.kill(), this.early.marp?.close()]);
  }
}

export interface BriefingServices {
  formats: FormatServices;
  /** The deck's first rendering is on its way to the browser. */
  deckSent: () => void;
  /** The deck is done (or failed): nothing waits for it any more. */
  deckDone: () => void;
}
