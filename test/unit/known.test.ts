// Content files validated before are read back from the on-disk cache as the very briefing the load
// gave (content/known.ts), for every file of the corpus; a changed file, other limits or no cache mean
// the file is loaded anew, and errors are never remembered.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT, FIXTURES } from '../helpers/paths.js';

/** A file's digest, as the load names its validated content. */
const digestOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
const env = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-known-'));
  process.env.BRIEFDECK_CACHE_DIR = dir;
  delete process.env.BRIEFDECK_CACHE;
});
afterEach(() => {
  process.env = { ...env };
  rmSync(dir, { recursive: true, force: true });
});

/** Exactly equal, -0 and undefined-valued keys included (a JSON round trip would lose them). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

describe('content files validated before', () => {
  const files = [...readdirSync(path.join(FIXTURES, 'corpus')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(FIXTURES, 'corpus', f)), path.join(CONTENT, 'us-iran-nuclear-talks.yaml'), path.join(CONTENT, 'us-iran-nuclear-talks.he.yaml'), path.join(FIXTURES, 'stress.yaml')];

  it('are read back as the very briefing the load gave, for every file of the corpus', async () => {
    for (const file of files) {
      vi.resetModules();
      const { loadBriefing } = await import('../../src/content/load.js');
      const first = await loadBriefing(file);
      vi.resetModules();
      const { knownBriefing } = await import('../../src/content/known.js');
      const { DEFAULT_LIMITS } = await import('../../src/content/limits.js');
      const known = knownBriefing(digestOf(file), DEFAULT_LIMITS);
      expect(known, file).toBeDefined();
      expect(same(known, first.briefing), file).toBe(true);
      // The place of a field is still found (by the full parse, when asked for).
      const { loadBriefing: again } = await import('../../src/content/load.js');
      expect((await (await again(file)).locate(['title'])).line, file).toBeGreaterThan(0);
    }
  });

  it('are loaded anew when the bytes or the limits change, and an error is never remembered', async () => {
    const { loadBriefing } = await import('../../src/content/load.js');
    const { knownBriefing } = await import('../../src/content/known.js');
    const { DEFAULT_LIMITS } = await import('../../src/content/limits.js');
    const file = path.join(dir, 'b.yaml');
    const text = readFileSync(path.join(CONTENT, 'us-iran-nuclear-talks.yaml'), 'utf8');
    writeFileSync(file, text);
    await loadBriefing(file);
    expect(knownBriefing(digestOf(file), DEFAULT_LIMITS)).toBeDefined();
    expect(knownBriefing(digestOf(file), { ...DEFAULT_LIMITS, items: DEFAULT_LIMITS.items - 1 })).toBeUndefined();
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: Another title'));
    expect(knownBriefing(digestOf(file), DEFAULT_LIMITS)).toBeUndefined();
    expect((await loadBriefing(file)).briefing.title).toBe('Another title');
    writeFileSync(file, `${text}\nunknownField: 1\n`);
    await expect(loadBriefing(file)).rejects.toThrow(/unknownField/);
    await expect(loadBriefing(file)).rejects.toThrow(/unknownField/);
    expect(knownBriefing(digestOf(file), DEFAULT_LIMITS)).toBeUndefined();
    // Without the cache nothing is remembered.
    process.env.BRIEFDECK_CACHE = '0';
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: Third'));
    await loadBriefing(file);
    delete process.env.BRIEFDECK_CACHE;
    expect(knownBriefing(digestOf(file), DEFAULT_LIMITS)).toBeUndefined();
  });
});
