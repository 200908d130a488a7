// deck.md: the fitted deck's Marp Markdown, which Marp's own tools can open.
import { defineFormat } from './types.js';

export const deckMd = defineFormat({
  name: 'md',
  describe: 'md (deck.md)',
  needs: { deck: true },
  produce: async ({ deck }) => ({ files: deck ? [{ name: 'deck.md', data: deck.markdown }] : [] }),
});
