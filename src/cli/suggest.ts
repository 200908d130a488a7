// A mistyped option, named back with the option it most likely meant: `--formt` → `--format`.
import { closest, distance } from 'fastest-levenshtein';

/** The hint for yargs' "Unknown argument(s): a, b" message, or undefined when nothing is close. */
export function suggestOption(message: string, known: readonly string[]): string | undefined {
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (!m?.[1] || !known.length) return undefined;
  const guesses = m[1].split(', ').map((arg) => {
    const name = arg.replace(/^-+/, '');
    const guess = closest(name, [...known]);
    return distance(name, guess) <= Math.max(2, Math.floor(name.length / 3)) ? `--${guess}` : undefined;
  });
  const found = guesses.filter(Boolean);
  return found.length ? `did you mean ${found.join(', ')}?` : undefined;
}
