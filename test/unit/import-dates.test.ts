// The importer's pure decisions: datelines, date resolution, span repair, ranking and the draft's validity.
import { describe, expect, it } from 'vitest';
import { takeDateline } from '../../src/import/dateline.js';
import { datesIn, referenceOf } from '../../src/import/dates.js';
import { repairSpan } from '../../src/import/spans.js';
import { extractMarkdown, extractText, detectFormat } from '../../src/import/extract.js';
import { rouge1Recall } from '../../src/import/rouge.js';

const ref = referenceOf('2017-07-21'); // a Friday
const dates = (s: string) => datesIn(s, ref).map((d) => d.date);

describe('datelines', () => {
  const para = (text: string) => [{ kind: 'paragraph' as const, text }];
  it('reads "JERUSALEM—" and cuts it from the lead', () => {
    const blocks = para('JERUSALEM—The United States has resumed diplomatic engagement with Iran over its nuclear program.');
    expect(takeDateline(blocks, 2025)).toEqual({ place: 'Jerusalem' });
    expect(blocks[0]?.text).toMatch(/^The United States/);
  });
  it('reads "CITY (Agency) —" and a dateline with a day', () => {
    expect(takeDateline(para('WASHINGTON (Reuters) — The Senate voted on Tuesday to pass the bill after a long debate.'), 2025)).toEqual({ place: 'Washington', agency: 'Reuters' });
    expect(takeDateline(para('LONDON, April 14 (AP) - Britain said on Monday it would send more aid to the region soon.'), 2025)).toEqual({ place: 'London', agency: 'AP', date: '2025-04-14' });
  });
  it("reads Wikinews' date line, alone or run into the lead", () => {
    const blocks = [{ kind: 'paragraph' as const, text: 'Monday, July 28, 2014' }, ...para('The council met today in the capital to discuss it.')];
    expect(takeDateline(blocks, 2000).date).toBe('2014-07-28');
    expect(blocks).toHaveLength(1);
    expect(takeDateline(para('Thursday, May 7, 2015 On Tuesday, the New Zealand government announced a process.'), 2000).date).toBe('2015-05-07');
  });
  it('leaves an ordinary lead alone', () => {
    const blocks = para('A group of Afghan teenagers was awarded a silver medal on Tuesday in Washington.');
    expect(takeDateline(blocks, 2017)).toEqual({});
  });
});

describe('dates in a sentence', () => {
  it('resolves weekdays and year-less dates into the past', () => {
    expect(dates('The medal was awarded on Tuesday.')).toEqual(['2017-07-18']);
    expect(dates('The team applied on December 3.')).toEqual(['2016-12-03']);
  });
  it('resolves them forward when the sentence looks ahead', () => {
    expect(dates('The final will be held on Tuesday.')).toEqual(['2017-07-25']);
    expect(dates('The first meeting is set to take place on May 16.')).toEqual(['2018-05-16']);
  });
  it('adds bare years and "a decade ago", and keeps precision', () => {
    expect(dates('It follows the 2015 Joint Comprehensive Plan of Action.')).toEqual(['2015']);
    expect(dates('The plant closed a decade ago.')).toEqual(['2007']);
    expect(dates('The deadly October 7, 2023 attack by Hamas.')).toEqual(['2023-10-07']);
    expect(dates('It was announced in March 2017.')).toEqual(['2017-03']);
    expect(dates('They had been denied visas until last week.')).toEqual(['2017-07-10']);
  });
  it('drops durations, offsets from other events and counts that look like years', () => {
    expect(dates('She was held aboard the ship for twelve years.')).toEqual([]);
    expect(dates('He was arrested ten days before the vote.')).toEqual([]);
    expect(dates('The last ballot was cast at 2:30 the next day.')).toEqual([]);
    expect(dates('Around 2000 people marched, paying $2015 each.')).toEqual([]);
  });
});

describe('span repair', () => {
  it('takes titles and possessors off names', () => {
    expect(repairSpan('President Donald Trump.')).toEqual({ name: 'Donald Trump', title: 'President' });
    expect(repairSpan("Iran’s IRGC")).toEqual({ name: 'IRGC' });
    expect(repairSpan('U.S.')).toEqual({ name: 'U.S.' });
    expect(repairSpan('President')).toBeUndefined();
    expect(repairSpan('Afghan Ambassador')).toBeUndefined();
  });
});

describe('extraction', () => {
  it('tells formats apart and reads Markdown headings and links', () => {
    expect(detectFormat('<!doctype html><html></html>')).toBe('html');
    expect(detectFormat('# Title\n\nText')).toBe('markdown');
    const a = extractMarkdown('# Big news\n\nThe [council](https://x.org) met **today**.\n\n## Reaction\n\n- One said *no*.');
    expect(a.title).toBe('Big news');
    expect(a.blocks).toEqual([
      { kind: 'paragraph', text: 'The council met today.' },
      { kind: 'heading', text: 'Reaction' },
      { kind: 'paragraph', text: 'One said no.' },
    ]);
  });
  it('takes a plain-text title line and a source URL line', () => {
    const a = extractText('Council votes on budget\n\nThe council voted today.\n\nhttps://example.org/news/1\n');
    expect(a.title).toBe('Council votes on budget');
    expect(a.url).toBe('https://example.org/news/1');
    expect(a.blocks).toHaveLength(1);
  });
});

describe('ROUGE-1 recall', () => {
  it('counts the reference words a candidate contains', () => {
    expect(rouge1Recall('the cat sat', 'the cat sat on the mat')).toBeCloseTo(3 / 6);
  });
});
