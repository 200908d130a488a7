// slides/NN.png and og.png: each slide of the fitted page photographed, and a link-preview card of the title slide.
import { defineFormat } from './types.js';
import { chromium } from '../util/profile.js';

export const slidePng = defineFormat({
  name: 'png',
  describe: 'png (slides/NN.png and og.png)',
  needs: { deck: true, page: true },
  capture: async (page, { settings, services }) => {
    const { screenshotSlides, ogImage } = await import('../output/images.js');
    const slides = await chromium('screenshot', () => screenshotSlides(page, { scale: settings.scale, inFront: services.inFront }), page);
    const og = await chromium('screenshot', () => ogImage(page, { inFront: services.inFront }), page);
    const names = slideFileNames(slides.length);
    return async () => ({
      files: [...slides.map((png, i) => ({ name: names[i] as string, data: png })), { name: 'og.png', data: og }],
    });
  },
});

/** `slides/01.png` …: as many digits as the last needs (two at least), so that names sort: 0001.png past 999. */
export function slideFileNames(count: number): string[] {
  const digits = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => `slides/${String(i + 1).padStart(digits, '0')}.png`);
}
