// Pictures of the fitted deck's SVG figures that PowerPoint shows as pictures (the locator map):
// each drawn by Chromium at its fitted size, twice the slide's pixels, as a PNG.
import type { Page } from 'puppeteer-core';
import type { SlideGeometry } from './geometry.js';

/** Slide pixels per picture pixel: a 1280-pixel slide gives pictures as sharp as a 2560-pixel screen. */
const SCALE = 2;

/** A PNG data URL of each slide's map, where the slide has one. */
export async function captureMaps(page: Page, geometry: SlideGeometry[]): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = [];
  for (const [i, g] of geometry.entries()) {
    if (!g.map) {
      out.push(undefined);
      continue;
    }
    // Where the map stands on the page (document pixels), and how many page pixels make a slide pixel.
    const at = await page.evaluate((n: number) => {
      const svg = document.querySelectorAll('div.marpit > svg[data-marpit-svg]')[n];
      const section = svg?.querySelector(':scope > foreignObject > section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])');
      const map = section?.querySelector('figure.bd-fig svg.bd-map');
      if (!section || !map) return undefined;
      const r = map.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height, zoom: section.getBoundingClientRect().width / 1280 };
    }, i);
    if (!at || at.width < 1 || at.height < 1) {
      out.push(undefined);
      continue;
    }
    const png = await page.screenshot({
      type: 'png',
      clip: { x: at.x, y: at.y, width: at.width, height: at.height, scale: SCALE / (at.zoom || 1) },
      captureBeyondViewport: true,
      encoding: 'base64',
    });
    out.push(`data:image/png;base64,${png}`);
  }
  return out;
}
