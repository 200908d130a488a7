// The words briefdeck itself puts on slides and pages, per language; content supplies the rest.
import type { Confidence, Credibility, Likelihood, Reliability } from '../content/schema.js';

export interface Labels {
  bluf: string;
  keyPoints: string;
  actors: string;
  timeline: string;
  scenarios: string;
  indicators: string;
  indicatorsLead: string;
  quotes: string;
  glossary: string;
  sources: string;
  asOf: string;
  source: string;
  audience: string;
  author: string;
  page: string;
  of: string;
  contents: string;
  actor: string;
  type: string;
  role: string;
  stance: string;
  date: string;
  event: string;
  scenario: string;
  likelihood: string;
  description: string;
  watch: string;
  confidence: Record<Confidence, string>;
  likelihoods: Record<Likelihood, string>;
  accessed: string;
  published: string;
  /** Handout: "Slide 3", the notes' label, and the label of the lines left for the reader's own. */
  slide: string;
  speakerNotes: string;
  yourNotes: string;
  keyFigures: string;
  charts: string;
  map: string;
  projected: string;
  /** The Admiralty grades' meanings, and the legend's heading. */
  admiralty: { legend: string; reliabilityHead: string; credibilityHead: string; reliability: Record<Reliability, string>; credibility: Record<Credibility, string> };
  /** After a point whose nested points go on from the slide before. */
  continued: string;
}

const en: Labels = {
  bluf: 'Bottom line up front',
  keyPoints: 'Key points',
  actors: 'Actors and their stance',
  timeline: 'Timeline',
  scenarios: 'Scenarios',
  indicators: 'Indicators to watch',
  indicatorsLead: 'What would change our view',
  quotes: 'In their words',
  glossary: 'Glossary',
  sources: 'Sources',
  asOf: 'As of',
  source: 'Source',
  audience: 'For',
  author: 'Prepared by',
  page: 'Page',
  of: 'of',
  contents: 'Contents',
  actor: 'Actor',
  type: 'Type',
  role: 'Role',
  stance: 'Stance',
  date: 'Date',
  event: 'Event',
  scenario: 'Scenario',
  likelihood: 'Likelihood',
  description: 'Description',
  watch: 'Watch for',
  confidence: { low: 'low confidence', moderate: 'moderate confidence', high: 'high confidence' },
  likelihoods: {
    'almost no chance': 'almost no chance',
    'very unlikely': 'very unlikely',
    unlikely: 'unlikely',
    'roughly even chance': 'roughly even chance',
    likely: 'likely',
    'very likely': 'very likely',
    'almost certain': 'almost certain',
  },
  accessed: 'accessed',
  published: 'published',
  slide: 'Slide',
  speakerNotes: 'Speaker notes',
  yourNotes: 'Notes',
  keyFigures: 'Key figures',
  charts: 'Figures',
  map: 'Where',
  projected: 'expected',
  admiralty: {
    legend: 'Source grades (Admiralty system): reliability of the source A-F, credibility of the information 1-6',
    reliabilityHead: 'Reliability',
    credibilityHead: 'Credibility',
    reliability: { A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged' },
    credibility: { '1': 'confirmed by other sources', '2': 'probably true', '3': 'possibly true', '4': 'doubtful', '5': 'improbable', '6': 'truth cannot be judged' },
  },
  continued: 'continued',
};

const he: Labels = {
  bluf: 'השורה התחתונה',
  keyPoints: 'נקודות מפתח',
  actors: 'השחקנים ועמדותיהם',
  timeline: 'ציר זמן',
  scenarios: 'תרחישים',
  indicators: 'סימנים למעקב',
  indicatorsLead: 'מה ישנה את הערכתנו',
  quotes: 'בלשונם',
  glossary: 'מונחים',
  sources: 'מקורות',
  asOf: 'נכון ל־',
  source: 'מקור',
  audience: 'עבור',
  author: 'הוכן על ידי',
  page: 'עמוד',
  of: 'מתוך',
  contents: 'תוכן',
  actor: 'שחקן',
  type: 'סוג',
  role: 'תפקיד',
  stance: 'עמדה',
  date: 'תאריך',
  event: 'אירוע',
  scenario: 'תרחיש',
  likelihood: 'סבירות',
  description: 'תיאור',
  watch: 'יש לעקוב אחר',
  confidence: { low: 'ביטחון נמוך', moderate: 'ביטחון בינוני', high: 'ביטחון גבוה' },
  likelihoods: {
    'almost no chance': 'כמעט אין סיכוי',
    'very unlikely': 'לא סביר מאוד',
    unlikely: 'לא סביר',
    'roughly even chance': 'סיכוי שקול',
    likely: 'סביר',
    'very likely': 'סביר מאוד',
    'almost certain': 'כמעט ודאי',
  },
  accessed: 'נצפה',
  published: 'פורסם',
  slide: 'שקף',
  speakerNotes: 'הערות הדובר',
  yourNotes: 'הערות',
  keyFigures: 'נתונים מרכזיים',
  charts: 'תרשימים',
  map: 'היכן',
  projected: 'צפוי',
  admiralty: {
    legend: 'דירוג המקורות (שיטת האדמירליות): אמינות המקור A-F, מהימנות המידע 1-6',
    reliabilityHead: 'אמינות',
    credibilityHead: 'מהימנות',
    reliability: { A: 'אמין לחלוטין', B: 'אמין בדרך כלל', C: 'אמין למדי', D: 'לא אמין בדרך כלל', E: 'לא אמין', F: 'לא ניתן להעריך את אמינותו' },
    credibility: { '1': 'אושר ממקורות אחרים', '2': 'כנראה נכון', '3': 'ייתכן שנכון', '4': 'מוטל בספק', '5': 'לא סביר', '6': 'לא ניתן להעריך את נכונותו' },
  },
  continued: 'המשך',
};

const TABLES: Record<string, Labels> = { en, he };

export function labelsFor(lang: string): Labels {
  return TABLES[lang.toLowerCase().split('-')[0] ?? 'en'] ?? en;
}

const RTL = new Set(['he', 'ar', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
