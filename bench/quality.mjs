#!/usr/bin/env node
// Layout quality over the whole corpus: slides, split parts, body fill per deck, read from the built decks.
//
//   npm run bench:quality                       # content/, test/fixtures/ (not hostile/), test/fixtures/corpus/
//   node bench/quality.mjs --json out.json      # also write every slide's figures
//   node bench/quality.mjs content/a.yaml ...   # only these files
// Fill is the share of a slide's body area (the content box between the header and the footer
// paddings) that its content takes, measured in Chromium on the deck.html each build wrote; the
// title slide is left out of the median (it is centred by design). A split part is a heading
// continued over slides "(i/n)". Not a test: it prints figures so that a change shows its effect.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const given = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));

function corpus() {
  const yamls = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f)) : []);
  return [...yamls(path.join(root, 'content')), ...yamls(path.join(root, 'test/fixtures')), ...yamls(path.join(root, 'test/fixtures/corpus'))];
}
const files = given.length ? given.map((f) => path.resolve(f)) : corpus();
const out = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-quality-'));
const report = path.join(out, 'report.json');
const run = spawnSync(process.execPath, [path.join(root, 'bin/briefdeck.js'), 'build', ...files, '-o', out, '-f', 'html', 'pdf', '--force', '--report', report, '-q'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, CI: '1' },
});
if (!existsSync(report)) {
  process.stderr.write(run.stdout + run.stderr);
  process.exit(1);
}
const built = JSON.parse(readFileSync(report, 'utf8')).briefings;

const { default: puppeteer } = await import('puppeteer-core');
const { findBrowser } = await import(path.join(root, 'dist/browser/finder.js'));
const browser = await puppeteer.launch({ executablePath: findBrowser().executablePath, headless: true, args: ['--no-sandbox'] });
const rows = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  for (const b of built) {
    const html = b.slug && path.join(out, b.slug, 'deck.html');
    if (!b.ok || !html || !existsSync(html)) {
      rows.push({ file: path.relative(root, b.file), failed: true, warnings: b.warnings ?? [] });
      continue;
    }
    await page.goto(`file://${html}`, { waitUntil: 'load' });
    await page.emulateMediaType('print');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const slides = await page.evaluate(measure);
    rows.push({ file: path.relative(root, b.file), slug: b.slug, warnings: b.warnings ?? [], slides });
  }
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}

/** In the page: each slide's heading, fill, and whether its content runs past the body area. */
function measure() {
  return [...document.querySelectorAll('div.marpit > svg[data-marpit-svg]')].map((svg) => {
    const sections = [...svg.querySelectorAll(':scope > foreignObject > section')];
    const section = sections.find((s) => s.getAttribute('data-marpit-advanced-background') === 'content') ?? sections[0];
    const box = section.getBoundingClientRect();
    const scale = box.width / 1280 || 1;
    const cs = getComputedStyle(section);
    const top = box.top + parseFloat(cs.paddingTop) * scale;
    const bottom = box.bottom - parseFloat(cs.paddingBottom) * scale;
    let lo = Infinity;
    let hi = -Infinity;
    for (const el of section.querySelectorAll('*')) {
      if (el.closest('header, footer') && el.closest('header, footer').parentElement === section) continue;
      if (el.matches('header, footer') && el.parentElement === section) continue;
      // A figure (chart, locator map) counts as its box, as the fit engine measures it (src/fit/measure.ts):
      // its SVG's shapes are clipped to that box by design, so a map's countries beyond it are not content.
      if (el.closest('figure.bd-fig') && el.tagName !== 'FIGURE') continue;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      lo = Math.min(lo, r.top);
      hi = Math.max(hi, r.bottom);
    }
    const body = bottom - top;
    const fill = hi > lo ? (Math.min(hi, bottom) - Math.max(lo, top)) / body : 0;
    const h = section.querySelector('h1, h2');
    const part = h?.querySelector('.part')?.textContent ?? '';
    return {
      kind: section.className.split(' ')[0],
      heading: (h?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      part: /(\d+)\/(\d+)/.test(part) ? part.match(/(\d+)\/(\d+)/).slice(1).map(Number) : null,
      fill: Math.round(fill * 1000) / 1000,
      over: Math.max(0, Math.round((hi - bottom) / scale)),
    };
  });
}

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (x) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '-');
const lines = [];
const all = { slides: 0, split: 0, splitUnderHalf: 0, underHalf: 0, over: 0, fills: [] };
lines.push(`${'briefing'.padEnd(44)} ${'slides'.padStart(6)} ${'split'.padStart(5)} ${'median'.padStart(6)} ${'<50%'.padStart(5)} ${'split<50%'.padStart(9)} ${'over'.padStart(4)}`);
for (const r of rows) {
  if (r.failed) {
    lines.push(`${r.file.padEnd(44)} failed`);
    continue;
  }
  const body = r.slides.filter((s) => s.kind !== 'title');
  const split = r.slides.filter((s) => s.part);
  const under = body.filter((s) => s.fill < 0.5);
  const splitUnder = split.filter((s) => s.fill < 0.5);
  const over = r.slides.filter((s) => s.over > 1);
  const parts = new Set(split.map((s) => s.heading.replace(/\s*\(?\d+\/\d+\)?\s*$/, ''))).size;
  all.slides += r.slides.length;
  all.split += parts;
  all.splitUnderHalf += splitUnder.length;
  all.underHalf += under.length;
  all.over += over.length;
  all.fills.push(...body.map((s) => s.fill));
  lines.push(
    `${r.file.slice(-44).padEnd(44)} ${String(r.slides.length).padStart(6)} ${String(parts).padStart(5)} ${pct(median(body.map((s) => s.fill))).padStart(6)} ${String(under.length).padStart(5)} ${String(splitUnder.length).padStart(9)} ${String(over.length).padStart(4)}`,
  );
  for (const s of splitUnder) lines.push(`    split slide under half full: "${s.heading}" ${pct(s.fill)}`);
  for (const s of over) lines.push(`    runs over by ${s.over}px: "${s.heading}"`);
}
lines.push(
  `${'ALL'.padEnd(44)} ${String(all.slides).padStart(6)} ${String(all.split).padStart(5)} ${pct(median(all.fills)).padStart(6)} ${String(all.underHalf).padStart(5)} ${String(all.splitUnderHalf).padStart(9)} ${String(all.over).padStart(4)}`,
);
lines.push(`(${rows.length} briefings on ${os.cpus()[0]?.model ?? 'unknown CPU'}; split = parts continued over slides; median over slides other than the title)`);
console.log(lines.join('\n'));
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
