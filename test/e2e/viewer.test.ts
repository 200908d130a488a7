// The in-browser viewer of deck.html (src/viewer): keys, hash, overview, blank, presenter window and sync,
// strict CSP and no network, print. Builds its own small deck with marp-core and drives it from file://.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Marp } from '@marp-team/marp-core';
import puppeteer, { type Browser, type Page, type Viewport } from 'puppeteer-core';
import { findBrowser, isHeadlessShell } from '../../src/browser/finder.js';
import { PDFDocument } from 'pdf-lib';

const TIMEOUT = 60_000;
const VIEWER_DIR = fileURLToPath(new URL('../../src/viewer/', import.meta.url));
const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/viewer/', import.meta.url));
/** Set to a folder (e.g. /tmp) to keep the fixture deck and screenshots of the slide view, overview, help and presenter view. */
const SCREENSHOTS = process.env.VIEWER_SCREENSHOTS_DIR;

/** A stand-in for the production assembler: marp-core output + data + the viewer, under a strict CSP. */
function buildDeckHtml(markdown: string, notes: string[], title: string): string {
  const marp = new Marp({ html: false, emoji: { shortcode: false, unicode: false }, math: false, script: false });
  const { html, css } = marp.render(markdown);
  const index = JSON.parse(readFileSync(join(VIEWER_DIR, 'index.json'), 'utf8')) as { scripts: string[]; styles: string[] };
  const script = index.scripts.map((file) => readFileSync(join(VIEWER_DIR, file), 'utf8')).join('\n');
  const style = index.styles.map((file) => readFileSync(join(VIEWER_DIR, file), 'utf8')).join('\n');
  expect(script).not.toMatch(/<\/script|<!--/i);
  expect(style).not.toMatch(/<\/style/i);
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = `default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'sha256-${hash}'`;
  const data = JSON.stringify({ title, notes, lang: 'en', dir: 'ltr' }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${css}</style>
<style>${style}</style>
</head>
<body>
${html}
<script type="application/json" id="briefdeck-data">${data}</script>
<script>${script}</script>
</body></html>`;
}

interface Watch {
  requests: string[];
  problems: string[];
}

/** Records every request, page error, console error and CSP violation of a page. */
async function watch(page: Page, intercept: boolean): Promise<Watch> {
  const seen: Watch = { requests: [], problems: [] };
  if (intercept) await page.setRequestInterception(true);
  page.on('request', (request) => {
    seen.requests.push(request.url());
    if (intercept && !request.isInterceptResolutionHandled()) void request.continue();
  });
  page.on('pageerror', (error) => seen.problems.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') seen.problems.push(`console: ${message.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

/** The slide(s) shown on screen: section ids of the visible slide svgs, and the hash. */
function shown(page: Page) {
  return page.evaluate(() => ({
    hash: location.hash,
    visible: Array.from(document.querySelectorAll('body > div.marpit > svg[data-marpit-svg]'))
      .filter((svg) => getComputedStyle(svg).display !== 'none')
      .map((svg) => svg.querySelector('section')?.id),
  }));
}

async function expectSlide(page: Page, n: number) {
  expect(await shown(page)).toEqual({ hash: `#${n}`, visible: [String(n)] });
}

/** Waits until slide n is the one on screen. A link changes the hash at once but the viewer follows on the
 * `hashchange` event a task later, so waiting for the hash alone races the viewer. */
async function waitForSlide(page: Page, n: number) {
  await page.waitForFunction(
    (id) => {
      const visible = Array.from(document.querySelectorAll('body > div.marpit > svg[data-marpit-svg]'))
        .filter((svg) => getComputedStyle(svg).display !== 'none')
        .map((svg) => svg.querySelector('section')?.id);
      return location.hash === `#${id}` && visible.length === 1 && visible[0] === id;
    },
    { timeout: 10_000 },
    String(n),
  );
  await expectSlide(page, n);
}

describe('deck.html viewer', () => {
  let browser: Browser;
  let dir: string;
  let deckUrl: string;
  const watches: Watch[] = [];
  const notes = JSON.parse(readFileSync(join(FIXTURE_DIR, 'notes.json'), 'utf8')) as string[];

  async function open(hash = '', viewport: Viewport = { width: 1200, height: 900 }): Promise<{ page: Page; seen: Watch }> {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    const seen = await watch(page, true);
    watches.push(seen);
    await page.goto(deckUrl + hash, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.classList.contains('bd-viewer'));
    return { page, seen };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefdeck-viewer-'));
    const markdown = readFileSync(join(FIXTURE_DIR, 'deck.md'), 'utf8');
    const deck = buildDeckHtml(markdown, notes, 'Viewer fixture briefing');
    writeFileSync(join(dir, 'deck.html'), deck);
    if (SCREENSHOTS) writeFileSync(join(SCREENSHOTS, 'viewer-deck.html'), deck);
    deckUrl = pathToFileURL(join(dir, 'deck.html')).href;
    const { executablePath } = findBrowser();
    browser = await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--disable-gpu'],
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);

  it('shows one slide at a time, scaled to fit, letterboxed and centred on black', async () => {
    const { page } = await open();
    expect(await shown(page)).toEqual({ hash: '', visible: ['1'] });
    const box = await page.evaluate(() => {
      const rect = document.querySelector('section[id="1"]')!.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, background: getComputedStyle(document.body).backgroundColor };
    });
    // 1280×720 in a 1200×900 window: 1200×675, centred vertically.
    expect(box.width).toBeCloseTo(1200, 0);
    expect(box.height).toBeCloseTo(675, 0);
    expect(box.x).toBeCloseTo(0, 0);
    expect(box.y).toBeCloseTo(112.5, 0);
    expect(box.background).toBe('rgb(0, 0, 0)');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'viewer-slide.png') });

    // Moving the mouse shows the on-screen controls; `?` shows the keyboard shortcuts.
    await page.mouse.move(600, 450);
    await page.mouse.move(610, 460);
    await page.waitForSelector('.bd-osc.bd-osc-visible');
    await page.click('.bd-osc-button[aria-label^="Next"]');
    await expectSlide(page, 2);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'viewer-controls.png') });
    await page.keyboard.type('?');
    expect(await page.$eval('.bd-help', (n) => getComputedStyle(n).display)).not.toBe('none');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'viewer-help.png') });
    await page.keyboard.press('ArrowRight'); // the help card is modal
    await page.keyboard.press('Escape');
    expect(await page.$eval('.bd-help', (n) => getComputedStyle(n).display)).toBe('none');
    await expectSlide(page, 2);
    await page.close();
  }, TIMEOUT);

  it('moves with the keyboard, keeps the slide number in the hash, and ignores modified keys', async () => {
    const { page } = await open();
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    await page.keyboard.press('Space');
    await expectSlide(page, 3);
    await page.keyboard.press('PageDown');
    await expectSlide(page, 4);
    await page.keyboard.press('End');
    await expectSlide(page, 5);
    await page.keyboard.press('ArrowRight'); // stays on the last slide
    await expectSlide(page, 5);
    await page.keyboard.press('PageUp');
    await expectSlide(page, 4);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 3);
    await page.keyboard.down('Shift');
    await page.keyboard.press('Space');
    await page.keyboard.up('Shift');
    await expectSlide(page, 2);
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
    await page.keyboard.press('ArrowLeft'); // stays on the first slide
    await expectSlide(page, 1);
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await expectSlide(page, 4);
    await page.keyboard.down('Control');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await page.keyboard.up('Control');
    await expectSlide(page, 4);
    // The hash drives the slide too, and a reload keeps the place.
    await page.evaluate(() => (location.hash = '#2'));
    await page.waitForFunction(() => document.querySelector('section[id="2"]')!.closest('svg')!.classList.contains('bd-current'));
    await expectSlide(page, 2);
    await page.reload({ waitUntil: 'load' });
    await expectSlide(page, 2);
    await page.close();
  }, TIMEOUT);

  it('starts on the slide named in the hash', async () => {
    const { page } = await open('#3');
    await expectSlide(page, 3);
    await page.close();
  }, TIMEOUT);

  it('moves with swipes on a touch screen', async () => {
    const { page } = await open('#2', { width: 800, height: 600, hasTouch: true, isMobile: true });
    const swipe = async (fromX: number, toX: number) => {
      await page.touchscreen.touchStart(fromX, 300);
      await page.touchscreen.touchMove((fromX + toX) / 2, 305);
      await page.touchscreen.touchMove(toX, 310);
      await page.touchscreen.touchEnd();
    };
    await swipe(600, 200);
    await expectSlide(page, 3);
    await swipe(200, 600);
    await swipe(200, 600);
    await expectSlide(page, 1);
    await page.close();
  }, TIMEOUT);

  it('follows #N links inside slides (citations) to slide N', async () => {
    const { page } = await open('#2');
    await page.click('section[id="2"] a[href="#5"]');
    await waitForSlide(page, 5);
    await page.close();
  }, TIMEOUT);

  it('opens an overview with `o` or Esc; a click or Enter on a tile jumps there', async () => {
    const { page } = await open('#2');
    const overviewOpen = () => page.evaluate(() => !!document.querySelector('.bd-overview:not([hidden])'));
    await page.keyboard.press('o');
    expect(await overviewOpen()).toBe(true);
    expect(await page.$$eval('.bd-overview .bd-tile', (tiles) => tiles.length)).toBe(5);
    expect(await page.$eval('.bd-tile[aria-current="true"] .bd-tile-number', (n) => n.textContent)).toBe('2');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'viewer-overview.png') });
    await page.keyboard.press('ArrowRight'); // moves the selection, not the deck
    await expectSlide(page, 2);
    const tiles = await page.$$('.bd-overview .bd-tile');
    await tiles[3]!.click();
    expect(await overviewOpen()).toBe(false);
    await expectSlide(page, 4);

    await page.keyboard.press('Escape');
    expect(await overviewOpen()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await overviewOpen()).toBe(false);
    await expectSlide(page, 4);

    await page.keyboard.press('o');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await overviewOpen()).toBe(false);
    await expectSlide(page, 3);
    await page.close();
  }, TIMEOUT);

  it('blanks the screen with `b` and brings it back', async () => {
    const { page } = await open('#3');
    const slideVisible = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('section[id="3"]')!).visibility === 'visible');
    expect(await slideVisible()).toBe(true);
    await page.keyboard.press('b');
    expect(await slideVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.keyboard.press('b');
    expect(await slideVisible()).toBe(true);
    await page.keyboard.press('b');
    await page.keyboard.press('Escape');
    expect(await slideVisible()).toBe(true);
    await page.close();
  }, TIMEOUT);

  it('opens a presenter window with `p` that follows the audience window, and leads it', async () => {
    const { page } = await open('#1');
    await page.keyboard.press('p');
    const target = await browser.waitForTarget((t) => t.url().includes('#presenter'), { timeout: 20_000 });
    const presenter = (await target.page())!;
    const seen = await watch(presenter, false);
    watches.push(seen);
    await presenter.setViewport({ width: 1280, height: 800 });
    await presenter.waitForSelector('.bd-presenter .bd-p-notes-text');
    const notesText = () => presenter.$eval('.bd-p-notes-text', (n) => n.textContent);
    const waitNotes = (text: string) =>
      presenter.waitForFunction((t) => document.querySelector('.bd-p-notes-text')?.textContent === t, { timeout: 10_000 }, text);

    expect(await notesText()).toBe(notes[0]);
    expect(await presenter.$eval('.bd-p-current .bd-clone section', (s) => s.textContent)).toContain('Viewer fixture');
    expect(await presenter.$eval('.bd-p-next .bd-clone section', (s) => s.textContent)).toContain('Key points');
    expect(await presenter.$eval('.bd-p-notes-text', (n) => parseFloat(getComputedStyle(n).fontSize))).toBeGreaterThanOrEqual(18);
    expect(await presenter.$eval('.bd-p-elapsed', (n) => n.textContent)).toMatch(/^\d+:\d\d$/);
    expect(await presenter.$eval('.bd-p-clock', (n) => n.textContent)).toMatch(/\d/);
    await presenter.waitForFunction(() => document.querySelector('.bd-p-link')?.classList.contains('bd-p-connected'));

    // Audience → presenter.
    await page.keyboard.press('ArrowRight');
    await waitNotes('No notes for this slide.');
    await page.keyboard.press('ArrowRight');
    await waitNotes(notes[2]!);
    expect(await presenter.evaluate(() => location.hash)).toBe('#presenter/3');
    if (SCREENSHOTS) await presenter.screenshot({ path: join(SCREENSHOTS, 'viewer-presenter.png') });

    // Presenter → audience.
    await presenter.keyboard.press('ArrowRight');
    await waitNotes(notes[3]!);
    await waitForSlide(page, 4);
    await presenter.click('.bd-p-frame-next'); // the next-slide preview advances too
    await page.waitForFunction(() => location.hash === '#5', { timeout: 10_000 });
    await presenter.keyboard.press('Home');
    await page.waitForFunction(() => location.hash === '#1', { timeout: 10_000 });
    expect(await notesText()).toBe(notes[0]);

    // Blanking from the presenter blanks the audience screen.
    await presenter.keyboard.press('b');
    await page.waitForFunction(() => document.documentElement.classList.contains('bd-blank'), { timeout: 10_000 });
    expect(await presenter.$eval('.bd-p-badge', (n) => getComputedStyle(n).display)).not.toBe('none');
    await page.keyboard.press('b');
    await presenter.waitForFunction(() => !document.documentElement.classList.contains('bd-blank'), { timeout: 10_000 });

    // After a reload the audience window finds the presenter again (its hello every second).
    await page.reload({ waitUntil: 'load' });
    await expectSlide(page, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await page.keyboard.press('End');
    await waitNotes(notes[4]!);

    // `p` again focuses the same window instead of opening another.
    await page.keyboard.press('p');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await browser.pages()).filter((p) => p.url().includes('#presenter')).length).toBe(1);
    await presenter.close();
    await page.close();
  }, TIMEOUT);

  it('shows every slide when printed and prints one page per slide', async () => {
    const { page } = await open('#3');
    await page.keyboard.press('b');
    await page.keyboard.press('o');
    await page.emulateMediaType('print');
    const visible = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body > div.marpit > svg[data-marpit-svg]')).filter(
        (svg) => getComputedStyle(svg).display !== 'none' && getComputedStyle(svg).visibility !== 'hidden',
      ).length,
    );
    expect(visible).toBe(5);
    expect(await page.$eval('.bd-overview', (n) => getComputedStyle(n).display)).toBe('none');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(5);
    await page.close();
  }, TIMEOUT);

  it('makes no request but the document itself, and breaks no content security policy', () => {
    const requests = watches.flatMap((w) => w.requests).filter((url) => !url.startsWith('data:'));
    expect(requests.length).toBeGreaterThan(0);
    expect(new Set(requests.map((url) => url.split('#')[0]))).toEqual(new Set([deckUrl]));
    expect(watches.flatMap((w) => w.problems)).toEqual([]);
  });
});
