// `briefdeck build --watch`: rebuilds the briefings a change affects, with the browser kept warm.
import path from 'node:path';
import { build, type BuildOptions } from '../build.js';
import { BrowserSession } from '../browser/session.js';
import { CONFIG_NAMES } from '../config.js';
import { BUILTIN_TEMPLATES } from '../render/templates.js';
import { formatDiagnostic, isBriefdeckError } from '../errors.js';
import type { Logger } from './log.js';
import { buildOptionsFrom } from './args.js';
import { summarise } from './summary.js';
import type { BuildArgs } from './options.js';
import { onInterrupt } from '../interrupt.js';
import { watchInputs } from '../watch/watcher.js';

export async function watch(initial: BuildOptions, args: BuildArgs, log: Logger): Promise<number> {
  const session = new BrowserSession({ concurrency: initial.concurrency, timeout: initial.timeoutMs });
  const off = onInterrupt(() => session.close());
  let options = initial;
  const run = async (paths: string[] | undefined, why: string) => {
    try {
      if (!paths) options = await buildOptionsFrom(args);
      log.info(log.dim(`— ${why}`));
      const result = await build({ ...options, paths: paths ?? options.paths, session, onResult: (r) => {
        if (!r.ok) for (const e of r.errors) log.error(formatDiagnostic(e));
        else if (r.status === 'built') log.info(`${log.green('✓')} ${r.slug} ${log.dim(`${(r.durationMs / 1000).toFixed(1)}s`)}`);
      } });
      summarise(result, options, log);
    } catch (e) {
      if (!isBriefdeckError(e)) throw e;
      for (const d of e.diagnostics) log.error(formatDiagnostic(d));
    }
  };
  await run(undefined, 'initial build');

  let busy = Promise.resolve();
  const trusted = [BUILTIN_TEMPLATES, options.templatesDir, ...(options.themeFiles ?? [])].filter((p): p is string => Boolean(p));
  const config = args.config ? [args.config] : CONFIG_NAMES.map((n) => path.join(process.cwd(), n));
  const watcher = watchInputs({ content: options.paths, trusted, config, ignore: [options.out] }, (c) => {
    const why = c.everything ?? (c.removed.length ? `removed: ${c.removed.join(', ')}` : undefined);
    busy = busy.then(() => (why ? run(undefined, why) : run(c.files, `changed: ${c.files.join(', ')}`)));
  });
  await watcher.ready;
  log.info(log.dim('watching for changes (Ctrl-C to stop)'));
  let offStop = () => {};
  await new Promise<void>((resolve) => {
    offStop = onInterrupt(async () => resolve());
  });
  offStop();
  await watcher.close();
  // A rebuild under way when the user stopped (its browser is closing) ends, and cleans its staging
  // folder, before the command returns: nothing is written to the output after it.
  await busy.catch(() => undefined);
  off();
  await session.close();
  return 0;
}
