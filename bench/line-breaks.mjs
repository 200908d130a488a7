#!/usr/bin/env node
// How well this process could know a text's lines before Chromium lays it out: the fit's next step
// (README, Benchmarks). For every text container of the 14 distinct decks (the test corpus and the two
// examples) drawn at each text level the fit uses, Chromium gives the words' widths (a canvas measuring
// them in the run's own font, size, weight and letter spacing: no layout), the width the text has, and
// the lines it took when laid out; greedy breaking at spaces and after hyphens and dashes (none after a
// Hebrew letter's hyphen, as Unicode's rules have it), in this process, predicts the lines from the
// widths alone. Prints the share predicted exactly, by script, and the misses. Chromium is started as
// briefdeck starts it (its own BrowserSession): its font switches decide how widths scale with the size.
// Needs `npm run build` first. Not a test.
//   node bench/line-breaks.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distinctContent } from './distinct.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { findBrowser } = await import(path.join(root, 'dist', 'browser', 'finder.js'));
// briefdeck's own session: the Chromium command line, print media, the viewport and the pages the fit uses.
const { BrowserSession } = await import(path.join(root, 'dist', 'browser', 'session.js'));

const work = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-lines-'));
const content = distinctContent(root, path.join(work, 'content'));
const out = path.join(work, 'out');
const built = spawnSync(process.execPath, [path.join(root, 'bin', 'briefdeck.js'), 'build', content, '--out', out, '--quiet', '--format', 'html'], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
const decks = readdirSync(out).filter((d) => !d.startsWith('.')).map((d) => path.join(out, d, 'deck.html'));

/** The text levels' classes (slides.ts): the two grow sizes, the theme's, and three of the shrink sizes. */
const LEVELS = ['grow-2', 'grow-1', '', 'fit-1', 'fit-3', 'fit-5'];

const session = new BrowserSession({ executablePath: findBrowser().executablePath, concurrency: 1 });

/**
 * Runs in the page: every slide drawn at text level `level` (its class), then each text container with
 * the width its text has, the lines Chromium laid it out on, and its text as runs of words and spaces,
 * each with its width in the run's font.
 */
function textsAt(level) {
  for (const section of document.querySelectorAll('section')) {
    for (const c of [...section.classList]) if (/^(fit|grow)-\d$/.test(c)) section.classList.remove(c);
    if (level) section.classList.add(level);
  }
  const ctx = document.createElement('canvas').getContext('2d');
  const blockish = (el) => !/^inline|^none$|^contents$|^table/.test(getComputedStyle(el).display);
  // Text containers: HTML elements of the slides (not their header, footer or figures) holding only inline content.
  const containers = [...document.querySelectorAll('section *')].filter(
    (el) =>
      el.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
      el.closest('svg')?.hasAttribute('data-marpit-svg') &&
      !el.closest('header, footer, figure') &&
      blockish(el) &&
      ![...el.children].some(blockish) &&
      el.textContent.trim(),
  );
  return containers.map((el) => {
    const cs = getComputedStyle(el);
    const lineHeight = parseFloat(cs.lineHeight);
    const border = cs.boxSizing === 'border-box' ? parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth) : 0;
    const range = document.createRange();
    range.selectNodeContents(el);
    const bottoms = [];
    for (const r of range.getClientRects()) if (r.width > 0 && !bottoms.some((b) => Math.abs(b - r.bottom) < lineHeight / 2)) bottoms.push(r.bottom);
    return {
      width: parseFloat(cs.width) - border,
      lines: bottoms.length,
      kind: `${el.tagName.toLowerCase()}${el.classList[0] ? `.${el.classList[0]}` : ''}`,
      text: el.textContent.trim().slice(0, 60),
      runs: runsOf(el),
    };
  });

  function runsOf(el) {
    const runs = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const ps = getComputedStyle(n.parentElement);
      if (ps.display === 'none' || ps.position === 'absolute') continue;
      ctx.font = `${ps.fontStyle} ${ps.fontWeight} ${ps.fontSize} ${ps.fontFamily}`;
      ctx.letterSpacing = ps.letterSpacing === 'normal' ? '0px' : ps.letterSpacing;
      ctx.fontKerning = 'normal';
      const text = (ps.textTransform === 'uppercase' ? n.textContent.toUpperCase() : n.textContent).replace(/\s+/g, ' ');
      const tokens = text.split(/( )/).filter(Boolean).map((t) => [t, ctx.measureText(t).width]);
      const [start, end] = edges(n, el);
      if (start) tokens.unshift(['', start]);
      if (end) tokens.push(['', end]);
      runs.push(tokens);
    }
    return runs;
  }

  /** The margin, border and padding of the inline elements that text node `n` opens and closes, within `el`. */
  function edges(n, el) {
    let start = 0;
    let end = 0;
    let opens = true;
    let closes = true;
    for (let a = n.parentElement; a && a !== el && (opens || closes); a = a.parentElement) {
      const texts = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
      const first = texts.nextNode();
      let last = first;
      for (let m = first; m; m = texts.nextNode()) last = m;
      const as = getComputedStyle(a);
      const side = (k) => parseFloat(as[`margin${k}`]) + parseFloat(as[`padding${k}`]) + parseFloat(as[`border${k}Width`]);
      opens &&= first === n;
      closes &&= last === n;
      if (opens) start += side('Left');
      if (closes) end += side('Right');
    }
    return [start, end];
  }
}

