// Content text at the edge: runs (model/runs.ts) written out as Markdown that cannot start any other
// construct, as safe HTML, or as plain text. Every output's escaping rules live here.
import { ALLOWED_LINK, parseRuns, plainOf, type Run } from '../model/runs.js';

export { closeBidi, normalizeSpace, parseInline } from '../model/runs.js';

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

/** Runs as inline Markdown with no way to start a block, directive, HTML or expression. Citations are left out. */
export function runsToMarkdown(runs: readonly Run[]): string {
  return runs
    .map((r): string => {
      switch (r.kind) {
        case 'text':
          return escapeMarkdownText(r.text);
        case 'code':
          return codeSpan(r.text);
        case 'emphasis':
          return `*${runsToMarkdown(r.runs)}*`;
        case 'strong':
          return `**${runsToMarkdown(r.runs)}**`;
        case 'link':
          return ALLOWED_LINK.test(r.href) ? `[${runsToMarkdown(r.runs)}](${markdownHref(r.href)})` : runsToMarkdown(r.runs);
        case 'citation':
          return '';
      }
    })
    .join('');
}

/** HTML-escapes text and attribute values, as markdown-it does. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Runs as safe HTML (the same markup markdown-it renders for them). Citations are left out. */
export function runsToHtml(runs: readonly Run[]): string {
  return runs
    .map((r): string => {
      switch (r.kind) {
        case 'text':
          return escapeHtml(r.text);
        case 'code':
          return `<code>${escapeHtml(r.text)}</code>`;
        case 'emphasis':
          return `<em>${runsToHtml(r.runs)}</em>`;
        case 'strong':
          return `<strong>${runsToHtml(r.runs)}</strong>`;
        case 'link':
          return `<a href="${escapeHtml(r.href)}"${r.title !== undefined ? ` title="${escapeHtml(r.title)}"` : ''}>${runsToHtml(r.runs)}</a>`;
        case 'citation':
          return '';
      }
    })
    .join('');
}

/** Inline Markdown that renders the same text, with no way to start a block, directive, HTML or expression. */
export function toSafeMarkdown(text: string): string {
  return runsToMarkdown(parseRuns(text));
}

/** Safe HTML for the same text (links checked, everything else escaped). */
export function toSafeHtml(text: string): string {
  return runsToHtml(parseRuns(text));
}

/** The plain text, for PDF metadata, slide titles in outlines and measuring. */
export function toPlainText(text: string): string {
  return plainOf(parseRuns(text));
}
