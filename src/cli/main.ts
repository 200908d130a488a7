// The command line: parses arguments, runs one command, prints errors, returns the exit code.
// Nothing here ends the process: bin/briefdeck.js alone sets process.exitCode.
import { version } from '../version.js';
import yargs from 'yargs';
import { BriefdeckError, ExitCode, formatDiagnostic, isBriefdeckError } from '../errors.js';
import { Logger, type Io } from './log.js';
import { buildOptions, validateOptions } from './options.js';
import { suggestOption } from './suggest.js';


const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: Boolean(process.stderr.isTTY) });

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code: number = ExitCode.OK;
  let debug = argv.includes('--debug');
  const logFor = (a: { quiet?: boolean; verbose?: boolean }) => new Logger(io, a.quiet ? 'quiet' : a.verbose ? 'verbose' : 'normal');
  const parser = yargs(argv)
    .scriptName('briefdeck')
    .usage('$0 <command> [options]\n\nTurn structured article data (YAML/JSON) into briefing decks and print briefings.')
    .command(
      'build [paths..]',
      'Build briefings into the output folder (deck.html, deck.pdf, briefing.pdf, deck.md)',
      (y) => y.positional('paths', { type: 'string', array: true, default: ['content'], describe: 'Content files or folders' }).options(buildOptions),
      async (a) => {
        debug = a.debug;
        const { startEarly } = await import('./early-start.js');
        const started = startEarly(a as never);
        const { runBuild } = await import('./build.js');
        code = await runBuild(a as never, logFor(a), started);
      },
    )
    .command(
      'validate [paths..]',
      'Check content files against the schema, without rendering',
      (y) => y.positional('paths', { type: 'string', array: true, default: ['content'], describe: 'Content files or folders' }).options(validateOptions),
      async (a) => {
        debug = a.debug;
        const { runValidate } = await import('./validate.js');
        code = await runValidate(a as never, logFor(a));
      },
    )
    .demandCommand(1, 'Name a command: build or validate')
    .strict()
    .recommendCommands()
    .version(version())
    .help()
    .alias('h', 'help')
    // yargs lays its help out after every command, in case the command shows it; unwrapped that costs
    // a cold process ~40 ms less, so the help is wrapped only when it is asked for.
    .wrap(argv.some((a) => a === '--help' || a === '-h') ? Math.min(100, process.stdout.columns || 100) : null)
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      const known = [...Object.keys(buildOptions), 'help', 'version'];
      throw new BriefdeckError(ExitCode.USAGE, { message: msg, hint: suggestOption(msg, known) ?? 'see briefdeck --help' });
    });
  try {
    let helpText = '';
    await parser.parseAsync(argv, {}, (err, _argv, output) => {
      if (output && !err) helpText = output;
    });
    if (helpText) io.stdout.write(`${helpText}\n`);
    return code;
  } catch (e) {
    if (isBriefdeckError(e)) {
      const log = new Logger(io);
      for (const d of e.diagnostics) log.error(formatDiagnostic(d));
      if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
