// Turns schema issues into diagnostics that point at file:line:column with a field path and a fix.
import type { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { formatPath, type Diagnostic } from '../errors.js';
import { NEAR_MISSES } from './terms.js';
import { yamlSlips } from './yaml-hints.js';

type Path = PropertyKey[];

/** Where a field is in the source: the value's node, or for a missing field, its parent. */
export function locate(doc: Document, lines: LineCounter, path: Path, key?: string): { line?: number; column?: number } {
  let node: unknown = doc.contents;
  for (const seg of path) {
    const next = isMap(node) || isSeq(node) ? (node as { get(k: unknown, keep: true): unknown }).get(seg, true) : undefined;
    if (next === undefined || next === null || typeof next !== 'object') break;
    node = next;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) node = keyNode;
  }
  const range = (node as Node | null)?.range;
  if (!range) return {};
  const pos = lines.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

/** For a union of `text | {object}`, keep the branch that matches the value's shape. */
function unwrapUnion(issue: z.core.$ZodIssue, value: unknown): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const branches = issue.errors;
  const wantsObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const matching = branches.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (!matching || (!wantsObject && typeof value !== 'string')) return [issue];
  return matching.flatMap((i) => unwrapUnion({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue, valueAt(value, i.path)));
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

function allowedKeys(schema: z.ZodType, path: Path): string[] {
  // Walk the schema by path to find the object that rejected a key.
  let s: unknown = schema;
  const shapeOf = (x: unknown): Record<string, unknown> | undefined => {
    const def = (x as { def?: { type: string; shape?: Record<string, unknown>; in?: unknown; innerType?: unknown; element?: unknown; options?: unknown[]; schema?: unknown } })?.def;
    if (!def) return undefined;
    if (def.shape) return def.shape;
    return undefined;
  };
  const unwrap = (x: unknown): unknown => {
    let cur = x;
    for (let i = 0; i < 10; i++) {
      const def = (cur as { def?: Record<string, unknown> })?.def;
      if (!def) return cur;
      if (def.shape) return cur;
      if (def.innerType) cur = def.innerType;
      else if (def.in) cur = def.in;
      else if (def.schema) cur = def.schema;
      else if (Array.isArray(def.options)) cur = def.options.find((o) => shapeOf(unwrap(o))) ?? def.options[0];
      else return cur;
    }
    return cur;
  };
  for (const seg of path) {
    const cur = unwrap(s);
    const def = (cur as { def?: Record<string, unknown> })?.def;
    if (typeof seg === 'number') s = def?.element ? unwrap(def.element) : cur;
    else s = shapeOf(cur)?.[seg as string];
  }
  const shape = shapeOf(unwrap(s));
  return shape ? Object.keys(shape) : [];
}

export function diagnose(
  error: z.ZodError,
  ctx: { file: string; doc: Document; lines: LineCounter; value: unknown; schema: z.ZodType; source?: string },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  let issues = error.issues.flatMap((i) => unwrapUnion(i, valueAt(ctx.value, i.path)));
  if (ctx.source !== undefined) {
    // A YAML slip explains its issues once, with the fixed line.
    const paths = issues.map((i) => (i.code === 'unrecognized_keys' ? [...i.path, ...i.keys] : i.path));
    const slips = yamlSlips({ file: ctx.file, doc: ctx.doc, lines: ctx.lines, source: ctx.source }, paths);
    out.push(...slips.map((s) => s.diagnostic));
    issues = issues.filter((_i, k) => !slips.some((s) => s.covers(paths[k] ?? [])));
  }
  for (const issue of issues) {
    const path = issue.path;
    const field = formatPath(path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(ctx.schema, path);
      for (const key of issue.keys) {
        const guess = allowed.length ? closest(key, allowed) : undefined;
        const near = guess !== undefined && distance(key, guess) <= Math.max(2, Math.floor(key.length / 3));
        out.push({
          file: ctx.file,
          ...locate(ctx.doc, ctx.lines, path, key),
          field: formatPath([...path, key]),
          message: `unknown field "${key}"`,
          hint: near ? `did you mean "${guess}"?` : `allowed fields here: ${allowed.join(', ')}`,
        });
      }
      continue;
    }
    const value = valueAt(ctx.value, path);
    const missing = value === undefined && issue.code === 'invalid_type';
    const params = (issue as { params?: { hint?: string; candidates?: string[] } }).params;
    let hint = params?.hint;
    if (params?.candidates && typeof value === 'string' && params.candidates.length) {
      const guess = closest(value, params.candidates);
      if (distance(value, guess) <= 3) hint = `did you mean "${guess}"? (${hint})`;
    }
    if (issue.code === 'invalid_value' && typeof value === 'string') {
      const values = (issue as { values: unknown[] }).values.map(String);
      const guess = closest(value.toLowerCase(), values);
      if (distance(value.toLowerCase(), guess) <= 4) hint = `did you mean "${guess}"?`;
      const near = NEAR_MISSES[value.trim().toLowerCase()];
      if (near && values.includes(near)) hint = `did you mean "${near}"?`;
    }
    if (issue.message.startsWith('a source is')) hint = 'write each source as a mapping such as  - { id: article, title: "The article", url: "https://example.org/a" }';
    out.push({
      file: ctx.file,
      ...locate(ctx.doc, ctx.lines, path),
      field: field || undefined,
      message: missing ? `is required (${issue.message.replace(/^is required$/, 'missing')})`.replace(' (missing)', '') : issue.message,
      hint: hint ?? (missing ? `add \`${String(path[path.length - 1])}:\` to ${formatPath(path.slice(0, -1)) || 'the top level'}` : undefined),
    });
  }
  return out;
}
