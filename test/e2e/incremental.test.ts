// Many briefings, in CI: reproducible output, the manifest that skips unchanged briefings, --check,
// --shard, --report and --watch, all with real builds of small fixtures copied under different names.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runInterruptHandlers } from '../../src/interrupt.js';
import { runCli, TextSink, type CliRun } from '../helpers/cli.js';
import type { Io } from '../../src/cli/log.js';
import { EXAMPLE, fixture } from '../helpers/paths.js';
import { listTree, tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const MANIFEST = '.briefdeck-manifest.json';
const MINIMAL = fixture('minimal.yaml');
const SLOW = { timeout: 240_000 };

interface ReportBriefing {
  file: string;
  slug: string | null;
  status: string;
  ok: boolean;
  outputs: string[];
  slides: number | null;
  pages: { deck?: number; print?: number };
  durationMs: number;
  fit: unknown;
  warnings: string[];
  errors: { file?: string; line?: number; column?: number; field?: string; message: string; hint?: string }[];
}
interface Report {
  exitCode: number;
  durationMs: number;
  briefings: ReportBriefing[];
}
interface Manifest {
  version: number;
  briefings: Record<string, { file: string; hash: string; outputs: string[] }>;
}

/** A content folder holding minimal.yaml copied as `<name>.yaml` for each name (slug = name). */
async function contentWith(names: string[]): Promise<string> {
  const dir = await tempDir('briefdeck-content-');
  for (const n of names) await copyFile(MINIMAL, path.join(dir, `${n}.yaml`));
  return dir;
}

/** Changes a content file's title (and so its hash). */
async function retitle(file: string, title: string): Promise<void> {
  const src = await readFile(file, 'utf8');
  const next = src.replace(/^title: .*$/m, `title: ${title}`);
  expect(next).not.toBe(src);
  await writeFile(file, next);
}

/** Runs a build with --report into a fresh file and returns the run and the parsed report. */
async function buildWithReport(args: string[]): Promise<{ run: CliRun; report: Report; ms: number }> {
  const file = path.join(await tempDir('briefdeck-report-'), 'build.json');
  const started = performance.now();
  const run = await runCli(['build', ...args, '--report', file]);
  const ms = performance.now() - started;
  expect(existsSync(file), `report written (exit ${run.code}):\n${run.stderr}`).toBe(true);
  const report = JSON.parse(await readFile(file, 'utf8')) as Report;
  return { run, report, ms };
}

/** slug → status, from a report. */
const statuses = (r: Report) => Object.fromEntries(r.briefings.map((b) => [b.slug, b.status]));

/** Modification times of every file under `dir` (relative path → mtimeMs). */
async function mtimes(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const f of await listTree(dir)) {
    const s = await stat(path.join(dir, f));
    if (s.isFile()) out[f] = s.mtimeMs;
  }
  return out;
}

