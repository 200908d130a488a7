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
  it('names an option of another command as such, not as a guess at itself', async () => {
    const run = await runCli(['validate', 'content', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error Unknown argument: format\n  hint: --format is not an option of `validate`; see briefdeck validate --help');
  });
  it('takes formats comma-separated, and names a wrong one on one line', async () => {
    const run = await runCli(['build', 'content', '--format', 'pdf,prnt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error Invalid values: Argument: format, Given: "prnt", Choices: "html", "pdf", /);
  });
});
