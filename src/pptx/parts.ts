// The package's parts tidied: pptxgenjs writes a layout named DEFAULT that no slide uses (ours are
// defined after it) and lists masters it never writes in [Content_Types].xml. Drops both and numbers
// the layouts from 1 again, so every layout in the file is one of the theme's.
import type JSZip from 'jszip';

export interface Tidy {
  /** The part's new name (layouts numbered on without the dropped one). */
  rename: (name: string) => string;
  /** References in a part's text, renumbered the same way. */
  retext: (text: string) => string;
  /** Parts not to write at all. */
  drop: Set<string>;
  /** Edits of particular parts (before `retext`). */
  edits: Map<string, (xml: string) => string>;
}

/** What to drop, rename and edit so that the package holds only the theme's layouts and parts it lists. */
export async function tidyParts(zip: JSZip): Promise<Tidy> {
  let unused: number | undefined;
  for (const name of Object.keys(zip.files)) {
    const n = /^ppt\/slideLayouts\/slideLayout(\d+)\.xml$/.exec(name)?.[1];
    if (n && /<p:cSld name="DEFAULT"/.test((await zip.file(name)?.async('string')) ?? '')) unused = Number(n);
  }
  const present = new Set(Object.keys(zip.files).map((n) => `/${n}`));
  const edits = new Map<string, (xml: string) => string>();
  // Overrides of parts the package does not hold (pptxgenjs names a master per slide).
  edits.set('[Content_Types].xml', (xml) => xml.replace(/<Override PartName="([^"]+)"[^>]*\/>\s*/g, (m, part: string) => (present.has(part) && part !== `/ppt/slideLayouts/slideLayout${unused}.xml` ? m : '')));
  if (unused === undefined) return { rename: (n) => n, retext: (t) => t, drop: new Set(), edits };
  const d = unused;
  const target = `../slideLayouts/slideLayout${d}.xml`;
  edits.set('ppt/slideMasters/_rels/slideMaster1.xml.rels', (xml) => xml.replace(new RegExp(`<Relationship Id="[^"]+" Type="[^"]+" Target="${target.replace(/\./g, '\\.')}"/>`), ''));
  const rels = (await zip.file('ppt/slideMasters/_rels/slideMaster1.xml.rels')?.async('string')) ?? '';
  const rid = new RegExp(`Id="([^"]+)" Type="[^"]+" Target="${target.replace(/\./g, '\\.')}"`).exec(rels)?.[1];
  if (rid) edits.set('ppt/slideMasters/slideMaster1.xml', (xml) => xml.replace(new RegExp(`<p:sldLayoutId id="\\d+" r:id="${rid}"/>`), ''));
  const shift = (k: string) => (Number(k) > d ? String(Number(k) - 1) : k);
  return {
    rename: (n) => n.replace(/(slideLayouts\/(?:_rels\/)?slideLayout)(\d+)(\.xml)/, (_m, a: string, k: string, b: string) => `${a}${shift(k)}${b}`),
    retext: (t) => t.replace(/(slideLayout)(\d+)(\.xml)/g, (_m, a: string, k: string, b: string) => `${a}${shift(k)}${b}`),
    drop: new Set([`ppt/slideLayouts/slideLayout${d}.xml`, `ppt/slideLayouts/_rels/slideLayout${d}.xml.rels`]),
    edits,
  };
}
