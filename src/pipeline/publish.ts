// Staging and publishing a briefing's outputs: written into a hidden folder, then moved into place.
import path from 'node:path';
import { readdir, rename, rm } from 'node:fs/promises';
import { BriefdeckError, ExitCode } from '../errors.js';
import { ensureDir, makeStaging, writeAtomic } from '../output/write.js';
import { prepareTarget } from '../output/hygiene.js';

export type Staging = Awaited<ReturnType<typeof makeStaging>>;

/** A staging folder for `slug` inside `out` (made if need be), with errors a user can act on. */
export async function stage(out: string, slug: string): Promise<Staging> {
  const cannot = (what: string) => (e: NodeJS.ErrnoException) => {
    throw new BriefdeckError(ExitCode.ENVIRONMENT, { message: `cannot ${what} ${out}: ${e.code ?? e.message}`, hint: 'choose a writable folder with --out' });
  };
  await ensureDir(out).catch(cannot('create'));
  return makeStaging(out, slug).catch(cannot('write in'));
}

/** Writes the files into the staging folder; returns their names, sorted. */
export async function writeFiles(dir: string, files: { name: string; data: string | Uint8Array }[]): Promise<string[]> {
  for (const f of files) await writeAtomic(path.join(dir, f.name), f.data);
  return files.map((f) => f.name).sort();
}

/** Moves the staged files into `target`, replacing what a previous build left there. */
export async function publish(staging: string, target: string): Promise<void> {
  await prepareTarget(target);
  await ensureDir(target);
  for (const entry of await readdir(staging, { withFileTypes: true })) {
    const to = path.join(target, entry.name);
    // A folder (slides/) replaces the old one whole: no stale slide images from a longer deck remain.
    if (entry.isDirectory()) await rm(to, { recursive: true, force: true });
    await rename(path.join(staging, entry.name), to);
  }
}
