// Joins PDFs that Chromium printed of one page, a range of slides each (output/pdf-chunks.ts), into one
// tagged PDF: the pages in order, and the structure trees as one. pdf-lib's copyPages copies pages but
// not the tags that refer to them; here each later file's top-level structure elements join the first
// file's document element, its parent tree's entries are renumbered past the first's (and so are its
// pages' /StructParents and its annotations' /StructParent), its /IDTree names and /Dests are merged.
import type { PDFArray, PDFDict, PDFDocument, PDFObject, PDFPageLeaf, PDFRef } from 'pdf-lib';
import { loadPdf, savePdf } from './pdf-doc.js';
import { pdfLib } from './pdf-lib.js';

type Lib = typeof import('pdf-lib');

/** The structure of one file: its root's parts, as pdf-lib objects of that file. */
interface Tags {
  root: PDFDict;
  /** The document element, whose kids are the top-level elements. */
  document: PDFDict;
  kids: PDFArray;
  /** Parent tree number → value (an array of elements for a page, an element for an annotation). */
  parents: [number, PDFObject][];
  ids: [string, PDFObject][];
  nextKey: number;
}

/** The files, in order, as one PDF (the first file's catalog and information dictionary). */
export async function joinTaggedPdfs(files: Uint8Array[]): Promise<Uint8Array> {
  const lib = pdfLib();
  const [first, ...rest] = await Promise.all(files.map(loadPdf));
  if (!first) throw new Error('joinTaggedPdfs: no files');
  const base = tagsOf(lib, first);
  const ids = [...(base?.ids ?? [])];
  let nextKey = base?.nextKey ?? 0;
  // Looked up once: pdf-lib finds an object's ref by going through every object.
  let documentRef: PDFObject | undefined;
  for (const doc of rest) {
    const copier = lib.PDFObjectCopier.for(doc.context, first.context);
    const tags = tagsOf(lib, doc);
    const offset = nextKey;
    for (const page of doc.getPages()) {
      const ref = copier.copy(page.ref) as PDFRef;
      const leaf = first.context.lookup(ref) as PDFPageLeaf;
      renumber(lib, first, leaf, 'StructParents', offset);
      const annots = leaf.lookupMaybe(lib.PDFName.of('Annots'), lib.PDFArray);
      for (let i = 0; annots && i < annots.size(); i++) renumber(lib, first, annots.lookupMaybe(i, lib.PDFDict), 'StructParent', offset);
      first.addPage(lib.PDFPage.of(leaf, ref, first));
    }
    copyDests(lib, doc, first, copier.copy);
    if (!tags || !base) continue;
    // Cut each top-level element from its own root before copying, or the copy would take the whole
    // root (and its parent tree) along; it is joined to the first file's document element after.
    const P = lib.PDFName.of('P');
    documentRef ??= first.context.getObjectRef(base.document) ?? base.document;
    for (let i = 0; i < tags.kids.size(); i++) {
      const kid = tags.kids.lookupMaybe(i, lib.PDFDict);
      kid?.delete(P);
      const copied = copier.copy(tags.kids.get(i));
      first.context.lookupMaybe(copied, lib.PDFDict)?.set(P, documentRef);
      base.kids.push(copied);
    }
    for (const [key, value] of tags.parents) base.parents.push([key + offset, copier.copy(value)]);
    for (const [name, value] of tags.ids) ids.push([name, copier.copy(value)]);
    nextKey += tags.nextKey;
  }
  if (base && rest.length) writeTrees(lib, first, base, ids, nextKey);
  return savePdf(first);
}

function renumber(lib: Lib, doc: PDFDocument, dict: PDFDict | undefined, key: string, offset: number): void {
  const n = dict?.lookupMaybe(lib.PDFName.of(key), lib.PDFNumber);
  if (dict && n) dict.set(lib.PDFName.of(key), doc.context.obj(n.asNumber() + offset));
}

