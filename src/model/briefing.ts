// The neutral briefing model: content parsed once, every text as runs, citations numbered, labels and
// dates localised, images attached. No escaping here: each output escapes at its edge (render/view.ts).
import type { Briefing, Confidence, Likelihood } from '../content/schema.js';
import { LIKELIHOODS } from '../content/schema.js';
import { directionOf, labelsFor, type Labels } from './labels.js';
import type { Assets } from './assets.js';
import { formatDate, parseMarking } from './dates.js';
import { parseRuns, plainOf, type Run } from './runs.js';

export interface Cite {
  n: number;
  id: string;
}
/** Content text: its runs, ending in its citations (if any), and the plain text without them. */
export interface Text {
  runs: Run[];
  plain: string;
}
export interface Point extends Text {
  cites: Cite[];
  points: Point[];
}
export interface KeyPoint extends Point {
  n: number;
  likelihood?: { key: Likelihood; label: string; level: number };
  confidence?: { key: Confidence; label: string };
}
export interface Section {
  n: number;
  title: Text;
  lead?: Text;
  points: Point[];
  image?: { path: string; alt: Text; src?: string };
  notes?: string;
}
export interface Actor {
  name: Text;
  type?: Text;
  role?: Text;
  stance?: Text;
  plain: string;
  cites: Cite[];
}
export interface TimelineEvent {
  date: string;
  year: string;
  /** The localised date without its year (for the year-first timeline). */
  rest: string;
  display: string;
  event: Text;
  cites: Cite[];
}
export interface Scenario {
  name: Text;
  likelihood?: KeyPoint['likelihood'];
  description?: Text;
  indicators: Text[];
  plain: string;
}
export interface Source {
  n: number;
  id: string;
  title: Text;
  publisher?: Text;
  author?: Text;
  url?: string;
  published?: string;
  accessed?: string;
  plain: string;
  /** Title (and publisher), as plain text: footers and metadata. */
  plainTitle: string;
}
export interface Marking {
  plain: string;
  kind: string;
  isTlp: boolean;
}

export interface BriefingModel {
  slug: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  labels: Labels;
  title: Text;
  subtitle?: Text;
  dateline?: Text;
  author?: Text;
  audience?: Text;
  date: string;
  dateDisplay: string;
  marking?: Marking;
  bluf: Text;
  notes?: string;
  keyPoints: KeyPoint[];
  sections: Section[];
  actors: Actor[];
  timeline: TimelineEvent[];
  scenarios: Scenario[];
  indicators: Text[];
  quotes: { text: Text; speaker?: Text; cites: Cite[] }[];
  glossary: { term: Text; meaning: Text; plain: string }[];
  sources: Source[];
}

const text = (s: string): Text => {
  const runs = parseRuns(s);
  return { runs, plain: plainOf(runs) };
};
const optional = (s: string | undefined): Text | undefined => (s === undefined ? undefined : text(s));
const plainJoin = (parts: (string | undefined)[], sep: string) => parts.filter((t): t is string => Boolean(t)).map((t) => plainOf(parseRuns(t))).join(sep);

export function briefingModel(b: Briefing, slug: string, assets?: Assets): BriefingModel {
  const lang = b.lang;
  const labels = labelsFor(lang);
  const number = new Map(b.sources.map((s, i) => [s.id, i + 1]));
  const cites = (ids: string[] | undefined): Cite[] => [...new Set(ids ?? [])].map((id) => ({ id, n: number.get(id) ?? 0 })).sort((a, c) => a.n - c.n);
  /** Text that cites sources: the citations end its runs. */
  const cited = (s: string, ids: string[] | undefined): Text & { cites: Cite[] } => {
    const t = text(s);
    const c = cites(ids);
    return { runs: [...t.runs, ...c.map((x): Run => ({ kind: 'citation', ...x }))], plain: t.plain, cites: c };
  };
  const likelihood = (k: Likelihood | undefined) => k && { key: k, label: labels.likelihoods[k], level: LIKELIHOODS.indexOf(k) + 1 };
  const point = (p: { text: string; sources?: string[]; points?: { text: string; sources?: string[] }[] }): Point => ({
    ...cited(p.text, p.sources),
    points: (p.points ?? []).map(point),
  });
  return {
    slug,
    lang,
    dir: directionOf(lang),
    labels,
    title: text(b.title),
    subtitle: optional(b.subtitle),
    dateline: optional(b.dateline),
    author: optional(b.author),
    audience: optional(b.audience),
    date: b.date,
    dateDisplay: formatDate(b.date, lang),
    marking: b.marking ? parseMarking(b.marking) : undefined,
    bluf: text(b.bluf),
    notes: b.notes && plainOf(parseRuns(b.notes)),
    keyPoints: b.keyPoints.map((k, i) => ({
      ...point(k),
      n: i + 1,
      likelihood: likelihood(k.likelihood),
      confidence: k.confidence && { key: k.confidence, label: labels.confidence[k.confidence] },
    })),
    sections: (b.sections ?? []).map((s, i) => ({
      n: i + 1,
      title: text(s.title),
      lead: optional(s.lead),
      points: (s.points ?? []).map(point),
      image: s.image && { path: s.image.path, alt: text(s.image.alt), src: assets?.images.get(i)?.dataUri },
      notes: s.notes && plainOf(parseRuns(s.notes)),
    })),
    actors: (b.actors ?? []).map((a) => ({
      name: text(a.name),
      type: optional(a.type),
      role: optional(a.role),
      stance: optional(a.stance),
      plain: plainJoin([a.name, a.type, a.role, a.stance], ' '),
      cites: cites(a.sources),
    })),
    timeline: (b.timeline ?? []).map((e) => {
      const [year = e.date, ...rest] = e.date.split('-');
      const display = formatDate(e.date, lang);
      return {
        date: e.date,
        year,
        rest: rest.length ? display.replace(year, '').replace(/[\s,]+$|^[\s,]+/g, '') : '',
        display,
        event: cited(e.event, e.sources),
        cites: cites(e.sources),
      };
    }),
    scenarios: (b.scenarios ?? []).map((s) => ({
      name: text(s.name),
      likelihood: likelihood(s.likelihood),
      description: optional(s.description),
      indicators: (s.indicators ?? []).map(text),
      plain: plainJoin([s.name, s.description, ...(s.indicators ?? [])], ' '),
    })),
    indicators: (b.indicators ?? []).map(text),
    quotes: (b.quotes ?? []).map((q) => ({ text: cited(q.text, q.sources), speaker: optional(q.speaker), cites: cites(q.sources) })),
    glossary: (b.glossary ?? []).map((g) => ({ term: text(g.term), meaning: text(g.meaning), plain: plainOf(parseRuns(`${g.term} ${g.meaning}`)) })),
    sources: b.sources.map((s, i) => ({
      n: i + 1,
      id: s.id,
      title: text(s.title),
      publisher: optional(s.publisher),
      author: optional(s.author),
      url: s.url,
      published: s.published ? formatDate(s.published, lang) : undefined,
      accessed: s.accessed ? formatDate(s.accessed, lang) : undefined,
      plain: plainJoin([s.title, s.publisher, s.author], ' ') + (s.url ?? ''),
      plainTitle: plainJoin([s.title, s.publisher], ', '),
    })),
  };
}
