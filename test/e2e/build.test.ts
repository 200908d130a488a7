// Real builds through the CLI, read back as a user's tools would: the PDFs with poppler and qpdf, the deck
// in Chromium. Builds the English example once, then the fixtures, a folder with a broken file, HTML only,
// the Hebrew example, and finally the installed binary as a user runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/browser/session.js';
import { findBrowser } from '../../src/browser/finder.js';
import { loadBriefing } from '../../src/content/load.js';
import { measureSlides } from '../../src/fit/measure.js';
import { toPlainText } from '../../src/render/inline.js';
import { ensureDist, runBin, runCli, type CliRun } from '../helpers/cli.js';
import { attrOf, openTags } from '../helpers/html.js';
import { fontDescriptorName, pdfFonts, pdfInfo, pdfText, qpdfCheck, squash, type PdfFont } from '../helpers/pdf.js';
import { EXAMPLE, EXAMPLE_HE, fixture, ROOT } from '../helpers/paths.js';
import { listTree, tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const OUTPUTS = ['briefing.pdf', 'deck.html', 'deck.md', 'deck.pdf'];
/** Our embedded families, as PDF base font names: `AAAAAA+Inter-Regular`, `BAAAAA+SourceSerif4-Italic`. */
// (@fontsource's Noto Sans Hebrew files name themselves "NotoSansHebrewThin-Regular", "…-Bold".)
const OUR_FONT = /^[A-Z]{6}\+(Inter|SourceSerif4|NotoSansHebrew(Thin)?|NotoSansArabic(Thin)?|NotoSansSC(Thin)?|NotoSansKR(Thin)?|NotoEmoji)(-[A-Za-z]+)?$/;
const A4 = { width: 595.28, height: 841.89 };
const LETTER = { width: 612, height: 792 };

/** Slides in deck.html: Marp's `<svg data-marpit-svg>` elements (script text, which may mention them, left out). */
const svgCount = (html: string) => html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').match(/<svg data-marpit-svg/g)?.length ?? 0;

/** The build manifest briefdeck keeps in --out: the one file there that is not a briefing's folder. */
const MANIFEST = '.briefdeck-manifest.json';

/** Everything under --out except the manifest, after checking that the manifest lists exactly `slugs`. */
async function outTree(out: string, slugs: string[]): Promise<string[]> {
  const tree = await listTree(out);
  if (tree.includes(MANIFEST)) {
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as { briefings: Record<string, unknown> };
    expect(Object.keys(manifest.briefings).sort()).toEqual([...slugs].sort());
  }
  return tree.filter((f) => f !== MANIFEST);
}

function expectNear(size: { width: number; height: number }, want: { width: number; height: number }, tolerance = 1) {
  expect(Math.abs(size.width - want.width), `width ${size.width} vs ${want.width}`).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(size.height - want.height), `height ${size.height} vs ${want.height}`).toBeLessThanOrEqual(tolerance);
}

/**
 * Every font of the PDF is embedded, and is one of our families as a real font program. A Type 3 font
 * (pdffonts: `[none]`) means Chromium drew glyphs itself, e.g. a bold or italic synthesised from a face we
 * did not embed; its descriptor's name goes into the message.
 */
function expectOurFonts(file: string, label: string): PdfFont[] {
  const fonts = pdfFonts(file);
  expect(fonts.length, `${label}: fonts`).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.embedded, `${label}: ${f.name} is embedded`).toBe(true);
    const what = f.type === 'Type 3' ? `a Type 3 font drawn from ${fontDescriptorName(file, f.object) ?? 'an unnamed font'}` : f.name;
    expect(f.name, `${label}: ${what} is one of our embedded families`).toMatch(OUR_FONT);
  }
  return fonts;
}

function expectBuilt(run: CliRun, label: string) {
  expect(run.code, `${label} exit code; stderr:\n${run.stderr}`).toBe(0);
  expect(run.stderr).not.toMatch(/^error /m);
}

/** A key point is "in" the text if it is there once whitespace and hyphenation are ignored. */
function missingPoints(points: string[], text: string): string[] {
  const all = squash(text);
  return points.filter((p) => !all.includes(squash(p)));
}

