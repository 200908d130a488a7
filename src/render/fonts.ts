// Embedded fonts from @fontsource (OFL): @font-face rules with the woff2 files inlined as data URIs,
// limited to the subsets the document's text uses, so output never depends on the machine's fonts.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cached } from '../cache.js';

const require = createRequire(import.meta.url);

interface Face {
  family: string;
  pkg: string;
  weights: number[];
  italic?: number[];
  /** Subsets to offer (others in the package are ignored); `*` takes every subset. */
  subsets: string[] | '*';
}

/** Slides: Inter; print body: Source Serif 4; other scripts: Noto Sans. */
export const FACES: Face[] = [
  { family: 'Inter', pkg: '@fontsource/inter', weights: [400, 600, 700], italic: [400, 600, 700], subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] },
  { family: 'Source Serif 4', pkg: '@fontsource/source-serif-4', weights: [400, 600], italic: [400, 600], subsets: ['latin', 'latin-ext', 'cyrillic', 'greek', 'vietnamese'] },
  { family: 'Noto Sans Hebrew', pkg: '@fontsource/noto-sans-hebrew', weights: [400, 600, 700], subsets: ['hebrew'] },
  { family: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', weights: [400, 700], subsets: ['arabic'] },
  // Chinese, Japanese kanji and kana: split by Fontsource into ~100 small chunks, only the used ones embed.
  { family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', weights: [400, 700], subsets: '*' },
  { family: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr', weights: [400, 700], subsets: '*' },
  // Hindi, Marathi, Nepali…; Thai.
  { family: 'Noto Sans Devanagari', pkg: '@fontsource/noto-sans-devanagari', weights: [400, 600, 700], subsets: ['devanagari'] },
  { family: 'Noto Sans Thai', pkg: '@fontsource/noto-sans-thai', weights: [400, 600, 700], subsets: ['thai'] },
  { family: 'Noto Emoji', pkg: '@fontsource/noto-emoji', weights: [400, 600, 700], subsets: '*' },
];

/** The families every document may need after its own, in fallback order. */
export const FALLBACK_FAMILIES = ['Noto Sans Hebrew', 'Noto Sans Arabic', 'Noto Sans Devanagari', 'Noto Sans Thai', 'Noto Sans SC', 'Noto Sans KR', 'Noto Emoji'];

interface Rule {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  file: string;
  ranges: [number, number][];
}

let rules: Rule[] | undefined;

function parseRanges(range: string): [number, number][] {
  return range.split(',').map((r) => {
    const [a = '0', b] = r.trim().replace(/^U\+/i, '').split('-');
    const lo = Number.parseInt(a.replace(/\?/g, '0'), 16);
    const hi = b ? Number.parseInt(b, 16) : Number.parseInt(a.replace(/\?/g, 'F'), 16);
    return [lo, hi];
  });
}

/**
 * Every face's rules, read from Fontsource's CSS (49 files, 550 rules: about 50 ms, most of it a cold
 * process's) once per installed version of the packages, then from the on-disk cache.
 */
function readRules(): Rule[] {
  const packages = FACES.map((face) => {
    const manifest = require.resolve(`${face.pkg}/package.json`);
    return { face, dir: path.dirname(manifest), version: (require(manifest) as { version: string }).version };
  });
  const key = packages.map((p) => `${p.face.pkg}@${p.version} ${p.dir}`);
  return JSON.parse(cached('font-rules', [JSON.stringify(FACES), ...key], () => JSON.stringify(packages.flatMap(parseRules)))) as Rule[];
}

function parseRules({ face, dir }: { face: Face; dir: string }): Rule[] {
  const out: Rule[] = [];
  const variants = [
    ...face.weights.map((w) => ({ w, style: 'normal' as const, css: `${w}.css` })),
    ...(face.italic ?? []).map((w) => ({ w, style: 'italic' as const, css: `${w}-italic.css` })),
  ];
  for (const v of variants) {
    const css = readFileSync(path.join(dir, v.css), 'utf8');
    for (const block of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!file || !range) continue;
      const name = file.replace(/\.woff2$/, '');
      const subsets = face.subsets;
      if (subsets !== '*' && !subsets.some((s) => name.endsWith(`-${s}-${v.w}-${v.style}`))) continue;
      out.push({ family: face.family, weight: v.w, style: v.style, file: path.join(dir, 'files', file), ranges: parseRanges(range) });
    }
  }
  return out;
}

/** Whether any of the sorted code points falls in one of the ranges (binary search per range). */
function uses(sorted: number[], ranges: [number, number][]): boolean {
  for (const [lo, hi] of ranges) {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((sorted[mid] ?? 0) < lo) a = mid + 1;
      else b = mid;
    }
    if (a < sorted.length && (sorted[a] ?? Infinity) <= hi) return true;
  }
  return false;
}

