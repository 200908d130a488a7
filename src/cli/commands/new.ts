// `briefdeck new <slug>`: writes a commented starter content file with every field into content/.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { RESERVED_NAMES, SLUG_PATTERN } from '../../content/schema.js';
import { CONTENT_EXTENSIONS } from '../../content/discover.js';
import { schemaModeline } from '../../content/modeline.js';
import { starterYaml } from '../../content/starter.js';
import { BriefdeckError, ExitCode, usageError } from '../../errors.js';
import { ensureDir, writeAtomic } from '../../output/write.js';
import type { Logger } from '../log.js';


export interface NewArgs {
  slug: string;
  dir: string;
  title?: string;
  date?: string;
  force: boolean;
}

/** Why `slug` cannot name a briefing, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (!SLUG_PATTERN.test(slug)) return 'expected a plain name: lowercase letters, digits and single dashes, e.g. port-strike';
  if (slug.length > 80) return 'must be at most 80 characters';
  if (RESERVED_NAMES.test(slug)) return 'is a name reserved by Windows (con, nul, com1, …); choose another';
  return undefined;
}

const today = () => new Date().toISOString().slice(0, 10);

export async function runNew(args: NewArgs, log: Logger): Promise<number> {
  const slug = String(args.slug);
  const problem = slugProblem(slug);
  if (problem) throw usageError(`slug "${slug}": ${problem}`, 'e.g. briefdeck new port-strike');
  const date = args.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw usageError(`--date ${date}: expected a real date as YYYY-MM-DD`, 'e.g. --date 2025-04-14');
  }
  const file = path.join(args.dir, `${slug}.yaml`);
  const text = starterYaml({ slug, date, title: args.title?.trim() || undefined, modeline: schemaModeline(file) });
  await ensureDir(args.dir).catch((e: NodeJS.ErrnoException) => {
    throw new BriefdeckError(ExitCode.ENVIRONMENT, { message: `cannot create ${args.dir}: ${e.code ?? e.message}`, hint: 'choose a writable folder with --dir' });
  });
  if (args.force) {
    await writeAtomic(file, text);
  } else {
    // Another content file with this name would claim the same slug: refuse it as well.
    for (const ext of CONTENT_EXTENSIONS.filter((x) => x !== '.yaml')) {
      const other = path.join(args.dir, `${slug}${ext}`);
      if (await open(other, 'r').then((h) => h.close().then(() => true), () => false)) {
        throw usageError(`${other} already exists and has the slug "${slug}"`, 'choose another slug, or remove that file');
      }
    }
    await writeNew(file, text);
  }
  log.info(`${log.green('✓')} wrote ${file}`);
  log.info(log.dim(`next: edit it, then briefdeck preview ${file}`));
  return ExitCode.OK;
}

/** Creates `file` with `text`; fails (without touching it) if it exists. */
async function writeNew(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EEXIST') throw usageError(`${file} already exists`, 'choose another slug, or pass --force to overwrite it');
    throw new BriefdeckError(ExitCode.ENVIRONMENT, { message: `cannot write ${file}: ${e.code ?? e.message}`, hint: 'choose a writable folder with --dir' });
  });
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}
