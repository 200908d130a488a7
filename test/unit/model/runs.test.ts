// Content text becomes runs once; each edge writes them out: HTML exactly as markdown-it renders the same
// text, Markdown that cannot start another construct, plain text without markup or citations.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseInline, parseRuns, plainOf, contentOf, citationsOf } from '../../../src/model/runs.js';
import { runsToHtml, runsToMarkdown } from '../../../src/render/inline.js';
import { briefingModel } from '../../../src/model/briefing.js';
import { parseBriefing } from '../../../src/content/parse.js';
import { CONTENT, FIXTURES } from '../../helpers/paths.js';

const reference = new MarkdownIt('zero');
const SAMPLES = [
  'plain words',
  '*emphasis* and **strong** and `code` and [a link](https://example.org "its title")',
  'nested **strong *and em* inside** and [**bold link**](#sources)',
  '<script>alert(1)</script> & "quotes" > less < more',
  '[bad](javascript:alert(1)) and [ok](mailto:a@b.c)',
  'linkify https://example.org/a?b=c&d=e here',
  'entities &amp; &copy; &#x41; \\*not em\\*',
  '``code with ` tick`` and `a<b>`',
  'line\nbreaks\r\n  and   spaces',
  '\u202Ereversed',
];

/** Every text field of the example content and fixtures, for a wider sample. */
function contentTexts(): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const dir of [CONTENT, FIXTURES, path.join(FIXTURES, 'hostile')]) {
    for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      try {
        walk(parseBriefing(readFileSync(path.join(dir, f)), f));
      } catch {
        // hostile fixtures that do not load have no texts to compare
      }
    }
  }
  return out;
}

describe('runs', () => {
  it('write out as HTML exactly as markdown-it renders the parsed text', () => {
    for (const s of [...SAMPLES, ...contentTexts()]) {
      expect(runsToHtml(parseRuns(s)), s).toBe(reference.renderer.render(parseInline(s), reference.options, {}));
    }
  });

  it('write out as Markdown with every ASCII punctuation mark of text escaped', () => {
    expect(runsToMarkdown(parseRuns('*em* <b> [x](https://e.org/a) [bad](javascript:x)'))).toBe('*em* \\<b\\> [x](<https://e.org/a>) \\[bad\\]\\(javascript\\:x\\)');
  });

  it('nest as the markup does, and read as plain text', () => {
    const runs = parseRuns('a **b *c*** [d](#e)');
    expect(runs).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', runs: [{ kind: 'text', text: 'b ' }, { kind: 'emphasis', runs: [{ kind: 'text', text: 'c' }] }] },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: '#e', runs: [{ kind: 'text', text: 'd' }] },
    ]);
    expect(plainOf(runs)).toBe('a b c d');
  });
});

describe('the briefing model', () => {
  const b = parseBriefing(readFileSync(path.join(CONTENT, 'us-iran-nuclear-talks.yaml')), 'example');
  const m = briefingModel(b, 'example');

  it('numbers citations by the order of the sources and ends a cited text with them', () => {
    const cited = m.keyPoints.find((k) => k.cites.length > 0);
    expect(cited).toBeDefined();
    if (!cited) return;
    expect(citationsOf(cited.runs)).toEqual(cited.cites);
    expect(contentOf(cited.runs).some((r) => r.kind === 'citation')).toBe(false);
    for (const c of cited.cites) expect(m.sources[c.n - 1]?.id).toBe(c.id);
  });

  it('localises labels and dates, and leaves escaping to the outputs', () => {
    expect(m.labels.keyPoints).toBe('Key points');
    expect(m.dateDisplay).toMatch(/\d{4}/);
    const he = briefingModel(parseBriefing(readFileSync(path.join(CONTENT, 'us-iran-nuclear-talks.he.yaml')), 'he'), 'he');
    expect(he.dir).toBe('rtl');
    expect(he.labels.keyPoints).toBe('נקודות מפתח');
    expect(m.title.plain).not.toMatch(/\\/);
  });
});

