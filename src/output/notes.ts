// Speaker notes as PDF sticky notes (Text annotations): shown by viewers on the slide they belong to,
// never printed. Written with pdf-lib's low-level objects so that Chromium's structure tags survive;
// each note also joins the structure tree as an /Annot element, so screen readers find it too.
import type { PDFArray, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObject, PDFPage, PDFRef, PDFString } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';
import { loadPdf, savePdf } from './pdf-doc.js';

export interface NoteOptions {
  /** The note's title bar (its /T, usually the author), e.g. "Speaker notes". */
  title?: string;
  /** Corner the icon sits in: `left` (default) or `right` (right-to-left decks). */
  corner?: 'left' | 'right';
}

/** Annotation flags: NoZoom (8) + NoRotate (16), as text annotations behave anyway; no Print (4), so never printed. */
const FLAGS = 8 | 16;
const ICON = 20;
const INSET = 6;

/** Adds a sticky note with `notes[i]` to page i wherever that text is not blank. */
export async function addNoteAnnotations(pdf: Uint8Array, notes: string[], options: NoteOptions = {}): Promise<Uint8Array> {
  if (!notes.some((n) => n?.trim())) return pdf;
  const doc = await loadPdf(pdf);
  writeNotes(doc, notes, options);
  return savePdf(doc);
}

/** The same, on a loaded document (so several edits share one load and save). */
export function writeNotes(doc: PDFDocument, notes: string[], options: NoteOptions = {}): void {
  const { PDFHexString, PDFName, PDFNumber, PDFString } = pdfLib();
  if (!notes.some((n) => n?.trim())) return;
  const { context } = doc;
  const pages = doc.getPages();
  const tree = structure(doc);
  const title = options.title ?? 'Speaker notes';
  pages.forEach((page, i) => {
    const text = (notes[i] ?? '').replace(/\r\n?/g, '\n').trim();
    if (!text) return;
    const box = page.getCropBox();
    const top = box.y + box.height - INSET;
    const x = options.corner === 'right' ? box.x + box.width - INSET - ICON : box.x + INSET;
    const annot = context.obj({}) as PDFDict;
    annot.set(PDFName.of('Type'), PDFName.of('Annot'));
    annot.set(PDFName.of('Subtype'), PDFName.of('Text'));
    annot.set(PDFName.of('Rect'), context.obj([x, top - ICON, x + ICON, top]));
    annot.set(PDFName.of('Contents'), PDFHexString.fromText(text));
    annot.set(PDFName.of('T'), PDFHexString.fromText(title));
    annot.set(PDFName.of('NM'), PDFString.of(`briefdeck-note-${i + 1}`));
    annot.set(PDFName.of('Name'), PDFName.of('Comment'));
    annot.set(PDFName.of('Open'), context.obj(false));
    annot.set(PDFName.of('F'), PDFNumber.of(FLAGS));
    annot.set(PDFName.of('C'), context.obj([0.878, 0.631, 0])); // the theme's accent, #E0A100
    annot.set(PDFName.of('P'), page.ref);
    const ref = context.register(annot);
    appendAnnot(context, page, ref);
    tree?.tag(ref, page, i, text);
  });
}

function appendAnnot(context: PDFContext, page: PDFPage, ref: PDFRef): void {
  const { PDFArray, PDFName } = pdfLib();
  const existing = page.node.get(PDFName.of('Annots'));
  const annots = existing ? context.lookup(existing) : undefined;
  if (annots instanceof PDFArray) annots.push(ref);
  else page.node.set(PDFName.of('Annots'), context.obj([ref]));
  // Tab order follows the structure (PDF/UA asks for it on pages with annotations).
  if (!page.node.get(PDFName.of('Tabs'))) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
}

/**
 * The tagged PDF's structure tree, as Chromium writes it: a StructTreeRoot whose /K is one /Document
 * element and whose /ParentTree is a flat number tree. Anything else: notes are added untagged.
 */
