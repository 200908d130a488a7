// The neutral briefing model: content parsed once, every text as runs, citations numbered, labels and
// dates localised, images attached. No escaping here: each output escapes at its edge (render/view.ts
// for templates, pptx/ for PowerPoint runs).
import type { Briefing, Confidence, Likelihood } from '../content/schema.js';
import { LIKELIHOODS } from '../content/terms.js';
import { directionOf, labelsFor } from './labels.js';
import type { Assets } from './assets.js';
import { formatDate, parseMarking } from './dates.js';
import { figuresOf } from './figures.js';
import { parseRuns, plainOf, type Run } from './runs.js';
import type { BriefingModel, Cite, Cited, ConfidenceTerm, LikelihoodTerm, Point, Source, Text } from './types.js';

export type * from './types.js';

const text = (s: string): Text => {
  const runs = parseRuns(s);
  return { runs, plain: plainOf(runs) };
};
const optional = (s: string | undefined): Text | undefined => (s === undefined ? undefined : text(s));
const plain = (s: string): string => plainOf(parseRuns(s));
const plainJoin = (parts: (string | undefined)[], sep: string) => parts.filter((t): t is string => Boolean(t)).map(plain).join(sep);
const notesOf = (s: string | undefined): string | undefined => s && plain(s);

interface PointInput {
  text: string;
  sources?: string[];
  points?: { text: string; sources?: string[] }[];
  likelihood?: Likelihood;
  confidence?: Confidence;
  notes?: string;
}

export function briefingModel(b: Briefing, slug: string, assets?: Assets): BriefingModel {
  const lang = b.lang;
  const labels = labelsFor(lang);
  const number = new Map(b.sources.map((s, i) => [s.id, i + 1]));
  const cites = (ids: string[] | undefined): Cite[] => [...new Set(ids ?? [])].map((id) => ({ id, n: number.get(id) ?? 0 })).sort((a, c) => a.n - c.n);
  /** Text that cites sources: the citations end its runs. */
  const cited = (s: string, ids: string[] | undefined): Cited => {
    const t = text(s);
    const c = cites(ids);
    return { runs: [...t.runs, ...c.map((x): Run => ({ kind: 'citation', ...x }))], plain: t.plain, cites: c };
  };
  const likelihood = (k: Likelihood | undefined): LikelihoodTerm | undefined => k && { key: k, label: labels.likelihoods[k], level: LIKELIHOODS.indexOf(k) + 1 };
  const confidence = (k: Confidence | undefined): ConfidenceTerm | undefined => k && { key: k, label: labels.confidence[k] };
  const point = (p: PointInput): Point => ({
    ...cited(p.text, p.sources),
    points: (p.points ?? []).map(point),
    likelihood: likelihood(p.likelihood),
    confidence: confidence(p.confidence),
    notes: notesOf(p.notes),
  });
  const admiralty = labels.admiralty;
  const sources = b.sources.map(
    (s, i): Source => ({
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
      grade:
        s.reliability || s.credibility
          ? {
              code: `${s.reliability ?? ''}${s.credibility ?? ''}`,
              reliability: s.reliability && admiralty.reliability[s.reliability],
              credibility: s.credibility && admiralty.credibility[s.credibility],
            }
          : undefined,
    }),
  );
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
    blufNotes: notesOf(b.blufNotes),
    notes: notesOf(b.notes),
    keyPoints: b.keyPoints.map((k, i) => ({ ...point(k), n: i + 1 })),
    sections: (b.sections ?? []).map((s, i) => ({
      n: i + 1,
      title: text(s.title),
      lead: optional(s.lead),
      points: (s.points ?? []).map(point),
      image: s.image && {
        path: s.image.path,
        alt: text(s.image.alt),
        src: assets?.images.get(i)?.dataUri,
        caption: optional(s.image.caption),
        credit: optional(s.image.credit),
      },
      notes: notesOf(s.notes),
      chart: s.chart,
      map: s.map,
    })),
    actors: (b.actors ?? []).map((a) => ({
      name: text(a.name),
      type: optional(a.type),
      role: optional(a.role),
      stance: optional(a.stance),
      plain: plainJoin([a.name, a.type, a.role, a.stance], ' '),
      cites: cites(a.sources),
      notes: notesOf(a.notes),
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
        end: e.end ? formatDate(e.end, lang) : undefined,
        endYear: e.end?.split('-')[0],
        projected: e.projected ?? e.date > b.date,
        notes: notesOf(e.notes),
      };
    }),
    scenarios: (b.scenarios ?? []).map((s) => ({
      name: text(s.name),
      likelihood: likelihood(s.likelihood),
      confidence: confidence(s.confidence),
      description: optional(s.description),
      indicators: (s.indicators ?? []).map(text),
      plain: plainJoin([s.name, s.description, ...(s.indicators ?? [])], ' '),
      notes: notesOf(s.notes),
    })),
    indicators: (b.indicators ?? []).map(text),
    quotes: (b.quotes ?? []).map((q) => ({ text: cited(q.text, q.sources), speaker: optional(q.speaker), cites: cites(q.sources), notes: notesOf(q.notes) })),
    glossary: (b.glossary ?? []).map((g) => ({ term: text(g.term), meaning: text(g.meaning), plain: plain(`${g.term} ${g.meaning}`) })),
    sources,
    primarySource: sources[0] as Source,
    graded: sources.some((s) => s.grade),
    ...figuresOf(b, { text, cites, plain }),
  };
}
