// The content format: the examples and fixtures load; every kind of mistake is reported with the right
// message, at the right file:line:column and field, with a useful hint, and never as a crash.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBriefing, slugFromFile } from '../../src/content/load.js';
import { parseBriefing } from '../../src/content/parse.js';
import { BriefdeckError, ExitCode, formatDiagnostic, type Diagnostic } from '../../src/errors.js';
import { LIKELIHOODS } from '../../src/content/schema.js';
import { EXAMPLE, EXAMPLE_HE, fixture } from '../helpers/paths.js';

const MINIMAL = readFileSync(fixture('minimal.yaml'), 'utf8');
const FILE = 'broken.yaml';

/** The minimal fixture as lines (comment dropped), so broken variants have predictable line numbers. */
const BASE = [
  'title: Minimal briefing', // 1
  'date: "2025-01-02"', // 2
  'bluf: A one-line bottom line.', // 3
  'keyPoints:', // 4
  '  - The only key point.', // 5
  'sources:', // 6
  '  - id: article', // 7
  '    title: The article', // 8
].join('\n') + '\n';

function replace(from: string, to: string, src = BASE): string {
  if (!src.includes(from)) throw new Error(`test setup: "${from}" is not in the base document`);
  return src.replace(from, to);
}

/** Parses `src` and returns the BriefdeckError it must throw. */
function fail(src: string | Buffer, file = FILE): BriefdeckError {
  try {
    parseBriefing(typeof src === 'string' ? Buffer.from(src, 'utf8') : src, file);
  } catch (e) {
    expect(e).toBeInstanceOf(BriefdeckError);
    const err = e as BriefdeckError;
    expect(err.exitCode).toBe(ExitCode.CONTENT);
    expect(err.diagnostics.length).toBeGreaterThan(0);
    for (const d of err.diagnostics) expect(d.file).toBe(file);
    return err;
  }
  throw new Error('expected the content to be rejected, but it was accepted');
}

/** The one diagnostic of a failure (and there must be exactly one). */
function only(src: string | Buffer): Diagnostic {
  const err = fail(src);
  expect(err.diagnostics, JSON.stringify(err.diagnostics, null, 2)).toHaveLength(1);
  return err.diagnostics[0] as Diagnostic;
}

