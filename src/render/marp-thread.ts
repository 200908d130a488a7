// Marp in a worker thread. Loading marp-core, packing the themes and the first (cold) render take
// ~0.25 s, which a cold build would otherwise spend on its main thread before its first deck could go
// to the browser; on a thread they overlap the build's own loading. Later renders leave the main
// thread free to drive the browser and write files. The same MarpEngine renders, so output is the same.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MarpEngine, MarpRenderer, MarpResult } from './marp.js';
import { thread as profileThread } from '../util/profile.js';

const MARKER = 'briefdeck-marp-thread';

/** Two theme sets alike: the same CSS, in the same order. */
export const sameThemes = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

type Request = { kind: 'themes'; themes: string[] } | { kind: 'render'; id: number; markdown: string };
type Reply = { id: number; result: MarpResult } | { id: number; error: { message: string; stack?: string } };

/**
 * The main thread's handle: renders in order, one at a time, on the thread. Should the thread fail,
 * the renders still asked for are made here, by an engine of the same themes.
 */
export class MarpThread implements MarpRenderer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { markdown: string; resolve: (r: MarpResult) => void; reject: (e: Error) => void }>();
  private next = 0;
  private themes?: string[];
  private failed = false;
  private closed = false;
  private here?: Promise<MarpEngine>;

  private constructor() {
    this.worker = new Worker(new URL(import.meta.url), { workerData: MARKER });
    // The thread keeps the process alive only while a render is awaited: a build that ends without
    // closing it still exits.
    this.worker.unref();
    profileThread('marp thread', this.worker);
    this.worker.on('message', (reply: Reply) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!this.waiting.size) this.worker.unref();
      if (!w) return;
      if ('result' in reply) w.resolve(reply.result);
      else w.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    });
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
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
    if (!this.failed) this.worker.postMessage({ kind: 'themes', themes } satisfies Request);
    return this;
  }

  render(markdown: string): Promise<MarpResult> {
    if (!this.themes) return Promise.reject(new Error('MarpThread.render before useThemes'));
    if (this.failed) return this.renderHere(markdown);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { markdown, resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ kind: 'render', id, markdown } satisfies Request);
    });
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

  /** The thread is gone (an error, or closed): what it still owed is rendered here. */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    this.worker.unref();
    const owed = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of owed) {
      if (this.closed) w.reject(new Error('the Marp thread is closed'));
      else this.renderHere(w.markdown).then(w.resolve, w.reject);
    }
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
    (engine ?? Promise.reject(new Error('no themes were given to the Marp thread')))
      .then((e) => port.postMessage({ id, result: e.render(markdown) } satisfies Reply))
      .catch((e: unknown) => port.postMessage({ id, error: { message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack } } satisfies Reply));
  });
}

if (!isMainThread && workerData === MARKER && parentPort) serve(parentPort);
