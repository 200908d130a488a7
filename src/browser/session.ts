// One browser for a whole build: launched on first use, shared by every briefing and output through a
// bounded pool of pages, sandboxed (no network, no file reads), relaunched if it dies, always closed.
// Pages are reused: a new page costs a new renderer (~120 ms, and its first layout is slow), and a
// document whose styles and fonts equal the page's current ones only has its body swapped.
import { createRequire } from 'node:module';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { environmentError } from '../errors.js';
import { findBrowser } from './finder.js';
import { Chromium } from './launch.js';
import { onInterrupt } from '../interrupt.js';

/** How long a browser that failed to start is not tried again. */
const RETRY_START_AFTER_MS = 60_000;

export interface SessionOptions {
  concurrency?: number;
  /** Milliseconds for loading a document and for printing it. */
  timeout?: number;
  executablePath?: string;
  /** A browser already starting (`Chromium.start`), used for the first launch instead of a new one. */
  started?: Chromium;
}

/** Only the document itself and data: URLs may load; everything else is refused. */
function sandbox(page: Page, allowedUrl: () => string | undefined): Promise<void> {
  page.on('request', (req: HTTPRequest) => {
    const url = req.url();
    if (url.startsWith('data:') || url === allowedUrl() || url === 'about:blank') void req.continue();
    else void req.abort('blockedbyclient');
  });
  return page.setRequestInterception(true);
}

/**
 * What decides how a document's body renders: the <html> element and everything in <head> after the
 * title (the styles). The meta before the title (description, author, CSP) differs per briefing and
 * does not change layout. Slices share the document's memory, so this costs no copy.
 */
function styleKey(html: string): string | undefined {
  const body = html.indexOf('<body>');
  const head = html.indexOf('<head>');
  const title = html.indexOf('</title>');
  if (body < 0 || head < 0 || head > body) return undefined;
  const styles = title > head && title < body ? html.slice(title + 8, body) : html.slice(head, body);
  return `${html.slice(0, head)}\u0000${styles}`;
}

/**
 * Runs in the page after its body changed in place: resolves when fonts are ready and every image
 * (an <img>, or a background set in a style attribute, as Marp's `![bg]` images are) is decoded, as
 * a full load would have waited for them.
 */
function settle(): Promise<void> {
  const urls = new Set<string>();
  for (const el of document.querySelectorAll<HTMLElement>('[style*="url("]')) {
    for (const m of el.style.backgroundImage.matchAll(/url\("?([^")]+)"?\)/g)) if (m[1]) urls.add(m[1]);
  }
  const decode = (img: HTMLImageElement) => img.decode().catch(() => undefined);
  const backgrounds = [...urls].map((src) => {
    const img = new Image();
    img.src = src;
    return decode(img);
  });
  return Promise.all([document.fonts.ready, ...[...document.images].map(decode), ...backgrounds]).then(() => undefined);
}

interface Loaded {
  key: string | undefined;
  viewport: string;
}

export class BrowserSession implements AsyncDisposable {
  private browser?: Promise<Browser>;
  /** Open pages not in use, and what each shows. */
  private idle: Page[] = [];
  /** Pages `warm` is still opening: a document takes one of these before opening another. */
  private pending: Promise<Page | undefined>[] = [];
  private readonly loaded = new WeakMap<Page, Loaded>();
  /** Every page open in the current browser, idle or in use. */
  private pages = new Set<Page>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  readonly concurrency: number;
  readonly timeout: number;
  private closed = false;
  private offInterrupt?: () => void;
  /** The running browser's process, and one started early for this session and not yet connected to. */
  private chromium?: Chromium;
  private started?: Chromium;
  /** The last failure to start a browser, and when. */
  private unstartable?: { error: Error; at: number };

  constructor(private readonly options: SessionOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.timeout = options.timeout ?? 60_000;
    this.started = options.started;
  }

