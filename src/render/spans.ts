// A markdown-it plugin for the templates' one piece of markup: `%%[class names]…%%` draws a <span>.
// Content can never write it: the deck's content text has every ASCII punctuation mark escaped.
import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

const OPEN = /^%%\[([a-z0-9 -]+)\]/;
const PERCENT = 0x25;

export function spansPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'briefdeck_span', (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== PERCENT || state.src.charCodeAt(state.pos + 1) !== PERCENT) return false;
    const open = OPEN.exec(state.src.slice(state.pos, state.pos + 80));
    if (open) {
      if (!silent) {
        const token = state.push('briefdeck_span_open', 'span', 1);
        token.attrSet('class', (open[1] ?? '').trim());
      }
      state.pos += open[0].length;
      return true;
    }
    if (!silent) state.push('briefdeck_span_close', 'span', -1);
    state.pos += 2;
    return true;
  });
}
