#!/usr/bin/env node
// The briefdeck command: runs the CLI and sets the exit code; only unexpected bugs print a stack.
import { main } from '../dist/cli/main.js';
import { installSignalHandlers } from '../dist/cli/signals.js';

installSignalHandlers();
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`briefdeck: internal error: ${e instanceof Error ? e.stack : String(e)}\nPlease report this with the command and content that caused it.\n`);
  process.exitCode = 70;
}
