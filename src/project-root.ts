// Finds the project a command runs in, as prettier and eslint do: the nearest folder upward with a
// briefdeck.config.* (up to the repository's top), else the nearest with a package.json, else here.
// Default paths (content/, output/, the config) are then the project's; paths typed on the command line
// stay relative to the folder the user is in.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES } from './config.js';

export interface ProjectRoot {
  dir: string;
  /** The config file found there, if any. */
  config?: string;
  /** What marked the folder: a config file, a package.json, or nothing (the working folder). */
  via: 'config' | 'package.json' | 'cwd';
}

function configIn(dir: string): string | undefined {
  return CONFIG_NAMES.map((n) => path.join(dir, n)).find((f) => existsSync(f));
}

/** Folders from `start` up to the filesystem's root. */
function upward(start: string): string[] {
  const dirs: string[] = [];
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (path.dirname(dir) === dir) return dirs;
  }
}

export function findProjectRoot(start: string = process.cwd()): ProjectRoot {
  const dirs = upward(start);
  for (const dir of dirs) {
    const config = configIn(dir);
    if (config) return { dir, config, via: 'config' };
    // A config above the repository's top is another project's.
    if (existsSync(path.join(dir, '.git'))) break;
  }
  const pkg = dirs.find((dir) => existsSync(path.join(dir, 'package.json')));
  if (pkg) return { dir: pkg, via: 'package.json' };
  return { dir: path.resolve(start), via: 'cwd' };
}

let current: string | undefined;

/** The project's folder, against which the build manifest names files (the working folder until set). */
export function projectDir(): string {
  return current ?? process.cwd();
}

/** Whether the user typed `value` (as an argument, or as `--option=value`), rather than took a default. */
const typed = (argv: readonly string[], value: string) => argv.some((t) => t === value || t.endsWith(`=${value}`) || (/^-[a-z]./i.test(t) && t.slice(2) === value));

/**
 * Points the defaults of a command's arguments (`paths`, the content; `out`, the output folder;
 * `config`) at the project found from `cwd`; what `argv` typed stays as typed. Paths stay relative
 * (to `cwd`), so that messages name them as the user would.
 */
export function resolveAtProject(args: Record<string, unknown>, argv: readonly string[], cwd: string = process.cwd()): ProjectRoot {
  const root = findProjectRoot(cwd);
  current = root.dir;
  if (root.dir === path.resolve(cwd)) return root;
  const fromRoot = (p: string) => path.relative(cwd, path.resolve(root.dir, p)) || '.';
  const { paths, out, config } = args;
  if (Array.isArray(paths)) args.paths = paths.map((p) => (typeof p === 'string' && !typed(argv, p) ? fromRoot(p) : p));
  if (typeof out === 'string' && !typed(argv, out)) args.out = fromRoot(out);
  if (config === undefined && root.config && ('out' in args || 'paths' in args)) args.config = path.relative(cwd, root.config);
  return root;
}
