// The view of a briefing that templates see: the model's texts made safe for the output's context
// (Markdown for the deck, HTML for the print briefing and handout). Escaping happens here, nowhere else.
import Handlebars from './handlebars.js';
import type { Briefing, Confidence, Likelihood } from '../content/schema.js';
import type { Labels } from '../model/labels.js';
import { formatDate, parseMarking } from '../model/dates.js';
import type { Assets } from '../model/assets.js';
import { briefingModel, type BriefingModel, type ConfidenceTerm, type LikelihoodTerm, type Point, type Text } from '../model/briefing.js';
import type { Run } from '../model/runs.js';
import { escapeMarkdownText, runsToHtml, runsToMarkdown } from './inline.js';
import { figuresView, type FiguresView } from './figures-view.js';

export type { Cite, Safe, TextContext } from './view-types.js';
import { Written, type Cite, type Safe, type TextContext } from './view-types.js';
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
  /** The model's runs, citations included (PowerPoint writes its own runs from them). */
  runs: Run[];
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

/** The view of a briefing file: its model (made once per build) seen in one context. */
export function buildView(b: Briefing, slug: string, context: TextContext, assets?: Assets): BriefingView {
  return viewOf(briefingModel(b, slug, assets), context);
}

/** The model's texts made safe for one context: Marp Markdown (the deck) or HTML (print, handout). */
export function viewOf(m: BriefingModel, context: TextContext): BriefingView {
  const safe = (t: Text): Safe => new Written(context === 'markdown' ? runsToMarkdown(t.runs) : runsToHtml(t.runs), t.runs);
  /** Text briefdeck made itself (labels, dates): escaped, but not parsed as Markdown. */
  const literal = (s: string): Safe => new Written(context === 'markdown' ? escapeMarkdownText(s) : Handlebars.escapeExpression(s), [{ kind: 'text', text: s }]);
  const link = (url: string): Safe =>
    new Handlebars.SafeString(
      context === 'markdown'
        ? `[${escapeMarkdownText(url)}](<${url.replace(/[<>\s\\]/g, encodeURIComponent)}>)`
        : `<a href="${Handlebars.escapeExpression(url)}">${Handlebars.escapeExpression(url)}</a>`,
    );
  const opt = (t: Text | undefined): Safe | undefined => (t === undefined ? undefined : safe(t));
  const likelihood = (l: LikelihoodTerm | undefined): LikelihoodView | undefined => l && { key: l.key, label: literal(l.label), level: l.level };
  const confidence = (c: ConfidenceTerm | undefined): ConfidenceView | undefined => c && { key: c.key, label: literal(c.label) };
  const point = (p: Point): PointView => ({
    text: safe(p),
    plain: p.plain,
    runs: p.runs,
    cites: p.cites,
    points: p.points.map(point),
    likelihood: likelihood(p.likelihood),
    confidence: confidence(p.confidence),
    notes: p.notes,
  });
  const sources: SourceView[] = m.sources.map((s) => ({
    n: s.n,
    id: s.id,
    title: safe(s.title),
    publisher: opt(s.publisher),
    author: opt(s.author),
    url: s.url,
    link: s.url ? link(s.url) : undefined,
    published: s.published !== undefined ? literal(s.published) : undefined,
    accessed: s.accessed !== undefined ? literal(s.accessed) : undefined,
    plain: s.plain,
    plainTitle: s.plainTitle,
    grade: s.grade && {
      code: s.grade.code,
      reliability: s.grade.reliability !== undefined ? literal(s.grade.reliability) : undefined,
      credibility: s.grade.credibility !== undefined ? literal(s.grade.credibility) : undefined,
    },
  }));

  return {
    context,
    slug: m.slug,
    lang: m.lang,
    dir: m.dir,
    labels: labelView(m.labels, literal),
    title: safe(m.title),
    plainTitle: m.title.plain,
    subtitle: opt(m.subtitle),
    dateline: opt(m.dateline),
    author: opt(m.author),
    plainAuthor: m.author?.plain,
    audience: opt(m.audience),
    date: m.date,
    dateDisplay: literal(m.dateDisplay),
    marking: m.marking && { ...m.marking, text: literal(m.marking.plain) },
    bluf: safe(m.bluf),
    plainBluf: m.bluf.plain,
    notes: m.notes,
    keyPoints: m.keyPoints.map((k) => ({ ...point(k), n: k.n })),
    sections: m.sections.map((s) => ({
      n: s.n,
      title: safe(s.title),
      plainTitle: s.title.plain,
      lead: opt(s.lead),
      points: s.points.map(point),
      image: s.image && {
        path: s.image.path,
        alt: safe(s.image.alt),
        plainAlt: s.image.alt.plain,
        title: literal(s.image.alt.plain),
        src: s.image.src,
        caption: opt(s.image.caption),
        credit: opt(s.image.credit),
      },
      notes: s.notes,
      chart: s.chart,
      map: s.map,
    })),
    actors: m.actors.map((a) => ({
      name: safe(a.name),
      type: opt(a.type),
      role: opt(a.role),
      stance: opt(a.stance),
      plain: a.plain,
      cites: a.cites,
      notes: a.notes,
    })),
    timeline: m.timeline.map((e) => ({
      date: e.date,
      year: e.year,
      rest: e.rest,
      display: literal(e.display),
      event: safe(e.event),
      plain: e.event.plain,
      cites: e.cites,
      end: e.end !== undefined ? literal(e.end) : undefined,
      endYear: e.endYear,
      projected: e.projected,
      notes: e.notes,
    })),
    scenarios: m.scenarios.map((s) => ({
      name: safe(s.name),
      likelihood: likelihood(s.likelihood),
      description: opt(s.description),
      indicators: s.indicators.map(safe),
      plain: s.plain,
      confidence: confidence(s.confidence),
      notes: s.notes,
    })),
    indicators: m.indicators.map(safe),
    plainIndicators: m.indicators.map((t) => t.plain),
    quotes: m.quotes.map((q) => ({ text: safe(q.text), speaker: opt(q.speaker), cites: q.cites, plain: q.text.plain, notes: q.notes })),
    glossary: m.glossary.map((g) => ({ term: safe(g.term), meaning: safe(g.meaning), plain: g.plain })),
    sources,
    primarySource: sources[0] as SourceView,
    graded: m.graded,
    blufNotes: m.blufNotes,
    ...figuresView(m, { context, safe, literal }),
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
