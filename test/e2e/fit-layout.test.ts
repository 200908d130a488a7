// The fit engine on briefings built to defeat it: nested lists of 100 × 100 points, a 20,000-character
// lead, an image section with many points, a long free-text marking; read back from the real PDFs.
import { writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ogImage } from '../../src/output/images.js';
import { stringify } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { pdfText, squash } from '../helpers/pdf.js';
import { fixture } from '../helpers/paths.js';
import { useBrowserSession } from '../helpers/browser.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const base = (extra: Record<string, unknown>) => ({
  title: 'Fit test',
  date: '2025-06-01',
  bluf: 'The bottom line.',
  keyPoints: ['One point.'],
  sources: [{ id: 's1', title: 'A source' }],
  ...extra,
});

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><rect width="400" height="300" fill="#14213d"/><rect x="40" y="100" width="80" height="160" fill="#e0a100"/></svg>';

async function build(doc: Record<string, unknown>, args: string[] = [], files: Record<string, string> = {}) {
  const dir = await tempDir();
  await mkdir(path.join(dir, 'c'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'c', name), text);
  const file = path.join(dir, 'c', 'fit.yaml');
  await writeFile(file, stringify(doc));
  const out = path.join(dir, 'out');
  const report = path.join(dir, 'report.json');
  const r = await runCli(['build', file, '-o', out, '-f', 'pdf', 'print', '--report', report, ...args]);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  return { r, out: path.join(out, json.briefings[0].slug ?? 'fit'), briefing: json.briefings[0] };
}

/** Every word of `words` appears in the PDF's text, in order of first appearance irrelevant. */
function expectAllWords(pdf: string, words: string[]) {
  const text = squash(pdfText(pdf));
  const missing = words.filter((w) => !text.includes(squash(w)));
  expect(missing.slice(0, 20), `${missing.length} words missing`).toEqual([]);
}

const MARKING = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY // NOT FOR RELEASE OUTSIDE THE RECIPIENT ORGANISATION // HANDLE WITH CARE ENDQ';

const browser = useBrowserSession();

interface CardMarking {
  where: string;
  text: string;
  clipped: boolean;
}

/** In the page: the og card's marking elements, their text, and whether any of it lies outside what shows. */
function cardMarkings(): CardMarking[] {
  const card = document.getElementById('bd-og-card');
  if (!card) return [];
  const inside = (r: DOMRect, box: DOMRect) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  const cardBox = card.getBoundingClientRect();
  return [...card.querySelectorAll('section > header .marking, section > footer .marking')].map((el) => {
    const section = el.closest('section') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = [...range.getClientRects()];
    const e = el as HTMLElement;
    const hidden = e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
    const outside = lines.some((r) => !inside(r, el.getBoundingClientRect()) || !inside(r, section.getBoundingClientRect()) || !inside(r, cardBox));
    return { where: el.closest('header') ? 'header' : 'footer', text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), clipped: hidden || outside || !lines.length };
  });
}