describe('valid content', () => {
  it.each([
    ['content/us-iran-nuclear-talks.yaml', EXAMPLE, 'us-iran-nuclear-talks'],
    ['content/us-iran-nuclear-talks.he.yaml', EXAMPLE_HE, 'us-iran-nuclear-talks-he'],
    ['test/fixtures/minimal.yaml', fixture('minimal.yaml'), 'minimal'],
    ['test/fixtures/long-other-topic.yaml', fixture('long-other-topic.yaml'), 'mecca-crane-collapse'],
  ])('accepts %s', async (_name, file, slug) => {
    const loaded = await loadBriefing(file);
    expect(loaded.slug).toBe(slug);
    expect(loaded.briefing.keyPoints.length).toBeGreaterThan(0);
    expect(loaded.briefing.sources.length).toBeGreaterThan(0);
    // Plain-text list items are normalised to objects.
    for (const k of loaded.briefing.keyPoints) expect(typeof k.text).toBe('string');
  });

  it('reads the example in full: languages, sources, enums', async () => {
    const en = (await loadBriefing(EXAMPLE)).briefing;
    const he = (await loadBriefing(EXAMPLE_HE)).briefing;
    expect(en.lang).toBe('en');
    expect(he.lang).toBe('he');
    expect(he.sources.map((s) => s.id)).toEqual(en.sources.map((s) => s.id));
    expect(en.keyPoints.filter((k) => k.likelihood).every((k) => LIKELIHOODS.includes(k.likelihood!))).toBe(true);
  });

  it('gives the minimal file its defaults', () => {
    const b = parseBriefing(Buffer.from(MINIMAL), 'minimal.yaml');
    expect(b).toMatchObject({
      title: 'Minimal briefing',
      lang: 'en',
      date: '2025-01-02',
      keyPoints: [{ text: 'The only key point.' }],
      sources: [{ id: 'article', title: 'The article' }],
    });
    expect(b.sections).toBeUndefined();
  });

  it('reads the long fixture with nested points, a large cast and a long timeline', async () => {
    const b = (await loadBriefing(fixture('long-other-topic.yaml'))).briefing;
    expect(b.keyPoints.length).toBeGreaterThanOrEqual(10);
    expect(b.actors?.length).toBeGreaterThanOrEqual(10);
    expect(b.timeline?.length).toBeGreaterThanOrEqual(8);
    expect(b.sections?.some((s) => s.points?.some((p) => p.points?.length))).toBe(true);
    expect(b.scenarios?.length).toBeGreaterThan(0);
    expect(b.indicators?.length).toBeGreaterThan(0);
    expect(b.glossary?.length).toBeGreaterThan(0);
    expect(b.quotes?.length).toBeGreaterThan(0);
    expect(b.sources[0]).toMatchObject({
      publisher: 'Wikinews (CC BY 2.5)',
      url: 'https://en.wikinews.org/wiki/At_least_107_killed_in_Mecca_crane_collapse',
    });
    // A bare year is accepted for a timeline date and kept as text.
    expect(b.timeline?.[0]?.date).toBe('2008');
  });

  it('accepts a UTF-8 byte order mark', () => {
    const b = parseBriefing(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASE)]), 'bom.yaml');
    expect(b.title).toBe('Minimal briefing');
  });

  it('accepts JSON as well as YAML', () => {
    const json = JSON.stringify({ title: 'T', date: '2025-01-02', bluf: 'B', keyPoints: ['K'], sources: [{ id: 's', title: 'S' }] });
    expect(parseBriefing(Buffer.from(json), 'x.json').keyPoints).toEqual([{ text: 'K' }]);
  });
});

