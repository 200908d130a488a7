// The output folder kept clean of what killed builds left: staging folders carry the id of the process
// that made them, and only those of processes no longer running are removed (Chromium profiles in
// TMPDIR: browser/profiles.ts). A briefing's folder is a real folder inside --out, never a link out of it.
import { lstat, readdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { environmentError } from '../errors.js';

/** Staging folders: `.<slug>.staging-<pid>-<random>` (`.<slug>.staging-<random>` before pids were added). */
const STAGING = /^\..+\.staging-(?:(\d+)-)?[0-9a-f]{12}$/;
/** Left by a build from before pids were in the name: stale once this old. */
const OLD_ENOUGH_MS = 60 * 60 * 1000;

/** Whether process `pid` is running (one we may not signal counts as running). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stale(pid: string | undefined, mtimeMs: number): boolean {
  return pid === undefined ? Date.now() - mtimeMs > OLD_ENOUGH_MS : !isRunning(Number(pid));
}

/** Removes the staging folders in `out` of builds no longer running; returns their names. */
export async function collectStaging(out: string): Promise<string[]> {
  const names = await readdir(out).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = STAGING.exec(name);
    if (!m) continue;
    const info = await lstat(path.join(out, name)).catch(() => undefined);
    if (!info?.isDirectory() || !stale(m[1], info.mtimeMs)) continue;
    await rm(path.join(out, name), { recursive: true, force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/**
 * Makes `target` (out/<slug>) safe to publish into: a symbolic link there is removed (and replaced
 * by a real folder), so nothing is written through it outside --out; a file there is an error.
 */
export async function prepareTarget(target: string): Promise<void> {
  const info = await lstat(target).catch(() => undefined);
  if (!info) return;
  if (info.isSymbolicLink()) {
    await unlink(target);
    return;
  }
  if (!info.isDirectory()) {
    throw environmentError(`cannot write ${target}: it is a file, not the briefing's folder`, `remove or rename ${target}, or choose another folder with --out`);
  }
}
