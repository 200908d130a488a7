// Work to do when the user interrupts a build (Ctrl-C, SIGTERM): close browsers, stop watchers.
const cleanups = new Set<() => Promise<void>>();

/** Registers a clean-up; returns a function that unregisters it. */
export function onInterrupt(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => {
    cleanups.delete(fn);
  };
}

export function runInterruptHandlers(): Promise<unknown> {
  return Promise.allSettled([...cleanups].map((c) => c()));
}
