// The command line: parses arguments, runs one command, prints errors, returns the exit code.
// Nothing here ends the process: bin/briefdeck.js alone sets process.exitCode.
import { version } from '../version.js';
import yargs from 'yargs';
import { BriefdeckError, ExitCode, formatDiagnostic, isBriefdeckError } from '../errors.js';
import { Logger, type Io } from './log.js';
import { buildCommand } from './commands/build.js';
import { validateCommand } from './commands/validate.js';
import { importOptions } from './commands/import.js';
import type { CommandHost } from './commands/host.js';


const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: Boolean(process.stderr.isTTY) });

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code: number = ExitCode.OK;
  let debug = argv.includes('--debug');
  const host: CommandHost = {
    logger: (a) => new Logger(io, a.quiet ? 'quiet' : a.verbose ? 'verbose' : 'normal'),
    exit: (c) => (code = c),
    debug: (on) => (debug = on),
  };
  const parser = yargs(argv)
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
      throw new BriefdeckError(ExitCode.USAGE, { message: msg, hint: 'see briefdeck --help' });
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