/** PDF CreationDate / ModDate as instants, read with `pdfinfo -isodates` (independent of the local time zone). */
function pdfDates(file: string): { created?: number; modified?: number } {
  const r = spawnSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdfinfo ${file}: ${r.stderr}`);
  const field = (name: string) => {
    const m = new RegExp(`^${name}:\\s*(\\S+)`, 'm').exec(r.stdout);
    return m?.[1] ? Date.parse(m[1]) : undefined;
  };
  return { created: field('CreationDate'), modified: field('ModDate') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `test` every 100 ms until it holds or `ms` pass; returns whether it held. */
async function waitFor(test: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await test()) return true;
    await sleep(100);
  }
  return test();
}

describe('reproducible output', () => {
  const FILES = ['deck.html', 'deck.md', 'deck.pdf', 'briefing.pdf'];
  const FORMATS = ['--format', 'pdf', '--format', 'md', '--format', 'html', '--format', 'print'];

  it('builds byte-identical HTML, Markdown and PDFs into two output folders', SLOW, async () => {
    // The example: its tables give the tagged PDF cell ids, which Chromium numbers by what the page showed before.
    const content = await tempDir('briefdeck-content-');
    await copyFile(EXAMPLE, path.join(content, 'repro.yaml'));
    await copyFile(MINIMAL, path.join(content, 'other.yaml'));
    const [a, b] = [await tempDir(), await tempDir()];
    const first = await runCli(['build', content, '--out', a, ...FORMATS]);
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(['build', content, '--out', b, ...FORMATS]);
    expect(second.code, second.stderr).toBe(0);
    for (const f of FILES) {
      const x = await readFile(path.join(a, 'repro', f));
      const y = await readFile(path.join(b, 'repro', f));
      expect(x.length, f).toBeGreaterThan(0);
      expect(x.equals(y), `${f} is byte-identical across builds`).toBe(true);
    }
    // Without SOURCE_DATE_EPOCH the PDF dates come from the briefing's as-of date.
    if (!process.env.SOURCE_DATE_EPOCH) {
      expect(pdfDates(path.join(a, 'repro', 'deck.pdf')).created).toBe(Date.parse('2025-04-14T00:00:00Z'));
    }
  });

  it('dates the PDFs from SOURCE_DATE_EPOCH and still builds identically', SLOW, async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    const epoch = 1_700_000_000; // 2023-11-14T22:13:20Z
    process.env.SOURCE_DATE_EPOCH = String(epoch);
    try {
      const content = await contentWith(['epoch']);
      const [a, b] = [await tempDir(), await tempDir()];
      const args = ['--format', 'pdf', '--format', 'print'];
      const first = await runCli(['build', content, '--out', a, ...args]);
      expect(first.code, first.stderr).toBe(0);
      const second = await runCli(['build', content, '--out', b, ...args]);
      expect(second.code, second.stderr).toBe(0);
      for (const f of ['deck.pdf', 'briefing.pdf']) {
        const dates = pdfDates(path.join(a, 'epoch', f));
        expect(dates.created, `${f} CreationDate`).toBe(epoch * 1000);
        const x = await readFile(path.join(a, 'epoch', f));
        const y = await readFile(path.join(b, 'epoch', f));
        expect(x.equals(y), `${f} is byte-identical with SOURCE_DATE_EPOCH`).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});

describe('manifest and skipping unchanged briefings', () => {
  it('records each briefing, skips unchanged ones and rebuilds exactly what changed', SLOW, async () => {
    const names = ['alpha', 'bravo', 'charlie'];
    const content = await contentWith(names);
    const out = await tempDir();
    const formats = ['--format', 'pdf', '--format', 'md', '--format', 'html'];
    const outputs = ['deck.html', 'deck.md', 'deck.pdf'];

    // First build: everything built, the manifest lists every slug with a hash and its outputs.
    const first = await buildWithReport([content, '--out', out, ...formats]);
    expect(first.run.code, first.run.stderr).toBe(0);
    expect(statuses(first.report)).toEqual({ alpha: 'built', bravo: 'built', charlie: 'built' });
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as Manifest;
    expect(manifest.version).toBe(1);
    expect(Object.keys(manifest.briefings).sort()).toEqual(names);
    for (const n of names) {
      const entry = manifest.briefings[n];
      expect(entry?.hash, `${n}: hash`).toMatch(/^[0-9a-f]{64}$/);
      expect([...(entry?.outputs ?? [])].sort(), `${n}: outputs`).toEqual(outputs);
      expect(entry?.file, `${n}: file`).toMatch(new RegExp(`${n}\\.yaml$`));
      for (const o of outputs) expect(existsSync(path.join(out, n, o)), `${n}/${o}`).toBe(true);
    }

    // Second build: nothing to do, and much faster (no browser at all).
    const before = await mtimes(path.join(out, 'alpha'));
    const second = await buildWithReport([content, '--out', out, ...formats]);
    expect(second.run.code, second.run.stderr).toBe(0);
    expect(statuses(second.report)).toEqual({ alpha: 'skipped', bravo: 'skipped', charlie: 'skipped' });
    for (const b of second.report.briefings) {
      expect(b.ok).toBe(true);
      expect(b.outputs.map((o) => path.basename(o)).sort(), `${b.slug}: outputs of a skipped briefing`).toEqual(outputs);
    }
    expect(second.ms, `second build ${second.ms.toFixed(0)} ms vs first ${first.ms.toFixed(0)} ms`).toBeLessThan(0.5 * first.ms);
    expect(await mtimes(path.join(out, 'alpha')), 'a skipped briefing is not rewritten').toEqual(before);

    // Editing one content file rebuilds only that one.
    await retitle(path.join(content, 'bravo.yaml'), 'Bravo retitled');
    const edited = await buildWithReport([content, '--out', out, ...formats]);
    expect(edited.run.code, edited.run.stderr).toBe(0);
    expect(statuses(edited.report)).toEqual({ alpha: 'skipped', bravo: 'built', charlie: 'skipped' });
    expect(await readFile(path.join(out, 'bravo', 'deck.md'), 'utf8')).toContain('Bravo retitled');

    // --force rebuilds all.
    const forced = await buildWithReport([content, '--out', out, ...formats, '--force']);
    expect(forced.run.code, forced.run.stderr).toBe(0);
    expect(statuses(forced.report)).toEqual({ alpha: 'built', bravo: 'built', charlie: 'built' });

    // Deleting an output makes that briefing rebuild, and the output comes back.
    await rm(path.join(out, 'charlie', 'deck.md'));
    const deleted = await buildWithReport([content, '--out', out, ...formats]);
    expect(deleted.run.code, deleted.run.stderr).toBe(0);
    expect(statuses(deleted.report)).toEqual({ alpha: 'skipped', bravo: 'skipped', charlie: 'built' });
    expect(existsSync(path.join(out, 'charlie', 'deck.md'))).toBe(true);

    // Changing an option rebuilds everything; repeating it then skips everything.
    const letter = await buildWithReport([content, '--out', out, ...formats, '--paper', 'letter']);
    expect(letter.run.code, letter.run.stderr).toBe(0);
    expect(statuses(letter.report)).toEqual({ alpha: 'built', bravo: 'built', charlie: 'built' });
    const again = await buildWithReport([content, '--out', out, ...formats, '--paper', 'letter']);
    expect(statuses(again.report)).toEqual({ alpha: 'skipped', bravo: 'skipped', charlie: 'skipped' });

    // Asking for a different set of formats is a different build too.
    const htmlOnly = await buildWithReport([content, '--out', out, '--format', 'html', '--paper', 'letter']);
    expect(htmlOnly.run.code, htmlOnly.run.stderr).toBe(0);
    expect(statuses(htmlOnly.report)).toEqual({ alpha: 'built', bravo: 'built', charlie: 'built' });
  });
});

describe('inputs recorded by bytes', () => {
  // A tiny valid SVG, once blue and once red: the deck differs, so the briefing must rebuild.
  const svg = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="${fill}"/></svg>`;

  it('rebuilds a briefing when only its image changes, and keeps slugs unique across skipped and new files', SLOW, async () => {
    const content = await tempDir('briefdeck-content-');
    const src = await readFile(MINIMAL, 'utf8');
    await writeFile(path.join(content, 'chart.svg'), svg('#1f4e79'));
    await writeFile(
      path.join(content, 'pictured.yaml'),
      `${src}sections:\n  - title: A chart\n    points: [One point]\n    image: {path: chart.svg, alt: A blue bar}\n`,
    );
    await copyFile(MINIMAL, path.join(content, 'plain.yaml'));
    const out = await tempDir();
    const formats = ['--format', 'md', '--format', 'html'];

    const first = await buildWithReport([content, '--out', out, ...formats]);
    expect(first.run.code, first.run.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as { briefings: Record<string, { inputs?: Record<string, string> }> };
    const inputs = Object.keys(manifest.briefings.pictured?.inputs ?? {});
    expect(inputs.some((f) => f.endsWith('pictured.yaml')) && inputs.some((f) => f.endsWith('chart.svg')), inputs.join(', ')).toBe(true);

    expect(statuses((await buildWithReport([content, '--out', out, ...formats])).report)).toEqual({ pictured: 'skipped', plain: 'skipped' });

    // The same bytes written again: still skipped. Other bytes: rebuilt, with the new picture.
    await writeFile(path.join(content, 'chart.svg'), svg('#1f4e79'));
    expect(statuses((await buildWithReport([content, '--out', out, ...formats])).report)).toEqual({ pictured: 'skipped', plain: 'skipped' });
    await writeFile(path.join(content, 'chart.svg'), svg('#b22222'));
    const redrawn = await buildWithReport([content, '--out', out, ...formats]);
    expect(statuses(redrawn.report)).toEqual({ pictured: 'built', plain: 'skipped' });
    expect(Buffer.from((/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(await readFile(path.join(out, 'pictured', 'deck.md'), 'utf8')) ?? [])[1] ?? '', 'base64').toString()).toContain('#b22222');

    // A new file taking the slug of a skipped one is refused; the skipped one is untouched.
    await writeFile(path.join(content, 'zz-impostor.yaml'), `slug: plain\n${src}`);
    const clash = await buildWithReport([content, '--out', out, ...formats, '-j', '1']);
    expect(clash.run.code).toBe(1);
    const impostor = clash.report.briefings.find((b) => b.file.endsWith('zz-impostor.yaml'));
    expect(impostor?.status).toBe('failed');
    expect(impostor?.errors[0]?.message).toMatch(/slug "plain" is already used/);
    expect(clash.report.briefings.find((b) => b.file.endsWith('plain.yaml'))?.status).toBe('skipped');
  });
});

