// briefing.pdf: the paged print briefing, with running header and footer and an outline of its headings.
import { defineFormat } from './types.js';
import { PRINT_ONLY_VIEWPORT } from '../browser/print-only.js';

export const printPdf = defineFormat({
  name: 'print',
  describe: 'print (briefing.pdf)',
  needs: { print: true, browser: true, pdf: true },
  produce: async ({ printView, templates, settings, services, meta }) => {
    if (!printView) return { files: [] };
    const [{ renderPrint }, { headingTitles, printPage, withMetadata }] = await Promise.all([import('../render/print.js'), import('../output/pdf.js')]);
    const html = await renderPrint(printView, templates, { paper: settings.paper, branding: settings.branding });
    const { pdf, titles } = await services.withPage(html, PRINT_ONLY_VIEWPORT, async (page, session) => ({
      titles: await headingTitles(page),
      pdf: await printPage(page, session.timeout, { outline: true }),
    }));
    let pages: number | undefined;
    const data = await withMetadata(pdf, meta, { headingTitles: titles, onPages: (n) => (pages = n) });
    return { files: [{ name: 'briefing.pdf', data }], pages: { print: pages } };
  },
});
