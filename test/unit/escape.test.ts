// Content text can never become markup: Markdown blocks, Marp directives, HTML, Handlebars expressions,
// links to scripts, math, emoji or the templates' own %%[span]%% syntax. Every payload goes into every text
// field; the deck Markdown, the Marp HTML and the print HTML must keep the planned structure and show the
// payload as literal text. Also unit tests of src/render/inline.ts.
import MarkdownIt from 'markdown-it';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import type { Briefing } from '../../src/content/schema.js';
import { renderDeck, renderDeckMarkdown } from '../../src/render/deck.js';
import { escapeMarkdownText, normalizeSpace, toPlainText, toSafeHtml, toSafeMarkdown } from '../../src/render/inline.js';
import { MarpEngine } from '../../src/render/marp.js';
import { renderPrint } from '../../src/render/print.js';
import { planSlides, type Slide } from '../../src/render/slides.js';
import { loadTemplates, type Templates } from '../../src/render/templates.js';
import { buildView } from '../../src/render/view.js';
import { attrOf, attrValues, countTags, decodeCssString, openTags, scriptElements, visibleText } from '../helpers/html.js';

const PAYLOADS = [
  '---',
  '# x',
  '<script>alert(1)</script>',
  '<!-- _class: x -->',
  '{{x}}',
  '<img src=x onerror=alert(1)>',
  '[a](javascript:alert(1))',
  '$x$',
  ':smile:',
  '1. x',
  '> quote',
  '| a | b |',
  '%%[evil]x%%',
];

/** Every text field of a briefing, by name; the value each gets is chosen per test. */
const FIELDS = [
  'title',
  'subtitle',
  'dateline',
  'author',
  'audience',
  'marking',
  'bluf',
  'notes',
  'keyPoints.text',
  'keyPoints.plain',
  'sections.title',
  'sections.lead',
  'sections.points',
  'sections.points.points',
  'sections.points.points.cited',
  'sections.notes',
  'actors.name',
  'actors.type',
  'actors.role',
  'actors.stance',
  'timeline.event',
  'scenarios.name',
  'scenarios.description',
  'scenarios.indicators',
  'indicators',
  'quotes.text',
  'quotes.speaker',
  'glossary.term',
  'glossary.meaning',
  'sources.title',
  'sources.publisher',
  'sources.author',
] as const;
type Field = (typeof FIELDS)[number];

/** Fields that are not shown as text: speaker notes (HTML comments and viewer data). */
const NOTES: Field[] = ['notes', 'sections.notes'];
const URL = 'https://example.org/x';

/** A full briefing with `t(field)` in every text field, written as YAML and loaded like a content file. */
function briefingWith(t: (f: Field) => string): Briefing {
  const doc = {
    title: t('title'),
    subtitle: t('subtitle'),
    date: '2025-01-02',
    dateline: t('dateline'),
    author: t('author'),
    audience: t('audience'),
    marking: t('marking'),
    bluf: t('bluf'),
    notes: t('notes'),
    keyPoints: [{ text: t('keyPoints.text'), sources: ['a'], likelihood: 'likely', confidence: 'low' }, t('keyPoints.plain')],
    sections: [
      {
        title: t('sections.title'),
        lead: t('sections.lead'),
        points: [{ text: t('sections.points'), sources: ['a'], points: [t('sections.points.points'), { text: t('sections.points.points.cited'), sources: ['a'] }] }],
        notes: t('sections.notes'),
      },
    ],
    actors: [{ name: t('actors.name'), type: t('actors.type'), role: t('actors.role'), stance: t('actors.stance'), sources: ['a'] }],
    timeline: [{ date: '2025-01-01', event: t('timeline.event'), sources: ['a'] }],
    scenarios: [{ name: t('scenarios.name'), likelihood: 'likely', description: t('scenarios.description'), indicators: [t('scenarios.indicators')] }],
    indicators: [t('indicators')],
    quotes: [{ text: t('quotes.text'), speaker: t('quotes.speaker'), sources: ['a'] }],
    glossary: [{ term: t('glossary.term'), meaning: t('glossary.meaning') }],
    sources: [{ id: 'a', title: t('sources.title'), publisher: t('sources.publisher'), author: t('sources.author'), url: URL }],
  };
  return parseBriefing(Buffer.from(stringify(doc), 'utf8'), 'payload.yaml');
}

/** A tag per field, so that each field's text can be found on its own: `ZQ7ZQ`. */
const tag = (f: Field) => `ZQ${FIELDS.indexOf(f)}ZQ`;

interface Rendered {
  briefing: Briefing;
  slides: Slide[];
  planned: Slide[];
  markdown: string;
  marpHtml: string;
  printHtml: string;
}

let templates: Templates;
let marp: MarpEngine;

