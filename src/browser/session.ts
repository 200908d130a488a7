// One browser for a whole build, shared by every briefing and output through a bounded number of
// slots: its life and relaunch are life.ts's, its reused pages pool.ts's, its sandbox sandbox.ts's.
// Here: a document gets a slot and a page, every call on it is bounded by the timeout and by the
// page's renderer crashing, and a document that met a crash or a hang is tried once more.
import type { Page } from 'puppeteer-core';
import { environmentError } from '../errors.js';
import { DocumentTimeout, UndecodableImages } from './faults.js';
import type { Chromium } from './launch.js';
import { BrowserLife } from './life.js';
import { PagePool, styleKey } from './pool.js';
import { DEFAULT_VIEWPORT } from './sandbox.js';
import { chromium } from '../util/profile.js';

export { DocumentTimeout, UndecodableImages } from './faults.js';

export interface SessionOptions {
  concurrency?: number;
  /** Milliseconds for loading a document and for printing it, and for any one browser call. */
  timeout?: number;
  executablePath?: string;
  /** A browser already starting (`Chromium.start`), used for the first launch instead of a new one. */
  started?: Chromium;
}

/** The renderer showing a page died under it. */
class PageCrashed extends Error {}

export class BrowserSession implements AsyncDisposable {
  private readonly life: BrowserLife;
  private readonly pool: PagePool;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  readonly concurrency: number;
  readonly timeout: number;

  constructor(options: SessionOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.timeout = options.timeout ?? 60_000;
    this.pool = new PagePool(this.timeout, this.concurrency * 2);
    this.life = new BrowserLife({ timeout: this.timeout, executablePath: options.executablePath, started: options.started, onGone: () => this.pool.forget() });
  }

  /**
   * Starts the browser now and opens up to `pages` pages, so that the first documents wait for
   * neither (a first page costs ~0.4 s), each showing `primer` meanwhile (pool.ts); errors surface on
   * first use.
   */
  warm(pages = 1, primer?: Promise<string | undefined>): void {
    if (this.life.isClosed) throw environmentError('the browser session is closed');
    const live = this.life.get();
    live.catch(() => undefined);
    this.pool.warm(live, Math.min(pages, this.concurrency), primer);
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
   * Runs `fn` with a page showing `html`. If the browser or the page's renderer crashed, or a call
   * timed out, the browser is relaunched (once, for every document that saw it go) and `fn` tried
   * once more. `sent` is called as the document goes down the pipe: work queued there (with
   * setImmediate) runs while Chromium lays it out, not before.
   */
  async withDocument<T>(html: string, fn: (page: Page) => Promise<T>, viewport = DEFAULT_VIEWPORT, sent?: () => void): Promise<T> {
    await this.acquire();
    try {
      for (let attempt = 1; ; attempt++) {
        const generation = this.life.now;
        try {
          return await this.once(html, fn, viewport, attempt === 1 ? sent : undefined);
        } catch (e) {
          const fault = isTimeout(e) ? 'timeout' : isCrash(e) ? 'crash' : undefined;
          if (!fault || this.life.isClosed) throw e;
          if (attempt >= 2) {
            if (fault === 'timeout') throw new DocumentTimeout(this.timeout / 1000, e);
            throw environmentError(`the browser crashed twice on this briefing: ${(e as Error).message.split('\n')[0]}`, 'check the machine has memory to spare', e);
          }
          // A dead browser is relaunched once for all the documents that saw it die; a crashed
          // renderer or a hung page only loses its page (discarded in `once`).
          if (fault === 'crash' && !(e instanceof PageCrashed)) await this.life.relaunch(generation);
        }
      }
    } finally {
      this.release();
    }
  }

  private async once<T>(html: string, fn: (page: Page) => Promise<T>, viewport: { width: number; height: number }, sent?: () => void): Promise<T> {
    const live = await this.life.get();
    const key = styleKey(html);
    const page = await this.pool.take(live, key);
    let good = false;
    try {
      const result = await whileAlive(page, async () => {
        await chromium('viewport', () => this.pool.fit(page, viewport), page);
        const shown = chromium('load', () => this.pool.show(page, html, key), page);
        sent?.();
        const failed = await shown;
        if (failed.length) throw new UndecodableImages(failed);
        return fn(page);
      });
      good = true;
      return result;
    } finally {
      if (good && !this.life.isClosed) this.pool.give(page, live.generation);
      // A page that will not close in a few seconds has a renderer that will not stop: end the browser.
      else if (!(await this.pool.discard(page, Math.min(this.timeout, 5000)))) await this.life.relaunch(live.generation);
    }
  }

  /** Shows `html` in `page` (one this session handed to a `withDocument` callback). */
  async show(page: Page, html: string): Promise<void> {
    const failed = await chromium('load', () => this.pool.show(page, html), page);
    if (failed.length) throw new UndecodableImages(failed);
  }

  async close(): Promise<void> {
    await this.life.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** `work`, or a rejection as soon as the page's renderer crashes or the page closes under it. */
function whileAlive<T>(page: Page, work: () => Promise<T>): Promise<T> {
  let off = () => undefined as void;
  const died = new Promise<never>((_, reject) => {
    const crashed = () => reject(new PageCrashed('the page crashed (its renderer died)'));
    const closed = () => reject(new PageCrashed('the page closed'));
    // on/off, not once: puppeteer's once() wraps the handler, and off() with the handler then removes
    // nothing, so every document shown in a long-lived page left two listeners holding its result
    // (the deck's HTML, the PDF) until the page closed: 1.6 MB a briefing.
    page.on('error', crashed);
    page.on('close', closed);
    off = () => {
      page.off('error', crashed);
      page.off('close', closed);
    };
  });
  died.catch(() => undefined);
  return Promise.race([work(), died]).finally(off);
}

function isTimeout(e: unknown): boolean {
  const err = e as Error;
  return err?.name === 'TimeoutError' || (err?.name === 'ProtocolError' && /timed out/i.test(err.message));
}

function isCrash(e: unknown): boolean {
  if (e instanceof PageCrashed) return true;
  const m = (e as Error)?.message ?? '';
  return /Target closed|Session closed|Protocol error|browser has disconnected|Connection closed|Navigating frame was detached|detached Frame|crashed/i.test(m);
}
