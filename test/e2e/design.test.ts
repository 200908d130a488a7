// The design promises of the README (Design, Configuration), checked on real builds: the stress fixture
// fits (split, shrunk, nothing lost), markings are on every page, config defaults apply, themes render
// as designed, right to left mirrors, only our embedded fonts are used, and section images stay local.
// Each fixture is built once (in beforeAll) and read back with poppler and in Chromium.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/content/load.js';
import { measureSlides } from '../../src/fit/measure.js';
import { toPlainText } from '../../src/render/inline.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { fontDescriptorName, pdfFonts, pdfInfo, pdfText, type PdfFont } from '../helpers/pdf.js';
import { EXAMPLE, EXAMPLE_HE, fixture } from '../helpers/paths.js';
import { useBrowserSession } from '../helpers/browser.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const HEAVY = { timeout: 240_000 };
const BUILD_TIMEOUT = 240_000;

/** Our embedded families, as PDF base font names (a six-letter subset tag, then the family). */
const OUR_FONT = /^[A-Z]{6}\+(Inter|SourceSerif4|NotoSansHebrew(Thin)?|NotoSansArabic(Thin)?|NotoSansDevanagari(Thin)?|NotoSansThai(Thin)?|NotoSansSC(Thin)?|NotoSansKR(Thin)?|NotoEmoji)/;

/** A 1x1 PNG. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const MINIMAL = fixture('minimal.yaml');

function expectBuilt(run: CliRun, label: string): void {
  expect(run.code, `${label} exit code; stderr:\n${run.stderr}`).toBe(0);
  expect(run.stderr, label).not.toMatch(/^error /m);
}

/**
 * Text compared across line and page breaks: hyphenation breaks joined (`-\n` removed), then all
 * whitespace, soft hyphens and zero-width spaces removed.
 */
function flat(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/-\n/g, '')
    .replace(/[\s\u00ad\u200b]+/g, '');
}

function missing(needles: string[], haystack: string): string[] {
  const all = flat(haystack);
  return needles.filter((n) => !all.includes(flat(n)));
}

/** For a message: each missing text, and what the PDF has where it starts. */
function explainMissing(needles: string[], haystack: string): string {
  return needles
    .map((n) => {
      const at = haystack.indexOf(n.slice(0, 20));
      return `- ${JSON.stringify(n)}\n  PDF has: ${at < 0 ? '(not even its start)' : JSON.stringify(haystack.slice(at, at + n.length + 40))}`;
    })
    .join('\n');
}

const pageCache = new Map<string, string[]>();

/** The text of each page, by pdftotext -f N -l N (read once per file and mode). */
function pageTexts(file: string, options: { layout?: boolean } = {}): string[] {
  const key = `${options.layout ? 'layout' : 'raw'}:${file}`;
  const cached = pageCache.get(key);
  if (cached) return cached;
  const pages = pdfInfo(file).pages;
  expect(pages, `${file}: pages`).toBeGreaterThan(0);
  const out: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : []), '-f', String(n), '-l', String(n), file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`pdftotext -f ${n} -l ${n} ${file} exited ${r.status}: ${r.stderr}`);
    out.push(r.stdout);
  }
  pageCache.set(key, out);
  return out;
}

/** The first and last few lines of a page's text: its running header and footer, for messages. */
function margins(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim());
  return [...lines.slice(0, 6), '  …', ...lines.slice(-5)].join('\n');
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** Every font is embedded, none is Type 3, and each is one of our families. */
function expectOurFonts(file: string, label: string): PdfFont[] {
  const fonts = pdfFonts(file);
  expect(fonts.length, `${label}: fonts`).toBeGreaterThan(0);
  for (const f of fonts) {
    const what = f.type === 'Type 3' ? `a Type 3 font drawn from ${fontDescriptorName(file, f.object) ?? 'an unnamed font'}` : f.name;
    expect(f.embedded, `${label}: ${what} is embedded`).toBe(true);
    expect(f.type, `${label}: ${what} is not Type 3`).not.toBe('Type 3');
    expect(f.name, `${label}: ${what} is one of our embedded families`).toMatch(OUR_FONT);
  }
  return fonts;
}