describe('the model carries every field the outputs show', () => {
  const b = parseBriefing(readFileSync(path.join(CONTENT, 'us-iran-nuclear-talks.yaml')), 'example');
  const m = briefingModel(b, 'example');

  it('grades sources with the meaning of their letter and number', () => {
    const graded = m.sources.filter((s) => s.grade);
    expect(graded.length).toBeGreaterThan(0);
    expect(m.graded).toBe(true);
    const first = b.sources.findIndex((s) => s.reliability);
    expect(m.sources[first]?.grade?.code).toBe(`${b.sources[first]?.reliability}${b.sources[first]?.credibility ?? ''}`);
    expect(m.sources[first]?.grade?.reliability).toBe(m.labels.admiralty.reliability[b.sources[first]?.reliability ?? 'A']);
    expect(m.primarySource).toBe(m.sources[0]);
  });

  it('keeps notes, ranges and projected events, figures, charts and the map as plain data', () => {
    expect(m.keyFigures.length).toBe(b.keyFigures?.length);
    expect(m.keyFigures[0]?.value).toBe(b.keyFigures?.[0]?.value);
    const ranged = m.timeline.find((e) => e.end);
    expect(ranged?.endYear).toMatch(/^\d{4}$/);
    expect(m.timeline.every((e) => e.projected === (b.timeline?.[m.timeline.indexOf(e)]?.projected ?? e.date > b.date))).toBe(true);
    const chart = m.charts[0];
    expect(chart?.data.series.length).toBeGreaterThan(0);
    expect(chart?.table.rows.length).toBe(chart?.data.categories.length);
    expect(m.map?.names).toMatch(/Iran/);
    expect(m.actors.some((a) => a.notes)).toBe(true);
    expect(m.keyPoints.some((k) => k.notes && k.confidence)).toBe(true);
  });

  it('is what both views are made from: the same runs, written out per context', async () => {
    const { viewOf } = await import('../../../src/render/view.js');
    const x = briefingModel(parseBriefing(Buffer.from(SMALL), 'small.yaml'), 'small');
    const md = viewOf(x, 'markdown');
    const html = viewOf(x, 'html');
    expect(String(md.keyPoints[0]?.text)).toBe('A *careful* \\<claim\\>');
    expect(String(html.keyPoints[0]?.text)).toBe('A <em>careful</em> &lt;claim&gt;');
    expect(md.keyPoints[0]?.runs).toBe(x.keyPoints[0]?.runs);
    expect(md.keyPoints[0]?.cites).toEqual([{ id: 's', n: 1 }]);
    expect(String(md.labels.keyPoints)).toBe('Key points');
    expect(md.plainTitle).toBe('Title & more');
    expect(String(html.title)).toBe('Title &amp; more');
  });

  it('gives PowerPoint the runs of the model, not the Markdown written from them', async () => {
    const { viewOf } = await import('../../../src/render/view.js');
    const { runsOf } = await import('../../../src/pptx/text.js');
    const x = briefingModel(parseBriefing(Buffer.from(SMALL.replace('A *careful* <claim>', '"**Bold** \\\\*not em\\\\* [link](https://example.org) `a*b`"')), 'small.yaml'), 'small');
    const md = viewOf(x, 'markdown');
    expect(runsOf(md.keyPoints[0]?.text)).toEqual([
      { text: 'Bold', bold: true },
      { text: ' *not em* ' },
      { text: 'link', link: { url: 'https://example.org' } },
      { text: ' ' },
      { text: 'a*b', code: true },
    ]);
    expect(runsOf(md.labels.keyPoints)).toEqual([{ text: 'Key points' }]);
  });
});

const SMALL = `title: Title & more
date: "2025-01-02"
bluf: Bottom line.
keyPoints:
  - text: A *careful* <claim>
    sources: [s]
sources:
  - id: s
    title: A source
`;
