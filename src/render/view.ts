// The view of a briefing that templates see: every content text already made safe for the output's
// context (Markdown for the deck, HTML for the print briefing), citations numbered, labels and dates localised.
import Handlebars from 'handlebars';
import type { Briefing, Confidence, Likelihood } from '../content/schema.js';
import { LIKELIHOODS } from '../content/schema.js';
import { directionOf, labelsFor, type Labels } from '../model/labels.js';
import { formatDate, parseMarking } from '../model/dates.js';
import type { Assets } from '../model/assets.js';
import { toPlainText, toSafeHtml, toSafeMarkdown, escapeMarkdownText, normalizeSpace } from './inline.js';
import { figuresView, type FiguresView } from './figures-view.js';

export type { Cite, Safe, TextContext } from './view-types.js';
import type { Cite, Safe, TextContext } from './view-types.js';
export interface LikelihoodView {
  key: Likelihood;
  label: Safe;
  /** 1 (almost no chance) … 7 (almost certain): the badge's shade. */
  level: number;
}
export interface ConfidenceView {
  key: Confidence;
  label: Safe;
}
export interface PointView {
  text: Safe;
  plain: string;
  cites: Cite[];
  points: PointView[];
  likelihood?: LikelihoodView;
  confidence?: ConfidenceView;
  /** Speaker notes on this item: gathered onto its slide's notes. */
  notes?: string;
}
export interface KeyPointView extends PointView {
  n: number;
  likelihood?: LikelihoodView;
  confidence?: ConfidenceView;
}
export interface SectionView {
  n: number;
  title: Safe;
  plainTitle: string;
  lead?: Safe;
  points: PointView[];
  /** `title` is the alt text escaped for a Markdown image title. */
  image?: { path: string; alt: Safe; plainAlt: string; title: Safe; src?: string; caption?: Safe; credit?: Safe };
  notes?: string;
  /** The id of the chart drawn beside the points, and whether the locator map is. */
  chart?: string;
  map?: boolean;
}
export interface ActorView {
  name: Safe;
  type?: Safe;
  role?: Safe;
  stance?: Safe;
  plain: string;
  cites: Cite[];
  notes?: string;
}
export interface EventView {
  date: string;
  year: string;
  rest: string;
  display: Safe;
  event: Safe;
  plain: string;
  cites: Cite[];
  /** A range's end (`date: 1980`, `end: 2012`), formatted. */
  end?: Safe;
  endYear?: string;
  /** Expected rather than past: flagged, or dated after the as-of date. */
  projected: boolean;
  notes?: string;
}
export interface ScenarioView {
  name: Safe;
  likelihood?: LikelihoodView;
  description?: Safe;
  indicators: Safe[];
  plain: string;
  confidence?: ConfidenceView;
  notes?: string;
}
export interface SourceView {
  n: number;
  id: string;
  title: Safe;
  publisher?: Safe;
  author?: Safe;
  url?: string;
  /** The URL as a link showing itself. */
  link?: Safe;
  published?: Safe;
  accessed?: Safe;
  plain: string;
  /** Title (and publisher), as plain text: footers and metadata. */
  plainTitle: string;
  /** Admiralty grade, e.g. `B2`, with the meanings of its letter and number. */
  grade?: { code: string; reliability?: Safe; credibility?: Safe };
}
export interface MarkingView {
  text: Safe;
  plain: string;
  /** `tlp-amber`, `tlp-amber-strict`, … or `text` for a free-text marking. */
  kind: string;
  isTlp: boolean;
}

/** A label, or a table of them (likelihood terms, Admiralty grades). */
export type LabelTree = Safe | { [key: string]: LabelTree };

export interface BriefingView extends FiguresView {
  context: TextContext;
  slug: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  labels: Record<string, LabelTree>;
  title: Safe;
  plainTitle: string;
  subtitle?: Safe;
  dateline?: Safe;
  author?: Safe;
  audience?: Safe;
  plainAuthor?: string;
  date: string;
  dateDisplay: Safe;
  marking?: MarkingView;
  bluf: Safe;
  plainBluf: string;
  notes?: string;
  keyPoints: KeyPointView[];
  sections: SectionView[];
  actors: ActorView[];
  timeline: EventView[];
  scenarios: ScenarioView[];
  indicators: (Safe & { plain?: string })[];
  plainIndicators: string[];
  quotes: { text: Safe; speaker?: Safe; cites: Cite[]; plain: string; notes?: string }[];
  glossary: { term: Safe; meaning: Safe; plain: string }[];
  sources: SourceView[];
  /** The first source, shown on the title slide and in the footer. */
  primarySource: SourceView;
  /** Whether any source carries an Admiralty grade: then the sources show the legend. */
  graded: boolean;
}

