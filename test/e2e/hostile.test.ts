// Hostile content (test/fixtures/hostile, listed in its README.md): content is data, so nothing in it may
// become a slide, directive, heading, raw HTML, script or template expression in any output, nothing may be
// fetched, and a bad file is refused with a clear message (file, line:column where known, field, hint),
// exit code 1, no stack trace and nothing written; the build never crashes.
//
// The `builds` cases are built together in one run (one browser) and each output is then read back: deck.html
// in Chromium with request interception on, deck.md re-rendered by Marp with raw HTML *allowed*, both PDFs
// with pdftotext. The `refused` cases each get their own run and output folder.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { copyFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Marp } from '@marp-team/marp-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/finder.js';
import { spansPlugin } from '../../src/render/spans.js';
import { generateHostile } from '../fixtures/hostile/generate.js';
import { BIN, ensureDist, runCli, type CliRun } from '../helpers/cli.js';
import { ROOT, fixture } from '../helpers/paths.js';
import { listTree, tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const HOSTILE = fixture('hostile');
const BATCH_TIMEOUT = 300_000;
const CASE_TIMEOUT = 90_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const OUTPUTS = ['briefing.pdf', 'deck.html', 'deck.md', 'deck.pdf'];
const MANIFEST = '.briefdeck-manifest.json';

// ---------------------------------------------------------------------------------------------------------
// The cases. Keep README.md's table in step: a test below checks that both list the same files.

interface BuildCase {
  file: string;
  slug: string;
  /**
   * Take the expected text from the file itself: every text field must show literally (after Markdown's
   * backslash escapes) on the slides and in both PDFs; `notes` in the deck's speaker notes; image `alt` in
   * the print briefing.
   */
  fromFields?: boolean;
  /** More text that must show on the slides and in both PDFs. */
  text?: string[];
  /** Text that must be in both PDFs' text (compared without format characters such as U+200B). */
  pdf?: string[];
  /** Text checked on the slides only (the PDFs' text cannot hold it, e.g. characters no font here has). */
  htmlOnly?: string[];
  /** Speaker notes that must be in the deck's data. */
  notes?: string[];
  /** Removed from expected text and PDF text before comparing (glyphs this machine has no font for). */
  pdfIgnore?: RegExp;
  extra?: (c: Built) => void | Promise<void>;
}

interface RefusedCase {
  file: string;
  /** Every fragment must be in stderr. */
  expect: string[];
  /** Made by generate.ts into the temporary folder, not committed. */
  generated?: boolean;
  /** A hint line is required. */
  hint?: boolean;
  /** Run as a child process with this time limit (ms), for inputs that could take the test process down. */
  child?: number;
  /** A named pipe the build could wait on forever: unblocked after this many ms (and the case fails). */
  fifo?: { name: string; ms: number };
}

const AS_OF = 'As of 1 January 2025';

const BUILDS: BuildCase[] = [
  { file: 'html-every-field.yaml', slug: 'html-every-field', fromFields: true },
  { file: 'block-scalars.yaml', slug: 'block-scalars', fromFields: true },
  {
    file: 'links.yaml',
    slug: 'links',
    text: [
      'L01 [x](javascript:alert(1))',
      'L02 [x](data:text/html,alert)',
      'L03 [x](file:///etc/passwd)',
      'L04 [x](vbscript:msgbox)',
      'L05 <javascript:alert(1)>',
      'L06 !x and ok',
      'L08 [x](JAVASCRIPT:alert(1))',
      'L09 [x]( javascript:alert(1) )',
      'L11 [x](<javascript:alert(1)>) and z',
      'L12 <vbscript:msgbox> <data:text/html,x> <file:///etc/passwd>',
      'L13 ![img](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)',
      'L14 [ref] [ref]: javascript:alert(1)',
      'L15 [x](javascript:alert(1))',
      'L16 !tracker',
      'L17 [x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      'L18 [x](file:///etc/passwd)',
      'L19 [x](vbscript:msgbox)',
      'L20 [x](javascript:alert(1))',
      'L21 !x',
      'L22 [x](javascript:alert(1))',
      'L23 [x](javascript:alert(1))',
      'L24 [x](data:text/html,alert)',
      'L25 <javascript:alert(1)>',
      'L26 [x](file:///etc/passwd)',
      'L27 [x](vbscript:msgbox)',
      'L28 !x',
      'L29 [x](javascript:alert(1))',
      'L30 mail and https://example.org/bare',
      'L31 [x](javascript:alert(1)) and y',
      'L32 !x',
      'L33 [x](data:text/html,alert)',
      'https://example.org/a?q=<script>&x="y"',
    ],
    notes: ['L07 [x](javascript:alert(1))'],
    extra: (c) => {
      const hrefs = c.deck.links.map((l) => l.href);
      // Allowed links stay links; a Markdown image becomes a link to the image, never an <img>.
      expect(hrefs).toContain('https://example.org/ok');
      expect(hrefs).toContain('http://evil.example/p.png');
      expect(hrefs).toContain('mailto:analyst@example.org');
      expect(c.deck.links.find((l) => l.text === 'z')?.href, 'a # link keeps its quotes inside the URL').toMatch(/^#%22%20onmouseover=%22alert\(1\)$/);
    },
  },
  { file: 'handlebars.yaml', slug: 'handlebars', fromFields: true },
  {
    file: 'spans-math-emoji.yaml',
    slug: 'spans-math-emoji',
    fromFields: true,
    extra: (c) => {
      expect(c.deck.classes, 'no span made from content').not.toContain('evil');
      expect(c.deck.classes, 'no marking made from content').not.toContain('tlp-red');
      expect(c.deck.classes).not.toContain('marking');
      expect(c.deck.kpNumbers, 'key point numbers are ours').toEqual(['1', '2']);
      expect(c.deck.mathOrEmoji, 'no math or emoji markup').toEqual([]);
    },
  },
  {
    file: 'bidi-zero-width.yaml',
    slug: 'bidi-zero-width',
    htmlOnly: [
      'Z01 zero\u200Bwidth \u202Eevil override \u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069',
      'Z02 \u202Dforced ltr \u200E\u200F marks \uFEFF',
      'Z05 \u200B\u200C\u200D joiners and \u2060 word joiner',
      'Z06 invoice\u202Efdp.exe',
      'Z07 \u2067\u202Eopen\u2069 close',
      'Z08 \u202Esection',
      'Z09 point \u202E',
      'Z10 \u2066point',
      'Z11 \u200Bnested',
      'Z13 source \u202E',
      'Z14 \u2066publisher',
    ],
    // What no override covers reads the same in the PDFs' text.
    pdf: ['Z01 zerowidth', 'Z02', 'marks', 'Z03', 'Z04', 'Z05 joiners and word joiner', 'Z06 invoice', 'Z07', 'close', 'Z09 point', 'Z10 point', 'Z11 nested', 'Z12', 'Z13 source', 'Z14 publisher'],
    extra: (c) => {
      // An unclosed override in a field must not reverse what briefdeck writes after it: the dateline's
      // U+202E sits right before "· As of …" in the title slide's kicker and the print briefing's.
      c.deckPdfPages.forEach((page, i) => expect.soft(flat(page), `deck.pdf page ${i + 1} shows "${AS_OF}" in reading order`).toContain(flat(AS_OF)));
      const printCount = flat(c.printPdf).split(flat(AS_OF)).length - 1;
      expect.soft(printCount, `briefing.pdf: "${AS_OF}" on every page and in the kicker`).toBeGreaterThanOrEqual(c.printPdfPages.length + 1);
    },
  },
  {
    file: 'emoji-cjk.yaml',
    slug: 'emoji-cjk',
    fromFields: true,
    // No font on this machine has every Hangul syllable, and colour emoji are drawn as images: both are
    // checked on the slides; Chinese and Japanese in the PDFs too.
    pdfIgnore: /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Script=Hangul}\u200d\ufe0f\u2696]/gu,
  },
  { file: 'long-words.yaml', slug: 'long-words', fromFields: true },
  {
    file: 'bom.yaml',
    slug: 'bom',
    fromFields: true,
    extra: (c) => expect([...readFileSync(c.source).subarray(0, 3)], 'the fixture starts with a BOM').toEqual([0xef, 0xbb, 0xbf]),
  },
  {
    file: 'crlf.yaml',
    slug: 'crlf',
    fromFields: true,
    extra: (c) => expect(readFileSync(c.source, 'latin1').split('\r\n').length, 'the fixture has CRLF line endings').toBeGreaterThan(10),
  },
  {
    file: 'injection.json',
    slug: 'injection',
    fromFields: true,
    extra: (c) => expect(c.deck.title, 'the <title> holds the title as text').toContain('J01 </script><script>alert(1)</script> <img src=x onerror=alert(1)>'),
  },
  { file: 'custom-tags.yaml', slug: 'custom-tags', fromFields: true },
  {
    file: 'image-alt.yaml',
    slug: 'image-alt',
    fromFields: true,
    extra: (c) => {
      const withImage = c.deck.sections.filter((s) => s.classes.includes('with-image'));
      expect(withImage).toHaveLength(2);
      for (const s of withImage) {
        // The picture stands beside the points, inline (not as Marp's split background).
        expect.soft(s.imageSrcs, `slide ${s.id} shows its image (a data: URL)`).toHaveLength(1);
        if (s.imageSrcs[0]) expect.soft(s.imageSrcs[0], `slide ${s.id}`).toMatch(/^data:image\/(png|svg\+xml);base64,/);
        expect.soft(s.text, `slide ${s.id} shows no Markdown image syntax as text`).not.toMatch(/bg right|base64/);
      }
    },
  },
];

const REFUSED: RefusedCase[] = [
  {
    file: 'source-url-javascript.yaml',
    expect: [0, 1, 2, 3, 4].map((i) => `:${9 + 3 * i}:10 sources[${i}].url: only http, https and mailto links are allowed`),
  },
  { file: 'slug-traversal.yaml', expect: [':3:7 slug: expected a plain name'] },
  { file: 'slug-absolute.yaml', expect: [':3:7 slug: expected a plain name'] },
  { file: 'slug-nul.yaml', expect: [':3:7 slug: expected a plain name'] },
  { file: 'slug-con.yaml', expect: [':3:7 slug:', 'reserved'] },
  { file: 'image-traversal.yaml', expect: ['sections[0].image.path: image path leaves the content folder'], hint: true },
  { file: 'image-traversal-etc.yaml', expect: ['sections[0].image.path:'] },
  { file: 'image-absolute.yaml', expect: ['sections[0].image.path:'] },
  { file: 'image-absolute-existing.yaml', generated: true, expect: ['sections[0].image.path: image path leaves the content folder'], hint: true },
  { file: 'image-remote.yaml', expect: ['sections[0].image.path: images must be local files; remote images are never fetched'], hint: true },
  { file: 'image-symlink.yaml', expect: ['sections[0].image.path: image path leaves the content folder'], hint: true },
  { file: 'image-fifo.yaml', expect: ['sections[0].image.path:'], fifo: { name: 'fifo.png', ms: 15_000 } },
  { file: 'image-device.yaml', expect: ['sections[0].image.path:'], child: 60_000 },
  { file: 'alias-bomb.yaml', expect: ['YAML aliases expand too far'], hint: true },
  { file: 'big-file.yaml', generated: true, expect: ['file is 50.0 MiB, over the 2.0 MiB limit'], hint: true },
  { file: 'deep-nesting.yaml', expect: [':5:', 'nested more than 12 levels deep'], hint: true },
  { file: 'deep-nesting-100k.json', generated: true, expect: ['nested more than 12 levels deep'], hint: true },
  { file: 'invalid-utf8.yaml', generated: true, expect: ['invalid-utf8.yaml:2:12: file is not valid UTF-8 (byte 0xe9'], hint: true },
  { file: 'invalid-utf8-overlong.yaml', generated: true, expect: ['invalid-utf8-overlong.yaml:1:9: file is not valid UTF-8 (byte 0xc0'], hint: true },
  { file: 'lone-surrogate.json', expect: ['title'] },
  { file: 'duplicate-keys.yaml', expect: ['duplicate-keys.yaml:5:1: Map keys must be unique'], hint: true },
  { file: 'proto-pollution.yaml', expect: [':5:1 __proto__: unknown field "__proto__"', 'keyPoints[0].__proto__: unknown field "__proto__"'], hint: true },
  { file: 'constructor-prototype.yaml', expect: [':5:1 constructor: unknown field "constructor"'], hint: true },
  {
    file: 'proto-pollution.json',
    expect: ['sources[0].__proto__: unknown field "__proto__"', ':7:3 __proto__: unknown field "__proto__"', ':8:3 constructor: unknown field "constructor"'],
    hint: true,
  },
  { file: 'theme-gaia.yaml', expect: ['theme: unknown theme "gaia"'], hint: true },
  { file: 'lang-injection.yaml', expect: [':3:7 lang: is not a valid BCP 47 language tag'] },
  { file: 'yaml-typed-tags.yaml', expect: [':2:17 title: expected text', 'keyPoints: expected a list of key points'] },
];

// ---------------------------------------------------------------------------------------------------------
// Text: what a reader sees, compared the way each output can hold it.

/** Whitespace runs to one space; C0 controls, DEL and U+FFFD (which markdown-it puts for NUL) dropped. */
function norm(s: string): string {
  return s.replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * For PDF text: case (CSS may upper-case), whitespace (line breaks, letter-spacing), format characters and
 * hyphens between two letters (the print briefing hyphenates) ignored.
 */
function flat(s: string, ignore?: RegExp): string {
  let t = norm(s).normalize('NFKC').toLowerCase();
  if (ignore) t = t.replace(ignore, '');
  return t.replace(/[\s\u00ad\p{Cf}]+/gu, '').replace(/(?<=\p{L})[-\u2010](?=\p{L})/gu, '');
}

/**
 * The text of a PDF in content order (`pdftotext -raw`): the default mode takes a "-" at the end of a line
 * for a hyphenation and drops it, which would hide exactly the `---` these cases are about.
 */
function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`pdftotext ${file}: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** Markdown's backslash escapes, as a reader sees them. */
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

const NOT_TEXT = new Set(['date', 'slug', 'lang', 'theme', 'id', 'url', 'likelihood', 'confidence', 'path', 'published', 'accessed']);

/** Every text field of a content file: shown ones, speaker notes, image alt texts. */
function fieldTexts(file: string): { shown: string[]; notes: string[]; alt: string[] } {
  const doc: unknown = parseYaml(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { logLevel: 'error' });
  const out = { shown: [] as string[], notes: [] as string[], alt: [] as string[] };
  const walk = (v: unknown, key: string | undefined): void => {
    if (typeof v === 'string') {
      const text = norm(unescape(v));
      if (key === 'notes') out.notes.push(text);
      else if (key === 'alt') out.alt.push(text);
      else out.shown.push(text);
    } else if (Array.isArray(v)) {
      // `sources: [a, b]` on a point cites sources: ids, not text.
      if (key === 'sources' && v.every((x) => typeof x === 'string')) return;
      for (const x of v) walk(x, key);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (!NOT_TEXT.has(k)) walk(x, k);
    }
  };
  walk(doc, undefined);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Reading a deck in Chromium.

interface SectionReport {
  id: string;
  classes: string[];
  theme: string | null;
  paginate: string | null;
  hasFooter: boolean;
  /** Properties set in the section's style attribute. */
  styleProps: string[];
  display: string;
  text: string;
  backgroundImages: string[];
  /** Sources of the <img> elements inside the slide (a section's picture beside its points). */
  imageSrcs: string[];
  /** Horizontal overflow in CSS pixels (scrollWidth − clientWidth), measured with every slide shown. */
  overflowX?: number;
}

interface DeckReport {
  title: string;
  scripts: { type: string; id: string; src: string; length: number }[];
  slides: number;
  sections: SectionReport[];
  /** Elements no content may make, as `tag` or `tag[attr]`, found inside the slides. */
  forbidden: string[];
  /** Every attribute named on… anywhere in the document. */
  onAttributes: string[];
  /** URL-bearing attributes with a script-capable scheme. */
  badUrls: string[];
  /** Every <img> src inside the slides. */
  imgSrcs: string[];
  /** Style elements inside <body>. */
  bodyStyles: number;
  /** Class names of every element inside the slides' content (sections themselves excepted). */
  classes: string[];
  links: { href: string; text: string }[];
  kpNumbers: string[];
  mathOrEmoji: string[];
  notes: string[];
}

/** Runs in the page. Slides are Marp's <svg data-marpit-svg>; content sections are the ones not drawn for backgrounds. */
function readDeck(): DeckReport {
  const root = document.querySelector('body > div.marpit');
  const svgs = root ? Array.from(root.querySelectorAll(':scope > svg[data-marpit-svg]')) : [];
  const contentSections = svgs.flatMap((svg) =>
    Array.from(svg.querySelectorAll(':scope > foreignObject > section')).filter((s) => {
      const bg = s.getAttribute('data-marpit-advanced-background');
      return bg === null || bg === 'content';
    }),
  ) as HTMLElement[];
  const inSlides = svgs.flatMap((svg) => Array.from(svg.querySelectorAll('*')));
  const FORBIDDEN = 'script,iframe,frame,frameset,object,embed,applet,base,form,input,button,textarea,select,meta,link,style,audio,video,source,track,marquee,details,template,noscript,math,isindex,body,html,head,title,dialog,portal,canvas';
  const forbidden = inSlides
    .filter((el) => el.matches(FORBIDDEN) || (el.matches('img') && el.hasAttribute('onerror')) || (el.matches('svg') && el.hasAttribute('onload')))
    .map((el) => el.tagName.toLowerCase());
  for (const el of Array.from(document.querySelectorAll('iframe,frame,object,embed,applet,base,portal'))) forbidden.push(`${el.tagName.toLowerCase()} (anywhere)`);
  const all = Array.from(document.querySelectorAll('*'));
  const onAttributes = all.flatMap((el) => el.getAttributeNames().filter((a) => /^on/i.test(a)).map((a) => `${el.tagName.toLowerCase()}[${a}]`));
  const URL_ATTRS = /^(href|src|srcset|action|formaction|data|poster|background|xlink:href|ping|cite|lowsrc|dynsrc)$/i;
  const badUrls = all.flatMap((el) =>
    el
      .getAttributeNames()
      .filter((a) => URL_ATTRS.test(a))
      .map((a) => [a, el.getAttribute(a) ?? ''] as const)
      .filter(([a, v]) => /^\s*(javascript|vbscript|livescript|file|data:text)/i.test(v.replace(/[\u0000-\u0020]/g, '')) || (a.toLowerCase() === 'href' && el.tagName.toLowerCase() === 'a' && !/^(https?:|mailto:|#)/i.test(v)))
      .map(([a, v]) => `${el.tagName.toLowerCase()}[${a}=${v.slice(0, 80)}]`),
  );
  const sections: SectionReport[] = contentSections.map((s) => {
    const svg = s.closest('svg');
    return {
      id: s.id,
      classes: Array.from(s.classList),
      theme: s.getAttribute('data-theme'),
      paginate: s.getAttribute('data-paginate'),
      hasFooter: Boolean(s.querySelector(':scope > footer')),
      styleProps: Array.from(s.style),
      display: getComputedStyle(s).display,
      text: s.textContent ?? '',
      backgroundImages: svg
        ? Array.from(svg.querySelectorAll('figure'))
            .map((f) => (f as HTMLElement).style.backgroundImage)
            .filter(Boolean)
        : [],
      imageSrcs: Array.from(s.querySelectorAll('img')).map((i) => i.getAttribute('src') ?? ''),
    };
  });
  const classes = [...new Set(contentSections.flatMap((s) => Array.from(s.querySelectorAll('[class]')).flatMap((el) => Array.from(el.classList))))].sort();
  const data = document.getElementById('briefdeck-data')?.textContent;
  return {
    title: document.title,
    scripts: Array.from(document.scripts).map((s) => ({ type: s.type, id: s.id, src: s.getAttribute('src') ?? '', length: (s.textContent ?? '').length })),
    slides: svgs.length,
    sections,
    forbidden,
    onAttributes,
    badUrls,
    imgSrcs: inSlides.filter((el) => el.matches('img')).map((el) => el.getAttribute('src') ?? ''),
    bodyStyles: document.querySelectorAll('body style').length,
    classes,
    links: contentSections.flatMap((s) => Array.from(s.querySelectorAll('a')).map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' }))),
    kpNumbers: contentSections.flatMap((s) => Array.from(s.querySelectorAll('.kp-n')).map((e) => e.textContent ?? '')),
    mathOrEmoji: Array.from(document.querySelectorAll('.katex, mjx-container, math, img.emoji, [data-marp-twemoji]')).map((e) => e.tagName.toLowerCase()),
    notes: data ? ((JSON.parse(data) as { notes?: string[] }).notes ?? []) : [],
  };
}

/** Runs in a page with scripts off: every slide is shown, so overflow can be measured. */
function measureOverflow(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of Array.from(document.querySelectorAll('body > div.marpit > svg[data-marpit-svg] > foreignObject > section[id]')) as HTMLElement[]) {
    out[s.id] = s.scrollWidth - s.clientWidth;
  }
  return out;
}

interface Watched {
  requests: string[];
  dialogs: string[];
  problems: string[];
}

/** A page that lets only `allowed` and data: URLs load, and records everything else it tries. */
async function watchedPage(browser: Browser, allowed: string, scripts = true): Promise<{ page: Page; seen: Watched }> {
  const page = await browser.newPage();
  const seen: Watched = { requests: [], dialogs: [], problems: [] };
  await page.setJavaScriptEnabled(scripts);
  await page.setViewport({ width: 1280, height: 720 });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url === allowed || url.startsWith('data:') || url === 'about:blank') void req.continue();
    else {
      seen.requests.push(url);
      void req.abort('blockedbyclient');
    }
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.problems.push(`pageerror: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.problems.push(`console: ${m.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, seen };
}

// ---------------------------------------------------------------------------------------------------------
// Checks shared by every built deck.

const SECTION_KINDS = new Set(['title', 'bluf', 'keypoints', 'section', 'actors', 'actors-table', 'timeline', 'scenarios', 'indicators', 'quotes', 'glossary', 'sources', 'figure']);
const SECTION_MODIFIER = /^(horizontal|vertical|with-image|cols-[1-4]|count-\d+|events-\d+|marking-long|fit-\d+|grow-\d+|centred|short|medium)$/;

/** Class names the deck's templates and helpers give spans: read from templates/deck, plus the helpers'. */
function templateClasses(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.hbs')) {
        const src = readFileSync(full, 'utf8');
        for (const m of src.matchAll(/#span "([^"]+)"|%%\[([a-z0-9 -]+)\]/g)) for (const c of (m[1] ?? m[2] ?? '').split(' ')) if (c) found.add(c);
      }
    }
  };
  walk(path.join(ROOT, 'templates', 'deck'));
  return found;
}
const HELPER_CLASS = /^(marking|text|tlp-[a-z-]+|foot-source|foot-date|cite|badge|lk|lk-[1-7]|chip|conf|conf-(low|moderate|high))$/;

function expectSafeDeck(label: string, d: DeckReport, seen: Watched, opts: { scripts: number; markdownSlides?: number }) {
  expect(seen.requests, `${label}: requests other than the document and data: URLs`).toEqual([]);
  expect(seen.dialogs, `${label}: dialogs (a script ran)`).toEqual([]);
  expect(seen.problems, `${label}: page errors and CSP violations`).toEqual([]);
  if (opts.scripts === 2) {
    // The viewer script and its JSON data, nothing else.
    expect(d.scripts.map((s) => `${s.type || 'classic'}#${s.id}${s.src ? ` src=${s.src}` : ''}`).sort(), `${label}: scripts`).toEqual(['application/json#briefdeck-data', 'classic#']);
  } else {
    expect(d.scripts, `${label}: scripts`).toEqual([]);
  }
  expect(d.forbidden, `${label}: elements no content may make`).toEqual([]);
  expect(d.onAttributes, `${label}: on* attributes`).toEqual([]);
  expect(d.badUrls, `${label}: script-capable URLs`).toEqual([]);
  expect(d.imgSrcs.filter((s) => !s.startsWith('data:image/')), `${label}: images from anywhere but data:`).toEqual([]);
  expect(d.bodyStyles, `${label}: <style> inside the body`).toBe(0);
  expect(d.slides, `${label}: slides`).toBeGreaterThanOrEqual(3);
  expect(d.sections, `${label}: one content section a slide`).toHaveLength(d.slides);
  if (opts.markdownSlides !== undefined) expect(d.slides, `${label}: slides in deck.html vs deck.md`).toBe(opts.markdownSlides);
  const allowed = templateClasses();
  expect(d.classes.filter((c) => !allowed.has(c) && !HELPER_CLASS.test(c)), `${label}: classes not from our templates`).toEqual([]);
  d.sections.forEach((s, i) => {
    const at = `${label} slide ${i + 1}`;
    expect(s.classes.filter((c) => !SECTION_KINDS.has(c) && !SECTION_MODIFIER.test(c)), `${at}: section classes`).toEqual([]);
    expect(s.classes.filter((c) => SECTION_KINDS.has(c)), `${at}: exactly one slide kind`).toHaveLength(1);
    expect(s.classes.includes('title'), `${at}: the title slide is the first, and only the first`).toBe(i === 0);
    expect(s.theme, `${at}: theme`).toBe('briefing');
    if (i > 0) expect(s.paginate, `${at}: paginated`).toBe('true');
    expect(s.hasFooter, `${at}: footer`).toBe(true);
    expect(s.styleProps.filter((p) => !p.startsWith('--')), `${at}: style declarations besides Marp's custom properties`).toEqual([]);
    expect(s.display, `${at}: shown`).not.toBe('none');
  });
}

/** deck.md: one heading a slide, only our own directive comments, no raw HTML outside escapes and link targets. */
function checkMarkdown(label: string, md: string): number {
  const lines = md.split('\n');
  expect(lines[0], `${label}: front matter`).toBe('---');
  const end = lines.indexOf('---', 1);
  const front = parseYaml(lines.slice(1, end).join('\n')) as Record<string, unknown>;
  expect(Object.keys(front).filter((k) => !['marp', 'theme', 'size', 'lang', 'title', 'paginate', 'header', 'footer', 'style'].includes(k)), `${label}: front matter keys`).toEqual([]);
  expect(front.marp).toBe(true);
  expect(front.theme, `${label}: theme`).toBe('briefing');
  expect(front.paginate).toBe(true);
  const slides: string[][] = [[]];
  for (const line of lines.slice(end + 1)) {
    if (line === '---') slides.push([]);
    else slides[slides.length - 1]?.push(line);
  }
  slides.forEach((slide, i) => {
    const at = `${label} slide ${i + 1}`;
    expect(slide.filter((l) => /^ {0,3}#{1,6}(\s|$)/.test(l)), `${at}: heading lines`).toHaveLength(1);
    for (const line of slide) {
      if (!line.includes('<!--')) continue;
      expect(line, `${at}: a directive or comment that is not ours`).toMatch(/^<!-- (_class: [a-z0-9 -]+|_paginate: false|Notes: [^<>]*?) -->$/);
      const cls = /^<!-- _class: ([a-z0-9 -]+) -->$/.exec(line)?.[1];
      for (const c of cls?.split(' ') ?? []) expect(SECTION_KINDS.has(c) || SECTION_MODIFIER.test(c), `${at}: class ${c}`).toBe(true);
    }
    const html = slide
      .filter((l) => !l.startsWith('<!--'))
      .join('\n')
      .replace(/\]\(<[^>\s]*>\)/g, '](link)')
      .replace(/\]\(data:image\/[a-z+]+;base64,[A-Za-z0-9+/=&#;x]+ "[^\n]*\)$/gm, '](image)')
      // briefdeck's own HTML for Marp's tools (render/portable.ts): the templates' spans and the figures.
      .replace(/<span class="[a-z0-9 -]+">|<\/span>/g, '')
      .replace(/^<figure class="bd-fig"><img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"<>]*"><\/figure>$/gm, '');
    expect(html.match(/(^|[^\\])<[A-Za-z!/?]/gm) ?? [], `${at}: raw HTML`).toEqual([]);
  });
  return slides.length;
}

// ---------------------------------------------------------------------------------------------------------

interface Built {
  source: string;
  dir: string;
  deck: DeckReport;
  markdown: string;
  deckPdf: string;
  deckPdfPages: string[];
  printPdf: string;
  printPdfPages: string[];
}

function expectNoPollution(label: string) {
  expect(({} as Record<string, unknown>).polluted, `${label}: Object.prototype.polluted`).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), label).toBe(false);
  expect((globalThis as Record<string, unknown>).pwned, `${label}: globalThis.pwned`).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), `${label}: Object.prototype`).toEqual(PROTOTYPE_KEYS);
}
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

