// The quick parse (js-yaml) answers only where it reads a file as the full parse (the yaml library)
// does: for every YAML and JSON file in the repository, hostile ones included, and for the cases where
// the two libraries were found to differ, it gives the same value or declines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { quickParse, quickValue } from '../../src/content/quick.js';
import { BRIEFING, parseWithSchema } from '../../src/content/parse.js';
import { briefingSchema } from '../../src/content/schema.js';
import { DEFAULT_LIMITS } from '../../src/content/limits.js';
import { loadBriefing } from '../../src/content/load.js';
import { CONTENT, ROOT } from '../helpers/paths.js';

/** The full parse's value, or undefined when it finds an error. */
function full(text: string): unknown {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length || doc.warnings.some((w) => w.code === 'DUPLICATE_KEY')) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const f = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(f).isDirectory() ? filesUnder(f) : /\.(ya?ml|json)$/i.test(name) ? [f] : [];
  });
}

const CASES = [
  'a: 1_000', 'a: 1e3', 'a: 0o14', 'a: 0x1F', 'a: +12', 'a: .inf', 'a: 2026-01-01', 'a: 1.10', 'a: yes', 'a: ~',
  'null: x', '~: x', '1: a', 'a: 1\na: 2', 'a: "x\\ty"', "a: 'it''s'", 'a: |\n  l1\n  l2\n', 'a: >-\n  f1\n  f2\n\n  p2\n',
  'a: plain\n  continued', 'a: [1, 2, {b: c}]', 'a: "\\u00e9"', 'a: x # c', 'a: x#y', 'a:\n  - b: 1\n    c: 2', 'a: @x',
  'k: v\n---\nk: w', '---\na: 1', 'a: 1\n...\n', 'a: !!str 1', 'a: !!float 1', 'a: !foo x', 'a: &x 1\nb: *x',
  "a: 'multi\n  line'", 'a: 12:30', 'a: b: c', 'a:\tb', '? a\n: b', '[a, b]: x', 'a: !!binary aGk=', 'a: [-]',
  'a: |\n\tx', '__proto__: {polluted: true}', 'a: 9007199254740993', 'a: "\\x41"', 'a: |+\n  x\n\n', 'a: 0.1e', 'a: 5.',
];

describe('quick parse', () => {
  it('reads each case as the full parse does, or declines', () => {
    let answered = 0;
    for (const text of CASES) {
      const quick = quickValue(text);
      if (quick === undefined) continue;
      answered++;
      expect(quick, text).toEqual(full(text));
    }
    expect(answered).toBeGreaterThan(20);
  });

  it('reads every content file in the repository as the full parse does, hostile ones included, or declines', () => {
    const files = [...filesUnder(path.join(ROOT, 'test', 'fixtures')), ...filesUnder(CONTENT), ...filesUnder(path.join(ROOT, 'scaffold'))];
    expect(files.length).toBeGreaterThan(40);
    let answered = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      const quick = quickValue(text);
      if (quick === undefined) continue;
      answered++;
      expect(JSON.stringify(quick), f).toBe(JSON.stringify(full(text)));
    }
    expect(answered).toBeGreaterThan(20);
  });

  it('gives the briefing the full parse gives, and leaves every error to it', async () => {
    const file = path.join(CONTENT, 'us-iran-nuclear-talks.yaml');
    const bytes = readFileSync(file);
    const quick = quickParse(bytes.toString('utf8'), file, briefingSchema, DEFAULT_LIMITS);
    expect(quick).toBeDefined();
    expect(quick).toEqual(parseWithSchema(bytes, file, briefingSchema, DEFAULT_LIMITS, BRIEFING));
    // A field's place is found by the full parse when asked for.
    const loaded = await loadBriefing(file);
    expect(await loaded.locate(['bluf'])).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    // An unknown field: the quick parse declines, and the error is the full parse's, with its place.
    const bad = Buffer.from(`${bytes.toString('utf8')}\nunknownField: 1\n`);
    expect(quickParse(bad.toString('utf8'), file, briefingSchema, DEFAULT_LIMITS)).toBeUndefined();
    expect(() => parseWithSchema(bad, file, briefingSchema, DEFAULT_LIMITS, BRIEFING)).toThrow(/unknownField/);
  });
});
