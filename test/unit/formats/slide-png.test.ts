// Slide pictures are named so that a file list sorts them in slide order, however many there are.
import { describe, expect, it } from 'vitest';
import { slideFileNames } from '../../../src/formats/slide-png.js';

describe('slideFileNames', () => {
  it.each([1, 9, 99, 100, 999, 1000, 1204])('%i slides: one name each, name order is slide order', (count) => {
    const names = slideFileNames(count);
    expect(new Set(names).size).toBe(count);
    expect([...names].sort()).toEqual(names);
    const digits = Math.max(2, String(count).length);
    expect(names.every((n) => new RegExp(`^slides/\\d{${digits}}\\.png$`).test(n))).toBe(true);
  });

  it('numbers past 999 with four digits, from 0001', () => {
    const names = slideFileNames(1204);
    expect(names[0]).toBe('slides/0001.png');
    expect(names[999]).toBe('slides/1000.png');
    expect(names.at(-1)).toBe('slides/1204.png');
  });
});
