// Chromium names the structure elements of table cells in a tagged PDF after DOM node ids ("node00000364"),
// which count every node the renderer gave an id before, in this document or an earlier one in the same
// page. They tie header cells to data cells (/ID, /Headers, the /IDTree name tree) and mean nothing
// else; renumbered in order they make the same document give the same bytes whatever the page showed.

const ID = /\(node(\d+)\)/g;

/**
 * The PDF with its node ids renumbered 1, 2, 3… in their original order, each at its original width, so
 * that no byte moves (cross-reference offsets stay right) and the name tree's sort order is kept. A file
 * whose ids differ in width is returned as it is.
 */
export function stableNodeIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const matches = [...text.matchAll(ID)];
  const found = new Set<string>();
  let width = -1;
  for (const m of matches) {
    const digits = m[1] as string;
    if (width >= 0 && digits.length !== width) return pdf;
    width = digits.length;
    found.add(digits);
  }
  if (!found.size) return pdf;
  const order = [...found].sort();
  if (String(order.length).length > width) return pdf;
  const renumbered = new Map(order.map((digits, i) => [digits, String(i + 1).padStart(width, '0')]));
  const out = new Uint8Array(pdf);
  for (const m of matches) {
    const next = renumbered.get(m[1] as string) as string;
    out.set(Buffer.from(next, 'latin1'), (m.index as number) + '(node'.length);
  }
  return out;
}
