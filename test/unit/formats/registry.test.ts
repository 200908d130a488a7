// The format registry: names, choices and what the wanted formats need between them (no browser here).
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMATS, FORMATS, REGISTRY, formatsFrom, needsOf } from '../../../src/formats/registry.js';

describe('the format registry', () => {
  it('lists every format once, each with a way to make its files', () => {
    expect(new Set(FORMATS).size).toBe(REGISTRY.length);
    expect(FORMATS).toEqual(expect.arrayContaining(['html', 'pdf', 'print', 'md', 'handout', 'png']));
    for (const f of REGISTRY) expect(Boolean(f.produce) !== Boolean(f.capture), f.name).toBe(true);
    for (const f of REGISTRY) if (f.capture) expect(f.needs.page, f.name).toBe(true);
    expect(DEFAULT_FORMATS.every((f) => FORMATS.includes(f))).toBe(true);
  });

  it('reads --format lists, repeated or comma-separated, and refuses unknown names', () => {
    expect(formatsFrom(['html,pdf', 'pdf'])).toEqual(['html', 'pdf']);
    expect(formatsFrom(['all'])).toEqual([...FORMATS]);
    expect(() => formatsFrom(['docx'])).toThrow(/unknown format "docx"/);
  });

  it('asks for a browser whenever a deck is fitted, and never for --no-fit html and md', () => {
    expect(needsOf(['html'])).toMatchObject({ deck: true, browser: true, marp: true, print: false });
    expect(needsOf(['html', 'md'], false)).toMatchObject({ deck: true, browser: false, page: false });
    expect(needsOf(['pdf'], false)).toMatchObject({ browser: true, page: true });
    expect(needsOf(['print'])).toMatchObject({ deck: false, marp: false, print: true, browser: true });
    expect(needsOf(['handout'])).toMatchObject({ deck: true, print: true, browser: true });
  });
});
