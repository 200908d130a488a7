// handout.pdf: the fitted deck's slides two or three to a page, each with its speaker notes.
import { defineFormat } from './types.js';
import { PRINT_ONLY_VIEWPORT } from '../browser/print-only.js';

export const handoutPdf = defineFormat({
  name: 'handout',
  describe: 'handout (handout.pdf)',
  needs: { deck: true, print: true, browser: true, pdf: true },
  produce: async ({ deck, printView, templates, settings, services, meta }) => {
    if (!deck || !printView) return { files: [] };
    const [{ renderHandout, handoutFontCss }, { printPage, withMetadata }] = await Promise.all([import('../render/handout.js'), import('../output/pdf.js')]);
    const { html, css } = deck.marp;
    const doc = renderHandout({
      marpHtml: html,
      marpCss: css,
      slides: deck.slides,
      view: printView,
      paper: settings.paper,
      perPage: settings.handoutPerPage,
      fontCss: await handoutFontCss(html, deck.slides, printView),
      templates,
    });
    const pdf = await services.withPage(doc, PRINT_ONLY_VIEWPORT, (page, session) => printPage(page, session.timeout));
    return { files: [{ name: 'handout.pdf', data: await withMetadata(pdf, meta) }] };
  },
});
