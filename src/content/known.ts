// Content files validated before: a file whose bytes and limits are those of an earlier load, read by
// the same code, is that load's briefing again, read back from the on-disk cache (src/cache.ts) without
// js-yaml, zod or the schema being loaded (~0.1 s of a cold build's main thread, before its first
// document can go to the browser). The entry is named by the bytes, the limits, every module of this
// folder (the schema, both parsers, the checks) and the versions of the libraries they use, so it is
// never stale; any other file is loaded as before, and remembered once it passes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCache, writeCache } from '../cache.js';
import type { Briefing } from './schema.js';
import type { Limits } from './limits.js';

const KIND = 'briefing';
let code: string | undefined;

/** This folder's code and its libraries' versions, hashed once a process. */
function readingCode(): string {
  if (code !== undefined) return code;
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((f) => path.extname(f) === path.extname(here)).sort()) hash.update(`${name}\0`).update(readFileSync(path.join(dir, name)));
  const require = createRequire(import.meta.url);
  for (const pkg of ['zod', 'js-yaml', 'yaml', 'i18n-iso-countries']) hash.update(`\0${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
  return (code = hash.digest('hex'));
}

const inputs = (digest: string, limits: Limits) => [readingCode(), JSON.stringify(limits), digest];

/** The briefing the bytes of this digest (their SHA-256, in hex) gave before, or undefined. */
export function knownBriefing(digest: string, limits: Limits): Briefing | undefined {
  try {
    const stored = readCache(KIND, inputs(digest, limits));
    return stored === undefined ? undefined : (JSON.parse(stored) as Briefing);
  } catch {
    return undefined;
  }
}

/** Remembers the briefing the bytes of this digest gave (it passed every check of the load). */
export function rememberBriefing(digest: string, limits: Limits, briefing: Briefing): void {
  try {
    writeCache(KIND, inputs(digest, limits), JSON.stringify(briefing));
  } catch {
    // Not remembered: the next load reads the file again.
  }
}
