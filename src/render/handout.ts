// Renders the handout: the deck's own slides (Marp's SVGs, reused as rendered) two or three to a portrait
// page, each with its speaker notes (or ruled lines for the reader's own), under the print briefing's
// running header and footer (marking, title, as-of date, page N of M).
import Handlebars from './handlebars.js';
import type { Slide } from './slides.js';
import type { BriefingView } from './view.js';
import { htmlDocument } from './document.js';
import { FALLBACK_FAMILIES, fontCss } from './fonts.js';
import { pageCss, type Paper } from './print.js';
import type { Templates } from './templates.js';
import { labelsFor } from '../model/labels.js';

export interface HandoutInput {
  /** Marp's HTML for the deck: `<div class="marpit"><svg data-marpit-svg …>…</svg>…</div>`. */
  marpHtml: string;
  /** Marp's CSS for the deck (theme included). */
  marpCss: string;
  slides: Slide[];
  /** The HTML-context view: `buildView(b, slug, 'html')`. */
  view: BriefingView;
  paper: Paper;
  perPage: 2 | 3;
  /** @font-face rules: see `handoutFontCss`. */
  fontCss: string;
  /** The build's templates: handout/handout.hbs and handout.css, custom ones included. */
  templates: Templates;
}

/** Fonts the handout uses: the slides' sans, the notes' serif, and the scripts' Noto faces. */
export const HANDOUT_FONTS = ['Inter', 'Source Serif 4', ...FALLBACK_FAMILIES];

/** The @font-face CSS for a handout of these slides. */
export function handoutFontCss(marpHtml: string, slides: Slide[], view: BriefingView): Promise<string> {
  const text = [marpHtml, view.plainTitle, view.primarySource.plainTitle, view.marking?.plain ?? '', ...slides.map((s) => s.notes ?? '')].join('\n');
  return fontCss(HANDOUT_FONTS, text + Object.values(handoutLabels(view.lang)).join(''));
}

/** The handout's words, from the briefing's own label table. */
export function handoutLabels(lang: string): { slide: string; notes: string; yourNotes: string } {
  const L = labelsFor(lang);
  return { slide: L.slide, notes: L.speakerNotes, yourNotes: L.yourNotes };
}

/** Each top-level `<svg data-marpit-svg …>…</svg>` of Marp's HTML, in order (nested SVGs stay inside theirs). */
export function splitSlides(marpHtml: string): string[] {
  const out: string[] = [];
  const tag = /<(\/?)svg\b[^>]*>/gi;
  let depth = 0;
  let start = -1;
  for (let m = tag.exec(marpHtml); m; m = tag.exec(marpHtml)) {
    if (!m[1]) {
      if (depth === 0 && /\bdata-marpit-svg\b/.test(m[0])) start = m.index;
      if (!m[0].endsWith('/>')) depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0 && start >= 0) {
        out.push(marpHtml.slice(start, m.index + m[0].length));
        start = -1;
      }
    }
  }
  return out;
}

/** Width / height of a slide, from its viewBox (16:9 unless it says otherwise). */
function aspect(svg: string | undefined): number {
  const vb = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg ?? '');
  const w = Number(vb?.[1]);
  const h = Number(vb?.[2]);
  return w > 0 && h > 0 ? w / h : 16 / 9;
}

/** The printable area inside pageCss's margins (20 mm sides and top, 18 mm bottom), in mm. */
const AREA: Record<Paper, { w: number; h: number }> = {
  a4: { w: 210 - 40, h: 297 - 38 },
  letter: { w: 215.9 - 40, h: 279.4 - 38 },
};

interface Geometry {
  /** The printable area's width; the height of one slide's cell, and the gap between cells. */
  areaW: number;
  cellH: number;
  gap: number;
  /** The slide at its full size in this layout. */
  slideW: number;
  slideH: number;
  /** The notes' column (3 a page: beside the slide at full size; 2 a page: under it, as wide as it). */
  notesW: number;
  column: number;
}

const LABEL_H = 6; // the "Slide 3 · Speaker notes" line above the notes
const TOP = 4; // clear of the marking in the page's top margin
const SLACK = 1.5; // rounding between mm and CSS pixels: never let a sheet spill onto another page
const UNDER = 4; // 2 a page: between the slide and its notes
const TEXT_PAD = 2.2; // above the notes' text

function geometry(paper: Paper, perPage: 2 | 3, ratio: number): Geometry {
  const { w } = AREA[paper];
  const h = AREA[paper].h - TOP;
  if (perPage === 3) {
    const gap = 8;
    const cellH = (h - SLACK - 2 * gap) / 3;
    const slideW = Math.min(w * 0.55, cellH * ratio);
    const column = 7;
    return { areaW: w, cellH, gap, slideW, slideH: slideW / ratio, notesW: w - slideW - column, column };
  }
  const gap = 10;
  const cellH = (h - SLACK - gap) / 2;
  // As large as leaves about eight lines of notes underneath.
  const slideW = Math.min(w, (cellH - UNDER - LABEL_H - 38) * ratio);
  return { areaW: w, cellH, gap, slideW, slideH: slideW / ratio, notesW: slideW, column: 0 };
}

