// The fit engine's decisions from one pass's measures (decide.ts), without Chromium: a part measured at
// the theme's size alone is decided at once when it fits one slide, and measured at the smaller sizes
// first when it does not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { decideParts, needsFloor, type PartMemory } from '../../src/fit/decide.js';
import { FLOOR_LEVEL } from '../../src/layout/pack.js';
import type { SlideMeasure } from '../../src/fit/measure.js';
import { buildView } from '../../src/render/view.js';
import { noFit, planSlides, PROBE_LEVELS, type Slide } from '../../src/render/slides.js';
import { CONTENT } from '../helpers/paths.js';

const file = path.join(CONTENT, 'us-iran-nuclear-talks.yaml');
const view = buildView(parseBriefing(readFileSync(file), file), 'x', 'markdown');
const ROOM = 480;

/** Measures for the slides as drawn: each block `height` high (the part's own blocks `own` high). */
function measured(slides: Slide[], part: string, own: number): SlideMeasure[] {
  return slides.map((s) => {
    const h = s.part === part ? own : 40;
    const blocks = (s.pieces ?? []).map(() => ({ height: h }));
    const used = blocks.reduce((a, b) => a + b.height, 0);
    return { number: s.number, overflowY: used - ROOM, overflowX: 0, blocks, room: ROOM, fill: Math.min(1, used / ROOM) };
  });
}

describe('decideParts with one probe', () => {
  const decide = (own: number) => {
    const fit = noFit();
    const slides = planSlides(view, fit);
    expect(slides.filter((s) => s.part === 'indicators').map((s) => s.probe)).toEqual([0]);
    decideParts(fit, slides, measured(slides, 'indicators', own), new Map<string, PartMemory>(), 1);
    return fit;
  };

  it('decides a part that fits one slide at the theme\'s size from that one measurement', () => {
    const fit = decide(40);
    expect(fit.probes.indicators).toBeUndefined();
    expect(fit.plans.indicators?.slides).toHaveLength(1);
    expect(fit.plans.indicators?.level).toBeLessThanOrEqual(0);
  });

  it('asks for the smaller sizes, deciding nothing yet, when it does not fit after all', () => {
    const fit = decide(200);
    expect(fit.probes.indicators).toEqual(PROBE_LEVELS.slice(1));
    expect(fit.plans.indicators).toBeUndefined();
    const next = planSlides(view, fit).filter((s) => s.part === 'indicators');
    expect(next.map((s) => s.probe)).toEqual(PROBE_LEVELS.slice(1));
  });
});

describe('the floor\'s size, measured only when the layout turns on it', () => {
  /** The key points' probes measured with their first block `first` high and the others `rest`. */
  const decide = (first: number, rest: number) => {
    const fit = noFit();
    const slides = planSlides(view, fit);
    expect(slides.filter((s) => s.part === 'keyPoints').map((s) => s.probe)).toEqual(PROBE_LEVELS);
    const measures = measured(slides, 'keyPoints', rest).map((m, i) => {
      if (slides[i]?.part !== 'keyPoints') return m;
      return { ...m, blocks: m.blocks.map((b, k) => (k === 0 ? { height: first } : b)) };
    });
    decideParts(fit, slides, measures, new Map<string, PartMemory>(), 1);
    return fit;
  };

  it('decides a split that balances from the two sizes measured', () => {
    const fit = decide(300, 300);
    expect(fit.probes.keyPoints).toBeUndefined();
    expect(fit.plans.keyPoints?.slides.length).toBeGreaterThan(1);
  });

  it('measures the floor first when the split would stay unbalanced (the packer then looks on towards it)', () => {
    const fit = decide(420, 40);
    expect(fit.probes.keyPoints).toEqual([FLOOR_LEVEL]);
    expect(fit.plans.keyPoints).toBeUndefined();
    expect(planSlides(view, fit).filter((s) => s.part === 'keyPoints').map((s) => s.probe)).toEqual([FLOOR_LEVEL]);
  });

  it('names the layouts that may change with the floor\'s heights', () => {
    const at = (level: number, loads: number[]) => ({ level, slides: loads.map((_l, i) => [{ block: i }]), fullest: 1, balance: Math.min(...loads) / Math.max(...loads), tooTall: [] as number[] });
    expect(needsFloor(at(0, [1]))).toBe(false);
    expect(needsFloor(at(3, [1, 0.8]))).toBe(false);
    expect(needsFloor(at(0, [1, 0.3]))).toBe(true);
    expect(needsFloor(at(4, [1]))).toBe(true);
    expect(needsFloor({ ...at(5, [1]), tooTall: [0] })).toBe(true);
  });
});

describe('probes of a section with a chart beside its points', () => {
  it('each carry the chart, so that every text size is measured at the width the points will have', () => {
    const probes = planSlides(view, noFit()).filter((s) => s.part === 'section-1');
    expect(probes.map((s) => s.probe)).toEqual(PROBE_LEVELS);
    for (const p of probes) {
      expect(p.classes.split(' ')).toContain('with-figure');
      expect(p.chart).toBeDefined();
    }
  });

  it('keeps the chart on the first slide alone once the part is split', () => {
    const fit = noFit();
    fit.plans['section-1'] = { level: 0, slides: [[{ block: 0 }, { block: 1 }], [{ block: 2 }, { block: 3 }]] };
    const slides = planSlides(view, fit).filter((s) => s.part === 'section-1');
    expect(slides.map((s) => s.classes.split(' ').includes('with-figure'))).toEqual([true, false]);
    expect(slides.map((s) => s.chart !== undefined)).toEqual([true, false]);
  });
});