export { formatDate, parseMarking };

export function buildView(b: Briefing, slug: string, context: TextContext, assets?: Assets): BriefingView {
  const safe = (s: string): Safe =>
    new Handlebars.SafeString(context === 'markdown' ? toSafeMarkdown(s) : toSafeHtml(s));
  /** Text briefdeck made itself (labels, dates): escaped, but not parsed as Markdown. */
  const literal = (s: string): Safe =>
    new Handlebars.SafeString(context === 'markdown' ? escapeMarkdownText(s) : Handlebars.escapeExpression(s));
  const link = (url: string): Safe =>
    new Handlebars.SafeString(
      context === 'markdown'
        ? `[${escapeMarkdownText(url)}](<${url.replace(/[<>\s\\]/g, encodeURIComponent)}>)`
        : `<a href="${Handlebars.escapeExpression(url)}">${Handlebars.escapeExpression(url)}</a>`,
    );
  const opt = (s: string | undefined): Safe | undefined => (s === undefined ? undefined : safe(s));

  const lang = b.lang;
  const labels = labelsFor(lang);
  const number = new Map(b.sources.map((s, i) => [s.id, i + 1]));
  const cites = (ids: string[] | undefined): Cite[] =>
    [...new Set(ids ?? [])].map((id) => ({ id, n: number.get(id) ?? 0 })).sort((a, c) => a.n - c.n);
  const likelihood = (k: Likelihood | undefined): LikelihoodView | undefined =>
    k && { key: k, label: literal(labels.likelihoods[k]), level: LIKELIHOODS.indexOf(k) + 1 };
  const confidence = (k: Confidence | undefined): ConfidenceView | undefined =>
    k && { key: k, label: literal(labels.confidence[k]) };
  const point = (p: { text: string; sources?: string[]; points?: { text: string; sources?: string[] }[]; likelihood?: Likelihood; confidence?: Confidence; notes?: string }): PointView => ({
    text: safe(p.text),
    plain: toPlainText(p.text),
    cites: cites(p.sources),
    points: (p.points ?? []).map(point),
    likelihood: likelihood(p.likelihood),
    confidence: confidence(p.confidence),
    notes: p.notes && toPlainText(p.notes),
  });
  const admiralty = labels.admiralty;

  const sources: SourceView[] = b.sources.map((s, i) => ({
    n: i + 1,
    id: s.id,
    title: safe(s.title),
    publisher: opt(s.publisher),
    author: opt(s.author),
    url: s.url,
    link: s.url ? link(s.url) : undefined,
    published: s.published ? literal(formatDate(s.published, lang)) : undefined,
    accessed: s.accessed ? literal(formatDate(s.accessed, lang)) : undefined,
    plain: [s.title, s.publisher, s.author].filter(Boolean).map((t) => toPlainText(t as string)).join(' ') + (s.url ?? ''),
    plainTitle: [s.title, s.publisher].filter(Boolean).map((t) => toPlainText(t as string)).join(', '),
    grade:
      s.reliability || s.credibility
        ? {
            code: `${s.reliability ?? ''}${s.credibility ?? ''}`,
            reliability: s.reliability && literal(admiralty.reliability[s.reliability]),
            credibility: s.credibility && literal(admiralty.credibility[s.credibility]),
          }
        : undefined,
  }));

  const marking = b.marking ? parseMarking(b.marking) : undefined;

  return {
    context,
    slug,
    lang,
    dir: directionOf(lang),
    labels: labelView(labels, literal),
    title: safe(b.title),
    plainTitle: toPlainText(b.title),
    subtitle: opt(b.subtitle),
    dateline: opt(b.dateline),
    author: opt(b.author),
    plainAuthor: b.author && toPlainText(b.author),
    audience: opt(b.audience),
    date: b.date,
    dateDisplay: literal(formatDate(b.date, lang)),
    marking: marking && { ...marking, text: literal(marking.plain) },
    bluf: safe(b.bluf),
    plainBluf: toPlainText(b.bluf),
    notes: b.notes && toPlainText(b.notes),
    keyPoints: b.keyPoints.map((k, i) => ({ ...point(k), n: i + 1 })),
    sections: (b.sections ?? []).map((s, i) => ({
      n: i + 1,
      title: safe(s.title),
      plainTitle: toPlainText(s.title),
      lead: opt(s.lead),
      points: (s.points ?? []).map(point),
      image: s.image && {
        path: s.image.path,
        alt: safe(s.image.alt),
        plainAlt: toPlainText(s.image.alt),
        title: literal(toPlainText(s.image.alt)),
        src: assets?.images.get(i)?.dataUri,
        caption: opt(s.image.caption),
        credit: opt(s.image.credit),
      },
      notes: s.notes && toPlainText(s.notes),
      chart: s.chart,
      map: s.map,
    })),
    actors: (b.actors ?? []).map((a) => ({
      name: safe(a.name),
      type: opt(a.type),
      role: opt(a.role),
      stance: opt(a.stance),
      plain: [a.name, a.type, a.role, a.stance].filter(Boolean).map((t) => toPlainText(t as string)).join(' '),
      cites: cites(a.sources),
      notes: a.notes && toPlainText(a.notes),
    })),
    timeline: (b.timeline ?? []).map((e) => {
      const [year = e.date, ...rest] = e.date.split('-');
      const display = formatDate(e.date, lang);
      return {
        date: e.date,
        year,
        rest: rest.length ? display.replace(year, '').replace(/[\s,]+$|^[\s,]+/g, '') : '',
        display: literal(display),
        event: safe(e.event),
        plain: toPlainText(e.event),
        cites: cites(e.sources),
        end: e.end ? literal(formatDate(e.end, lang)) : undefined,
        endYear: e.end?.split('-')[0],
        projected: e.projected ?? e.date > b.date,
        notes: e.notes && toPlainText(e.notes),
      };
    }),
    scenarios: (b.scenarios ?? []).map((s) => ({
      name: safe(s.name),
      likelihood: likelihood(s.likelihood),
      description: opt(s.description),
      indicators: (s.indicators ?? []).map(safe),
      plain: [s.name, s.description, ...(s.indicators ?? [])].filter(Boolean).map((t) => toPlainText(t as string)).join(' '),
      confidence: confidence(s.confidence),
      notes: s.notes && toPlainText(s.notes),
    })),
    indicators: (b.indicators ?? []).map(safe),
    plainIndicators: (b.indicators ?? []).map(toPlainText),
    quotes: (b.quotes ?? []).map((q) => ({
      text: safe(q.text),
      speaker: opt(q.speaker),
      cites: cites(q.sources),
      plain: toPlainText(q.text),
      notes: q.notes && toPlainText(q.notes),
    })),
    glossary: (b.glossary ?? []).map((g) => ({ term: safe(g.term), meaning: safe(g.meaning), plain: toPlainText(`${g.term} ${g.meaning}`) })),
    sources,
    primarySource: sources[0] as SourceView,
    graded: sources.some((s) => s.grade),
    ...figuresView(b, { context, safe, literal, cites, dir: directionOf(lang), source: labels.source }),
  };
}

/** Nested label tables (the Admiralty grades), every leaf made safe. */
function literalTree(v: Record<string, unknown>, literal: (s: string) => Safe): { [key: string]: LabelTree } {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? literal(x) : literalTree(x as Record<string, unknown>, literal)]));
}

function labelView(labels: Labels, literal: (s: string) => Safe): BriefingView['labels'] {
  const out: BriefingView['labels'] = {};
  for (const [k, v] of Object.entries(labels)) {
    out[k] =
      typeof v === 'string' ? literal(v) : Object.fromEntries(Object.entries(v as Record<string, string>).map(([kk, vv]) => [kk, typeof vv === 'string' ? literal(vv) : literalTree(vv, literal)]));
  }
  return out;
}
