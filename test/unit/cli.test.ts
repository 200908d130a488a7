// The command line in-process: exit codes (0 ok, 1 content, 2 usage), help and version, and error
// messages that name file:line:column without a stack trace. Nothing here starts a browser.
import { readFileSync } from 'node:fs';
import { writeFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE, EXAMPLE_HE, ROOT, fixture } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const MINIMAL = readFileSync(fixture('minimal.yaml'), 'utf8');
/** Node and vitest stack frames: `    at fn (file.ts:1:2)`. */
const STACK = /^\s+at .+[:(]\d+:\d+\)?$/m;

async function writeContent(dir: string, name: string, text: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

describe('help and version', () => {
  it('--version prints the package version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
    expect(r.stderr).toBe('');
  });

  it('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/briefdeck <command>/);
    expect(r.stdout).toMatch(/\bbuild\b/);
    expect(r.stdout).toMatch(/\bvalidate\b/);
    expect(r.stderr).toBe('');
  });

  it('build --help lists the build options and exits 0', async () => {
    const r = await runCli(['build', '--help']);
    expect(r.code).toBe(0);
    for (const o of ['--out', '--format', '--paper', '--theme', '--strict']) expect(r.stdout).toContain(o);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['validate', '--frobnicate', EXAMPLE]],
    ['an unknown build option', ['build', '--no-such-option', EXAMPLE]],
    ['no command at all', []],
    ['a bad --paper choice', ['build', '--paper', 'a5', EXAMPLE]],
    ['a bad --format choice', ['build', '--format', 'docx', EXAMPLE]],
  ])('%s', async (_what, argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error /m);
    expect(r.stderr).toMatch(/briefdeck --help/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
  });

  it('suggests the command meant by a typo', async () => {
    const r = await runCli(['valdate', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/validate/);
  });

  it('validate on a missing path exits 2 and names it', async () => {
    const missing = path.join(await tempDir(), 'no-such-briefing.yaml');
    const r = await runCli(['validate', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no such file or folder: ${missing}`);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('build on a missing path exits 2 without building', async () => {
    const dir = await tempDir();
    const r = await runCli(['build', path.join(dir, 'missing.yaml'), '--out', path.join(dir, 'out'), '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or folder');
    await expect(readdir(dir)).resolves.toEqual([]);
  });
});

describe('validate', () => {
  it('exits 0 on the examples and fixtures, naming each file and its slug', async () => {
    const r = await runCli(['validate', EXAMPLE, EXAMPLE_HE, fixture('minimal.yaml'), fixture('long-other-topic.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${EXAMPLE} (us-iran-nuclear-talks)`);
    expect(r.stderr).toContain(`${EXAMPLE_HE} (us-iran-nuclear-talks-he)`);
    expect(r.stderr).toContain('(mecca-crane-collapse)');
    expect(r.stderr).toMatch(/4 files valid/);
    expect(r.stderr).not.toMatch(/^error /m);
  });

  it('exits 0 on a folder of good files', async () => {
    const dir = await tempDir();
    await writeContent(dir, 'a.yaml', MINIMAL);
    await writeContent(dir, 'sub/b.yml', MINIMAL);
    await writeContent(dir, '.hidden.yaml', 'not: [valid');
    await writeContent(dir, 'notes.txt', 'ignored');
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 files valid/);
  });

  it('exits 1 on a broken file with file:line:column, field, message and hint, and no stack trace', async () => {
    const dir = await tempDir();
    const file = await writeContent(dir, 'typo.yaml', MINIMAL.replace('  - The only key point.', '  - text: The only key point.\n    likelyhood: likely'));
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    // minimal.yaml starts with a comment line: the key point is on line 6, the typo on line 7.
    expect(r.stderr).toContain(`error ${file}:7:5 keyPoints[0].likelyhood: unknown field "likelyhood"`);
    expect(r.stderr).toContain('  hint: did you mean "likelihood"?');
    expect(r.stderr).toMatch(/1 of 1 files invalid/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/\.ts:\d+|node_modules/);
    expect(r.stdout).toBe('');
  });

  it('exits 1 on malformed YAML, naming the position', async () => {
    const dir = await tempDir();
    const file = await writeContent(dir, 'bad.yaml', 'title: a: b\n');
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`error ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:8: `));
    expect(r.stderr).not.toMatch(STACK);
  });

  it('exits 1 on a file that is not UTF-8', async () => {
    const dir = await tempDir();
    const file = await writeContent(dir, 'latin1.yaml', Buffer.from(MINIMAL.replace('The article', 'Café'), 'latin1'));
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:\d+:\d+: file is not valid UTF-8/);
  });

  it('checks every file of a folder and exits 1 if any is broken', async () => {
    const dir = await tempDir();
    await writeContent(dir, 'good.yaml', MINIMAL);
    const bad = await writeContent(dir, 'bad.yaml', MINIMAL.replace('bluf: A one-line bottom line.\n', ''));
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, 'good.yaml')} (good)`);
    expect(r.stderr).toContain(`error ${bad}:2:1 bluf: is required`);
    expect(r.stderr).toMatch(/1 of 2 files invalid/);
  });

  it('applies the --max-* limits', async () => {
    const dir = await tempDir();
    const file = await writeContent(dir, 'long.yaml', MINIMAL);
    const r = await runCli(['validate', '--max-text', '10', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/over the 10 limit/);
    expect(r.stderr).toMatch(/--max-text/);
  });

  it('prints a stack trace only with --debug', async () => {
    const dir = await tempDir();
    const missing = path.join(dir, 'missing.yaml');
    const plain = await runCli(['validate', missing]);
    const debug = await runCli(['validate', '--debug', missing]);
    expect(plain.stderr).not.toMatch(STACK);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(STACK);
  });

  it('prints no colour codes when NO_COLOR is set or output is not a terminal', async () => {
    const r = await runCli(['validate', fixture('minimal.yaml')]);
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });
});

describe('--open', () => {
  it('opens nothing where there is no display, and uses the platform opener elsewhere', async () => {
    const { opener } = await import('../../src/cli/open.js');
    expect(opener({}, 'linux')).toBeUndefined();
    expect(opener({ DISPLAY: ':0' }, 'linux')?.cmd).toBe('xdg-open');
    expect(opener({}, 'darwin')?.cmd).toBe('open');
  });
});

describe('an output folder that cannot be written', () => {
  it('exits 3 with a clear message and no stack trace', async () => {
    for (const out of ['/etc/passwd/x', '/proc/briefdeck-test']) {
      const run = await runCli(['build', fixture('minimal.yaml'), '--out', out, '--format', 'md']);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toContain(`cannot create ${out}`);
      expect(run.stderr).toContain('hint: choose a writable folder with --out');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
