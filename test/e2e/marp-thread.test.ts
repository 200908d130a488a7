// Decks render on a worker thread when the CLI runs from dist/ (MarpThread), in-process otherwise: the
// two must give the same bytes, and a thread that dies must not lose a render.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, runBin, runCli } from '../helpers/cli.js';
import { EXAMPLE, ROOT } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';
import { loadTemplates } from '../../src/render/templates.js';
import { MarpEngine } from '../../src/render/marp.js';

useTempDirs();

interface Thread {
  useThemes(themes: string[]): Thread;
  render(markdown: string): Promise<{ html: string; css: string }>;
  close(): Promise<void>;
}

describe('the Marp thread', () => {
  beforeAll(() => ensureDist(), 120_000);

  it('a build on the thread (the CLI from dist/) and one in-process give the same deck.md and deck.html', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const formats = ['--format', 'html', '--format', 'md'];
    const threaded = runBin(['build', EXAMPLE, '--out', a, ...formats]);
    expect(threaded.code, threaded.stderr).toBe(0);
    const here = await runCli(['build', EXAMPLE, '--out', b, ...formats]);
    expect(here.code, here.stderr).toBe(0);
    for (const f of ['deck.md', 'deck.html']) {
      const x = await readFile(path.join(a, 'us-iran-nuclear-talks', f));
      expect(x.equals(await readFile(path.join(b, 'us-iran-nuclear-talks', f))), `${f} is the same`).toBe(true);
    }
  }, 120_000);

  it('renders as the engine does, and renders here what it owed when the thread dies', async () => {
    const { MarpThread } = (await import(path.join(ROOT, 'dist', 'render', 'marp-thread.js'))) as { MarpThread: { start(): Thread | undefined } };
    const themes = [...(await loadTemplates()).themes.values()];
    const markdown = '---\nmarp: true\ntheme: briefing\n---\n\n# One\n\n- a point\n\n---\n\n## Two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
    const expected = new MarpEngine(themes).render(markdown);
    const thread = MarpThread.start();
    expect(thread, 'compiled code runs on a thread').toBeDefined();
    const t = (thread as Thread).useThemes(themes);
    try {
      expect(await t.render(markdown)).toEqual(expected);
      // Kill the thread under a render: that render still arrives (from the thread or made here), and
      // later ones are made here.
      const owed = t.render(markdown);
      await (t as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      expect(await owed).toEqual(expected);
      expect(await t.render(markdown)).toEqual(expected);
    } finally {
      await t.close();
    }
  }, 60_000);
});