/** Text sizes for the notes, largest first: [pt, line height]. */
const SIZES: [number, number][] = [
  [10, 1.38],
  [9, 1.34],
  [8, 1.3],
];
/** What a cell may do to fit long notes, in order: smaller type, then a smaller slide. [size index, slide scale]. */
const STEPS: [number, number][] = [
  [0, 1],
  [1, 1],
  [1, 0.85],
  [2, 0.85],
  [1, 0.7],
  [2, 0.7],
  [2, 0.6],
];
const PT = 25.4 / 72;
/** Source Serif 4 (and Noto Sans Hebrew) average about half an em a character in running text. */
const EM_PER_CHAR = 0.5;

interface CellFit {
  size: number;
  scale: number;
  /** Even the last step would not fit: the cell grows (and its page runs on) rather than lose text. */
  over: boolean;
}

/** The first step at which the notes, estimated line by line, fit their box. */
function fitCell(paragraphs: string[], g: Geometry, perPage: 2 | 3, ratio: number): CellFit {
  if (!paragraphs.length) return { size: 0, scale: 1, over: false };
  for (const [size, scale] of STEPS) {
    const [pt, lh] = SIZES[size] as [number, number];
    const slideW = g.slideW * scale;
    const notesW = perPage === 3 ? g.areaW - slideW - g.column : g.notesW;
    const notesH = perPage === 3 ? g.cellH - LABEL_H : g.cellH - slideW / ratio - UNDER - LABEL_H;
    const perLine = Math.max(1, Math.floor((notesW / (pt * PT * EM_PER_CHAR)) * 0.94));
    const lines = paragraphs.reduce((n, p) => n + Math.ceil(p.length / perLine), 0) + (paragraphs.length - 1) * 0.5;
    if (lines * pt * lh * PT + TEXT_PAD + 1 <= notesH) return { size, scale, over: false };
  }
  const [size, scale] = STEPS[STEPS.length - 1] as [number, number];
  return { size, scale, over: true };
}

const mm = (n: number) => `${n.toFixed(2)}mm`;

export function renderHandout(input: HandoutInput): string {
  const { view, slides, perPage, paper } = input;
  const { handout: template, handoutCss: css } = input.templates;
  const svgs = splitSlides(input.marpHtml);
  const ratio = aspect(svgs[0]);
  const g = geometry(paper, perPage, ratio);
  const labels = handoutLabels(view.lang);
  const count = Math.max(svgs.length, slides.length);
  const cells = Array.from({ length: count }, (_, i) => {
    const slide = slides[i];
    const number = slide?.number ?? i + 1;
    const paragraphs = (slide?.notes ?? '')
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    const fit = fitCell(paragraphs, g, perPage, ratio);
    const style = fit.scale < 1 ? `--w:${mm(g.slideW * fit.scale)};--h:${mm((g.slideW * fit.scale) / ratio)}` : '';
    return {
      number,
      heading: slide?.plainHeading ?? '',
      svg: new Handlebars.SafeString(svgs[i] ?? ''),
      paragraphs,
      hasNotes: paragraphs.length > 0,
      sizeClass: fit.size ? `notes-${fit.size}` : '',
      style,
      over: fit.over,
    };
  });
  const sheets: { cells: typeof cells }[] = [];
  for (let i = 0; i < cells.length; i += perPage) sheets.push({ cells: cells.slice(i, i + perPage) });
  // Enough rules to fill the tallest notes box at 7 mm apart; the box clips the rest.
  const lines = Array.from({ length: Math.ceil(g.cellH / 7) + 1 }, () => 0);
  const body = template({ lang: view.lang, dir: view.dir, perPage, paper, sheets, lines, labels, title: view.plainTitle });
  const vars = `:root{--cell-h:${mm(g.cellH)};--gap:${mm(g.gap)};--slide-w:${mm(g.slideW)};--slide-h:${mm(g.slideH)};--notes-w:${mm(g.notesW)};--label-h:${mm(LABEL_H)};--top:${mm(TOP)};--ratio:${ratio.toFixed(5)}}`;
  return htmlDocument({
    lang: view.lang,
    dir: view.dir,
    title: view.plainTitle,
    // Marp's CSS first (its @page and print rules are overridden by what follows), then the handout's.
    styles: [input.fontCss, input.marpCss, css, vars],
    ownStyle: pageCss(view, paper),
    body,
    meta: { description: view.plainBluf, ...(view.plainAuthor ? { author: view.plainAuthor } : {}) },
  });
}
