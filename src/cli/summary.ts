// What the build command prints: a line per briefing as it finishes, a summary, and the --report JSON.
import path from 'node:path';
import type { BriefingResult, BuildOptions, BuildReport } from '../build.js';
import { formatDiagnostic } from '../errors.js';
import { writeAtomic } from '../output/write.js';
import type { Logger } from './log.js';

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

export function report(r: BriefingResult, log: Logger, options: BuildOptions, debug = false): void {
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
