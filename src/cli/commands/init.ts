// `briefdeck init`: sets a repository up for briefings: an example in content/, the config, output/
// ignored, npm scripts and a GitHub Actions workflow. Never overwrites a file without --force.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_NAMES } from '../../config.js';
import { CONTENT_EXTENSIONS } from '../../content/discover.js';
import { ExitCode } from '../../errors.js';
import { version } from '../../version.js';
import type { Logger } from '../log.js';
import { editGitignore, editPackageJson, type Edit } from './init-edits.js';

/** The files init copies, in the package beside dist/. */
export const SCAFFOLD = fileURLToPath(new URL('../../../scaffold/', import.meta.url));

/** Files copied whole: where in the repository, from where in the scaffold. */
const COPIES: [target: string, source: string][] = [
  ['content/example.yaml', 'content/example.yaml'],
  ['briefdeck.config.yaml', 'briefdeck.config.yaml'],
  ['.github/workflows/briefings.yml', 'github/briefings.yml'],
];

const read = (file: string) => readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

export async function runInit(args: { force: boolean }, log: Logger, dir: string = process.cwd()): Promise<number> {
  const rel = (f: string) => path.relative(dir, f).split(path.sep).join('/');
  const kept: string[] = [];
  const line = (what: string, file: string, detail = '') => log.info(`  ${what.padEnd(8)} ${file}${detail ? log.dim(`  ${detail}`) : ''}`);
  log.info(`Setting up briefdeck in ${dir}`);
  for (const [target, source] of COPIES) {
    const file = path.join(dir, target);
    // Another config name counts as the config: briefdeck would read that one.
    const existing = target === 'briefdeck.config.yaml' ? CONFIG_NAMES.map((n) => path.join(dir, n)).find((f) => existsSync(f)) : existsSync(file) ? file : undefined;
    const briefings = target.startsWith('content/') && !args.force ? contentFiles(path.join(dir, 'content')) : [];
    if (briefings.length && !existing) {
      line('skipped', target, `content/ already has ${briefings.length} briefing file${briefings.length === 1 ? '' : 's'}`);
      continue;
    }
    if (existing && !args.force) {
      kept.push(rel(existing));
      line('kept', rel(existing), 'exists');
      continue;
    }
    await write(file, await readFile(path.join(SCAFFOLD, source), 'utf8'));
    line(existing ? 'replaced' : 'created', target);
  }
  const edits: [string, (text: string | undefined) => Edit][] = [
    ['.gitignore', editGitignore],
    ['package.json', (text) => editPackageJson(text, { name: npmName(path.basename(dir)), version: version(), force: args.force, file: path.join(dir, 'package.json') })],
  ];
  for (const [name, edit] of edits) {
    const file = path.join(dir, name);
    const before = await read(file);
    const result = edit(before);
    if (result.text !== undefined) await write(file, result.text);
    if (result.added.length) line(before === undefined ? 'created' : 'updated', name, result.added.join(', '));
    if (result.kept.length) {
      line('kept', name, `${result.kept.join(', ')} already set`);
      kept.push(...result.kept.map((k) => `${name} ${k}`));
    }
    if (!result.added.length && !result.kept.length) line('ok', name);
  }
  if (kept.length) log.info(log.dim(`Kept as they were: ${kept.join('; ')}. Run briefdeck init --force to replace them.`));
  log.info(`\nNext:\n  npm install            ${log.dim('(if briefdeck is not installed yet)')}\n  npx briefdeck doctor   ${log.dim('(is there a browser?)')}\n  npm run briefings      ${log.dim('(builds content/ into output/)')}`);
  return ExitCode.OK;
}

/** A folder's name as an npm package name. */
export function npmName(folder: string): string {
  return folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '') || 'briefings';
}

/** The content files directly in `dir`, if it exists. */
function contentFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => CONTENT_EXTENSIONS.includes(path.extname(f).toLowerCase()));
  } catch {
    return [];
  }
}
