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
    // Numbered with as many digits as the last needs (two at least), so that names sort: 0001.png past 999.
    const digits = Math.max(2, String(slides.length).length);
    return async () => ({
      files: [...slides.map((png, i) => ({ name: `slides/${String(i + 1).padStart(digits, '0')}.png`, data: png })), { name: 'og.png', data: og }],
    });
  },
});
