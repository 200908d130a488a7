// slides/NN.png and og.png: each slide of the fitted page photographed, and a link-preview card of the title slide.
import { defineFormat } from './types.js';

export const slidePng = defineFormat({
  name: 'png',
  describe: 'png (slides/NN.png and og.png)',
  needs: { deck: true, page: true },
  capture: async (page, { settings, services }) => {
    const { screenshotSlides, ogImage } = await import('../output/images.js');
    const slides = await screenshotSlides(page, { scale: settings.scale, inFront: services.inFront });
    const og = await ogImage(page, { inFront: services.inFront });
    return async () => ({
      files: [...slides.map((png, i) => ({ name: `slides/${String(i + 1).padStart(2, '0')}.png`, data: png })), { name: 'og.png', data: og }],
    });
  },
});
