// Two YAML slips that the schema alone reports as dozens of baffling errors, each found in the document
// and explained once, with the line as it should be written: a comma inside a `{ … }` flow mapping, and
// a colon followed by a space inside a list item.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import { formatPath, type Diagnostic } from '../errors.js';

type Path = (string | number)[];

export interface YamlSlip {
  /** Issues at or under these paths are explained by the slip (and not reported again). */
  covers: (path: readonly PropertyKey[]) => boolean;
  diagnostic: Diagnostic;
}

interface Ctx {
  file: string;
  doc: Document;
  lines: LineCounter;
  source: string;
}

const plain = (n: unknown): n is Node & { value: unknown; range: [number, number, number] } =>
  isScalar(n) && n.type === 'PLAIN' && Boolean(n.range);

/** The whole line of the source around offset `at`. */
function lineAt(source: string, at: number): { start: number; end: number; text: string } {
  const start = source.lastIndexOf('\n', at - 1) + 1;
  const nl = source.indexOf('\n', at);
  const end = nl === -1 ? source.length : nl;
  return { start, end, text: source.slice(start, end) };
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Every mapping and sequence node with its path in the data. */
function* walk(node: unknown, path: Path = []): Generator<{ node: unknown; path: Path }> {
  yield { node, path };
  if (isMap(node)) {
    for (const p of node.items) if (isScalar(p.key)) yield* walk(p.value, [...path, String(p.key.value)]);
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) yield* walk(item, [...path, i]);
  }
}

const under = (prefix: Path) => (path: readonly PropertyKey[]) => prefix.every((seg, i) => path[i] === seg);

/** `{ name: X, stance: Wants €422,000 arrears }`: the comma ended the value and began a key "000 arrears". */
function commaInFlowMap(ctx: Ctx, node: unknown, path: Path): YamlSlip | undefined {
  if (!isMap(node) || !node.flow) return undefined;
  const items = node.items as Pair[];
  const stray = items.findIndex((p, i) => i > 0 && plain(p.key) && (p.value === null || (isScalar(p.value) && p.value.value === null && !p.value.range?.[1])));
  if (stray < 1) return undefined;
  const before = items[stray - 1];
  const key = items[stray]?.key;
  if (!before || !isPair(before) || !plain(before.value) || !plain(key)) return undefined;
  // The value runs on over every key without a value that follows it.
  let last = stray;
  while (last + 1 < items.length && plain(items[last + 1]?.key) && items[last + 1]?.value === null) last++;
  const lastKey = items[last]?.key;
  const from = before.value.range[0];
  const to = plain(lastKey) ? lastKey.range[1] : key.range[1];
  const line = lineAt(ctx.source, from);
  const fixed = line.text.slice(0, from - line.start) + quote(ctx.source.slice(from, to)) + ctx.source.slice(to, line.end);
  const name = isScalar(before.key) ? String(before.key.value) : 'the value';
  const pos = ctx.lines.linePos(from);
  return {
    covers: (p) => under(path)(p) && p.length === path.length + 1 && !items.slice(0, stray).some((it) => isScalar(it.key) && it.key.value === p[path.length]),
    diagnostic: {
      file: ctx.file,
      line: pos.line,
      column: pos.col,
      field: formatPath([...path, name]),
      message: `a comma inside { … } ends the value of "${name}": quote the value`,
      hint: `write the line as  ${fixed.trim()}`,
    },
  };
}

/** `- Key point 1: the thing`: a colon and a space made a text item into a one-field mapping. */
function colonInItems(ctx: Ctx, issuePaths: readonly (readonly PropertyKey[])[]): YamlSlip | undefined {
  const found: { path: Path; from: number; to: number }[] = [];
  for (const { node, path } of walk(ctx.doc.contents)) {
    if (!isSeq(node)) continue;
    for (const [i, item] of node.items.entries()) {
      if (!isMap(item) || item.flow || item.items.length !== 1) continue;
      const pair = item.items[0] as Pair;
      if (!plain(pair.key) || !/\s/.test(String(pair.key.value)) || !(plain(pair.value) || pair.value === null)) continue;
      const itemPath = [...path, i];
      if (!issuePaths.some(under(itemPath))) continue;
      const end = plain(pair.value) ? pair.value.range[1] : pair.key.range[1];
      found.push({ path: itemPath, from: pair.key.range[0], to: end });
    }
  }
  const first = found[0];
  if (!first) return undefined;
  const line = lineAt(ctx.source, first.from);
  const fixed = line.text.slice(0, first.from - line.start) + quote(ctx.source.slice(first.from, first.to)) + ctx.source.slice(first.to, line.end);
  const pos = ctx.lines.linePos(first.from);
  const more = found.length > 1 ? ` (and ${found.length - 1} more item${found.length > 2 ? 's' : ''}, on line${found.length > 2 ? 's' : ''} ${found.slice(1, 6).map((f) => ctx.lines.linePos(f.from).line).join(', ')}${found.length > 6 ? ', …' : ''})` : '';
  return {
    covers: (p) => found.some((f) => under(f.path)(p)),
    diagnostic: {
      file: ctx.file,
      line: pos.line,
      column: pos.col,
      field: formatPath(first.path),
      message: `a colon followed by a space inside a list item makes it a mapping: quote the value${more}`,
      hint: `write the line as  ${fixed.trim()}`,
    },
  };
}

/** The slips that explain some of the schema's issues; the caller drops the issues they cover. */
export function yamlSlips(ctx: Ctx, issuePaths: readonly (readonly PropertyKey[])[]): YamlSlip[] {
  const slips: YamlSlip[] = [];
  for (const { node, path } of walk(ctx.doc.contents)) {
    const slip = commaInFlowMap(ctx, node, path);
    if (slip && issuePaths.some(slip.covers)) slips.push(slip);
  }
  const colon = colonInItems(ctx, issuePaths.filter((p) => !slips.some((s) => s.covers(p))));
  if (colon) slips.push(colon);
  return slips;
}
