// Key points: a TextRank over the article's sentences whose random jumps favour the lead, top five in text order.
import type { Sentence } from './article.js';
import { contentStems, wordCount } from './text.js';

/** Word-overlap similarity of two sentences, normalised by their lengths as in TextRank. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (Math.log(a.size) + Math.log(b.size));
}

/** Sentences that make poor points on their own: captions, questions, fragments, quotes without a speaker. */
function usable(s: Sentence): boolean {
  const n = wordCount(s.text);
  return n >= 6 && n <= 60 && !/\?$/.test(s.text) && !/^(?:image|photo|file|video)\b/i.test(s.text);
}

/** Lead-biased TextRank scores (personalised PageRank, jump weights falling with position). */
export function rankSentences(sentences: Sentence[], damping = 0.5): number[] {
  const n = sentences.length;
  const bags = sentences.map((s) => new Set(contentStems(s.text)));
  const w = bags.map((a, i) => bags.map((b, j) => (i === j ? 0 : similarity(a, b))));
  const out = w.map((row) => row.reduce((x, y) => x + y, 0));
  const prior = sentences.map((s) => 1 / (s.index + 1) ** 1.2 + (s.paragraph === 0 ? 0.5 : 0));
  const total = prior.reduce((x, y) => x + y, 0) || 1;
  const jump = prior.map((p) => p / total);
  let score = jump.slice();
  for (let iter = 0; iter < 40; iter++) {
    score = jump.map((j, i) => {
      let flow = 0;
      for (let k = 0; k < n; k++) if (out[k]) flow += ((w[k]?.[i] ?? 0) / (out[k] ?? 1)) * (score[k] ?? 0);
      return (1 - damping) * j + damping * flow;
    });
  }
  return score;
}

/** The `count` best sentences for key points, in the order the article tells them; near-repeats skipped. */
export function keySentences(sentences: Sentence[], count: number, skip: Set<number> = new Set()): Sentence[] {
  const scores = rankSentences(sentences);
  const order = sentences.map((s, i) => ({ s, score: scores[i] ?? 0 })).sort((a, b) => b.score - a.score);
  const chosen: Sentence[] = [];
  const bags: Set<string>[] = [];
  for (const { s } of order) {
    if (chosen.length >= count) break;
    if (skip.has(s.index) || !usable(s)) continue;
    const bag = new Set(contentStems(s.text));
    if (bags.some((b) => similarity(b, bag) > 1.2)) continue;
    chosen.push(s);
    bags.push(bag);
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/** How many key points an article of this many sentences gets: four to six. */
export function keyPointCount(sentences: number): number {
  return sentences < 12 ? 4 : sentences < 30 ? 5 : 6;
}
