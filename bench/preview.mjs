#!/usr/bin/env node
// Measures save → reloaded page in `briefdeck preview` for the example briefing, on this machine:
// starts the preview as a user does, opens the deck at slide 3 in Chromium, saves a change (in place
// and by rename, as sed -i does) and times until the open page shows it, still at slide 3. Not a test.
//
//   node bench/preview.mjs            # 10 saves (needs dist/: npm run build)
//   node bench/preview.mjs --n 20 --content path/to/briefing.yaml
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('n', 10));
const source = path.resolve(arg('content', path.join(root, 'content', 'us-iran-nuclear-talks.yaml')));
const { default: puppeteer } = await import(path.join(root, 'node_modules', 'puppeteer-core', 'lib', 'esm', 'puppeteer', 'puppeteer-core.js'));
const { findBrowser, isHeadlessShell } = await import(path.join(root, 'dist', 'browser', 'finder.js'));

const work = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bench-preview-'));
const file = path.join(work, path.basename(source));
copyFileSync(source, file);
const original = readFileSync(file, 'utf8');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = spawn(process.execPath, [path.join(root, 'bin', 'briefdeck.js'), 'preview', file, '--out', path.join(work, 'out'), '--port', '0'], {
  cwd: work,
  env: { ...process.env, NO_COLOR: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let log = '';
server.stderr.on('data', (d) => (log += d));
const { executablePath } = findBrowser();
const browser = await puppeteer.launch({ executablePath, headless: isHeadlessShell(executablePath) ? 'shell' : true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const started = Date.now();
  while (!/watching for changes/.test(log)) {
    if (Date.now() - started > 120_000 || server.exitCode !== null) throw new Error(`preview did not start:\n${log}`);
    await sleep(50);
  }
  const url = /preview at (http:\S+)/.exec(log)[1];
  const slug = /✓ (\S+)/.exec(log)?.[1];
  const page = await browser.newPage();
  await page.goto(`${url}${slug}/deck.html#3`);
  const title = async () => page.evaluate(() => [document.title, location.hash]).catch(() => ['', '']);
  const times = [];
  const pdfTimes = [];
  const pdf = path.join(work, 'out', slug, 'briefing.pdf');
  const mtime = () => {
    try {
      return statSync(pdf).mtimeMs;
    } catch {
      return 0;
    }
  };
  for (let i = 1; i <= N; i++) {
    const marker = `Bench edit ${i}`;
    const byRename = i % 2 === 0;
    const t0 = performance.now();
    const wall0 = Date.now();
    const text = original.replace(/^title: .*$/m, `title: ${marker}`);
    if (byRename) execFileSync('sed', ['-i', `s/^title: .*/title: ${marker}/`, file]);
    else writeFileSync(file, text);
    for (;;) {
      const [t, hash] = await title();
      if (t.includes(marker)) {
        if (hash !== '#3') throw new Error(`reloaded at ${hash}, not at slide 3`);
        break;
      }
      if (performance.now() - t0 > 30_000) throw new Error(`save ${i} not seen in 30 s:\n${log}`);
      await sleep(10);
    }
    times.push(performance.now() - t0);
    while (mtime() < wall0) {
      if (performance.now() - t0 > 30_000) throw new Error(`briefing.pdf of save ${i} not written in 30 s`);
      await sleep(10);
    }
    pdfTimes.push(performance.now() - t0);
    await sleep(300);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`briefdeck preview, ${path.basename(source)}, formats html+print, ${N} saves (in place and by rename)`);
  console.log(`save → reloaded page at the same slide: median ${(median / 1000).toFixed(2)} s, min ${(sorted[0] / 1000).toFixed(2)} s, max ${(sorted.at(-1) / 1000).toFixed(2)} s (target < 1 s)`);
  console.log(`each: ${times.map((t) => (t / 1000).toFixed(2)).join(' ')}`);
  const pdfSorted = [...pdfTimes].sort((a, b) => a - b);
  console.log(`save → briefing.pdf rewritten: median ${(pdfSorted[Math.floor(pdfSorted.length / 2)] / 1000).toFixed(2)} s, max ${(pdfSorted.at(-1) / 1000).toFixed(2)} s`);
} finally {
  await browser.close();
  server.kill('SIGINT');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  rmSync(work, { recursive: true, force: true });
}