describe('syntax errors', () => {
  it('reports malformed YAML at the offending line and column, with a hint', () => {
    const d = only(replace('title: Minimal briefing', 'title: Minimal: briefing'));
    expect(d).toMatchObject({ file: FILE, line: 1, column: 8 });
    expect(d.message).toMatch(/nested mappings are not allowed/i);
    expect(d.message).not.toMatch(/\n/);
    expect(d.hint).toMatch(/quote text that contains a colon/);
  });

  it('reports an unclosed quote where it opened (not at the end of the file), and a bracket with a position', () => {
    const quote = only(replace('bluf: A one-line bottom line.', 'bluf: "A one-line bottom line.'));
    const bluf = BASE.split('\n').findIndex((l) => l.startsWith('bluf:')) + 1;
    expect(quote).toMatchObject({ line: bluf, column: 7, message: 'the quote " opened here is never closed' });
    expect(quote.hint).toMatch(/closing "/);
    const single = only(replace('bluf: A one-line bottom line.', "bluf: 'A one-line bottom line."));
    expect(single).toMatchObject({ line: bluf, column: 7 });
    expect(single.hint).toMatch(/''/);
    const bracket = only(replace('keyPoints:\n  - The only key point.\n', 'keyPoints: [one, two\n'));
    expect(bracket.message).toMatch(/flow sequence/i);
    expect(bracket.line).toBeGreaterThanOrEqual(4);
    expect(bracket.hint).toBeTruthy();
  });

  it('reports a tab used as indentation', () => {
    const d = only(replace('  - The only key point.', '\t- The only key point.'));
    expect(d).toMatchObject({ line: 5, column: 1 });
    expect(d.message).toMatch(/tab/i);
    expect(d.hint).toBe('indent with spaces, not tabs');
  });

  it('reports a duplicate key at the second occurrence', () => {
    const d = only(`${BASE}title: Again\n`);
    expect(d).toMatchObject({ file: FILE, line: 9, column: 1 });
    expect(d.message).toMatch(/unique/i);
    expect(d.hint).toMatch(/each field may appear once/);
  });

  it('rejects an empty file', () => {
    for (const src of ['', '   \n\n', '# only a comment\n']) {
      const err = fail(src);
      expect(err.diagnostics[0]).toMatchObject({ file: FILE, message: expect.stringMatching(/empty|expected a briefing/) });
      expect(err.diagnostics[0]?.hint).toMatch(/docs\/content\.md/);
    }
    expect(only('').message).toBe('file is empty');
  });

  it('rejects a document that is a list or a scalar, not a mapping', () => {
    for (const src of ['- a\n- b\n', 'just text\n']) {
      const d = only(src);
      expect(d).toMatchObject({ line: 1, column: 1 });
      expect(d.message).toMatch(/^expected a briefing: a mapping of fields/);
    }
  });

  it('rejects a file that is not UTF-8 (Latin-1), pointing at the first bad byte', () => {
    const latin1 = Buffer.from(replace('    title: The article', '    title: Café article'), 'latin1');
    const d = only(latin1);
    // Line 8 is "    title: Café article": the é is the 15th character.
    expect(d).toMatchObject({ file: FILE, line: 8, column: 15 });
    expect(d.message).toMatch(/not valid UTF-8 \(byte 0xe9 at offset \d+\)/);
    expect(d.message).toContain(`offset ${latin1.indexOf(0xe9)}`);
    expect(d.hint).toMatch(/save the file as UTF-8/);
  });
});

describe('schema errors', () => {
  it('reports a missing required field (bluf) on its parent, with a hint to add it', () => {
    const d = only(replace('bluf: A one-line bottom line.\n', ''));
    expect(d).toEqual({ file: FILE, line: 1, column: 1, field: 'bluf', message: 'is required', hint: 'add `bluf:` to the top level' });
  });

  it('reports every problem at once, not just the first', () => {
    const err = fail(replace('bluf: A one-line bottom line.\n', '') + 'sumary: x\n');
    expect(err.diagnostics.map((d) => d.field)).toEqual(['bluf', 'sumary']);
    expect(err.message.split('\n')[0]).toBe(`${FILE}:1:1 bluf: is required`);
  });

  it('reports keyPoints: 3 as the wrong type, at the value', () => {
    const d = only(replace('keyPoints:\n  - The only key point.\n', 'keyPoints: 3\n'));
    expect(d).toMatchObject({ file: FILE, line: 4, column: 12, field: 'keyPoints', message: 'expected a list of key points' });
  });

  it('reports an empty keyPoints list', () => {
    const d = only(replace('keyPoints:\n  - The only key point.\n', 'keyPoints: []\n'));
    expect(d).toMatchObject({ line: 4, column: 12, field: 'keyPoints', message: 'needs at least one key point' });
  });

  it('reports bluf written as a list as the wrong type, at the list', () => {
    const d = only(replace('bluf: A one-line bottom line.', 'bluf:\n  - one\n  - two'));
    expect(d).toMatchObject({ file: FILE, line: 4, column: 3, field: 'bluf', message: 'expected text (a string)' });
  });

  it('reports blank text', () => {
    const d = only(replace('bluf: A one-line bottom line.', 'bluf: "   "'));
    expect(d).toMatchObject({ line: 3, column: 7, field: 'bluf', message: 'must not be empty' });
  });

  it('reports an unknown source id with a "did you mean" hint', () => {
    const d = only(replace('  - The only key point.', '  - text: The only key point.\n    sources: [articel]'));
    expect(d).toEqual({
      file: FILE,
      line: 6,
      column: 15,
      field: 'keyPoints[0].sources[0]',
      message: 'unknown source id "articel"',
      hint: 'did you mean "article"? (known ids: article)',
    });
  });

  it('lists the known ids when an unknown source id is nothing like them', () => {
    const d = only(replace('  - The only key point.', '  - text: The only key point.\n    sources: [zzzzzzzz]'));
    expect(d).toMatchObject({ field: 'keyPoints[0].sources[0]', message: 'unknown source id "zzzzzzzz"', hint: 'known ids: article' });
  });

  it('reports an unknown source id deep in a section', () => {
    const src = `${BASE}sections:\n  - title: S\n    points:\n      - text: P\n        points:\n          - text: Q\n            sources: [artcle]\n`;
    const d = only(src);
    expect(d).toMatchObject({ line: 15, column: 23, field: 'sections[0].points[0].points[0].sources[0]', hint: expect.stringMatching(/^did you mean "article"\?/) });
  });

  it('reports a duplicate source id', () => {
    const d = only(`${BASE}  - id: article\n    title: Again\n`);
    expect(d).toMatchObject({ line: 9, column: 9, field: 'sources[1].id', message: 'duplicate source id "article"' });
  });

  it('suggests the closest valid name for an unknown field (likelyhood → likelihood)', () => {
    const d = only(replace('  - The only key point.', '  - text: The only key point.\n    likelyhood: likely'));
    expect(d).toEqual({
      file: FILE,
      line: 6,
      column: 5,
      field: 'keyPoints[0].likelyhood',
      message: 'unknown field "likelyhood"',
      hint: 'did you mean "likelihood"?',
    });
  });

  it('suggests the closest valid name for a misspelt top-level field (titel → title)', () => {
    const d = only(`${BASE}subtitel: x\n`);
    expect(d).toMatchObject({ line: 9, column: 1, field: 'subtitel', message: 'unknown field "subtitel"', hint: 'did you mean "subtitle"?' });
  });

  it('lists the allowed fields when an unknown field is like none of them (sumary)', () => {
    const d = only(`${BASE}sumary: x\n`);
    expect(d).toMatchObject({ file: FILE, line: 9, column: 1, field: 'sumary', message: 'unknown field "sumary"' });
    expect(d.hint).toMatch(/^allowed fields here: /);
    for (const f of ['title', 'bluf', 'keyPoints', 'sources', 'sections']) expect(d.hint).toContain(f);
  });

  it('suggests field names inside sections and nested points', () => {
    const lead = only(`${BASE}sections:\n  - title: S\n    leed: x\n`);
    expect(lead).toMatchObject({ line: 11, column: 5, field: 'sections[0].leed', hint: 'did you mean "lead"?' });
    const nested = only(`${BASE}sections:\n  - title: S\n    points:\n      - text: P\n        points:\n          - text: Q\n            sorces: [article]\n`);
    expect(nested).toMatchObject({ line: 15, column: 13, field: 'sections[0].points[0].points[0].sorces', hint: 'did you mean "sources"?' });
  });

  it.each(['../x', 'Has Space', 'UPPER', 'a--b', '-a', 'x/y'])('rejects slug %j: it must be a plain name', (slug) => {
    const d = only(`${BASE}slug: ${JSON.stringify(slug)}\n`);
    expect(d).toMatchObject({
      file: FILE,
      line: 9,
      column: 7,
      field: 'slug',
      message: 'expected a plain name: lowercase letters, digits and single dashes, e.g. iran-talks',
    });
  });

  it('rejects a likelihood that is not an ICD 203 term, listing the terms', () => {
    const d = only(replace('  - The only key point.', '  - text: The only key point.\n    likelihood: perhaps'));
    expect(d).toMatchObject({ line: 6, column: 17, field: 'keyPoints[0].likelihood' });
    expect(d.message).toContain(`expected one of the ICD 203 terms: ${LIKELIHOODS.join(', ')} (or their synonyms: remote,`);
  });

  it('suggests the term meant by a misspelt likelihood', () => {
    const d = only(replace('  - The only key point.', '  - text: The only key point.\n    likelihood: very likley'));
    expect(d).toMatchObject({ field: 'keyPoints[0].likelihood', hint: 'did you mean "very likely"?' });
  });

  it('rejects a bad likelihood in a scenario and a bad confidence', () => {
    const sc = only(`${BASE}scenarios:\n  - name: A\n    likelihood: 50%\n`);
    expect(sc).toMatchObject({ line: 11, column: 17, field: 'scenarios[0].likelihood', message: expect.stringMatching(/^expected one of the ICD 203 terms/) });
    const conf = only(replace('  - The only key point.', '  - text: The only key point.\n    confidence: hihg'));
    expect(conf).toMatchObject({ field: 'keyPoints[0].confidence', message: 'expected one of: low, moderate, high', hint: 'did you mean "high"?' });
  });

  it('rejects a date that is not in the calendar (2025-02-30)', () => {
    for (const date of ['"2025-02-30"', '2025-02-30', '"2023-02-29"']) {
      const d = only(replace('date: "2025-01-02"', `date: ${date}`));
      expect(d).toEqual({ file: FILE, line: 2, column: 7, field: 'date', message: 'is not a real calendar date' });
    }
    // A leap day is a real date.
    expect(parseBriefing(Buffer.from(replace('date: "2025-01-02"', 'date: "2024-02-29"')), FILE).date).toBe('2024-02-29');
  });

  it('rejects a date in another format, and an unquoted number', () => {
    const d = fail(replace('date: "2025-01-02"', 'date: "14/04/2025"')).diagnostics[0];
    expect(d).toMatchObject({ line: 2, column: 7, field: 'date', message: 'expected a date as YYYY-MM-DD, e.g. 2025-04-14' });
    expect(only(replace('date: "2025-01-02"', 'date: 20250102'))).toMatchObject({ field: 'date', message: expect.stringMatching(/quote it in YAML/) });
  });

  it('rejects a source date that is not in the calendar', () => {
    const d = only(replace('    title: The article', '    title: The article\n    published: "2025-02-30"'));
    expect(d).toMatchObject({ line: 9, column: 16, field: 'sources[0].published', message: 'is not a real calendar date' });
  });

  it('rejects a timeline date that is not in the calendar (2025-02-30)', () => {
    // Timeline dates may be partial (2025, 2025-02) but a full date must still exist: 30 February would
    // otherwise be shown as "2 March 2025".
    const d = only(`${BASE}timeline:\n  - date: "2025-02-30"\n    event: Something happens.\n`);
    expect(d).toMatchObject({ line: 10, column: 11, field: 'timeline[0].date' });
  });

  it('rejects a link that is not http, https or mailto', () => {
    const d = only(replace('    title: The article', '    title: The article\n    url: javascript:alert(1)'));
    expect(d).toMatchObject({ line: 9, column: 10, field: 'sources[0].url', message: 'only http, https and mailto links are allowed' });
  });

  it('rejects a language tag that is not BCP 47', () => {
    const d = only(`${BASE}lang: "not a language!"\n`);
    expect(d).toMatchObject({ line: 9, column: 7, field: 'lang', message: expect.stringMatching(/BCP 47/) });
  });

  it('formats diagnostics the way compilers do: file:line:column field: message, then the hint', () => {
    const err = fail(replace('  - The only key point.', '  - text: The only key point.\n    likelyhood: likely'));
    expect(formatDiagnostic(err.diagnostics[0]!)).toBe(
      `${FILE}:6:5 keyPoints[0].likelyhood: unknown field "likelyhood"\n  hint: did you mean "likelihood"?`,
    );
    expect(err.message).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('files', () => {
  it('reports a missing file as a content error naming it', async () => {
    await expect(loadBriefing('/nonexistent/briefing.yaml')).rejects.toMatchObject({
      exitCode: ExitCode.CONTENT,
      diagnostics: [{ file: '/nonexistent/briefing.yaml', message: 'file not found' }],
    });
  });

  it('makes the default slug from the file name', () => {
    expect(slugFromFile('content/My Briefing.yaml')).toBe('my-briefing');
    expect(slugFromFile('content/us-iran-nuclear-talks.he.yaml')).toBe('us-iran-nuclear-talks-he');
    expect(() => slugFromFile('content/ü.yaml')).toThrow(BriefdeckError);
  });
});
