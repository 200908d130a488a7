// The fit engine's decisions, from measured heights alone: shrink before splitting, balanced parts, nested splits, sentence splits.
import { describe, expect, it } from 'vitest';
import { BALANCE, CENTRE_BELOW, FLOOR_LEVEL, GROW_FILL, GROW_LEVEL, layoutPart, SHRINK_LEVEL, type Block } from '../../../src/layout/pack.js';
import { splitText } from '../../../src/layout/sentences.js';

const blocks = (...h: number[]): Block[] => h.map((height) => ({ height }));
const counts = (l: ReturnType<typeof layoutPart>) => l.slides.map((s) => s.length);

describe('layoutPart', () => {
  it('keeps a part that fits on one slide at the theme size', () => {
    const l = layoutPart({ blocks: blocks(100, 100, 100), level: 0, room: 400 });
    expect(l.level).toBe(0);
    expect(counts(l)).toEqual([3]);
  });

  it('shrinks up to 15% rather than split a part that just runs over', () => {
    // 5 × 100 = 500 px in 450: at 22.1 px text it fits.
    const l = layoutPart({ blocks: blocks(100, 100, 100, 100, 100), level: 0, room: 450 });
    expect(l.slides).toHaveLength(1);
    expect(l.level).toBeGreaterThan(0);
    expect(l.level).toBeLessThanOrEqual(SHRINK_LEVEL);
  });

  it('uses exact heights measured at a level rather than guesses', () => {
    const at = { 0: blocks(100, 100, 100, 100, 100), [SHRINK_LEVEL]: blocks(95, 95, 95, 95, 95) };
    // Measured at 15% smaller the part is still 475 px: it must split.
    const l = layoutPart({ blocks: at[0], level: 0, at, room: 450 });
    expect(l.slides.length).toBe(2);
  });

  it('balances a split: no continuation slide under 60% of the fullest, never a lone short item', () => {
    const l = layoutPart({ blocks: blocks(...Array(9).fill(100)), level: 0, at: { 1: blocks(...Array(9).fill(100)), 2: blocks(...Array(9).fill(100)), 3: blocks(...Array(9).fill(100)) }, room: 420 });
    expect(counts(l)).toEqual([3, 3, 3]);
    expect(l.balance).toBeGreaterThanOrEqual(BALANCE);
  });

  it('splits nested points with the parent repeated, and puts every nested point on exactly one slide', () => {
    const parent: Block = { height: 40 + 100 * 30 + 10, head: 40, subs: Array(100).fill(30), tail: 10 };
    const all = Array.from({ length: 5 }, () => ({ ...parent, subs: [...(parent.subs ?? [])] }));
    const at = Object.fromEntries([0, 1, 2, 3, 4, 5].map((l) => [l, all]));
    const l = layoutPart({ blocks: all, level: 0, at, room: 560 });
    const seen = new Map<number, number[]>();
    for (const slide of l.slides) {
      for (const p of slide) {
        expect(p.from).toBeDefined();
        const list = seen.get(p.block) ?? [];
        for (let j = p.from ?? 0; j < (p.to ?? 0); j++) list.push(j);
        seen.set(p.block, list);
      }
    }
    for (let b = 0; b < 5; b++) expect(seen.get(b)).toEqual([...Array(100).keys()]);
    expect(l.fullest).toBeLessThanOrEqual(1);
  });

  it('names a block too tall even at the floor, for its text to be split', () => {
    const l = layoutPart({ blocks: blocks(100, 5000), level: FLOOR_LEVEL, room: 500 });
    expect(l.tooTall).toEqual([1]);
  });

  it('grows the text of a short part, keeping it on its slide within GROW_FILL of the room, and centres it', () => {
    const l = layoutPart({ blocks: blocks(60, 60, 60), level: 0, room: 480 });
    expect(l.level).toBe(GROW_LEVEL);
    expect(l.slides).toHaveLength(1);
    expect(l.fullest).toBeLessThanOrEqual(GROW_FILL);
    expect(l.fullest).toBeLessThan(CENTRE_BELOW);
    expect(l.centre).toBe(true);
  });

  it('grows only as far as the room allows, and neither grows nor centres a full slide', () => {
    // 300 px of 400 at the theme's size: 28 px text would pass GROW_FILL, so it stays.
    const full = layoutPart({ blocks: blocks(100, 100, 100), level: 0, room: 400 });
    expect(full.level).toBe(0);
    expect(full.centre).toBeUndefined();
    // 290 px of 480: one grow level fits within GROW_FILL, the next would not.
    const some = layoutPart({ blocks: blocks(145, 145), level: 0, room: 480 });
    expect(some.level).toBeLessThan(0);
    expect(some.fullest).toBeLessThanOrEqual(GROW_FILL);
    expect(some.slides).toHaveLength(1);
  });

  it('grows a split part only when it keeps as many slides, balanced', () => {
    const l = layoutPart({ blocks: blocks(...Array(6).fill(100)), level: 0, room: 420 });
    expect(l.slides.length).toBe(2);
    expect(l.level).toBeLessThanOrEqual(0);
    expect(l.balance).toBeGreaterThanOrEqual(BALANCE);
    expect(l.fullest).toBeLessThanOrEqual(1);
    expect(l.centre).toBeUndefined();
  });

  it('never grows a part that had to shrink', () => {
    const l = layoutPart({ blocks: blocks(100, 100, 100, 100, 100), level: 0, room: 450 });
    expect(l.level).toBeGreaterThan(0);
    expect(l.centre).toBeUndefined();
  });

  it('decides a thousand blocks quickly enough to be called on every pass', () => {
    const many = blocks(...Array.from({ length: 1000 }, (_v, i) => 40 + (i % 7) * 10));
    const l = layoutPart({ blocks: many, level: 0, room: 560 });
    expect(l.slides.flat()).toHaveLength(1000);
  });
});

describe('splitText', () => {
  it('cuts at sentence ends into pieces of about equal length, losing nothing', () => {
    const text = Array.from({ length: 40 }, (_v, i) => `Sentence number ${i} ends here.`).join(' ');
    const pieces = splitText(text, 4);
    expect(pieces).toHaveLength(4);
    expect(pieces.join(' ')).toBe(text);
    for (const p of pieces) expect(p.endsWith('.')).toBe(true);
  });

  it('never cuts inside a link or emphasis', () => {
    const text = 'First part. [A link. With a stop](https://example.org/a.b) goes on. **Bold. Still bold** ends. Last one.';
    for (const p of splitText(text, 3)) {
      expect((p.match(/\[/g) ?? []).length).toBe((p.match(/\]/g) ?? []).length);
      expect((p.match(/\*\*/g) ?? []).length % 2).toBe(0);
    }
  });

  it('falls back to word boundaries for one long sentence', () => {
    const text = Array.from({ length: 200 }, (_v, i) => `w${i}`).join(' ');
    const pieces = splitText(text, 3);
    expect(pieces).toHaveLength(3);
    expect(pieces.join(' ')).toBe(text);
  });
});
