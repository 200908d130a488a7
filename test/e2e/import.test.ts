// `briefdeck import` run as a user runs it: the example article and the Wikinews corpus become drafts that validate and build.
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, runBin } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();
// The project's shared/ folder lies beside the checkout (a worktree may sit one level deeper).
const SHARED = [path.resolve(ROOT, '..', 'shared'), path.resolve(ROOT, '..', '..', 'shared')].find((d) => existsSync(d)) ?? path.resolve(ROOT, '..', 'shared');
const ARTICLE = path.join(SHARED, 'articles', 'us-iran-nuclear-talks.txt');
const CORPUS = path.join(SHARED, 'corpus', 'wikinews');

interface DraftShape {
  date: string;
  dateline?: string;
  actors?: { name: string; type: string }[];
  timeline?: { date: string }[];
  sources: { id: string; title: string }[];
}

beforeAll(() => ensureDist());

describe.skipIf(!existsSync(ARTICLE))('briefdeck import', () => {
  it('turns the example article into a draft that validates and builds', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'content', 'iran.yaml');
    const r = runBin(['import', ARTICLE, '--date', '2025-04-14', '--out', out], { cwd: dir });
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*briefing\.schema\.json$/);
    expect(text).toMatch(/# review: /);
    const draft = parse(text) as DraftShape;
    expect(draft.date).toBe('2025-04-14');
    expect(draft.dateline).toBe('Jerusalem');
    const names = (draft.actors ?? []).map((a) => a.name);
    for (const want of ['Iran', 'Israel', 'United States', 'Hamas', 'Hezbollah', 'Houthis']) expect(names).toContain(want);
    expect(names.some((n) => /\bIRGC\b/.test(n))).toBe(true);
    expect(names).not.toContain('President Donald');
    expect(draft.actors?.find((a) => a.name === 'Hamas')?.type).toBe('armed group');
    const dates = (draft.timeline ?? []).map((e) => e.date);
    expect(dates).toContain('2015');
    expect(dates).toContain('2023-10-07');

    const v = runBin(['validate', out], { cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    const b = runBin(['build', out, '--out', path.join(dir, 'output'), '--format', 'pdf'], { cwd: dir, timeout: 120_000 });
    expect(b.code, b.stderr).toBe(0);
    const deck = pdfText(path.join(dir, 'output', 'iran', 'deck.pdf'));
    expect(deck).toContain('Hezbollah');
  }, 180_000);

  it('never overwrites without --force, and prints to stdout without --out', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'draft.yaml');
    await writeFile(out, 'keep me\n');
    const r = runBin(['import', ARTICLE, '--out', out], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists[\s\S]*--force/);
    expect(await readFile(out, 'utf8')).toBe('keep me\n');
    const s = runBin(['import', ARTICLE], { cwd: dir });
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(/dated today/);
    expect(s.stdout).toMatch(/^# yaml-language-server: \$schema=/);
    const bad = runBin(['import', path.join(dir, 'missing.txt')], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no such file/);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
  }, 60_000);

  it('reads an HTML page through Readability: title, publisher, URL and date from its meta tags', async () => {
    const dir = await tempDir();
    const page = path.join(dir, 'page.html');
    const para = (s: string) => `<p>${s}</p>`;
    await writeFile(
      page,
      `<!doctype html><html><head><title>Port strike ends | Harbour Times</title>
<meta property="og:title" content="Port strike ends after nine days">
<meta property="og:site_name" content="Harbour Times"><meta property="og:url" content="https://harbour.example/news/strike">
<meta property="article:published_time" content="2024-03-08T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>Port strike ends after nine days</h1>
${para('ROTTERDAM — Dockworkers at Europe’s largest port returned to work on Thursday after a nine-day strike over automation ended with an agreement between the FNV union and the port employers.')}
${para('The strike began on February 28 and halted container traffic, according to the Port of Rotterdam Authority. Shipping lines diverted vessels to Antwerp and Hamburg during the stoppage.')}
${para('Under the deal, no jobs will be cut before 2027, and a joint commission will review automation plans next year. Union leader Niek Stam said the agreement protected workers for years to come.')}
${para('The European Commission said it welcomed the end of the dispute, which had raised concerns about supply chains across the European Union.')}
</article><footer>© Harbour Times. All rights reserved. Subscribe to our newsletter.</footer></body></html>`,
    );
    const out = path.join(dir, 'strike.yaml');
    const r = runBin(['import', page, '--out', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const text = await readFile(out, 'utf8');
    const draft = parse(text) as DraftShape & { title: string; sources: { publisher?: string; url?: string; published?: string }[] };
    expect(draft.title).toBe('Port strike ends after nine days');
    expect(draft.date).toBe('2024-03-08');
    expect(draft.dateline).toBe('Rotterdam');
    expect(draft.sources[0]).toMatchObject({ publisher: 'Harbour Times', url: 'https://harbour.example/news/strike', published: '2024-03-08' });
    expect(text).not.toMatch(/Subscribe|Sport/);
    const dates = (draft.timeline ?? []).map((e) => e.date);
    expect(dates).toEqual(expect.arrayContaining(['2024-03-07', '2024-02-28', '2027', '2025']));
    expect(runBin(['validate', out], { cwd: dir }).code).toBe(0);
  }, 60_000);

  it.skipIf(!existsSync(CORPUS))('makes a valid draft of every Wikinews article', async () => {
    const dir = await tempDir();
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const out = path.join(dir, 'content', f.replace(/\.txt$/, '.yaml'));
      const r = runBin(['import', path.join(CORPUS, f), '--out', out], { cwd: dir });
      expect(r.code, `${f}: ${r.stderr}`).toBe(0);
    }
    const v = runBin(['validate', path.join(dir, 'content')], { cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout + v.stderr).toContain(`${files.length} files valid`);
  }, 120_000);
});
