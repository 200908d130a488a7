// Size limits for untrusted content, each with a clear message and a command-line option to raise it.
import type { Document, LineCounter } from 'yaml';
import { contentError, formatPath } from '../errors.js';

export interface Limits {
  /** Largest content file, in bytes (--max-file-size). */
  fileBytes: number;
  /** Most alias expansions YAML may do (--max-aliases). */
  aliases: number;
  /** Deepest nesting of lists and mappings (--max-depth). */
  depth: number;
  /** Longest list (--max-items). */
  items: number;
  /** Longest text, in characters (--max-text). */
  textChars: number;
  /** Most pixels a section image may declare (--max-image-pixels). */
  imagePixels?: number;
}

export const DEFAULT_LIMITS: Limits = {
  fileBytes: 2 * 1024 * 1024,
  aliases: 100,
  depth: 12,
  items: 500,
  textChars: 20_000,
};

export function checkLimits(value: unknown, at: { file: string; doc?: Document; lines?: LineCounter }, limits: Limits): void {
  const fail = (path: PropertyKey[], message: string, hint: string): never => {
    const node = at.doc?.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
    const pos = node?.range ? at.lines?.linePos(node.range[0]) : undefined;
    throw contentError({ file: at.file, line: pos?.line, column: pos?.col, field: formatPath(path) || undefined, message, hint });
  };
  const walk = (v: unknown, path: PropertyKey[]): void => {
    if (path.length > limits.depth) {
      fail(path, `nested more than ${limits.depth} levels deep`, 'briefings need little nesting; raise --max-depth if this is intended');
    }
    if (typeof v === 'string') {
      if (!v.isWellFormed()) {
        fail(path, 'contains an unpaired UTF-16 surrogate (a broken \\uD800-style escape), which is not text', 'remove the escape, or write the character itself');
      }
      if (v.length > limits.textChars) {
        fail(path, `text is ${v.length} characters, over the ${limits.textChars} limit`, 'shorten it, or raise --max-text');
      }
    } else if (Array.isArray(v)) {
      if (v.length > limits.items) {
        fail(path, `list has ${v.length} items, over the ${limits.items} limit`, 'shorten it, or raise --max-items');
      }
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
    }
  };
  walk(value, []);
}