function structure(doc: PDFDocument) {
  const { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef } = pdfLib();
  const { context } = doc;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const get = <T extends PDFObject>(dict: PDFDict | undefined, key: string, type: Function & { prototype: T }): T | undefined => {
    const v = dict?.get(PDFName.of(key));
    const o = v instanceof PDFRef ? context.lookup(v) : v;
    return o instanceof type ? (o as T) : undefined;
  };
  const rootRef = doc.catalog.get(PDFName.of('StructTreeRoot'));
  const root = get(doc.catalog, 'StructTreeRoot', PDFDict);
  const parentTree = get(root, 'ParentTree', PDFDict);
  const nums = get(parentTree, 'Nums', PDFArray);
  if (!root || !(rootRef instanceof PDFRef) || !parentTree || !nums || parentTree.get(PDFName.of('Kids'))) return undefined;
  let container = get(root, 'K', PDFDict);
  let containerRef = root.get(PDFName.of('K'));
  if (!(containerRef instanceof PDFRef) || !container) {
    // /K as an array or missing: notes go directly under the root.
    container = root;
    containerRef = rootRef;
  }
  const kidsOf = (d: PDFDict): PDFArray => {
    const k = d.get(PDFName.of('K'));
    const o = k instanceof PDFRef ? context.lookup(k) : k;
    if (o instanceof PDFArray) return o;
    const arr = context.obj(o ? [k as PDFObject] : []);
    d.set(PDFName.of('K'), arr);
    return arr;
  };
  let nextKey = 0;
  for (let i = 0; i < nums.size(); i += 2) {
    const n = nums.get(i);
    if (n instanceof PDFNumber) nextKey = Math.max(nextKey, n.asNumber() + 1);
  }
  const declared = get(root, 'ParentTreeNextKey', PDFNumber)?.asNumber() ?? 0;
  nextKey = Math.max(nextKey, declared);
  const pageRefs = doc.getPages().map((p) => p.ref);
  const firstPageOf = firstPages(context, pageRefs);

  return {
    /** An /Annot element for `annot`, placed before the first element that starts on its page. */
    tag(annot: PDFRef, page: PDFPage, pageIndex: number, text: string): void {
      const key = nextKey++;
      const elem = context.obj({}) as PDFDict;
      elem.set(PDFName.of('Type'), PDFName.of('StructElem'));
      elem.set(PDFName.of('S'), PDFName.of('Annot'));
      elem.set(PDFName.of('P'), containerRef as PDFRef);
      elem.set(PDFName.of('Pg'), page.ref);
      elem.set(PDFName.of('Alt'), PDFHexString.fromText(text));
      const objr = context.obj({}) as PDFDict;
      objr.set(PDFName.of('Type'), PDFName.of('OBJR'));
      objr.set(PDFName.of('Obj'), annot);
      objr.set(PDFName.of('Pg'), page.ref);
      elem.set(PDFName.of('K'), context.obj([objr]));
      const elemRef = context.register(elem);
      const kids = kidsOf(container as PDFDict);
      let at = kids.size();
      for (let i = 0; i < kids.size(); i++) {
        const first = firstPageOf(kids.get(i));
        if (first !== undefined && first >= pageIndex) {
          at = i;
          break;
        }
      }
      kids.insert(at, elemRef);
      (context.lookup(annot) as PDFDict).set(PDFName.of('StructParent'), PDFNumber.of(key));
      nums.push(PDFNumber.of(key));
      nums.push(elemRef);
      root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(nextKey));
    },
  };
}

/** The first page (index) a structure element marks content on, following /Pg down its kids. */
function firstPages(context: PDFContext, pageRefs: PDFRef[]): (kid: PDFObject | undefined) => number | undefined {
  const { PDFArray, PDFDict, PDFName, PDFRef } = pdfLib();
  const index = new Map(pageRefs.map((r, i) => [r.toString(), i]));
  const cache = new Map<string, number | undefined>();
  const visit = (kid: PDFObject | undefined, depth: number): number | undefined => {
    if (!kid || depth > 64) return undefined;
    const key = kid instanceof PDFRef ? kid.toString() : undefined;
    if (key && cache.has(key)) return cache.get(key);
    const o = kid instanceof PDFRef ? context.lookup(kid) : kid;
    let result: number | undefined;
    if (o instanceof PDFDict) {
      const pg = o.get(PDFName.of('Pg'));
      if (pg instanceof PDFRef) result = index.get(pg.toString());
      if (result === undefined) {
        const k = o.get(PDFName.of('K'));
        const ko = k instanceof PDFRef ? context.lookup(k) : k;
        const list = ko instanceof PDFArray ? ko.asArray() : ko ? [k as PDFObject] : [];
        for (const child of list) {
          const r = visit(child, depth + 1);
          if (r !== undefined) {
            result = result === undefined ? r : Math.min(result, r);
            break;
          }
        }
      }
    } else if (o instanceof PDFArray) {
      for (const child of o.asArray()) {
        result = visit(child, depth + 1);
        if (result !== undefined) break;
      }
    }
    if (key) cache.set(key, result);
    return result;
  };
  return (kid) => visit(kid, 0);
}
