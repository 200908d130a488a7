// A huge briefing (bench/huge-briefing.mjs: every list at 100 items) builds as a user runs it, and
// nothing is lost on the way: every item's text is in deck.pdf (and its token in briefing.pdf, whose
// columns pdftotext interleaves with the text), one PNG per slide, named so that they sort in slide order. (How its cost grows with N: bench/huge.mjs.)
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, runBin } from '../helpers/cli.js';
import { pdfInfo, pdfText, squash } from '../helpers/pdf.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';
import { hugeTexts, hugeTokens, hugeYaml } from '../../bench/huge-briefing.mjs';

useTempDirs();
// 100 items a list: about 210 slides (three-digit picture names), a minute's build on a quiet 2-core machine.
const N = 100;

type ByList = Record<string, string[]>;

describe('a huge deck', () => {
  beforeAll(() => ensureDist(), 120_000);

  it(`keeps every item of ${N}-item lists: in deck.pdf, in briefing.pdf, and one sorted PNG a slide`, async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, hugeYaml(N));
    const out = path.join(dir, 'out');
    const r = runBin(['build', file, '--out', out, '--format', 'html', '--format', 'pdf', '--format', 'print', '--format', 'md', '--format', 'png', '--scale', '0.5'], { env: { CI: '1' }, timeout: 240_000 });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const folder = path.join(out, 'huge');
    const slides = pdfInfo(path.join(folder, 'deck.pdf')).pages;
    expect(slides, "hundreds of slides (their pictures need three digits)").toBeGreaterThan(N);
    for (const name of ['deck.pdf', 'briefing.pdf']) {
      const text = pdfText(path.join(folder, name));
      const flat = squash(text);
      const missing = (lists: ByList, within: string, norm: (s: string) => string) =>
        Object.entries(lists).flatMap(([list, items]) => items.filter((t) => !within.includes(norm(t))).map((t) => `${list}: ${t.slice(0, 40)}`));
      expect(missing(hugeTokens(N), text, (t) => t), `tokens missing from ${name}`).toEqual([]);
      if (name === 'deck.pdf') expect(missing(hugeTexts(N), flat, squash), `texts missing from ${name}`).toEqual([]);
    }
    // One picture a slide; name order is slide order (three digits here, as many as the count needs).
    const pngs = readdirSync(path.join(folder, 'slides'));
    expect(pngs).toHaveLength(slides);
    const width = String(slides).length;
    expect(pngs.every((n) => new RegExp(`^\\d{${width}}\\.png$`).test(n))).toBe(true);
    expect([...pngs].sort()).toEqual(pngs.map((_, i) => `${String(i + 1).padStart(width, '0')}.png`));
  }, 300_000);
});
