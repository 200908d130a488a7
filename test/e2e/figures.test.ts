// Key figures, charts and the locator map in real builds: in deck.html, deck.pdf, briefing.pdf and the
// handout, in both languages; no script and no request from any figure (checked in Chromium); their
// text extractable from the PDFs; notes gathered into the presenter data.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/finder.js';
import { runCli } from '../helpers/cli.js';
import { pdfText, squash } from '../helpers/pdf.js';
import { EXAMPLE, EXAMPLE_HE } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();
const HEAVY = { timeout: 240_000 };
let out = '';

beforeAll(async () => {
  out = await tempDir();
  for (const [file, theme] of [[EXAMPLE, 'briefing'], [EXAMPLE_HE, 'situation-room']] as const) {
    const run = await runCli(['build', file, '-o', out, '-f', 'html', 'pdf', 'print', 'handout', '--theme', theme, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
  }
}, 480_000);

const deck = (slug: string, f: string) => path.join(out, slug, f);

describe('figures in the outputs', () => {
  it('deck.pdf, briefing.pdf and the handout carry the figures\' text as text', HEAVY, () => {
    for (const f of ['deck.pdf', 'briefing.pdf', 'handout.pdf']) {
      const text = squash(pdfText(deck('us-iran-nuclear-talks', f)));
      for (const s of ['3.67%', '274.8kg', 'Iran', 'Oman', 'Source:JCPOA(UNSCR2231);IAEAreports', '121.5']) expect(text, `${f}: ${s}`).toContain(s);
    }
    const print = squash(pdfText(deck('us-iran-nuclear-talks', 'briefing.pdf')));
    expect(print).toContain('Sourcegrades(Admiraltysystem)');
    expect(print).toContain('Reliability:completelyreliable;Credibility:confirmedbyothersources');
    expect(squash(pdfText(deck('us-iran-nuclear-talks', 'deck.pdf')))).toContain('UnitedStates→');
  });

  it('the Hebrew briefing names the countries in Hebrew, in every PDF', HEAVY, () => {
    for (const f of ['deck.pdf', 'briefing.pdf', 'handout.pdf']) {
      const text = pdfText(deck('us-iran-nuclear-talks-he', f));
      expect(text, f).toMatch(/איראן|ןארניא/);
      expect(text, f).toContain('3.67%');
    }
  });

  it('figures run no script and make no request in Chromium, and speaker notes reach the presenter data', HEAVY, async () => {
    const html = await readFile(deck('us-iran-nuclear-talks', 'deck.html'), 'utf8');
    const browser = await puppeteer.launch({ executablePath: findBrowser().executablePath, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(deck('us-iran-nuclear-talks', 'deck.html')).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
      const figures = await page.evaluate(() =>
        [...document.querySelectorAll('svg.bd-figure')].map((svg) => ({
          kind: svg.getAttribute('class'),
          scripts: svg.querySelectorAll('script, foreignObject, a, image, iframe').length,
          handlers: [...svg.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
          title: svg.querySelector('title')?.textContent ?? '',
          text: svg.textContent ?? '',
        })),
      );
      expect(figures.map((f) => f.kind)).toEqual(['bd-figure bd-map', 'bd-figure bd-chart', 'bd-figure bd-chart']);
      for (const f of figures) expect(f).toMatchObject({ scripts: 0, handlers: 0 });
      expect(figures[1]?.title).toBe("Iran's highest uranium enrichment level");
    } finally {
      await browser.close();
    }
    const data = JSON.parse(/<script type="application\/json" id="briefdeck-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as { notes: string[] };
    expect(data.notes[1]).toContain("Lead with the gap between Israel's public well-wishing");
    expect(data.notes.join('\n')).toContain('Weapons-grade is about 90 per cent; going from 60 to 90');
  });
});
