// Runs `briefdeck validate`: every file through the checks a build makes before rendering.
import { discoverContent } from '../content/discover.js';
import { ExitCode, formatDiagnostic, isBriefdeckError } from '../errors.js';
import { loadConfig } from '../config.js';
import { loadTemplates } from '../render/templates.js';
import { checkBriefing, checkBuildTheme } from '../pipeline/checks.js';
import { SlugClaims } from '../pipeline/slugs.js';
import type { Logger } from './log.js';
import { limitsFrom } from './limits.js';
import type { ValidateArgs } from './options.js';
import { formatLint, lintBriefing } from '../content/lint.js';

export async function runValidate(args: ValidateArgs, log: Logger): Promise<number> {
  const config = await loadConfig({ file: args.config });
  if (config.file) log.info(`${log.green('✓')} ${config.file} ${log.dim('(config)')}`);
  const templates = await loadTemplates({ custom: args.templates ?? config.templates, themeFiles: [...config.themes, ...(args['theme-css'] ?? [])] });
  const theme = args.theme ?? config.theme ?? 'briefing';
  checkBuildTheme(theme, templates);
  const files = await discoverContent(args.paths.length ? [...args.paths] : ['content']);
  const slugs = new SlugClaims(files);
  const limits = limitsFrom(args);
  let bad = 0;
  for (const file of files) {
    try {
      const { loaded } = await checkBriefing(file, { limits, slugs, out: 'output', templates, theme });
      const warnings = lintBriefing(loaded.briefing);
      if (warnings.length && args.strict) {
        bad++;
        for (const w of warnings) log.error(`${file}: ${formatLint(w)} (--strict makes this an error)`);
        continue;
      }
      for (const w of warnings) log.warn(`${file}: ${formatLint(w)}`);
      log.info(`${log.green('✓')} ${file} ${log.dim(`(${loaded.slug})`)}`);
    } catch (e) {
      if (!isBriefdeckError(e)) throw e;
      bad++;
      for (const d of e.diagnostics) log.error(formatDiagnostic({ file, ...d }));
    } finally {
      slugs.pass(file);
    }
  }
  if (!files.length) log.warn('no content files found');
  log.info(bad ? log.red(`${bad} of ${files.length} files invalid`) : log.green(`${files.length} file${files.length === 1 ? '' : 's'} valid`));
  return bad ? ExitCode.CONTENT : ExitCode.OK;
}