  /**
   * Starts the browser now and opens up to `pages` pages, so that the first documents wait for
   * neither (a first page costs ~0.4 s); errors surface on first use.
   */
  warm(pages = 1): void {
    const want = Math.min(pages, this.concurrency) - this.idle.length - this.pending.length;
    if (want <= 0) return;
    const browser = this.launch();
    // The blank tab Chromium starts with becomes the first page.
    const blank = browser.then(async (b) => (await b.pages()).filter((p) => p.url() === 'about:blank' && !this.loaded.has(p)));
    for (let i = 0; i < want; i++) {
      const made: Promise<Page | undefined> = (async () => this.preparePage((await blank)[i] ?? (await browser)))().catch(() => undefined);
      this.pending.push(made);
      void made.then((page) => {
        // Not claimed by a document meanwhile: keep it for the next one.
        const at = this.pending.indexOf(made);
        if (at < 0) return;
        this.pending.splice(at, 1);
        if (page && this.browser && !this.closed) this.idle.push(page);
      });
    }
  }

  private launch(): Promise<Browser> {
    if (this.closed) throw environmentError('the browser session is closed');
    // A browser that would not start will not start for the next document either: fail it at once
    // rather than wait out the timeout a document; try again only a while later (--watch runs on).
    if (this.unstartable && performance.now() - this.unstartable.at < RETRY_START_AFTER_MS) return Promise.reject(this.unstartable.error);
    this.browser ??= (async () => {
      const chromium = this.started ?? Chromium.start(this.options.executablePath ?? findBrowser().executablePath);
      this.started = undefined;
      this.chromium = chromium;
      try {
        // Through require: puppeteer's CommonJS build loads in about two thirds of the time of its ES modules.
        const puppeteer = createRequire(import.meta.url)('puppeteer-core') as typeof import('puppeteer-core').default;
        const browser = await startedWithin(puppeteer.connect({ transport: chromium.transport, defaultViewport: null }), this.timeout, chromium.exited);
        this.offInterrupt ??= onInterrupt(() => this.close());
        const current = this.browser;
        browser.once('disconnected', () => {
          if (this.browser !== current) return;
          this.browser = undefined;
          this.forgetPages();
          void chromium.kill();
        });
        return browser;
      } catch (e) {
        this.browser = undefined;
        // Hung: say so. Otherwise it ended (or is ending) by itself, and says why on stderr.
        const hung = e instanceof NoAnswer;
        await chromium.kill();
        const why = (hung ? undefined : chromium.whyItEnded()) ?? (e as Error).message.split('\n')[0];
        const error = environmentError(`could not start the browser at ${chromium.executablePath}: ${why}`, `check that it runs: ${chromium.executablePath} --headless --version`, e);
        this.unstartable = { error, at: performance.now() };
        throw error;
      }
    })();
    return this.browser;
  }

  private async acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /**
   * Runs `fn` with a page showing `html`. If the browser crashed, it is relaunched and `fn` tried once
   * more. `sent` is called as the document goes down the pipe: work queued there (with setImmediate)
   * runs while Chromium lays it out, not before.
   */
  async withDocument<T>(html: string, fn: (page: Page) => Promise<T>, viewport = { width: 1280, height: 720 }, sent?: () => void): Promise<T> {
    await this.acquire();
    try {
      try {
        return await this.once(html, fn, viewport, sent);
      } catch (e) {
        if (!isCrash(e) && !isTimeout(e)) throw e;
        // A crashed or hung browser: start a fresh one and try this document once more.
        await this.restart();
        try {
          return await this.once(html, fn, viewport, sent);
        } catch (again) {
          if (isCrash(again) || isTimeout(again)) {
            throw environmentError(`the browser ${isTimeout(again) ? 'timed out' : 'crashed'} twice on this briefing: ${(again as Error).message.split('\n')[0]}`, 'raise the timeout with --timeout, or check the machine has memory to spare', again);
          }
          throw again;
        }
      }
    } finally {
      this.release();
    }
  }

