// Turns the --max-* options into content limits.
import type { Limits } from '../content/limits.js';

export interface LimitArgs {
  'max-file-size': number;
  'max-aliases': number;
  'max-depth': number;
  'max-items': number;
  'max-text': number;
  'max-image-pixels': number;
}

export function limitsFrom(a: LimitArgs): Limits {
  return { fileBytes: a['max-file-size'], aliases: a['max-aliases'], depth: a['max-depth'], items: a['max-items'], textChars: a['max-text'], imagePixels: a['max-image-pixels'] };
}
