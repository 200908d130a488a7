#!/usr/bin/env node
// Benchmarks briefdeck against Marp CLI and a bare Chromium floor, on this machine, in one run.
// Prints ratios (never absolute targets: the machine is shared and noisy). Not a test.
//
//   npm run bench                 # N = 20, three rounds (medians), plus the 100-briefing scaling run
//   node bench/run.mjs --n 10 --runs 1 --no-scale [--no-stages]
// Then, on passes of their own, it prints where briefdeck's time goes (bench/stages.mjs): Node CPU by
// build stage and Chromium time by kind of document, from the recorder in src/util/profile.ts.
// Beside the N copies, the test corpus's briefings and the two examples (distinct decks, as users' content
// is) against their own floor: copies of one deck flatter every tool that keeps what a page showed.
// Each round runs every measure once, in the same order, so that a busy spell on a shared machine
// falls on all of them; the table shows each measure's median over the rounds.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distinctContent } from './distinct.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('n', 20));
const RUNS = Math.max(1, Number(arg('runs', 3)));
const scale = !process.argv.includes('--no-scale');
const example = path.join(root, 'content', 'us-iran-nuclear-talks.yaml');
const bin = path.join(root, 'bin', 'briefdeck.js');
const { findBrowser } = await import(path.join(root, 'dist', 'browser', 'finder.js'));
const chrome = findBrowser().executablePath;
const work = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-bench-'));
const hasTime = existsSync('/usr/bin/time');

// Chromium's processes are not all waited for by the process that started them (the browser's helpers
// are reparented as they end), so the CPU they use escapes the command's own accounting. Where Python is
// at hand, each command runs under this wrapper: a child subreaper (Linux), which waits for every process
// below it and so counts them all in its children's usage; it also times the command from its start.
const treeScript = path.join(work, 'tree.py');
writeFileSync(
  treeScript,
  `import ctypes, os, resource, sys, time
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
status, wall, deadline = 1, None, None
while True:
    try:
        p, st = os.waitpid(-1, os.WNOHANG if wall is not None else 0)
    except ChildProcessError:
        break
    if p == pid:
        status, wall, deadline = os.waitstatus_to_exitcode(st), time.monotonic() - t0, time.monotonic() + 10
    elif p == 0:
        if time.monotonic() > deadline:
            break
        time.sleep(0.01)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(f"\\ntree {wall:.3f} {ru.ru_utime + ru.ru_stime:.3f}\\n")
sys.exit(status if status >= 0 else 1)
`,
);
const hasTree = process.platform === 'linux' && spawnSync('python3', [treeScript, 'true']).status === 0;

/**
 * Runs a command; returns wall seconds, peak RSS (MiB) of its main process (/usr/bin/time), and the CPU
 * seconds of every process it started, Chromium's included (the wrapper above; NaN without it).
 */
