// Which font faces a document embeds (render/fonts.ts): the primary faces for the text's scripts, and a
// fallback family's faces only for characters the primary lacks, from the first fallback that has them.
import { describe, expect, it } from 'vitest';
import { FALLBACK_FAMILIES, fontCss } from '../../src/render/fonts.js';

const families = (css: string) => [...new Set([...css.matchAll(/font-family:'([^']+)'/g)].map((m) => m[1]))];

describe('fontCss', () => {
  it('embeds only Inter for Latin text, whatever the fallbacks offered', async () => {
    expect(families(await fontCss(['Inter', ...FALLBACK_FAMILIES], 'Iran · Israel – 60% …'))).toEqual(['Inter']);
  });

  it('draws a character Inter lacks from the first fallback family that has it, not from every one', async () => {
    // The arrow of a map's off-frame label: in Noto Sans SC's chunks and in Noto Sans KR's.
    const css = await fontCss(['Inter', ...FALLBACK_FAMILIES], 'United States →');
    expect(families(css)).toEqual(['Inter', 'Noto Sans SC']);
    expect(css.match(/font-family:'Noto Sans SC';font-style:normal;font-weight:(\d+)/g)).toHaveLength(2);
  });

  it('keeps each script its own family, in the order the themes list them', async () => {
    expect(families(await fontCss(['Inter', ...FALLBACK_FAMILIES], 'Iran ישראל إيران ไทย'))).toEqual(['Inter', 'Noto Sans Hebrew', 'Noto Sans Arabic', 'Noto Sans Thai']);
    // Hangul is in Noto Sans SC's chunks too, and SC comes first: the browser draws it from there.
    expect(families(await fontCss(['Inter', ...FALLBACK_FAMILIES], '한국'))).toEqual(['Inter', 'Noto Sans SC']);
    expect(families(await fontCss(['Inter', 'Noto Sans KR', 'Noto Sans SC'], '한국'))).toEqual(['Inter', 'Noto Sans KR']);
  });
});
