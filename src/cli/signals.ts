// Ctrl-C and SIGTERM: remove half-written files and close the browser before leaving.
import { rmSync } from 'node:fs';
import { pendingFiles } from '../output/write.js';

const cleanups = new Set<() => Promise<void>>();

/** Registers work to do on interruption (closing the browser); returns a function that unregisters it. */
export function onInterrupt(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export function installSignalHandlers(): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      for (const f of pendingFiles) rmSync(f, { force: true });
      const timer = setTimeout(() => process.exit(130), 5000);
      void Promise.allSettled([...cleanups].map((c) => c())).then(() => {
        clearTimeout(timer);
        for (const f of pendingFiles) rmSync(f, { force: true });
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
    });
  }
}
