// The build manifest: a hash of everything that went into each briefing's outputs, so that a rebuild
// skips briefings whose inputs did not change and `--check` can tell which outputs are stale.
import { createHash } from 'node:crypto';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './write.js';
import { projectDir } from '../project-root.js';

export const MANIFEST_NAME = '.briefdeck-manifest.json';

export interface ManifestEntry {
  file: string;
  hash: string;
  outputs: string[];
  /** Hash of the settings, templates, themes, fonts and version shared by the build. */
  build?: string;
  /** SHA-256 of each input file's bytes (the content file, its images), by path: an unchanged
   *  briefing is then recognised without parsing or validating it again. */
  inputs?: Record<string, string>;
}

export interface Manifest {
  version: 1;
  briefings: Record<string, ManifestEntry>;
}

export async function readManifest(out: string): Promise<Manifest> {
  try {
    const m = JSON.parse(await readFile(path.join(out, MANIFEST_NAME), 'utf8')) as Manifest;
    if (m.version === 1 && m.briefings && typeof m.briefings === 'object') return m;
  } catch {
    // No manifest, or an unreadable one: everything counts as stale.
  }
  return { version: 1, briefings: {} };
}

/**
 * Writes the manifest. With `built` (the slugs this build made), their entries are merged into the
 * manifest on disk under a lock, so that builds running at once into one folder lose none of theirs.
 */
export async function writeManifest(out: string, manifest: Manifest, built?: string[]): Promise<void> {
  const write = async (m: Manifest) => {
    const sorted: Manifest = { version: 1, briefings: Object.fromEntries(Object.entries(m.briefings).sort(([a], [b]) => a.localeCompare(b))) };
    await writeAtomic(path.join(out, MANIFEST_NAME), `${JSON.stringify(sorted, null, 2)}\n`);
  };
  if (!built) return write(manifest);
  const { withManifestLock } = await import('./manifest-lock.js');
  await withManifestLock(out, async () => {
    const onDisk = await readManifest(out);
    const ours = Object.fromEntries(built.flatMap((slug) => (manifest.briefings[slug] ? [[slug, manifest.briefings[slug]]] : [])));
    await write({ version: 1, briefings: { ...manifest.briefings, ...onDisk.briefings, ...ours } });
  });
}

/** A stable hash of labelled parts (strings or bytes). */
export function hashParts(parts: [string, string | Uint8Array][]): string {
  const h = createHash('sha256');
  for (const [label, data] of parts) {
    h.update(`${label}\0${data.length}\0`);
    h.update(data);
  }
  return h.digest('hex');
}

/** Whether the manifest says this briefing is built from exactly these inputs and its outputs are all there. */
export async function isFresh(manifest: Manifest, slug: string, hash: string, out: string): Promise<boolean> {
  const entry = manifest.briefings[slug];
  if (!entry || entry.hash !== hash || !entry.outputs.length) return false;
  for (const f of entry.outputs) {
    if (!(await access(path.join(out, slug, f)).then(() => true, () => false))) return false;
  }
  return true;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The manifest's name for a file: relative to the project's folder (project-root.ts), with forward slashes. */
export function manifestPath(file: string): string {
  return path.relative(projectDir(), path.resolve(file)).split(path.sep).join('/');
}

/**
 * The slug of the briefing built from `file`, if the manifest shows it built with this `build` key
 * from input files whose bytes are all unchanged, and its outputs are all there; else undefined.
 * Reads only regular files no larger than `maxBytes`: anything odd goes the slow, checked way.
 */
export async function unchangedSlug(manifest: Manifest, file: string, build: string, out: string, maxBytes: number): Promise<string | undefined> {
  const name = manifestPath(file);
  const found = Object.entries(manifest.briefings).find(([, e]) => e.file === name && e.build === build && e.inputs);
  if (!found) return undefined;
  const [slug, entry] = found;
  for (const [input, digest] of Object.entries(entry.inputs ?? {})) {
    const info = await stat(input).catch(() => undefined);
    if (!info?.isFile() || info.size > maxBytes) return undefined;
    if (sha256(await readFile(input)) !== digest) return undefined;
  }
  return (await isFresh(manifest, slug, entry.hash, out)) ? slug : undefined;
}

/** `k/n`: this runner builds the briefings whose path hashes to k-1 modulo n; stable as files come and go. */
export function inShard(file: string, shard: { index: number; count: number } | undefined): boolean {
  if (!shard || shard.count <= 1) return true;
  // The path relative to the working folder, so `content/x.yaml`, `./content/x.yaml` and an absolute path agree.
  const key = manifestPath(file);
  const digest = createHash('sha256').update(key).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}
