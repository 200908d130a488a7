// Dates and markings as a reader sees them: "14 April 2025" in the briefing's language; TLP labels normalised.
import { normalizeSpace } from './runs.js';

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
