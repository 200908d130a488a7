// Finds the dateline ("JERUSALEM—", "CITY (Agency) —", Wikinews' "Monday, July 28, 2014" line) and the date it gives.
import type { Block } from './article.js';

export interface Dateline {
  /** The place, as a reader writes it: "Jerusalem", "Washington, D.C.". */
  place?: string;
  /** A news agency named in the dateline: "Reuters", "AP". */
  agency?: string;
  /** YYYY-MM-DD when the dateline states the day. */
  date?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?`;
/** "Monday, July 28, 2014", "28 July 2014", "July 28, 2014", "2014-07-28" alone on a line. */
const DATE_LINE = new RegExp(
  String.raw`^(?:${WEEKDAY},?\s+)?(?:(${MONTH})\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(${MONTH}),?\s+(\d{4})|(\d{4})-(\d\d)-(\d\d))\.?$`,
  'i',
);
/** A date line at the very start of a paragraph, before its first sentence. */
const LEADING_DATE = new RegExp(String.raw`^(${WEEKDAY},?\s+(?:${MONTH}\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${MONTH},?\s+\d{4}))\s*(?:[—–-]\s*)?(?=[A-Z"“])`, 'i');
/** "JERUSALEM—", "WASHINGTON, D.C. (AP) —", "LONDON, April 14 (Reuters) -", "GAZA CITY -- ". */
const PLACE_DASH = new RegExp(
  String.raw`^((?:[A-Z][A-Z'’.]*)(?:[ -][A-Z][A-Z'’.]*){0,3}(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2})?)` +
    String.raw`(?:,?\s+(${MONTH})\s+(\d{1,2})(?:,\s*(\d{4}))?)?` +
    String.raw`\s*(?:\(([A-Za-z][\w .&/-]{0,40})\))?\s*(?:—|–|--|-)\s*`,
);

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n)) + 1;
}

function iso(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const t = new Date(`${s}T00:00:00Z`);
  return m >= 1 && !Number.isNaN(t.getTime()) && t.toISOString().startsWith(s) ? s : undefined;
}

/** The date of a line that is nothing but a date, or undefined. */
export function dateOfDateLine(line: string): string | undefined {
  const m = line.trim().match(DATE_LINE);
  if (!m) return undefined;
  if (m[1] && m[2] && m[3]) return iso(Number(m[3]), monthIndex(m[1]), Number(m[2]));
  if (m[4] && m[5] && m[6]) return iso(Number(m[6]), monthIndex(m[5]), Number(m[4]));
  return iso(Number(m[7]), Number(m[8]), Number(m[9]));
}

/** "JERUSALEM" → "Jerusalem", "WASHINGTON, D.C." → "Washington, D.C.", "GAZA CITY" → "Gaza City". */
function placeCase(s: string): string {
  return s
    .split(/(\s+|-|,\s*)/)
    .map((w) => (/^[A-Z]{2,}$/.test(w) && !/^(?:UK|US|USA|UAE|DC)$/.test(w) ? w[0] + w.slice(1).toLowerCase() : w))
    .join('')
    .replace(/\bMc([a-z])/g, (_m, c: string) => `Mc${c.toUpperCase()}`);
}

/**
 * Reads the dateline from the first blocks and removes it: a date-only line is dropped; a "PLACE—" opening is
 * cut from its paragraph. `reference` gives the year when the dateline names only month and day.
 */
export function takeDateline(blocks: Block[], referenceYear: number): Dateline {
  const found: Dateline = {};
  for (let i = 0; i < Math.min(3, blocks.length); i++) {
    const b = blocks[i];
    if (!b || b.kind !== 'paragraph') continue;
    const date = dateOfDateLine(b.text);
    if (date) {
      found.date ??= date;
      blocks.splice(i, 1);
      i--;
      continue;
    }
    // A date line run into the first paragraph: "Thursday, May 7, 2015 On Tuesday, the government …".
    const lead = b.text.match(LEADING_DATE);
    const leadDate = lead?.[1] ? dateOfDateLine(lead[1]) : undefined;
    if (lead && leadDate && !found.date) {
      found.date = leadDate;
      b.text = b.text.slice(lead[0].length);
    }
    const m = b.text.match(PLACE_DASH);
    const place = m?.[1];
    // The place must be in capitals (a dateline), and what follows must be prose, not a list item.
    if (m && place && /[A-Z]{3}/.test(place) && place === place.toUpperCase() || (m && place && m[5])) {
      const rest = b.text.slice(m[0].length);
      if (/^[A-Z"“‘'(]/.test(rest) && rest.length > 40) {
        found.place = placeCase(place.replace(/,$/, ''));
        if (m[5]) found.agency = m[5].trim();
        if (m[2] && m[3]) found.date ??= iso(m[4] ? Number(m[4]) : referenceYear, monthIndex(m[2]), Number(m[3]));
        b.text = rest;
      }
    }
    break;
  }
  return found;
}