  private async once<T>(html: string, fn: (page: Page) => Promise<T>, viewport: { width: number; height: number }, sent?: () => void): Promise<T> {
    const browser = await this.launch();
    // Prefer a page already showing this document's styles: then only the body changes.
    const key = styleKey(html);
    const match = this.idle.findIndex((p) => this.loaded.get(p)?.key === key);
    // Else a page that has shown nothing yet (warm made it ready); else open another while there are
    // fewer than two per slot (a deck and a print briefing take turns otherwise, each reloading its
    // fonts), else take the longest idle.
    const blank = this.idle.findIndex((p) => this.loaded.get(p)?.key === undefined);
    const page =
      (match >= 0 ? this.idle.splice(match, 1)[0] : undefined) ??
      (blank >= 0 ? this.idle.splice(blank, 1)[0] : undefined) ??
      (await this.pending.shift()) ??
      (this.pages.size < this.concurrency * 2 ? undefined : this.idle.shift()) ??
      (await this.preparePage(browser));
    let reusable = false;
    try {
      const size = `${viewport.width}x${viewport.height}`;
      const state = this.loaded.get(page);
      if (state && state.viewport !== size) {
        await page.setViewport(viewport);
        state.viewport = size;
      }
      const shown = this.show(page, html, key);
      sent?.();
      await shown;
      const result = await fn(page);
      reusable = true;
      return result;
    } finally {
      // A page that failed (timeout, crash, bad document) is not trusted again.
      if (reusable && !this.closed && this.browser && !page.isClosed()) this.idle.push(page);
      else {
        this.pages.delete(page);
        await page.close().catch(() => undefined);
      }
    }
  }

  /** A page (new, or the one given) that runs no scripts, loads nothing from outside and has a 1280x720 viewport. */
  private async preparePage(from: Browser | Page): Promise<Page> {
    const page = 'newPage' in from ? await from.newPage() : from;
    this.pages.add(page);
    this.loaded.set(page, { key: undefined, viewport: '1280x720' });
    page.setDefaultTimeout(this.timeout);
    await page.setViewport({ width: 1280, height: 720 });
    await page.setJavaScriptEnabled(false);
    await sandbox(page, () => undefined);
    return page;
  }

  /**
   * Shows `html` in `page` with its fonts ready. When the page already shows a document with the
   * same styles, only the body (and title) change: no style parsing, no font decoding, ~3x faster.
   */
  async show(page: Page, html: string, key = styleKey(html)): Promise<void> {
    const state = this.loaded.get(page);
    const bodyAt = html.indexOf('<body>');
    const bodyEnd = html.lastIndexOf('</body>');
    if (state && key !== undefined && state.key === key && bodyEnd > bodyAt) {
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      await page.evaluate(
        (body: string, titleHtml: string) => {
          const t = document.createElement('textarea');
          t.innerHTML = titleHtml;
          document.title = t.value;
          document.body.innerHTML = body;
        },
        // Pages here run no scripts: the deck's viewer (a third of its body) need not cross the pipe.
        html.slice(bodyAt + 6, bodyEnd).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ''),
        title,
      );
      await page.evaluate(settle);
      return;
    }
    if (state) state.key = undefined;
    await page.setContent(html, { waitUntil: 'load', timeout: this.timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (state) state.key = key;
  }

  /** Forgets the pages of a browser that is gone or going. */
  private forgetPages(): void {
    this.idle = [];
    this.pending = [];
    this.pages = new Set();
  }

  /** Kills the current browser (if any) so the next page launches a new one. */
  private async restart(): Promise<void> {
    const dead = this.chromium;
    this.chromium = undefined;
    this.browser = undefined;
    this.forgetPages();
    await dead?.kill();
  }

  /** Ends the browser: killed, not shut down in order, which a throwaway profile does not need. */
  async close(): Promise<void> {
    this.closed = true;
    this.offInterrupt?.();
    const starting = this.browser;
    const ending = [this.chromium, this.started];
    this.browser = this.chromium = this.started = undefined;
    this.forgetPages();
    await Promise.all(ending.map((c) => c?.kill()));
    await starting?.catch(() => undefined);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

class NoAnswer extends Error {}

/** `promise`, or a rejection once `ms` have passed or the browser has exited first. */
function startedWithin<T>(promise: Promise<T>, ms: number, exited: Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(`no answer in ${ms / 1000} s`)), ms);
    void exited.then(() => reject(new Error('it exited as it started')));
  });
  return Promise.race([promise, failed]).finally(() => clearTimeout(timer));
}

function isTimeout(e: unknown): boolean {
  return (e as Error)?.name === 'TimeoutError';
}

function isCrash(e: unknown): boolean {
  const m = (e as Error)?.message ?? '';
  return /Target closed|Session closed|Protocol error|browser has disconnected|Connection closed|Navigating frame was detached/i.test(m);
}
