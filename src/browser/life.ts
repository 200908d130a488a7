// The browser's life: launched on first use, relaunched once (single-flight) when it dies, whatever
// the number of pages that saw it die, and always ended. Each launch is a numbered generation: a page
// that failed in generation g asks for a relaunch of g, and a browser already newer is left alone.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { environmentError } from '../errors.js';
import { findBrowser } from './finder.js';
import { Chromium } from './launch.js';
import { onInterrupt } from '../interrupt.js';

/** How long a browser that failed to start is not tried again. */
const RETRY_START_AFTER_MS = 60_000;

/** A connected browser and the generation it belongs to. */
export interface Live {
  browser: Browser;
  generation: number;
}

export interface LifeOptions {
  /** Milliseconds to start, and for every protocol call (puppeteer's protocolTimeout). */
  timeout: number;
  executablePath?: string;
  /** A browser already starting (`Chromium.start`), used for the first launch instead of a new one. */
  started?: Chromium;
  /** Told when a generation's browser is gone (died or ended), so its pages are forgotten. */
  onGone: (generation: number) => void;
}

export class BrowserLife {
  private current?: Promise<Live>;
  private generation = 0;
  private chromium?: Chromium;
  private started?: Chromium;
  private closed = false;
  private offInterrupt?: () => void;
  /** The last failure to start a browser, and when. */
  private unstartable?: { error: Error; at: number };

  constructor(private readonly options: LifeOptions) {
    this.started = options.started;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The generation now running or starting (0 before the first launch). */
  get now(): number {
    return this.generation;
  }

  /** The running browser, launched if there is none; every caller shares one launch. */
  get(): Promise<Live> {
    if (this.closed) return Promise.reject(environmentError('the browser session is closed'));
    // A browser that would not start will not start for the next document either: fail it at once
    // rather than wait out the timeout a document; try again only a while later (--watch runs on).
    if (this.unstartable && performance.now() - this.unstartable.at < RETRY_START_AFTER_MS) return Promise.reject(this.unstartable.error);
    this.current ??= this.launch(++this.generation);
    return this.current;
  }

  private async launch(generation: number): Promise<Live> {
    const chromium = this.started ?? Chromium.start(this.options.executablePath ?? findBrowser().executablePath);
    this.started = undefined;
    this.chromium = chromium;
    const timeout = this.options.timeout;
    try {
      const connecting = connectCdp(chromium.transport, timeout);
      const browser = await startedWithin(connecting, timeout, chromium.exited);
      this.offInterrupt ??= onInterrupt(() => this.close());
      browser.once('disconnected', () => this.gone(generation));
      if (this.closed || generation !== this.generation) throw new Error('ended as it started');
      return { browser, generation };
    } catch (e) {
      const ours = this.closed || generation !== this.generation;
      if (!ours) this.current = undefined;
      // Hung: say so. Otherwise it ended (or is ending) by itself, and says why on stderr.
      const hung = e instanceof NoAnswer;
      await chromium.kill();
      if (ours) throw environmentError('the browser session is closed', undefined, e);
      const why = (hung ? undefined : chromium.whyItEnded()) ?? (e as Error).message.split('\n')[0];
      const error = environmentError(`could not start the browser at ${chromium.executablePath}: ${why}`, `check that it runs: ${chromium.executablePath} --headless --version`, e);
      this.unstartable = { error, at: performance.now() };
      throw error;
    }
  }

  /** Generation `generation`'s browser is gone: forget it, so that the next `get` launches another. */
  private gone(generation: number): void {
    if (generation !== this.generation || !this.current) return;
    this.current = undefined;
    const dead = this.chromium;
    this.chromium = undefined;
    this.options.onGone(generation);
    void dead?.kill();
  }

  /**
   * Ends generation `generation` (a page saw it crash or hang) unless a newer one already replaced
   * it: ten pages that saw one death make one relaunch, and none kills the browser just relaunched.
   */
  async relaunch(generation: number): Promise<void> {
    if (generation !== this.generation || !this.current) return;
    const dead = this.chromium;
    this.gone(generation);
    await dead?.kill();
  }

  /** Ends the browser: killed, not shut down in order, which a throwaway profile does not need. */
  async close(): Promise<void> {
    this.closed = true;
    this.offInterrupt?.();
    const starting = this.current;
    const ending = [this.chromium, this.started];
    this.current = this.chromium = this.started = undefined;
    this.options.onGone(this.generation);
    await Promise.all(ending.map((c) => c?.kill()));
    await starting?.catch(() => undefined);
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

type Transport = import('puppeteer-core').ConnectionTransport;
type ConnectCdp = (transport: Transport, url: string, options: { defaultViewport: null; protocolTimeout: number }) => Promise<Browser>;

/**
 * puppeteer's DevTools-protocol connection alone, over the pipe to the browser briefdeck started: 99 of
 * the 215 modules its main module loads (which also loads the browser downloader, semver, WebSockets and
 * proxy support, none of them used here), ~60 ms less of a cold build's main thread before the first
 * document can go. Through its `internal/` exports as this version has them, with the Node environment
 * its main module sets (fs and path, for options that name files); should a later version differ, its
 * main module's connect. Through require: its CommonJS build loads faster than its ES modules.
 */
function connectCdp(transport: Transport, protocolTimeout: number): Promise<Browser> {
  const require = createRequire(import.meta.url);
  let connect: ConnectCdp | undefined;
  try {
    const { _connectToCdpBrowser } = require('puppeteer-core/internal/cdp/BrowserConnector.js') as { _connectToCdpBrowser?: ConnectCdp };
    const { environment } = require('puppeteer-core/internal/environment.js') as { environment?: { value: Record<string, unknown> } };
    if (typeof _connectToCdpBrowser === 'function' && environment?.value) {
      try {
        void environment.value.fs;
      } catch {
        environment.value = { fs, path, get ScreenRecorder(): never { throw new Error('screencasts are not available here'); } };
      }
      connect = _connectToCdpBrowser;
    }
  } catch {
    connect = undefined;
  }
  if (connect) return connect(transport, '', { defaultViewport: null, protocolTimeout });
  const puppeteer = require('puppeteer-core') as typeof import('puppeteer-core').default;
  return puppeteer.connect({ transport, defaultViewport: null, protocolTimeout });
}
