// What main.ts gives every command: a logger for its flags, and where to put the exit code.
import type { Logger } from '../log.js';

export interface CommandHost {
  logger(flags: { quiet?: boolean; verbose?: boolean }): Logger;
  /** The command's exit code (main returns it; nothing here ends the process). */
  exit(code: number): void;
  /** --debug: stacks are printed with errors. */
  debug(on: boolean): void;
}
