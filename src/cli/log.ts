// The one logger: people read stderr, data goes to stdout; colour only on a terminal without NO_COLOR.
import type { Writable } from 'node:stream';

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
    this.io.stderr.write(`\r\u001b[2K${text.slice(0, width)}`);
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
    if (this.level !== 'quiet') this.io.stderr.write(`${msg}\n`);
  }
  verbose(msg: string): void {
    if (this.level === 'verbose') this.io.stderr.write(`${this.dim(msg)}\n`);
  }
  warn(msg: string): void {
    if (this.level !== 'quiet') this.io.stderr.write(`${this.yellow('warning')} ${msg}\n`);
  }
  error(msg: string): void {
    this.io.stderr.write(`${this.red('error')} ${msg}\n`);
  }
  data(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
