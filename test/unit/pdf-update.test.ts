// Editing Chromium's PDFs by appending an update, the full load it falls back to, and stable cell ids.
import { describe, expect, it } from 'vitest';
import { pdfLib } from '../../src/output/pdf-lib.js';
import { appendUpdate, pdfDate } from '../../src/output/pdf-update.js';
import { withMetadata } from '../../src/output/pdf.js';
import { stableNodeIds } from '../../src/output/node-ids.js';
import { retitleOutline, writeOutline } from '../../src/output/outline.js';

// The build's own pdf-lib: documents made here go into its functions, which check them with instanceof.
const { PDFDocument, PDFName, PDFString } = pdfLib();
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const meta = { title: 'Wörld — briefing', author: 'Desk', subject: 'S', keywords: ['a', 'b'], lang: 'de', date: new Date('2025-04-14T00:00:00Z') };

/** A three-page PDF laid out as Chromium writes one: a cross-reference table, dates as D:…+00'00'. */
async function chromiumLike(objectStreams = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < 3; i++) doc.addPage([960, 540]);
  const info = doc.getInfoDict();
  info.set(PDFName.of('Title'), PDFString.of('Printed'));
  info.set(PDFName.of('CreationDate'), PDFString.of("D:20261129024059+00'00'"));
  info.set(PDFName.of('ModDate'), PDFString.of("D:20261129024059+00'00'"));
  return doc.save({ useObjectStreams: objectStreams });
}

describe('appending an update', () => {
  it('keeps the printed bytes, rewrites only the dates in place, and adds the outline and information', async () => {
    const printed = await chromiumLike();
    const out = await withMetadata(printed, meta, { outline: [{ title: 'One', page: 0 }, { title: 'Part', page: 1, children: [{ title: 'Two', page: 1 }, { title: 'Three', page: 2 }] }] });
    const text = latin1(out);
    // The original file is still there, byte for byte, but for its dates.
    expect(latin1(out.subarray(0, printed.length))).toBe(latin1(printed).replaceAll("D:20261129024059+00'00'", pdfDate(meta.date)));
    expect(text).not.toContain('D:2026');
    expect(text).toMatch(/\/Prev \d+>>\nstartxref\n\d+\n%%EOF\n$/);
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe('Desk');
    expect(doc.getKeywords()).toBe('a b');
    expect(doc.getCreator()).toBe('briefdeck');
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-04-14T00:00:00.000Z');
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(de)');
    expect(String(doc.catalog.get(PDFName.of('PageMode')))).toBe('/UseOutlines');
    expect(doc.catalog.has(PDFName.of('Outlines'))).toBe(true);
    // The same inputs, the same bytes.
    expect(Buffer.from(await withMetadata(printed, meta)).equals(Buffer.from(await withMetadata(printed, meta)))).toBe(true);
  });

  it('declines a file it does not expect, and the full load still sets the metadata', async () => {
    const streams = await chromiumLike(true);
    expect(await appendUpdate(streams, (c) => c.obj({}), meta.date)).toBeUndefined();
    expect(await appendUpdate(new TextEncoder().encode('%PDF-1.4\nnot really\n'), (c) => c.obj({}), meta.date)).toBeUndefined();
    const out = await withMetadata(streams, meta, { onPages: (n) => expect(n).toBe(3) });
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-04-14T00:00:00.000Z');
  });
});

describe("Chromium's heading outline", () => {
  it('takes the titles the page shows, in document order, when there is one a heading', async () => {
    // An outline as Chromium writes one, with the words of wrapped headings run together.
    const doc = await PDFDocument.load(await chromiumLike(), { updateMetadata: false });
    writeOutline(doc, [{ title: 'Israel wishes talks well butfears a deal', page: 0, children: [{ title: 'BOTTOM LINE UP FRONT', page: 0 }, { title: 'Key points', page: 1 }] }]);
    const printed = await doc.save({ useObjectStreams: false });
    const titles = ['Israel wishes talks well but fears a deal', 'Bottom line up front', 'Key points'];
    const titlesOf = async (pdf: Uint8Array) => {
      const d = await PDFDocument.load(pdf, { updateMetadata: false });
      const out: string[] = [];
      const walk = (ref: unknown) => {
        for (let at = ref; at; ) {
          const item = d.context.lookup(at as never) as import('pdf-lib').PDFDict;
          out.push((item.get(PDFName.of('Title')) as import('pdf-lib').PDFHexString).decodeText());
          walk(item.get(PDFName.of('First')));
          at = item.get(PDFName.of('Next'));
        }
      };
      walk((d.context.lookup(d.catalog.get(PDFName.of('Outlines'))) as import('pdf-lib').PDFDict).get(PDFName.of('First')));
      return out;
    };
    expect(await titlesOf(await withMetadata(printed, meta, { headingTitles: titles }))).toEqual(titles);
    // A count that does not match leaves Chromium's titles.
    expect(await titlesOf(await withMetadata(printed, meta, { headingTitles: titles.slice(1) }))).toEqual(['Israel wishes talks well butfears a deal', 'BOTTOM LINE UP FRONT', 'Key points']);
    expect(retitleOutline(await PDFDocument.create(), titles)).toBe(false);
  });
});

describe('table cell ids', () => {
  it('are renumbered in order at their width, moving no byte', () => {
    const src = '<</ID (node00000364)>> <</Headers [(node00000365) (node00000364)]>> /Names [(node00000364) 1 0 R (node00000365) 2 0 R]';
    const out = latin1(stableNodeIds(Buffer.from(src, 'latin1')));
    expect(out).toBe('<</ID (node00000001)>> <</Headers [(node00000002) (node00000001)]>> /Names [(node00000001) 1 0 R (node00000002) 2 0 R]');
    expect(out.length).toBe(src.length);
    const mixed = Buffer.from('(node0001) (node00000002)', 'latin1');
    expect(stableNodeIds(mixed)).toBe(mixed);
  });
});
