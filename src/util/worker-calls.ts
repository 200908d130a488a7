// Calls to a worker thread, answered by id: the main thread's side of briefdeck's two worker threads
// (Marp's renders, compromise's names). Each call refs the worker until its answer, so only an awaited
// answer keeps the process alive; when the thread ends or fails, the calls still waiting are handed back.
import type { Worker } from 'node:worker_threads';

/** What the thread posts back for call `id`. */
export type Answer<R> = { id: number; result: R } | { id: number; error: { message: string; stack?: string } };

export interface Pending<R, C> {
  /** What the call was made with (for one that must be answered another way). */
  call: C;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

export class WorkerCalls<R, C = undefined> {
  private readonly waiting = new Map<number, Pending<R, C>>();
  private next = 0;
  /** The thread has ended or failed: no call reaches it any more. */
  failed = false;

  constructor(
    private readonly worker: Worker,
    /** The calls the thread still owed when it ended. */
    owed: (calls: Pending<R, C>[]) => void,
  ) {
    worker.on('message', (answer: Answer<R>) => {
      const w = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (!this.waiting.size) worker.unref();
      if (!w) return;
      if ('result' in answer) w.resolve(answer.result);
      else w.reject(Object.assign(new Error(answer.error.message), answer.error.stack ? { stack: answer.error.stack } : {}));
    });
    const fail = () => {
      if (this.failed) return;
      this.failed = true;
      worker.unref();
      const calls = [...this.waiting.values()];
      this.waiting.clear();
      owed(calls);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    // After the listeners, which would keep the worker referenced again.
    worker.unref();
  }

  /** Posts `message(id)` and resolves with the thread's answer to it. */
  call(call: C, message: (id: number) => unknown): Promise<R> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { call, resolve, reject });
      this.worker.ref();
      this.worker.postMessage(message(id));
    });
  }
}

/** The thread's side: the answer to call `id`, a thrown error included. */
export async function answer<R>(id: number, work: () => R | Promise<R>): Promise<Answer<R>> {
  try {
    return { id, result: await work() };
  } catch (e) {
    return { id, error: { message: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) } };
  }
}
