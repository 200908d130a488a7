// Reads a .pptx back as the ZIP of XML it is: slides in order with their layout, notes and shapes
// (placeholder type, box, paragraphs of runs with their sizes), tables and charts.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Paragraph, Run } from '../../src/pptx/ir.js';
import { SINGLE_LINE_EM } from '../../src/pptx/text.js';

export interface ShapeXml {
  name: string;
  placeholder?: string;
  /** EMU. */
  box: { x: number; y: number; w: number; h: number };
  /** Insets, EMU (left, top, right, bottom); Office's defaults when absent. */
  insets: [number, number, number, number];
  paragraphs: (Omit<Paragraph, 'runs'> & { runs: (Run & { lang: string })[]; lineHeight: number; marL: number })[];
  text: string;
}

export interface SlideXml {
  xml: string;
  layoutXml: string;
  layoutName: string;
  notes: string;
  shapes: ShapeXml[];
  tables: number;
  charts: string[];
  pictures: { descr: string }[];
}

const attr = (s: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(s)?.[1];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function shapesOf(xml: string): ShapeXml[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map(([, sp = '']) => {
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/.exec(sp);
    const body = /<a:bodyPr([^>]*)>/.exec(sp)?.[1] ?? '';
    const ins = (n: string, d: number) => Number(attr(body, n) ?? d);
    const paragraphs = [...sp.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, p = '']) => {
      const ppr = /<a:pPr([^>]*)>/.exec(p)?.[1] ?? '';
      const runs = [...p.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map(([, r = '']) => {
        const rpr = /<a:rPr([^>]*)>/.exec(r)?.[1] ?? '';
        return { bold: attr(rpr, 'b') === '1', text: unescape(/<a:t>([\s\S]*?)<\/a:t>/.exec(r)?.[1] ?? ''), sz: Number(attr(rpr, 'sz') ?? 1800) / 100, superscript: Number(attr(rpr, 'baseline') ?? 0) > 0, lang: attr(rpr, 'lang') ?? '' };
      });
      const lnSpc = /<a:lnSpc><a:spcPct val="(\d+)"/.exec(p)?.[1];
      const spcBef = /<a:spcBef><a:spcPts val="(\d+)"/.exec(p)?.[1];
      const bullet = /<a:buAutoNum/.test(p) ? 'number' : /<a:buChar/.test(p) ? 'bullet' : 'none';
      const fontPt = Math.max(0, ...runs.filter((r) => !r.superscript).map((r) => r.sz));
      return {
        runs: runs.map((r) => ({ text: r.text, superscript: r.superscript, bold: r.bold, lang: r.lang })),
        level: Number(attr(ppr, 'lvl') ?? 0),
        bullet: bullet as Paragraph['bullet'],
        fontPt: fontPt || (runs[0]?.sz ?? 18),
        spaceBefore: spcBef ? Number(spcBef) / 100 : 0,
        // Line spacing is a multiple of a single line, itself about SINGLE_LINE_EM of the size.
        lineHeight: (lnSpc ? Number(lnSpc) / 100000 : 1) * SINGLE_LINE_EM,
        marL: Number(attr(ppr, 'marL') ?? 0),
      };
    });
    return {
      name: attr(/<p:cNvPr[^>]*>/.exec(sp)?.[0] ?? '', 'name') ?? '',
      placeholder: attr(/<p:ph\b[^>]*>/.exec(sp)?.[0] ?? '', 'type'),
      box: { x: Number(off?.[1] ?? 0), y: Number(off?.[2] ?? 0), w: Number(off?.[3] ?? 0), h: Number(off?.[4] ?? 0) },
      insets: [ins('lIns', 91440), ins('tIns', 45720), ins('rIns', 91440), ins('bIns', 45720)],
      paragraphs,
      text: paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n'),
    };
  });
}

export async function readPptx(file: string): Promise<{ zip: JSZip; slides: SlideXml[]; bytes: Buffer; layouts: { name: string; xml: string }[]; master: string }> {
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const presentation = await text('ppt/presentation.xml');
  const presRels = await text('ppt/_rels/presentation.xml.rels');
  const ids = [...presentation.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
  const slides: SlideXml[] = [];
  for (const id of ids) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(presRels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(presRels)?.[1] ?? '';
    const name = `ppt/${target.replace(/^\/?ppt\//, '')}`;
    const xml = await text(name);
    const rels = await text(name.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'));
    const layout = /Target="\.\.\/slideLayouts\/([^"]+)"/.exec(rels)?.[1];
    const notes = /Target="\.\.\/notesSlides\/([^"]+)"/.exec(rels)?.[1];
    const layoutXml = layout ? await text(`ppt/slideLayouts/${layout}`) : '';
    const notesXml = notes ? await text(`ppt/notesSlides/${notes}`) : '';
    const notesBody = shapesOf(notesXml).find((s) => s.placeholder === 'body');
    slides.push({
      xml,
      layoutXml,
      layoutName: attr(/<p:cSld [^>]*>/.exec(layoutXml)?.[0] ?? '', 'name') ?? '',
      notes: notesBody?.text ?? '',
      shapes: shapesOf(xml),
      tables: (xml.match(/<a:tbl>/g) ?? []).length,
      charts: [...rels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g)].map((m) => m[1] ?? ''),
      pictures: [...xml.matchAll(/<p:pic>[\s\S]*?<p:cNvPr [^>]*descr="([^"]*)"/g)].map((m) => ({ descr: unescape(m[1] ?? '') })),
    });
  }
  const layoutFiles = Object.keys(zip.files).filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f));
  const layouts = await Promise.all(layoutFiles.map(async (f) => ({ xml: await text(f), name: '' })));
  for (const l of layouts) l.name = attr(/<p:cSld [^>]*>/.exec(l.xml)?.[0] ?? '', 'name') ?? '';
  return { zip, slides, bytes, layouts, master: await text('ppt/slideMasters/slideMaster1.xml') };
}
