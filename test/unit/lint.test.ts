// Content warnings: each one fires on the content it is about, and not on the example briefings.
import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/content/load.js';
import { parseBriefing } from '../../src/content/parse.js';
import { formatLint, lintBriefing, sentences } from '../../src/content/lint.js';
import { EXAMPLE, EXAMPLE_HE } from '../helpers/paths.js';

const SOURCES = 'sources:\n  - id: a\n    title: A\n';
const lint = (yaml: string) => lintBriefing(parseBriefing(Buffer.from(`title: T\ndate: "2025-01-02"\n${yaml}`), 'x.yaml'));
const base = (extra = '', keyPoints = '  - K\n', bluf = 'B.') => `bluf: ${bluf}\nkeyPoints:\n${keyPoints}${extra}${SOURCES}`;

describe('content warnings', () => {
  it('none for the example briefings', async () => {
    for (const f of [EXAMPLE, EXAMPLE_HE]) expect(lintBriefing((await loadBriefing(f)).briefing)).toEqual([]);
  });

  it('an empty section', () => {
    expect(lint(base('sections:\n  - title: Nothing here\n'))).toEqual([
      { path: ['sections', 0], message: 'section "Nothing here" is empty', hint: 'give it points (or a lead), or remove it' },
    ]);
  });

  it('a key point over 60 words', () => {
    const long = Array.from({ length: 61 }, () => 'word').join(' ');
    expect(lint(base('', `  - ${long}\n`))).toEqual([
      { path: ['keyPoints', 0], message: 'key point 1 has 61 words', hint: 'keep a key point under 60 words; move detail into a section' },
    ]);
    expect(lint(base('', `  - ${Array.from({ length: 60 }, () => 'word').join(' ')}\n`))).toEqual([]);
  });

  it('more than 8 key points', () => {
    const nine = Array.from({ length: 9 }, (_v, i) => `  - Point ${i + 1}\n`).join('');
    expect(lint(base('', nine))).toEqual([{ path: ['keyPoints'], message: '9 key points', hint: 'keep the 8 that matter most; put the others in a section' }]);
  });

  it('a BLUF over 3 sentences (a decimal or an initial does not end one)', () => {
    expect(lint(base('', '  - K\n', 'One. Two. Three. Four.'))).toEqual([
      { path: ['bluf'], message: 'the bottom line runs to 4 sentences', hint: 'say it in 3 or fewer; move the rest into key points' },
    ]);
    expect(sentences('Iran enriches to 3.67 per cent. The U.S. left. Talks resumed.', 'en')).toBe(3);
    expect(sentences('ארה"ב חידשה את השיחות. ישראל חוששת.', 'he')).toBe(2);
  });

  it('a section image without points', () => {
    const w = lint(base('sections:\n  - title: Map\n    image: { path: map.png, alt: A map }\n'));
    expect(w).toEqual([
      { path: ['sections', 0, 'image'], message: 'section "Map" has an image but no points', hint: 'add the points the image illustrates, or give the image a section with points' },
    ]);
  });

  it('a source never cited (the first, the briefing\'s own, excepted)', () => {
    const w = lint('bluf: B.\nkeyPoints:\n  - K\nsources:\n  - { id: a, title: A }\n  - { id: b, title: B }\n');
    expect(w).toEqual([{ path: ['sources', 1], message: 'source "b" is never cited', hint: 'cite it with sources: [b] where it is used, or remove it' }]);
  });

  it('citations that read out of order', () => {
    const w = lint('bluf: B.\nkeyPoints:\n  - { text: K, sources: [c] }\n  - { text: L, sources: [b] }\nsources:\n  - { id: a, title: A }\n  - { id: b, title: B }\n  - { id: c, title: C }\n');
    expect(w).toEqual([
      {
        path: ['keyPoints', 1, 'sources', 0],
        message: 'citations read out of order (3, 2): source "b" is number 2 but first cited after a higher number',
        hint: 'list the sources in the order they are first cited: a, c, b',
      },
    ]);
    expect(formatLint(w[0] as (typeof w)[number])).toBe(
      'keyPoints[1].sources[0]: citations read out of order (3, 2): source "b" is number 2 but first cited after a higher number (list the sources in the order they are first cited: a, c, b)',
    );
  });
});
