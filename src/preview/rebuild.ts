// Rebuilds what a change touches, one build at a time, with the session's services (its warm browser
// and Marp engine); records results for the pages.
import path from 'node:path';
import { build, type BriefingResult, type BuildOptions, type Format } from '../build.js';
import type { BuildServices } from '../pipeline/services.js';
import { isBriefdeckError, type Diagnostic } from '../errors.js';
import type { Changes } from '../watch/watcher.js';
import type { PreviewState } from './state.js';

export interface RebuildOptions {
  /** The build options; called again when the config may have changed. */
  options: () => Promise<BuildOptions>;
  /** The preview's services, one for the whole session: every rebuild uses them, none ends them. */
  services: BuildServices;
  state: PreviewState;
  /** After a save's decks are built, before its PDFs are: the deck pages may reload. */
  onDecks?: () => void;
  /** After each build, with what it did. */
  onBuilt: (report: { why: string; results: BriefingResult[]; problem: Diagnostic[]; durationMs: number }) => void;
}

export class Rebuilder {
  private options: BuildOptions | undefined;
  private pending: Changes | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly o: RebuildOptions) {}

  /** The first build: every briefing. */
  async initial(): Promise<void> {
    await this.run(undefined, 'initial build', true);
  }

  /** Queues `c`; changes that arrive during a build are merged and built after it. */
  change(c: Changes): Promise<void> {
    this.pending = this.pending
      ? {
          files: [...new Set([...this.pending.files, ...c.files])],
          removed: [...new Set([...this.pending.removed.filter((f) => !c.files.includes(f) || c.removed.includes(f)), ...c.removed])],
          everything: c.everything ?? this.pending.everything,
        }
      : c;
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Settles when no build is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (let c = this.take(); c; c = this.take()) {
      if (c.removed.length) this.o.state.remove(c.removed);
      const files = c.files.filter((f) => !c.removed.includes(f));
      if (c.everything) await this.run(undefined, c.everything, true);
      else if (files.length) await this.run(files, `changed: ${files.join(', ')}`, false);
      else this.o.onBuilt({ why: `removed: ${c.removed.join(', ')}`, results: [], problem: this.o.state.problem, durationMs: 0 });
    }
  }

  /** Whether a queued change will build `file` again. */
  private superseded(file: string): boolean {
    const p = this.pending;
    return Boolean(p && (p.everything || p.files.some((f) => path.resolve(f) === path.resolve(file))));
  }

  private take(): Changes | undefined {
    const c = this.pending;
    this.pending = undefined;
    return c;
  }

  private async run(paths: string[] | undefined, why: string, reload: boolean): Promise<void> {
    const started = performance.now();
    let results: BriefingResult[] = [];
    let problem: Diagnostic[] = [];
    let split = false;
    const second = new Set<string>();
    try {
      if (reload || !this.options) this.options = await this.o.options();
      const options = this.options;
      const run = (formats: Format[], files: string[]) => build({ ...options, formats, paths: files, services: this.o.services });
      const rest = options.formats.filter((f) => f !== 'html');
      split = Boolean(paths && options.formats.includes('html') && rest.length);
      if (split && paths) {
        // A save: the deck first, so its open page reloads before the slower PDFs are printed.
        const decks = (await run(['html'], paths)).results;
        this.o.state.record(decks, ['html']);
        this.o.onDecks?.();
        // A file saved again meanwhile is built again, deck first: its PDFs from the older text would
        // only hold that deck back (they are made, up to date, after it).
        const ok = decks.filter((r) => r.ok && !this.superseded(r.file)).map((r) => r.file);
        const more = ok.length ? (await run(rest, ok)).results : [];
        for (const r of more) second.add(r.file);
        results = decks.map((d) => {
          const m = more.find((r) => r.file === d.file);
          return m ? { ...m, outputs: [...d.outputs, ...m.outputs].sort(), slides: d.slides, warnings: [...d.warnings, ...m.warnings] } : d;
        });
      } else {
        results = (await run(options.formats, paths ?? options.paths)).results;
      }
    } catch (e) {
      // A build-wide problem (a bad config, an unknown theme): shown on every page, the server stays up.
      if (!isBriefdeckError(e)) throw e;
      problem = e.diagnostics;
    }
    if (!paths || problem.length) this.setProblem(problem);
    // After the decks alone, only what the second build made is news to the pages.
    const news = split ? results.filter((r) => second.has(r.file)) : results;
    if (news.length || !split) this.o.state.record(news, split ? ['pdf'] : undefined);
    this.o.onBuilt({ why, results, problem, durationMs: performance.now() - started });
  }

  private setProblem(problem: Diagnostic[]): void {
    const had = this.o.state.problem.length > 0;
    this.o.state.problem = problem;
    if (had !== problem.length > 0) this.o.state.bumpAll();
  }
}
