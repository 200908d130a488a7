// `briefdeck build [paths..]`: builds briefings, reports each as it finishes, writes --report.
import type { CommandModule } from 'yargs';
import type { BuildServices } from '../../pipeline/services.js';
import type { BuildArgs } from '../options.js';
import type { CommandHost } from './host.js';

export function buildCommand(host: CommandHost): CommandModule<object, BuildArgs> {
  return {
    command: 'build [paths..]',
    describe: 'Build briefings into the output folder (deck.html, deck.pdf, briefing.pdf, deck.md)',
    // The options (and the formats they list) load only when build runs: other commands never need them.
    builder: async (y) => {
      const { buildOptions, pathsPositional } = await import('../options.js');
      return y.positional('paths', pathsPositional).options(buildOptions);
    },
    handler: async (a) => {
      host.debug(a.debug);
      // Chromium and the Marp thread start before the build's modules load; ended here whatever happens.
      const { BuildServices } = await import('../../pipeline/services.js');
      await using services = BuildServices.early(a);
      host.exit(await runBuild(a, host, services));
    },
  };
}

async function runBuild(args: BuildArgs, host: CommandHost, services: BuildServices): Promise<number> {
  const log = host.logger(args);
  const [{ buildOptionsFrom }, { build }, { Progress }, summary] = await Promise.all([
    import('../args.js'),
    import('../../build.js'),
    import('../progress.js'),
    import('../summary.js'),
  ]);
  const options = await buildOptionsFrom(args);
  if (args.watch) {
    const { watch } = await import('../watch.js');
    return watch(options, args, log);
  }
  const progress = new Progress(log);
  const result = await build({
    ...options,
    services,
    onStart: (f, n) => progress.start(f, n),
    onResult: (r) => progress.done(r, () => summary.report(r, log, options, args.debug)),
  });
  progress.end();
  if (args.report) await summary.writeReport(args.report, result, options);
  summary.summarise(result, options, log);
  if (args.open) {
    const deck = result.results.flatMap((r) => r.outputs).find((f) => f.endsWith('deck.html'));
    const { openFile } = await import('../open.js');
    if (deck && openFile(deck)) log.verbose(`opened ${deck}`);
    else if (deck) log.verbose('--open: no display here, not opening the deck');
  }
  return result.exitCode;
}