describe('the English example, built once by the CLI', () => {
  let out: string;
  let dir: string;
  let run: CliRun;
  let keyPoints: string[];
  let title: string;

  beforeAll(async () => {
    out = await tempDir('briefdeck-e2e-example-');
    run = await runCli(['build', EXAMPLE, '--out', out]);
    dir = path.join(out, 'us-iran-nuclear-talks');
    const loaded = await loadBriefing(EXAMPLE);
    keyPoints = loaded.briefing.keyPoints.map((k) => toPlainText(k.text));
    title = loaded.briefing.title;
  });

  it('exits 0 and writes deck.html, deck.pdf, briefing.pdf and deck.md into output/<slug>/', async () => {
    expectBuilt(run, 'example');
    expect(run.stderr).toMatch(/✓ us-iran-nuclear-talks \d+ slides · briefing \d+ pages/);
    expect((await readdir(dir)).sort()).toEqual(OUTPUTS);
    // Nothing else in --out: no staging folders or temporary files left behind.
    expect(await outTree(out, ['us-iran-nuclear-talks'])).toEqual(['us-iran-nuclear-talks', ...OUTPUTS.map((f) => `us-iran-nuclear-talks/${f}`)]);
  });

  it('deck.pdf is 16:9 (960x540 pt) with one page per slide of deck.html', async () => {
    const info = pdfInfo(path.join(dir, 'deck.pdf'));
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    const slides = svgCount(html);
    expect(slides).toBeGreaterThan(10);
    expect(info.pages).toBe(slides);
    expect(info.pageSizes).toHaveLength(slides);
    for (const size of info.pageSizes) expectNear(size, { width: 960, height: 540 }, 0.5);
    // deck.md has the same slides: front matter fences plus a separator between each two.
    const md = await readFile(path.join(dir, 'deck.md'), 'utf8');
    expect(md.startsWith('---\nmarp: true\n')).toBe(true);
    expect(md.split('\n').filter((l) => l === '---').length).toBe(2 + slides - 1);
    expect(run.stderr).toContain(`${slides} slides`);
  });

  it("deck.md opens in Marp's own tools: Marp CLI prints its slides with spans and figures, not briefdeck's markup", () => {
    const md = readFileSync(path.join(dir, 'deck.md'), 'utf8');
    expect(md).not.toContain('%%');
    expect(md).not.toContain('briefdeck-figure');
    const marpPdf = path.join(out, 'marp.pdf');
    const themes = ['briefing', 'situation-room'].map((t) => path.join(ROOT, 'templates', 'themes', `${t}.css`));
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js'), '--pdf', '--theme-set', ...themes, '-o', marpPdf, '--', path.join(dir, 'deck.md')], {
      env: { ...process.env, CHROME_PATH: findBrowser().executablePath },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(pdfInfo(marpPdf).pages).toBe(pdfInfo(path.join(dir, 'deck.pdf')).pages);
    const text = pdfText(marpPdf);
    expect(missingPoints(keyPoints, text)).toEqual([]);
    expect(text).not.toMatch(/%%|<svg|briefdeck-figure/);
    // The chart and the map are drawn (their labels are text in the PDF), not shown as their source.
    // (Only the chart writes its categories and "Source:" line; the deck's text has neither.)
    for (const label of ['May 2024', 'Source: IAEA quarterly']) expect(squash(text)).toContain(squash(label));
  }, 150_000);

  it('briefing.pdf is portrait A4 with at least two pages', () => {
    const info = pdfInfo(path.join(dir, 'briefing.pdf'));
    expect(info.pages).toBeGreaterThanOrEqual(2);
    for (const size of info.pageSizes) expectNear(size, A4);
    expect(run.stderr).toContain(`briefing ${info.pages} pages`);
  });

  it('every key point can be read back from both PDFs', () => {
    expect(keyPoints.length).toBeGreaterThan(3);
    for (const pdf of ['deck.pdf', 'briefing.pdf']) {
      expect(missingPoints(keyPoints, pdfText(path.join(dir, pdf))), `key points missing from ${pdf}`).toEqual([]);
    }
    const print = pdfText(path.join(dir, 'briefing.pdf'));
    expect(print).toContain('TLP:CLEAR');
    expect(squash(print)).toContain(squash(title));
  });

  it('embeds every font, and only our own families', () => {
    expectOurFonts(path.join(dir, 'deck.pdf'), 'deck.pdf');
    const print = expectOurFonts(path.join(dir, 'briefing.pdf'), 'briefing.pdf');
    // The print body is set in Source Serif 4, headings and labels in Inter.
    expect(print.some((f) => f.name.includes('+SourceSerif4'))).toBe(true);
    expect(print.some((f) => f.name.includes('+Inter'))).toBe(true);
  });

  it('both PDFs pass qpdf --check', () => {
    for (const pdf of ['deck.pdf', 'briefing.pdf']) {
      const check = qpdfCheck(path.join(dir, pdf));
      expect(check.ok, `${pdf}:\n${check.output}`).toBe(true);
      expect(check.output).toMatch(/No syntax or stream encoding errors found/);
    }
  });

  it('both PDFs carry the title and subject in their metadata', () => {
    for (const pdf of ['deck.pdf', 'briefing.pdf']) {
      const info = pdfInfo(path.join(dir, pdf));
      expect(info.title, pdf).toBe(title);
      expect(info.subject, pdf).not.toBe('');
      expect(info.subject).toMatch(/^The United States has resumed nuclear talks with Iran/);
      expect(info.author).toBe('briefdeck example');
    }
  });

  it('deck.html is self-contained: no network resource, and a Content-Security-Policy', async () => {
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(openTags(html, 'link')).toEqual([]);
    const csp = openTags(html, 'meta').find((m) => attrOf(m, 'http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(csp, 'CSP meta').toBeDefined();
    expect(attrOf(csp!, 'content')).toMatch(/default-src 'none'/);
    expect(attrOf(csp!, 'content')).not.toMatch(/https?:/);
  });

  it('no slide overflows when deck.html is laid out in Chromium', async () => {
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    const session = new BrowserSession({ executablePath: findBrowser().executablePath, concurrency: 1 });
    try {
      const measures = await session.withDocument(html, (page) => measureSlides(page));
      expect(measures).toHaveLength(svgCount(html));
      const over = measures.filter((m) => m.overflowY > 1 || m.overflowX > 1);
      expect(over, 'overflowing slides').toEqual([]);
    } finally {
      await session.close();
    }
    expect(run.stderr).not.toMatch(/overflows/);
  });
});

describe('the long fixture on another topic (Wikinews: Mecca crane collapse)', () => {
  let out: string;
  let dir: string;
  let run: CliRun;
  let points: string[];

  beforeAll(async () => {
    out = await tempDir('briefdeck-e2e-long-');
    run = await runCli(['build', fixture('long-other-topic.yaml'), '--out', out]);
    dir = path.join(out, 'mecca-crane-collapse');
    points = (await loadBriefing(fixture('long-other-topic.yaml'))).briefing.keyPoints.map((k) => toPlainText(k.text));
  });

  it('builds (exit 0), splitting what does not fit onto more slides', async () => {
    expectBuilt(run, 'long fixture');
    expect((await readdir(dir)).sort()).toEqual(OUTPUTS);
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    const deck = pdfInfo(path.join(dir, 'deck.pdf'));
    expect(deck.pages).toBe(svgCount(html));
    // Twelve key points, twelve actors and nine events cannot share one slide each.
    expect(deck.pages).toBeGreaterThan(15);
    for (const size of deck.pageSizes) expectNear(size, { width: 960, height: 540 }, 0.5);
    const print = pdfInfo(path.join(dir, 'briefing.pdf'));
    expect(print.pages).toBeGreaterThanOrEqual(3);
    for (const size of print.pageSizes) expectNear(size, A4);
  });

  it('every key point can be read back from both PDFs, and the source is credited', () => {
    expect(points.length).toBeGreaterThanOrEqual(10);
    expect(missingPoints(points, pdfText(path.join(dir, 'deck.pdf'))), 'deck.pdf').toEqual([]);
    const print = pdfText(path.join(dir, 'briefing.pdf'));
    expect(missingPoints(points, print), 'briefing.pdf').toEqual([]);
    expect(print).toContain('Wikinews (CC BY 2.5)');
    expect(print).toContain('TLP:GREEN');
  });

  it('passes qpdf --check', () => {
    for (const pdf of ['deck.pdf', 'briefing.pdf']) expect(qpdfCheck(path.join(dir, pdf)).ok, pdf).toBe(true);
  });

  it('deck.pdf embeds only our fonts', () => {
    expectOurFonts(path.join(dir, 'deck.pdf'), 'long deck.pdf');
  });

  it('briefing.pdf embeds only our fonts', () => {
    expectOurFonts(path.join(dir, 'briefing.pdf'), 'long briefing.pdf');
  });
});

describe('other builds', () => {
  it('--paper letter gives a US Letter briefing (612x792 pt)', async () => {
    const out = await tempDir();
    const run = await runCli(['build', EXAMPLE, '--out', out, '--format', 'print', '--paper', 'letter']);
    expectBuilt(run, 'letter');
    const dir = path.join(out, 'us-iran-nuclear-talks');
    expect(await readdir(dir)).toEqual(['briefing.pdf']);
    const info = pdfInfo(path.join(dir, 'briefing.pdf'));
    expect(info.pages).toBeGreaterThanOrEqual(2);
    for (const size of info.pageSizes) expectNear(size, LETTER);
  });

  it('builds the minimal fixture', async () => {
    const out = await tempDir();
    const run = await runCli(['build', fixture('minimal.yaml'), '--out', out]);
    expectBuilt(run, 'minimal');
    const dir = path.join(out, 'minimal');
    expect((await readdir(dir)).sort()).toEqual(OUTPUTS);
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    expect(pdfInfo(path.join(dir, 'deck.pdf')).pages).toBe(svgCount(html));
    expect(pdfText(path.join(dir, 'briefing.pdf'))).toContain('The only key point.');
  });

  it('a citation inside a quote is set in an embedded face, not a synthesised one', async () => {
    const src = await tempDir();
    const out = await tempDir();
    const file = path.join(src, 'quote.yaml');
    await writeFile(file, `${readFileSync(fixture('minimal.yaml'), 'utf8')}quotes:\n  - text: A quoted sentence.\n    speaker: Someone\n    sources: [article]\n`);
    const run = await runCli(['build', file, '--out', out, '--format', 'print']);
    expectBuilt(run, 'quote');
    // The print theme sets quotes in italic and citations in Inter semibold: Inter has no semibold italic
    // embedded, so Chromium would fake one and draw it as a Type 3 font.
    expectOurFonts(path.join(out, 'quote', 'briefing.pdf'), 'quote briefing.pdf');
  });

  it('over a folder with one good and one broken file: exits 1, builds the good one, writes nothing for the broken one', async () => {
    const src = await tempDir();
    const out = await tempDir();
    await cp(fixture('minimal.yaml'), path.join(src, 'good.yaml'));
    const broken = path.join(src, 'broken.yaml');
    await writeFile(broken, readFileSync(fixture('minimal.yaml'), 'utf8').replace('bluf: A one-line bottom line.\n', ''));
    const run = await runCli(['build', src, '--out', out]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${broken}: not built`);
    expect(run.stderr).toMatch(/bluf: is required/);
    expect(run.stderr).toMatch(/\b1 failed\b/);
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect((await readdir(path.join(out, 'good'))).sort()).toEqual(OUTPUTS);
    expect(existsSync(path.join(out, 'broken'))).toBe(false);
    expect(await outTree(out, ['good'])).toEqual(['good', ...OUTPUTS.map((f) => `good/${f}`)]);
  });

  it('a briefing that fails while rendering leaves no staging folder or temporary file behind', async () => {
    const src = await tempDir();
    const out = await tempDir();
    const minimal = readFileSync(fixture('minimal.yaml'), 'utf8');
    await writeFile(path.join(src, 'good.yaml'), minimal);
    // Valid content, but its image is missing: it fails after its staging folder exists.
    const broken = path.join(src, 'no-image.yaml');
    await writeFile(broken, `${minimal}sections:\n  - title: A section\n    image:\n      path: missing.png\n      alt: A missing picture\n`);
    const run = await runCli(['build', src, '--out', out, '--format', 'html', '--format', 'md']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${broken}: not built`);
    expect(run.stderr).toMatch(/image not found: missing\.png/);
    expect(await outTree(out, ['good'])).toEqual(['good', 'good/deck.html', 'good/deck.md']);
  });

  it('--format html --no-fit makes deck.html without starting a browser, and says slides may overflow', async () => {
    const out = await tempDir();
    // Were a browser needed, this would fail with exit code 3: the only "browser" is not executable.
    const run = runBin(['build', EXAMPLE, '--out', out, '--format', 'html', '--no-fit'], { env: { BRIEFDECK_CHROME: path.join(out, 'no-browser-here') } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/not fitted \(--no-fit\): slides may overflow/);
    const dir = path.join(out, 'us-iran-nuclear-talks');
    expect(await readdir(dir)).toEqual(['deck.html']);
    expect(existsSync(path.join(dir, 'deck.pdf'))).toBe(false);
    expect(svgCount(await readFile(path.join(dir, 'deck.html'), 'utf8'))).toBeGreaterThan(10);
  });

  it('--format html alone writes the fitted deck: the same deck.html and deck.md as a build with deck.pdf', async () => {
    const files = [path.dirname(EXAMPLE), fixture('minimal.yaml'), fixture('stress.yaml'), fixture('long-other-topic.yaml')];
    const [alone, full] = [await tempDir(), await tempDir()];
    const a = await runCli(['build', ...files, '--out', alone, '-f', 'html', '-f', 'md']);
    const b = await runCli(['build', ...files, '--out', full, '-f', 'html', '-f', 'md', '-f', 'pdf']);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const slugs = (await readdir(full, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
    expect(slugs.length).toBeGreaterThanOrEqual(5);
    for (const slug of slugs) {
      for (const f of ['deck.html', 'deck.md']) {
        expect(await readFile(path.join(alone, slug, f), 'utf8'), `${slug}/${f}`).toBe(await readFile(path.join(full, slug, f), 'utf8'));
      }
      const pages = pdfInfo(path.join(full, slug, 'deck.pdf')).pages;
      expect(svgCount(await readFile(path.join(alone, slug, 'deck.html'), 'utf8')), slug).toBe(pages);
    }
  });

  it('builds the Hebrew example: Noto Sans Hebrew embedded, TLP:CLEAR on the page', async () => {
    const out = await tempDir();
    const run = await runCli(['build', EXAMPLE_HE, '--out', out]);
    expectBuilt(run, 'Hebrew');
    const dir = path.join(out, 'us-iran-nuclear-talks-he');
    expect((await readdir(dir)).sort()).toEqual(OUTPUTS);
    const fonts = expectOurFonts(path.join(dir, 'briefing.pdf'), 'Hebrew briefing.pdf');
    expect(fonts.some((f) => f.name.includes('+NotoSansHebrew')), fonts.map((f) => f.name).join(', ')).toBe(true);
    expect(expectOurFonts(path.join(dir, 'deck.pdf'), 'Hebrew deck.pdf').some((f) => f.name.includes('+NotoSansHebrew'))).toBe(true);
    const text = pdfText(path.join(dir, 'briefing.pdf'));
    expect(text).toContain('TLP:CLEAR');
    expect(text).toMatch(/[\u0590-\u05ff]{3,}/);
    const info = pdfInfo(path.join(dir, 'briefing.pdf'));
    expect(info.pages).toBeGreaterThanOrEqual(2);
    for (const size of info.pageSizes) expectNear(size, A4);
    const html = await readFile(path.join(dir, 'deck.html'), 'utf8');
    expect(html).toMatch(/<html lang="he" dir="rtl">/);
    expect(pdfInfo(path.join(dir, 'deck.pdf')).pages).toBe(svgCount(html));
    for (const pdf of ['deck.pdf', 'briefing.pdf']) expect(qpdfCheck(path.join(dir, pdf)).ok, pdf).toBe(true);
  });
});

describe('the installed command, as a user runs it', () => {
  beforeAll(() => {
    ensureDist();
  });

  it('node bin/briefdeck.js build <file> --out <tmp> exits 0 and writes every output', async () => {
    const out = await tempDir();
    const cwd = await tempDir();
    const run = runBin(['build', fixture('minimal.yaml'), '--out', out], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/✓ minimal \d+ slides · briefing \d+ pages/);
    expect(run.stderr).toMatch(/\b1 built\b/);
    expect(run.stderr).not.toMatch(/\u001b\[/);
    const dir = path.join(out, 'minimal');
    expect((await readdir(dir)).sort()).toEqual(OUTPUTS);
    expect(pdfInfo(path.join(dir, 'deck.pdf')).pages).toBe(svgCount(await readFile(path.join(dir, 'deck.html'), 'utf8')));
    expect(qpdfCheck(path.join(dir, 'briefing.pdf')).ok).toBe(true);
    // Nothing was written in the working folder.
    expect(await readdir(cwd)).toEqual([]);
  });

  it('exits 1 on broken content and 2 on a usage error, without a stack trace', async () => {
    const dir = await tempDir();
    const broken = path.join(dir, 'broken.yaml');
    await writeFile(broken, 'title: [unclosed\n');
    const content = runBin(['validate', broken]);
    expect(content.code).toBe(1);
    expect(content.stderr).toContain(`error ${broken}:`);
    const usage = runBin(['build', '--no-such-option']);
    expect(usage.code).toBe(2);
    // A format misspelt in a comma-separated list: named, on one line (yargs's message has two).
    const format = runBin(['build', broken, '--format', 'pdf,prnt']);
    expect(format.code, format.stderr).toBe(2);
    expect(format.stderr).toMatch(/^error Invalid values: Argument: format, Given: "prnt", Choices: "html", "pdf"/m);
    expect(format.stderr).not.toContain('\\n');
    for (const r of [content, usage, format]) {
      expect(r.stderr).not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
    }
  });
});