const texts = [];
for (const deck of decks) {
  await session.withDocument(readFileSync(deck, 'utf8'), async (page) => {
    for (const level of LEVELS) {
      const found = await page.evaluate(textsAt, level);
      for (const t of found) texts.push({ deck: path.basename(path.dirname(deck)), level: level || 'theme size', ...t });
    }
  });
}
await session.close();
rmSync(work, { recursive: true, force: true });

/**
 * Lines by greedy breaking: words (and the parts of a word after a hyphen or dash) go on the line while
 * they fit; a space at a line's end takes no room. A token's width is shared among its parts by length.
 * Also how near the closest call came, in px.
 */
function predictLines(t) {
  let lines = 1;
  let x = 0;
  let space = 0;
  let piece = 0;
  // How near the closest call came (px): a word that just fitted, or just did not.
  let nearest = Infinity;
  const place = () => {
    if (!piece) return;
    if (x > 0) nearest = Math.min(nearest, Math.abs(t.width - (x + space + piece)));
    if (x > 0 && x + space + piece > t.width) (lines += 1), (x = piece);
    else x += (x > 0 ? space : 0) + piece;
    piece = 0;
    space = 0;
  };
  for (const run of t.runs) {
    for (const [token, width] of run) {
      if (token === ' ') {
        place();
        space = width;
        continue;
      }
      // After a hyphen or dash, but not after a hyphen that follows a Hebrew letter (UAX #14, LB21a).
      const parts = token ? token.split(/(?<=(?<![\u05D0-\u05EA])[-\u2010]|[\u2013\u2014/])/) : [''];
      parts.forEach((p, i) => {
        piece += token ? (width * p.length) / token.length : width;
        if (i < parts.length - 1) place();
      });
    }
  }
  place();
  // One line exactly as wide as its box (to layout's 1/64 px): a box sized to its text (a number column, a
  // date), which no break threatens.
  if (lines === 1 && Math.abs(t.width - x) < 0.05) nearest = Infinity;
  else if (lines === 1) nearest = Math.min(nearest, t.width - x);
  return { lines, nearest };
}

const hebrew = (t) => /[\u0590-\u05FF]/.test(t.text) || t.deck.endsWith('-he');
const pct = (a, b) => `${((100 * a) / Math.max(b, 1)).toFixed(2)}%`;
console.log(`${texts.length} text containers: ${decks.length} decks, ${LEVELS.length} text levels each`);
/** A prediction this close to a break (px) would be left to Chromium: the texts a part would still be probed for. */
const CLOSE = 1;
console.log(`| script | texts | predicted exactly | texts on 2+ lines | predicted exactly | predicted short by a line | long by a line | within ${CLOSE} px of a break | misses among the rest |`);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const misses = [];
for (const [name, set] of [['Latin', texts.filter((t) => !hebrew(t))], ['Hebrew', texts.filter(hebrew)]]) {
  const predicted = set.map((t) => {
    const { lines, nearest } = predictLines(t);
    return [t, lines, nearest];
  });
  const close = predicted.filter(([, , n]) => n < CLOSE);
  const confidentMisses = predicted.filter(([t, p, n]) => n >= CLOSE && p !== t.lines).length;
  const exact = predicted.filter(([t, p]) => p === t.lines).length;
  const multi = predicted.filter(([t]) => t.lines > 1);
  const short = predicted.filter(([t, p]) => p === t.lines - 1).length;
  const long = predicted.filter(([t, p]) => p === t.lines + 1).length;
  console.log(`| ${name} | ${set.length} | ${exact} (${pct(exact, set.length)}) | ${multi.length} | ${multi.filter(([t, p]) => p === t.lines).length} | ${short} | ${long} | ${close.length} (${pct(close.length, set.length)}) | ${confidentMisses} |`);
  for (const [t, p, n] of predicted) if (p !== t.lines) misses.push(`${name} ${t.deck} ${t.kind} at ${t.level}: ${t.lines} lines, predicted ${p}, ${t.width.toFixed(1)} px wide, the closest call ${n.toFixed(2)} px: "${t.text}"`);
}
console.log('\nMisses:');
for (const m of misses) console.log(`- ${m}`);
