// The one logger: people read stderr, data goes to stdout; colour only on a terminal without NO_COLOR.
import type { Writable } from 'node:stream';
import { safeMessage } from '../text-safety.js';

/** The logger's own colours: the only escape sequences that reach a terminal. */
const OWN_COLOURS = /\\x1B(\[(?:0|1|2|31|32|33)m)/g;

export interface Io {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export type Level = 'quiet' | 'normal' | 'verbose';

export class Logger {
  readonly color: boolean;
  /** A terminal a person watches (not CI): live progress is drawn. */
  readonly interactive: boolean;
  constructor(
    private readonly io: Io,
    readonly level: Level = 'normal',
  ) {
    this.color = io.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
    this.interactive = io.isTTY && !io.env.CI && io.env.TERM !== 'dumb';
  }

  /** Replaces the live status line (terminal only). */
  status(text: string): void {
    if (!this.interactive) return;
    const width = Math.max(20, ((this.io.stderr as { columns?: number }).columns ?? 80) - 1);
    this.io.stderr.write(`\r\u001b[2K${this.clean(text).slice(0, width)}`);
  }
  /**
   * What reaches stderr: control characters in user text (a title, a path) escaped, long values
   * shortened; only the logger's own colour codes stay, and only when colour is on.
   */
  private clean(text: string): string {
    const safe = safeMessage(text, true);
    return this.color ? safe.replace(OWN_COLOURS, '\u001b$1') : safe;
  }
  private paint(code: number, s: string): string {
    return this.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  }
  green = (s: string) => this.paint(32, s);
  red = (s: string) => this.paint(31, s);
  yellow = (s: string) => this.paint(33, s);
  dim = (s: string) => this.paint(2, s);
  bold = (s: string) => this.paint(1, s);

  info(msg: string): void {
    if (this.level !== 'quiet') this.io.stderr.write(`${this.clean(msg)}\n`);
  }
  verbose(msg: string): void {
    if (this.level === 'verbose') this.io.stderr.write(`${this.clean(this.dim(msg))}\n`);
  }
  warn(msg: string): void {
    if (this.level !== 'quiet') this.io.stderr.write(`${this.clean(`${this.yellow('warning')} ${msg}`)}\n`);
  }
  error(msg: string): void {
    this.io.stderr.write(`${this.clean(`${this.red('error')} ${msg}`)}\n`);
  }
  data(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
