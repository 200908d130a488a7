// Where a field is in a content file's text (YAML or JSON), found again from its bytes when an error
// turns up after loading (an image refused, a picture the browser could not draw).

/**
 * Line and column (1-based) of the value at `path` in `bytes`, or nothing if it is not there. The
 * YAML parser loads only here, on the error path (an unchanged rebuild never loads it).
 */
export async function fieldPosition(bytes: Uint8Array, path: PropertyKey[]): Promise<{ line?: number; column?: number }> {
  try {
    const { LineCounter, parseDocument } = await import('yaml');
    const lines = new LineCounter();
    const doc = parseDocument(Buffer.from(bytes).toString('utf8'), { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
    const node = doc.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return {};
    const pos = lines.linePos(node.range[0]);
    return { line: pos.line, column: pos.col };
  } catch {
    return {};
  }
}
