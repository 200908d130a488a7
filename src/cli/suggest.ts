// A mistyped option, named back with the option it most likely meant: `--formt` → `--format`.
import { closest, distance } from 'fastest-levenshtein';

/**
 * The hint for yargs' "Unknown argument(s): a, b" message, or undefined when nothing is close. `known`
 * may hold other commands' options: one given exactly is named as not this command's (`command`).
 */
export function suggestOption(message: string, known: readonly string[], command?: string): string | undefined {
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (!m?.[1] || !known.length) return undefined;
  const names = m[1].split(', ').map((arg) => arg.replace(/^-+/, ''));
  const elsewhere = names.filter((name) => known.includes(name));
  if (elsewhere.length) {
    const list = elsewhere.map((n) => `--${n}`).join(', ');
    return `${list} ${elsewhere.length > 1 ? 'are not options' : 'is not an option'} of ${command ? `\`${command}\`` : 'this command'}; see briefdeck ${command ? `${command} ` : ''}--help`;
  }
  const guesses = names.map((name) => {
    const guess = closest(name, [...known]);
    return distance(name, guess) <= Math.max(2, Math.floor(name.length / 3)) ? `--${guess}` : undefined;
  });
  const found = guesses.filter(Boolean);
  return found.length ? `did you mean ${found.join(', ')}?` : undefined;
}
