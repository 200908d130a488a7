// Turns a BRIEFDECK_PROFILE file (src/util/profile.ts) into the bench's per-stage tables.
//
// Node CPU: the main thread's CPU time in each stage's callbacks (its own, nested stages excluded), the
// Marp thread's, and the rest of the process (V8's GC and compiler threads, libuv's pool). Wall: each
// stage's calls from start to settling, summed (briefings overlap, so walls add up to more than the
// build). Chromium, by kind of document: the wall of the calls on it and its renderer's busy time
// (main-thread tasks, CDP's TaskDuration) over them; and its processes' CPU time in all.

const STAGES = [
  ['(no stage)', 'CLI start-up, module loading, browser protocol (no stage)'],
  ['unchanged check', 'unchanged check, input hashes'],
  ['load+validate', 'load + validate (YAML, schema, lint, images)'],
  ['model/view', 'model and views'],
  ['plan', 'slide plan + deck Markdown (Handlebars)'],
  ['marp', 'Marp render (main thread side)'],
  ['deck document', 'deck document (fonts, viewer, HTML)'],
  ['fit', 'fit loop (the rest)'],
  ['fit decisions', 'fit decisions (pack, adjust, report)'],
  ['browser calls', 'browser calls (Node side: puppeteer, replies)'],
  ['pdf post-processing', 'PDF post-processing (metadata, outline)'],
  ['publish', 'publish (write files, rename)'],
];

const KINDS = [
  ['fit', 'fit: deck layout + measure (every pass)'],
  ['pdf', 'deck print (deck.pdf)'],
  ['print', 'print briefing (briefing.pdf)'],
  ['handout', 'handout'],
  ['png', 'screenshots'],
  ['pptx', 'pptx geometry'],
  ['other', 'other'],
];

import os from 'node:os';

const cores = os.cpus().length;
const s = (ms) => (ms / 1000).toFixed(2);
const pct = (a, b) => (b > 0 ? `${Math.round((100 * a) / b)}%` : '');

/**
 * @param {{ node: { userMs: number, systemMs: number, stages: Record<string, { cpu: number, wall: number, calls: number }> }, chromium: Record<string, Record<string, { wall: number, calls: number }>>, threads: Record<string, number> }} profile
 * @param {{ seconds: number }} run the profiled build as timed
 */
export function stageTable(profile, run, { chromiumOnly = false } = {}) {
  const lines = [];
  const nodeMs = profile.node.userMs + profile.node.systemMs;
  const stages = profile.node.stages;
  if (!chromiumOnly) {
    const rows = [...STAGES];
    for (const name of Object.keys(stages).sort()) if (name.startsWith('format ')) rows.splice(rows.length - 2, 0, [name, `${name} (its own work)`]);
    for (const name of Object.keys(stages)) if (!rows.some(([n]) => n === name)) rows.push([name, name]);
    lines.push('| stage | Node CPU s | wall s | share of Node CPU |', '| --- | --- | --- | --- |');
    let mainMs = 0;
    for (const [name, label] of rows) {
      const t = stages[name];
      if (!t) continue;
      mainMs += t.cpu;
      if (t.cpu < 5 && t.wall < 5) continue;
      lines.push(`| ${label} | ${s(t.cpu)} | ${t.calls ? s(t.wall) : '—'} | ${pct(t.cpu, nodeMs)} |`);
    }
    let threadMs = 0;
    for (const [name, ms] of Object.entries(profile.threads)) {
      threadMs += ms;
      lines.push(`| ${name} (Marp's renders) | ${s(ms)} | — | ${pct(ms, nodeMs)} |`);
    }
    const restMs = nodeMs - mainMs - threadMs;
    lines.push(`| other Node threads (GC, compiler, libuv) | ${s(restMs)} | — | ${pct(restMs, nodeMs)} |`);
    lines.push(`| **Node process, total** | **${s(nodeMs)}** | ${run.seconds.toFixed(2)} (build) | 100% |`);
    lines.push('');
  }
  let chromiumWall = 0;
  let rendererMs = 0;
  for (const ops of Object.values(profile.chromium)) for (const t of Object.values(ops)) (chromiumWall += t.wall), (rendererMs += t.renderer ?? 0);
  lines.push('| Chromium, by document | calls (wall s) | wall s | renderer busy s | share of renderer busy |', '| --- | --- | --- | --- | --- |');
  for (const [kind, label] of KINDS) {
    const ops = profile.chromium[kind];
    if (!ops) continue;
    const wall = Object.values(ops).reduce((a, t) => a + t.wall, 0);
    const busy = Object.values(ops).reduce((a, t) => a + (t.renderer ?? 0), 0);
    const calls = Object.entries(ops)
      .filter(([, t]) => t.wall >= 5)
      .map(([op, t]) => `${t.calls} ${op} ${s(t.wall)}`)
      .join(', ');
    lines.push(`| ${label} | ${calls} | ${s(wall)} | ${s(busy)} | ${pct(busy, rendererMs)} |`);
  }
  lines.push(`| **all** | | ${s(chromiumWall)} | ${s(rendererMs)} | 100% |`);
  const chromiumCpu = profile.processes?.chromium;
  if (chromiumCpu !== undefined) lines.push('', `Chromium's processes used ${s(chromiumCpu)} CPU s in all (browser, renderers, GPU and utility processes; read from /proc as it was ended), Node ${s(nodeMs)}; the build took ${run.seconds.toFixed(2)} s on ${cores} cores.`);
  return lines;
}