function timed(cmd, args, env = {}) {
  let full = hasTime ? ['/usr/bin/time', ['-f', 'rss %M', cmd, ...args]] : [cmd, args];
  if (hasTree) full = ['python3', [treeScript, full[0], ...full[1]]];
  const t0 = performance.now();
  const r = spawnSync(full[0], full[1], { cwd: root, env: { ...process.env, CI: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const elapsed = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  }
  const rss = /^rss (\d+)$/m.exec(r.stderr);
  const tree = /^tree ([\d.]+) ([\d.]+)$/m.exec(r.stderr);
  return { seconds: tree ? Number(tree[1]) : elapsed, rssMiB: rss ? Number(rss[1]) / 1024 : NaN, cpu: tree ? Number(tree[2]) : NaN };
}

function contentDir(n) {
  const dir = path.join(work, `content-${n}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= n; i++) cpSync(example, path.join(dir, `briefing-${String(i).padStart(3, '0')}.yaml`));
  return dir;
}

const build = (content, out, extra = [], env = {}) => timed(process.execPath, [bin, 'build', content, '--out', out, '--quiet', ...extra], env);

// One Chromium printing N ready HTML decks, on `pages` pages at once (each takes the next deck when it is
// done): launch, load, print, close — the floor for any tool. pages = 1 is the old floor; pages = the CPU
// count is what this machine can really do, since Chromium renders two documents in parallel.
const floorScript = path.join(work, 'floor.mjs');
const puppeteerEntry = [
  path.join(root, 'node_modules', 'puppeteer-core', 'lib', 'esm', 'puppeteer', 'puppeteer-core.js'),
  path.join(root, 'node_modules', 'puppeteer', 'lib', 'esm', 'puppeteer', 'puppeteer.js'),
].find((f) => existsSync(f));
writeFileSync(
  floorScript,
  `import puppeteer from ${JSON.stringify(puppeteerEntry)};
import { readFileSync, writeFileSync } from 'node:fs';
const mode = process.argv[2]?.startsWith('--') ? process.argv[2] : '';
const [pages, ...files] = process.argv.slice(mode ? 3 : 2);
// --marp: briefdeck's own Marp thread renders each deck's deck.md (beside it) once, all asked for at the
// start so that they overlap the printing, and a deck is printed once its render has come back: the
// least a tool that renders with marp-core and prints with Chromium can take (no fit, no other work).
// --measured: each deck rendered twice, and laid out twice (the body drawn again, before printing): the
// least a fit that measures a first drawing and draws the deck again can take.
const renders = { '--marp': 1, '--measured': 2 }[mode] ?? 0;
const rendered = new Map();
if (renders) {
  const { MarpThread } = await import(${JSON.stringify(path.join(root, 'dist', 'render', 'marp-thread.js'))});
  const { loadTemplates } = await import(${JSON.stringify(path.join(root, 'dist', 'render', 'templates.js'))});
  const thread = MarpThread.start().useThemes([...(await loadTemplates({})).themes.values()]);
  for (const f of files) {
    const md = readFileSync(f.replace(/deck\.html$/, 'deck.md'), 'utf8');
    rendered.set(f, Promise.all(Array.from({ length: renders }, () => thread.render(md))));
  }
  Promise.all(rendered.values()).then(() => thread.close());
}
const browser = await puppeteer.launch({ executablePath: ${JSON.stringify(chrome)}, headless: true, pipe: true,
  args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--disable-quic','--no-first-run'] });
const queue = [...files];
await Promise.all(Array.from({ length: Number(pages) }, async () => {
  const page = await browser.newPage();
  for (let f = queue.shift(); f; f = queue.shift()) {
    await rendered.get(f);
    await page.setContent(readFileSync(f, 'utf8'), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => 0));
    if (renders > 1) await page.evaluate(() => ((document.body.innerHTML = document.body.innerHTML), document.body.offsetHeight));
    writeFileSync(f + '.pdf', await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true }));
  }
}));
await browser.close();
`,
);

/** Marp CLI on the same Markdown, with our themes and the same Chromium, as a user would run it. */
function marpCli(mdFiles, out) {
  const input = `${out}-md`;
  mkdirSync(input, { recursive: true });
  mdFiles.forEach((f, i) => cpSync(f, path.join(input, `deck-${String(i + 1).padStart(3, '0')}.md`)));
  const themes = readdirSync(path.join(root, 'templates', 'themes')).map((f) => path.join(root, 'templates', 'themes', f));
  const marp = path.join(root, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
  return timed(process.execPath, [marp, '--pdf', '--allow-local-files', '--browser-timeout', '120', '--theme-set', ...themes, '--input-dir', input, '--output', out], { CHROME_PATH: chrome });
}

const ratio = (a, b) => (a / b).toFixed(2);
const lines = [];
const say = (s) => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};

say(`briefdeck benchmark · ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · ${spawnSync(chrome, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
say(`N = ${N} copies of content/us-iran-nuclear-talks.yaml; medians of ${RUNS} round${RUNS > 1 ? 's' : ''}`);

const content = contentDir(N);
// Warm the disk cache and the browser binary once; not timed.
build(contentDir(1), path.join(work, 'warm'), ['--format', 'pdf']);

const one = contentDir(1);
// Distinct briefings (bench/distinct.mjs): N copies of one briefing let a page that showed a deck keep
// most of its slides for the next copy, which no real set of briefings does; these decks measure the fit
// as users' content meets it.
const distinct = distinctContent(root, path.join(work, 'distinct'));
const distinctHtml = path.join(work, 'distinct-html');
build(distinct, distinctHtml, ['--format', 'html', '--format', 'md']);
const distinctDecks = readdirSync(distinctHtml).filter((d) => !d.startsWith('.')).map((d) => path.join(distinctHtml, d, 'deck.html'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rounds = [];
for (let r = 0; r < RUNS; r++) {
  const out = (name) => {
    const dir = path.join(work, `${name}-${r}`);
    rmSync(dir, { recursive: true, force: true });
    return dir;
  };
  const pdfOnlyOut = out('bd-pdf');
  const allOut = out('bd-all');
  const pdfOnly = build(content, pdfOnlyOut, ['--format', 'pdf', '--format', 'md']);
  const all = build(content, allOut);
  const rebuild = build(content, allOut);
  const mdFiles = readdirSync(pdfOnlyOut).filter((d) => !d.startsWith('.')).map((d) => path.join(pdfOnlyOut, d, 'deck.md'));
  const htmlFiles = readdirSync(allOut).filter((d) => !d.startsWith('.')).map((d) => path.join(allOut, d, 'deck.html'));
  const marp = marpCli(mdFiles, out('marp'));
  const floor = timed(process.execPath, [floorScript, '1', ...htmlFiles]);
  const floor2 = timed(process.execPath, [floorScript, String(os.cpus().length), ...htmlFiles]);
  const marpFloor = timed(process.execPath, [floorScript, '--marp', String(os.cpus().length), ...htmlFiles]);
  const measuredFloor = timed(process.execPath, [floorScript, '--measured', String(os.cpus().length), ...htmlFiles]);
  const oneAll = build(one, out('one-all'));
  const marpOne = marpCli([mdFiles[0]], out('marp-one'));
  // The cold bound: a new process that starts Chromium and the Marp thread, and renders, lays out twice
  // and prints that one deck (the measured fit's least, for one briefing).
  const oneMeasured = timed(process.execPath, [floorScript, '--measured', '1', htmlFiles[0]]);
  const distinctPdf = build(distinct, out('bd-distinct'), ['--format', 'pdf', '--format', 'md']);
  const distinctAll = build(distinct, out('bd-distinct-all'));
  const distinctFloor = timed(process.execPath, [floorScript, String(os.cpus().length), ...distinctDecks]);
  const distinctMeasured = timed(process.execPath, [floorScript, '--measured', String(os.cpus().length), ...distinctDecks]);
  rounds.push({ pdfOnly, all, rebuild, marp, floor, floor2, marpFloor, measuredFloor, oneAll, marpOne, oneMeasured, distinctPdf, distinctAll, distinctFloor, distinctMeasured });
  process.stderr.write(`round ${r + 1}/${RUNS} done\n`);
}
const pick = (key) => ({
  seconds: median(rounds.map((x) => x[key].seconds)),
  rssMiB: Math.max(...rounds.map((x) => x[key].rssMiB)),
  cpu: median(rounds.map((x) => x[key].cpu)),
});
// The CPU time of every process a measure started (this machine's other load moves it less than the wall).
const cpuOf = (m, against) => (hasTree ? ` ${m.cpu.toFixed(1)}${against ? ` (${ratio(m.cpu, against.cpu)} × floor)` : ''} |` : '');
const [pdfOnly, all, rebuild, marp, floor, floor2, marpFloor, measuredFloor, oneAll, marpOne, oneMeasured, distinctPdf, distinctAll, distinctFloor, distinctMeasured] = ['pdfOnly', 'all', 'rebuild', 'marp', 'floor', 'floor2', 'marpFloor', 'measuredFloor', 'oneAll', 'marpOne', 'oneMeasured', 'distinctPdf', 'distinctAll', 'distinctFloor', 'distinctMeasured'].map(pick);

say('');
say(hasTree ? `| measure | seconds | ratio | CPU s, all its processes |` : `| measure | seconds | ratio |`);
say(hasTree ? `| --- | --- | --- | --- |` : `| --- | --- | --- |`);
say(`| Marp CLI, ${N} deck.md → PDF | ${marp.seconds.toFixed(1)} | 1.00 |${cpuOf(marp)}`);
say(`| floor, one page: one Chromium printing ${N} ready deck.html in turn | ${floor.seconds.toFixed(1)} | ${ratio(floor.seconds, marp.seconds)} × Marp CLI |${cpuOf(floor)}`);
say(`| floor, ${os.cpus().length} pages at once (the CPU count), same decks | ${floor2.seconds.toFixed(1)} | ${ratio(floor2.seconds, marp.seconds)} × Marp CLI, ${ratio(floor2.seconds, floor.seconds)} × one-page floor |${cpuOf(floor2)}`);
say(`| floor with Marp: the same, each deck's Markdown rendered once meanwhile by briefdeck's Marp thread (no fit, no other work) | ${marpFloor.seconds.toFixed(1)} | ${ratio(marpFloor.seconds, marp.seconds)} × Marp CLI, ${ratio(marpFloor.seconds, floor2.seconds)} × floor |${cpuOf(marpFloor, floor2)}`);
say(`| floor with a measured fit's least: each deck rendered twice by the Marp thread and laid out twice before printing | ${measuredFloor.seconds.toFixed(1)} | ${ratio(measuredFloor.seconds, marp.seconds)} × Marp CLI, ${ratio(measuredFloor.seconds, floor2.seconds)} × floor |${cpuOf(measuredFloor, floor2)}`);
say(`| briefdeck, ${N} briefings, deck PDF (fitted) | ${pdfOnly.seconds.toFixed(1)} | ${ratio(pdfOnly.seconds, marp.seconds)} × Marp CLI (target ≤ 0.5), ${ratio(pdfOnly.seconds, floor2.seconds)} × floor (target ≤ 1.15) |${cpuOf(pdfOnly, floor2)}`);
say(`| briefdeck, ${N} briefings, HTML + deck PDF + print PDF + md | ${all.seconds.toFixed(1)} | ${ratio(all.seconds, marp.seconds)} × Marp CLI (target ≤ 0.7), ${ratio(all.seconds, floor2.seconds)} × floor (target ≤ 1.8) |${cpuOf(all, floor2)}`);
say(`| briefdeck, rebuild with nothing changed | ${rebuild.seconds.toFixed(1)} | ${ratio(rebuild.seconds, all.seconds)} × full build (target ≤ 0.1) |${cpuOf(rebuild)}`);
say(`| a measured fit's least for 1 deck, cold: a new process rendering it twice, laying it out twice and printing it | ${oneMeasured.seconds.toFixed(1)} | ${ratio(oneMeasured.seconds, marpOne.seconds)} × Marp CLI's 1 PDF |${cpuOf(oneMeasured)}`);
say(`| briefdeck, 1 briefing, all formats, cold | ${oneAll.seconds.toFixed(1)} | ${ratio(oneAll.seconds, marpOne.seconds)} × Marp CLI's 1 PDF, ${marpOne.seconds.toFixed(1)} s (target ≤ 0.8) |${cpuOf(oneAll)}`);
const D = distinctDecks.length;
say(`| floor, ${os.cpus().length} pages at once, ${D} distinct decks (the test corpus and the examples) | ${distinctFloor.seconds.toFixed(1)} | 1.00 |${cpuOf(distinctFloor)}`);
say(`| floor with a measured fit's least, the same ${D} decks | ${distinctMeasured.seconds.toFixed(1)} | ${ratio(distinctMeasured.seconds, distinctFloor.seconds)} × their floor |${cpuOf(distinctMeasured, distinctFloor)}`);
say(`| briefdeck, the ${D} distinct briefings, deck PDF (fitted) | ${distinctPdf.seconds.toFixed(1)} | ${ratio(distinctPdf.seconds, distinctFloor.seconds)} × their floor |${cpuOf(distinctPdf, distinctFloor)}`);
say(`| briefdeck, the ${D} distinct briefings, HTML + deck PDF + print PDF + md | ${distinctAll.seconds.toFixed(1)} | ${ratio(distinctAll.seconds, distinctFloor.seconds)} × their floor |${cpuOf(distinctAll, distinctFloor)}`);
if (hasTime) say(`| peak memory of the briefdeck process (${N}, all formats) | ${all.rssMiB.toFixed(0)} MiB | |${hasTree ? ' |' : ''}`);

if (scale) {
  const M = N * 5;
  const many = build(contentDir(M), path.join(work, 'bd-many'));
  say(`| briefdeck, ${M} briefings, all formats | ${many.seconds.toFixed(1)} | ${ratio(many.seconds, all.seconds)} × ${N} (target ≤ 5.2)${hasTime ? `, peak ${many.rssMiB.toFixed(0)} MiB (target < 400)` : ''} |${cpuOf(many)}`);
}
if (!process.argv.includes('--no-stages')) {
  const { stageTable } = await import('./stages.mjs');
  // A pass of its own, after the timed rounds: the recorder's hooks slow this process down.
  const profiled = (name, dir, extra) => {
    const file = path.join(work, `${name}.json`);
    const run = build(dir, path.join(work, name), extra, { BRIEFDECK_PROFILE: file });
    return { run, profile: JSON.parse(readFileSync(file, 'utf8')) };
  };
  const main = profiled('profile', content, []);
  say('');
  say(`Where the time goes: one more build of the ${N} briefings, all default formats, with BRIEFDECK_PROFILE on (${main.run.seconds.toFixed(1)} s with the recorder's hooks${Number.isFinite(main.run.cpu) ? `; ${main.run.cpu.toFixed(1)} CPU s for all its processes` : ''}).`);
  for (const l of stageTable(main.profile, main.run)) say(l);
  const rest = profiled('profile-rest', contentDir(2), ['--format', 'pdf', '--format', 'handout', '--format', 'png', '--format', 'pptx']);
  say('');
  say(`The other formats' documents: 2 briefings, --format pdf,handout,png,pptx, Chromium by document kind:`);
  for (const l of stageTable(rest.profile, rest.run, { chromiumOnly: true })) say(l);
}
rmSync(work, { recursive: true, force: true });
