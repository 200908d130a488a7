// Temporary folders under os.tmpdir(), removed when the test file (or the caller) is done with them.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made = new Set<string>();

/** A new empty folder under the system temp dir; removed by `removeTempDirs()` (or `useTempDirs()`). */
export async function tempDir(prefix = 'briefdeck-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder `tempDir` made (set BRIEFDECK_KEEP_TMP=1 to keep them for a look). */
export async function removeTempDirs(): Promise<void> {
  if (process.env.BRIEFDECK_KEEP_TMP) return;
  const dirs = [...made];
  made.clear();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
}

/** Registers the clean-up for the calling test file: call it once at the top level of a test file. */
export function useTempDirs(): void {
  afterAll(removeTempDirs);
}

/** Every entry under `dir`, as relative paths with forward slashes, hidden ones included, sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      out.push(path.relative(dir, full).split(path.sep).join('/'));
      if (e.isDirectory()) await walk(full);
    }
  };
  await walk(dir);
  return out.sort();
}
