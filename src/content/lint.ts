// Content that is valid but will read badly: warnings (errors under --strict), each with the field and a fix.
import type { Briefing } from './schema.js';
import { formatPath } from '../errors.js';

export interface LintWarning {
  path: (string | number)[];
  message: string;
  hint: string;
}

/** The thresholds the warnings use: what a reader takes in at a glance. */
export const LINT_LIMITS = { keyPointWords: 60, keyPoints: 8, blufSentences: 3 };

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/** Sentences as the language segments them; a number such as 3.67% or an initial does not end one. */
export function sentences(text: string, lang: string): number {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  }
  return [...segmenter.segment(text)].filter((s) => /[\p{L}\p{N}]/u.test(s.segment)).length;
}

/** Every citation in reading order (the order of the deck and the print briefing). */
function citationsInOrder(b: Briefing): { path: (string | number)[]; id: string }[] {
  const out: { path: (string | number)[]; id: string }[] = [];
  const add = (path: (string | number)[], ids: string[] | undefined) => ids?.forEach((id, k) => out.push({ path: [...path, k], id }));
  b.keyFigures?.forEach((f, i) => add(['keyFigures', i, 'sources'], f.sources));
  b.keyPoints.forEach((k, i) => add(['keyPoints', i, 'sources'], k.sources));
  b.sections?.forEach((s, i) =>
    s.points?.forEach((p, j) => {
      add(['sections', i, 'points', j, 'sources'], p.sources);
      p.points?.forEach((q, k) => add(['sections', i, 'points', j, 'points', k, 'sources'], q.sources));
    }),
  );
  b.charts?.forEach((c, i) => add(['charts', i, 'sources'], c.sources));
  b.actors?.forEach((a, i) => add(['actors', i, 'sources'], a.sources));
  b.timeline?.forEach((e, i) => add(['timeline', i, 'sources'], e.sources));
  b.quotes?.forEach((q, i) => add(['quotes', i, 'sources'], q.sources));
  return out;
}

export function lintBriefing(b: Briefing): LintWarning[] {
  const out: LintWarning[] = [];
  const n = sentences(b.bluf, b.lang);
  if (n > LINT_LIMITS.blufSentences) {
    out.push({ path: ['bluf'], message: `the bottom line runs to ${n} sentences`, hint: `say it in ${LINT_LIMITS.blufSentences} or fewer; move the rest into key points` });
  }
  if (b.keyPoints.length > LINT_LIMITS.keyPoints) {
    out.push({ path: ['keyPoints'], message: `${b.keyPoints.length} key points`, hint: `keep the ${LINT_LIMITS.keyPoints} that matter most; put the others in a section` });
  }
  b.keyPoints.forEach((k, i) => {
    const w = words(k.text);
    if (w > LINT_LIMITS.keyPointWords) {
      out.push({ path: ['keyPoints', i], message: `key point ${i + 1} has ${w} words`, hint: `keep a key point under ${LINT_LIMITS.keyPointWords} words; move detail into a section` });
    }
  });
  b.sections?.forEach((s, i) => {
    const points = s.points?.length ?? 0;
    if (!points && !s.lead && !s.image && !s.chart && !s.map) {
      out.push({ path: ['sections', i], message: `section "${s.title}" is empty`, hint: 'give it points (or a lead), or remove it' });
    } else if (s.image && !points) {
      out.push({ path: ['sections', i, 'image'], message: `section "${s.title}" has an image but no points`, hint: 'add the points the image illustrates, or give the image a section with points' });
    }
  });
  const cited = citationsInOrder(b);
  const citedIds = new Set(cited.map((c) => c.id));
  // The first source is the briefing's own: named on the title slide and in every footer.
  b.sources.forEach((s, i) => {
    if (i > 0 && !citedIds.has(s.id)) {
      out.push({ path: ['sources', i], message: `source "${s.id}" is never cited`, hint: `cite it with sources: [${s.id}] where it is used, or remove it` });
    }
  });
  // Sources are numbered in list order: the numbers read 1, 2, 3 … when the list follows first use.
  const number = new Map(b.sources.map((s, i) => [s.id, i + 1]));
  const first = cited.filter((c, i) => cited.findIndex((d) => d.id === c.id) === i);
  // The first source stands first by design (it is the briefing's own): the order counts from the second.
  const ranked = first.filter((c) => c.id !== b.sources[0]?.id);
  const firstOutOfOrder = ranked.find((c, i) => i > 0 && (number.get(c.id) ?? 0) < Math.max(...ranked.slice(0, i).map((p) => number.get(p.id) ?? 0)));
  if (firstOutOfOrder) {
    const head = b.sources[0]?.id ?? '';
    const order = [head, ...ranked.map((c) => c.id), ...b.sources.map((s) => s.id).filter((id) => id !== head && !citedIds.has(id))];
    out.push({
      path: firstOutOfOrder.path,
      message: `citations read out of order (${ranked.map((c) => number.get(c.id)).join(', ')}): source "${firstOutOfOrder.id}" is number ${number.get(firstOutOfOrder.id)} but first cited after a higher number`,
      hint: `list the sources in the order they are first cited: ${order.join(', ')}`,
    });
  }
  return out;
}

/** A warning as the build prints it: `field: message (hint)`. */
export function formatLint(w: LintWarning): string {
  return `${formatPath(w.path)}: ${w.message} (${w.hint})`;
}
