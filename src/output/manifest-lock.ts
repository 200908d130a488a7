// Builds running at once into one output folder (CI shards) share its manifest: each merges its own
// entries into what is on disk under a lock file, so no build's entries are lost to another's write.
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from './hygiene.js';

export const LOCK_NAME = '.briefdeck-manifest.lock';

/** Runs `fn` holding the manifest lock of `out`; a lock whose process is gone is taken over. */
export async function withManifestLock<T>(out: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(out, LOCK_NAME);
  for (let attempt = 0; ; attempt++) {
    const handle = await open(lock, 'wx').catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
      return undefined;
    });
    if (handle) {
      try {
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        return await fn();
      } finally {
        await rm(lock, { force: true });
      }
    }
    const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    // Empty: its holder is between creating and writing it; give it a moment, then take it over.
    if ((holder && !isRunning(holder)) || (!holder && attempt > 20)) await rm(lock, { force: true });
    else if (attempt > 600) throw new Error(`the manifest in ${out} stayed locked by process ${holder} for a minute`);
    else await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
  }
}
