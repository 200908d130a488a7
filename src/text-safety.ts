// User text made safe to show: control characters (ESC, BEL, C1, bidi overrides) escaped for the
// terminal and removed from PDF metadata, and long quoted values shortened in messages.

/** C0 and C1 controls, DEL, and the bidirectional overrides and isolates that reorder what is shown. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `s` with every control character written as an escape (`\x1B`, `\x07`, `\u202E`); newlines too unless `keepNewlines`. */
export function printable(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, escapeChar);
}

/** `s` with control characters removed (runs of them become one space): for PDF metadata and bookmarks. */
export function withoutControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** At most `max` characters of `s`, the rest said as a count: `Lorem ipsum…(+19,880 characters)`. */
export function shorten(s: string, max = 120): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return `${chars.slice(0, max).join('')}… (+${(chars.length - max).toLocaleString('en')} characters)`;
}

/**
 * A message with every quoted value ("…") longer than `max` shortened, and any other run of more
 * than `max * 2` characters without a space (a path, a data URI) shortened too.
 */
export function shortenValues(message: string, max = 120): string {
  return message
    .replace(/"([^"\n]{121,})"/g, (_, inner: string) => `"${shorten(inner, max)}"`)
    .replace(/[^\s"]{241,}/g, (run) => shorten(run, max * 2 - 20));
}

/** A message for the terminal: control characters escaped (newlines kept if asked), long values shortened. */
export function safeMessage(s: string, keepNewlines = false): string {
  return shortenValues(printable(s, keepNewlines));
}
