// Finds the content files a build or validate names: files as given, folders searched for YAML and JSON.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentError, usageError } from '../errors.js';
import { kindOf } from '../config-files.js';

/** The files a content folder's briefings are read from. */
export const CONTENT_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Content files under `paths`, sorted, each once; hidden files and symlinks leaving a folder are skipped. */
export async function discoverContent(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) throw usageError(`no such file or folder: ${p}`, 'pass content files or folders, e.g. briefdeck build content/');
    if (info.isFile()) {
      found.add(p);
      continue;
    }
    // A pipe, a device (/dev/null, /dev/zero) or a socket is no content: one line, exit 2.
    if (!info.isDirectory()) throw usageError(`${p} is ${kindOf(info)}, not a content file or folder`);
    const root = await realpath(p);
    for (const file of await walk(p, root)) found.add(file);
  }
  return [...found].sort((a, b) => a.localeCompare(b));
}

async function walk(dir: string, root: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isSymbolicLink()) {
      const target = await realpath(full).catch(() => undefined);
      if (!target || !isInside(target, root)) {
        throw contentError({ file: full, message: 'symbolic link points outside the content folder', hint: 'copy the file into the folder instead of linking to it' });
      }
      const info = await stat(target);
      if (info.isDirectory()) out.push(...(await walk(full, root)));
      else if (CONTENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(full);
      continue;
    }
    if (e.isDirectory()) out.push(...(await walk(full, root)));
    else if (e.isFile() && CONTENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(full);
  }
  return out;
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
