// Many briefings in CI: byte-identical rebuilds, the manifest, --check, --shard and --report.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

async function contentOf(n: number): Promise<string> {
  const dir = await tempDir();
  const text = readFileSync(fixture('minimal.yaml'), 'utf8');
  for (let i = 1; i <= n; i++) writeFileSync(path.join(dir, `b${i}.yaml`), text);
  return dir;
}
const report = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { briefings: { slug: string; status: string }[] };

describe('reproducible output', () => {
  it('two builds of the same inputs give byte-identical HTML, Markdown and PDFs', async () => {
    const content = await contentOf(1);
    const [a, b] = [await tempDir(), await tempDir()];
    for (const out of [a, b]) expect((await runCli(['build', content, '--out', out])).code).toBe(0);
    for (const f of ['deck.html', 'deck.md', 'deck.pdf', 'briefing.pdf']) {
      expect(readFileSync(path.join(a, 'b1', f)).equals(readFileSync(path.join(b, 'b1', f))), f).toBe(true);
    }
  }, 240_000);
});

describe('the manifest, --check, --shard and --report', () => {
  it('skips unchanged briefings, rebuilds a changed one, and --check lists what is stale without building', async () => {
    const content = await contentOf(3);
    const out = await tempDir();
    const r = path.join(out, 'r.json');
    expect((await runCli(['build', content, '--out', out, '--format', 'html', '--format', 'md'])).code).toBe(0);
    expect((await runCli(['build', content, '--out', out, '--format', 'html', '--format', 'md', '--report', r])).code).toBe(0);
    expect(report(r).briefings.map((x) => x.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect((await runCli(['build', content, '--out', out, '--format', 'html', '--format', 'md', '--check'])).code).toBe(0);

    writeFileSync(path.join(content, 'b2.yaml'), readFileSync(path.join(content, 'b2.yaml'), 'utf8').replace('title: ', 'title: Changed '));
    const before = statSync(path.join(out, 'b2', 'deck.html')).mtimeMs;
    const check = await runCli(['build', content, '--out', out, '--format', 'html', '--format', 'md', '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('b2.yaml');
    expect(check.stderr).not.toContain('b1.yaml');
    expect(statSync(path.join(out, 'b2', 'deck.html')).mtimeMs).toBe(before);

    expect((await runCli(['build', content, '--out', out, '--format', 'html', '--format', 'md', '--report', r])).code).toBe(0);
    expect(report(r).briefings.map((x) => `${x.slug}:${x.status}`)).toEqual(['b1:skipped', 'b2:built', 'b3:skipped']);
    expect((await runCli(['build', content, '--out', out, '--format', 'html', '--format', 'md', '--force', '--report', r])).code).toBe(0);
    expect(report(r).briefings.every((x) => x.status === 'built')).toBe(true);
  });

  it('--shard k/n splits the briefings into stable, disjoint shares', async () => {
    const content = await contentOf(8);
    const shares: string[][] = [];
    for (const k of [1, 2, 3]) {
      const out = await tempDir();
      const r = path.join(out, 'r.json');
      expect((await runCli(['build', content, '--out', out, '--format', 'md', '--shard', `${k}/3`, '--report', r])).code).toBe(0);
      shares.push(report(r).briefings.map((x) => x.slug));
    }
    expect(shares.flat().sort()).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8']);
    // Adding a briefing moves no other one between shards.
    writeFileSync(path.join(content, 'b9.yaml'), readFileSync(path.join(content, 'b1.yaml')));
    const out = await tempDir();
    const r = path.join(out, 'r.json');
    await runCli(['build', content, '--out', out, '--format', 'md', '--shard', '1/3', '--report', r]);
    expect(report(r).briefings.map((x) => x.slug).filter((s) => s !== 'b9')).toEqual(shares[0]);
    for (const bad of ['0/3', '4/3', 'x']) expect((await runCli(['build', content, '--shard', bad, '--format', 'md'])).code).toBe(2);
  });

  it('--report records errors with file, line, column and field', async () => {
    const content = await contentOf(1);
    writeFileSync(path.join(content, 'broken.yaml'), 'title: T\ndate: 2025-04-14\nbluf: B\nkeyPoints:\n  - text: a\n    likelyhood: likely\nsources: [{id: a, title: t}]\n');
    const out = await tempDir();
    const r = path.join(out, 'r.json');
    expect((await runCli(['build', content, '--out', out, '--format', 'md', '--report', r])).code).toBe(1);
    const broken = (JSON.parse(readFileSync(r, 'utf8')) as { briefings: { file: string; errors: Record<string, unknown>[] }[] }).briefings.find((b) => b.file.endsWith('broken.yaml'));
    expect(broken?.errors[0]).toMatchObject({ line: 6, column: 5, field: 'keyPoints[0].likelyhood', message: 'unknown field "likelyhood"' });
  });
});

describe('--watch', () => {
  it('rebuilds only the briefing whose content changed, then stops on interrupt', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { runInterruptHandlers } = await import('../../src/interrupt.js');
    const { TextSink } = await import('../helpers/cli.js');
    const content = await contentOf(2);
    const out = await tempDir();
    const stderr = new TextSink();
    const running = main(['build', content, '--out', out, '--watch', '--format', 'html'], {
      stdout: new TextSink(),
      stderr,
      env: { ...process.env, NO_COLOR: '1' },
      isTTY: false,
    });
    const deck = (slug: string) => path.join(out, slug, 'deck.html');
    const mtime = (f: string) => {
      try {
        return statSync(f).mtimeMs;
      } catch {
        return 0;
      }
    };
    const until = async (test: () => boolean, ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; ) {
        if (test()) return true;
        await new Promise((r) => setTimeout(r, 100));
      }
      return test();
    };
    try {
      expect(await until(() => mtime(deck('b1')) > 0 && mtime(deck('b2')) > 0 && /watching/.test(stderr.text), 60_000), stderr.text).toBe(true);
      const [b1, b2] = [mtime(deck('b1')), mtime(deck('b2'))];
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path.join(content, 'b2.yaml'), readFileSync(path.join(content, 'b2.yaml'), 'utf8').replace('title: ', 'title: Edited '));
      expect(await until(() => mtime(deck('b2')) > b2, 30_000), stderr.text).toBe(true);
      expect(readFileSync(deck('b2'), 'utf8')).toContain('Edited');
      expect(mtime(deck('b1'))).toBe(b1);
    } finally {
      await runInterruptHandlers();
      expect(await running).toBe(0);
    }
  }, 120_000);
});
