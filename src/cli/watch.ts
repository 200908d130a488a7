// `briefdeck build --watch`: rebuilds the briefings a change affects, with the browser kept warm.
import { watch as fsWatch, type FSWatcher } from 'node:fs';
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

const CONTENT = /\.(ya?ml|json)$/i;

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
  log.info(log.dim('watching for changes (Ctrl-C to stop)'));

  let pending = new Set<string>();
  let everything = false;
  let timer: NodeJS.Timeout | undefined;
  let busy = Promise.resolve();
  const schedule = (file: string | undefined) => {
    if (file === undefined) everything = true;
    else pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      const all = everything;
      pending = new Set();
      everything = false;
      busy = busy.then(() => (all ? run(undefined, 'templates, themes or config changed') : run(files, `changed: ${files.join(', ')}`)));
    }, 150);
  };

  const watchers: FSWatcher[] = [];
  const contentRoots = options.paths.map((p) => path.resolve(p));
  for (const root of contentRoots) {
    watchers.push(
      fsWatch(root, { recursive: true }, (_e, name) => {
        if (!name) return schedule(undefined);
        const file = path.join(root, name.toString());
        if (CONTENT.test(file)) schedule(path.relative(process.cwd(), file));
        else schedule(undefined); // an image or other asset beside the content
      }),
    );
  }
  const trusted = [BUILTIN_TEMPLATES, options.templatesDir, ...(options.themeFiles ?? [])].filter((p): p is string => Boolean(p));
  for (const p of trusted) watchers.push(fsWatch(p, { recursive: true }, () => schedule(undefined)));
  watchers.push(
    fsWatch(process.cwd(), (_e, name) => {
      if (name && CONFIG_NAMES.includes(name.toString())) schedule(undefined);
    }),
  );
  let offStop = () => {};
  await new Promise<void>((resolve) => {
    offStop = onInterrupt(async () => resolve());
  });
  offStop();
  for (const w of watchers) w.close();
  off();
  await session.close();
  return 0;
}
