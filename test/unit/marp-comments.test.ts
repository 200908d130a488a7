// Marp reads every HTML comment as YAML; briefdeck parses each distinct comment once a process
// (render/marp.ts). The directives must still apply where they stand, notes must stay notes, and a
// deck rendered again must come out the same.
import { describe, expect, it } from 'vitest';
import { MarpEngine } from '../../src/render/marp.js';

const deck = (cls: string) => `---\nmarp: true\n---\n<!-- _class: ${cls} -->\n<!-- a speaker note: not YAML: [ -->\n\n# One\n\n---\n\n<!-- _class: ${cls} -->\n\n# Two\n\n---\n\n# Three\n`;

describe('comments parsed once', () => {
  it('applies a repeated directive on every slide that carries it, and leaves notes as notes', () => {
    const marp = new MarpEngine([]);
    const first = marp.render(deck('lead'));
    const again = marp.render(deck('lead'));
    expect(again.html).toBe(first.html);
    const classes = [...first.html.matchAll(/<section[^>]*?class="([^"]*)"/g)].map((m) => m[1]);
    expect(classes.slice(0, 2)).toEqual(['lead', 'lead']);
    expect(classes[2] ?? '').not.toContain('lead');
    expect(first.html).not.toContain('speaker note');
    // Another engine and another class: nothing of the first deck's directives leaks into it.
    const other = new MarpEngine([]).render(deck('quiet'));
    expect(other.html).toContain('class="quiet"');
    expect(other.html).not.toContain('class="lead"');
  });
});

describe('directives written into the style attribute, each declaration checked once a process', () => {
  it('keeps what Marpit keeps and drops what it drops, on every slide and every render', () => {
    const marp = new MarpEngine([]);
    const md = (header: string) => `---\nmarp: true\nheader: "${header}"\npaginate: true\n---\n<!-- _class: "a}b{c" -->\n# a\n\n---\n\n# b\n`;
    const styles = (html: string) => [...html.matchAll(/<section[^>]*style="([^"]*)"/g)].map((m) => m[1]);
    // A declaration smuggled into a directive goes; a value PostCSS cannot read is left out.
    expect(styles(marp.render(md('x; color: red')).html)).toEqual(['--header:x;--paginate:true;', '--header:x;--paginate:true;']);
    expect(styles(marp.render(md('x; color: red')).html)).toEqual(['--header:x;--paginate:true;', '--header:x;--paginate:true;']);
    expect(styles(marp.render(md('y')).html)).toEqual(['--header:y;--paginate:true;', '--header:y;--paginate:true;']);
  });
});
