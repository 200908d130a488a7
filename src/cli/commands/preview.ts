// `briefdeck preview [paths..]`: builds, serves the output folder on loopback, rebuilds on save and reloads open pages.
import path from 'node:path';
import { BrowserSession } from '../../browser/session.js';
import { BuildServices } from '../../pipeline/services.js';
import { CONFIG_NAMES } from '../../config.js';
import { BriefdeckError, ExitCode, formatDiagnostic } from '../../errors.js';
import { onInterrupt } from '../../interrupt.js';
import { PreviewServer, isLoopback } from '../../preview/server.js';
import { Rebuilder } from '../../preview/rebuild.js';
import { PreviewState } from '../../preview/state.js';
import { MarpThread } from '../../render/marp-thread.js';
import { BUILTIN_TEMPLATES } from '../../render/templates.js';
import { formatsFrom, needsOf } from '../../formats/registry.js';
import { watchInputs } from '../../watch/watcher.js';
import { buildOptionsFrom } from '../args.js';
import type { BuildArgs } from '../options.js';
import type { LimitArgs } from '../limits.js';
import type { Logger } from '../log.js';

export interface PreviewArgs extends LimitArgs {
  paths: string[];
  port: number;
  host: string;
  out: string;
  format: string[];
  paper?: 'a4' | 'letter';
  theme?: string;
  config?: string;
  concurrency: number;
  timeout: number;
  templates?: string;
  'theme-css'?: string[];
  open: boolean;
}

/** A running preview; `stop` ends the server, the watcher, the browser and the Marp thread. */
export interface Preview {
  url: string;
  stop: () => Promise<void>;
  /** The shutdown once it has begun (by `stop` or an interrupt). */
  stopped: () => Promise<void> | undefined;
  /** Settles when no rebuild is running or queued (for tests). */
  idle: () => Promise<void>;
}

const buildArgs = (a: PreviewArgs): BuildArgs => ({
  ...a,
  paths: a.paths.length ? a.paths : ['content'],
  format: formatsFrom(a.format),
  paper: a.paper,
  theme: a.theme,
  config: a.config,
  templates: a.templates,
  'theme-css': a['theme-css'],
  'pdf-notes': false,
  'handout-per-page': 3,
  scale: 1.5,
  strict: false,
  force: false,
  check: false,
  watch: false,
  open: false,
  fit: true,
  shard: undefined,
  report: undefined,
  quiet: false,
  verbose: false,
  debug: false,
});

export async function startPreview(args: PreviewArgs, log: Logger, onListening: (url: string) => void = () => {}): Promise<Preview> {
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new BriefdeckError(ExitCode.USAGE, { message: `--port ${args.port}: expected a whole number from 0 to 65535`, hint: '--port 0 picks any free port' });
  }
  const bargs = buildArgs(args);
  const first = await buildOptionsFrom(bargs);
  const state = new PreviewState();
  const server = new PreviewServer({ state, out: path.resolve(first.out), watching: first.paths, host: args.host, port: args.port });
  const url = await server.listen();
  if (!isLoopback(args.host)) log.warn(`listening on ${args.host}: other machines on the network can read these briefings`);
  onListening(url);
  const session = new BrowserSession({ concurrency: first.concurrency, timeout: first.timeoutMs });
  const marp = needsOf(formatsFrom(args.format)).marp ? MarpThread.start() : undefined;
  // One browser and one Marp engine for the session, kept warm between saves; a browser that died is
  // relaunched by the session on the next rebuild.
  const services = new BuildServices(session, { marp });
  const rebuilder = new Rebuilder({
    options: () => buildOptionsFrom(bargs),
    services,
    state,
    onDecks: () => server.announce(),
    onBuilt: ({ why, results, problem, durationMs }) => {
      log.info(log.dim(`— ${why}`));
      for (const d of problem) log.error(formatDiagnostic(d));
      for (const r of results) {
        if (!r.ok) for (const e of r.errors) log.error(formatDiagnostic(e));
        else if (r.status === 'built') log.info(`${log.green('✓')} ${r.slug} ${log.dim(`${(r.durationMs / 1000).toFixed(2)}s`)}`);
        else log.verbose(`= ${r.slug} unchanged`);
      }
      log.verbose(`rebuilt in ${(durationMs / 1000).toFixed(2)}s`);
      server.announce();
    },
  });
  let watcher: ReturnType<typeof watchInputs> | undefined;
  let stopping: Promise<void> | undefined;
  let offInterrupt = () => {};
  const stop = () =>
    (stopping ??= (async () => {
      offInterrupt();
      await watcher?.close();
      await rebuilder.idle().catch(() => undefined);
      await server.close();
      await Promise.all([session.close(), services[Symbol.asyncDispose]()]);
    })());
  // Ctrl-C at any moment, even during the first build, ends the browser and the server.
  offInterrupt = onInterrupt(stop);
  try {
    await rebuilder.initial();
    if (stopping) return { url, stop, stopped: () => stopping, idle: () => rebuilder.idle() };
    const trusted = [BUILTIN_TEMPLATES, first.templatesDir, ...(first.themeFiles ?? [])].filter((p): p is string => Boolean(p));
    const config = args.config ? [args.config] : CONFIG_NAMES.map((n) => path.join(process.cwd(), n));
    watcher = watchInputs({ content: first.paths, trusted, config, ignore: [first.out] }, (c) => void rebuilder.change(c));
    await watcher.ready;
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop, stopped: () => stopping, idle: () => rebuilder.idle() };
}

/** Runs the preview until interrupted (Ctrl-C). */
export async function runPreview(args: PreviewArgs, log: Logger): Promise<number> {
  const preview = await startPreview(args, log, (url) => log.info(`${log.bold('preview')} at ${url} ${log.dim('(building…)')}`));
  log.info(log.dim(`watching for changes; open ${preview.url} (Ctrl-C to stop)`));
  if (args.open) {
    const { openFile } = await import('../open.js');
    if (!openFile(preview.url)) log.verbose('--open: no display here, not opening a browser');
  }
  await new Promise<void>((resolve) => {
    const off = onInterrupt(async () => {
      off();
      await preview.stop();
      resolve();
    });
    void preview.stopped()?.then(() => {
      off();
      resolve();
    });
  });
  return ExitCode.OK;
}
