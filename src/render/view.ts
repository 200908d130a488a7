// The view of a briefing that templates see: every content text already made safe for the output's
// context (Markdown for the deck, HTML for the print briefing), citations numbered, labels and dates localised.
import Handlebars from 'handlebars';
import type { Briefing, Confidence, Likelihood } from '../content/schema.js';
import { LIKELIHOODS } from '../content/schema.js';
import { directionOf, labelsFor, type Labels } from './labels.js';
import { toPlainText, toSafeHtml, toSafeMarkdown, escapeMarkdownText, normalizeSpace } from './inline.js';

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
  image?: { path: string; alt: Safe; plainAlt: string; title: Safe; src?: string; caption?: Safe; credit?: Safe };
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

const TLP = /^\s*TLP\s*:\s*(CLEAR|WHITE|GREEN|AMBER\s*\+\s*STRICT|AMBER|RED)\s*$/i;

/** TLP 2.0 labels are always English and upper case; anything else is a free-text marking. */
export function parseMarking(marking: string): { plain: string; kind: string; isTlp: boolean } {
  const m = TLP.exec(marking);
  if (!m) return { plain: normalizeSpace(marking), kind: 'text', isTlp: false };
  let level = (m[1] ?? '').toUpperCase().replace(/\s+/g, '');
  if (level === 'WHITE') level = 'CLEAR';
  return { plain: `TLP:${level}`, kind: `tlp-${level.toLowerCase().replace('+', '-')}`, isTlp: true };
}

function locale(lang: string): string {
  return lang.toLowerCase() === 'en' ? 'en-GB' : lang;
}

/** 2025-04-14 → "14 April 2025" (in the briefing's language); 2025-04 → "April 2025"; 2025 → "2025". */
export function formatDate(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (m) options.month = 'long';
  if (d) options.day = 'numeric';
  try {
    const key = `${locale(lang)}|${options.month ?? ''}|${options.day ?? ''}`;
    let format = dateFormats.get(key);
    if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale(lang), options)));
    return format.format(at);
  } catch {
    return date;
  }
}

/** Intl formatters cost far more to make than to use; a build formats hundreds of dates. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function buildView(b: Briefing, slug: string, context: TextContext): BriefingView {
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
  const point = (p: { text: string; sources?: string[]; points?: { text: string; sources?: string[] }[] }): PointView => ({
    text: safe(p.text),
    plain: toPlainText(p.text),
    cites: cites(p.sources),
    points: (p.points ?? []).map(point),
  });

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
    keyPoints: b.keyPoints.map((k, i) => ({
      ...point(k),
      n: i + 1,
      likelihood: likelihood(k.likelihood),
      confidence: confidence(k.confidence),
    })),
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
        caption: opt(s.image.caption),
        credit: opt(s.image.credit),
      },
      notes: s.notes && toPlainText(s.notes),
    })),
    actors: (b.actors ?? []).map((a) => ({
      name: safe(a.name),
      type: opt(a.type),
      role: opt(a.role),
      stance: opt(a.stance),
      plain: [a.name, a.type, a.role, a.stance].filter(Boolean).map((t) => toPlainText(t as string)).join(' '),
      cites: cites(a.sources),
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
      };
    }),
    scenarios: (b.scenarios ?? []).map((s) => ({
      name: safe(s.name),
      likelihood: likelihood(s.likelihood),
      description: opt(s.description),
      indicators: (s.indicators ?? []).map(safe),
      plain: [s.name, s.description, ...(s.indicators ?? [])].filter(Boolean).map((t) => toPlainText(t as string)).join(' '),
    })),
    indicators: (b.indicators ?? []).map(safe),
    plainIndicators: (b.indicators ?? []).map(toPlainText),
    quotes: (b.quotes ?? []).map((q) => ({
      text: safe(q.text),
      speaker: opt(q.speaker),
      cites: cites(q.sources),
      plain: toPlainText(q.text),
    })),
    glossary: (b.glossary ?? []).map((g) => ({ term: safe(g.term), meaning: safe(g.meaning), plain: toPlainText(`${g.term} ${g.meaning}`) })),
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