beforeAll(async () => {
  templates = await loadTemplates();
  marp = new MarpEngine([...templates.themes.values()]);
});

async function render(b: Briefing): Promise<Rendered> {
  const view = buildView(b, 'payload', 'markdown');
  const planned = planSlides(view);
  const { markdown, slides } = renderDeckMarkdown(view, templates, { theme: 'briefing' });
  const { html: marpHtml } = marp.render(markdown);
  const printHtml = await renderPrint(buildView(b, 'payload', 'html'), templates, { paper: 'a4' });
  return { briefing: b, slides, planned, markdown, marpHtml, printHtml };
}

const body = (html: string) => /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';

/** Structure that no content may change, whatever its text. */
function expectPlannedStructure(r: Rendered, label: string) {
  const { slides, planned, markdown, marpHtml, printHtml, briefing } = r;
  const n = planned.length;
  expect(slides.map((s) => s.key), label).toEqual(planned.map((s) => s.key));

  // deck.md: front matter fences plus one separator between each two slides.
  const separators = markdown.split('\n').filter((l) => l === '---').length;
  expect(separators, `${label}: --- separators in deck.md`).toBe(2 + (n - 1));
  // The only HTML comments are the templates' directives and one-line notes.
  const comments = [...markdown.matchAll(/<!--[\s\S]*?-->/g)].map((m) => m[0]);
  expect(markdown.split('<!--').length - 1, `${label}: comment openers`).toBe(comments.length);
  expect(markdown.split('-->').length - 1, `${label}: comment closers`).toBe(comments.length);
  for (const c of comments) expect(c, label).toMatch(/^<!-- (_class: [a-z0-9 -]+|_paginate: false|Notes: [^\n<>]*?) -->$/);
  for (const c of comments.filter((x) => x.startsWith('<!-- Notes:'))) expect(c.slice(4, -3), label).not.toContain('--');

  // Marp HTML: one svg/section per planned slide, each with exactly the planned classes.
  expect(countTags(marpHtml, 'svg'), `${label}: slides (svg)`).toBe(n);
  expect(marpHtml.match(/data-marpit-svg/g)?.length, label).toBe(n);
  const sections = openTags(marpHtml, 'section');
  expect(sections.length, `${label}: slides (section)`).toBe(n);
  expect(sections.map((t) => attrOf(t, 'class')), `${label}: section classes`).toEqual(planned.map((s) => s.classes));
  expect(sections.map((t) => attrOf(t, 'data-class') ?? '')).toEqual(planned.map((s) => s.classes));
  expect(countTags(marpHtml, 'h1'), `${label}: h1`).toBe(1);
  expect(countTags(marpHtml, 'h2'), `${label}: h2`).toBe(planned.filter((s) => s.kind !== 'title').length);
  for (const h of ['h3', 'h4', 'h5', 'h6', 'hr', 'script', 'iframe', 'img', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'input', 'math', 'video', 'audio']) {
    expect(countTags(marpHtml, h), `${label}: <${h}> in the deck`).toBe(0);
  }
  expect(countTags(marpHtml, 'table'), `${label}: tables`).toBe(planned.filter((s) => s.kind === 'actors-table').length);
  expect(countTags(marpHtml, 'blockquote'), `${label}: blockquotes`).toBe(briefing.quotes?.length ?? 0);
  expect(countTags(marpHtml, 'ol'), `${label}: ordered lists`).toBe(planned.filter((s) => s.kind === 'sources').length);
  const sourcesSlide = planned.find((s) => s.kind === 'sources')?.number;
  for (const href of attrValues(marpHtml, 'href')) expect([`#${sourcesSlide}`, URL], `${label}: href`).toContain(href);
  expect(marpHtml, label).not.toMatch(/javascript:\s*alert\(1\)["']/i);
  expect(marpHtml, `${label}: event handler attribute`).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  const classes = attrValues(marpHtml, 'class').flatMap((c) => c.split(/\s+/));
  expect(classes, label).not.toContain('x');
  expect(classes.filter((c) => /evil/.test(c)), label).toEqual([]);
  expect(marpHtml, `${label}: emoji`).not.toContain('😄');
  expect(marpHtml, `${label}: math`).not.toMatch(/katex|mjx-|MathJax/i);

  // Print HTML: the planned headings and nothing that runs or loads.
  const printBody = body(printHtml);
  expect(countTags(printBody, 'h1'), `${label}: print h1`).toBe(1);
  const parts = 2 + (briefing.sections?.length ?? 0) + ['actors', 'timeline', 'scenarios', 'indicators', 'quotes', 'glossary'].filter((k) => (briefing as unknown as Record<string, unknown[] | undefined>)[k]?.length).length + 1;
  expect(countTags(printBody, 'h2'), `${label}: print h2`).toBe(parts);
  for (const h of ['h3', 'h4', 'h5', 'h6', 'hr', 'script', 'iframe', 'img', 'object', 'embed', 'style', 'link', 'base', 'form', 'input', 'math']) {
    expect(countTags(printBody, h), `${label}: <${h}> in the print body`).toBe(0);
  }
  expect(countTags(printHtml, 'script'), `${label}: scripts in print`).toBe(0);
  expect(countTags(printHtml, 'style')).toBe(printHtml.split('</style>').length - 1);
  expect(countTags(printBody, 'blockquote'), label).toBe(briefing.quotes?.length ?? 0);
  for (const href of attrValues(printBody, 'href')) expect(['#source-1', URL], `${label}: print href`).toContain(href);
  expect(printBody, `${label}: print event handler`).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(attrValues(printBody, 'class').flatMap((c) => c.split(/\s+/)).filter((c) => c === 'x' || /evil/.test(c))).toEqual([]);
}

describe('every payload in every text field', () => {
  describe.each(PAYLOADS)('%s', (payload) => {
    it('keeps the planned structure, and each field shows its own text literally', async () => {
      // Each field gets the payload first (so line-start syntax is at the start) and a tag of its own.
      const value = (f: Field) => `${payload} ${tag(f)}`;
      const r = await render(briefingWith(value));
      expectPlannedStructure(r, `payload ${JSON.stringify(payload)}`);
      const deckText = visibleText(r.marpHtml);
      const printText = visibleText(body(r.printHtml));
      for (const f of FIELDS) {
        if (NOTES.includes(f)) {
          expect(deckText, `${f} (notes) must not show on a slide`).not.toContain(tag(f));
          expect(printText, `${f} (notes) must not show in print`).not.toContain(tag(f));
          continue;
        }
        expect(deckText, `deck: field ${f}`).toContain(value(f));
        if (f === 'marking') continue;
        expect(printText, `print: field ${f}`).toContain(value(f));
      }
      // The slide header is the marking, as text.
      const header = r.marpHtml.split('<header>')[1]?.split('</header>')[0] ?? '';
      expect(visibleText(header)).toBe(value('marking'));
      // The print briefing's running header shows the marking from a CSS string: escaped, yet exact.
      const strings = [...r.printHtml.matchAll(/content: "((?:[^"\\]|\\.)*)"/g)].map((m) => decodeCssString(m[1] ?? ''));
      expect(strings).toContain(value('marking'));
      // Notes stay out of the slides but reach the speaker notes, one line each.
      const notes = [...r.markdown.matchAll(/<!-- Notes: (.*) -->/g)].map((m) => m[1]);
      expect(notes).toHaveLength(2);
      expect(notes.join('\n')).toContain(tag('notes'));
      expect(notes.join('\n')).toContain(tag('sections.notes'));
    });
  });

  it('--- alone in every field is text, not a slide break or a rule', async () => {
    const r = await render(briefingWith(() => '---'));
    expectPlannedStructure(r, 'payload ---');
    expect(visibleText(r.marpHtml)).toContain('---');
    expect(visibleText(body(r.printHtml))).toContain('---');
  });

  it('the whole deck document keeps its one script and strict policy whatever the content', async () => {
    const all = PAYLOADS.join(' ');
    const b = briefingWith((f) => (f === 'marking' ? 'TLP:AMBER+STRICT' : `${all} ${tag(f)}`));
    const view = buildView(b, 'payload', 'markdown');
    const deck = await renderDeck(view, templates, marp, { theme: 'briefing' });
    expect(deck.slides).toHaveLength(planSlides(view).length);
    // The viewer script and its JSON data: nothing else.
    const scripts = scriptElements(deck.html);
    expect(scripts).toHaveLength(2);
    expect(scripts.map((s) => attrOf(s.tag, 'type') ?? '')).toEqual(['application/json', '']);
    expect(deck.html.split(/<\/script/i)).toHaveLength(3);
    const csp = openTags(deck.html, 'meta').find((m) => attrOf(m, 'http-equiv') === 'Content-Security-Policy');
    expect(attrOf(csp ?? '', 'content')).toMatch(/^default-src 'none';.*script-src 'sha256-[A-Za-z0-9+/=]+';/);
    const data = /<script type="application\/json" id="briefdeck-data">([\s\S]*?)<\/script>/.exec(deck.html)?.[1] ?? '';
    expect(data).not.toMatch(/<\/?script/i);
    const parsed = JSON.parse(data) as { title: string; notes: string[]; headings: string[] };
    expect(parsed.title).toBe(`${all} ${tag('title')}`);
    expect(parsed.notes[0]).toBe(`${all} ${tag('notes')}`);
    expect(parsed.headings).toHaveLength(deck.slides.length);
    expect(visibleText(/<title>([\s\S]*?)<\/title>/.exec(deck.html)?.[1] ?? '')).toBe(`${all} ${tag('title')}`);
    expect(visibleText(deck.html.split('<header>')[1]?.split('</header>')[0] ?? '')).toBe('TLP:AMBER+STRICT');
  });
});

describe('inline Markdown (src/render/inline.ts)', () => {
  const commonmark = new MarkdownIt('commonmark', { html: false });
  const ROUND_TRIP = [
    'plain text',
    '*emphasis* and _emphasis_',
    '**strong** and __strong__',
    '***both***',
    '`code` and ``code with ` tick``',
    '` padded `',
    '[a link](https://example.org/a?b=1&c=2)',
    '[mail](mailto:someone@example.org) and [anchor](#top)',
    'a bare https://example.org/page link',
    'mixed *a* **b** `c` [d](https://example.org/d)',
    'escaped \\*not emphasis\\* and \\`not code\\`',
    'ampersand & < > "quotes" \'apostrophes\'',
    'line\nbreaks  \n  collapse',
    'punctuation: !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
    ...PAYLOADS,
  ];

  it.each(ROUND_TRIP)('toSafeMarkdown round-trips %j through markdown-it', (s) => {
    const safe = toSafeMarkdown(s);
    expect(commonmark.renderInline(safe)).toBe(toSafeHtml(s));
    expect(toPlainText(safe)).toBe(toPlainText(s));
    expect(toSafeMarkdown(safe)).toBe(safe);
    // It never starts or contains a block, directive or comment.
    expect(safe).not.toMatch(/\n/);
    expect(safe).not.toMatch(/^(#|>|-|\d+\.|\||---|\s)/);
    expect(safe).not.toMatch(/<!--|%%|\{\{/);
  });

  it('keeps emphasis, strong, code and links as such', () => {
    expect(toSafeHtml('*a* **b** `c` [d](https://example.org/)')).toBe(
      '<em>a</em> <strong>b</strong> <code>c</code> <a href="https://example.org/">d</a>',
    );
    expect(toSafeMarkdown('*a* **b** `c` [d](https://example.org/)')).toBe('*a* **b** `c` [d](<https://example.org/>)');
    // Not a link (a space in the target), but linkify still finds the URL inside: the same either way.
    expect(commonmark.renderInline(toSafeMarkdown('[x](https://example.org/a b)'))).toBe(toSafeHtml('[x](https://example.org/a b)'));
    expect(commonmark.renderInline(toSafeMarkdown('[x](<https://example.org/a b>)'))).toBe('<a href="https://example.org/a%20b">x</a>');
  });

  it('turns bare URLs into links', () => {
    expect(toSafeHtml('see https://example.org/x')).toBe('see <a href="https://example.org/x">https://example.org/x</a>');
    expect(commonmark.renderInline(toSafeMarkdown('see https://example.org/x'))).toBe('see <a href="https://example.org/x">https://example.org/x</a>');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java&#115;cript:alert(1)',
    'javascript&colon;alert(1)',
    '\tjavascript:alert(1)',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/x',
    'relative/page.html',
  ])('refuses a link to %j, keeping its text', (href) => {
    const s = `[click](${href})`;
    const html = toSafeHtml(s);
    expect(html).not.toMatch(/<a\b/);
    expect(html).toContain('click');
    const md = toSafeMarkdown(s);
    expect(commonmark.renderInline(md)).not.toMatch(/<a\b/);
    expect(md).not.toMatch(/\]\(/);
  });

  it('refuses autolinks and raw HTML', () => {
    for (const s of ['<javascript:alert(1)>', '<a href="javascript:alert(1)">x</a>', '<script>alert(1)</script>', '<file:///etc/passwd>']) {
      expect(toSafeHtml(s)).not.toMatch(/<(a|script)\b/);
      expect(commonmark.renderInline(toSafeMarkdown(s))).not.toMatch(/<(a|script)\b/);
    }
  });

  it('escapes every ASCII punctuation mark so CommonMark reads it literally', () => {
    const all = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const escaped = escapeMarkdownText(all);
    expect(escaped.replace(/\\[!-/:-@[-`{-~]/g, '')).toMatch(/^[ 0-9A-Za-z]+$/);
    const back = commonmark.renderInline(escaped).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(back).toBe(all);
  });

  it('collapses whitespace, including line and paragraph separators', () => {
    expect(normalizeSpace('  a\n\nb\tc\u2028d\u2029e  ')).toBe('a b c d e');
    expect(toSafeHtml('a\n\n# b')).toBe('a # b');
  });

  it('gives the plain text without markup', () => {
    expect(toPlainText('*a* **b** `c` [d](https://example.org/) & <e>')).toBe('a b c d & <e>');
    expect(toPlainText('[x](javascript:alert(1))')).toBe('[x](javascript:alert(1))');
  });
});
