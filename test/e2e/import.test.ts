// `briefdeck import` run as a user runs it: Wikinews articles (kept in test/fixtures/articles, and the whole
// corpus where ../shared is beside the checkout) and the example article become drafts that validate and build.
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
// Three Wikinews articles in the repository (CC BY 2.5, see their README), so these checks run in any clone.
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'articles');

/** What a draft of each fixture must hold: names read from the article, dates among the corpus' hand-annotated ones. */
const WIKINEWS = [
  {
    name: 'afghan',
    date: '2017-07-21',
    actors: { 'United States': 'state', 'Donald Trump': 'person', Afghanistan: 'state', Taliban: 'armed group' },
    dates: ['2017-07-10', '2017-07-18', '2018'],
  },
  {
    name: 'hackers',
    date: '2008-01-20',
    actors: { Scientology: 'organisation', 'Tom Cruise': 'person', YouTube: 'organisation', 'Matthew Ingram': 'person' },
    dates: ['1994', '2008-01-16', '2008-01-18', '2008-01-19'],
  },
  { name: 'crane', date: '2015-09-12', actors: { Mecca: 'place', 'Saudi Arabia': 'state' }, dates: ['2008', '2015-09-11'] },
];

interface DraftShape {
  date: string;
  dateline?: string;
  actors?: { name: string; type: string }[];
  timeline?: { date: string }[];
  sources: { id: string; title: string; published?: string }[];
}

beforeAll(() => ensureDist());

describe('briefdeck import', () => {
  it('turns Wikinews articles into drafts with their actors and dates, that validate and build', async () => {
    const dir = await tempDir();
    for (const want of WIKINEWS) {
      const out = path.join(dir, 'content', `${want.name}.yaml`);
      const r = runBin(['import', path.join(FIXTURES, `${want.name}.txt`), '--out', out], { cwd: dir });
      expect(r.code, `${want.name}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toContain('wrote');
      expect(r.stderr).not.toMatch(/dated today/);
      const draft = parse(await readFile(out, 'utf8')) as DraftShape;
      expect(draft.date, want.name).toBe(want.date);
      expect(draft.sources[0]?.published, want.name).toBe(want.date);
      const actors = new Map((draft.actors ?? []).map((a) => [a.name, a.type]));
      for (const [name, type] of Object.entries(want.actors)) expect(actors.get(name), `${want.name}: ${name}`).toBe(type);
      const dates = (draft.timeline ?? []).map((e) => e.date);
      for (const d of want.dates) expect(dates, want.name).toContain(d);
    }
    const v = runBin(['validate', path.join(dir, 'content')], { cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout + v.stderr).toContain(`${WIKINEWS.length} files valid`);
    const b = runBin(['build', path.join(dir, 'content', 'afghan.yaml'), '--out', path.join(dir, 'output'), '--format', 'pdf'], { cwd: dir, timeout: 120_000 });
    expect(b.code, b.stderr).toBe(0);
    const deck = pdfText(path.join(dir, 'output', 'afghan', 'deck.pdf'));
    expect(deck).toContain('Taliban');
  }, 180_000);

  it('never overwrites without --force, prints to stdout without --out, and dates a dateless article today', async () => {
    const dir = await tempDir();
    const article = path.join(FIXTURES, 'crane.txt');
    const out = path.join(dir, 'draft.yaml');
    await writeFile(out, 'keep me\n');
    // Failures end at once: the names thread, started before the article is read, keeps nothing alive.
    const r = runBin(['import', article, '--out', out], { cwd: dir, timeout: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists[\s\S]*--force/);
    expect(await readFile(out, 'utf8')).toBe('keep me\n');
    const s = runBin(['import', article], { cwd: dir });
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/^# yaml-language-server: \$schema=/);
    expect((parse(s.stdout) as DraftShape).date).toBe('2015-09-12');
    // `-` reads the article from stdin: the same draft, named <stdin>.
    const piped = runBin(['import', '-'], { cwd: dir, input: await readFile(article, 'utf8') });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.replace(/^# Draft made by briefdeck import from .*$/m, '')).toBe(s.stdout.replace(/^# Draft made by briefdeck import from .*$/m, ''));
    expect(piped.stdout).toContain('from <stdin>');
    // The same article without its title and date line: nothing in it says when it was written.
    const body = path.join(dir, 'body.txt');
    await writeFile(body, (await readFile(article, 'utf8')).split(/\n\s*\n/).slice(2).join('\n\n'));
    const today = runBin(['import', body], { cwd: dir });
    expect(today.code, today.stderr).toBe(0);
    expect(today.stderr).toMatch(/dated today/);
    const given = runBin(['import', body, '--date', '2015-09-12'], { cwd: dir });
    expect(given.code, given.stderr).toBe(0);
    expect(given.stderr).not.toMatch(/dated today/);
    expect((parse(given.stdout) as DraftShape).date).toBe('2015-09-12');
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    const none = runBin(['import', empty], { cwd: dir, timeout: 30_000 });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no article text found/);
    const bad = runBin(['import', path.join(dir, 'missing.txt')], { cwd: dir, timeout: 30_000 });
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

// The example article is not in the repository (no licence to copy it): these run where ../shared is.
describe.skipIf(!existsSync(ARTICLE))('briefdeck import of the example article', () => {
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
});
