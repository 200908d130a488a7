// Custom templates override built-in ones by path; custom themes add to the built-in ones.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { loadTemplates } from '../../src/render/templates.js';
import { buildView } from '../../src/render/view.js';
import { renderDeckMarkdown } from '../../src/render/deck.js';
import { MarpEngine, usesContainerQueries } from '../../src/render/marp.js';
import { FALLBACK_FAMILIES, FACES } from '../../src/render/fonts.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const briefing = parseBriefing(Buffer.from('title: "A # title"\ndate: 2025-04-14\nbluf: B\nkeyPoints: [one]\nsources: [{id: a, title: t}]\n'), 'x.yaml');

describe('custom templates and themes', () => {
  it('a custom templates folder replaces a built-in partial by its path, content still escaped', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'deck', 'slides'), { recursive: true });
    await writeFile(path.join(dir, 'deck', 'slides', 'title.hbs'), '# House style: {{@root.title}}\n');
    const templates = await loadTemplates({ custom: dir });
    const { markdown } = renderDeckMarkdown(buildView(briefing, 'x', 'markdown'), templates, { theme: 'briefing' });
    expect(markdown).toContain('# House style: A \\# title');
    // The other slides are still the built-in ones.
    expect(markdown).toContain('## Key points');
  });

  it('the handout goes through the same templates: a custom handout.hbs and handout.css are used, with the shared labels', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'handout'), { recursive: true });
    await writeFile(path.join(dir, 'handout', 'handout.hbs'), '<p class="house">{{title}} · {{labels.slide}} · {{labels.notes}}</p>');
    await writeFile(path.join(dir, 'handout', 'handout.css'), '.house { color: red }');
    const templates = await loadTemplates({ custom: dir });
    const { renderHandout } = await import('../../src/render/handout.js');
    const html = renderHandout({ marpHtml: '', marpCss: '', slides: [], view: buildView(briefing, 'x', 'html'), paper: 'a4', perPage: 3, fontCss: '', templates });
    expect(html).toContain('<p class="house">A # title · Slide · Speaker notes</p>');
    expect(html).toContain('.house { color: red }');
    const he = parseBriefing(Buffer.from('title: T\nlang: he\ndate: 2025-04-14\nbluf: B\nkeyPoints: [one]\nsources: [{id: a, title: t}]\n'), 'he.yaml');
    expect(renderHandout({ marpHtml: '', marpCss: '', slides: [], view: buildView(he, 'x', 'html'), paper: 'a4', perPage: 3, fontCss: '', templates })).toContain('שקף');
  });

  it('a custom theme CSS file is named by its @theme comment and can build on briefing', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'house.css');
    await writeFile(file, "/* @theme house */\n/* @size 16:9 1280px 720px */\n@import 'briefing';\nsection { --primary: #5a1e5a; }\n");
    const templates = await loadTemplates({ themeFiles: [file] });
    expect([...templates.themes.keys()]).toEqual(expect.arrayContaining(['briefing', 'situation-room', 'house']));
    const { markdown } = renderDeckMarkdown(buildView(briefing, 'x', 'markdown'), templates, { theme: 'house' });
    const { css } = new MarpEngine([...templates.themes.values()]).render(markdown);
    expect(css).toContain('#5a1e5a');
  });

  it('slides are size containers only when a theme queries them (the built-in themes do not: it slows layout)', async () => {
    const templates = await loadTemplates();
    for (const css of templates.themes.values()) expect(usesContainerQueries(css)).toBe(false);
    expect(usesContainerQueries('section h1 { font-size: 6cqw; }')).toBe(true);
    expect(usesContainerQueries('@container (min-width: 900px) { h1 { color: red } }')).toBe(true);
    expect(usesContainerQueries('/* 5cqw in a comment */ section { width: 10px; }')).toBe(false);
    const { markdown } = renderDeckMarkdown(buildView(briefing, 'x', 'markdown'), templates, { theme: 'briefing' });
    expect(new MarpEngine([...templates.themes.values()]).render(markdown).css).not.toContain('container-type');
    const queried = new MarpEngine([...templates.themes.values(), '/* @theme q */\nsection h1 { font-size: 6cqw; }']).render(markdown).css;
    expect(queried).toContain('container-type:size');
  });

  it('every font stack of the built-in CSS falls back to each embedded script face, in one order', async () => {
    const templates = await loadTemplates();
    const stacks = [...templates.files]
      .filter(([name]) => name.endsWith('.css'))
      .flatMap(([name, css]) => [...css.matchAll(/--(?:sans|serif):([^;]+);/g)].map((m) => ({ name, stack: m[1] as string })));
    expect(stacks.length).toBeGreaterThanOrEqual(5);
    const wanted = FALLBACK_FAMILIES.map((f) => `'${f}'`).join(', ');
    for (const { name, stack } of stacks) expect(stack, name).toContain(wanted);
    // Each fallback family is one briefdeck embeds.
    for (const family of FALLBACK_FAMILIES) expect(FACES.map((f) => f.family)).toContain(family);
  });
});
