// A small on-disk cache for work that depends only on its inputs and costs a cold process most: the
// compiled Handlebars templates, Marp's packed theme CSS, Fontsource's parsed @font-face rules, the
// world atlas's index (about 0.45 s of a one-briefing build), the locator maps drawn (most of a
// briefing's model, and most of a build's allocations) and content files validated before (content/known.ts).
// Entries are named by a hash of everything that goes in, so a stale entry is never read; a missing,
// unreadable or unwritable cache only means the work is done again.
//
// Where: $BRIEFDECK_CACHE_DIR, else node_modules/.cache/briefdeck beside briefdeck's own install
// (the place Babel, ESLint and others use, and what CI caches with node_modules). BRIEFDECK_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_DIR = fileURLToPath(new URL('../node_modules/.cache/briefdeck/', import.meta.url));

function cacheDir(): string | undefined {
  if (process.env.BRIEFDECK_CACHE === '0') return undefined;
  return process.env.BRIEFDECK_CACHE_DIR || DEFAULT_DIR;
}

/** The cached result of `make` for these inputs, made (and stored) on a miss. */
export function cached(kind: string, inputs: string[], make: () => string): string {
  const file = entry(kind, inputs);
  const known = file && readEntry(file);
  if (known !== undefined) return known;
  const value = make();
  if (file) writeEntry(file, value);
  return value;
}

/** The entry's file for these inputs, or undefined when there is no cache. */
function entry(kind: string, inputs: string[]): string | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const hash = createHash('sha256');
  for (const part of [kind, ...inputs]) hash.update(`${part.length}:`).update(part);
  return path.join(dir, `${kind}-${hash.digest('hex').slice(0, 32)}.txt`);
}

/** What was stored for these inputs, if anything (for work that must be done elsewhere on a miss). */
export function readCache(kind: string, inputs: string[]): string | undefined {
  const file = entry(kind, inputs);
  return file && readEntry(file);
}

/** Stores `value` for these inputs; a cache that cannot be written only means the work is done again. */
export function writeCache(kind: string, inputs: string[], value: string): void {
  const file = entry(kind, inputs);
  if (file) writeEntry(file, value);
}

function readEntry(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not there (or unreadable).
    return undefined;
  }
}

function writeEntry(file: string, value: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, value);
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder could not be made: there is no temporary file either.
    }
  }
}
