// deck.html: the fitted deck as one self-contained page with the presenter viewer.
import { defineFormat } from './types.js';

export const deckHtml = defineFormat({
  name: 'html',
  describe: 'html (deck.html)',
  needs: { deck: true },
  produce: async ({ deck }) => ({ files: deck ? [{ name: 'deck.html', data: deck.html }] : [] }),
});
