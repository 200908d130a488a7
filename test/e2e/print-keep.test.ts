// The print briefing keeps things with what follows them: no heading, section lead or lead-in point
// (a point with nested points) ends a page alone, and no table row is split across pages. Read back from
// briefing.pdf page by page. The fixture has sections of every length, so that page breaks fall at every
// place a section can break; the same briefing printed with the keep rules taken out of print.css (a
// --templates override) shows that it does put headings, leads and rows at a page's foot.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { pdfInfo, pdfText, squash } from '../helpers/pdf.js';
import { ROOT } from '../helpers/paths.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const SECTIONS = 36;
const ACTORS = 40;
const filler = (n: number) => 'The text runs on about the matter at hand so that it wraps over more than one line of the page.'.repeat(n);

/** Section n: a one-line heading, a one-line lead, then (n % 7) + 1 points, the second one leading into three nested points. */
function section(n: number) {
  const points: unknown[] = Array.from({ length: (n % 7) + 1 }, (_v, j) => `Point kq${n}p${j} ${filler(1 + ((n + j) % 3))}`);
  if (points.length > 1) points[1] = { text: `Leadin kq${n}li opens the nested points.`, points: [0, 1, 2].map((j) => `Sub kq${n}s${j} ${filler(1)}`) };
  return { title: `Heading kq${n}h`, lead: `Lead kq${n}ld in one line.`, points };
}

const doc = {
  title: 'Keep with next',
  date: '2025-06-01',
  bluf: 'The bottom line.',
  keyPoints: ['One point.'],
  sections: Array.from({ length: SECTIONS }, (_v, n) => section(n)),
  actors: Array.from({ length: ACTORS }, (_v, n) => ({ name: `Actor kq${n}ra`, type: 'state', role: `${filler(1 + (n % 3))} Ends kq${n}rz.`, stance: 'Watching.' })),
  sources: [{ id: 's1', title: 'A source' }],
};

/** Pages (1-based) on which each marker is printed. */
function pagesOf(pdf: string): (marker: string) => number[] {
  const pages = pdfText(pdf).split('\f').map(squash);
  return (marker: string) => pages.flatMap((p, i) => (p.includes(marker) ? [i + 1] : []));
}

/** Everything kept apart from what follows it: [what, its page, the next thing's page]. */
function apart(pdf: string): string[] {
  const on = pagesOf(pdf);
  const page = (m: string) => {
    const p = on(m);
    expect(p, `${m} printed exactly once`).toHaveLength(1);
    return p[0] as number;
  };
  const out: string[] = [];
  for (let n = 0; n < SECTIONS; n++) {
    const [h, l, p0] = [page(`kq${n}h`), page(`kq${n}ld`), page(`kq${n}p0`)];
    if (h !== l) out.push(`heading ${n} on page ${h}, its lead on ${l}`);
    if (l !== p0) out.push(`lead ${n} on page ${l}, its first point on ${p0}`);
    if ((n % 7) + 1 > 1) {
      const [li, s0] = [page(`kq${n}li`), page(`kq${n}s0`)];
      if (li !== s0) out.push(`lead-in point ${n} on page ${li}, its first nested point on ${s0}`);
    }
  }
  for (let n = 0; n < ACTORS; n++) {
    const [a, z] = [page(`kq${n}ra`), page(`kq${n}rz`)];
    if (a !== z) out.push(`table row ${n} starts on page ${a}, ends on ${z}`);
  }
  return out;
}

async function print(dir: string, args: string[] = []) {
  const out = path.join(dir, `out${args.length}`);
  const r = await runCli(['build', path.join(dir, 'keep.yaml'), '-o', out, '-f', 'print', '--force', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return path.join(out, 'keep-with-next', 'briefing.pdf');
}

describe('the print briefing keeps with what follows', () => {
  it('leaves no heading, lead or lead-in point alone at a page foot, and splits no table row', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'keep.yaml'), stringify({ slug: 'keep-with-next', ...doc }));
    const pdf = await print(dir);
    expect(pdfInfo(pdf).pages).toBeGreaterThan(12);
    expect(apart(pdf)).toEqual([]);

    // The control: the same briefing with print.css's keep rules removed does break at those places.
    const css = await readFile(path.join(ROOT, 'templates/print/print.css'), 'utf8');
    const loose = css.replace(/(page-)?break-(after|before|inside):\s*avoid;?|orphans:\s*\d+;?|widows:\s*\d+;?/g, '');
    expect(loose).not.toContain('avoid');
    await mkdir(path.join(dir, 'loose', 'print'), { recursive: true });
    await writeFile(path.join(dir, 'loose', 'print', 'print.css'), loose);
    const control = apart(await print(dir, ['--templates', path.join(dir, 'loose')]));
    for (const kind of ['heading', 'lead ', 'lead-in point', 'table row']) {
      expect(control.some((c) => c.startsWith(kind)), `without the rules, a ${kind.trim()} is kept apart: ${control.join('; ')}`).toBe(true);
    }
  }, 180_000);
});
