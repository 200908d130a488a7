// Renders the print briefing: the HTML view through templates/print, with running header and footer
// (marking, short title, as-of date, page N of M) drawn by CSS paged media on every page.
import type { Templates } from './templates.js';
import type { BriefingView } from './view.js';
import { htmlDocument } from './document.js';
import { brandingCss, type Branding } from './deck.js';
import { FALLBACK_FAMILIES, fontCss } from './fonts.js';
import { labelsFor } from '../model/labels.js';
import { formatDate } from './view.js';

export type Paper = 'a4' | 'letter';

export interface PrintOptions {
  paper: Paper;
  branding?: Branding;
}

const PRINT_FONTS = ['Source Serif 4', 'Inter', ...FALLBACK_FAMILIES];

/** A CSS string literal, every character that could end it escaped. */
export function cssString(s: string): string {
  return `"${[...s].map((c) => (/[\w \-.,:;!?()'/+&@#%*=\u00a0-\uffff]/u.test(c) && c !== '\\' ? c : `\\${c.codePointAt(0)?.toString(16)} `)).join('')}"`;
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** @page rules: size, margins and the margin boxes, mirrored for right-to-left. */
export function pageCss(view: BriefingView, paper: Paper): string {
  const [start, end] = view.dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  const L = labelsFor(view.lang);
  const box = `font-family: ${['Inter', ...FALLBACK_FAMILIES].map((f) => `'${f}'`).join(', ')}, sans-serif; font-size: 7.5pt; color: #5f6873;`;
  const m = view.marking;
  // A free-text marking is a full bar: the corner boxes then get fixed shares so they stay on one line.
  const bar = m && !m.isTlp;
  const corner = bar ? 'width: 31%;' : '';
  const room = bar ? 40 : 60;
  const marking = m
    ? `content: ${cssString(m.plain)}; background: #000; color: ${markingColour(m.kind)}; font-family: 'Inter', sans-serif; font-size: 7.5pt;
      font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; vertical-align: middle; ${m.isTlp ? 'padding: 0 6pt; max-height: 14pt;' : 'padding: 0 4pt;'}`
    : '';
  return `@page {
  size: ${paper === 'letter' ? 'letter' : 'A4'} portrait;
  margin: 20mm 20mm 18mm;
  @top-${start} { ${box} ${corner} content: ${cssString(shorten(view.plainTitle, room))}; vertical-align: bottom; padding-bottom: 4mm; }
  @top-center { ${marking} }
  @top-${end} { ${box} ${corner} content: ${cssString(`${L.asOf} ${formatDate(view.date, view.lang)}`)}; vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-${start} { ${box} ${corner} content: ${cssString(shorten(`${L.source}: ${view.primarySource.plainTitle}`, room))}; vertical-align: top; padding-top: 4mm; }
  @bottom-center { ${marking} }
  @bottom-${end} { ${box} ${corner} content: ${cssString(`${L.page} `)} counter(page) ${cssString(` ${L.of} `)} counter(pages); vertical-align: top; padding-top: 4mm; }
}`;
}

function markingColour(kind: string): string {
  return (
    { 'tlp-red': '#FF2B2B', 'tlp-amber': '#FFC000', 'tlp-amber-strict': '#FFC000', 'tlp-green': '#33FF00', 'tlp-clear': '#FFFFFF' }[kind] ??
    '#FFFFFF'
  );
}

export async function renderPrint(view: BriefingView, templates: Templates, options: PrintOptions): Promise<string> {
  const body = templates.print(view);
  return htmlDocument({
    lang: view.lang,
    dir: view.dir,
    title: view.plainTitle,
    styles: [await fontCss(PRINT_FONTS, body + view.plainTitle), templates.printCss, templates.files.get('print/figures.css') ?? '', brandingCss(options.branding, ':root')],
    ownStyle: pageCss(view, options.paper),
    body,
    meta: { description: view.plainBluf },
  });
}
