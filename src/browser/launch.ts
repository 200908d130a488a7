// Starts Chromium with the DevTools protocol on a pipe, without loading puppeteer (~0.1 s of the main
// thread): a build can start the browser as its first step, so that Chromium boots while the build
// loads its modules and renders the first briefing. puppeteer connects to it later (session.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionTransport } from 'puppeteer-core';
import { isHeadlessShell } from './finder.js';
import { onInterrupt } from '../interrupt.js';
import { collectProfiles, PROFILE_PREFIX } from './profiles.js';
import { processGroup } from '../util/profile.js';

/**
 * Ours, beyond puppeteer's (which already turn off background networking, sync, extensions, the first
 * run and /dev/shm): no component updates, no QUIC, no GPU, fonts drawn as designed.
 */
export const CHROMIUM_ARGS = ['--disable-component-update', '--disable-quic', '--disable-gpu', '--font-render-hinting=none'];

/**
 * The switches puppeteer.launch() passes (puppeteer's `defaultArgs()`, kept in step with the installed
 * puppeteer by a unit test), ours after them. Among them: tagged PDFs, document outlines, sRGB colours.
 */
const PUPPETEER_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
];

/** The command line, as puppeteer.launch() would make it for `executablePath`, without the profile and pipe. */
export function chromiumArgs(executablePath: string): string[] {
  const headless = isHeadlessShell(executablePath) ? '--headless' : '--headless=new';
  const args = [...PUPPETEER_ARGS, headless, '--hide-scrollbars', '--mute-audio', '--disable-extensions', 'about:blank', ...CHROMIUM_ARGS];
  // Chromium's sandbox refuses to run as root (and in most containers CI runs in).
  if (process.getuid?.() === 0 || process.env.CI) args.push('--no-sandbox');
  return args;
}

/** The DevTools protocol over Chromium's fds 3 (its input) and 4 (its output): messages end with NUL. */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  private pending: Buffer[] = [];
  private closed = false;
  private closeHandler?: () => void;

  /** Told when the pipe closes; told at once if it closed before anyone listened (a browser that did not start). */
  get onclose(): (() => void) | undefined {
    return this.closeHandler;
  }

  set onclose(fn: (() => void) | undefined) {
    this.closeHandler = fn;
    if (this.closed && fn) setImmediate(fn);
  }

  constructor(
    private readonly input: NodeJS.WritableStream,
    output: NodeJS.ReadableStream,
  ) {
    output.on('data', (chunk: Buffer) => this.receive(chunk));
    output.on('close', () => this.end());
    output.on('error', () => undefined);
    input.on('error', () => undefined);
  }

  send(message: string): void {
    if (this.closed) return;
    this.input.write(`${message}\0`);
  }

  close(): void {
    this.end();
  }

  private receive(chunk: Buffer): void {
    if (chunk.indexOf(0) < 0) {
      this.pending.push(chunk);
      return;
    }
    const data = this.pending.length ? Buffer.concat([...this.pending, chunk]) : chunk;
    this.pending = [];
    let start = 0;
    for (let end = data.indexOf(0); end >= 0; end = data.indexOf(0, start)) {
      const message = data.toString('utf8', start, end);
      // As puppeteer's own transport does: one message a turn, so a handler never runs inside another.
      setImmediate(() => this.onmessage?.(message));
      start = end + 1;
    }
    if (start < data.length) this.pending.push(data.subarray(start));
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    setImmediate(() => this.closeHandler?.());
  }
}

/** A running Chromium, its protocol pipe and its throwaway profile. */
export class Chromium {
  readonly transport: PipeTransport;
  /** Resolves once the process has exited (for whatever reason). */
  readonly exited: Promise<void>;
  private stderrTail = '';
  private ended = false;
  /** Not started at all (no such file, not executable). */
  private failed = false;
  private readonly offInterrupt: () => void;

  private constructor(
    readonly executablePath: string,
    private readonly process: ChildProcess,
    profile: string,
  ) {
    const [, , stderr, input, output] = process.stdio as [null, null, NodeJS.ReadableStream, NodeJS.WritableStream, NodeJS.ReadableStream];
    this.transport = new PipeTransport(input, output);
    stderr.on('data', (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString()).slice(-2000)));
    this.exited = new Promise((resolve) => {
      process.once('exit', () => resolve());
      process.once('error', (e) => {
        this.failed = true;
        this.stderrTail += `\n${(e as Error).message}`;
        resolve();
      });
    });
    void this.exited.then(() => {
      // The process we started may be a wrapper script (Debian's is) around the browser, which then
      // lives on with the pipe open: its whole group goes, and the connection is closed.
      this.killGroup();
      this.ended = true;
      this.transport.close();
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // A temporary folder the system clears in time.
      }
    });
    this.offInterrupt = onInterrupt(() => this.kill());
  }

  /** Starts `executablePath` with a fresh profile; failures to start surface when puppeteer connects. */
  static start(executablePath: string): Chromium {
    // Profiles that killed builds left behind go first; ours carries our pid, for the builds after us.
    collectProfiles();
    const profile = mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    const child = spawn(executablePath, [...chromiumArgs(executablePath), '--remote-debugging-pipe', `--user-data-dir=${profile}`], {
      // Its own process group, as puppeteer does: Ctrl-C reaches us, and we end the browser.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      // Its temporary files (.org.chromium.Chromium.*) in the profile, removed with it: a browser killed
      // outright cannot remove them itself, and they stayed in the system's temporary folder.
      env: process.platform === 'win32' ? process.env : { ...process.env, TMPDIR: profile },
    });
    return new Chromium(executablePath, child, profile);
  }

  /**
   * Why the process ended, in its own words, if it has: the loader's or the wrapper's message (as in
   * "error while loading shared libraries") before Chromium's own log lines ("[pid:…:ERROR:…]").
   */
  whyItEnded(): string | undefined {
    if (this.process.exitCode === null && this.process.signalCode === null && !this.failed) return undefined;
    const lines = this.stderrTail.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.find((l) => !l.startsWith('[')) ?? lines.at(-1) ?? `it exited (${this.process.exitCode ?? this.process.signalCode})`;
  }

  /** Ends the browser and its helper processes at once (a throwaway profile needs no orderly shutdown). */
  async kill(): Promise<void> {
    this.offInterrupt();
    this.killGroup();
    await this.exited;
  }

  /** Once the process has exited and its group was ended, its id may in time be another's: never again. */
  private killGroup(): void {
    const pid = this.process.pid;
    if (pid === undefined || this.ended) return;
    processGroup('chromium', pid);
    try {
      if (process.platform === 'win32') this.process.kill('SIGKILL');
      else process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
