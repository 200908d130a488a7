// `briefdeck validate` makes the checks `build` makes before rendering, with the same file:line:column messages.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const MINIMAL = await readFile(fixture('minimal.yaml'), 'utf8');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function withSection(image: string): string {
  return `${MINIMAL}sections:\n  - title: With a picture\n    image:\n      path: ${image}\n      alt: A picture\n`;
}

describe('validate', () => {
  it('passes valid files and names their slugs', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.yaml'), withSection('pic.png'));
    await writeFile(path.join(dir, 'pic.png'), PNG);
    const run = await runCli(['validate', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('1 file valid');
  });

  it('fails a slug clash at the line of the second file\'s slug, as build does', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.yaml'), `slug: same\n${MINIMAL}`);
    await writeFile(path.join(dir, 'b.yaml'), `${MINIMAL}slug: same\n`);
    const run = await runCli(['validate', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/b\.yaml:10:7 slug: slug "same" is already used by .*a\.yaml/);
    expect(run.stderr).toContain('1 of 2 files invalid');
  });

  it('fails a missing image at the line and column of its path', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.yaml'), withSection('missing.png'));
    const run = await runCli(['validate', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/a\.yaml:13:13 sections\[0\]\.image\.path: image not found: missing\.png/);
  });

  it('fails an image outside the content folder at its path', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'content');
    await mkdir(dir);
    await mkdir(path.join(dir, 'pics'));
    await writeFile(path.join(root, 'outside.png'), PNG);
    // A link inside the content folder to a file outside it is refused too.
    await symlink(path.join(root, 'outside.png'), path.join(dir, 'pics', 'link.png'));
    await writeFile(path.join(dir, 'a.yaml'), withSection('../outside.png'));
    await writeFile(path.join(dir, 'b.yaml'), withSection('pics/link.png'));
    const run = await runCli(['validate', path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/a\.yaml:13:13 sections\[0\]\.image\.path: image path leaves the content folder/);
    expect(run.stderr).toMatch(/b\.yaml:13:13 sections\[0\]\.image\.path: image path leaves the content folder/);
  });

  it('fails an unknown theme, the build\'s or a briefing\'s', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.yaml'), `${MINIMAL}theme: neon\n`);
    const own = await runCli(['validate', dir]);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/a\.yaml:10:8 theme: unknown theme "neon"/);
    const given = await runCli(['validate', fixture('minimal.yaml'), '--theme', 'neon']);
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/unknown theme "neon"/);
  });
});
