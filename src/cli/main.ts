// The command line: parses arguments, runs one command, prints errors, returns the exit code.
// Nothing here ends the process: bin/briefdeck.js alone sets process.exitCode.
import { createRequire } from 'node:module';
import { version } from '../version.js';
import { BriefdeckError, ExitCode, formatDiagnostic, isBriefdeckError } from '../errors.js';
import { Logger, type Io } from './log.js';
import { buildCommand } from './commands/build.js';
import { validateCommand } from './commands/validate.js';
import { importOptions, STDIN } from './commands/import.js';
import { newOptions } from './commands/new-options.js';
import { browserOptions, doctorOptions, initOptions } from './commands/setup-options.js';
import type { CommandHost } from './commands/host.js';
import { resolveAtProject } from '../project-root.js';
import { checkOptions } from './option-checks.js';
import { startNameThread } from '../import/names-thread.js';

/** The one yargs internal used here (yargs 17-18): its usage instance, to skip its help cache. */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/** A usage error yargs found; its hint (the option meant) is looked up once the options have loaded. */
class UsageFailure extends Error {}

/** The commands (`browser` last: its one action is `install`), for naming the one a usage error is about. */
const COMMANDS = ['build', 'validate', 'import', 'new', 'schema', 'preview', 'init', 'doctor', 'browser'];

async function usageError(message: string, command?: string): Promise<BriefdeckError> {
  const [{ buildOptions }, { suggestOption }] = await Promise.all([import('./options.js'), import('./suggest.js')]);
  const known = [...Object.keys(buildOptions), 'help', 'version'];
  // yargs lays some messages out on several lines ("Invalid values:\n  Argument: …"): one line here, as
  // every diagnostic is (its control characters would otherwise be shown escaped).
  return new BriefdeckError(ExitCode.USAGE, { message: message.replace(/:?\s*\n\s*/g, ': '), hint: suggestOption(message, known, command) ?? 'see briefdeck --help' });
}

const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: Boolean(process.stderr.isTTY) });

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  // import's names thread loads compromise, its slowest part, while yargs and the importer load here.
  if (argv[0] === 'import') startNameThread();
  // yargs is ES modules only (a few dozen files): required, Node loads them synchronously, in about 60%
  // of the time import() takes when each is loaded alone (75 against 124 ms); in a whole cold build the
  // gain is part of the 0.14 s of CPU measured with markdown-it and pdf-lib (README, Benchmarks).
  // (Its module gives Node the function itself for require(), as `module.exports`.)
  const loaded = createRequire(import.meta.url)('yargs') as typeof import('yargs') | (typeof import('yargs'))['default'];
  const yargs = typeof loaded === 'function' ? loaded : loaded.default;
  let code: number = ExitCode.OK;
  let debug = argv.includes('--debug');
  const host: CommandHost = {
    logger: (a) => new Logger(io, a.quiet ? 'quiet' : a.verbose ? 'verbose' : 'normal'),
    exit: (c) => (code = c),
    debug: (on) => (debug = on),
  };
  // `import -` reads stdin; yargs would make the lone `-` an empty string.
  const args = argv[0] === 'import' ? argv.map((a, i) => (i > 0 && a === '-' ? STDIN : a)) : argv;
  const parser = yargs(args)
    .scriptName('briefdeck')
    .usage('$0 <command> [options]\n\nTurn structured article data (YAML/JSON) into briefing decks and print briefings.')
    .command(buildCommand(host))
    .command(validateCommand(host))
    .command(
      'import <file>',
      'Make a content YAML draft from an article (text, Markdown or HTML; - reads stdin)',
      (y) => y.positional('file', { type: 'string', demandOption: true, describe: 'The article, or - for stdin' }).options(importOptions),
      async (a) => {
        host.debug(a.debug);
        const { runImport } = await import('./commands/import.js');
        host.exit(await runImport(a, host.logger(a)));
      },
    )
    .command(
      'new <slug>',
      'Write a commented content file with every field, content/<slug>.yaml, to start a briefing from',
      (y) => y.positional('slug', { type: 'string', demandOption: true, describe: 'The new briefing\'s slug, e.g. port-strike' }).options(newOptions),
      async (a) => {
        host.debug(a.debug);
        const { runNew } = await import('./commands/new.js');
        host.exit(await runNew(a, host.logger(a)));
      },
    )
    .command(
      'schema',
      'Print the JSON Schema of content files (for editors and other tools)',
      (y) => y,
      async () => {
        const { runSchema } = await import('./commands/schema.js');
        host.exit(runSchema(new Logger(io)));
      },
    )
    .command(
      'preview [paths..]',
      'Serve the briefings on this machine (127.0.0.1), rebuild on save and reload open pages',
      // The options (with build's and the formats they list) load only when preview runs.
      async (y) => {
        const { previewOptions } = await import('./commands/preview-options.js');
        return y.positional('paths', { type: 'string', array: true, default: ['content'], describe: 'Content files or folders' }).options(previewOptions);
      },
      async (a) => {
        host.debug(a.debug);
        const { runPreview } = await import('./commands/preview.js');
        host.exit(await runPreview(a, host.logger(a)));
      },
    )
    .command('init', 'Set this repository up for briefings: content/ example, config, npm scripts, CI workflow', (y) => y.options(initOptions), async (a) => {
      host.debug(a.debug);
      const { runInit } = await import('./commands/init.js');
      host.exit(await runInit(a, host.logger(a)));
    })
    .command('doctor', 'Check this machine and project: browser (which, why, version, starts), fonts, cache, config', (y) => y.options(doctorOptions), async (a) => {
      const { runDoctor } = await import('./commands/doctor.js');
      host.exit(await runDoctor(a, host.logger({}), io));
    })
    .command('browser <action>', "Install Chromium's headless shell into puppeteer's cache (action: install)", (y) => y.positional('action', { type: 'string', choices: ['install'], demandOption: true }).options(browserOptions), async (a) => {
      host.debug(a.debug);
      const { runBrowser } = await import('./commands/browser.js');
      host.exit(await runBrowser(a, host.logger(a), io.env));
    })
    // Run from anywhere in the project: content/, output/ and the config are the project root's.
    .middleware((a) => void resolveAtProject(a, argv))
    // Every command's numbers checked against their ranges before it runs (exit 2, with the range).
    .middleware((a) => checkOptions(a), true)
    .demandCommand(1, `Name a command: ${COMMANDS.slice(0, -1).join(', ')} or ${COMMANDS.at(-1)} install`)
    .strict()
    .recommendCommands()
    .version(version())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageFailure(msg);
    });
  // yargs lays the whole help text out once a command's handler has started, in case the handler shows
  // it: 30-40 ms of a cold process (cliui measuring every line), for a help no command here shows (one
  // that did would have yargs lay it out then). `--help` itself does not go through this cache.
  const usage = (parser as unknown as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
  try {
    let helpText = '';
    await parser.parseAsync(args, {}, (err, _argv, output) => {
      if (output && !err) helpText = output;
    });
    if (helpText) io.stdout.write(`${helpText}\n`);
    return code;
  } catch (thrown) {
    const e = thrown instanceof UsageFailure ? await usageError(thrown.message, COMMANDS.find((c) => c === args[0])) : thrown;
    if (isBriefdeckError(e)) {
      const log = new Logger(io);
      for (const d of e.diagnostics) log.error(formatDiagnostic(d));
      if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
