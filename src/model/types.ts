// The neutral briefing model's types: every content text as runs (model/runs.ts) with its plain text,
// citations numbered, labels and dates localised. No escaping: each output escapes at its edge.
import type { Confidence, Likelihood } from '../content/schema.js';
import type { ChartData } from '../figures/chart.js';
import type { MapData } from '../figures/map.js';
import type { Labels } from './labels.js';
import type { Run } from './runs.js';

export interface Cite {
  n: number;
  id: string;
}
/** Content text: its runs, ending in its citations (if any), and the plain text without them. */
export interface Text {
  runs: Run[];
  plain: string;
}
/** Text that cites sources: its runs end in the citations. */
export interface Cited extends Text {
  cites: Cite[];
}
export interface LikelihoodTerm {
  key: Likelihood;
  label: string;
  /** 1 (almost no chance) … 7 (almost certain): the badge's shade. */
  level: number;
}
export interface ConfidenceTerm {
  key: Confidence;
  label: string;
}
export interface Point extends Cited {
  points: Point[];
  likelihood?: LikelihoodTerm;
  confidence?: ConfidenceTerm;
  /** Speaker notes on this item: gathered onto its slide's notes. */
  notes?: string;
}
export interface KeyPoint extends Point {
  n: number;
}
export interface SectionImage {
  path: string;
  alt: Text;
  /** The image as a data URI (assets read once per build). */
  src?: string;
  caption?: Text;
  credit?: Text;
}
export interface Section {
  n: number;
  title: Text;
  lead?: Text;
  points: Point[];
  image?: SectionImage;
  notes?: string;
  /** The id of the chart drawn beside the points, and whether the locator map is. */
  chart?: string;
  map?: boolean;
}
export interface Actor {
  name: Text;
  type?: Text;
  role?: Text;
  stance?: Text;
  plain: string;
  cites: Cite[];
  notes?: string;
}
export interface TimelineEvent {
  date: string;
  year: string;
  /** The localised date without its year (for the year-first timeline). */
  rest: string;
  display: string;
  event: Cited;
  cites: Cite[];
  /** A range's end (`date: 1980`, `end: 2012`), localised, and its year. */
  end?: string;
  endYear?: string;
  /** Expected rather than past: flagged, or dated after the as-of date. */
  projected: boolean;
  notes?: string;
}
export interface Scenario {
  name: Text;
  likelihood?: LikelihoodTerm;
  confidence?: ConfidenceTerm;
  description?: Text;
  indicators: Text[];
  plain: string;
  notes?: string;
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
  /** Admiralty grade, e.g. `B2`, with the meanings of its letter and number. */
  grade?: { code: string; reliability?: string; credibility?: string };
}
export interface Quote {
  text: Cited;
  speaker?: Text;
  cites: Cite[];
  notes?: string;
}
export interface Marking {
  plain: string;
  kind: string;
  isTlp: boolean;
}

export interface BriefingModel extends Figures {
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
  quotes: Quote[];
  glossary: { term: Text; meaning: Text; plain: string }[];
  sources: Source[];
  /** The first source, shown on the title slide and in the footer. */
  primarySource: Source;
  /** Whether any source carries an Admiralty grade: then the sources show the legend. */
  graded: boolean;
  blufNotes?: string;
}

export interface KeyFigure {
  /** Written as the content gives it: a number with its unit, never parsed as Markdown. */
  value: string;
  label: Text;
  plain: string;
  cites: Cite[];
  notes?: string;
}
export interface Chart {
  n: number;
  id?: string;
  title: Text;
  source?: Text;
  unit?: Text;
  /** Drawn beside a section's points (not on a slide or page of its own). */
  inSection: boolean;
  /** The data, as plain text and numbers: what a chart is drawn from. */
  data: ChartData;
  /** The data as a table: series names as heads, a row per category, numbers formatted. */
  table: { head: Text[]; rows: { label: Text; values: string[] }[] };
  cites: Cite[];
  notes?: string;
  plain: string;
}
export interface LocatorMap {
  data: MapData;
  caption?: Text;
  /** Names of the highlighted countries, in the briefing's language. */
  names: string;
  /** Number of the section that shows the map, or undefined for the title slide. */
  section?: number;
  notes?: string;
}
export interface Figures {
  keyFigures: KeyFigure[];
  charts: Chart[];
  map?: LocatorMap;
}
