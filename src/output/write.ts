// Atomic writes: a temporary file beside the target, then a rename, so no reader ever sees half a file.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { environmentError } from '../errors.js';

/** Temporary files still being written: removed if the process is interrupted. */
export const pendingFiles = new Set<string>();

/** Staging folders of briefings still being built: removed (whole) if the process is interrupted. */
export const pendingDirs = new Set<string>();

/**
 * Makes a fresh staging folder `.<name>.staging-<random>` in `parent`. It is registered in
 * `pendingDirs` before it exists, so an interrupt at any moment can remove it; `done` removes it.
 */
export async function makeStaging(parent: string, name: string): Promise<{ dir: string; done: () => Promise<void> }> {
  // The pid says whose it is: a later build removes it only once this process is gone (output/hygiene.ts).
  const dir = path.join(parent, `.${name}.staging-${process.pid}-${randomBytes(6).toString('hex')}`);
  pendingDirs.add(dir);
  try {
    await mkdir(dir);
  } catch (e) {
    pendingDirs.delete(dir);
    throw e;
  }
  return {
    dir,
    done: async () => {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      pendingDirs.delete(dir);
    },
  };
}

/**
 * mkdir -p, one level at a time. (Node's recursive mkdir spins forever where a parent refuses new
 * entries with ENOENT, as /proc does.)
 */
export async function ensureDir(dir: string, depth = 0): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir || depth > 64) throw e;
    await ensureDir(parent, depth + 1);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await ensureDir(dir);
    pendingFiles.add(tmp);
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(file, e);
  } finally {
    pendingFiles.delete(tmp);
  }
}

function writeError(file: string, e: unknown) {
  const err = e as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exhausted',
    ENOTDIR: 'a path component is a file, not a folder',
  };
  return environmentError(
    `cannot write ${file}: ${why[err.code ?? ''] ?? err.message}`,
    err.code === 'ENOSPC' || err.code === 'EDQUOT' ? 'free some space, or choose another folder with --out' : 'choose a writable folder with --out',
    e,
  );
}
