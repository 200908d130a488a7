// The analysts' fields (issue 15): judgements on any point with ICD 203 synonyms, Admiralty grades,
// partial dates, timeline ranges, key figures, charts and the map; and the errors that teach YAML.
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { BriefdeckError, type Diagnostic } from '../../src/errors.js';

const HEAD = 'title: T\ndate: "2025-01-02"\nbluf: B.\nkeyPoints:\n  - K\n';
const SOURCES = 'sources:\n  - id: a\n    title: A\n';

const ok = (yaml: string) => parseBriefing(Buffer.from(HEAD + yaml), 'x.yaml');
function errors(yaml: string): Diagnostic[] {
  try {
    ok(yaml);
  } catch (e) {
    expect(e).toBeInstanceOf(BriefdeckError);
    return (e as BriefdeckError).diagnostics;
  }
  throw new Error('expected the content to be rejected');
}
function only(yaml: string): Diagnostic {
  const d = errors(yaml);
  expect(d, JSON.stringify(d, null, 2)).toHaveLength(1);
  return d[0] as Diagnostic;
}

describe('judgements', () => {
  it('normalises ICD 203 synonyms to the canonical term, on key points, section points and scenarios', () => {
    const b = ok(
      'keyFigures:\n  - { value: 60%, label: L }\n' +
        'sections:\n  - title: S\n    points:\n      - text: P\n        likelihood: highly probable\n        confidence: high\n' +
        'scenarios:\n  - name: N\n    likelihood: remote\n    confidence: low\n' +
        SOURCES,
    );
    expect(b.sections?.[0]?.points?.[0]).toMatchObject({ likelihood: 'very likely', confidence: 'high' });
    expect(b.scenarios?.[0]).toMatchObject({ likelihood: 'almost no chance', confidence: 'low' });
    for (const [synonym, term] of [['probable', 'likely'], ['improbable', 'unlikely'], ['roughly even odds', 'roughly even chance'], ['nearly certain', 'almost certain'], ['highly improbable', 'very unlikely']]) {
      expect(ok(`scenarios:\n  - name: N\n    likelihood: ${synonym}\n${SOURCES}`).scenarios?.[0]?.likelihood).toBe(term);
    }
  });

  it('names the term meant by a near miss: medium → moderate', () => {
    const d = only(`scenarios:\n  - name: N\n    confidence: medium\n${SOURCES}`);
    expect(d).toMatchObject({ line: 8, column: 17, field: 'scenarios[0].confidence', message: 'expected one of: low, moderate, high', hint: 'did you mean "moderate"?' });
  });
});

describe('sources', () => {
  it('takes Admiralty grades (letter any case, number or text) and dates as YYYY, YYYY-MM or YYYY-MM-DD', () => {
    const b = ok('sources:\n  - id: a\n    title: A\n    reliability: b\n    credibility: 2\n    published: 2024\n    accessed: "2025-04"\n');
    expect(b.sources[0]).toMatchObject({ reliability: 'B', credibility: '2', published: '2024', accessed: '2025-04' });
  });

  it('refuses a grade outside A-F or 1-6, saying what the scale is', () => {
    expect(only('sources:\n  - id: a\n    title: A\n    reliability: G\n')).toMatchObject({
      field: 'sources[0].reliability',
      message: 'expected a letter A-F: A completely reliable … E unreliable, F cannot be judged',
    });
    expect(only('sources:\n  - id: a\n    title: A\n    credibility: 7\n')).toMatchObject({
      field: 'sources[0].credibility',
      message: 'expected a number 1-6: 1 confirmed … 5 improbable, 6 cannot be judged',
    });
  });

  it('says a source is a mapping, not a string', () => {
    const d = only('sources:\n  - "https://example.org/a"\n');
    expect(d).toMatchObject({ line: 7, column: 5, field: 'sources[0]', message: 'a source is {id, title, url, …}, not a string' });
    expect(d.hint).toBe('write each source as a mapping such as  - { id: article, title: "The article", url: "https://example.org/a" }');
  });

  it('turns a date written in words into the ISO date to write', () => {
    expect(only('sources:\n  - id: a\n    title: A\n    published: April 14 2025\n')).toMatchObject({
      line: 9,
      column: 16,
      field: 'sources[0].published',
      message: '"April 14 2025" is not a date briefdeck reads: write 2025-04-14 (YYYY-MM-DD)',
    });
    const d = parseError('title: T\ndate: 14 April 2025\nbluf: B.\nkeyPoints:\n  - K\n' + SOURCES);
    expect(d.message).toBe('"14 April 2025" is not a date briefdeck reads: write 2025-04-14 (YYYY-MM-DD)');
  });

  it('suggests https:// for a URL written without it', () => {
    expect(only('sources:\n  - id: a\n    title: A\n    url: www.example.org/page\n')).toMatchObject({
      field: 'sources[0].url',
      message: 'expected an absolute URL: write https://www.example.org/page',
    });
  });
});

