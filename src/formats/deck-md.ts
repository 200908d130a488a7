// deck.md: the fitted deck's Marp Markdown, which Marp's own tools can open (spans as HTML, figures as images there).
import { deckStyle } from '../render/deck.js';
import { portableMarkdown } from '../render/portable.js';
import { defineFormat } from './types.js';

export const deckMd = defineFormat({
  name: 'md',
  describe: 'md (deck.md)',
  needs: { deck: true },
  produce: async ({ deck, templates, settings }) => {
    if (!deck) return { files: [] };
    const css = { theme: templates.themes.get(settings.theme) ?? '', style: deckStyle(templates, settings.branding) };
    return { files: [{ name: 'deck.md', data: portableMarkdown(deck.markdown, css) }] };
  },
});
