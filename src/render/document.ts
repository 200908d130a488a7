// Wraps rendered bodies into one self-contained HTML document with a Content-Security-Policy
// that allows only what the document itself contains.
import { createHash } from 'node:crypto';
import Handlebars from './handlebars.js';

export interface DocumentParts {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  styles: string[];
  /**
   * Styles of this document alone (the print's @page boxes: its title, marking and date), written last
   * in the head as `<style data-document>`: a page that shows a document with the same other styles
   * takes this one by swapping its body and these (browser/pool.ts), its fonts parsed and decoded once.
   */
  ownStyle?: string;
  body: string;
  /** Inline scripts; each is allowed by its hash, nothing else may run. */
  scripts?: string[];
  /** JSON data for the scripts, as `<script type="application/json" id=…>`. */
  data?: Record<string, unknown>;
  meta?: Record<string, string>;
}

const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** JSON that is safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function contentSecurityPolicy(scripts: string[]): string {
  return [
    "default-src 'none'",
    'img-src data:',
    'font-src data:',
    "style-src 'unsafe-inline'",
    `script-src ${scripts.length ? scripts.map(hash).join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** CSS as the text of a <style> element: nothing in it can end the element. */
const rawStyle = (css: string) => css.replace(/<\/style/gi, '<\\/style');

export function htmlDocument(p: DocumentParts): string {
  const esc = Handlebars.escapeExpression;
  const scripts = p.scripts ?? [];
  const meta = Object.entries(p.meta ?? {})
    .map(([name, content]) => `<meta name="${esc(name)}" content="${esc(content)}">`)
    .join('\n');
  const data = Object.entries(p.data ?? {})
    .map(([id, v]) => `<script type="application/json" id="${esc(id)}">${scriptJson(v)}</script>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${esc(p.lang)}" dir="${p.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(scripts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefdeck">
${meta}
<title>${esc(p.title)}</title>
${p.styles.map((s) => `<style>${rawStyle(s)}</style>`).join('\n')}${p.ownStyle === undefined ? '' : `\n<style data-document>${rawStyle(p.ownStyle)}</style>`}
</head>
<body>
${p.body}
${data}
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
