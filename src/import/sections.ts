// Sections: the body's paragraphs grouped by topic (or by the article's own headings), each with a title and points.
import type { Block, Sentence } from './article.js';
import { clipWords, contentStems, wordCount } from './text.js';

export interface DraftSection {
  title: string;
  lead?: string;
  points: string[];
  /** Sentences beyond the points a slide holds, kept for the speaker. */
  notes?: string;
}

const MAX_POINTS = 5;

function bagOf(texts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of texts) for (const w of contentStems(t)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    dot += x * (b.get(w) ?? 0);
  }
  for (const x of b.values()) nb += x * x;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Splits paragraphs 0..n-1 into `k` runs of neighbours at the k−1 weakest links between adjacent paragraphs
 * (each compared with a window of two on either side), no run shorter than two paragraphs where that is possible.
 */
export function topicBoundaries(paragraphs: string[], k: number): number[] {
  const n = paragraphs.length;
  const gaps: { at: number; sim: number }[] = [];
  for (let at = 1; at < n; at++) {
    const left = bagOf(paragraphs.slice(Math.max(0, at - 2), at));
    const right = bagOf(paragraphs.slice(at, at + 2));
    gaps.push({ at, sim: cosine(left, right) });
  }
  const cuts: number[] = [];
  for (const g of gaps.sort((a, b) => a.sim - b.sim || a.at - b.at)) {
    if (cuts.length >= k - 1) break;
    const bounds = [0, ...cuts, n];
    if (bounds.some((c) => Math.abs(c - g.at) < 2)) continue;
    cuts.push(g.at);
  }
  return cuts.sort((a, b) => a - b);
}

/** A headline for a group: its most central sentence, cut to its first clause when long. */
function titleFrom(sentences: string[]): string {
  const bag = bagOf(sentences);
  let best = sentences[0] ?? '';
  let bestScore = -1;
  sentences.forEach((s, i) => {
    const score = cosine(bagOf([s]), bag) + (i === 0 ? 0.15 : 0);
    if (wordCount(s) >= 5 && score > bestScore) [best, bestScore] = [s, score];
  });
  let t = best.replace(/^["“]|["”]$/g, '').replace(/[.!]$/, '');
  if (wordCount(t) > 14) {
    const clause = t.split(/,\s+|;\s+|\s+[—–]\s*|—|\s+\(|\s+(?:which|who|while|although|because|but)\s+/)[0] ?? t;
    t = wordCount(clause) >= 5 ? clause : t;
  }
  return clipWords(t, 14);
}

interface Part {
  heading?: string;
  sentences: Sentence[];
}

/** Cuts the body into parts: at the article's headings when it has them, else at topic changes. */
function partsOf(blocks: Block[], sentences: Sentence[]): Part[] {
  const paragraphCount = blocks.filter((b) => b.kind === 'paragraph').length;
  const byParagraph = (from: number, to: number) => sentences.filter((s) => s.paragraph >= from && s.paragraph < to);
  if (blocks.some((b) => b.kind === 'heading')) {
    const parts: Part[] = [];
    let p = 0;
    let start = 0;
    let heading: string | undefined;
    for (const b of blocks) {
      if (b.kind === 'heading') {
        if (p > start || heading) parts.push({ ...(heading ? { heading } : {}), sentences: byParagraph(start, p) });
        heading = b.text;
        start = p;
      } else p++;
    }
    parts.push({ ...(heading ? { heading } : {}), sentences: byParagraph(start, p) });
    return parts.filter((x) => x.sentences.length);
  }
  const paras = Array.from({ length: paragraphCount }, (_, i) => byParagraph(i, i + 1).map((s) => s.text).join(' '));
  const k = Math.max(1, Math.min(5, Math.round(paragraphCount / 3)));
  const cuts = [0, ...topicBoundaries(paras, k), paragraphCount];
  return cuts.slice(1).map((end, i) => ({ sentences: byParagraph(cuts[i] ?? 0, end) })).filter((x) => x.sentences.length);
}

/** Sections of the body; sentences in `skip` (the BLUF) are left out. */
export function sectionsOf(blocks: Block[], sentences: Sentence[], skip: Set<number>): DraftSection[] {
  const out: DraftSection[] = [];
  for (const part of partsOf(blocks, sentences)) {
    const texts = part.sentences.filter((s) => !skip.has(s.index) && wordCount(s.text) >= 4).map((s) => s.text);
    if (!texts.length) continue;
    const title = part.heading ?? titleFrom(texts);
    const [lead, ...rest] = texts;
    const section: DraftSection = { title, ...(lead ? { lead } : {}), points: rest.slice(0, MAX_POINTS) };
    const more = rest.slice(MAX_POINTS);
    if (more.length) section.notes = `Also in the article: ${more.join(' ')}`;
    if (!section.points.length && lead) section.points = [lead];
    if (section.points.length && section.points[0] === section.lead) delete section.lead;
    out.push(section);
  }
  return out;
}
