#!/usr/bin/env node
// Huge decks: builds a generated briefing (bench/huge-briefing.mjs) with N items in every list, for
// several N, and prints seconds per slide at each N and the ratio of the largest N's cost per slide to
// the smallest's (1.0 = linear). Also the peak memory of the Chromium process tree (summed PSS).
// Ratios, not targets: the machine is shared and noisy. Not a test.
//
//   node bench/huge.mjs                          # N = 50 125 250 500, default formats
//   node bench/huge.mjs --n 50,500 --format all
//   node bench/huge.mjs --against ../old --timeout 600      # paired: another checkout (built) run next to this one at each N
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hugeYaml } from './huge-briefing.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const sizes = String(arg('n', '50,125,250,500')).split(',').map(Number);
const format = arg('format', '');
const keep = process.argv.includes('--keep');
const against = arg('against', '');
/** Seconds for any one browser call (--timeout of the builds): a loaded machine prints a 1,000-slide deck slowly. */
const timeout = arg('timeout', '');
/** The briefdecks compared: this one, and with --against another checkout, run in turn at each N. */
const tools = [{ name: 'this', bin: path.join(root, 'bin', 'briefdeck.js') }, ...(against ? [{ name: path.basename(path.resolve(against)), bin: path.resolve(against, 'bin', 'briefdeck.js') }] : [])];
const work = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-huge-'));

/** Every descendant of `pid` (from /proc), itself excluded. */
function descendants(pid) {
  const parent = new Map();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const out = [];
  const walk = (p) => {
    for (const [c, pp] of parent) if (pp === p) { out.push(c); walk(c); }
  };
  walk(pid);
  return out;
}

/** Proportional set size of a process in KiB (shared pages divided among their users), 0 if gone. */
function pss(pid) {
  try {
    const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Builds `file`; resolves wall seconds, the slide count, peak PSS of Node and of Chromium (MiB). */
function build(bin, file, out) {
  const args = [bin, 'build', file, '--out', out, ...(format ? ['--format', format] : []), ...(timeout ? ['--timeout', timeout] : [])];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, CI: '1', NO_COLOR: '1' } });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    let node = 0;
    let chromium = 0;
    const sample = setInterval(() => {
      node = Math.max(node, pss(child.pid));
      chromium = Math.max(chromium, descendants(child.pid).reduce((sum, p) => sum + pss(p), 0));
    }, 250);
    child.on('close', (code) => {
      clearInterval(sample);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`build of ${file} failed (${code}):\n${text}`));
      const slides = Number(/(\d+) slides/.exec(text)?.[1] ?? NaN);
      resolve({ seconds, slides, nodeMiB: node / 1024, chromiumMiB: chromium / 1024 });
    });
  });
}

const rows = [];
try {
  for (const n of sizes) {
    const file = path.join(work, `huge-${n}.yaml`);
    writeFileSync(file, hugeYaml(n));
    for (const tool of tools) {
      const out = path.join(work, `out-${tool.name}-${n}`);
      const r = await build(tool.bin, file, out);
      rows.push({ tool: tool.name, n, ...r, perSlide: r.seconds / r.slides });
      process.stderr.write(`${tool.name} N=${n}: ${r.slides} slides in ${r.seconds.toFixed(1)} s\n`);
      if (!keep) rmSync(out, { recursive: true, force: true });
    }
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

const f = (v, d = 1) => v.toFixed(d);
console.log(`\nhuge decks, formats: ${format || 'default'} (bench/huge.mjs)\n`);
console.log('| briefdeck | N | slides | seconds | ms per slide | Node peak MiB | Chromium peak MiB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.tool} | ${r.n} | ${r.slides} | ${f(r.seconds)} | ${f(r.perSlide * 1000, 0)} | ${f(r.nodeMiB, 0)} | ${f(r.chromiumMiB, 0)} |`);
console.log('');
for (const tool of tools) {
  const mine = rows.filter((r) => r.tool === tool.name);
  const first = mine[0];
  const last = mine[mine.length - 1];
  if (!first || !last || first === last) continue;
  console.log(`${tool.name}: cost per slide, N=${last.n} / N=${first.n}: ${f(last.perSlide / first.perSlide, 2)} (1.00 = linear); Chromium memory per slide: ${f(last.chromiumMiB / last.slides / (first.chromiumMiB / first.slides), 2)}`);
}
if (tools.length > 1) {
  for (const n of sizes) {
    const [a, b] = tools.map((t) => rows.find((r) => r.tool === t.name && r.n === n));
    if (a && b) console.log(`N=${n}: this / ${b.tool}: time ${f(a.seconds / b.seconds, 2)}, Chromium peak ${f(a.chromiumMiB / b.chromiumMiB, 2)}`);
  }
}
if (keep) console.log(`\nkept: ${work}`);
