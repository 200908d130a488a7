// Content text is inline Markdown (emphasis, strong, code, links) and nothing else: parse it once,
// then write it out either as Markdown that cannot start any other construct, or as safe HTML.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const ALLOWED_LINK = /^(https?:|mailto:|#)/i;

function createParser(): MarkdownIt {
  const md = new MarkdownIt('zero', { html: false, linkify: true, typographer: false });
  md.enable(['escape', 'backticks', 'emphasis', 'link', 'entity', 'linkify', 'newline', 'text_join']);
  md.validateLink = (url) => ALLOWED_LINK.test(url.trim());
  return md;
}

const parser = createParser();

/** Collapses every run of whitespace (newlines included) to one space: content text is one paragraph. */
export function normalizeSpace(s: string): string {
  return closeBidi(s.replace(/[\s\u2028\u2029]+/g, ' ').trim());
}

/**
 * Closes the bidirectional embeddings, overrides and isolates a text opens, so that a stray U+202E
 * reverses only the text that holds it, never the dates and labels briefdeck sets after it.
 */
export function closeBidi(s: string): string {
  const open: string[] = [];
  for (const ch of s) {
    if ('\u202A\u202B\u202D\u202E'.includes(ch)) open.push('\u202C');
    else if ('\u2066\u2067\u2068'.includes(ch)) open.push('\u2069');
    else if (ch === '\u202C' && open.at(-1) === '\u202C') open.pop();
    else if (ch === '\u2069') {
      // A PDI closes the last isolate and any embeddings opened inside it.
      const at = open.lastIndexOf('\u2069');
      if (at >= 0) open.length = at;
    }
  }
  return open.length ? s + open.reverse().join('') : s;
}

export function parseInline(text: string): Token[] {
  return parser.parseInline(normalizeSpace(text), {})[0]?.children ?? [];
}

/** Every ASCII punctuation character backslash-escaped: CommonMark then reads each one literally. */
export function escapeMarkdownText(s: string): string {
  return s.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

function codeSpan(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || /^ .* $/.test(code) ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

function markdownHref(href: string): string {
  return `<${href.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c))}>`;
}

/** Inline Markdown that renders the same text, with no way to start a block, directive, HTML or expression. */
export function toSafeMarkdown(text: string): string {
  let out = '';
  const links: (string | null)[] = [];
  for (const t of parseInline(text)) {
    switch (t.type) {
      case 'text':
        out += escapeMarkdownText(t.content);
        break;
      case 'code_inline':
        out += codeSpan(t.content);
        break;
      case 'em_open':
      case 'em_close':
        out += '*';
        break;
      case 'strong_open':
      case 'strong_close':
        out += '**';
        break;
      case 'link_open': {
        const href = t.attrGet('href') ?? '';
        const ok = ALLOWED_LINK.test(href);
        links.push(ok ? href : null);
        if (ok) out += '[';
        break;
      }
      case 'link_close': {
        const href = links.pop();
        if (href) out += `](${markdownHref(href)})`;
        break;
      }
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      default:
        out += escapeMarkdownText(t.content);
    }
  }
  return out;
}

/** Safe HTML for the same text (markdown-it escapes text and checks link targets). */
export function toSafeHtml(text: string): string {
  return parser.renderer.render(parseInline(text), parser.options, {});
}

/** The plain text, for PDF metadata, slide titles in outlines and measuring. */
export function toPlainText(text: string): string {
  return parseInline(text)
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type.endsWith('break') ? ' ' : ''))
    .join('');
}
