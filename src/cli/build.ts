// `briefdeck build [paths..]`: builds briefings, reports each as it finishes, writes --report.
import path from 'node:path';
import { build, type BriefingResult, type BuildOptions, type BuildReport } from '../build.js';
import { formatsFrom } from '../formats.js';
import { stopEarly, type Started } from './early-start.js';
import { BriefdeckError, ExitCode, formatDiagnostic } from '../errors.js';
import type { Paper } from '../render/print.js';
import { writeAtomic } from '../output/write.js';
import { loadConfig } from '../config.js';
import type { Logger } from './log.js';
import { limitsFrom, type LimitArgs } from './limits.js';
import { Progress } from './progress.js';

export interface BuildArgs extends LimitArgs {
  paths: string[];
  out: string;
  format: string[];
  paper?: string;
  theme?: string;
  config?: string;
  concurrency: number;
  timeout: number;
  'pdf-notes': boolean;
  'handout-per-page': number;
  scale: number;
  strict: boolean;
  force: boolean;
  check: boolean;
  shard?: string;
  report?: string;
  watch: boolean;
  open: boolean;
  templates?: string;
  'theme-css'?: string[];
}

export function parseShard(s: string | undefined): BuildOptions['shard'] {
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new BriefdeckError(ExitCode.USAGE, { message: `--shard ${s}: expected k/n with 1 ≤ k ≤ n, e.g. 1/4` });
  }
  return { index, count };
}

export async function buildOptionsFrom(args: BuildArgs): Promise<BuildOptions> {
  const config = await loadConfig({ file: args.config });
  return {
    paths: args.paths.length ? args.paths : ['content'],
    out: args.out,
    formats: formatsFrom(args.format),
    pdfNotes: args['pdf-notes'],
    handoutPerPage: args['handout-per-page'] === 2 ? 2 : 3,
    scale: args.scale > 0 && args.scale <= 4 ? args.scale : 1.5,
    paper: (args.paper ?? config.paper ?? 'a4') as Paper,
    theme: args.theme ?? config.theme ?? 'briefing',
    branding: { organisation: config.organisation, logo: config.logo, colors: config.colors },
    defaultMarking: config.defaultMarking,
    concurrency: Math.max(1, Math.floor(args.concurrency)),
    timeoutMs: Math.max(1, args.timeout) * 1000,
    strict: args.strict,
    force: args.force,
    check: args.check,
    shard: parseShard(args.shard),
    limits: limitsFrom(args),
    templatesDir: args.templates ?? config.templates,
    themeFiles: [...config.themes, ...(args['theme-css'] ?? [])],
  };
}

/** Runs `briefdeck build`; what the CLI `started` early is ended here, whatever happens. */
export async function runBuild(args: BuildArgs, log: Logger, started: Started = {}): Promise<number> {
  try {
    return await buildAndReport(args, log, started);
  } finally {
    await stopEarly(started);
  }
}

async function buildAndReport(args: BuildArgs, log: Logger, started: Started): Promise<number> {
  const options = await buildOptionsFrom(args);
  if (args.watch) {
    const { watch } = await import('./watch.js');
    return watch(options, args, log);
  }
  const progress = new Progress(log);
  const debug = Boolean((args as { debug?: boolean }).debug);
  const result = await build({ ...options, started: started.browser, marpThread: started.marp, onStart: (f, n) => progress.start(f, n), onResult: (r) => progress.done(r, () => report(r, log, options, debug)) });
  progress.end();
  if (args.report) await writeReport(args.report, result, options);
  summarise(result, options, log);
  if (args.open) {
    const deck = result.results.flatMap((r) => r.outputs).find((f) => f.endsWith('deck.html'));
    const { openFile } = await import('./open.js');
    if (deck && openFile(deck)) log.verbose(`opened ${deck}`);
    else if (deck) log.verbose('--open: no display here, not opening the deck');
  }
  return result.exitCode;
}

export function summarise(result: BuildReport, options: BuildOptions, log: Logger): void {
  const count = (s: string) => result.results.filter((r) => r.status === s).length;
  const secs = (result.durationMs / 1000).toFixed(1);
  if (!result.results.length) {
    log.warn(`no content files found in ${options.paths.join(', ')}${options.shard ? ` for shard ${options.shard.index}/${options.shard.count}` : ''}`);
    return;
  }
  if (options.check) {
    const stale = count('stale');
    log.info(stale ? log.red(`${stale} of ${result.results.length} briefings need a build`) : log.green(`all ${result.results.length} briefings are up to date`));
    return;
  }
  const failed = count('failed');
  const parts = [`${count('built')} built`, count('skipped') ? `${count('skipped')} unchanged` : '', failed ? `${failed} failed` : ''].filter(Boolean);
  const line = `${parts.join(', ')} in ${secs}s`;
  log.info(failed ? log.red(line) : `${log.green(line)}${log.dim(` → ${path.resolve(options.out)}`)}`);
}

function report(r: BriefingResult, log: Logger, options: BuildOptions, debug = false): void {
  if (r.status === 'stale') return log.info(`${log.yellow('stale')} ${r.file}${r.slug ? log.dim(` (${r.slug})`) : ''}`);
  if (r.status === 'fresh') return log.verbose(`fresh ${r.file}`);
  if (r.status === 'skipped') return log.verbose(`${log.dim('=')} ${r.slug} ${log.dim('unchanged')}`);
  if (!r.ok) {
    log.error(`${r.file}: ${options.check ? 'invalid' : 'not built'}`);
    for (const e of r.errors) log.info(`  ${formatDiagnostic(e).replace(/\n/g, '\n  ')}`);
    if (debug && r.stack) log.info(r.stack);
    return;
  }
  const parts = [
    r.slides !== undefined ? `${r.slides} slides` : '',
    r.pages.print !== undefined ? `briefing ${r.pages.print} pages` : '',
    `${(r.durationMs / 1000).toFixed(1)}s`,
  ].filter(Boolean);
  log.info(`${log.green('✓')} ${r.slug} ${log.dim(parts.join(' · '))}`);
  const fitted = r.fit?.actions.filter((a) => a.action !== 'overflow') ?? [];
  for (const a of fitted) log.verbose(`    slide ${a.slide} "${a.heading}": ${a.action} (${a.detail})`);
  if (fitted.length && log.level !== 'verbose') log.info(log.dim(`    fit: ${fitted.map((a) => `${a.action} "${a.heading}"`).join('; ')}`));
  for (const w of r.warnings) log.warn(`${r.file}: ${w}`);
  for (const f of r.outputs) log.verbose(`    wrote ${f}`);
}

/** The --report JSON: per briefing, what was made and what went wrong. */
export async function writeReport(file: string, result: BuildReport, options: BuildOptions): Promise<void> {
  const json = {
    briefdeck: (await import('../version.js')).version(),
    exitCode: result.exitCode,
    durationMs: Math.round(result.durationMs),
    out: options.out,
    formats: options.formats,
    briefings: result.results.map((r) => ({
      file: r.file,
      slug: r.slug ?? null,
      status: r.status,
      ok: r.ok,
      outputs: r.outputs,
      slides: r.slides ?? null,
      pages: r.pages,
      durationMs: Math.round(r.durationMs),
      fit: r.fit ?? null,
      warnings: r.warnings,
      errors: r.errors,
    })),
  };
  await writeAtomic(file, `${JSON.stringify(json, null, 2)}\n`);
}
