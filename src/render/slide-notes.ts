// A slide's speaker notes: its own, then those of every item it shows (key points, points, actors,
// events, scenarios, quotes, figures), each under the first words of the item it belongs to.

/** What of a slide its notes are gathered from (a structural type, so the plan and its notes do not import each other). */
export interface NotedSlide {
  kind: string;
  notes?: string;
  items: unknown[];
  chart?: { plainTitle: string; notes?: string };
  map?: { names: string; notes?: string };
}

interface Noted {
  notes?: string;
  plain?: string;
  n?: number;
}

const WORDS = 8;

/** The first words of an item, to say which one a note is about. */
function gist(plain: string): string {
  const words = plain.trim().split(/\s+/);
  return words.length > WORDS ? `${words.slice(0, WORDS).join(' ')}…` : words.join(' ');
}

function isNoted(x: unknown): x is Noted {
  return typeof x === 'object' && x !== null && typeof (x as Noted).notes === 'string';
}

export function gatherNotes(slide: NotedSlide): string | undefined {
  const out: string[] = [];
  if (slide.notes?.trim()) out.push(slide.notes.trim());
  const item = (x: unknown) => {
    if (!isNoted(x) || !x.notes?.trim()) return;
    const label = [x.n !== undefined ? `${x.n}.` : '', x.plain ? gist(x.plain) : ''].filter(Boolean).join(' ');
    out.push(label ? `${label}: ${x.notes.trim()}` : x.notes.trim());
  };
  for (const it of slide.items) {
    item(it);
    const sub = (it as { points?: unknown[] }).points;
    if (Array.isArray(sub)) sub.forEach(item);
  }
  if (slide.kind !== 'chart' && slide.chart?.notes) out.push(`${slide.chart.plainTitle}: ${slide.chart.notes}`);
  if (slide.map?.notes) out.push(`${slide.map.names}: ${slide.map.notes}`);
  return out.length ? out.join('\n\n') : undefined;
}
