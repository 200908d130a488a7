// Build progress: on a terminal, one live status line with an ETA; elsewhere (CI, pipes) nothing but
// the one line per briefing that the build report prints.
import type { Logger } from './log.js';
import type { BriefingResult } from '../build.js';

export class Progress {
  private total = 0;
  private finished = 0;
  private readonly running = new Set<string>();
  private readonly started = performance.now();
  private readonly live: boolean;
  private drawn = false;

  constructor(private readonly log: Logger) {
    this.live = log.interactive && log.level !== 'quiet';
  }

  start(file: string, total: number): void {
    this.total = total;
    this.running.add(file);
    this.draw();
  }

  /** Clears the status line, lets `print` write the briefing's lines, then redraws. */
  done(r: BriefingResult, print: () => void): void {
    this.running.delete(r.file);
    this.finished++;
    this.clear();
    print();
    this.draw();
  }

  end(): void {
    this.clear();
  }

  private clear(): void {
    if (this.drawn) this.log.status('');
    this.drawn = false;
  }

  private draw(): void {
    if (!this.live || !this.total) return;
    const elapsed = (performance.now() - this.started) / 1000;
    const eta = this.finished ? Math.max(0, (elapsed / this.finished) * (this.total - this.finished)) : undefined;
    const names = [...this.running].map((f) => f.split('/').pop()).join(', ');
    const bar = `[${this.finished}/${this.total}]`;
    this.log.status(`${bar} ${names}${eta !== undefined ? `  ETA ${eta.toFixed(0)}s` : ''}`);
    this.drawn = true;
  }
}
