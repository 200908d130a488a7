// Slide planning is a pure decision: model → views → a plan, checked here without Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../../src/content/parse.js';
import { buildView } from '../../../src/render/view.js';
import { noFit, planSlides, PROBE_LEVELS } from '../../../src/render/slides.js';
import { FLOOR_LEVEL, SHRINK_LEVEL } from '../../../src/layout/pack.js';
import { chunk } from '../../../src/render/estimate.js';
import { CONTENT, FIXTURES } from '../../helpers/paths.js';

const viewOf = (file: string) => buildView(parseBriefing(readFileSync(file), file), 'x', 'markdown');

describe('planSlides', () => {
  it('opens with the title and the bottom line, numbers slides in order, keys them stably', () => {
    const slides = planSlides(viewOf(path.join(CONTENT, 'us-iran-nuclear-talks.yaml')));
    expect(slides.slice(0, 4).map((s) => s.kind)).toEqual(['title', 'bluf', 'keyfigures', 'keypoints']);
    expect(slides.map((s) => s.number)).toEqual(slides.map((_, i) => i + 1));
    expect(new Set(slides.map((s) => s.key)).size).toBe(slides.length);
    expect(slides.at(-1)?.kind).toBe('sources');
  });

  it('continues a long part over slides headed (i/n), numbering its items on', () => {
    const slides = planSlides(viewOf(path.join(FIXTURES, 'stress.yaml')));
    const parts = new Map<string, typeof slides>();
    for (const s of slides) parts.set(s.part, [...(parts.get(s.part) ?? []), s]);
    const long = [...parts.values()].find((p) => p.length > 1);
    expect(long).toBeDefined();
    if (!long) return;
    long.forEach((s, i) => {
      expect(s.page).toEqual({ i: i + 1, n: long.length });
      expect(s.plainHeading).toMatch(new RegExp(`\\(${i + 1}/${long.length}\\)$`));
    });
    for (let i = 1; i < long.length; i++) expect(long[i]?.start).toBe((long[i - 1]?.start ?? 0) + (long[i - 1]?.items.length ?? 0));
  });

  it('lays a part out as the fit engine planned it, and sets a slide text level by its key', () => {
    const view = viewOf(path.join(CONTENT, 'us-iran-nuclear-talks.yaml'));
    const fit = noFit();
    // Two key points a slide, at the first shrink level.
    const n = view.keyPoints.length;
    fit.plans.keyPoints = { level: 1, slides: Array.from({ length: Math.ceil(n / 2) }, (_, i) => [i * 2, i * 2 + 1].filter((k) => k < n).map((block) => ({ block }))) };
    fit.shrink['bluf'] = 2;
    const slides = planSlides(view, fit);
    const kp = slides.filter((s) => s.part === 'keyPoints');
    expect(kp.length).toBe(Math.ceil(n / 2));
    expect(kp.every((s) => s.items.length <= 2 && s.classes.includes('fit-1'))).toBe(true);
    expect(kp.reduce((k, s) => k + s.items.length, 0)).toBe(n);
    expect(slides.find((s) => s.key === 'bluf')?.classes).toContain('fit-2');
  });

  it('draws an undecided part whole at the theme\'s size and 15% smaller, or at the theme\'s size alone when it is estimated well short of a slide', () => {
    const view = viewOf(path.join(CONTENT, 'us-iran-nuclear-talks.yaml'));
    const fit = noFit();
    const probesOf = (part: string) => planSlides(view, fit).filter((s) => s.part === part).map((s) => s.probe);
    // The indicators are short (estimated 72% of a slide); the key points are not.
    expect(probesOf('indicators')).toEqual([0]);
    expect(probesOf('keyPoints')).toEqual(PROBE_LEVELS);
    expect(PROBE_LEVELS).toEqual([0, SHRINK_LEVEL]);
    // The fit engine asks for the other levels when the one probe did not fit, and for the floor's when
    // the layout turns on it. Probes of a part drawn at several levels go without header and footer.
    fit.probes.indicators = [SHRINK_LEVEL];
    expect(probesOf('indicators')).toEqual([SHRINK_LEVEL]);
    fit.probes.keyPoints = [FLOOR_LEVEL];
    expect(probesOf('keyPoints')).toEqual([FLOOR_LEVEL]);
    expect(planSlides(view, noFit()).filter((s) => s.part === 'keyPoints').map((s) => s.bare)).toEqual([true, true]);
    expect(planSlides(view, noFit()).filter((s) => s.part === 'indicators').map((s) => s.bare)).toEqual([undefined]);
  });

  it('marks right-to-left decks on every slide', () => {
    const slides = planSlides(viewOf(path.join(CONTENT, 'us-iran-nuclear-talks.he.yaml')));
    expect(slides.every((s) => s.classes.split(' ').includes('rtl'))).toBe(true);
  });
});

describe('chunk', () => {
  it('uses as few slides as the capacity allows, filled as evenly as that allows', () => {
    expect(chunk([1, 1, 1, 1, 1], 3, (x) => x).map((c) => c.length)).toEqual([3, 2]);
    expect(chunk([1, 1, 1, 1, 1, 1, 1], 6, (x) => x).map((c) => c.length)).toEqual([4, 3]);
    expect(chunk([5], 3, (x) => x)).toEqual([[5]]);
  });
});
