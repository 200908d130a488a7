// The full parse of a content file, with positions: bytes → text → YAML document (the yaml library, with
// every node's place in the file) → value → schema, every problem placed at file:line:column. A build
// takes it when the quick parse (quick.ts) declines or finds a problem, and for places asked for later.
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { contentError, type Diagnostic } from '../errors.js';
import { checkStrictJson } from './json-strict.js';
import { briefingSchema, type Briefing } from './schema.js';
import { diagnose, locate } from './diagnose.js';
import { DEFAULT_LIMITS, checkLimits, type Limits } from './limits.js';
import { decodeUtf8 } from './utf8.js';

/** Where a field is in the file: `['sections', 0, 'image', 'path']` → its line and column. */
export type Position = { line?: number; column?: number };

/** Parses and validates content from bytes; throws a BriefdeckError listing every problem found. */
export function parseBriefing(bytes: Buffer, file: string, limits: Limits = DEFAULT_LIMITS): Briefing {
  return parseWithSchema(bytes, file, briefingSchema, limits, BRIEFING);
}

export const BRIEFING = 'a briefing: a mapping of fields (title, date, bluf, keyPoints, sources, …)';

/** YAML or JSON bytes → a value checked against `schema`, every error placed at file:line:column. */
export function parseWithSchema<S extends z.ZodType>(bytes: Buffer, file: string, schema: S, limits: Limits, expected: string, found?: { locate?: (path: PropertyKey[]) => Position }): z.output<S> {
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

/**
 * Where fields are in a content file's text: the file parsed once, on the first call (an error path),
 * and each field's line and column read from that parse (or its nearest parent's, when it is missing).
 */
export function locatorIn(text: string): (path: PropertyKey[]) => Position {
  let parsed: { doc: Document; lines: LineCounter } | undefined;
  return (path) => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true }), lines };
    }
    return locate(parsed.doc, parsed.lines, path);
  };
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
