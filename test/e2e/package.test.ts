// briefdeck as a team uses it in its own repository: `npm pack` (which compiles dist/ itself), the
// tarball installed into a fresh project with every browser download closed off, then `npx briefdeck
// init`, `doctor`, `build` (from the root and from a subfolder) and `build --check`, PDFs read back.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** Where browser downloads would go: a closed port, so that any attempt fails at once. */
const CLOSED = 'http://127.0.0.1:9';
const OFFLINE_ENV = {
  PUPPETEER_DOWNLOAD_BASE_URL: CLOSED,
  PUPPETEER_CHROME_HEADLESS_SHELL_DOWNLOAD_BASE_URL: CLOSED,
  PUPPETEER_CHROME_DOWNLOAD_BASE_URL: CLOSED,
  NO_COLOR: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

interface Run {
  code: number | null;
  out: string;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  // npm's own variables from a surrounding `npm test` would point the child at this repository.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(config|package|lifecycle)_/i.test(k)));
  const r = spawnSync(cmd, args, { cwd, env: { ...clean, ...OFFLINE_ENV, ...env }, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const ok = (r: Run, what: string) => expect(r.code, `${what}:\n${r.out}`).toBe(0);

let work: string;
let tarball: string;
let project: string;
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-package-'));
  // A clean copy of the sources (as a fresh clone has them, without dist/), sharing node_modules.
  const source = path.join(work, 'source');
  mkdirSync(source);
  // What the package lists in `files` (its top folders), and what compiling dist/ needs.
  const listed = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files.filter((f) => !f.startsWith('!')).map((f) => f.split('/')[0]!);
  for (const entry of new Set(['package.json', 'package-lock.json', 'tsconfig.json', 'src', ...listed])) {
    if (existsSync(path.join(ROOT, entry)) && entry !== 'dist') cpSync(path.join(ROOT, entry), path.join(source, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  const pack = run('npm', ['pack', '--json', '--pack-destination', work], source);
  ok(pack, 'npm pack');
  const report = JSON.parse(pack.out.slice(pack.out.indexOf('['), pack.out.lastIndexOf(']') + 1)) as (typeof packed)[];
  packed = report[0]!;
  tarball = path.join(work, packed.filename);

  project = path.join(work, 'team-briefings');
  mkdirSync(project);
  spawnSync('git', ['init', '-q'], { cwd: project });
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'team-briefings', private: true, scripts: { test: 'echo none' } }, null, 2)}\n`);
  ok(run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], project), 'npm install of the tarball with browser downloads closed');
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('carries what it needs and no more', () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of ['bin/briefdeck.js', 'dist/cli/main.js', 'dist/index.d.ts', 'templates/deck/deck.hbs', 'scaffold/content/example.yaml', 'scaffold/github/briefings.yml', 'src/viewer/core.js', 'README.md']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /^test\/|\.map$|\.test\.|^src\/.*\.ts$|^content\//.test(f))).toEqual([]);
    // Fonts come from the @fontsource dependencies, the browser from the machine: the package is small.
    expect(packed.size).toBeLessThan(1024 * 1024);
  });

  it('depends on puppeteer-core, which has no install script, and not on puppeteer', () => {
    const installed = path.join(project, 'node_modules');
    expect(existsSync(path.join(installed, 'puppeteer-core'))).toBe(true);
    expect(existsSync(path.join(installed, 'puppeteer'))).toBe(false);
    const pkg = JSON.parse(readFileSync(path.join(installed, 'briefdeck', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('puppeteer');
  });
});

describe('in a fresh repository', () => {
  it('init sets it up, and a second init keeps every file', () => {
    const first = run('npx', ['--no-install', 'briefdeck', 'init'], project);
    ok(first, 'briefdeck init');
    for (const f of ['content/example.yaml', 'briefdeck.config.yaml', '.github/workflows/briefings.yml', '.gitignore']) expect(existsSync(path.join(project, f)), f).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts).toMatchObject({ test: 'echo none', briefings: 'briefdeck build', 'briefings:check': 'briefdeck build --check' });
    expect(pkg.devDependencies.briefdeck).toMatch(/^file:/);
    expect(readFileSync(path.join(project, '.gitignore'), 'utf8')).toMatch(/^output\/$/m);
    expect(readFileSync(path.join(project, '.github/workflows/briefings.yml'), 'utf8')).toMatch(/--shard \$\{\{ matrix\.shard \}\}\/4/);

    writeFileSync(path.join(project, 'briefdeck.config.yaml'), 'theme: situation-room\npaper: letter\n');
    const second = run('npx', ['--no-install', 'briefdeck', 'init'], project);
    ok(second, 'second briefdeck init');
    expect(second.out).toMatch(/kept\s+briefdeck\.config\.yaml/);
    expect(readFileSync(path.join(project, 'briefdeck.config.yaml'), 'utf8')).toBe('theme: situation-room\npaper: letter\n');
  });

  it('doctor finds the browser, starts it and exits 0', () => {
    const r = run('npx', ['--no-install', 'briefdeck', 'doctor'], project);
    ok(r, 'briefdeck doctor');
    expect(r.out).toMatch(/✓ browser\s+\S+/);
    expect(r.out).toMatch(/✓ starts\s+yes/);
    expect(r.out).toMatch(/✓ config\s+.*briefdeck\.config\.yaml, valid/);
  });

  it('builds the example, from the root, then reports it up to date from a subfolder', () => {
    ok(run('npx', ['--no-install', 'briefdeck', 'build'], project), 'npx briefdeck build');
    const out = path.join(project, 'output', 'port-strike-example');
    for (const f of ['deck.html', 'deck.pdf', 'briefing.pdf', 'deck.md']) expect(existsSync(path.join(out, f)), f).toBe(true);

    const deck = run('pdfinfo', [path.join(out, 'deck.pdf')], project);
    ok(deck, 'pdfinfo deck.pdf');
    expect(Number(/Pages:\s+(\d+)/.exec(deck.out)?.[1])).toBeGreaterThanOrEqual(5);
    // The config's letter paper reaches the print briefing: 612 × 792 pt.
    expect(run('pdfinfo', [path.join(out, 'briefing.pdf')], project).out).toMatch(/Page size:\s+612 x 792 pts/);
    const text = run('pdftotext', [path.join(out, 'briefing.pdf'), '-'], project).out;
    expect(text).toContain('Port strike will delay grain exports through March');
    expect(run('pdftotext', [path.join(out, 'deck.pdf'), '-'], project).out).toMatch(/walkout is about automation/);

    const sub = path.join(project, 'content');
    const check = run('npx', ['--no-install', 'briefdeck', 'build', '--check'], sub);
    ok(check, 'briefdeck build --check from content/');
    expect(check.out).toMatch(/all 1 briefings are up to date/);
    expect(existsSync(path.join(sub, 'output'))).toBe(false);
  });

  it('build --check fails once the content changes', () => {
    const file = path.join(project, 'content', 'example.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('through March', 'through April'));
    const r = run('npm', ['run', '--silent', 'briefings:check'], project);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/1 of 1 briefings need a build/);
  });
});
