// Plain-text helpers for the importer: whitespace, typographic quotes, content words and crude stems.

/** Collapses runs of whitespace and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Words that carry no topic (English); used for ranking and grouping, never for output. */
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own said same says she should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your yours yourself
yourselves one two three new last first year years week told according since may might must shall us s t mr ms dr per via however
whether within without upon among amid across around like still even many much well back made make way']`
    .split(/\s+/)
    .filter(Boolean),
);

/** A cheap suffix-stripping stem, enough to make "talks" and "talked" meet. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4) w = w.replace(/(?:'s|’s)$/, '');
  if (w.length > 5) w = w.replace(/(?:ing|edly|ed|ly|ies|es|s)$/, (m) => (m === 'ies' ? 'y' : ''));
  return w;
}

/** The topic-bearing stems of a text, in order, with repeats. */
export function contentStems(s: string): string[] {
  const words = s.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  return words.filter((w) => w.length > 1 && !STOPWORDS.has(w) && !/^\d+$/.test(w)).map(stem);
}

/** The number of words in a text. */
export function wordCount(s: string): number {
  return (s.match(/\S+/g) ?? []).length;
}

/** Cuts text to at most `max` words at a word boundary, ending with an ellipsis when cut. */
export function clipWords(s: string, max: number): string {
  const words = s.split(/\s+/);
  if (words.length <= max) return s;
  return `${words.slice(0, max).join(' ').replace(/[,;:—–-]+$/, '')}…`;
}
