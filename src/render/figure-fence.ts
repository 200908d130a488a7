// A markdown-it plugin: a ```briefdeck-figure fence holds an SVG that briefdeck drew (figures/*), and is
// rendered as that SVG inline, so it takes the theme's fonts and colours. Content can never write the
// fence (content text has its punctuation escaped); even so, anything scriptable is refused.
import type MarkdownIt from 'markdown-it';

const UNSAFE = /<(?!\/?(svg|g|path|rect|line|circle|text|tspan|title|desc)[\s>/])|\son[a-z]+\s*=|href\s*=|url\(|javascript:/i;

/** Whether an SVG is one of briefdeck's figures: only shapes and text, no script, link or reference. */
export function isSafeFigure(svg: string): boolean {
  return svg.startsWith('<svg ') && svg.includes('class="bd-figure') && !UNSAFE.test(svg);
}

export function figureFencePlugin(md: MarkdownIt): void {
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const svg = token?.content.trim() ?? '';
    if (token?.info.trim() === 'briefdeck-figure' && isSafeFigure(svg)) return `<figure class="bd-fig">${svg}</figure>\n`;
    return fallback ? fallback(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}
