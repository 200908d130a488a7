// A mistyped option is named back with the one meant.
import { describe, expect, it } from 'vitest';
import { suggestOption } from '../../src/cli/suggest.js';
import { runCli } from '../helpers/cli.js';

describe('mistyped options', () => {
  it('--formt suggests --format', async () => {
    const run = await runCli(['build', '--formt', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error Unknown argument: formt\n  hint: did you mean --format?');
  });
  it('names each of several, and falls back to --help when nothing is close', () => {
    expect(suggestOption('Unknown arguments: formt, stirct', ['format', 'strict'])).toBe('did you mean --format, --strict?');
    expect(suggestOption('Unknown argument: zzzzzzzz', ['format', 'strict'])).toBeUndefined();
  });
});
