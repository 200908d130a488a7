#!/usr/bin/env node
// Locator maps: milliseconds a map, the example's two (title and print sizes) and a spread of regions
// (the antimeridian, the Pacific, the Americas), drawn each time (drawMap: the build's renderMap reads
// maps drawn before from the on-disk cache), with a hash of every SVG so that a change that should
// keep the bytes can show it did. Needs `npm run build` first. Not a test.
//   node bench/maps.mjs [rounds]
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { drawMap: renderMap, loadAtlas } = await import(path.join(root, 'dist', 'figures', 'map.js'));
const cases = [
  { highlight: ['IR', 'IL', 'OM', 'US'], focus: ['IR', 'IL', 'OM', 'YE', 'IQ'], label: true, caption: 'Natural Earth' },
  { highlight: ['UA', 'RU'], label: true },
  { highlight: ['NZ', 'FJ'], label: true },
  { highlight: ['US', 'CA', 'MX'], label: true, caption: 'x' },
  { highlight: ['JP', 'KR'], label: true },
  { highlight: ['BR'], label: true },
  { highlight: ['AU'], label: true },
];
const sizes = [{ width: 500, height: 500, font: 20 }, { width: 624, height: 250, font: 11 }, { width: 540, height: 430, font: 20 }];
const theme = (s) => ({ ...s, lang: 'en', dir: 'ltr', labels: { source: 'Source' } });
const rounds = Number(process.argv[2] ?? 20);
loadAtlas();
const hash = createHash('sha256');
for (const c of cases) for (const s of sizes) hash.update(renderMap(c, theme(s)));
let t = performance.now();
for (let i = 0; i < rounds; i++) for (const s of sizes.slice(0, 2)) renderMap(cases[0], theme(s));
const example = (performance.now() - t) / rounds / 2;
t = performance.now();
for (let i = 0; i < Math.ceil(rounds / 5); i++) for (const c of cases) for (const s of sizes) renderMap(c, theme(s));
const spread = (performance.now() - t) / Math.ceil(rounds / 5) / cases.length / sizes.length;
console.log(`example map ${example.toFixed(1)} ms · ${cases.length * sizes.length} maps of a spread of regions ${spread.toFixed(1)} ms each · svg sha256 ${hash.digest('hex').slice(0, 16)}`);
