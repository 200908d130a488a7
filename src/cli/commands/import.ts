// `briefdeck import <file|->`: an article (text, Markdown, HTML) to a content YAML draft on stdout or in --out.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Options } from 'yargs';
import { environmentError, usageError } from '../../errors.js';
import { schemaModeline } from '../../content/modeline.js';
import type { Logger } from '../log.js';

export const importOptions = {
  out: { alias: 'o', type: 'string', describe: 'Write the draft to this file instead of stdout' },
  force: { type: 'boolean', default: false, describe: 'Overwrite the --out file if it exists' },
  date: { type: 'string', describe: "The article's date (YYYY-MM-DD) when its text gives none" },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print errors only' },
  debug: { type: 'boolean', default: false, describe: 'Print stack traces with errors' },
} satisfies Record<string, Options>;

/**
 * What `-` (stdin) becomes before yargs parses it: yargs reads a lone `-` as an option with no name and
 * hands the command an empty string. No path can hold a NUL, so this names no file.
 */
export const STDIN = '\u0000stdin';
const isStdin = (file: string) => file === '-' || file === STDIN;

export interface ImportArgs {
  file: string;
  out?: string;
  force: boolean;
  date?: string;
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function readInput(file: string): string {
  try {
    return readFileSync(isStdin(file) ? 0 : file, 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    if (code === 'ENOENT') throw usageError(`cannot read ${file}: no such file`, 'give the path of an article (.txt, .md or .html), or - for stdin');
    if (code === 'EISDIR') throw usageError(`${file} is a folder`, 'give the path of one article file');
    throw environmentError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function runImport(a: ImportArgs, log: Logger): Promise<number> {
  if (a.date !== undefined) {
    const ok = /^\d{4}-\d\d-\d\d$/.test(a.date) && new Date(`${a.date}T00:00:00Z`).toISOString().startsWith(a.date);
    if (!ok) throw usageError(`--date ${a.date} is not a date as YYYY-MM-DD`, 'e.g. --date 2025-04-14');
  }
  const out = a.out ? path.resolve(a.out) : undefined;
  if (out && existsSync(out) && !a.force) throw usageError(`${a.out} already exists`, 'pass --force to overwrite it, or choose another --out');
  const input = readInput(a.file);
  // compromise starts loading on its thread before the rest of the importer loads here.
  (await import('../../import/names-thread.js')).startNameThread();
  const { importArticle } = await import('../../import/index.js');
  const name = isStdin(a.file) ? '<stdin>' : a.file;
  const modeline = schemaModeline(out ?? path.join(process.cwd(), 'content', 'draft.yaml'));
  const result = await importArticle(input, { name, today: localToday(), modeline, ...(a.date ? { date: a.date } : {}) });
  if (result.dateFrom === 'today') log.warn(`no date in ${name} and no --date: the draft is dated today; set its date`);
  if (!out) {
    log.data(result.yaml);
    return 0;
  }
  try {
    mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, result.yaml);
    renameSync(tmp, out);
  } catch (e) {
    throw environmentError(`cannot write ${a.out}: ${e instanceof Error ? e.message : String(e)}`, 'choose a writable --out path');
  }
  const d = result.draft;
  log.info(`wrote ${a.out}: ${d.keyPoints.length} key points, ${d.sections?.length ?? 0} sections, ${d.actors?.length ?? 0} actors, ${d.timeline?.length ?? 0} timeline events`);
  return 0;
}
