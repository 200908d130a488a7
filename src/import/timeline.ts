// Timeline events: each dated sentence of the article becomes an event at the date it names.
import type { Sentence } from './article.js';
import { datesIn } from './dates.js';
import { clipWords } from './text.js';

export interface TimelineEvent {
  date: string;
  event: string;
}

/** A dated sentence shortened to the clause around its date when it is long. */
function eventText(sentence: string, at: number): string {
  const s = sentence.replace(/^["“”]+|["“”]+$/g, '').trim();
  if (s.length <= 200) return s;
  const clauses = s.split(/(?<=[;:—–]|,)\s+/);
  let start = 0;
  let chosen = clauses[0] ?? s;
  for (const c of clauses) {
    if (at >= start && at < start + c.length + 1) chosen = c;
    start += c.length + 1;
  }
  if (chosen.length < 60) return clipWords(s, 35);
  return clipWords(chosen.replace(/[,;:—–]$/, ''), 35);
}

/** Every event of the body, in date order (text order on ties); the same date in one sentence counts once. */
export function timelineOf(sentences: Sentence[], ref: Date): TimelineEvent[] {
  const events: (TimelineEvent & { order: number })[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    for (const m of datesIn(s.text, ref)) {
      const key = `${m.date}\u0000${s.index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push({ date: m.date, event: eventText(s.text, m.index), order: s.index });
    }
  }
  events.sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));
  return events.map(({ date, event }) => ({ date, event }));
}