/** Average grey level (0 black … 255 white) of one page, rendered small by pdftoppm -gray as a binary PGM. */
function pageBrightness(file: string, page: number): number {
  const r = spawnSync('pdftoppm', ['-gray', '-r', '10', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftoppm exited ${r.status}: ${r.stderr?.toString()}`);
  const pgm = r.stdout as Buffer;
  // Header: "P5" width height maxval, separated by single whitespace; then width*height bytes.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[i] ?? 32))) i++;
    if (pgm[i] === 0x23) {
      while (pgm[i] !== 0x0a) i++;
      continue;
    }
    let tok = '';
    while (i < pgm.length && !/\s/.test(String.fromCharCode(pgm[i] as number))) tok += String.fromCharCode(pgm[i++] as number);
    fields.push(tok);
  }
  i++; // the single whitespace after maxval
  expect(fields[0], 'PGM magic').toBe('P5');
  const [w, h, max] = fields.slice(1).map(Number) as [number, number, number];
  expect(max).toBeLessThan(256);
  const pixels = pgm.subarray(i, i + w * h);
  expect(pixels.length, 'PGM pixel bytes').toBe(w * h);
  let sum = 0;
  for (const p of pixels) sum += p;
  return (sum / pixels.length) * (255 / max);
}

const browser = useBrowserSession();

// ---------------------------------------------------------------------------------------------------
describe('the stress fixture: 30 key points, a 120-word point, 40 actors, unbroken words', () => {
  const STRESS = fixture('stress.yaml');
  const MARKING = 'CONFIDENTIAL — FOR TESTING ONLY — DO NOT DISTRIBUTE';
  let run: CliRun;
  let dir: string;
  let report: {
    exitCode: number;
    briefings: { slug: string; ok: boolean; fit?: { actions: { action: string; heading: string; detail: string }[]; overflowing: unknown[] } }[];
  };
  let keyPoints: string[];
  let actors: string[];

  beforeAll(async () => {
    const out = await tempDir('briefdeck-design-stress-');
    const reportFile = path.join(await tempDir(), 'r.json');
    // Not --strict: the stress fixture's 30 key points and 120-word point draw content warnings (below).
    run = await runCli(['build', STRESS, '--report', reportFile, '--out', out]);
    dir = path.join(out, 'stress');
    report = JSON.parse(await readFile(reportFile, 'utf8'));
    const loaded = await loadBriefing(STRESS);
    keyPoints = loaded.briefing.keyPoints.map((k) => toPlainText(k.text));
    actors = (loaded.briefing.actors ?? []).map((a) => toPlainText(a.name));
  }, BUILD_TIMEOUT);

  it('builds (exit 0) with nothing overflowing, warning only of its content', () => {
    expectBuilt(run, 'stress');
    expect(report.exitCode).toBe(0);
    expect(report.briefings).toHaveLength(1);
    expect(report.briefings[0]?.ok).toBe(true);
    expect(report.briefings[0]?.fit?.overflowing).toEqual([]);
    const warnings = (report.briefings[0] as { warnings?: string[] }).warnings ?? [];
    expect(warnings.some((w) => w.startsWith('keyPoints: 30 key points'))).toBe(true);
    expect(warnings.filter((w) => /overflows/.test(w))).toEqual([]);
  });

  it('with --strict, its content warnings fail it before anything is rendered', async () => {
    const strict = await runCli(['build', STRESS, '--strict', '--out', await tempDir(), '--format', 'md']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('keyPoints: 30 key points');
    expect(strict.stderr).toContain('(--strict makes this an error)');
  });

  it('no slide of deck.html runs over, down or sideways, when laid out in Chromium', HEAVY, async () => {
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    const [measures, blocksOnly] = await browser().withDocument(html, async (page) => {
      const all = await measureSlides(page);
      return [all, await measureSlides(page, all.map((m) => m.number))] as const;
    });
    expect(measures.length).toBe(pdfInfo(path.join(dir, 'deck.pdf')).pages);
    // Measured for their blocks alone (as the fit measures its probes): the same blocks and room, no walk.
    expect(blocksOnly.map((m) => [m.blocks, m.room])).toEqual(measures.map((m) => [m.blocks, m.room]));
    expect(blocksOnly.every((m) => m.overflowY === 0 && m.overflowX === 0 && m.fill === 0)).toBe(true);
    const over = measures.filter((m) => m.overflowY > 1 || m.overflowX > 1).map((m) => ({ slide: m.number, y: Math.round(m.overflowY), x: Math.round(m.overflowX) }));
    expect(over, 'slides that overflow').toEqual([]);
  });

  it('every key point, the 120-word one and the unbroken word and URL included, is in deck.pdf', () => {
    expect(keyPoints).toHaveLength(30);
    expect(keyPoints.some((p) => p.split(/\s+/).length >= 120)).toBe(true);
    const text = pdfText(path.join(dir, 'deck.pdf'));
    const lost = missing(keyPoints, text);
    expect(lost, `key points missing from deck.pdf:\n${explainMissing(lost, text)}`).toEqual([]);
  });

  it('every key point, the 120-word one and the unbroken word and URL included, is in briefing.pdf', () => {
    const text = pdfText(path.join(dir, 'briefing.pdf'));
    const lost = missing(keyPoints, text);
    expect(lost, `key points missing from briefing.pdf:\n${explainMissing(lost, text)}`).toEqual([]);
  });

  it('every actor name is in both PDFs', () => {
    expect(actors).toHaveLength(40);
    for (const pdf of ['deck.pdf', 'briefing.pdf']) {
      expect(missing(actors, pdfText(path.join(dir, pdf))), `actors missing from ${pdf}`).toEqual([]);
    }
  });

  it('splits the key points over several slides headed "Key points (i/n)", and reports the split', () => {
    const actions = report.briefings[0]?.fit?.actions ?? [];
    expect(actions.filter((a) => a.action === 'split').length, JSON.stringify(actions)).toBeGreaterThanOrEqual(1);
    expect(actions.some((a) => a.action === 'split' && a.heading === 'Key points'), JSON.stringify(actions)).toBe(true);
    const text = pdfText(path.join(dir, 'deck.pdf'));
    const n = Number(/Key points \(1\/(\d+)\)/.exec(text)?.[1]);
    expect(n, 'number of key point slides').toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= n; i++) expect(text).toContain(`Key points (${i}/${n})`);
    // deck.md carries the same parts (as Marp spans).
    const md = readFileSync(path.join(dir, 'deck.md'), 'utf8');
    expect(md.match(/^## Key points /gm)?.length).toBe(n);
  });

  it('the free-text marking is on every page of deck.pdf and briefing.pdf, in full at least once', () => {
    for (const pdf of ['deck.pdf', 'briefing.pdf']) {
      const pages = pageTexts(path.join(dir, pdf));
      pages.forEach((text, i) => {
        expect(flat(text), `${pdf} page ${i + 1}: full marking`).toContain(flat(MARKING));
        // Top and bottom: the footer's copy may be cut short with an ellipsis, but it starts the same.
        expect(count(text, 'CONFIDENTIAL'), `${pdf} page ${i + 1}: marking top and bottom`).toBeGreaterThanOrEqual(2);
      });
    }
  });

  it('the free-text marking bar leaves the print briefing\'s running title, date and page number on one line each', () => {
    // The marking is a full-width bar in the top and bottom margin centre; the corner boxes beside it
    // (short title, "As of …", source, "Page N of M") must still have room to be set on one line.
    const pages = pageTexts(path.join(dir, 'briefing.pdf'), { layout: true });
    const broken = pages
      .map((text, i) => ({ page: i + 1, text }))
      .filter(({ page, text }) => !new RegExp(`Page ${page} of ${pages.length}\\b`).test(text) || !/As of 1 June 2025/.test(text));
    expect(
      broken.map((b) => b.page),
      `pages whose "Page N of M" or "As of 1 June 2025" is broken over lines (pdftotext -layout):\n${broken.slice(0, 1).map((b) => `page ${b.page}:\n${margins(b.text)}`).join('\n')}`,
    ).toEqual([]);
  });

  it('embeds only our own fonts, none Type 3', () => {
    expectOurFonts(path.join(dir, 'deck.pdf'), 'stress deck.pdf');
    expectOurFonts(path.join(dir, 'briefing.pdf'), 'stress briefing.pdf');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('the English example: TLP:CLEAR marking, TLP colours, fonts', () => {
  let run: CliRun;
  let dir: string;

  beforeAll(async () => {
    const out = await tempDir('briefdeck-design-example-');
    run = await runCli(['build', EXAMPLE, '--out', out]);
    dir = path.join(out, 'us-iran-nuclear-talks');
  }, BUILD_TIMEOUT);

  it('builds (exit 0)', () => {
    expectBuilt(run, 'example');
  });

  it('TLP:CLEAR is on every page of both PDFs, top and bottom', () => {
    for (const pdf of ['deck.pdf', 'briefing.pdf']) {
      const pages = pageTexts(path.join(dir, pdf));
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((text, i) => expect(count(text, 'TLP:CLEAR'), `${pdf} page ${i + 1}`).toBeGreaterThanOrEqual(2));
    }
  });

  it('the deck has the TLP 2.0 colours, on black', async () => {
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    const colour = (kind: string, hex: string) =>
      expect(html, `.marking.${kind} color ${hex}`).toMatch(new RegExp(`\\.marking\\.${kind}\\b[^{]*\\{[^}]*\\bcolor\\s*:\\s*${hex}\\b`, 'i'));
    colour('tlp-amber', '#ffc000');
    colour('tlp-red', '#ff2b2b');
    colour('tlp-green', '#33ff00');
    colour('tlp-clear', '#ffffff');
    expect(html, '.marking background #000').toMatch(/\.marking\s*\{[^}]*\bbackground(-color)?\s*:\s*#000(000)?\b/i);
    // The slides use the TLP:CLEAR class.
    expect(html).toMatch(/class="marking tlp-clear"/);
  });

  it('embeds only our own fonts, none Type 3', () => {
    expectOurFonts(path.join(dir, 'deck.pdf'), 'example deck.pdf');
    expectOurFonts(path.join(dir, 'briefing.pdf'), 'example briefing.pdf');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('the config file', () => {
  it('defaultMarking, organisation and colours apply to a briefing with no marking', HEAVY, async () => {
    const src = await tempDir('briefdeck-design-config-');
    const out = await tempDir();
    const config = path.join(src, 'briefdeck.config.yaml');
    await writeFile(config, 'defaultMarking: TLP:AMBER\norganisation: Test Unit\ncolors: {primary: "#0B3D2E"}\n');
    const file = path.join(src, 'plain.yaml');
    const minimal = readFileSync(MINIMAL, 'utf8');
    expect(minimal).not.toMatch(/^marking:/m);
    await writeFile(file, minimal);
    const run = await runCli(['build', file, '--config', config, '--out', out]);
    expectBuilt(run, 'config build');
    const dir = path.join(out, 'plain');
    for (const pdf of ['deck.pdf', 'briefing.pdf']) {
      const pages = pageTexts(path.join(dir, pdf));
      pages.forEach((text, i) => expect(count(text, 'TLP:AMBER'), `${pdf} page ${i + 1}: TLP:AMBER top and bottom`).toBeGreaterThanOrEqual(2));
    }
    const title = pageTexts(path.join(dir, 'deck.pdf'))[0] ?? '';
    expect(title).toContain('Test Unit');
    expect(title).toContain('Minimal briefing');
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    expect(html).toMatch(/--primary:\s*#0B3D2E/i);
    expect(html).toMatch(/class="marking tlp-amber"/);
  });

  it('an unknown field exits 1, naming the config file and line, with a "did you mean" hint', async () => {
    const src = await tempDir();
    const config = path.join(src, 'briefdeck.config.yaml');
    await writeFile(config, 'organisation: Test Unit\ncolour: red\n');
    const run = await runCli(['build', MINIMAL, '--config', config, '--out', await tempDir()]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${config}:2:`);
    expect(run.stderr).toMatch(/colour/);
    expect(run.stderr).toMatch(/did you mean "colors"\?/);
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('a bad colour (#12) exits 1 with a clear message', async () => {
    const src = await tempDir();
    const config = path.join(src, 'briefdeck.config.yaml');
    await writeFile(config, 'colors:\n  primary: "#12"\n');
    const run = await runCli(['build', MINIMAL, '--config', config, '--out', await tempDir()]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${config}:2:`);
    expect(run.stderr).toMatch(/colors\.primary: expected a colour as #RRGGBB/);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('themes', () => {
  let dark: string;
  let light: string;
  let darkRun: CliRun;
  let lightRun: CliRun;

  beforeAll(async () => {
    const a = await tempDir('briefdeck-design-dark-');
    const b = await tempDir('briefdeck-design-light-');
    darkRun = await runCli(['build', MINIMAL, '--theme', 'situation-room', '--format', 'html', '--format', 'pdf', '--out', a]);
    lightRun = await runCli(['build', MINIMAL, '--theme', 'briefing', '--format', 'html', '--format', 'pdf', '--out', b]);
    dark = path.join(a, 'minimal');
    light = path.join(b, 'minimal');
  }, BUILD_TIMEOUT);

  it('situation-room is in deck.html and renders dark; briefing renders light', async () => {
    expectBuilt(darkRun, 'situation-room');
    expectBuilt(lightRun, 'briefing');
    const html = await readFile(path.join(dark, 'deck.html'), 'utf8');
    expect(html).toMatch(/#0e1116/i);
    expect(html).toMatch(/data-theme="situation-room"/);
    expect(await readFile(path.join(light, 'deck.html'), 'utf8')).not.toMatch(/#0e1116/i);
    const darkLevel = pageBrightness(path.join(dark, 'deck.pdf'), 2);
    const lightLevel = pageBrightness(path.join(light, 'deck.pdf'), 2);
    expect(darkLevel, 'situation-room page 2 brightness').toBeLessThan(60);
    expect(lightLevel, 'briefing page 2 brightness').toBeGreaterThan(200);
  });

  it('an unknown theme is a usage error (exit 2)', async () => {
    const run = await runCli(['build', MINIMAL, '--theme', 'no-such-theme', '--out', await tempDir()]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/unknown theme "no-such-theme"/);
    expect(run.stderr).toMatch(/situation-room/);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('right to left: the Hebrew example', () => {
  let run: CliRun;
  let dir: string;

  beforeAll(async () => {
    const out = await tempDir('briefdeck-design-he-');
    run = await runCli(['build', EXAMPLE_HE, '--out', out]);
    dir = path.join(out, 'us-iran-nuclear-talks-he');
  }, BUILD_TIMEOUT);

  it('deck.html is lang="he" dir="rtl", and every slide has the rtl class', async () => {
    expectBuilt(run, 'Hebrew');
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    expect(html).toMatch(/<html lang="he" dir="rtl">/);
    const sections = [...html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').matchAll(/<section(?=[\s>])[^>]*>/g)]
      .map((m) => m[0])
      .filter((t) => !/data-marpit-advanced-background/.test(t));
    expect(sections.length).toBe(pdfInfo(path.join(dir, 'deck.pdf')).pages);
    for (const s of sections) expect(s, 'slide class').toMatch(/\sclass="[^"]*\brtl\b[^"]*"/);
  });

  it('both PDFs embed Noto Sans Hebrew, and carry TLP:CLEAR in English and Hebrew text', () => {
    for (const pdf of ['deck.pdf', 'briefing.pdf']) {
      const fonts = pdfFonts(path.join(dir, pdf));
      expect(fonts.some((f) => f.name.includes('NotoSansHebrew')), `${pdf}: ${fonts.map((f) => f.name).join(', ')}`).toBe(true);
      const text = pdfText(path.join(dir, pdf));
      expect(text, pdf).toContain('TLP:CLEAR');
      expect(text, pdf).toMatch(/[\u05d0-\u05ea]{3,}/);
    }
  });

  it('embeds only our own fonts, none Type 3', () => {
    expectOurFonts(path.join(dir, 'deck.pdf'), 'Hebrew deck.pdf');
    expectOurFonts(path.join(dir, 'briefing.pdf'), 'Hebrew briefing.pdf');
  });

  it('slide 3\'s heading is set against the right edge, far from the left', HEAVY, async () => {
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    const box = await browser().withDocument(html, (page) =>
      page.evaluate(() => {
        const svg = document.querySelectorAll('div.marpit > svg[data-marpit-svg]')[2];
        const section = svg?.querySelector(':scope > foreignObject > section:not([data-marpit-advanced-background])') as HTMLElement | null;
        const h2 = section?.querySelector('h2');
        if (!section || !h2) return null;
        const s = section.getBoundingClientRect();
        const scale = s.width / 1280 || 1;
        const style = getComputedStyle(section);
        const range = document.createRange();
        range.selectNodeContents(h2);
        const text = range.getBoundingClientRect();
        return {
          direction: getComputedStyle(h2).direction,
          textAlign: getComputedStyle(h2).textAlign,
          contentLeft: (s.left + parseFloat(style.paddingLeft) * scale) / scale,
          contentRight: (s.right - parseFloat(style.paddingRight) * scale) / scale,
          left: text.left / scale,
          right: text.right / scale,
          heading: h2.textContent,
        };
      }),
    );
    expect(box, 'slide 3 has an h2').not.toBeNull();
    const b = box!;
    expect(b.direction).toBe('rtl');
    expect(Math.abs(b.contentRight - b.right), `heading "${b.heading}" right edge ${b.right} vs content right ${b.contentRight}`).toBeLessThanOrEqual(4);
    expect(b.left - b.contentLeft, `heading "${b.heading}" left edge ${b.left} vs content left ${b.contentLeft}`).toBeGreaterThan(300);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('CJK, Devanagari, Thai and emoji', () => {
  let run: CliRun;
  let dir: string;

  beforeAll(async () => {
    const src = await tempDir('briefdeck-design-cjk-');
    const out = await tempDir();
    const file = path.join(src, 'cjk.yaml');
    await writeFile(
      file,
      [
        'title: "Talks in 北京 😀"',
        'date: "2025-01-02"',
        'bluf: A bottom line about the talks in 北京.',
        'keyPoints:',
        '  - "Delegates who speak 日本語 attended."',
        '  - "The Hindi papers wrote of हिंदी समाचार."',
        '  - "Bangkok papers called it การเจรจา."',
        'sources:',
        '  - id: article',
        '    title: The article',
        '',
      ].join('\n'),
    );
    run = await runCli(['build', file, '--out', out, '--format', 'pdf', '--format', 'print', '--format', 'handout']);
    dir = path.join(out, 'cjk');
  }, BUILD_TIMEOUT);

  it('builds, and every PDF embeds the Noto face of each script, with no Type 3 font', () => {
    expectBuilt(run, 'CJK');
    for (const pdf of ['deck.pdf', 'briefing.pdf', 'handout.pdf']) {
      const fonts = expectOurFonts(path.join(dir, pdf), `CJK ${pdf}`);
      const names = fonts.map((f) => f.name).join(', ');
      for (const face of ['NotoSansSC', 'NotoEmoji', 'NotoSansDevanagari', 'NotoSansThai']) {
        expect(fonts.some((f) => f.name.includes(`+${face}`)), `${pdf} embeds ${face}: ${names}`).toBe(true);
      }
      const text = pdfText(path.join(dir, pdf));
      expect(text, pdf).toContain('北京');
      expect(text, pdf).toContain('日本語');
      expect(text, pdf).toContain('การเจรจา');
    }
  });
});

// ---------------------------------------------------------------------------------------------------
describe('section images', () => {
  const withImage = (imagePath: string) =>
    `${readFileSync(MINIMAL, 'utf8')}sections:\n  - title: A section with a chart\n    points: [A point beside the chart.]\n    image: {path: ${JSON.stringify(imagePath)}, alt: "A chart"}\n`;

  it('a local PNG beside the content is inlined as a data URI', HEAVY, async () => {
    const src = await tempDir('briefdeck-design-image-');
    const out = await tempDir();
    await writeFile(path.join(src, 'chart.png'), Buffer.from(PNG_1X1, 'base64'));
    const file = path.join(src, 'pictured.yaml');
    await writeFile(file, withImage('chart.png'));
    const run = await runCli(['build', file, '--out', out, '--format', 'html', '--format', 'pdf']);
    expectBuilt(run, 'image');
    const html = await readFile(path.join(out, 'pictured', 'deck.html'), 'utf8');
    expect(html).toContain('data:image/png;base64,');
    expect(html).toContain(PNG_1X1.slice(0, 40));
    expect(pdfText(path.join(out, 'pictured', 'deck.pdf'))).toContain('A point beside the chart.');
  });

  const bad: [string, (src: string) => string, RegExp][] = [
    ['a path leaving the content folder (../outside.png)', () => '../outside.png', /leaves the content folder/],
    ['an absolute path', (src) => path.join(src, 'content', 'chart.png'), /leaves the content folder|absolute/],
    ['a remote URL (http://x/y.png)', () => 'http://x/y.png', /local files|remote/],
  ];
  for (const [what, pathFor, message] of bad) {
    it(`${what} fails with exit 1, naming sections[0].image.path`, async () => {
      const src = await tempDir();
      await mkdir(path.join(src, 'content'));
      // The files exist: only where they are makes them wrong.
      await writeFile(path.join(src, 'outside.png'), Buffer.from(PNG_1X1, 'base64'));
      await writeFile(path.join(src, 'content', 'chart.png'), Buffer.from(PNG_1X1, 'base64'));
      const file = path.join(src, 'content', 'bad-image.yaml');
      await writeFile(file, withImage(pathFor(src)));
      const out = await tempDir();
      const run = await runCli(['build', file, '--out', out, '--format', 'html']);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain('sections[0].image.path');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    });
  }
});

describe('a horizontal timeline', () => {
  it('tags an expected event with a box as wide as its word, not its column', HEAVY, async () => {
    // The crane collapse: three events across the slide, the Hajj after the as-of date (expected).
    const out = await tempDir('briefdeck-design-timeline-');
    const run = await runCli(['build', fixture('corpus/crane.yaml'), '--out', out, '--format', 'html']);
    expectBuilt(run, 'crane');
    const html = await readFile(path.join(out, 'crane', 'deck.html'), 'utf8');
    const tags = await browser().withDocument(html, (page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('section.timeline.horizontal .projected')].map((tag) => {
          const column = tag.closest('li') as HTMLElement;
          const range = document.createRange();
          range.selectNodeContents(tag);
          return { tag: tag.getBoundingClientRect().width, word: range.getBoundingClientRect().width, column: column.getBoundingClientRect().width };
        }),
      ),
    );
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) {
      expect(t.tag, `tag ${t.tag} px in a column of ${t.column} px`).toBeLessThan(t.column / 2);
      // The word and its padding and border, no more.
      expect(t.tag - t.word).toBeLessThan(30);
    }
  });
});