describe('the fit engine', () => {
  it('puts every one of 100 × 100 nested points into deck.pdf, the parent repeated "(continued)"', async () => {
    const points = Array.from({ length: 100 }, (_v, i) => ({ text: `Parent P${i}x.`, points: Array.from({ length: 100 }, (_w, j) => `Sub S${i}y${j}z.`) }));
    const { r, out, briefing } = await build(base({ sections: [{ title: 'Nested', points }] }));
    expect(r.code, r.stderr).toBe(0);
    const words = points.flatMap((p, i) => [`P${i}x`, ...p.points.map((_s, j) => `S${i}y${j}z`)]);
    expectAllWords(path.join(out, 'deck.pdf'), words);
    expect(pdfText(path.join(out, 'deck.pdf'))).toContain('(continued)');
    expect(briefing.fit.overflowing).toEqual([]);
  }, 240_000);

  it('takes key points that fit one slide only at the floor down to it, the floor measured on a pass of its own', async () => {
    // A point of 125 words and one of 35: two slides, unbalanced, down to SHRINK_LEVEL; one at 18 px.
    const word = (i: number) => ['talks', 'sanctions', 'relief', 'inspections', 'enrichment', 'verification', 'proxies', 'deterrence'][(i * 5 + 3) % 8];
    const long = `${Array.from({ length: 124 }, (_v, i) => word(i)).join(' ')} ZQLONGZQ.`;
    const short = `${Array.from({ length: 34 }, (_v, i) => word(i + 1)).join(' ')} ZQSHORTZQ.`;
    const { r, out, briefing } = await build(base({ keyPoints: [long, short] }));
    expect(r.code, r.stderr).toBe(0);
    expect(briefing.fit.overflowing).toEqual([]);
    const keyPoints = briefing.fit.fill.filter((f: { heading: string }) => f.heading.startsWith('Key points'));
    expect(keyPoints).toHaveLength(1);
    expect(briefing.fit.actions).toContainEqual(expect.objectContaining({ action: 'shrunk', detail: 'text reduced to 18px' }));
    expectAllWords(path.join(out, 'deck.pdf'), ['ZQLONGZQ', 'ZQSHORTZQ']);
  }, 120_000);

  it('splits a 20,000-character lead at sentences across slides, nothing clipped', async () => {
    const lead = Array.from({ length: 400 }, (_v, i) => `Word${i} runs on here.`).join(' ').slice(0, 19_990).replace(/\S*$/, 'end.');
    const { r, out, briefing } = await build(base({ sections: [{ title: 'Long lead', lead, points: ['After the lead.'] }] }));
    expect(r.code, r.stderr).toBe(0);
    expect(briefing.fit.overflowing).toEqual([]);
    const words = [...lead.matchAll(/Word\d+/g)].map((m) => m[0]);
    expectAllWords(path.join(out, 'deck.pdf'), words);
    expect(briefing.fit.actions.some((a: { action: string }) => a.action === 'text split')).toBe(true);
  }, 120_000);

  it('gives an image a slide of its own when its many points do not fit beside it, and shows it once', async () => {
    const points = Array.from({ length: 14 }, (_v, i) => `Point number ${i} about the chart, long enough to wrap beside an image.`);
    const { r, out, briefing } = await build(base({ sections: [{ title: 'Chart', points, image: { path: 'ie-share.svg', alt: 'Alt text only', caption: 'The caption ZQCAPZQ', credit: 'Credit ZQCREDZQ' } }] }), [], { 'ie-share.svg': SVG });
    expect(r.code, r.stderr).toBe(0);
    const text = pdfText(path.join(out, 'deck.pdf'));
    expect(text.split('ZQCAPZQ').length - 1).toBe(1);
    expect(text).not.toContain('Alt text only');
    expect(briefing.fit.actions.some((a: { action: string }) => a.action === 'figure')).toBe(true);
    const parts = briefing.fit.fill.filter((f: { part?: string }) => f.part);
    for (const p of parts) expect(p.fill, JSON.stringify(p)).toBeGreaterThanOrEqual(0.5);
    expectAllWords(path.join(out, 'deck.pdf'), points.map((_p, i) => `number ${i} about`));
    expect(squash(pdfText(path.join(out, 'briefing.pdf')))).toContain(squash('The caption ZQCAPZQ'));
  }, 120_000);

  it('prints a 120-character free-text marking whole on every slide and page', async () => {
    const marking = MARKING;
    expect(marking.length).toBeLessThanOrEqual(120);
    const { r, out } = await build(base({ marking }));
    expect(r.code, r.stderr).toBe(0);
    for (const file of ['deck.pdf', 'briefing.pdf']) {
      const pages = pdfText(path.join(out, file)).split('\f').filter((p) => p.trim());
      for (const page of pages) expect(squash(page), file).toContain(squash(marking));
    }
  }, 120_000);

  it('prints a 120-character free-text marking whole on every handout page and slide, and in og.png', async () => {
    const { r, out } = await build(base({ marking: MARKING }), ['-f', 'handout', 'png', 'html']);
    expect(r.code, r.stderr).toBe(0);
    // og.png: the card as it is photographed (the real ogImage, the DOM read just before its screenshot).
    const og = readFileSync(path.join(out, 'og.png'));
    expect([og.readUInt32BE(16), og.readUInt32BE(20)]).toEqual([1200, 630]);
    const html = readFileSync(path.join(out, 'deck.html'), 'utf8');
    const seen = await browser().withDocument(html, async (page) => {
      const states: CardMarking[][] = [];
      const shoot = page.screenshot.bind(page) as Page['screenshot'];
      page.screenshot = (async (options?: Parameters<Page['screenshot']>[0]) => {
        states.push(await page.evaluate(cardMarkings));
        return shoot(options);
      }) as Page['screenshot'];
      await ogImage(page);
      return states;
    });
    expect(seen).toHaveLength(1);
    const markings = seen[0] ?? [];
    expect(markings.map((m) => m.where).sort()).toEqual(['footer', 'header']);
    for (const m of markings) {
      expect(m.text, m.where).toBe(MARKING);
      expect(m.clipped, `${m.where}: text outside its box, the slide or the card`).toBe(false);
    }
    const pages = pdfText(path.join(out, 'handout.pdf')).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(0);
    for (const [i, page] of pages.entries()) {
      // The page's own header (before the first slide's label), wrapped over lines but whole...
      const head = page.split(/SLIDE\s+\d+/)[0] ?? '';
      expect(squash(head), `handout page ${i + 1} header`).toContain(squash(MARKING));
      // ...and each slide on the page, top and bottom.
      const slides = (page.match(/SLIDE\s+\d+/g) ?? []).length;
      expect(slides).toBeGreaterThan(0);
      expect(squash(page).split(squash(MARKING)).length - 1, `handout page ${i + 1}: markings`).toBeGreaterThanOrEqual(1 + 2 * slides);
    }
  }, 180_000);

  it('puts every word of the stress fixture into deck.pdf', async () => {
    const dir = await tempDir();
    const r = await runCli(['build', fixture('stress.yaml'), '-o', dir, '-f', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    const src = readFileSync(fixture('stress.yaml'), 'utf8');
    const words = [...new Set([...src.matchAll(/\b(?:Point \d+|Actor \d+|Rechtsschutz\w+)/g)].map((m) => m[0]))];
    expect(words.length).toBeGreaterThan(30);
    const slug = readFileSync(fixture('stress.yaml'), 'utf8').match(/^slug: (.*)$/m)?.[1] ?? 'stress';
    expectAllWords(path.join(dir, slug, 'deck.pdf'), words);
  }, 120_000);
});
