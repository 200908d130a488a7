// A markdown-it plugin for Marp: the `style` global directive (the deck's figures and branding CSS)
// goes into the page's <style> once, as Marp puts it there, but not also into every slide, where
// Marp copies each directive as a data attribute and a CSS custom property. Those two copies were
// three quarters of a large deck's body (7.5 of 9.5 MB at 1,060 slides), sent to Chromium, parsed
// and styled again in every fitting pass; nothing reads them.
import type MarkdownIt from 'markdown-it';

interface SlideMeta {
  marpitDirectives?: Record<string, unknown>;
}

export function styleOncePlugin(md: MarkdownIt): void {
  md.core.ruler.before('marpit_directives_apply', 'briefdeck_style_once', (state) => {
    if (state.inlineMode) return;
    for (const token of state.tokens) {
      const meta = token.meta as SlideMeta | null;
      if (meta?.marpitDirectives && 'style' in meta.marpitDirectives) {
        meta.marpitDirectives = { ...meta.marpitDirectives };
        delete meta.marpitDirectives.style;
      }
    }
  });
}
