// `briefdeck validate [paths..]`: checks content without rendering anything (no browser, no templates).
import { discoverContent } from '../content/discover.js';
import { loadBriefing } from '../content/load.js';
import { ExitCode, formatDiagnostic, isBriefdeckError } from '../errors.js';
import type { Logger } from './log.js';
import { limitsFrom, type LimitArgs } from './limits.js';
import { loadConfig } from '../config.js';
import { formatLint, lintBriefing } from '../content/lint.js';

export async function runValidate(args: LimitArgs & { paths: string[]; config?: string; strict?: boolean }, log: Logger): Promise<number> {
  const config = await loadConfig({ file: args.config });
  if (config.file) log.info(`${log.green('✓')} ${config.file} ${log.dim('(config)')}`);
  const files = await discoverContent(args.paths.length ? args.paths : ['content']);
  let bad = 0;
  for (const file of files) {
    try {
      const b = await loadBriefing(file, limitsFrom(args));
      const warnings = lintBriefing(b.briefing);
      if (warnings.length && args.strict) {
        bad++;
        for (const w of warnings) log.error(`${file}: ${formatLint(w)} (--strict makes this an error)`);
        continue;
      }
      for (const w of warnings) log.warn(`${file}: ${formatLint(w)}`);
      log.info(`${log.green('✓')} ${file} ${log.dim(`(${b.slug})`)}`);
    } catch (e) {
      if (!isBriefdeckError(e)) throw e;
      bad++;
      for (const d of e.diagnostics) log.error(formatDiagnostic(d));
    }
  }
  if (!files.length) log.warn('no content files found');
  log.info(bad ? log.red(`${bad} of ${files.length} files invalid`) : log.green(`${files.length} file${files.length === 1 ? '' : 's'} valid`));
  return bad ? ExitCode.CONTENT : ExitCode.OK;
}
