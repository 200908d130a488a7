// One error type for users: where (file, line, column, field), what is wrong, how to fix it, and the exit code.
import { safeMessage } from './text-safety.js';

/** The CLI's exit codes, documented in the README. */
export const ExitCode = {
  OK: 0,
  /** Content (or config) is invalid, or a briefing failed to build. */
  CONTENT: 1,
  /** The command line is wrong. */
  USAGE: 2,
  /** The machine lacks something: no browser, unwritable output folder. */
  ENVIRONMENT: 3,
  /** A bug in briefdeck. */
  INTERNAL: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One problem found in one place. */
export interface Diagnostic {
  file?: string;
  line?: number;
  column?: number;
  /** Field path in the content, e.g. `keyPoints[2].likelihood`. */
  field?: string;
  message: string;
  hint?: string;
}

export class BriefdeckError extends Error {
  readonly exitCode: ExitCode;
  readonly diagnostics: Diagnostic[];

  constructor(exitCode: ExitCode, diagnostics: Diagnostic[] | Diagnostic, options?: { cause?: unknown }) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnostic).join('\n'), options);
    this.name = 'BriefdeckError';
    this.exitCode = exitCode;
    this.diagnostics = list;
  }
}

export function contentError(d: Diagnostic | Diagnostic[]): BriefdeckError {
  return new BriefdeckError(ExitCode.CONTENT, d);
}

export function usageError(message: string, hint?: string): BriefdeckError {
  return new BriefdeckError(ExitCode.USAGE, { message, hint });
}

export function environmentError(message: string, hint?: string, cause?: unknown): BriefdeckError {
  return new BriefdeckError(ExitCode.ENVIRONMENT, { message, hint }, { cause });
}

/**
 * `file:line:column field: message` then an indented hint, the way compilers print; control
 * characters in any part shown escaped, long values shortened.
 */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ? safeMessage(d.file) : '';
  if (d.file && d.line !== undefined) where += `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}`;
  const head = [where, d.field && safeMessage(d.field)].filter(Boolean).join(' ');
  const message = safeMessage(d.message);
  const text = head ? `${head}: ${message}` : message;
  return d.hint ? `${text}\n  hint: ${safeMessage(d.hint)}` : text;
}

export function isBriefdeckError(e: unknown): e is BriefdeckError {
  return e instanceof BriefdeckError;
}

/** A field's path as a user writes it: `keyPoints[2].likelihood`. */
export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg}]`;
    return acc ? `${acc}.${String(seg)}` : String(seg);
  }, '');
}
