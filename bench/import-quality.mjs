// Import quality over the Wikinews corpus: timeline date recall and precision against the hand-annotated dates,
// key points' ROUGE-1 recall against the first human summary, and that every draft validates. Needs dist/ (npm run build).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importArticle } from '../dist/import/index.js';
import { rouge1Recall } from '../dist/import/rouge.js';
import { briefingSchema } from '../dist/content/schema.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? ['../../shared/corpus/wikinews', '../../../shared/corpus/wikinews'].map((p) => path.resolve(here, p)).find((p) => existsSync(p)) ?? path.resolve(here, '../../shared/corpus/wikinews');
let hit = 0;
let gold = 0;
let good = 0;
let found = 0;
let rouge = 0;
let n = 0;
let invalid = 0;
const rows = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
  const meta = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  const name = path.join(dir, f.replace(/\.json$/, '.txt'));
  const t0 = performance.now();
  const { draft } = await importArticle(readFileSync(name, 'utf8'), { name, today: meta.published, modeline: '# yaml-language-server: $schema=x' });
  const ms = performance.now() - t0;
  if (!briefingSchema.safeParse(draft).success) invalid++;
  // Gold dates are YYYY, YYYY-MM, YYYY-MM-DD or a time stamp; a time stamp counts as its day.
  const g = new Set(meta.goldDates.map((d) => String(d).slice(0, 10)));
  const t = new Set((draft.timeline ?? []).map((e) => e.date));
  const h = [...g].filter((d) => t.has(d)).length;
  const p = [...t].filter((d) => g.has(d)).length;
  const r = rouge1Recall(draft.keyPoints.map((k) => k.text).join(' '), meta.humanSummaries[0]);
  hit += h;
  gold += g.size;
  good += p;
  found += t.size;
  rouge += r;
  n++;
  rows.push(`${f.padEnd(18)} dates ${h}/${g.size} found, ${p}/${t.size} right   ROUGE-1 ${r.toFixed(2)}   ${ms.toFixed(0)} ms`);
}
console.log(rows.join('\n'));
console.log(`\n${n} articles, ${invalid} invalid drafts`);
console.log(`timeline date recall    ${(hit / gold).toFixed(3)}  (${hit}/${gold} distinct annotated dates; target 0.85)`);
console.log(`timeline date precision ${(good / found).toFixed(3)}  (${good}/${found} distinct timeline dates; target 0.85)`);
console.log(`key points ROUGE-1 recall ${(rouge / n).toFixed(3)}  (mean, vs the first human summary; target 0.6)`);
if (invalid) process.exitCode = 1;