function tagsOf(lib: Lib, doc: PDFDocument): Tags | undefined {
  const { PDFArray: Arr, PDFDict: Dict, PDFName: Name, PDFNumber: Num } = lib;
  const root = doc.catalog.lookupMaybe(Name.of('StructTreeRoot'), Dict);
  const document = root?.lookupMaybe(Name.of('K'), Dict);
  if (!root || !document) return undefined;
  // One top-level element may stand alone rather than in an array: made an array, to join others to.
  let kids = document.lookupMaybe(Name.of('K'), Arr);
  if (!kids) {
    const one = document.get(Name.of('K'));
    document.set(Name.of('K'), (kids = doc.context.obj(one ? [one] : [])));
  }
  const parents: [number, PDFObject][] = [];
  leaves(lib, root.lookupMaybe(Name.of('ParentTree'), Dict), 'Nums', (k, v) => k instanceof lib.PDFNumber && parents.push([k.asNumber(), v]));
  const ids: [string, PDFObject][] = [];
  leaves(lib, root.lookupMaybe(Name.of('IDTree'), Dict), 'Names', (k, v) => (k instanceof lib.PDFString || k instanceof lib.PDFHexString) && ids.push([k.decodeText(), v]));
  const nextKey = root.lookupMaybe(Name.of('ParentTreeNextKey'), Num)?.asNumber() ?? parents.reduce((m, [k]) => Math.max(m, k + 1), 0);
  return { root, document, kids, parents, ids, nextKey };
}

/** Every key and value of a number or name tree (`entries`: Nums or Names), in order. */
function leaves(lib: Lib, node: PDFDict | undefined, entries: string, each: (key: PDFObject | undefined, value: PDFObject) => void): void {
  if (!node) return;
  const list = node.lookupMaybe(lib.PDFName.of(entries), lib.PDFArray);
  for (let i = 0; list && i + 1 < list.size(); i += 2) each(list.lookup(i), list.get(i + 1));
  const kids = node.lookupMaybe(lib.PDFName.of('Kids'), lib.PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) leaves(lib, kids.lookupMaybe(i, lib.PDFDict), entries, each);
}

/** The joined parent tree and ID tree, each one flat node, and the next free parent key. */
function writeTrees(lib: Lib, doc: PDFDocument, tags: Tags, ids: [string, PDFObject][], nextKey: number): void {
  const { PDFName: Name, PDFString: Str } = lib;
  const ctx = doc.context;
  const nums = tags.parents.sort((a, b) => a[0] - b[0]).flatMap(([k, v]) => [ctx.obj(k), v]);
  tags.root.set(Name.of('ParentTree'), ctx.register(ctx.obj({ Nums: ctx.obj(nums) })));
  tags.root.set(Name.of('ParentTreeNextKey'), ctx.obj(nextKey));
  if (ids.length) {
    ids.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const names = ids.flatMap(([k, v]) => [Str.of(k), v]);
    const limits = [Str.of((ids[0] as [string, PDFObject])[0]), Str.of((ids[ids.length - 1] as [string, PDFObject])[0])];
    tags.root.set(Name.of('IDTree'), ctx.register(ctx.obj({ Kids: [ctx.register(ctx.obj({ Limits: limits, Names: names }))] })));
  }
}

/** The named destinations of `from` (the catalog's /Dests dictionary) added to `to`'s. */
function copyDests(lib: Lib, from: PDFDocument, to: PDFDocument, copy: (o: PDFObject) => PDFObject): void {
  const Dests = lib.PDFName.of('Dests');
  const theirs = from.catalog.lookupMaybe(Dests, lib.PDFDict);
  if (!theirs) return;
  let ours = to.catalog.lookupMaybe(Dests, lib.PDFDict);
  if (!ours) to.catalog.set(Dests, to.context.register((ours = to.context.obj({}))));
  for (const [key, value] of theirs.entries()) if (!ours.has(key)) ours.set(key, copy(value));
}
