// `--format all --pdf-notes` through the CLI: every output of presenting and handing out, read back.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { pdfInfo, pdfText } from '../helpers/pdf.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';
import { execFileSync } from 'node:child_process';

useTempDirs();

const pngSize = (file: string) => {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe('briefdeck build --format all --pdf-notes', () => {
  let dir = '';
  let slides = 0;
  beforeAll(async () => {
    const out = await tempDir();
    const run = await runCli(['build', EXAMPLE, '--out', out, '--format', 'all', '--pdf-notes', '--handout-per-page', '2', '--report', path.join(out, 'r.json')]);
    expect(run.code, run.stderr).toBe(0);
    dir = path.join(out, 'us-iran-nuclear-talks');
    slides = (JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')) as { briefings: { slides: number }[] }).briefings[0]?.slides ?? 0;
  }, 240_000);

  it('writes one 1920x1080 PNG per slide and a 1200x630 link preview', () => {
    const pngs = readdirSync(path.join(dir, 'slides')).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBe(slides);
    for (const f of pngs) expect(pngSize(path.join(dir, 'slides', f))).toEqual({ width: 1920, height: 1080 });
    expect(pngSize(path.join(dir, 'og.png'))).toEqual({ width: 1200, height: 630 });
  });

  it('makes a portrait handout, two slides a page, with notes and page numbers', () => {
    const file = path.join(dir, 'handout.pdf');
    const info = pdfInfo(file);
    expect(info.pages).toBe(Math.ceil(slides / 2));
    expect(info.pageSize.height).toBeGreaterThan(info.pageSize.width);
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain(`Page 1 of ${info.pages}`);
    expect(text).toContain('TLP:CLEAR');
  });

  it('deck.html as built presents from disk: keys move slides, the hash follows, nothing is fetched, the CSP holds', async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const { findBrowser } = await import('../../src/browser/finder.js');
    const browser = await puppeteer.launch({
      executablePath: findBrowser().executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      await page.setRequestInterception(true);
      page.on('request', (r) => {
        if (!r.url().startsWith('data:')) requests.push(r.url());
        void r.continue();
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.setViewport({ width: 1280, height: 720 });
      const url = `file://${path.join(dir, 'deck.html')}`;
      await page.goto(url, { waitUntil: 'load' });
      // Exactly one slide is on screen, the one the hash names, filling the window's width.
      const onScreen = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('div.marpit > svg[data-marpit-svg]')]
            .filter((svg) => getComputedStyle(svg).display !== 'none')
            .map((svg) => ({ id: svg.querySelector('section')?.id, width: Math.round(svg.getBoundingClientRect().width) })),
        );
      expect(await onScreen()).toEqual([{ id: '1', width: 1280 }]);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => location.hash === '#3', { timeout: 10_000 });
      expect(await onScreen()).toEqual([{ id: '3', width: 1280 }]);
      await page.keyboard.press('End');
      await page.waitForFunction((n) => location.hash === `#${n}`, { timeout: 10_000 }, slides);
      await page.keyboard.press('Home');
      await page.waitForFunction(() => location.hash === '#1' || location.hash === '', { timeout: 10_000 });
      expect(requests).toEqual([url]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("gives briefing.pdf an outline of its headings, worded as the page has them", () => {
    const json = JSON.parse(execFileSync('qpdf', ['--json', path.join(dir, 'briefing.pdf')], { encoding: 'utf8', maxBuffer: 1 << 28 })) as {
      outlines: { title: string; kids: { title: string }[] }[];
    };
    const [top] = json.outlines;
    // Chromium's own entries join the words either side of a wrapped line ("butfears") and keep CSS capitals.
    expect(top?.title).toBe('Israel wishes US-Iran talks well but fears a deal that leaves Iran unchecked');
    const kids = top?.kids.map((k) => k.title) ?? [];
    expect(kids.slice(0, 2)).toEqual(['Bottom line up front', 'Key points']);
    expect(kids).toContain("Israel wants any deal to dismantle, not merely limit, Iran's military nuclear program");
    expect(kids).toContain('Sources');
  });

  it('gives deck.pdf an outline entry per slide and the notes as annotations', () => {
    const json = JSON.parse(execFileSync('qpdf', ['--json', path.join(dir, 'deck.pdf')], { encoding: 'utf8', maxBuffer: 1 << 28 })) as {
      outlines: { title: string; kids: unknown[] }[];
      pages: { annotations?: unknown[] }[];
    };
    const count = (items: { kids?: unknown[] }[]): number => items.reduce((n, o) => n + (o.kids?.length ? count(o.kids as { kids?: unknown[] }[]) : 1), 0);
    expect(count(json.outlines)).toBe(slides);
    const raw = readFileSync(path.join(dir, 'deck.pdf')).toString('latin1');
    expect(raw).toMatch(/\/Subtype\s*\/Text/);
    expect(pdfInfo(path.join(dir, 'deck.pdf')).fields.Tagged).toBe('yes');
  });
});
