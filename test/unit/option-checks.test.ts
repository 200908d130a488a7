// Numeric options out of range are usage errors that say the range; nothing is clamped silently.
import { describe, expect, it } from 'vitest';
import { checkOptions, optionProblem } from '../../src/cli/option-checks.js';
import { runCli } from '../helpers/cli.js';

describe('optionProblem', () => {
  it.each([
    ['concurrency', NaN, '--concurrency must be a whole number from 1 to 64; got not a number'],
    ['concurrency', 0, 'got 0'],
    ['concurrency', -3, 'got -3'],
    ['concurrency', 1.5, 'got 1.5'],
    ['timeout', NaN, '--timeout must be a number from 1 to 3,600 seconds; got not a number'],
    ['timeout', Infinity, 'got null'],
    ['timeout', 0, 'got 0'],
    ['timeout', -1, 'got -1'],
    ['scale', 0, '--scale must be a number from 0.25 to 4; got 0'],
    ['scale', 100, 'got 100'],
    ['max-image-pixels', 0, 'got 0'],
  ])('%s %s', (name, value, message) => {
    expect(optionProblem(name, value)).toContain(message);
  });

  it('accepts values in range, and options it does not know', () => {
    expect(optionProblem('concurrency', 4)).toBeUndefined();
    expect(optionProblem('timeout', 0.5 + 1)).toBeUndefined();
    expect(optionProblem('scale', 0.25)).toBeUndefined();
    expect(optionProblem('format', 'pdf')).toBeUndefined();
    expect(() => checkOptions({ concurrency: 2, timeout: 60, scale: 1.5 })).not.toThrow();
  });
});

describe('the command line', () => {
  it.each([
    [['--concurrency', 'abc'], '--concurrency must be a whole number from 1 to 64; got not a number'],
    [['--timeout', 'Infinity'], '--timeout must be a number from 1 to 3,600 seconds'],
    [['-j', '0'], '--concurrency must be'],
    [['--scale', '100'], '--scale must be a number from 0.25 to 4; got 100'],
  ])('build %j: exit 2, one line with the range, nothing built', async (args, message) => {
    const r = await runCli(['build', 'no-such-folder', '--out', '/nonexistent/never', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/no content files|^\s+at /m);
    expect(r.stderr.trim().split('\n').length).toBe(2);
  });

  it('validate checks its options too', async () => {
    const r = await runCli(['validate', 'x', '--max-items', '-5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-items must be a whole number from 1 to 1,000,000; got -5');
  });
});
