// Splits a text too long for one slide into pieces at sentence boundaries (never inside inline markup).

/**
 * Places where a sentence ends in `text` (Markdown source): after . ! ? … (and closing quotes or
 * brackets) followed by a space, outside links, code and emphasis. Falls back to spaces between words
 * when the text has too few sentences for `k` pieces.
 */
function boundaries(text: string, sentences: boolean): number[] {
  const out: number[] = [];
  let square = 0;
  let round = 0;
  let code = false;
  let stars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') code = !code;
    if (code) continue;
    if (c === '[') square++;
    else if (c === ']') square = Math.max(0, square - 1);
    else if (c === '(' && text[i - 1] === ']') round++;
    else if (c === ')' && round) round--;
    else if (c === '*') stars++;
    if (square || round || stars % 2 || !/\s/.test(text[i + 1] ?? '')) continue;
    if (!sentences && c !== ' ' && /\s/.test(c ?? '')) continue;
    if (sentences ? /[.!?…。！？]["'”’)\]]*$/.test(text.slice(Math.max(0, i - 3), i + 1)) : true) out.push(i + 1);
  }
  return out;
}

/** `text` in `k` pieces of about equal length, cut at sentence ends (or between words if it must). */
export function splitText(text: string, k: number): string[] {
  if (k < 2) return [text];
  let cuts = boundaries(text, true);
  if (cuts.length < k - 1) cuts = boundaries(text, false);
  const chosen: number[] = [];
  for (let p = 1; p < k; p++) {
    const target = (text.length * p) / k;
    let best = -1;
    for (const c of cuts) if (c > (chosen[chosen.length - 1] ?? 0) && (best < 0 || Math.abs(c - target) < Math.abs(best - target))) best = c;
    if (best < 0) break;
    chosen.push(best);
  }
  const pieces: string[] = [];
  let a = 0;
  for (const c of chosen) {
    pieces.push(text.slice(a, c).trim());
    a = c;
  }
  pieces.push(text.slice(a).trim());
  return pieces.filter(Boolean);
}
