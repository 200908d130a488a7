// ISO 3166-1 codes, from i18n-iso-countries' own table (codes.json): its main module also loads the
// names of every country in every language it has (~20 ms of a cold build), which briefdeck never uses
// (Intl.DisplayNames names countries in the briefing's language).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Tables {
  /** alpha-2 → alpha-3 */
  alpha2: Map<string, string>;
  /** alpha-3 → alpha-2 */
  alpha3: Map<string, string>;
  /** alpha-2 → numeric, zero-padded ("364") */
  numeric: Map<string, string>;
}

let tables: Tables | undefined;

function read(): Tables {
  if (tables) return tables;
  const codes = require('i18n-iso-countries/codes.json') as [string, string, string, ...string[]][];
  tables = { alpha2: new Map(), alpha3: new Map(), numeric: new Map() };
  for (const [a2, a3, n] of codes) {
    tables.alpha2.set(a2, a3);
    tables.alpha3.set(a3, a2);
    tables.numeric.set(a2, n);
  }
  return tables;
}

/** Whether `a2` (upper case) is an assigned alpha-2 code. */
export const isAlpha2 = (a2: string): boolean => read().alpha2.has(a2);
/** The alpha-2 code of an alpha-3 one (upper case). */
export const alpha3ToAlpha2 = (a3: string): string | undefined => read().alpha3.get(a3);
/** The numeric code of an alpha-2 one, zero-padded ("364" for IR). */
export const alpha2ToNumeric = (a2: string): string | undefined => read().numeric.get(a2);
