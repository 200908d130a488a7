// The preview's home page: every briefing being watched, its state, and links to what it produced.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClientTag } from './client.js';
import { diagnosticHtml } from './error-page.js';
import { esc, page } from './page.js';
import type { Entry } from './state.js';
import type { Diagnostic } from '../errors.js';

const LABELS: Record<string, string> = {
  'deck.html': 'Deck',
  'briefing.pdf': 'Print briefing (PDF)',
  'deck.pdf': 'Deck (PDF)',
  'deck.md': 'Deck (Markdown)',
  'handout.pdf': 'Handout (PDF)',
};

/** The title in a built deck.html, read back (the build result does not carry it). */
async function deckTitle(entry: Entry): Promise<string | undefined> {
  const deck = entry.result.outputs.find((f) => path.basename(f) === 'deck.html');
  if (!deck) return undefined;
  const html = await readFile(deck, 'utf8').catch(() => '');
  const m = /<title>([^<]*)<\/title>/.exec(html);
  return m?.[1]?.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'");
}

function links(entry: Entry): string {
  const names = entry.result.outputs.map((f) => path.basename(f));
  const out: string[] = [];
  for (const [name, label] of Object.entries(LABELS).filter(([n]) => names.includes(n))) {
    const href = `/${encodeURIComponent(entry.slug)}/${name}`;
    out.push(`<a href="${href}">${label}</a>`);
    if (name.endsWith('.pdf')) out.push(`<a href="/__briefdeck/view/${encodeURIComponent(entry.slug)}/${name}">${name}, reloading on save</a>`);
  }
  const slides = entry.result.outputs.filter((f) => path.basename(path.dirname(f)) === 'slides');
  if (slides.length) out.push(`<a href="/${encodeURIComponent(entry.slug)}/slides/01.png">${slides.length} slide images</a>`);
  return out.length ? `<div class="links">${out.join('')}</div>` : '';
}

async function card(entry: Entry): Promise<string> {
  const r = entry.result;
  const title = (await deckTitle(entry)) ?? entry.slug;
  const facts = [
    esc(entry.file),
    r.slides !== undefined ? `${r.slides} slides` : '',
    r.pages.print !== undefined ? `briefing ${r.pages.print} pages` : '',
    `${r.ok ? 'built' : 'failed'} ${entry.at.toLocaleTimeString('en-GB')}`,
  ].filter(Boolean);
  const warnings = r.warnings.map((w) => `<div class="meta">warning: ${esc(w)}</div>`).join('');
  const errors = r.ok ? '' : (await Promise.all(r.errors.map(diagnosticHtml))).join('\n');
  return `<section class="card ${r.ok ? 'ok' : 'failed'}" data-slug="${esc(entry.slug)}">
<div class="status">${r.ok ? (r.status === 'skipped' ? 'unchanged' : 'built') : 'not built'}</div>
<h2>${r.ok ? `<a href="/${encodeURIComponent(entry.slug)}/deck.html">${esc(title)}</a>` : esc(title)}</h2>
<div class="meta">${facts.join(' · ')}</div>
${links(entry)}${warnings}${errors}
</section>`;
}

export async function indexPage(o: { entries: Entry[]; problem: Diagnostic[]; watching: string[]; out: string; client: ClientTag }): Promise<string> {
  const problem = o.problem.length ? `<section class="card failed"><div class="status">build stopped</div>${(await Promise.all(o.problem.map(diagnosticHtml))).join('\n')}</section>` : '';
  const cards = o.entries.length ? (await Promise.all(o.entries.map(card))).join('\n') : `<p class="empty">No content files in ${esc(o.watching.join(', '))} yet. Start one with <code>briefdeck new my-briefing</code>.</p>`;
  const body = `<h1>Briefings</h1>
<p class="meta">Watching ${esc(o.watching.join(', '))} · serving ${esc(o.out)}</p>
${problem}
${cards}`;
  return page('briefdeck preview', body, o.client);
}
