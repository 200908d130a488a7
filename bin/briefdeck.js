#!/usr/bin/env node
// The briefdeck command: runs the CLI and sets the exit code; only unexpected bugs print a stack.
import v8 from 'node:v8';
import { main } from '../dist/cli/main.js';
import { installSignalHandlers } from '../dist/cli/signals.js';

// A build makes a megabyte-sized string or two per fit pass and keeps little: V8's default lets the heap
// grow fourfold between full collections on a machine with memory to spare (440 MiB peak for 20
// briefings). Growing it by half at a time keeps the peak near 280 MiB, for 5% more CPU (user time
// 16.8 → 17.6 s, three paired builds of 20).
v8.setFlagsFromString('--heap-growing-percent=50');
// V8 optimises a function with TurboFan once it has run enough (its interrupt budget): a build runs
// much code a few hundred times, and the default budget had V8's compiler threads spend more CPU than
// the build's own main thread (2.1-2.4 s against 2.4 s for 20 briefings, both cores busy with Chromium
// beside them). Four times the budget keeps the main thread's time (2.3-2.4 s) and halves the
// compilers' (1.3 s): 20 briefings 7.2-7.4 → 6.6-6.7 s, three paired builds.
v8.setFlagsFromString('--interrupt-budget=524288');
installSignalHandlers();
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`briefdeck: internal error: ${e instanceof Error ? e.stack : String(e)}\nPlease report this with the command and content that caused it.\n`);
  process.exitCode = 70;
}
