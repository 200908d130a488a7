// Pictures of the deck: one PNG per slide (for chat, e-mail, a CMS) and the Open Graph image of the
// title slide, taken from deck.html as loaded in the shared browser.
import type { ElementHandle, Page, Viewport } from 'puppeteer-core';
import { inWindows, SLIDE_SELECTOR } from './slide-window.js';
const SLIDE_W = 1280;
const SLIDE_H = 720;
const OG = { width: 1200, height: 630 };
/** The title slide's background in the briefing theme, used if the page cannot tell. */
const NAVY = '#14213D';

/** Runs page captures one at a time (the build's services hold one for all briefings). */
export type InFront = <T>(fn: () => Promise<T>) => Promise<T>;

export interface ScreenshotOptions {
  /** Pixels per slide pixel: 1 → 1280x720, 1.5 → 1920x1080, 2 → 2560x1440. */
  scale: number;
  inFront?: InFront;
}

/**
 * Runs `fn` with the deck laid out as for print (Marp's and the deck's @media print: one 1280x720 slide
 * after another, no viewer), then puts the page's viewport back. The pool's pages have print media
 * already (browser/pool.ts); it is set here too for a page from elsewhere, and left so.
 */
function printLayout<T>(page: Page, viewport: Viewport, fn: () => Promise<T>, turn: InFront = (f) => f()): Promise<T> {
  // Full Chromium draws only the tab in front, and a capture of any other waits forever: pages take
  // turns in front (the headless shell draws every tab, but the turns cost little beside the captures).
  return turn(() => broughtToFront(page, viewport, fn));
}

async function broughtToFront<T>(page: Page, viewport: Viewport, fn: () => Promise<T>): Promise<T> {
  const before = page.viewport();
  await page.bringToFront();
  await page.emulateMediaType('print');
  await page.setViewport(viewport);
  try {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await fn();
  } finally {
    if (before) await page.setViewport(before).catch(() => undefined);
  }
}

/** Slides shown at a time while they are photographed. */
const SHOT_WINDOW = 100;

/** One slide's picture, or undefined for a slide with no box. */
async function shoot(page: Page, slide: ElementHandle): Promise<Uint8Array | undefined> {
  // Bring the slide into the viewport (which is exactly one slide) and capture that: much faster
  // than capturing beyond the viewport, which re-lays out the whole page for every picture.
  const box = await slide.evaluate((el) => {
    el.scrollIntoView({ block: 'start', inline: 'start', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    const v = window.visualViewport;
    return { x: r.left + (v?.pageLeft ?? window.scrollX), y: r.top + (v?.pageTop ?? window.scrollY), width: r.width, height: r.height };
  });
  if (!box.width || !box.height) return undefined;
  const png = await page.screenshot({
    type: 'png',
    clip: { x: box.x, y: box.y, width: box.width, height: box.height },
    captureBeyondViewport: false,
    optimizeForSpeed: true,
  });
  return new Uint8Array(png);
}

/** One PNG per slide, in order, each 1280·scale x 720·scale pixels. */
export async function screenshotSlides(page: Page, options: ScreenshotOptions): Promise<Uint8Array[]> {
  const scale = options.scale > 0 && Number.isFinite(options.scale) ? options.scale : 1;
  return printLayout(page, { width: SLIDE_W, height: SLIDE_H, deviceScaleFactor: scale }, async () => {
    const slides = await page.$$(SLIDE_SELECTOR);
    const out: Uint8Array[] = [];
    try {
      // A window of slides at a time, the rest hidden (output/slide-window.ts): each capture repaints
      // the page, and in a long deck the whole of it, so a picture's cost grew with the deck.
      await inWindows(page, slides.length, SHOT_WINDOW, async ([from, to]) => {
        for (const slide of slides.slice(from, to)) {
          const png = await shoot(page, slide);
          if (png) out.push(png);
        }
      });
    } finally {
      await Promise.all(slides.map((s) => s.dispose()));
    }
    return out;
  }, options.inFront);
}

/**
 * The Open Graph / social card: 1200x630 PNG of the title slide, scaled to the card's height and
 * letterboxed with the slide's own background colour (the briefing theme's navy).
 */
export async function ogImage(page: Page, options: { inFront?: InFront } = {}): Promise<Uint8Array> {
  return printLayout(page, { width: OG.width, height: OG.height, deviceScaleFactor: 1 }, async () => {
    const id = 'bd-og-card';
    const made = await page.evaluate(
      (selector, id, card, slide, fallback) => {
        const svg = document.querySelector(selector);
        if (!svg) return false;
        const section = svg.querySelector('section');
        const bg = section ? getComputedStyle(section).backgroundColor : '';
        const colour = !bg || bg === 'transparent' || /rgba\(.*,\s*0\)$/.test(bg) ? fallback : bg;
        const scale = Math.min(card.width / slide.width, card.height / slide.height);
        const wrap = document.createElement('div');
        wrap.id = id;
        wrap.setAttribute(
          'style',
          `position:fixed;left:0;top:0;width:${card.width}px;height:${card.height}px;margin:0;padding:0;z-index:2147483647;` +
            `display:flex;align-items:center;justify-content:center;background:${colour};overflow:hidden`,
        );
        const marpit = document.createElement('div');
        marpit.className = 'marpit';
        marpit.setAttribute('style', `margin:0;padding:0;width:${slide.width * scale}px;height:${slide.height * scale}px`);
        const clone = svg.cloneNode(true) as SVGSVGElement;
        clone.setAttribute('style', 'display:block;width:100%;height:100%;break-after:auto');
        // Ids must stay unique in the page while the card is up.
        for (const el of [clone, ...clone.querySelectorAll('[id]')]) el.removeAttribute('id');
        marpit.append(clone);
        wrap.append(marpit);
        document.body.append(wrap);
        window.scrollTo(0, 0);
        return true;
      },
      SLIDE_SELECTOR,
      id,
      OG,
      { width: SLIDE_W, height: SLIDE_H },
      NAVY,
    );
    if (!made) throw new Error('ogImage: the page has no Marp slides');
    try {
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...OG }, captureBeyondViewport: false });
      return new Uint8Array(png);
    } finally {
      await page.evaluate((id) => document.getElementById(id)?.remove(), id).catch(() => undefined);
    }
  }, options.inFront);
}
