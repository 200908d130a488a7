// Content text as PowerPoint runs, written from the model's runs (no Markdown parsed back), citations as
// superscript runs that jump to the sources slide; and how tall a box's text stands.
import { parseInline } from '../render/inline.js';
import { ALLOWED_LINK, type Run as ModelRun } from '../model/runs.js';
import { Written } from '../render/view-types.js';
import type { Cite } from '../render/view.js';
import type { Paragraph, Run } from './ir.js';

/**
 * A view's text as PowerPoint runs: from the model's runs it was written from (emphasis, strong, code,
 * links; citations are added by `citeRuns`). A bare string (text the page measured) is inline Markdown.
 */
export function runsOf(text: unknown): Run[] {
  if (text instanceof Written) return merge(fromModel(text.runs, {}));
  return merge(fromMarkdown(String(text ?? '')));
}

function fromModel(runs: readonly ModelRun[], style: Partial<Run>): Run[] {
  return runs.flatMap((r): Run[] => {
    switch (r.kind) {
      case 'text':
        return r.text ? [{ text: r.text, ...style }] : [];
      case 'code':
        return r.text ? [{ text: r.text, ...style, code: true }] : [];
      case 'emphasis':
        return fromModel(r.runs, { ...style, italic: true });
      case 'strong':
        return fromModel(r.runs, { ...style, bold: true });
      case 'link':
        return fromModel(r.runs, ALLOWED_LINK.test(r.href) ? { ...style, link: { url: r.href } } : style);
      case 'citation':
        return [];
    }
  });
}

function fromMarkdown(markdown: string): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | undefined;
  for (const t of parseInline(markdown)) {
    const add = (text: string, extra: Partial<Run> = {}) => {
      if (!text) return;
      const run: Run = { text, ...extra };
      if (bold) run.bold = true;
      if (italic) run.italic = true;
      if (link) run.link = { url: link };
      runs.push(run);
    };
    if (t.type === 'strong_open') bold++;
    else if (t.type === 'strong_close') bold--;
    else if (t.type === 'em_open') italic++;
    else if (t.type === 'em_close') italic--;
    else if (t.type === 'link_open') link = t.attrGet('href') ?? undefined;
    else if (t.type === 'link_close') link = undefined;
    else if (t.type === 'code_inline') add(t.content, { code: true });
    else if (t.type === 'softbreak' || t.type === 'hardbreak') add(' ');
    else if (t.type === 'text' || t.type === 'text_special' || t.type === 'entity') add(t.content);
  }
  return runs;
}

/** Neighbouring runs of the same formatting as one. */
function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last && !last.code && !r.code && last.bold === r.bold && last.italic === r.italic && JSON.stringify(last.link) === JSON.stringify(r.link)) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** Citation numbers as one superscript run, linked to the sources slide, after a thin space. */
export function citeRuns(cites: Cite[], sourcesSlide: number | undefined, color?: string): Run[] {
  if (!cites.length) return [];
  const numbers: Run = { text: cites.map((c) => c.n).join(','), superscript: true, bold: true, ...(color ? { color } : {}) };
  if (sourcesSlide) numbers.link = { slide: sourcesSlide };
  return [{ text: '\u2009' }, numbers];
}

export const plainOf = (runs: Run[]): string => runs.map((r) => r.text).join('');

/** A view's text (or label) as plain text: its runs' text; a bare string has its Markdown escapes undone. */
export function plainText(text: unknown): string {
  return text instanceof Written ? plainOf(runsOf(text)) : String(text ?? '').replace(/\\(.)/g, '$1');
}

/**
 * The narrowest a character may be estimated at (em): what the estimate uses when Chromium measured
 * a narrower font. The tests estimate with this; boxes are sized with it or wider.
 */
export const CHAR_EM_FLOOR = 0.5;
/** Word wrapping leaves the end of most lines short: lines hold this share of their width on average. */
const WRAP_FILL = 0.9;
/**
 * Height of a single-spaced line per point of size: office suites space lines as a multiple of the
 * font's own line height (Inter 1.21 em, DejaVu Sans 1.16, Arial 1.15), where CSS gives a multiple of
 * the size. A deck's line height of L becomes a spacing of L / SINGLE_LINE_EM.
 */
export const SINGLE_LINE_EM = 1.17;

/** The office suite's line spacing (a multiple of single) for a CSS line height (a multiple of the size). */
export const spacingOf = (lineHeight: number): number => Math.round((lineHeight / SINGLE_LINE_EM) * 1000) / 1000;

/** Text indent per bullet level, points. */
export const INDENT_PT = 22;
/** Numbered paragraphs indent further: room for "10." and beyond. */
export const NUMBER_INDENT_PT = 30;

export interface TextBoxMetrics {
  paragraphs: Paragraph[];
  fontPt: number;
  lineHeight: number;
  /** Inner width and height of the box, points (insets taken off). */
  widthPt: number;
  /** Width of a character per point of size, em. */
  charEm: number;
  /** The box's text is bold unless its runs say otherwise. */
  bold?: boolean;
}

/** Bold faces run this much wider than the regular face the width per character was measured in. */
export const BOLD_WIDTH = 1.1;

/** Lines a paragraph takes at its size in a box this wide (`bold`: the box's text is bold unless a run says otherwise). */
export function paragraphLines(p: Paragraph, fontPt: number, widthPt: number, charEm: number, bold = false): number {
  const size = p.fontPt ?? fontPt;
  const indent = p.bullet === 'none' ? 0 : (p.bullet === 'number' ? NUMBER_INDENT_PT : INDENT_PT) * (p.level + 1);
  const room = Math.max(1, (widthPt - indent) * WRAP_FILL);
  const width = p.runs.reduce((w, r) => w + r.text.length * ((r.bold ?? p.bold ?? bold) ? BOLD_WIDTH : 1) * (r.superscript ? 0.7 : 1), 0);
  return Math.max(1, Math.ceil((width * charEm * size) / room));
}

/** Estimated height of a text box's text, points: lines at their line height, plus the space between paragraphs. */
export function textHeightPt(m: TextBoxMetrics): number {
  return m.paragraphs.reduce((h, p) => {
    const size = p.fontPt ?? m.fontPt;
    return h + (p.spaceBefore ?? 0) + paragraphLines(p, m.fontPt, m.widthPt, m.charEm, m.bold) * size * (p.lineHeight ?? m.lineHeight);
  }, 0);
}
