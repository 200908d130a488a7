// The view of a briefing that templates see: the neutral model (model/briefing.ts) with every text
// escaped at this edge for the output's context (Markdown for the deck, HTML for the print briefing
// and handout), so that templates, custom ones included, only ever print values safe where they go.
import Handlebars from 'handlebars';
import type { Briefing, Confidence, Likelihood } from '../content/schema.js';
import type { Labels } from '../model/labels.js';
import { escapeMarkdownText, runsToHtml, runsToMarkdown } from './inline.js';
import { briefingModel, type BriefingModel, type Point, type Text } from '../model/briefing.js';
import type { Assets } from '../model/assets.js';
import { contentOf } from '../model/runs.js';

export { formatDate, parseMarking } from '../model/dates.js';

export type TextContext = 'markdown' | 'html';

/** Content text, ready for the template's context; Handlebars prints it as is. */
export type Safe = Handlebars.SafeString;

export interface Cite {
  n: number;
  id: string;
}
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
  image?: { path: string; alt: Safe; plainAlt: string; title: Safe; src?: string };
  notes?: string;
}
export interface ActorView {
  name: Safe;
  type?: Safe;
  role?: Safe;
  stance?: Safe;
  plain: string;
  cites: Cite[];
}
export interface EventView {
  date: string;
  year: string;
  rest: string;
  display: Safe;
  event: Safe;
  plain: string;
  cites: Cite[];
}
export interface ScenarioView {
  name: Safe;
  likelihood?: LikelihoodView;
  description?: Safe;
  indicators: Safe[];
  plain: string;
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
}
export interface MarkingView {
  text: Safe;
  plain: string;
  /** `tlp-amber`, `tlp-amber-strict`, … or `text` for a free-text marking. */
  kind: string;
  isTlp: boolean;
}

export interface BriefingView {
  context: TextContext;
  slug: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  labels: Record<string, Safe | Record<string, Safe>>;
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
  quotes: { text: Safe; speaker?: Safe; cites: Cite[]; plain: string }[];
  glossary: { term: Safe; meaning: Safe; plain: string }[];
  sources: SourceView[];
  /** The first source, shown on the title slide and in the footer. */
  primarySource: SourceView;
}

/** The view of `b` for one context; `assets` supplies the section images' data URIs. */
export function buildView(b: Briefing, slug: string, context: TextContext, assets?: Assets): BriefingView {
  return viewOf(briefingModel(b, slug, assets), context);
}

/** The model escaped for `context`: content runs as Markdown or HTML, briefdeck's own words as literal text. */
export function viewOf(m: BriefingModel, context: TextContext): BriefingView {
  const write = context === 'markdown' ? runsToMarkdown : runsToHtml;
  const safe = (t: Text): Safe => new Handlebars.SafeString(write(contentOf(t.runs)));
  /** Text briefdeck made itself (labels, dates): escaped, but not parsed as Markdown. */
  const literal = (s: string): Safe => new Handlebars.SafeString(context === 'markdown' ? escapeMarkdownText(s) : Handlebars.escapeExpression(s));
  const link = (url: string): Safe =>
    new Handlebars.SafeString(
      context === 'markdown'
        ? `[${escapeMarkdownText(url)}](<${url.replace(/[<>\s\\]/g, encodeURIComponent)}>)`
        : `<a href="${Handlebars.escapeExpression(url)}">${Handlebars.escapeExpression(url)}</a>`,
    );
  const opt = (t: Text | undefined): Safe | undefined => (t === undefined ? undefined : safe(t));
  const point = (p: Point): PointView => ({ text: safe(p), plain: p.plain, cites: p.cites, points: p.points.map(point) });
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
    keyPoints: m.keyPoints.map((k) => ({
      ...point(k),
      n: k.n,
      likelihood: k.likelihood && { ...k.likelihood, label: literal(k.likelihood.label) },
      confidence: k.confidence && { ...k.confidence, label: literal(k.confidence.label) },
    })),
    sections: m.sections.map((s) => ({
      n: s.n,
      title: safe(s.title),
      plainTitle: s.title.plain,
      lead: opt(s.lead),
      points: s.points.map(point),
      image: s.image && { path: s.image.path, alt: safe(s.image.alt), plainAlt: s.image.alt.plain, title: literal(s.image.alt.plain), src: s.image.src },
      notes: s.notes,
    })),
    actors: m.actors.map((a) => ({ name: safe(a.name), type: opt(a.type), role: opt(a.role), stance: opt(a.stance), plain: a.plain, cites: a.cites })),
    timeline: m.timeline.map((e) => ({ date: e.date, year: e.year, rest: e.rest, display: literal(e.display), event: safe(e.event), plain: e.event.plain, cites: e.cites })),
    scenarios: m.scenarios.map((s) => ({
      name: safe(s.name),
      likelihood: s.likelihood && { ...s.likelihood, label: literal(s.likelihood.label) },
      description: opt(s.description),
      indicators: s.indicators.map(safe),
      plain: s.plain,
    })),
    indicators: m.indicators.map(safe),
    plainIndicators: m.indicators.map((t) => t.plain),
    quotes: m.quotes.map((q) => ({ text: safe(q.text), speaker: opt(q.speaker), cites: q.cites, plain: q.text.plain })),
    glossary: m.glossary.map((g) => ({ term: safe(g.term), meaning: safe(g.meaning), plain: g.plain })),
    sources,
    primarySource: sources[0] as SourceView,
  };
}

function labelView(labels: Labels, literal: (s: string) => Safe): BriefingView['labels'] {
  const out: BriefingView['labels'] = {};
  for (const [k, v] of Object.entries(labels)) {
    out[k] =
      typeof v === 'string' ? literal(v) : Object.fromEntries(Object.entries(v as Record<string, string>).map(([kk, vv]) => [kk, literal(vv)]));
  }
  return out;
}
