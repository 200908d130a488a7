// Failing machines: Chromium killed in the middle of a batch, a browser that cannot start, and Ctrl-C
// during a build.
// The CLI runs as a user runs it (a child process), so signals and processes are real.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureDist } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { listTree, tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

/** Chromium processes now running: pid → command line. */
function chromiums(): Map<number, string> {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const found = new Map<number, string>();
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (m && /chrom(e|ium)/i.test(m[3] ?? '') && !/ps -eo/.test(m[3] ?? '')) found.set(Number(m[1]), m[3] ?? '');
  }
  return found;
}

/** The browser a process launched: its direct Chromium child. */
function browserOf(pid: number): number | undefined {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (m && Number(m[2]) === pid && /chrom(e|ium)/i.test(m[3] ?? '')) return Number(m[1]);
  }
  return undefined;
}

/** `n` copies of the long fixture, each with its own slug (copy-1 …). */
async function contentFolder(n: number): Promise<string> {
  const dir = await tempDir();
  const text = readFileSync(fixture('long-other-topic.yaml'), 'utf8');
  for (let i = 1; i <= n; i++) writeFileSync(path.join(dir, `briefing-${i}.yaml`), text.replace(/^slug:.*$/m, `slug: copy-${i}`));
  return dir;
}

function start(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  return { child, done, stderr: () => stderr };
}

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return test();
}

describe('faults', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('a batch completes, every briefing correct, when Chromium is killed in the middle of it', async () => {
    const content = await contentFolder(4);
    const out = await tempDir();
    const run = start(['build', content, '--out', out, '--concurrency', '1', '--format', 'pdf', '--format', 'print']);
    // Wait for the first briefing to finish, then kill the browser under the second.
    expect(await until(() => /✓ copy-1/.test(run.stderr()), 90_000), run.stderr()).toBe(true);
    const browser = browserOf(run.child.pid ?? -1);
    expect(browser, 'the CLI runs a browser').toBeDefined();
    process.kill(browser as number, 'SIGKILL');
    const code = await run.done;
    expect(code, run.stderr()).toBe(0);
    for (let i = 1; i <= 4; i++) {
      for (const f of ['deck.pdf', 'briefing.pdf']) {
        const file = path.join(out, `copy-${i}`, f);
        expect(existsSync(file), file).toBe(true);
        execFileSync('qpdf', ['--check', file]);
      }
    }
  }, 300_000);

  it('a browser that cannot start: its own words, tried once for all briefings, exit 3, nothing written, no profile left behind', async () => {
    const bin = await tempDir();
    const chrome = path.join(bin, 'chrome');
    const starts = path.join(bin, 'starts');
    writeFileSync(chrome, `#!/bin/sh\necho started >> '${starts}'\necho "chrome: error while loading shared libraries: libnss3.so: cannot open shared object file" >&2\nexit 127\n`, { mode: 0o755 });
    const tmp = await tempDir();
    const out = path.join(await tempDir(), 'out');
    const r = spawnSync(process.execPath, [BIN, 'build', await contentFolder(3), '--out', out], {
      env: { ...process.env, BRIEFDECK_CHROME: chrome, TMPDIR: tmp, NO_COLOR: '1', CI: '1' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr.split(`could not start the browser at ${chrome}: chrome: error while loading shared libraries: libnss3.so`).length - 1).toBe(3);
    expect(readFileSync(starts, 'utf8').trim().split('\n')).toEqual(['started']);
    expect(r.stderr).toContain(`hint: check that it runs: ${chrome} --headless --version`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out) ? await listTree(out) : []).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('Ctrl-C closes the browser and leaves no partial file', async () => {
    const before = new Set(chromiums().keys());
    const content = await contentFolder(6);
    const out = await tempDir();
    const run = start(['build', content, '--out', out, '--concurrency', '2']);
    expect(await until(() => browserOf(run.child.pid ?? -1) !== undefined, 60_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    run.child.kill('SIGINT');
    const code = await run.done;
    expect(code).toBe(130);
    // No browser left behind (give the OS a moment to reap it).
    const orphans = () => [...chromiums().entries()].filter(([pid]) => !before.has(pid));
    expect(await until(() => orphans().length === 0, 10_000), JSON.stringify(orphans())).toBe(true);
    // Nothing half-written: no temporary or staging files, and every PDF that exists is whole.
    const left = existsSync(out) ? await listTree(out) : [];
    expect(left.filter((f) => /\.tmp$|staging/.test(f))).toEqual([]);
    for (const f of left.filter((x) => x.endsWith('.pdf'))) execFileSync('qpdf', ['--check', path.join(out, f)]);
    for (const dir of readdirSync(out).filter((d) => !d.startsWith('.'))) {
      // A briefing folder is either complete or absent.
      expect(readdirSync(path.join(out, dir)).sort()).toEqual(['briefing.pdf', 'deck.html', 'deck.md', 'deck.pdf']);
    }
  }, 300_000);
});