const dataCache = new Map<string, Promise<string>>();
function dataUri(file: string): Promise<string> {
  let p = dataCache.get(file);
  if (!p) {
    p = readFile(file).then((b) => `data:font/woff2;base64,${b.toString('base64')}`);
    dataCache.set(file, p);
  }
  return p;
}

/** @font-face CSS for the given families, covering the characters of `text` (Basic Latin always). */
export async function fontCss(families: string[], text: string): Promise<string> {
  rules ??= readRules();
  const used = new Set<number>();
  // Basic Latin is always in; the rest of the text (images as data URIs, figures' SVG) is mostly ASCII,
  // which a native regular expression drops faster than a loop can read it.
  for (const ch of text.replace(/[\x00-\x7f]+/g, '')) used.add(ch.codePointAt(0) ?? 0);
  for (let c = 0x20; c < 0x7f; c++) used.add(c);
  const sorted = [...used].sort((a, b) => a - b);
  // A deck is rendered several times while fitted, and many briefings share their characters.
  const key = `${families.join(',')}|${sorted.join(',')}`;
  let css = cssCache.get(key);
  if (!css) {
    css = facesFor(families, sorted);
    if (cssCache.size >= 64) cssCache.clear();
    cssCache.set(key, css);
  }
  return css;
}

const cssCache = new Map<string, Promise<string>>();

const coverage = new Map<string, [number, number][]>();
/** Every code point any face of `family` has, as sorted, merged ranges (made once a process). */
function coverageOf(family: string, all: Rule[]): [number, number][] {
  let merged = coverage.get(family);
  if (merged) return merged;
  const ranges = all.filter((r) => r.family === family).flatMap((r) => r.ranges).sort((a, b) => a[0] - b[0]);
  merged = [];
  for (const [lo, hi] of ranges) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  coverage.set(family, merged);
  return merged;
}

/** Whether `cp` falls in one of the sorted, disjoint ranges (binary search). */
function inRanges(ranges: [number, number][], cp: number): boolean {
  let a = 0;
  let b = ranges.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((ranges[mid] as [number, number])[1] < cp) a = mid + 1;
    else b = mid;
  }
  const r = ranges[a];
  return !!r && r[0] <= cp;
}

async function facesFor(families: string[], sorted: number[]): Promise<string> {
  const all = (rules ??= readRules());
  // Fallback faces are needed only for what some primary face (Inter, Source Serif 4) lacks: an emoji
  // chunk that also maps the digits must not be embedded for the digits' sake.
  // And each such character only from the first fallback family that has it, as the browser picks it
  // from the font-family list (`families` is in the themes' order, FALLBACK_FAMILIES's): an arrow that
  // Inter's subsets lack is drawn from Noto Sans SC, whose chunk with it was embedded beside Noto Sans
  // KR's, both weights, never used (27 KB of the example's deck.html).
  const primaries = families.filter((f) => !FALLBACK_FAMILIES.includes(f));
  const covers = (family: string, cp: number) => inRanges(coverageOf(family, all), cp);
  const needed = sorted.filter((cp) => primaries.some((f) => !covers(f, cp)));
  const fallbacks = families.filter((f) => FALLBACK_FAMILIES.includes(f));
  const drawnBy = new Map<string, number[]>(fallbacks.map((f) => [f, []]));
  for (const cp of needed) {
    const first = fallbacks.find((f) => covers(f, cp));
    if (first) drawnBy.get(first)?.push(cp);
  }
  const css: string[] = [];
  for (const r of all) {
    if (!families.includes(r.family)) continue;
    if (!uses(drawnBy.get(r.family) ?? sorted, r.ranges)) continue;
    const range = r.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',');
    css.push(
      `@font-face{font-family:'${r.family}';font-style:${r.style};font-weight:${r.weight};font-display:block;src:url(${await dataUri(r.file)}) format('woff2');unicode-range:${range}}`,
    );
  }
  return css.join('\n');
}

/** Every font file that could be embedded, for the build manifest. */
export async function fontFiles(): Promise<string[]> {
  rules ??= readRules();
  return [...new Set(rules.map((r) => r.file))];
}

/**
 * A document that draws Basic Latin in every face of Inter and Source Serif 4, for a new page to show
 * while the build still prepares its first document: a renderer's first document cost it about twice
 * its next (140-155 ms against 45-85 ms for the example's deck), most of it in decoding and first using
 * the web fonts, and a later document in the same renderer reuses fonts decoded from the same data.
 */
export async function fontPrimer(): Promise<string> {
  const families = ['Inter', 'Source Serif 4'];
  const sample = 'Briefing 0123456789 — the quick brown fox';
  const css = await fontCss(families, sample);
  const cells = new Set<string>();
  for (const r of (rules ??= readRules())) {
    if (!families.includes(r.family)) continue;
    cells.add(`<p style="font-family:'${r.family}';font-weight:${r.weight};font-style:${r.style}">${sample}</p>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>briefdeck</title><style>${css}</style></head><body>${[...cells].join('')}</body></html>`;
}
