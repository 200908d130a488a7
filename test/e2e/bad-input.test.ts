// Input that is not what it claims: images that are not images (or bombs), control characters and
// huge values in messages and PDF metadata, leftovers of killed builds, links and files where a
// briefing's folder goes, shards into one folder at once, pipes and devices as paths, a huge logo,
// a JSON config with a trailing comma. The CLI runs as a user runs it; outputs are read back.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureDist, runBin } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { listTree, tempDir, useTempDirs } from '../helpers/tmp.js';
import { png, pngChunk } from '../helpers/png.js';

useTempDirs();
const MINIMAL = readFileSync(fixture('minimal.yaml'), 'utf8');
const withImage = (p: string) => `${MINIMAL}sections:\n  - title: Picture\n    image:\n      path: ${JSON.stringify(p)}\n      alt: A picture\n`;

function runAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('bad input', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('images are checked by their bytes: HTML named .png, a hard link to /etc/passwd and a declared 60000 x 60000 are refused at the path', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'fake.png'), '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    try {
      linkSync('/etc/passwd', path.join(dir, 'passwd.png'));
    } catch {
      copyFileSync('/etc/passwd', path.join(dir, 'passwd.png'));
    }
    writeFileSync(path.join(dir, 'bomb.png'), png(60000, 60000, 1));
    for (const name of ['fake', 'passwd', 'bomb']) writeFileSync(path.join(dir, `${name}.yaml`), withImage(`${name}.png`));
    const out = await tempDir();
    const r = runBin(['build', dir, '--out', out, '-f', 'html', '-f', 'md']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/fake\.yaml:13:13 sections\[0\]\.image\.path: fake\.png: the file is HTML, not an image/);
    expect(r.stderr).toMatch(/passwd\.yaml:13:13 sections\[0\]\.image\.path: passwd\.png: the file is text, not an image/);
    expect(r.stderr).toMatch(/bomb\.yaml:13:13 sections\[0\]\.image\.path: bomb\.png: the PNG declares 60000 x 60000 pixels \(3600\.0 million\), over the limit of 50\.0 million/);
    expect(r.stderr).toContain('raise the limit with --max-image-pixels');
    expect(r.stderr).toMatch(/3 failed/);
    // Nothing was written for any of them: no bytes of /etc/passwd anywhere.
    expect((await listTree(out)).filter((f) => !f.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('a picture Chromium cannot decode fails its briefing, naming the image; a good one is in deck.pdf', async () => {
    const dir = await tempDir();
    // A whole header (40 x 40, within every limit), then junk where the pixels should be.
    const broken = Buffer.concat([png(40, 40).subarray(0, 33), Buffer.alloc(200, 7)]);
    writeFileSync(path.join(dir, 'broken.png'), broken);
    writeFileSync(path.join(dir, 'good.png'), Buffer.concat([png(40, 40).subarray(0, 33), pngChunk('IDAT', deflateSync(Buffer.alloc(40 * 41, 0x80))), pngChunk('IEND', Buffer.alloc(0))]));
    writeFileSync(path.join(dir, 'broken.yaml'), withImage('broken.png'));
    writeFileSync(path.join(dir, 'good.yaml'), withImage('good.png'));
    const out = await tempDir();
    const r = runBin(['build', dir, '--out', out, '-f', 'pdf']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:13:13 sections\[0\]\.image\.path: the browser could not decode broken\.png/);
    expect(r.stderr).toMatch(/1 built, 1 failed/);
    execFileSync('qpdf', ['--check', path.join(out, 'good', 'deck.pdf')]);
    expect(existsSync(path.join(out, 'broken'))).toBe(false);
  }, 120_000);

  it('control characters are escaped on stderr and removed from PDF metadata; long values are shortened', async () => {
    const dir = await tempDir();
    const evil = '\u001b]0;pwned\u0007\u001b[2J';
    writeFileSync(path.join(dir, 'evil.yaml'), MINIMAL.replace('title: Minimal briefing', `title: "Minimal\\e]0;pwned\\a\\e[2J briefing"`));
    writeFileSync(path.join(dir, 'path.yaml'), withImage(`${evil}.png`));
    writeFileSync(path.join(dir, 'long.yaml'), withImage(`${'x'.repeat(5000)}.png`));
    const out = await tempDir();
    const r = runBin(['build', dir, '--out', out, '-f', 'pdf']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain('image not found: \\x1B]0;pwned\\x07\\x1B[2J.png');
    expect(r.stderr).toMatch(/x{220}… \(\+4,784 characters\)/);
    expect(r.stderr.length).toBeLessThan(3000);
    const info = execFileSync('pdfinfo', [path.join(out, 'evil', 'deck.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Minimal ]0;pwned \[2J briefing$/m);
    expect(info).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  }, 120_000);

  it('stale staging folders and profiles of dead builds are collected, not those of a running one', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'minimal.yaml'), MINIMAL);
    const out = await tempDir();
    const tmp = await tempDir();
    // Process ids past the kernel's pid_max are never running.
    const dead = 4_194_304 + 17;
    mkdirSync(path.join(out, `.minimal.staging-${dead}-aaaaaaaaaaaa`));
    writeFileSync(path.join(out, `.minimal.staging-${dead}-aaaaaaaaaaaa`, 'deck.pdf'), 'half');
    mkdirSync(path.join(out, `.other.staging-${process.pid}-bbbbbbbbbbbb`));
    mkdirSync(path.join(tmp, `briefdeck-chromium-${dead}-AbC123`));
    mkdirSync(path.join(tmp, `briefdeck-chromium-${process.pid}-XyZ789`));
    const r = runBin(['build', dir, '--out', out, '-f', 'pdf'], { env: { TMPDIR: tmp } });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`.briefdeck-manifest.json`, `.other.staging-${process.pid}-bbbbbbbbbbbb`, 'minimal']);
    expect(readdirSync(tmp)).toEqual([`briefdeck-chromium-${process.pid}-XyZ789`]);
  }, 120_000);

  it('a link at out/<slug> is replaced, never written through; a file there is exit 3', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'minimal.yaml'), MINIMAL);
    const out = await tempDir();
    const elsewhere = await tempDir();
    symlinkSync(elsewhere, path.join(out, 'minimal'));
    const r = runBin(['build', dir, '--out', out, '-f', 'html', '-f', 'md']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(path.join(out, 'minimal')).isDirectory()).toBe(true);
    expect(readdirSync(path.join(out, 'minimal')).sort()).toEqual(['deck.html', 'deck.md']);

    const out2 = await tempDir();
    writeFileSync(path.join(out2, 'minimal'), 'a file');
    const f = runBin(['build', dir, '--out', out2, '-f', 'md']);
    expect(f.code, f.stderr).toBe(3);
    expect(f.stderr).toContain(`cannot write ${path.join(out2, 'minimal')}: it is a file, not the briefing's folder`);
    expect(f.stderr).not.toMatch(/internal error|ENOTDIR/);
    expect(readFileSync(path.join(out2, 'minimal'), 'utf8')).toBe('a file');
  }, 60_000);

  it('shards 1/2 and 2/2 at the same time into one folder: the manifest keeps all 10 entries', async () => {
    const dir = await tempDir();
    for (let i = 1; i <= 10; i++) writeFileSync(path.join(dir, `b${i}.yaml`), MINIMAL);
    const out = await tempDir();
    const [a, b] = await Promise.all([runAsync(['build', dir, '--out', out, '-f', 'md', '--shard', '1/2']), runAsync(['build', dir, '--out', out, '-f', 'md', '--shard', '2/2'])]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    const manifest = JSON.parse(readFileSync(path.join(out, '.briefdeck-manifest.json'), 'utf8')) as { briefings: Record<string, unknown> };
    expect(Object.keys(manifest.briefings).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `b${i + 1}`).sort());
    const check = runBin(['build', dir, '--out', out, '-f', 'md', '--check']);
    expect(check.code, check.stderr).toBe(0);
    expect(readdirSync(out).filter((n) => /lock|staging/.test(n))).toEqual([]);
  }, 60_000);

  it('a pipe or a device as a path is exit 2 in one line; a 50 MB logo is exit 1; a JSON config with a trailing comma is refused', async () => {
    const dir = await tempDir();
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const p of [fifo, '/dev/null', '/dev/zero']) {
      const r = runBin(['build', p, '--out', path.join(dir, 'out'), '-f', 'md'], { timeout: 20_000 });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error ${p.replace(/[/.]/g, '\\$&')} is a (named pipe|device), not a content file or folder$`))]);
    }
    const config = runBin(['build', 'content', '-f', 'md', '--out', path.join(dir, 'out'), '--config', '/dev/zero'], { timeout: 20_000 });
    expect(config.code, config.stderr).toBe(2);
    expect(config.stderr).toContain('config file /dev/zero is a device, not a file');

    const content = await tempDir();
    writeFileSync(path.join(content, 'minimal.yaml'), MINIMAL);
    writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(50 * 1024 * 1024));
    writeFileSync(path.join(dir, 'big.yaml'), 'logo: logo.png\n');
    const logo = runBin(['build', content, '-f', 'md', '--out', path.join(dir, 'out'), '--config', path.join(dir, 'big.yaml')]);
    expect(logo.code, logo.stderr).toBe(1);
    expect(logo.stderr).toMatch(/big\.yaml logo: logo .*logo\.png is 50\.0 MiB, over the 2 MiB limit/);

    writeFileSync(path.join(dir, 'c.json'), '{\n  "paper": "a4",\n}\n');
    const json = runBin(['build', content, '-f', 'md', '--out', path.join(dir, 'out'), '--config', path.join(dir, 'c.json')]);
    expect(json.code, json.stderr).toBe(1);
    expect(json.stderr).toMatch(/c\.json:3:1: trailing comma: JSON allows no comma before a closing bracket or brace/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  }, 60_000);
});

