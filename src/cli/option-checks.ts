// The numeric options' valid ranges, checked once for every command before it runs: a value out of
// range (or not a number: yargs reads `--concurrency abc` as NaN) is a usage error (exit 2) that
// says the range, never silently clamped.
import { usageError } from '../errors.js';

interface Range {
  min: number;
  max: number;
  integer: boolean;
  unit?: string;
  /** A good value, for the hint. */
  example: number;
}

export const OPTION_RANGES: Record<string, Range> = {
  concurrency: { min: 1, max: 64, integer: true, example: 2 },
  timeout: { min: 1, max: 3600, integer: false, unit: 'seconds', example: 60 },
  scale: { min: 0.25, max: 4, integer: false, example: 1.5 },
  'max-file-size': { min: 1, max: 1024 ** 3, integer: true, unit: 'bytes', example: 4194304 },
  'max-aliases': { min: 0, max: 1_000_000, integer: true, example: 100 },
  'max-depth': { min: 1, max: 1000, integer: true, example: 12 },
  'max-items': { min: 1, max: 1_000_000, integer: true, example: 1000 },
  'max-text': { min: 1, max: 10_000_000, integer: true, unit: 'characters', example: 40000 },
  'max-image-pixels': { min: 1, max: 1_000_000_000, integer: true, unit: 'pixels', example: 100000000 },
};

function describeRange(r: Range): string {
  const kind = r.integer ? 'a whole number' : 'a number';
  return `${kind} from ${r.min.toLocaleString('en')} to ${r.max.toLocaleString('en')}${r.unit ? ` ${r.unit}` : ''}`;
}

/** What is wrong with `value` for option `name`, or undefined if it is in range. */
export function optionProblem(name: string, value: unknown): string | undefined {
  const range = OPTION_RANGES[name];
  if (!range || value === undefined) return undefined;
  const shown = typeof value === 'number' && Number.isNaN(value) ? 'not a number' : JSON.stringify(value);
  const n = typeof value === 'number' ? value : NaN;
  const bad = !Number.isFinite(n) || n < range.min || n > range.max || (range.integer && !Number.isInteger(n));
  return bad ? `--${name} must be ${describeRange(range)}; got ${shown}` : undefined;
}

/** Throws a usage error for the first option (of those given in `args`) out of its range. */
export function checkOptions(args: Record<string, unknown>): void {
  for (const name of Object.keys(OPTION_RANGES)) {
    const problem = optionProblem(name, args[name]);
    if (problem) throw usageError(problem, `e.g. --${name} ${OPTION_RANGES[name]?.example}`);
  }
}
