// `briefdeck build [paths..]`: builds briefings and reports each as it finishes.
import path from 'node:path';
import { build, type BriefingResult, type BuildOptions, type Format } from '../build.js';
import { formatDiagnostic } from '../errors.js';
import type { Paper } from '../render/print.js';
import type { Logger } from './log.js';
import { limitsFrom, type LimitArgs } from './limits.js';
import { loadConfig } from '../config.js';

export interface BuildArgs extends LimitArgs {
  paths: string[];
  out: string;
  format: string[];
  paper?: string;
  theme?: string;
  config?: string;
  concurrency: number;
  strict: boolean;
  templates?: string;
  'theme-css'?: string[];
}

export async function runBuild(args: BuildArgs, log: Logger): Promise<number> {
  const config = await loadConfig({ file: args.config });
  if (config.file) log.verbose(`config: ${config.file}`);
  const options: BuildOptions = {
    paths: args.paths.length ? args.paths : ['content'],
    out: args.out,
    formats: [...new Set(args.format.flatMap((f) => f.split(',')))] as Format[],
    paper: (args.paper ?? config.paper ?? 'a4') as Paper,
    theme: args.theme ?? config.theme ?? 'briefing',
    branding: { organisation: config.organisation, logo: config.logo, colors: config.colors },
    defaultMarking: config.defaultMarking,
    concurrency: Math.max(1, Math.floor(args.concurrency)),
    strict: args.strict,
    limits: limitsFrom(args),
    templatesDir: args.templates ?? config.templates,
    themeFiles: [...config.themes, ...(args['theme-css'] ?? [])],
    onResult: (r) => report(r, log),
  };
  const result = await build(options);
  const ok = result.results.filter((r) => r.ok).length;
  const failed = result.results.length - ok;
  const secs = (result.durationMs / 1000).toFixed(1);
  if (!result.results.length) log.warn(`no content files found in ${options.paths.join(', ')}`);
  else if (failed) log.info(log.red(`${failed} of ${result.results.length} briefings failed`) + log.dim(` (${ok} built in ${secs}s)`));
  else log.info(log.green(`${ok} briefing${ok === 1 ? '' : 's'} built in ${secs}s`) + log.dim(` → ${path.resolve(options.out)}`));
  return result.exitCode;
}

function report(r: BriefingResult, log: Logger): void {
  if (!r.ok) {
    log.error(`${r.file}: not built`);
    for (const e of r.errors) log.info(`  ${formatDiagnostic(e).replace(/\n/g, '\n  ')}`);
    return;
  }
  const parts = [
    r.slides !== undefined ? `${r.slides} slides` : '',
    r.pages.print !== undefined ? `briefing ${r.pages.print} pages` : '',
    `${(r.durationMs / 1000).toFixed(1)}s`,
  ].filter(Boolean);
  log.info(`${log.green('✓')} ${r.slug} ${log.dim(parts.join(' · '))}`);
  for (const a of r.fit?.actions ?? []) {
    if (a.action !== 'overflow') log.verbose(`    slide ${a.slide} "${a.heading}": ${a.action} (${a.detail})`);
  }
  const fitted = r.fit?.actions.filter((a) => a.action !== 'overflow') ?? [];
  if (fitted.length && log.level !== 'verbose') {
    log.info(log.dim(`    fit: ${fitted.map((a) => `${a.action} "${a.heading}"`).join('; ')}`));
  }
  for (const w of r.warnings) log.warn(`${r.file}: ${w}`);
  for (const f of r.outputs) log.verbose(`    wrote ${f}`);
}
