// The input watcher: a save by rename (sed -i, vim) is a change of that content file, later in-place
// edits are still seen, editors' temporary files are ignored, and images or config touch everything.
import { execFileSync } from 'node:child_process';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shown, watchInputs, type Changes, type InputWatcher } from '../../src/watch/watcher.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

let open: InputWatcher | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** Starts a watcher and returns a function that waits for the next batch (or undefined after `ms`). */
async function watching(content: string[], extra: { trusted?: string[]; config?: string[]; ignore?: string[] } = {}) {
  const batches: Changes[] = [];
  let wake = () => {};
  open = watchInputs({ content, trusted: extra.trusted ?? [], config: extra.config ?? [], ignore: extra.ignore }, (c) => {
    batches.push(c);
    wake();
  });
  await open.ready;
  const next = async (ms = 8000): Promise<Changes | undefined> => {
    if (!batches.length) await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
    // let the rest of the batch's window pass, so one save is one batch
    return batches.shift();
  };
  return next;
}

const rel = shown;

describe.each(['folder', 'file'])('watching a content %s', (kind) => {
  it('sees sed -i, then in-place writes, then a vim-style rename save, each as a change of that file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.yaml');
    await writeFile(file, 'title: one\n');
    const next = await watching([kind === 'folder' ? dir : file]);

    execFileSync('sed', ['-i', 's/one/two/', file]);
    expect(await next()).toEqual({ files: [rel(file)], removed: [], everything: undefined });

    await writeFile(file, 'title: three\n');
    expect(await next()).toEqual({ files: [rel(file)], removed: [], everything: undefined });

    // vim's default: write a 4913 probe, move the file to a backup~, write the new one, drop the backup
    await writeFile(path.join(dir, '4913'), '');
    await rm(path.join(dir, '4913'));
    await rename(file, `${file}~`);
    await writeFile(file, 'title: four\n');
    await rm(`${file}~`);
    expect(await next()).toEqual({ files: [rel(file)], removed: [], everything: undefined });

    execFileSync('sed', ['-i', 's/four/five/', file]);
    expect((await next())?.files).toEqual([rel(file)]);
    await writeFile(file, 'title: six\n');
    expect((await next())?.files).toEqual([rel(file)]);
  });
});

describe('watching a content folder', () => {
  it('ignores temporary and hidden files, reports new and removed content files', async () => {
    const dir = await tempDir();
    const next = await watching([dir]);
    await writeFile(path.join(dir, '.a.yaml.swp'), 'x');
    await writeFile(path.join(dir, 'sedAb12Cd'), 'x');
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    expect(await next(600), 'no batch for files no briefing reads').toBeUndefined();

    const b = path.join(dir, 'sub', 'b.yml');
    await mkdir(path.dirname(b));
    await writeFile(b, 'title: b\n');
    expect((await next())?.files).toEqual([rel(b)]);
    await rm(b);
    expect(await next()).toEqual({ files: [rel(b)], removed: [rel(b)], everything: undefined });
  });

  it('an image, a template or a config file touches everything', async () => {
    const dir = await tempDir();
    const templates = await tempDir();
    const config = path.join(await tempDir(), 'briefdeck.config.yaml');
    const next = await watching([dir], { trusted: [templates], config: [config] });
    await writeFile(path.join(dir, 'map.png'), 'png');
    expect((await next())?.everything).toMatch(/map\.png/);
    await writeFile(path.join(templates, 'title.hbs'), '{{title}}');
    expect((await next())?.everything).toMatch(/templates/);
    await writeFile(config, 'paper: letter\n');
    expect((await next())?.everything).toMatch(/briefdeck\.config\.yaml/);
  }, 30_000);
});

describe('config files that do not exist yet', () => {
  it('do not make the watcher ready before it reads the content (a save right after ready is seen)', async () => {
    // chokidar given a missing path among others emitted 'ready' before it watched anything
    for (let round = 0; round < 3; round++) {
      const dir = await tempDir();
      const file = path.join(dir, 'a.yaml');
      await writeFile(file, 'title: one\n');
      const missing = [path.join(await tempDir(), 'briefdeck.config.yaml'), path.join(await tempDir(), 'nowhere', 'briefdeck.config.yml')];
      const next = await watching([dir], { config: missing });
      execFileSync('sed', ['-i', 's/one/two/', file]);
      expect((await next(3000))?.files, `round ${round}`).toEqual([rel(file)]);
      await open?.close();
      open = undefined;
    }
  }, 30_000);
});

describe('the output folder inside a content folder', () => {
  it('is not watched: what a build writes there is no edit', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'output');
    await mkdir(path.join(out, 'a', 'slides'), { recursive: true });
    const next = await watching([dir], { ignore: [out] });
    await writeFile(path.join(out, 'a', 'slides', '01.png'), 'png');
    await writeFile(path.join(out, 'a', 'report.json'), '{}');
    expect(await next(600)).toBeUndefined();
    await writeFile(path.join(dir, 'a.yaml'), 'title: a\n');
    expect((await next())?.files).toEqual([rel(path.join(dir, 'a.yaml'))]);
  });
});

describe('a changed file named in messages', () => {
  it('is relative inside the working folder and absolute outside it, as the first build named it', () => {
    expect(shown(path.join(process.cwd(), 'content', 'a.yaml'))).toBe(path.join('content', 'a.yaml'));
    expect(shown(path.join(path.dirname(process.cwd()), 'elsewhere', 'a.yaml'))).toBe(path.join(path.dirname(process.cwd()), 'elsewhere', 'a.yaml'));
  });
});
