// `briefdeck new` writes a starter that validates and names every field; `briefdeck schema` is the shipped schema file.
import { readFileSync, existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/content/load.js';
import { runCli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const SCHEMA_FILE = path.join(ROOT, 'schema', 'briefing.schema.json');

/** Every property name anywhere in a JSON Schema. */
function propertyNames(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => propertyNames(n, into));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object') Object.keys(v).forEach((name) => into.add(name));
      propertyNames(v, into);
    }
  }
  return into;
}

describe('briefdeck new', () => {
  it('writes content/<slug>.yaml that starts with the schema modeline, validates, and names every field', async () => {
    const dir = await tempDir();
    const r = await runCli(['new', 'port-strike', '--dir', dir, '--date', '2025-02-03']);
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(dir, 'port-strike.yaml');
    const text = await readFile(file, 'utf8');
    const modeline = /^# yaml-language-server: \$schema=(.+)\n/.exec(text);
    expect(modeline, 'first line is the modeline').not.toBeNull();
    expect(path.resolve(dir, modeline?.[1] ?? '')).toBe(SCHEMA_FILE);
    const loaded = await loadBriefing(file);
    expect(loaded.slug).toBe('port-strike');
    expect(loaded.briefing.date).toBe('2025-02-03');
    const names = propertyNames(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const missing = [...names].filter((n) => !new RegExp(`^\\s*(- )?#?\\s*${n}:`, 'm').test(text));
    expect(missing, 'fields of the schema missing from src/content/starter.ts').toEqual([]);
  });

  it('takes --title, and a title with YAML syntax in it stays text', async () => {
    const dir = await tempDir();
    const title = 'Talks: "maybe" # not a comment';
    expect((await runCli(['new', 'talks', '--dir', dir, '--title', title])).code).toBe(0);
    const loaded = await loadBriefing(path.join(dir, 'talks.yaml'));
    expect(loaded.briefing.title).toBe(title);
    expect(loaded.briefing.date).toBe(new Date().toISOString().slice(0, 10));
  });

  it('never overwrites without --force', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mine.yaml');
    await writeFile(file, 'my own work\n');
    const r = await runCli(['new', 'mine', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists/);
    expect(r.stderr).toMatch(/--force/);
    expect(await readFile(file, 'utf8')).toBe('my own work\n');
    expect((await runCli(['new', 'mine', '--dir', dir, '--force'])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('refuses a slug another content file of that name already has', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'taken.json'), '{}');
    const r = await runCli(['new', 'taken', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/taken\.json already exists/);
    expect(await readdir(dir)).toEqual(['taken.json']);
  });

  it.each(['Port-Strike', 'port_strike', '../escape', 'a--b', 'nul', 'x'.repeat(81), 'a/b'])('rejects the slug %j and writes nothing', async (slug) => {
    const dir = await tempDir();
    const r = await runCli(['new', slug, '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error slug/m);
    expect(r.stderr).toMatch(/hint:/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects a date that is not a calendar date', async () => {
    const dir = await tempDir();
    const r = await runCli(['new', 'ok', '--dir', dir, '--date', '2025-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--date 2025-02-30/);
    expect(existsSync(path.join(dir, 'ok.yaml'))).toBe(false);
  });
});

describe('briefdeck schema', () => {
  it('prints exactly schema/briefing.schema.json (regenerate it with npm run schema)', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout, 'schema/briefing.schema.json is stale: run npm run schema').toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('is the content schema: the top-level fields and required ones of validation', async () => {
    const schema = JSON.parse((await runCli(['schema'])).stdout) as { $schema: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['title', 'date', 'bluf', 'keyPoints', 'sources', 'sections', 'timeline']));
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'date', 'bluf', 'keyPoints', 'sources']));
  });

  it('ships in the npm package', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schema');
  });
});
