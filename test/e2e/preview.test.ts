// `briefdeck preview` in a real browser: a save reloads the open deck at the same slide, invalid
// content shows its error in the page and a fix brings the deck back, a rename-save is seen, the
// server listens on loopback only and serves nothing outside the output folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, isHeadlessShell } from '../../src/browser/finder.js';
import type { Io } from '../../src/cli/log.js';
import { main } from '../../src/cli/main.js';
import { runInterruptHandlers } from '../../src/interrupt.js';
import { runCli, TextSink } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a truthy value or `ms` pass; returns the last value. */
async function until<T>(check: () => Promise<T>, ms: number): Promise<T> {
  const deadline = performance.now() + ms;
  let last = await check();
  while (!last && performance.now() < deadline) {
    await sleep(25);
    last = await check();
  }
  return last;
}

/** GET with the path sent exactly as written (no normalisation of `..`). */
function rawGet(port: number, rawPath: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The main processes of the Chromium the preview (in this process) launched: their profile carries our pid. */
function previewBrowsers(): number[] {
  const profile = `--user-data-dir=${path.join(os.tmpdir(), `briefdeck-chromium-${process.pid}-`)}`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // ended meanwhile
    }
    // Not its renderers and helpers (--type=…), nor the shell script some distributions wrap it in.
    if (args.some((a) => a.startsWith(profile)) && !args.some((a) => a.startsWith('--type=')) && !/(^|\/)(ba|da)?sh$/.test(args[0] ?? '')) pids.push(Number(entry));
  }
  return pids.sort((a, b) => a - b);
}

let browser: Browser;
let page: Page;
let content: string;
let out: string;
let file: string;
let url: string;
let port: number;
let running: Promise<number>;
const stderr = new TextSink();
const cspErrors: string[] = [];

