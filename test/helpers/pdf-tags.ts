// Reads a tagged PDF's structure tree with pdf-lib and checks that it hangs together: every element's
// /P is the element it sits under, every page it marks is a page of the file, and the parent tree
// maps each page's marked content back to the element that holds it (what a screen reader follows).
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFObject } from 'pdf-lib';

export interface PdfTags {
  /** Structure elements by type (/S), e.g. { P: 120, H1: 3 }. */
  types: Record<string, number>;
  /** Marked-content ids the tree holds, all pages together. */
  marked: number;
  /** Annotations (links) the tree holds. */
  annotations: number;
  /** What does not hang together (empty when the tree is sound). */
  problems: string[];
}

export async function pdfTags(file: string): Promise<PdfTags> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const ctx = doc.context;
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const types: Record<string, number> = {};
  const problems: string[] = [];
  /** "page/mcid" → the element's ref. */
  const owner = new Map<string, string>();
  /** An annotation's ref → the element that holds it (an OBJR kid). */
  const holder = new Map<string, string>();
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return { types, marked: 0, annotations: 0, problems: ['no StructTreeRoot'] };
  const pageOf = (o: PDFObject | undefined) => (o instanceof PDFRef ? pages.get(o.toString()) : undefined);
  const walk = (ref: PDFObject | undefined, parent: PDFObject, page: number | undefined) => {
    const el = ctx.lookup(ref);
    if (!(el instanceof PDFDict) || !(ref instanceof PDFRef)) return problems.push(`element not an indirect dictionary under ${parent.toString()}`);
    const type = el.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() ?? '?';
    types[type] = (types[type] ?? 0) + 1;
    if (el.get(PDFName.of('P'))?.toString() !== parent.toString()) problems.push(`${ref.toString()} (${type}): /P is not its parent`);
    const pg = el.get(PDFName.of('Pg'));
    if (pg && pageOf(pg) === undefined) problems.push(`${ref.toString()} (${type}): /Pg is not a page of the file`);
    const here = pg ? pageOf(pg) : page;
    const k = el.get(PDFName.of('K'));
    const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    for (const kid of kids) {
      const value = ctx.lookup(kid);
      if (value instanceof PDFNumber) owner.set(`${here}/${value.asNumber()}`, ref.toString());
      else if (value instanceof PDFDict && value.has(PDFName.of('MCID'))) {
        const at = value.has(PDFName.of('Pg')) ? pageOf(value.get(PDFName.of('Pg'))) : here;
        owner.set(`${at}/${value.lookup(PDFName.of('MCID'), PDFNumber).asNumber()}`, ref.toString());
      } else if (value instanceof PDFDict && value.has(PDFName.of('Obj'))) holder.set(String(value.get(PDFName.of('Obj'))), ref.toString());
      else if (value instanceof PDFDict && value.has(PDFName.of('S'))) walk(kid, ref, here);
    }
  };
  const top = root.get(PDFName.of('K'));
  const rootRef = ctx.getObjectRef(root) ?? root;
  for (const kid of top instanceof PDFArray ? top.asArray() : [top]) walk(kid, rootRef, undefined);
  // The parent tree: each page's /StructParents key → an array whose i-th entry holds MCID i.
  const nums = new Map<number, PDFObject>();
  const leaves = (node: PDFDict | undefined) => {
    const list = node?.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 0; list && i + 1 < list.size(); i += 2) nums.set(list.lookup(i, PDFNumber).asNumber(), list.get(i + 1));
    const kids = node?.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) leaves(kids.lookupMaybe(i, PDFDict));
  };
  leaves(root.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
  let mapped = 0;
  doc.getPages().forEach((p, i) => {
    const key = p.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    if (key === undefined) return;
    const list = ctx.lookup(nums.get(key));
    if (!(list instanceof PDFArray)) return problems.push(`page ${i + 1}: /StructParents ${key} not in the parent tree`);
    list.asArray().forEach((el, mcid) => {
      const want = owner.get(`${i}/${mcid}`);
      if (want === undefined) return;
      mapped++;
      if (el.toString() !== want) problems.push(`page ${i + 1} MCID ${mcid}: parent tree names ${el.toString()}, the tree ${want}`);
    });
  });
  // Each annotation's /StructParent key → the element that holds it.
  let annotations = 0;
  for (const p of doc.getPages()) {
    const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (const a of annots?.asArray() ?? []) {
      const key = ctx.lookupMaybe(a, PDFDict)?.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      if (key === undefined) continue;
      annotations++;
      if (String(nums.get(key)) !== holder.get(String(a))) problems.push(`annotation ${String(a)}: /StructParent ${key} names ${String(nums.get(key))}, the tree ${holder.get(String(a))}`);
    }
  }
  if (annotations !== holder.size) problems.push(`${holder.size} annotations in the tree, ${annotations} with a /StructParent`);
  if (mapped !== owner.size) problems.push(`${owner.size - mapped} marked contents not in the parent tree`);
  return { types, marked: owner.size, annotations: holder.size, problems };
}
