// The page shown in place of a briefing whose content is invalid: each problem with file, line, field, hint and the lines around it.
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../errors.js';
import type { ClientTag } from './client.js';
import { esc, page } from './page.js';

/** The lines around `line` (1-based) of `text`, the line itself marked. */
export function excerpt(text: string, line: number, around = 2): string {
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - around);
  const to = Math.min(lines.length, line + around);
  const rows: string[] = [];
  for (let n = from; n <= to; n++) rows.push(`<span${n === line ? ' class="here"' : ''}><b>${n}</b>${esc(lines[n - 1] ?? '')}</span>`);
  return rows.length ? `<pre>${rows.join('')}</pre>` : '';
}

export async function diagnosticHtml(d: Diagnostic): Promise<string> {
  const where = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''}` : '';
  const source = d.file && d.line !== undefined ? await readFile(d.file, 'utf8').then((t) => excerpt(t, d.line ?? 1), () => '') : '';
  return `<div class="diag">
<div>${where ? `<span class="where">${esc(where)}</span> ` : ''}${d.field ? `<span class="field">${esc(d.field)}</span> ` : ''}${esc(d.message)}</div>
${d.hint ? `<div class="hint">hint: ${esc(d.hint)}</div>` : ''}
${source}
</div>`;
}

export async function errorPage(o: { slug: string; file?: string; errors: Diagnostic[]; client: ClientTag }): Promise<string> {
  const items = await Promise.all(o.errors.map(diagnosticHtml));
  const body = `<h1 class="bad">${esc(o.slug)} did not build</h1>
<p class="meta">${o.file ? `${esc(o.file)}: ` : ''}${o.errors.length} problem${o.errors.length === 1 ? '' : 's'}. Fix ${o.errors.length === 1 ? 'it' : 'them'} and save: this page turns back into the briefing by itself.</p>
${items.join('\n')}
<p class="meta"><a href="/">All briefings</a></p>`;
  return page(`${o.slug}: not built`, body, o.client);
}
