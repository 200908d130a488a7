// Rich text, neutral: content text (inline Markdown: emphasis, strong, code, links) parsed once into
// runs, plus numbered citations. Each output writes runs out in its own escaping (render/inline.ts).
import { createRequire } from 'node:module';
import type MarkdownItType from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

// The single-file build the package ships (dist/markdown-it.js, its dependencies bundled in): its ES
// modules are dozens (79 ms of a cold build's main thread), its CommonJS main one file that requires
// entities, linkify-it, mdurl, uc.micro and punycode, a dozen more (20-22 ms CPU alone, against 11-13).
const MarkdownIt = createRequire(import.meta.url)('markdown-it/dist/markdown-it.js') as typeof MarkdownItType;

export type Run =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'emphasis'; runs: Run[] }
  | { kind: 'strong'; runs: Run[] }
  | { kind: 'link'; href: string; title?: string; runs: Run[] }
  /** A numbered source reference: `n` is the source's place in the source list (1-based). */
  | { kind: 'citation'; n: number; id: string };

/** Links content may make: web, mail and in-document; anything else stays text. */
export const ALLOWED_LINK = /^(https?:|mailto:|#)/i;

function createParser(): MarkdownItType {
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

/** Content text → runs. Whitespace is one paragraph's: line breaks cannot survive normalizeSpace. */
export function parseRuns(text: string): Run[] {
  const root: Run[] = [];
  const stack: Run[][] = [root];
  const add = (r: Run) => (stack.at(-1) ?? root).push(r);
  const open = (r: Extract<Run, { runs: Run[] }>) => {
    add(r);
    stack.push(r.runs);
  };
  for (const t of parseInline(text)) {
    switch (t.type) {
      case 'code_inline':
        add({ kind: 'code', text: t.content });
        break;
      case 'em_open':
        open({ kind: 'emphasis', runs: [] });
        break;
      case 'strong_open':
        open({ kind: 'strong', runs: [] });
        break;
      case 'link_open': {
        const title = t.attrGet('title');
        open({ kind: 'link', href: t.attrGet('href') ?? '', ...(title !== null ? { title } : {}), runs: [] });
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'softbreak':
      case 'hardbreak':
        add({ kind: 'text', text: ' ' });
        break;
      default:
        add({ kind: 'text', text: t.content });
    }
  }
  return root;
}

/** The runs as plain text: PDF metadata, outlines, measuring. Citations are left out. */
export function plainOf(runs: readonly Run[]): string {
  return runs.map((r) => (r.kind === 'text' || r.kind === 'code' ? r.text : r.kind === 'citation' ? '' : plainOf(r.runs))).join('');
}

/** The runs without their citations, and the citations alone (in source order, each once). */
export function contentOf(runs: readonly Run[]): Run[] {
  return runs.filter((r) => r.kind !== 'citation');
}
export function citationsOf(runs: readonly Run[]): { n: number; id: string }[] {
  return runs.flatMap((r) => (r.kind === 'citation' ? [{ n: r.n, id: r.id }] : []));
}
