// The country-code tables read from i18n-iso-countries' codes.json answer as its full module does.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { alpha2ToNumeric, alpha3ToAlpha2, isAlpha2 } from '../../src/content/iso-codes.js';

const require = createRequire(import.meta.url);
const full = require('i18n-iso-countries') as {
  getAlpha2Codes(): Record<string, string>;
  isValid(c: string): boolean;
  alpha3ToAlpha2(c: string): string | undefined;
  alpha2ToNumeric(c: string): string | undefined;
};

describe('ISO 3166-1 codes', () => {
  it('agree with i18n-iso-countries for every code it knows, and for codes it does not', () => {
    const alpha2 = full.getAlpha2Codes();
    expect(Object.keys(alpha2).length).toBeGreaterThan(240);
    for (const [a2, a3] of Object.entries(alpha2)) {
      expect(isAlpha2(a2)).toBe(true);
      expect(alpha3ToAlpha2(a3)).toBe(a2);
      expect(alpha2ToNumeric(a2)).toBe(full.alpha2ToNumeric(a2));
    }
    for (const code of ['XX', 'ZZ', 'UK', 'EU']) expect(isAlpha2(code)).toBe(full.isValid(code));
    for (const code of ['XXX', 'GBX', 'ABC']) expect(alpha3ToAlpha2(code)).toBe(full.alpha3ToAlpha2(code));
    expect(alpha2ToNumeric('IR')).toBe('364');
    expect(alpha3ToAlpha2('IRN')).toBe('IR');
  });
});
