// The ranges a huge deck is printed and photographed in (src/output/slide-window.ts, pdf-chunks.ts).
import { describe, expect, it } from 'vitest';
import { windows } from '../../src/output/slide-window.js';
import { CHUNK_SLIDES, chunkSlides } from '../../src/output/pdf-chunks.js';

describe('windows', () => {
  it('is one range for a deck no longer than a window', () => {
    expect(windows(250, 250)).toEqual([[0, 250]]);
    expect(windows(1, 100)).toEqual([[0, 1]]);
  });

  it('cuts a longer deck into even ranges, none over the size, that cover every slide once', () => {
    expect(windows(251, 250)).toEqual([[0, 126], [126, 251]]);
    for (const [count, size] of [[961, 250], [1060, 250], [210, 60], [1000, 100], [7, 3]] as const) {
      const ranges = windows(count, size);
      expect(ranges[0]?.[0]).toBe(0);
      expect(ranges.at(-1)?.[1]).toBe(count);
      ranges.forEach(([from, to], i) => {
        expect(to - from).toBeLessThanOrEqual(size);
        expect(to).toBeGreaterThan(from);
        if (i > 0) expect(from).toBe(ranges[i - 1]?.[1]);
      });
      expect(ranges).toHaveLength(Math.ceil(count / size));
    }
  });
});

describe('chunkSlides', () => {
  it('is 250 unless BRIEFDECK_PDF_CHUNK_SLIDES gives a positive integer', () => {
    expect(CHUNK_SLIDES).toBe(250);
    expect(chunkSlides({})).toBe(250);
    expect(chunkSlides({ BRIEFDECK_PDF_CHUNK_SLIDES: '40' })).toBe(40);
    for (const bad of ['0', '-3', '2.5', 'many', '']) expect(chunkSlides({ BRIEFDECK_PDF_CHUNK_SLIDES: bad })).toBe(250);
  });
});