describe('slug clashes', () => {
  it('the first file by path keeps a slug two files want, whichever loads first, at any concurrency', SLOW, async () => {
    const content = await tempDir('briefdeck-content-');
    // The first file is the long example (slower to load), the second a minimal one: they race for the slug.
    await writeFile(path.join(content, 'a-long.yaml'), `slug: same\n${await readFile(EXAMPLE, 'utf8')}`);
    await writeFile(path.join(content, 'b-short.yaml'), `slug: same\n${await readFile(MINIMAL, 'utf8')}`);
    for (const j of ['2', '4']) {
      const out = await tempDir();
      const { run, report } = await buildWithReport([content, '--out', out, '--format', 'md', '-j', j]);
      expect(run.code).toBe(1);
      const byFile = Object.fromEntries(report.briefings.map((b) => [path.basename(b.file), b]));
      expect(byFile['a-long.yaml']?.status).toBe('built');
      expect(byFile['b-short.yaml']?.status).toBe('failed');
      expect(byFile['b-short.yaml']?.errors[0]?.message).toMatch(/slug "same" is already used by .*a-long\.yaml/);
      expect(await readFile(path.join(out, 'same', 'deck.md'), 'utf8')).toContain('Israel');
    }
  });
});

describe('--check', () => {
  it('exits 0 on an up-to-date folder and 1 listing a stale file, building nothing either way', SLOW, async () => {
    const content = await contentWith(['fresh-one', 'stale-one']);
    const out = await tempDir();
    const formats = ['--format', 'html', '--format', 'md'];
    const built = await runCli(['build', content, '--out', out, ...formats]);
    expect(built.code, built.stderr).toBe(0);
    const tree = await listTree(out);
    const times = await mtimes(out);
    await sleep(50);

    const ok = await runCli(['build', content, '--out', out, ...formats, '--check']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(await listTree(out)).toEqual(tree);
    expect(await mtimes(out)).toEqual(times);

    await retitle(path.join(content, 'stale-one.yaml'), 'Now stale');
    const stale = await runCli(['build', content, '--out', out, ...formats, '--check']);
    expect(stale.code, stale.stderr).toBe(1);
    expect(stale.stderr).toContain('stale-one.yaml');
    expect(stale.stderr).not.toContain('fresh-one.yaml');
    expect(await listTree(out)).toEqual(tree);
    expect(await mtimes(out), '--check writes nothing').toEqual(times);
    expect(await readFile(path.join(out, 'stale-one', 'deck.md'), 'utf8')).not.toContain('Now stale');

    // A missing output also counts as stale.
    await rm(path.join(out, 'fresh-one', 'deck.html'));
    const missing = await runCli(['build', content, '--out', out, ...formats, '--check']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('fresh-one.yaml');
    expect(existsSync(path.join(out, 'fresh-one', 'deck.html')), '--check does not rebuild').toBe(false);
  });
});

describe('--shard k/n', () => {
  it('partitions the briefings stably across shards', SLOW, async () => {
    const names = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const content = await contentWith(names);
    const out = await tempDir();
    const shardRun = async (k: number) => {
      const r = await buildWithReport([content, '--out', out, '--format', 'html', '--shard', `${k}/3`]);
      expect(r.run.code, r.run.stderr).toBe(0);
      return r.report;
    };
    const first = [await shardRun(1), await shardRun(2), await shardRun(3)];
    const built = first.flatMap((r) => r.briefings.filter((b) => b.status === 'built').map((b) => b.slug));
    expect([...built].sort(), 'every slug built exactly once across the shards').toEqual(names);
    const assigned = first.map((r) => r.briefings.map((b) => b.slug as string).sort());
    expect(assigned.flat().sort(), 'shards do not overlap').toEqual(names);
    for (const n of names) expect(existsSync(path.join(out, n, 'deck.html')), n).toBe(true);

    // Adding an unrelated file changes no other briefing's shard.
    await copyFile(MINIMAL, path.join(content, 's7.yaml'));
    const second = [await shardRun(1), await shardRun(2), await shardRun(3)];
    const after = second.map((r) => r.briefings.map((b) => b.slug as string).sort());
    expect(after.map((s) => s.filter((x) => x !== 's7')), 'assignment stable after adding a file').toEqual(assigned);
    expect(after.flat().filter((x) => x === 's7')).toHaveLength(1);
    for (const r of second) {
      for (const b of r.briefings) expect(b.status, b.slug ?? '').toBe(b.slug === 's7' ? 'built' : 'skipped');
    }
  });

  it.each(['0/3', '4/3', 'x', '1/0'])('rejects --shard %s with exit code 2', async (shard) => {
    const content = await contentWith(['one']);
    const out = await tempDir();
    const run = await runCli(['build', content, '--out', out, '--format', 'html', '--shard', shard]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('--shard');
    expect(existsSync(path.join(out, 'one'))).toBe(false);
  });
});

describe('--report', () => {
  it('writes per-briefing JSON, with located errors for a broken file', SLOW, async () => {
    const content = await contentWith(['good']);
    const broken = path.join(content, 'broken.yaml');
    await writeFile(
      broken,
      [
        'title: Broken briefing',
        'date: "2025-01-02"',
        'bluf: A bottom line.',
        'keyPoints:',
        '  - text: A point with a made-up likelihood.',
        '    likelihood: probably maybe',
        'sources:',
        '  - id: article',
        '    title: The article',
        '',
      ].join('\n'),
    );
    const out = await tempDir();
    const { run, report } = await buildWithReport([content, '--out', out, '--format', 'pdf', '--format', 'print', '--format', 'html']);
    expect(run.code, run.stderr).toBe(1);
    expect(report.exitCode).toBe(1);
    expect(report.briefings).toHaveLength(2);
    for (const b of report.briefings) {
      for (const key of ['file', 'slug', 'status', 'ok', 'outputs', 'pages', 'durationMs', 'fit', 'warnings', 'errors']) {
        expect(b, `${b.file}: ${key}`).toHaveProperty(key);
      }
      expect(typeof b.durationMs).toBe('number');
      expect(Array.isArray(b.warnings)).toBe(true);
      expect(Array.isArray(b.errors)).toBe(true);
    }
    const good = report.briefings.find((b) => b.file.endsWith('good.yaml'));
    expect(good).toMatchObject({ slug: 'good', status: 'built', ok: true, errors: [] });
    expect(good?.outputs.map((o) => path.basename(o)).sort()).toEqual(['briefing.pdf', 'deck.html', 'deck.pdf']);
    for (const o of good?.outputs ?? []) expect(existsSync(o), o).toBe(true);
    expect(good?.pages.deck).toBeGreaterThan(0);
    expect(good?.pages.print).toBeGreaterThan(0);
    expect(good?.fit).not.toBeNull();

    const bad = report.briefings.find((b) => b.file.endsWith('broken.yaml'));
    expect(bad).toMatchObject({ status: 'failed', ok: false, outputs: [] });
    expect(bad?.errors.length).toBeGreaterThan(0);
    const err = bad?.errors[0];
    expect(err?.file).toMatch(/broken\.yaml$/);
    expect(err?.line).toBe(6);
    expect(err?.column).toBeGreaterThan(0);
    expect(err?.field).toBe('keyPoints[0].likelihood');
    expect(err?.message).toMatch(/\S/);
    expect(existsSync(path.join(out, 'broken')), 'nothing written for a failed briefing').toBe(false);
  });
});

describe('--watch', () => {
  it('rebuilds only the briefing whose content changed, and stops on interrupt', SLOW, async () => {
    const content = await contentWith(['watch-a', 'watch-b']);
    const out = await tempDir();
    const stdout = new TextSink();
    const stderr = new TextSink();
    const io: Io = { stdout, stderr, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };
    const deckA = path.join(out, 'watch-a', 'deck.html');
    const deckB = path.join(out, 'watch-b', 'deck.html');
    let finished = false;
    const running = main(['build', content, '--out', out, '--watch', '--format', 'html'], io).finally(() => {
      finished = true;
    });
    try {
      const started = await waitFor(() => existsSync(deckA) && existsSync(deckB) && stderr.text.includes('watching for changes'), 60_000);
      expect(started, `initial build wrote both decks:\n${stderr.text}`).toBe(true);
      expect(finished, 'the watcher keeps running').toBe(false);
      await sleep(300); // let the watchers settle before editing
      const aBefore = (await stat(deckA)).mtimeMs;
      const bBefore = (await stat(deckB)).mtimeMs;
      const bHtml = await readFile(deckB, 'utf8');

      await retitle(path.join(content, 'watch-a.yaml'), 'Watched and retitled');
      const rebuilt = await waitFor(async () => (await readFile(deckA, 'utf8').catch(() => '')).includes('Watched and retitled'), 60_000);
      expect(rebuilt, `deck.html of the edited briefing was rebuilt:\n${stderr.text}`).toBe(true);
      expect((await stat(deckA)).mtimeMs).toBeGreaterThan(aBefore);
      await sleep(500); // any (wrong) rebuild of the other briefing would land by now
      expect((await stat(deckB)).mtimeMs, 'the other briefing was not rebuilt').toBe(bBefore);
      expect(await readFile(deckB, 'utf8')).toBe(bHtml);
    } finally {
      await runInterruptHandlers();
      const code = await Promise.race([running, sleep(20_000).then(() => 'timeout' as const)]);
      expect(code, `watch stops on interrupt:\n${stderr.text}`).toBe(0);
    }
  });
});
