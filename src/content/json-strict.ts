// A .json file is read as JSON, not as the YAML that accepts it loosely: a trailing comma, a comment
// or a single-quoted string is an error at its line and column, as a JSON tool would report it.
import { contentError } from '../errors.js';

/** Throws a content error if `text` (of a file named `file`) is not strict JSON; other files pass. */
export function checkStrictJson(text: string, file: string): void {
  if (!/\.json$/i.test(file)) return;
  try {
    JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN);
    const before = Number.isFinite(at) ? text.slice(0, at) : undefined;
    const line = before === undefined ? undefined : before.split('\n').length;
    const column = before === undefined ? undefined : at - before.lastIndexOf('\n');
    const trailing = before !== undefined && /,\s*$/.test(before) && /^[\]}]/.test(text.slice(at));
    throw contentError({
      file,
      line,
      column,
      message: trailing ? 'trailing comma: JSON allows no comma before a closing bracket or brace' : `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      hint: trailing ? 'remove the comma' : 'check the file with a JSON validator, or write it as YAML (.yaml)',
    });
  }
}
