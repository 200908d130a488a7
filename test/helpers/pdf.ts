// Reads PDFs with poppler-utils (pdfinfo, pdffonts, pdftotext) and qpdf, parsing their output.
import { spawnSync } from 'node:child_process';

function run(cmd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message} (install poppler-utils and qpdf)`);
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function ok(cmd: string, args: string[]): string {
  const r = run(cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

export interface PageSize {
  width: number;
  height: number;
}

export interface PdfInfo {
  /** Every `Key: value` line of pdfinfo, as printed. */
  fields: Record<string, string>;
  title: string;
  subject: string;
  author: string;
  pages: number;
  /** Size of the first page, in points. */
  pageSize: PageSize;
  /** Size of every page, in points. */
  pageSizes: PageSize[];
}

const SIZE = /([\d.]+) x ([\d.]+) pts/;

export function pdfInfo(file: string): PdfInfo {
  const fields: Record<string, string> = {};
  for (const line of ok('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1]) fields[m[1].trim()] = (m[2] ?? '').trim();
  }
  const pages = Number(fields.Pages);
  const pageSizes: PageSize[] = [];
  for (const line of ok('pdfinfo', ['-f', '1', '-l', String(pages), file]).split('\n')) {
    const m = /^Page\s+\d+\s+size:\s*/.test(line) ? SIZE.exec(line) : null;
    if (m) pageSizes.push({ width: Number(m[1]), height: Number(m[2]) });
  }
  const first = SIZE.exec(fields['Page size'] ?? '');
  return {
    fields,
    title: fields.Title ?? '',
    subject: fields.Subject ?? '',
    author: fields.Author ?? '',
    pages,
    pageSize: first ? { width: Number(first[1]), height: Number(first[2]) } : { width: NaN, height: NaN },
    pageSizes,
  };
}

export interface PdfFont {
  /** Base font name, e.g. `AAAAAA+Inter-Regular`; `[none]` for a Type 3 font. */
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
  /** Object number of the font dictionary, e.g. 62. */
  object: number;
}

/** pdffonts' table; columns are cut where the dashed line under the header has its gaps. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = ok('pdffonts', [file]).split('\n').filter((l) => l.trim());
  const rule = lines.findIndex((l) => /^-+( -+)+$/.test(l.trim()));
  if (rule < 0) throw new Error(`unexpected pdffonts output:\n${lines.join('\n')}`);
  const cols: [number, number][] = [];
  for (const m of (lines[rule] ?? '').matchAll(/-+/g)) cols.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const cell = (line: string, i: number) => {
    const [start, end] = cols[i] ?? [0, 0];
    return line.slice(start, i === cols.length - 1 ? undefined : end + 1).trim();
  };
  return lines.slice(rule + 1).map((line) => ({
    name: cell(line, 0),
    type: cell(line, 1),
    encoding: cell(line, 2),
    embedded: cell(line, 3) === 'yes',
    subset: cell(line, 4) === 'yes',
    unicode: cell(line, 5) === 'yes',
    object: Number.parseInt(cell(line, 6), 10),
  }));
}

/** The /FontName of a font's descriptor (for Type 3 fonts, which have no base font name), via qpdf. */
export function fontDescriptorName(file: string, object: number): string | undefined {
  const font = ok('qpdf', [`--show-object=${object}`, file]);
  const ref = /\/FontDescriptor (\d+) 0 R/.exec(font)?.[1];
  if (!ref) return undefined;
  return /\/FontName \/([^\s/>\]]+)/.exec(ok('qpdf', [`--show-object=${ref}`, file]))?.[1];
}

/** The text of the PDF in reading order (UTF-8), pages separated by form feeds. */
export function pdfText(file: string, options: { layout?: boolean } = {}): string {
  return ok('pdftotext', ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : []), file, '-']);
}

/** Text with all whitespace and hyphens removed: compares text across line breaks and hyphenation. */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\s\u00ad\u200b-\u200f\u2010\u2011\u2012\u2013\u2014\-]+/g, '');
}

export interface QpdfCheck {
  ok: boolean;
  /** 0 clean, 2 errors, 3 warnings only. */
  status: number;
  output: string;
}

export function qpdfCheck(file: string): QpdfCheck {
  const r = run('qpdf', ['--check', file]);
  return { ok: r.status === 0, status: r.status, output: `${r.stdout}${r.stderr}` };
}
