// ROUGE-1 recall: the share of a reference summary's words (with repeats) that a candidate text contains.

function unigrams(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

export function rouge1Recall(candidate: string, reference: string): number {
  const cand = unigrams(candidate);
  const ref = unigrams(reference);
  let hit = 0;
  let total = 0;
  for (const [w, n] of ref) {
    total += n;
    hit += Math.min(n, cand.get(w) ?? 0);
  }
  return total ? hit / total : 0;
}
