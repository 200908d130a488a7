// The on-disk cache of compiled templates and packed theme CSS: a hit gives exactly what a miss makes,
// an entry is named by all of its inputs, and a broken or missing cache only costs time.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cached } from '../../src/cache.js';
import { parseBriefing } from '../../src/content/parse.js';
import { loadTemplates } from '../../src/render/templates.js';
import { buildView } from '../../src/render/view.js';
import { renderDeckMarkdown } from '../../src/render/deck.js';
import { renderPrint } from '../../src/render/print.js';
import { MarpEngine } from '../../src/render/marp.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const saved = { dir: process.env.BRIEFDECK_CACHE_DIR, on: process.env.BRIEFDECK_CACHE };
let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  process.env.BRIEFDECK_CACHE_DIR = dir;
  delete process.env.BRIEFDECK_CACHE;
});
afterEach(() => {
  for (const [key, value] of [['BRIEFDECK_CACHE_DIR', saved.dir], ['BRIEFDECK_CACHE', saved.on]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const briefing = parseBriefing(
  Buffer.from('title: "A <b>title</b> & more"\ndate: 2025-04-14\nbluf: B\nkeyPoints: [one, "two *stars*"]\nsources: [{id: a, title: t}]\n'),
  'x.yaml',
);

describe('on-disk cache', () => {
  it('makes a value once, then reads it back; other inputs make another entry', () => {
    let made = 0;
    const make = () => `value ${++made}`;
    expect(cached('t', ['a', 'b'], make)).toBe('value 1');
    expect(cached('t', ['a', 'b'], make)).toBe('value 1');
    // Inputs are length-prefixed: ["ab", ""] is not ["a", "b"].
    expect(cached('t', ['ab', ''], make)).toBe('value 2');
    expect(cached('u', ['a', 'b'], make)).toBe('value 3');
    expect(made).toBe(3);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is skipped with BRIEFDECK_CACHE=0, and a cache folder that cannot be made only costs time', async () => {
    process.env.BRIEFDECK_CACHE = '0';
    let made = 0;
    cached('t', ['x'], () => String(++made));
    cached('t', ['x'], () => String(++made));
    expect(made).toBe(2);
    expect(readdirSync(dir)).toEqual([]);

    delete process.env.BRIEFDECK_CACHE;
    const file = path.join(await tempDir(), 'a-file');
    writeFileSync(file, '');
    process.env.BRIEFDECK_CACHE_DIR = path.join(file, 'cache');
    expect(cached('t', ['x'], () => 'made')).toBe('made');
    expect(cached('t', ['x'], () => 'made again')).toBe('made again');
  });

  it('templates from the cache render exactly what freshly compiled ones do', async () => {
    const view = buildView(briefing, 'x', 'markdown');
    const printView = buildView(briefing, 'x', 'html');
    const render = async () => {
      const templates = await loadTemplates();
      return { deck: renderDeckMarkdown(view, templates, { theme: 'briefing' }).markdown, print: await renderPrint(printView, templates, { paper: 'a4' }) };
    };
    const cold = await render();
    expect(readdirSync(dir).some((f) => f.startsWith('hbs-'))).toBe(true);
    const warm = await render();
    process.env.BRIEFDECK_CACHE = '0';
    const uncached = await render();
    expect(warm).toEqual(cold);
    expect(uncached).toEqual(cold);
    expect(cold.deck).toContain('# A \\<b\\>title\\<\\/b\\> \\& more');
    expect(cold.print).toContain('A &lt;b&gt;title&lt;/b&gt; &amp; more');
  });

  it('a damaged template entry is compiled again', async () => {
    await loadTemplates();
    for (const f of readdirSync(dir).filter((f) => f.startsWith('hbs-'))) writeFileSync(path.join(dir, f), '{ not javascript');
    const templates = await loadTemplates();
    expect(renderDeckMarkdown(buildView(briefing, 'x', 'markdown'), templates, { theme: 'briefing' }).markdown).toContain('## Key points');
  });

  it('a packed theme is named by every theme of the set, so editing an imported theme is seen', async () => {
    const themesDir = await tempDir();
    const base = path.join(themesDir, 'base.css');
    const house = path.join(themesDir, 'house.css');
    writeFileSync(house, "/* @theme house */\n@import 'base';\nsection { color: #111111; }\n");
    const pack = async () => {
      const templates = await loadTemplates({ themeFiles: [base, house] });
      const { markdown } = renderDeckMarkdown(buildView(briefing, 'x', 'markdown'), templates, { theme: 'house' });
      // A new engine each time: as in a new process, only the disk remembers.
      return new MarpEngine([...templates.themes.values()]).render(markdown).css;
    };
    writeFileSync(base, '/* @theme base */\nsection { background: #aa0000; }\n');
    expect(await pack()).toContain('#aa0000');
    writeFileSync(base, '/* @theme base */\nsection { background: #00bb00; }\n');
    const css = await pack();
    expect(css).toContain('#00bb00');
    expect(css).not.toContain('#aa0000');
    expect(readdirSync(dir).filter((f) => f.startsWith('marp-theme-')).length).toBe(2);
    expect(readFileSync(path.join(dir, readdirSync(dir).find((f) => f.startsWith('marp-theme-')) as string), 'utf8')).toContain('section');
  });

  it('keeps the atlas index, the drawn maps and the font rules on disk: a new process reads them back and draws the same', async () => {
    const data = { highlight: ['IR', 'IL', 'US'], focus: ['IR', 'IL', 'IQ'], label: true };
    const theme = { width: 600, height: 400, font: 20, lang: 'en', dir: 'ltr' as const, labels: { source: 'Source' } };
    const fresh = async () => {
      // A new module instance each time: as in a new process, only the disk remembers.
      vi.resetModules();
      const [{ renderMap, drawMap }, { fontCss }] = await Promise.all([import('../../src/figures/map.js'), import('../../src/render/fonts.js')]);
      const map = renderMap(data, theme);
      // Another size or another language is another entry, drawn anew.
      const other = renderMap(data, { ...theme, lang: 'fr' });
      return { map, other, drawn: drawMap(data, theme), fonts: await fontCss(['Inter', 'Noto Sans Hebrew'], 'Iran ישראל') };
    };
    const made = await fresh();
    const entries = readdirSync(dir);
    expect(entries.filter((f) => f.startsWith('atlas-index-'))).toHaveLength(1);
    expect(entries.filter((f) => f.startsWith('map-svg-'))).toHaveLength(2);
    expect(entries.filter((f) => f.startsWith('font-rules-'))).toHaveLength(1);
    expect(made.map).toContain('<path ');
    expect(made.map).toBe(made.drawn);
    expect(made.other).toContain('Iran');
    expect(made.other).not.toBe(made.map);
    expect(made.fonts).toContain("font-family:'Noto Sans Hebrew'");
    const read = await fresh();
    expect(read).toEqual(made);
    // Without the cache the same is derived in the process.
    process.env.BRIEFDECK_CACHE = '0';
    expect(await fresh()).toEqual(made);
  });
});
