// Maps a request path to a file inside the served folder, refusing anything that could leave it.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export type Resolved = { file: string } | { status: 400 | 403 | 404; reason: string };

/**
 * The segments of a URL path, decoded, or why they cannot be served: `..`, `.`, encoded slashes,
 * backslashes and NUL are refused (403); hidden names (the manifest, staging folders) are not found.
 */
export function pathSegments(rawUrl: string): string[] | { status: 400 | 403 | 404; reason: string } {
  const raw = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/')) return { status: 400, reason: 'not an absolute path' };
  // An encoded slash or backslash would hide a separator from the checks below.
  if (/%2f|%5c|\\/i.test(raw)) return { status: 403, reason: 'encoded separator' };
  const segments: string[] = [];
  for (const part of raw.split('/').filter(Boolean)) {
    let s: string;
    try {
      s = decodeURIComponent(part);
    } catch {
      return { status: 400, reason: 'malformed percent-encoding' };
    }
    if (s === '.' || s === '..' || s.includes('\0') || s.includes('/') || s.includes('\\')) return { status: 403, reason: 'path leaves the folder' };
    if (s.startsWith('.')) return { status: 404, reason: 'hidden file' };
    segments.push(s);
  }
  return segments;
}

const inside = (child: string, root: string) => {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The regular file under `root` that `rawUrl` names, after symlinks are resolved, or why not. */
export async function resolveServed(root: string, rawUrl: string): Promise<Resolved> {
  const segments = pathSegments(rawUrl);
  if (!Array.isArray(segments)) return segments;
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return { status: 404, reason: 'nothing built yet' };
  const real = await realpath(path.join(realRoot, ...segments)).catch(() => undefined);
  if (!real) return { status: 404, reason: 'no such file' };
  if (!inside(real, realRoot)) return { status: 403, reason: 'link leaves the folder' };
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { status: 404, reason: 'not a file' };
  return { file: real };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