function expectNoStack(label: string, stderr: string) {
  expect.soft(stderr, `${label}: a stack trace`).not.toMatch(/\n\s+at /);
  expect.soft(stderr, `${label}: an internal error`).not.toMatch(/internal error|Maximum call stack|RangeError|TypeError|URIError/);
}

let root: string;
let browser: Browser | undefined;

beforeAll(async () => {
  root = await tempDir('briefdeck-hostile-');
  generateHostile(root);
  const committed = readdirSync(HOSTILE);
  for (const c of BUILDS) await copyFile(path.join(HOSTILE, c.file), path.join(root, 'builds', c.file));
  await copyFile(path.join(HOSTILE, 'evil.svg'), path.join(root, 'builds', 'evil.svg'));
  for (const c of REFUSED) if (!c.generated) await copyFile(path.join(HOSTILE, c.file), path.join(root, 'refused', c.file));
  expect(committed).toContain('README.md');
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the hostile corpus', () => {
  it('README.md lists every case, with the outcome this test expects', () => {
    const readme = readFileSync(path.join(HOSTILE, 'README.md'), 'utf8');
    const rows = new Map(
      [...readme.matchAll(/^\| `([^`]+)` \| (builds|refused) \|/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const want = new Map<string, string>([...BUILDS.map((c) => [c.file, 'builds'] as const), ...REFUSED.map((c) => [c.file, 'refused'] as const)]);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(want));
    // Every committed content file is a case.
    const content = readdirSync(HOSTILE).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(content.filter((f) => !want.has(f))).toEqual([]);
    expect(BUILDS.length + REFUSED.length).toBeGreaterThanOrEqual(28);
  });
});

describe('hostile content that builds: one run over a folder, then every output read back', () => {
  let run: CliRun;
  let out: string;

  beforeAll(async () => {
    out = await tempDir('briefdeck-hostile-out-');
    try {
      run = await runCli(['build', path.join(root, 'builds'), '--out', out]);
    } catch (e) {
      run = { code: -1, stdout: '', stderr: `main() threw: ${e instanceof Error ? e.stack : String(e)}` };
    }
    expectNoPollution('after the batch build');
    browser = await puppeteer.launch({ executablePath: findBrowser().executablePath, headless: true, args: CHROMIUM_ARGS });
  }, BATCH_TIMEOUT);

  it('builds every case, exit code 0, no stack trace, nothing left over in --out', async () => {
    expect(run.stderr).not.toMatch(/^main\(\) threw/);
    expectNoStack('batch', run.stderr);
    expect(run.stderr, 'no briefing failed').not.toMatch(/^error /m);
    expect(run.code, `exit code; stderr:\n${run.stderr}`).toBe(0);
    const tree = (await listTree(out)).filter((f) => f !== MANIFEST);
    const want = BUILDS.flatMap((c) => [c.slug, ...OUTPUTS.map((o) => `${c.slug}/${o}`)]).sort();
    expect(tree, 'only <slug>/<outputs> (no staging or temporary files)').toEqual(want);
    expectNoPollution('batch');
  });

  for (const c of BUILDS) {
    it(
      `${c.file}: built safely, its text shown literally`,
      async () => {
        const dir = path.join(out, c.slug);
        expect(run.stderr, `${c.file} was built`).toMatch(new RegExp(`✓ ${c.slug} \\d+ slides`));
        const slidesReported = Number(new RegExp(`✓ ${c.slug} (\\d+) slides`).exec(run.stderr)?.[1]);
        expect((await readdir(dir)).sort()).toEqual(OUTPUTS);
        if (!browser) throw new Error('no browser');

        // deck.html, as a person opens it: scripts on, every request but the file itself refused.
        const html = path.join(dir, 'deck.html');
        const url = pathToFileURL(html).href;
        const { page, seen } = await watchedPage(browser, url);
        let deck: DeckReport;
        try {
          await page.goto(url, { waitUntil: 'load' });
          await new Promise((r) => setTimeout(r, 300));
          deck = await page.evaluate(readDeck);
        } finally {
          await page.close();
        }
        const markdown = await readFile(path.join(dir, 'deck.md'), 'utf8');
        const mdSlides = checkMarkdown(`${c.file} deck.md`, markdown);
        expectSafeDeck(`${c.file} deck.html`, deck, seen, { scripts: 2, markdownSlides: mdSlides });
        expect(deck.slides, 'slides reported by the build').toBe(slidesReported);

        // Nothing off the side of a slide, measured with every slide shown (scripts off).
        const still = await watchedPage(browser, url, false);
        try {
          await still.page.goto(url, { waitUntil: 'load' });
          const overflow = await still.page.evaluate(measureOverflow);
          expect(Object.entries(overflow).filter(([, px]) => px > 1), `${c.file}: slides wider than the slide`).toEqual([]);
        } finally {
          await still.page.close();
        }

        // deck.md through Marp with raw HTML allowed: still no markup from content.
        const marp = new Marp({ html: true, math: false, emoji: { shortcode: false, unicode: false }, script: false, inlineSVG: true });
        marp.use(spansPlugin);
        marp.themeSet.add(readFileSync(path.join(ROOT, 'templates', 'themes', 'briefing.css'), 'utf8'));
        const rendered = marp.render(markdown);
        const viaMarp = await watchedPage(browser, 'about:blank');
        try {
          await viaMarp.page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>${rendered.css}</style></head><body>${rendered.html}</body></html>`, { waitUntil: 'load' });
          const d = await viaMarp.page.evaluate(readDeck);
          expectSafeDeck(`${c.file} deck.md rendered with html: true`, d, viaMarp.seen, { scripts: 0, markdownSlides: mdSlides });
        } finally {
          await viaMarp.page.close();
        }

        const deckPdf = pdfText(path.join(dir, 'deck.pdf'));
        const printPdf = pdfText(path.join(dir, 'briefing.pdf'));
        const built: Built = {
          source: path.join(root, 'builds', c.file),
          dir,
          deck,
          markdown,
          deckPdf,
          deckPdfPages: deckPdf.split('\f').filter((p) => p.trim()),
          printPdf,
          printPdfPages: printPdf.split('\f').filter((p) => p.trim()),
        };

        // The text, literally, wherever it belongs.
        const fields = c.fromFields ? fieldTexts(built.source) : { shown: [], notes: [], alt: [] };
        const shown = [...fields.shown, ...(c.text ?? [])].filter(Boolean);
        const slideText = norm(deck.sections.map((s) => s.text).join('\n'));
        const missing = (texts: string[], hay: string, cmp: (s: string) => string) =>
          texts.filter((t) => {
            const want = cmp(t);
            return want !== '' && !cmp(hay).includes(want);
          });
        expect.soft(missing([...shown, ...(c.htmlOnly ?? [])], slideText, norm), `${c.file}: text missing from the slides`).toEqual([]);
        const pdf = (s: string) => flat(s, c.pdfIgnore);
        expect.soft(missing([...shown, ...(c.pdf ?? [])], deckPdf, pdf), `${c.file}: text missing from deck.pdf`).toEqual([]);
        // Alt text is for screen readers (the picture's alt), never printed as a caption (issue 12).
        expect.soft(missing([...shown, ...(c.pdf ?? [])], printPdf, pdf), `${c.file}: text missing from briefing.pdf`).toEqual([]);
        const notes = deck.notes.map(norm).join('\n');
        expect.soft(missing([...fields.notes, ...(c.notes ?? [])], notes, norm), `${c.file}: speaker notes`).toEqual([]);
        if (c.fromFields) {
          const title = fieldTexts(built.source).shown[0] ?? '';
          expect.soft(norm(deck.title), `${c.file}: <title>`).toContain(title);
        }
        await c.extra?.(built);
        expectNoPollution(c.file);
      },
      CASE_TIMEOUT,
    );
  }
});

