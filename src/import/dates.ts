// Finds the dates one sentence refers to: chrono-node against the article's date, resolved the way news is written.
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type * as ChronoEn from 'chrono-node/en';

// chrono-node's CommonJS build loads faster than its ES modules, and its English locale alone (the
// same casual parser `chrono.parse` uses) in a third of the time of every locale. It loads at the first
// parse: an import has sent its sentences to the names thread by then, which need not wait for it.
let chrono: typeof ChronoEn | undefined;
const en = (): typeof ChronoEn => (chrono ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEn);

export interface DateMention {
  /** YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the text is. */
  date: string;
  /** The words that gave it. */
  text: string;
  index: number;
}

const NUMBER = String.raw`(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a hundred|several|a few|few|many|some)`;
const UNIT = String.raw`(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?`;
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, 'a hundred': 100 };
/** "for twelve years", "within two weeks", "in 48 hours": a length of time, not a date. */
const DURATION = new RegExp(
  String.raw`^(?:for|in|within|during|over|after|under|up to|about|nearly|almost|some)?\s*(?:the\s+)?(?:(?:past|last|next|previous|following|coming|first)\s+)?${NUMBER}[\s-]+${UNIT}$`,
  'i',
);
/** "the next day", "the following week", "the day before": counted from the event just told, not from the article. */
const NEXT_FROM_EVENT = /^(?:the\s+)?(?:next|following|previous|preceding)\s+(?:day|morning|afternoon|evening|night|week|month|year)$|^the\s+(?:day|week|month|year)\s+(?:before|after)$/i;
/** "ten days before", "two weeks after": counted from another event, not from the article. */
const OFFSET = new RegExp(String.raw`^${NUMBER}[\s-]+${UNIT}\s+(?:before|after|earlier|later|prior|since|from|into|on)\b`, 'i');
const AGO = new RegExp(String.raw`^(${NUMBER})[\s-]+(${UNIT})\s+ago$`, 'i');
const VAGUE = /^(?:now|right now|currently|recently|soon|this week|lately|these days)$/i;
const WEEKEND = /^(?:this|last|the past|the)\s+weekend$/i;
/** Words that make a sentence about the future, so a bare weekday or month means the next one. */
const FORWARD = /\b(?:will|shall|won't|'ll|is to|are to|set to|to take place|scheduled|planned for|plans to|expected to|upcoming|next|due to|is due|are due|going to|hopes? to|hoped to|aims? to|would be held|to be held|coming)\b/i;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The Monday of the week `weeks` weeks from the reference (negative: before it). */
function mondayOf(ref: Date, weeks: number): string {
  const t = new Date(ref);
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7) + 7 * weeks);
  return day(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function countOf(word: string): number {
  const w = word.toLowerCase();
  return /^\d+$/.test(w) ? Number(w) : (NUMBERS[w] ?? 0);
}

/** "a decade ago" → year − 10, "five years ago" → year − 5, "three months ago" → that month, "two weeks ago" → that day. */
function ago(m: RegExpMatchArray, ref: Date): string | undefined {
  const n = countOf(m[1] ?? '');
  const unit = (m[2] ?? '').toLowerCase().replace(/s$/, '');
  if (!n) return undefined;
  const t = new Date(ref);
  if (unit === 'decade' || unit === 'year' || unit === 'century' || unit === 'centurie') {
    const years = unit === 'decade' ? 10 * n : unit === 'year' ? n : 100 * n;
    return String(t.getUTCFullYear() - years);
  }
  if (unit === 'month') {
    t.setUTCMonth(t.getUTCMonth() - n, 1);
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
  }
  const days = unit === 'week' ? 7 * n : unit === 'fortnight' ? 14 * n : unit === 'day' || unit === 'night' ? n : 0;
  if (!days) return undefined;
  t.setUTCDate(t.getUTCDate() - days);
  return day(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Relative phrases chrono resolves to a precise day although they name a week, month or year. */
function relativePeriod(text: string, ref: Date): string | undefined {
  const m = text.toLowerCase().match(/^(last|past|previous|this|next|coming)\s+(week|month|year)$/);
  if (!m) return undefined;
  const step = m[1] === 'this' ? 0 : m[1] === 'next' || m[1] === 'coming' ? 1 : -1;
  if (m[2] === 'week') return step === 0 ? undefined : mondayOf(ref, step);
  if (m[2] === 'year') return String(ref.getUTCFullYear() + step);
  const t = new Date(ref);
  t.setUTCMonth(t.getUTCMonth() + step, 1);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
}

/** Puts a year-less month/day (or weekday) on the side of the reference the sentence points to. */
function resolveYearless(month: number, dayOfMonth: number | undefined, ref: Date, forward: boolean): string {
  const y = ref.getUTCFullYear();
  const refKey = (ref.getUTCMonth() + 1) * 100 + ref.getUTCDate();
  const key = month * 100 + (dayOfMonth ?? (forward ? 31 : 1));
  const year = forward ? (key >= refKey ? y : y + 1) : key <= refKey ? y : y - 1;
  return dayOfMonth === undefined ? `${year}-${pad(month)}` : day(year, month, dayOfMonth);
}

function resolveWeekday(weekday: number, ref: Date, forward: boolean): string {
  const t = new Date(ref);
  const diff = (weekday - t.getUTCDay() + 7) % 7;
  t.setUTCDate(t.getUTCDate() + (forward ? diff : diff === 0 ? 0 : diff - 7));
  return day(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** One chrono result as a partial date, or undefined when it is a duration, an offset or no date at all. */
function fromChrono(r: Chrono.ParsedResult, before: string, ref: Date, forward: boolean): string | undefined {
  const text = r.text.trim().replace(/[,.]$/, '');
  if (VAGUE.test(text) || DURATION.test(text) || OFFSET.test(text)) return undefined;
  if ((/^the\s/i.test(text) && NEXT_FROM_EVENT.test(text)) || /^the\s+(?:day|week|month|year)\s+(?:before|after)$/i.test(text) || (/\bthe\s+$/i.test(before) && NEXT_FROM_EVENT.test(`the ${text}`))) return undefined;
  if (/\b(?:for|over|during|within)\s+(?:the\s+)?$/i.test(before) && DURATION.test(`the ${text}`)) return undefined;
  if (WEEKEND.test(text)) return resolveWeekday(6, ref, forward && !/^last/i.test(text));
  const agoMatch = text.match(AGO);
  if (agoMatch) return ago(agoMatch, ref);
  const period = relativePeriod(text, ref);
  if (period || /^(?:this|next|last|past)\s+(?:week|month|year)$/i.test(text)) return period;
  return fromComponents(r.start, text, r.tags().has('result/relativeDate'), ref, forward);
}

function fromComponents(s: Chrono.ParsedComponents, text: string, relative: boolean, ref: Date, forward: boolean): string | undefined {
  const known = (c: Chrono.Component) => s.isCertain(c);
  const year = s.get('year');
  const month = s.get('month');
  const date = s.get('day');
  if (known('day') && month && date && year) {
    return known('year') || /ago|yesterday|today|tomorrow|last|next|this/i.test(text) || relative
      ? day(year, month, date)
      : resolveYearless(month, date, ref, forward);
  }
  if (known('weekday') && !known('day')) {
    const wd = s.get('weekday');
    return wd === null ? undefined : resolveWeekday(wd, ref, forward);
  }
  if (known('month') && month) return known('year') && year ? `${year}-${pad(month)}` : resolveYearless(month, undefined, ref, forward);
  if (known('year') && year) return String(year);
  return undefined;
}

/** Four-digit years chrono left alone: "the 2015 deal", "since 2008" (not "2000 people", not "$2015"). */
function bareYears(sentence: string, taken: [number, number][], ref: Date): DateMention[] {
  const out: DateMention[] = [];
  for (const m of sentence.matchAll(/\b(1[5-9]\d\d|20\d\d)\b(?!['’]?s\b)/g)) {
    const at = m.index ?? 0;
    if (taken.some(([a, b]) => at >= a && at < b)) continue;
    const before = sentence.slice(Math.max(0, at - 3), at);
    const after = sentence.slice(at + 4, at + 30);
    if (/[$€£#]\s?$|\d[.,]$/.test(before) || /^[.,]\d|^\s*(?:%|per ?cent|-\d)/.test(after)) continue;
    if (/^\s+(?:people|persons|men|women|children|police|staff|troops|voters|residents|tons|km|kg|metres|meters|miles|feet)\b/.test(after)) continue;
    if (/^\s+[a-z]+s\b/.test(after) && !/^\s+(?:elections?|games|olympics|talks|protests|attacks|riots|polls|accords|series)\b/.test(after)) continue;
    if (Number(m[1]) > ref.getUTCFullYear() + 10) continue;
    out.push({ date: m[1] ?? '', text: m[1] ?? '', index: at });
  }
  return out;
}

/** The article's date as the instant chrono resolves against: noon UTC, so every machine agrees. */
export function referenceOf(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00Z`);
}

/** Words without which chrono finds nothing; sentences without any skip the (slow) parse. */
const MAYBE_DATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|week|month|year|decade|weekend|morning|evening|noon|midnight|spring|summer|autumn|winter|christmas)/i;

/** Every date a sentence refers to, in order. */
export function datesIn(sentence: string, ref: Date): DateMention[] {
  const forward = FORWARD.test(sentence);
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  const parsed = MAYBE_DATE.test(sentence) ? en().parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false }) : [];
  for (const r of parsed) {
    taken.push([r.index, r.index + r.text.length]);
    const date = fromChrono(r, sentence.slice(Math.max(0, r.index - 12), r.index), ref, forward);
    if (date) found.push({ date, text: r.text.trim(), index: r.index });
    // "from November 20 to December 11": the end of a range is a date of its own.
    const end = date && r.end ? fromComponents(r.end, r.text, false, ref, forward) : undefined;
    if (end && end !== date) found.push({ date: end, text: r.text.trim(), index: r.index + 1 });
  }
  for (const m of sentence.matchAll(new RegExp(String.raw`\b(${NUMBER})[\s-]+(${UNIT})\s+ago\b`, 'gi'))) {
    const at = m.index ?? 0;
    if (taken.some(([a, b]) => at >= a && at < b)) continue;
    const date = ago(m, ref);
    if (date) found.push({ date, text: m[0], index: at });
  }
  found.push(...bareYears(sentence, taken, ref));
  return found.sort((a, b) => a.index - b.index);
}
