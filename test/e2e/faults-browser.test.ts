// A dead or hung browser at the default concurrency: Chromium's main process, its whole process group
// or one renderer killed with SIGKILL in the middle of a batch; an SVG that holds the browser past
// --timeout. The CLI runs as a user runs it; afterwards no Chromium, staging folder or profile is left.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureDist } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { listTree, tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  args: string;
}

function processes(): Proc[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,pgid=,args='], { encoding: 'utf8' });
  return out.split('\n').flatMap((line) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), args: m[4] ?? '' }] : [];
  });
}

const isChromium = (p: Proc) => /chrom(e|ium)/i.test(p.args) && !/ps -eo/.test(p.args);

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return test();
}

/** `n` copies of the long fixture, each with its own slug (copy-1 …). */
async function contentFolder(n: number): Promise<string> {
  const dir = await tempDir();
  const text = readFileSync(fixture('long-other-topic.yaml'), 'utf8');
  for (let i = 1; i <= n; i++) writeFileSync(path.join(dir, `briefing-${i}.yaml`), text.replace(/^slug:.*$/m, `slug: copy-${i}`));
  return dir;
}

/** Runs the CLI with its own TMPDIR (where Chromium's profile goes), reading stderr as it comes. */
async function start(args: string[]) {
  const tmp = await tempDir();
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: '1', TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  return { child, done, stderr: () => stderr, tmp };
}

/** What a finished run must leave: no Chromium of its own, no profile in its TMPDIR, no staging folder. */
async function expectClean(run: { tmp: string }, out: string, before: Set<number>): Promise<void> {
  const ours = () => processes().filter((p) => isChromium(p) && !before.has(p.pid));
  expect(await until(() => ours().length === 0, 10_000), JSON.stringify(ours())).toBe(true);
  expect(readdirSync(run.tmp)).toEqual([]);
  expect((await listTree(out)).filter((f) => /staging|\.tmp$/.test(f))).toEqual([]);
}

const FORMATS = ['html', 'pdf', 'print', 'md'];
const victims = {
  /** Chromium's main (browser) process: the direct Chromium child of the CLI. */
  'main process': (cli: number) => processes().find((p) => p.ppid === cli && isChromium(p))?.pid,
  /** Every process of the browser's group (it runs in a group of its own). */
  'whole process group': (cli: number) => {
    const main = processes().find((p) => p.ppid === cli && isChromium(p));
    return main ? -main.pgid : undefined;
  },
  /** One renderer of the browser. */
  renderer: (cli: number) => {
    const main = processes().find((p) => p.ppid === cli && isChromium(p));
    return processes().find((p) => main && p.pgid === main.pgid && /--type=renderer/.test(p.args))?.pid;
  },
};

describe('a dead browser at the default concurrency', () => {
  beforeAll(() => ensureDist(), 120_000);

  it.each(Object.keys(victims) as (keyof typeof victims)[])(
    'Chromium\'s %s killed with SIGKILL mid-batch: every briefing built once more, every PDF whole, nothing left behind',
    async (victim) => {
      const before = new Set(processes().filter(isChromium).map((p) => p.pid));
      const n = victim === 'main process' ? 10 : 6;
      const content = await contentFolder(n);
      const out = await tempDir();
      const run = await start(['build', content, '--out', out, ...FORMATS.flatMap((f) => ['--format', f])]);
      // Mid-batch: the first briefing is done, the others are being built.
      expect(await until(() => /✓ copy-/.test(run.stderr()), 120_000), run.stderr()).toBe(true);
      const target = victims[victim](run.child.pid ?? -1);
      expect(target, `a ${victim} to kill`).toBeDefined();
      const killedAt = Date.now();
      process.kill(target as number, 'SIGKILL');
      const code = await run.done;
      expect(code, run.stderr()).toBe(0);
      expect(run.stderr()).toMatch(new RegExp(`${n} built`));
      expect(run.stderr()).not.toMatch(/could not start|crashed twice|error/);
      for (let i = 1; i <= n; i++) {
        for (const f of ['deck.pdf', 'briefing.pdf']) {
          const file = path.join(out, `copy-${i}`, f);
          expect(existsSync(file), file).toBe(true);
          execFileSync('qpdf', ['--check', file]);
        }
      }
      // Printed for the report: how long the build ran on after the kill.
      console.log(`${victim}: ${n} built, ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`);
      await expectClean(run, out, before);
    },
    400_000,
  );
});

/** An SVG of 30 nested levels of <g>, each drawing the level below four times: 4^30 drawings from 2.7 KB. */
function nestedUseSvg(): string {
  const levels = ['<rect id="l0" width="1" height="1" fill="red"/>'];
  for (let i = 1; i <= 30; i++) {
    levels.push(`<g id="l${i}"><use href="#l${i - 1}"/><use href="#l${i - 1}" x="1"/><use href="#l${i - 1}" y="1"/><use href="#l${i - 1}" x="1" y="1"/></g>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 2 2"><defs>${levels.join('')}</defs><use href="#l30"/></svg>`;
}

describe('every browser call bounded by --timeout', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('an SVG that would hold the browser for minutes fails its briefing after one retry, exit 1, naming the file and image', async () => {
    const before = new Set(processes().filter(isChromium).map((p) => p.pid));
    const content = await tempDir();
    writeFileSync(path.join(content, 'bomb.svg'), nestedUseSvg());
    const yaml = readFileSync(fixture('minimal.yaml'), 'utf8');
    writeFileSync(path.join(content, 'svg.yaml'), `${yaml}sections:\n  - title: Map\n    image:\n      path: bomb.svg\n      alt: A map\n`);
    writeFileSync(path.join(content, 'plain.yaml'), yaml);
    const out = await tempDir();
    const run = await start(['build', content, '--out', out, '--timeout', '5', '--format', 'pdf', '--format', 'print']);
    const code = await run.done;
    const stderr = run.stderr();
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/svg\.yaml:\d+:\d+ sections\[0\]\.image\.path: the browser did not finish drawing this briefing in 5 s \(tried twice\); it shows bomb\.svg/);
    expect(stderr).toContain('raise --timeout above 5');
    expect(stderr).not.toMatch(/internal error|please report|^\s+at /m);
    expect(stderr).toMatch(/1 built, 1 failed/);
    // The other briefing is whole; the failed one left nothing.
    execFileSync('qpdf', ['--check', path.join(out, 'plain', 'deck.pdf')]);
    expect(readdirSync(out).filter((d) => !d.startsWith('.'))).toEqual(['plain']);
    expect(stderr.length).toBeLessThan(2000);
    await expectClean(run, out, before);
  }, 300_000);
});
