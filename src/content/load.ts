// Loads one content file (YAML or JSON): bytes → text → document with positions → validated Briefing.
import { checkStrictJson } from './json-strict.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { contentError, type Diagnostic } from '../errors.js';
import type { z } from 'zod';
import { briefingSchema, RESERVED_NAMES, SLUG_PATTERN, type Briefing } from './schema.js';
import { diagnose, locate } from './diagnose.js';
import { DEFAULT_LIMITS, checkLimits, type Limits } from './limits.js';

export interface LoadedBriefing {
  /** The content file, as given (relative paths stay relative for messages). */
  file: string;
  /** Folder of the content file: local images resolve against it. */
  dir: string;
  slug: string;
  briefing: Briefing;
  /** The raw bytes, for the build manifest's hash. */
  bytes: Buffer;
  /** Where a field is in the file, for checks made after parsing (images): `['sections', 0, 'image', 'path']`. */
  locate: Locate;
}

export type Locate = (path: PropertyKey[]) => { line?: number; column?: number };

export async function loadBriefing(file: string, limits: Limits = DEFAULT_LIMITS): Promise<LoadedBriefing> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw contentError({ file, message: e.code === 'ENOENT' ? 'file not found' : `cannot read: ${e.message}` });
  });
  if (info.size > limits.fileBytes) {
    throw contentError({
      file,
      message: `file is ${(info.size / 1048576).toFixed(1)} MiB, over the ${(limits.fileBytes / 1048576).toFixed(1)} MiB limit`,
      hint: 'split the briefing, or raise the limit with --max-file-size',
    });
  }
  const bytes = await readFile(file);
  const found: { locate?: Locate } = {};
  const briefing = parseWithSchema(bytes, file, briefingSchema, limits, BRIEFING, found);
  const slug = briefing.slug ?? slugFromFile(file);
  return { file, dir: path.dirname(path.resolve(file)), slug, briefing, bytes, locate: found.locate ?? (() => ({})) };
}

/** The default slug: the file name without extension (and without a language suffix's dot). */
export function slugFromFile(file: string): string {
  const base = path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!SLUG_PATTERN.test(slug) || RESERVED_NAMES.test(slug)) {
    throw contentError({
      file,
      message: `cannot make a slug from the file name "${path.basename(file)}"`,
      hint: 'rename the file or add `slug: my-briefing` (lowercase letters, digits, dashes)',
    });
  }
  return slug;
}

export function decodeUtf8(bytes: Buffer, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, at).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw contentError({
      file,
      line,
      column,
      message: `file is not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at})`,
      hint: 'save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.yaml > out.yaml)',
    });
  }
  return text.replace(/^\uFEFF/, '');
}

function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest invalid prefix; incomplete tails count as invalid only at the end.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  let at = Math.min(lo, bytes.length - 1);
  // A truncated sequence is detected at the byte after it: report the sequence's first byte.
  while (at > 0 && (bytes[at] ?? 0) < 0x80 && (bytes[at - 1] ?? 0) >= 0x80) at--;
  while (at > 0 && ((bytes[at] ?? 0) & 0xc0) === 0x80 && (bytes[at - 1] ?? 0) >= 0x80) at--;
  return at;
}

/** Parses and validates content from bytes; throws a BriefdeckError listing every problem found. */
export function parseBriefing(bytes: Buffer, file: string, limits: Limits = DEFAULT_LIMITS): Briefing {
  return parseWithSchema(bytes, file, briefingSchema, limits, BRIEFING);
}

const BRIEFING = 'a briefing: a mapping of fields (title, date, bluf, keyPoints, sources, …)';

/** YAML or JSON bytes → a value checked against `schema`, every error placed at file:line:column. */
export function parseWithSchema<S extends z.ZodType>(bytes: Buffer, file: string, schema: S, limits: Limits, expected: string, found?: { locate?: Locate }): z.output<S> {
  const text = decodeUtf8(bytes, file);
  if (!text.trim()) {
    throw contentError({ file, message: 'file is empty', hint: 'start from the example in docs/content.md' });
  }
  checkStrictJson(text, file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const syntax = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'DUPLICATE_KEY')];
  const tooDeep = syntax.find((e) => /call stack|too much recursion/i.test(e.message));
  if (tooDeep) {
    const pos = lines.linePos(tooDeep.pos[0]);
    throw contentError({
      file,
      line: pos.line,
      column: pos.col,
      message: `nested more than ${limits.depth} levels deep (too deep even to read)`,
      hint: 'briefings need little nesting; raise --max-depth only for real content',
    });
  }
  if (syntax.length) {
    throw contentError(
      syntax.map((e): Diagnostic => {
        // A quote left open runs to the end of the file, where the parser notices: point at where it opened.
        const opened = e.code === 'MISSING_CHAR' && /closing .?quote/i.test(e.message) ? openQuoteBefore(doc, e.pos[0]) : undefined;
        if (opened !== undefined) {
          const pos = lines.linePos(opened);
          const hint = text[opened] === "'" ? "end the text with a closing ' (write '' for an apostrophe inside it)" : 'end the text with a closing " (write \\" for a quote mark inside it)';
          return { file, line: pos.line, column: pos.col, message: `the quote ${text[opened]} opened here is never closed`, hint };
        }
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: yamlMessage(e.message), hint: yamlHint(e.code) };
      }),
    );
  }
  const value = toValue(doc, file, limits);
  checkLimits(value, { file, doc, lines }, limits);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw contentError({ file, line: 1, column: 1, message: `expected ${expected}`, hint: 'start from the example in docs/content.md' });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw contentError(diagnose(parsed.error, { file, doc, lines, value, schema, source: text }));
  if (found) found.locate = (at) => locate(doc, lines, at);
  return parsed.data;
}

function toValue(doc: Document, file: string, limits: Limits): unknown {
  try {
    return doc.toJS({ maxAliasCount: limits.aliases });
  } catch (e) {
    throw contentError({
      file,
      message: `YAML aliases expand too far (${(e as Error).message})`,
      hint: 'anchors and aliases (&a / *a) may not multiply the document; write the text out, or raise --max-aliases',
    });
  }
}

/** Where the quoted text that runs on to `at` (an unclosed quote) begins. */
function openQuoteBefore(doc: Document, at: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const [from, to] = node.range ?? [];
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && from !== undefined && to !== undefined && from < at && to >= at) start = from;
    },
  });
  return start;
}

function yamlMessage(message: string): string {
  // The yaml library appends a source excerpt after the first line; our position replaces it.
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each field may appear once; remove or rename the repeated one';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'check the indentation, or quote text that contains a colon followed by a space';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
      return 'indent items of one list or mapping by the same number of spaces';
    default:
      return 'quote text that contains ": ", "#" or starts with a special character';
  }
}
