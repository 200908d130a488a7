// The units a stacked part is laid out in (leads and items), and texts too long for a slide split at sentences.
import Handlebars from './handlebars.js';
import { splitText } from '../layout/sentences.js';
import type { Safe } from './view.js';

/** A lead paragraph or a list item of a part, with its number in the part and its nested points. */
export interface Unit<T> {
  lead?: Safe;
  item?: T;
  /** 1-based position among the part's items (leads: 0). */
  number: number;
  subs?: unknown[];
  /** Index of the unit before any text was split (what FitSettings.splits names). */
  raw?: number;
}

/** Fields that carry an item's running text, the first one present being the one split. */
const TEXT_FIELDS = ['text', 'meaning', 'event', 'description', 'role'] as const;

/**
 * Splits the units named in `splits` (unit index → pieces) at sentence boundaries: a lead into several
 * leads; an item into several items, the first keeping its number, the last its citations and nested
 * points, the others marked `textPart` (drawn without a bullet number).
 */
export function splitItems<T>(units: Unit<T>[], splits: Record<number, number>): Unit<T>[] {
  return units.flatMap((unit, i) => {
    const u = { ...unit, raw: i };
    const k = splits[i] ?? 1;
    if (k < 2) return [u];
    if (u.lead) return splitText(String(u.lead), k).map((t) => ({ ...u, lead: new Handlebars.SafeString(t) }));
    const item = u.item;
    if (!item || typeof item !== 'object') return [u];
    const field = TEXT_FIELDS.find((f) => f in item && (item as Record<string, unknown>)[f] instanceof Handlebars.SafeString);
    if (!field) return [u];
    const pieces = splitText(String((item as Record<string, unknown>)[field]), k);
    return pieces.map((t, j) => {
      const last = j === pieces.length - 1;
      const piece = { ...item, [field]: new Handlebars.SafeString(t), textPart: j > 0, ...(last ? {} : { cites: [], points: [] }) };
      return { ...u, item: piece, subs: last ? u.subs : [] };
    });
  });
}
