// Ctrl-C and SIGTERM: remove half-written files, close the browser, and leave with 130/143.
import { rmSync } from 'node:fs';
import { pendingDirs, pendingFiles } from '../output/write.js';
import { runInterruptHandlers } from '../interrupt.js';

export function installSignalHandlers(): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const code = signal === 'SIGINT' ? 130 : 143;
      const removePartial = () => {
        for (const f of pendingFiles) rmSync(f, { force: true });
        for (const d of pendingDirs) rmSync(d, { recursive: true, force: true });
      };
      removePartial();
      const timer = setTimeout(() => process.exit(code), 5000);
      void runInterruptHandlers().then(() => {
        clearTimeout(timer);
        removePartial();
        process.exit(code);
      });
    });
  }
}