beforeAll(async () => {
  content = await tempDir();
  out = await tempDir();
  // The starter `briefdeck new` writes is what the preview builds: it must build as written.
  expect((await runCli(['new', 'alpha', '--dir', content, '--date', '2025-02-03'])).code).toBe(0);
  file = path.join(content, 'alpha.yaml');
  const io: Io = { stdout: new TextSink(), stderr, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };
  running = main(['preview', content, '--out', out, '--port', '0'], io);
  const started = await until(async () => /watching for changes/.test(stderr.text), 90_000);
  expect(started, stderr.text).toBe(true);
  url = /preview at (http:\S+)/.exec(stderr.text)?.[1] ?? '';
  port = Number(new URL(url).port);
  const { executablePath } = findBrowser();
  browser = await puppeteer.launch({ executablePath, headless: isHeadlessShell(executablePath) ? 'shell' : true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  page = await browser.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await runInterruptHandlers();
  expect(await Promise.race([running, sleep(20_000).then(() => 'timeout')])).toBe(0);
});

const title = () => page.evaluate(() => document.title).catch(() => '');
const bodyText = () => page.evaluate(() => document.body.innerText).catch(() => '');
const retitle = async (text: string) => writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${JSON.stringify(text)}`));

describe('briefdeck preview', () => {
  it('listens on 127.0.0.1 only, and refuses other Host names', async () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host: external.address, port }, () => {
          s.destroy();
          resolve(false);
        });
        s.on('error', () => resolve(true));
      });
      expect(refused, `port ${port} must not answer on ${external.address}`).toBe(true);
    }
    expect((await rawGet(port, '/', 'attacker.example')).status).toBe(403);
  });

  it('serves an index of the briefings and the deck with the reload client, which the written file does not have', async () => {
    const index = await rawGet(port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toMatch(/href="\/alpha\/deck\.html"/);
    expect(index.body).toMatch(/href="\/alpha\/briefing\.pdf"/);
    const served = await rawGet(port, '/alpha/deck.html');
    // (booleans: a failure must not print a deck with its fonts inlined)
    expect(served.body.includes('/__briefdeck/events'), 'the served deck has the client').toBe(true);
    expect(served.body.includes("connect-src 'self'"), 'the served deck\'s CSP lets it connect').toBe(true);
    const written = await readFile(path.join(out, 'alpha', 'deck.html'), 'utf8');
    expect(written.includes('/__briefdeck/events') || written.includes('connect-src'), 'the written deck is as built').toBe(false);
    const pdf = await rawGet(port, '/alpha/briefing.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith('%PDF-'), 'briefing.pdf is a PDF').toBe(true);
  });

  it('reloads the open deck at the same slide within 2 s of a save', async () => {
    await page.goto(`${url}alpha/deck.html#3`);
    expect(await until(async () => (await page.evaluate(() => location.hash)) === '#3', 5000)).toBe(true);
    await sleep(200); // the page's event stream connects
    await retitle('Edited in place');
    const changed = await until(async () => (await title()).includes('Edited in place'), 2000);
    expect(changed, `the page shows the new title:\n${stderr.text}`).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#3');
    expect(cspErrors, 'the reload client runs under the deck\'s CSP').toEqual([]);
  });

  it('shows invalid content as an error in the page (file, line, field, hint), and a fix brings the deck back', async () => {
    const good = await readFile(file, 'utf8');
    const line = good.split('\n').findIndex((l) => l.startsWith('date:')) + 1;
    const typo = good.split('\n').findIndex((l) => l.startsWith('bluf:')) + 1;
    const expected = [`${file}:${line}`, /\bdate\b/, /not a real calendar date/, /2025-02-30/, `${file}:${typo}`, /unknown field "bluff"/, /hint: did you mean "bluf"\?/];
    const has = (text: string) => expected.every((e) => (typeof e === 'string' ? text.includes(e) : e.test(text)));
    try {
      await writeFile(file, good.replace(/^date: .*$/m, 'date: "2025-02-30"').replace(/^bluf:/m, 'bluff:'));
      // The page as a whole: a rebuild still under way when this save landed may reload it once more.
      const text = await until(async () => {
        const t = await bodyText();
        return /did not build/.test(t) && has(t) ? t : '';
      }, 20_000);
      expect(text, `the error page:\n${await bodyText()}\n${stderr.text}`).not.toBe('');
      for (const e of expected) expect(text).toMatch(e); // (2025-02-30: the line itself, quoted from the file)
      expect((await rawGet(port, '/')).body).toMatch(/not built/);
    } finally {
      // Whatever failed above, the next tests start from valid content.
      await writeFile(file, good);
    }
    const back = await until(async () => (await title()).includes('Edited in place'), 20_000);
    expect(back, stderr.text).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#3');
  });

  it('sees a save by rename (sed -i), and an in-place edit after it', async () => {
    execFileSync('sed', ['-i', 's/^title: .*/title: "Saved by rename"/', file]);
    expect(await until(async () => (await title()).includes('Saved by rename'), 20_000), stderr.text).toBe(true);
    await retitle('In place after the rename');
    expect(await until(async () => (await title()).includes('In place after the rename'), 20_000), stderr.text).toBe(true);
    expect(stderr.text).not.toMatch(/templates or themes changed/);
  });

  it('keeps one browser across saves, and relaunches it on the next save after it died', async () => {
    const before = previewBrowsers();
    expect(before, 'the preview\'s own Chromium, one for the session').toHaveLength(1);
    await retitle('Same browser');
    expect(await until(async () => (await title()).includes('Same browser'), 20_000), stderr.text).toBe(true);
    expect(previewBrowsers(), 'a save reuses the warm browser').toEqual(before);
    process.kill(before[0] ?? 0, 'SIGKILL'); // a crash of the browser this test process started
    await until(async () => previewBrowsers().length === 0, 5000);
    await retitle('After the browser died');
    expect(await until(async () => (await title()).includes('After the browser died'), 20_000), stderr.text).toBe(true);
    const after = previewBrowsers();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
  });

  it('serves nothing outside the output folder', async () => {
    await symlink(path.join(ROOT, 'package.json'), path.join(out, 'alpha', 'leak.json'));
    const attempts = [
      '/../package.json',
      '/alpha/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/alpha/..%2f..%2fpackage.json',
      '/alpha/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/..\\..\\package.json',
      '/%252e%252e/package.json',
      `/${encodeURIComponent(path.join(ROOT, 'package.json'))}`,
      '//etc/passwd',
      '/alpha/leak.json',
      '/.briefdeck-manifest.json',
      '/%00/package.json',
    ];
    for (const a of attempts) {
      const r = await rawGet(port, a);
      expect([400, 403, 404], `${a} → ${r.status}`).toContain(r.status);
      expect(/"name": "briefdeck"|root:x:0/.test(r.body), `${a} leaked a file`).toBe(false);
    }
    expect(existsSync(path.join(out, '.briefdeck-manifest.json'))).toBe(true);
  });
});
