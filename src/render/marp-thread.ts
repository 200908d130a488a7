// Marp in a worker thread. Loading marp-core, packing the themes and the first (cold) render take
// ~0.25 s, which a cold build would otherwise spend on its main thread before its first deck could go
// to the browser; on a thread they overlap the build's own loading. Later renders leave the main
// thread free to drive the browser and write files. The same MarpEngine renders, so output is the same.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MarpEngine, MarpRenderer, MarpResult } from './marp.js';
import { thread as profileThread } from '../util/profile.js';
import { answer, WorkerCalls } from '../util/worker-calls.js';

const MARKER = 'briefdeck-marp-thread';

/** Two theme sets alike: the same CSS, in the same order. */
export const sameThemes = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

type Request = { kind: 'themes'; themes: string[] } | { kind: 'render'; id: number; markdown: string };

/**
 * The main thread's handle: renders in order, one at a time, on the thread. Should the thread fail,
 * the renders still asked for are made here, by an engine of the same themes.
 */
export class MarpThread implements MarpRenderer {
  private readonly worker: Worker;
  /** The renders asked for, each with its Markdown (rendered here should the thread fail). */
  private readonly calls: WorkerCalls<MarpResult, string>;
  private themes?: string[];
  private closed = false;
  private here?: Promise<MarpEngine>;

  private constructor() {
    this.worker = new Worker(new URL(import.meta.url), { workerData: MARKER });
    profileThread('marp thread', this.worker);
    // The thread keeps the process alive only while a render is awaited: a build that ends without
    // closing it still exits. Once it is gone (an error, or closed), what it still owed is rendered here.
    this.calls = new WorkerCalls(this.worker, (owed) => {
      for (const w of owed) {
        if (this.closed) w.reject(new Error('the Marp thread is closed'));
        else this.renderHere(w.call).then(w.resolve, w.reject);
      }
    });
  }

  /**
   * Starts the thread, which loads Marp at once and waits for its themes; undefined where briefdeck
   * runs from its TypeScript sources (as in its tests), which a worker cannot load.
   */
  static start(): MarpThread | undefined {
    return import.meta.url.endsWith('.js') ? new MarpThread() : undefined;
  }

  /** The theme set (the CSS of every theme), sent before the first render and again when it changes (a preview's theme edit). */
  useThemes(themes: string[]): this {
    if (this.themes && sameThemes(this.themes, themes)) return this;
    this.themes = themes;
    this.here = undefined;
    if (!this.calls.failed) this.worker.postMessage({ kind: 'themes', themes } satisfies Request);
    return this;
  }

  render(markdown: string): Promise<MarpResult> {
    if (!this.themes) return Promise.reject(new Error('MarpThread.render before useThemes'));
    if (this.calls.failed) return this.renderHere(markdown);
    return this.calls.call(markdown, (id) => ({ kind: 'render', id, markdown }) satisfies Request);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private renderHere(markdown: string): Promise<MarpResult> {
    const themes = this.themes ?? [];
    this.here ??= import('./marp.js').then(({ MarpEngine }) => new MarpEngine(themes));
    return this.here.then((engine) => engine.render(markdown));
  }
}

/** The thread's side: Marp loads now, the engine is made when the themes arrive. */
function serve(port: NonNullable<typeof parentPort>): void {
  const loading = import('./marp.js');
  let engine: Promise<MarpEngine> | undefined;
  port.on('message', (request: Request) => {
    if (request.kind === 'themes') {
      engine = loading.then(({ MarpEngine }) => new MarpEngine(request.themes));
      return;
    }
    const { id, markdown } = request;
    const ready = engine ?? Promise.reject(new Error('no themes were given to the Marp thread'));
    void answer(id, async () => (await ready).render(markdown)).then((a) => port.postMessage(a));
  });
}

if (!isMainThread && workerData === MARKER && parentPort) serve(parentPort);