describe('hostile content that is refused: exit code 1, a clear message, nothing written', () => {
  for (const c of REFUSED) {
    it(
      `${c.file}: refused${c.expect.length ? ` (${c.expect[c.expect.length - 1]})` : ''}`,
      async () => {
        const file = path.join(root, 'refused', c.file);
        const out = path.join(await tempDir('briefdeck-hostile-refused-'), 'out');
        let run: CliRun;
        if (c.child) {
          // A child process, killed after the time limit: this input could exhaust the test's memory.
          ensureDist();
          const started = performance.now();
          const r = spawnSync(process.execPath, [BIN, 'build', file, '--out', out], {
            cwd: ROOT,
            env: { ...process.env, NO_COLOR: '1' },
            encoding: 'utf8',
            timeout: c.child,
            killSignal: 'SIGKILL',
          });
          const ms = performance.now() - started;
          expect.soft(r.signal, `${c.file}: still running after ${(ms / 1000).toFixed(1)}s, killed`).toBeNull();
          run = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
        } else if (c.fifo) {
          const fifo = path.join(root, 'refused', c.fifo.name);
          let settled = false;
          const pending = runCli(['build', file, '--out', out]).finally(() => {
            settled = true;
          });
          const waited = await Promise.race([pending.then(() => false, () => false), new Promise<boolean>((r) => setTimeout(() => r(true), c.fifo?.ms))]);
          // Let a build that waits on the pipe go on: open its other end and close it (end of file), until done.
          while (!settled) {
            try {
              closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
            } catch {
              // Nobody is reading yet.
            }
            await new Promise((r) => setTimeout(r, 50));
          }
          run = await pending;
          expect.soft(waited, `${c.file}: the build was still waiting on the named pipe after ${c.fifo.ms / 1000}s; stderr:\n${run.stderr}`).toBe(false);
        } else {
          try {
            run = await runCli(['build', file, '--out', out]);
          } catch (e) {
            throw new Error(`${c.file}: main() threw (a crash): ${e instanceof Error ? e.stack : String(e)}`);
          }
        }
        expectNoPollution(c.file);
        expectNoStack(c.file, run.stderr);
        expect.soft(run.code, `${c.file}: exit code; stderr:\n${run.stderr}`).toBe(1);
        expect.soft(run.stderr, 'names the file').toContain(c.file);
        for (const fragment of c.expect) expect.soft(run.stderr, `${c.file}: message`).toContain(fragment);
        if (c.hint) expect.soft(run.stderr, `${c.file}: a hint`).toMatch(/\n\s*hint: \S/);
        // Nothing written: no <out>/<slug>, no staging folder, no temporary file, no manifest.
        const left = existsSync(out) ? await listTree(out) : [];
        expect(left, `${c.file}: files left in --out`).toEqual([]);
      },
      CASE_TIMEOUT,
    );
  }
});
