// The fit engine on briefings built to defeat it: nested lists of 100 × 100 points, a 20,000-character
// lead, an image section with many points, a long free-text marking; read back from the real PDFs.
import { writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { pdfText, squash } from '../helpers/pdf.js';
import { fixture } from '../helpers/paths.js';
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
    const marking = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY // NOT FOR RELEASE OUTSIDE THE RECIPIENT ORGANISATION // HANDLE WITH CARE ENDQ';
    expect(marking.length).toBeLessThanOrEqual(120);
    const { r, out } = await build(base({ marking }));
    expect(r.code, r.stderr).toBe(0);
    for (const file of ['deck.pdf', 'briefing.pdf']) {
      const pages = pdfText(path.join(out, file)).split('\f').filter((p) => p.trim());
      for (const page of pages) expect(squash(page), file).toContain(squash(marking));
    }
  }, 120_000);

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