function parseError(src: string): Diagnostic {
  try {
    parseBriefing(Buffer.from(src), 'x.yaml');
  } catch (e) {
    const d = (e as BriefdeckError).diagnostics;
    expect(d).toHaveLength(1);
    return d[0] as Diagnostic;
  }
  throw new Error('expected an error');
}

describe('YAML slips', () => {
  it('explains a comma inside a { … } flow mapping once, with the line quoted', () => {
    const d = only(`actors:\n  - { name: Iran, stance: Wants €422,000 arrears }\n${SOURCES}`);
    expect(d).toMatchObject({
      line: 7,
      column: 27,
      field: 'actors[0].stance',
      message: 'a comma inside { … } ends the value of "stance": quote the value',
      hint: 'write the line as  - { name: Iran, stance: "Wants €422,000 arrears" }',
    });
  });

  it('explains colons inside list items once for all of them, with the first line quoted', () => {
    const items = Array.from({ length: 20 }, (_v, i) => `      - Key point ${i + 1}: something happened`).join('\n');
    const d = only(`sections:\n  - title: S\n    points:\n${items}\n${SOURCES}`);
    expect(d).toMatchObject({
      line: 9,
      column: 9,
      field: 'sections[0].points[0]',
      message: 'a colon followed by a space inside a list item makes it a mapping: quote the value (and 19 more items, on lines 10, 11, 12, 13, 14, …)',
      hint: 'write the line as  - "Key point 1: something happened"',
    });
  });

  it('explains a colon inside a key point', () => {
    const d = parseError('title: T\ndate: "2025-01-02"\nbluf: B.\nkeyPoints:\n  - Key point 1: the talks resumed\n' + SOURCES);
    expect(d).toMatchObject({ line: 5, column: 5, field: 'keyPoints[0]', hint: 'write the line as  - "Key point 1: the talks resumed"' });
  });
});

describe('timeline, key figures, charts and the map', () => {
  it('accepts ranges and projected events', () => {
    const b = ok(`timeline:\n  - { date: 1980, end: 2012, event: E }\n  - { date: "2026-01", projected: true, event: F }\n${SOURCES}`);
    expect(b.timeline).toMatchObject([{ date: '1980', end: '2012' }, { projected: true }]);
  });

  it('reads key figures written as numbers or text, and refuses a sentence as a figure', () => {
    expect(ok(`keyFigures:\n  - { value: 10, label: L }\n  - { value: "+50%", label: M }\n${SOURCES}`).keyFigures?.map((k) => k.value)).toEqual(['10', '+50%']);
    expect(only(`keyFigures:\n  - { value: about fifty per cent, label: L }\n${SOURCES}`)).toMatchObject({ field: 'keyFigures[0].value', message: 'must be at most 12 characters: a figure, not a sentence (say the rest in its label)' });
  });

  it('checks that every series has one value per category', () => {
    const d = only(`charts:\n  - type: bar\n    title: C\n    categories: [a, b, c]\n    series:\n      - { name: s, values: [1, 2] }\n${SOURCES}`);
    expect(d).toMatchObject({ field: 'charts[0].series[0].values', message: 'has 2 values for 3 categories', hint: 'give one value per category, in the same order (null where there is none)' });
  });

  it('refuses an unknown chart type, and a section chart id that no chart has', () => {
    expect(only(`charts:\n  - { type: pie, title: C, categories: [a], series: [{ name: s, values: [1] }] }\n${SOURCES}`)).toMatchObject({ field: 'charts[0].type', message: 'expected a chart type: bar, column, line' });
    const d = only(`sections:\n  - { title: S, chart: enrichmnt, points: [p] }\ncharts:\n  - { id: enrichment, type: bar, title: C, categories: [a], series: [{ name: s, values: [1] }] }\n${SOURCES}`);
    expect(d).toMatchObject({ field: 'sections[0].chart', message: 'unknown chart id "enrichmnt"' });
    expect(d.hint).toMatch(/^did you mean "enrichment"\?/);
  });

  it('normalises map codes to alpha-2 and refuses codes that are not countries', () => {
    expect(ok(`map:\n  highlight: [irn, IL]\n${SOURCES}`).map).toEqual({ highlight: ['IR', 'IL'], label: true });
    expect(only(`map:\n  highlight: [XX]\n${SOURCES}`)).toMatchObject({ field: 'map.highlight[0]', message: '"XX" is not an ISO 3166-1 country code' });
  });
});
