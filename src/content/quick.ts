// The quick parse of a content file: js-yaml (~5 times faster than the yaml library, and a fifth of its
// load time) for the value alone, no positions. It answers only for a file that it reads as the full
// parse (parse.ts) would and that passes every check; for anything else, and for every error, it
// declines and the full parse decides, so errors and their places are the full parse's.
//
// Where the two libraries differ (measured on the cases in test/unit/quick.test.ts), it declines:
// anchors and aliases (the full parse limits their expansion), tags (`!!float 1` is 1 in one and "1"
// in the other), a key written null or ~ ("null" against "").
import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'zod';
import { checkLimits, type Limits } from './limits.js';

/** An anchor, alias or tag where a YAML token starts. */
const NODE_PROPERTY = /(^|[\s[\]{},:?-])[&*!][^\s]/m;

/** The file's value checked against `schema`, or undefined: then the full parse must run. */
export function quickParse<S extends z.ZodType>(text: string, file: string, schema: S, limits: Limits): z.output<S> | undefined {
  const value = quickValue(text);
  if (value === undefined) return undefined;
  try {
    checkLimits(value, { file }, limits);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** A mapping as js-yaml reads it, or undefined where the two libraries might differ or js-yaml finds an error. */
export function quickValue(text: string): object | undefined {
  if (NODE_PROPERTY.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || hasNullKey(value)) return undefined;
  return value;
}

function hasNullKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasNullKey);
  if (!v || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, item]) => k === 'null' || hasNullKey(item));
}
