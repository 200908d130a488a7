// deck.pdf: the fitted page printed as it stands, one slide a page, with an outline and (--pdf-notes) notes.
import { printDeck } from '../output/pdf-chunks.js';
import { defineFormat } from './types.js';

export const deckPdf = defineFormat({
  name: 'pdf',
  describe: 'pdf (deck.pdf)',
  needs: { deck: true, page: true, pdf: true },
  capture: async (page, { services, deck }) => {
    const printed = await printDeck(page, deck?.slides.length ?? 0, services.timeout);
    return async ({ deck, meta, settings, deckView }) => {
      const slides = deck?.slides ?? [];
      const [{ withMetadata }, { deckOutline }] = await Promise.all([import('../output/pdf.js'), import('../output/outline.js')]);
      const notes = slides.map((s) => s.notes ?? '');
      const pdf = await withMetadata(printed, meta, {
        outline: deckOutline(slides),
        notes: settings.pdfNotes ? { notes, corner: deckView.dir === 'rtl' ? 'right' : 'left' } : undefined,
      });
      return { files: [{ name: 'deck.pdf', data: pdf }], pages: { deck: slides.length } };
    };
  },
});
