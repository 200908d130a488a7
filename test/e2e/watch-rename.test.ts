// `build --watch` and editors that save by renaming: sed -i and a vim-style save rebuild that briefing
// (not "everything"), and in-place edits after them are still seen.
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Io } from '../../src/cli/log.js';
import { main } from '../../src/cli/main.js';
import { runInterruptHandlers } from '../../src/interrupt.js';
import { TextSink } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

it('rebuilds a briefing saved by rename, and keeps seeing in-place edits of it', { timeout: 240_000 }, async () => {
  const content = await tempDir();
  const out = await tempDir();
  const file = path.join(content, 'renamed.yaml');
  await copyFile(fixture('minimal.yaml'), file);
  const stderr = new TextSink();
  const io: Io = { stdout: new TextSink(), stderr, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };
  const running = main(['build', content, '--out', out, '--watch', '--format', 'html'], io);
  const deck = path.join(out, 'renamed', 'deck.html');
  const shows = (text: string) => until(async () => (await readFile(deck, 'utf8').catch(() => '')).includes(text), 60_000);
  const retitle = async (title: string) => writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`));
  try {
    expect(await until(async () => stderr.text.includes('watching for changes'), 60_000), stderr.text).toBe(true);

    execFileSync('sed', ['-i', 's/^title: .*/title: Saved by sed/', file]);
    expect(await shows('Saved by sed'), stderr.text).toBe(true);

    await retitle('Edited in place');
    expect(await shows('Edited in place'), stderr.text).toBe(true);

    // vim: the file moves to a backup, the new text is written under the old name, the backup goes
    const text = (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Saved by vim');
    await rename(file, `${file}~`);
    await writeFile(file, text);
    await rm(`${file}~`);
    expect(await shows('Saved by vim'), stderr.text).toBe(true);

    await retitle('In place after vim');
    expect(await shows('In place after vim'), stderr.text).toBe(true);
    expect(stderr.text).not.toMatch(/templates or themes changed|templates, themes or config changed/);
    expect(stderr.text).toMatch(/changed: .*renamed\.yaml/);
  } finally {
    await runInterruptHandlers();
    expect(await Promise.race([running, sleep(20_000).then(() => 'timeout')])).toBe(0);
  }
});
