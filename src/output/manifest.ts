// The build manifest: a hash of everything that went into each briefing's outputs, so that a rebuild
// skips briefings whose inputs did not change and `--check` can tell which outputs are stale.
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './write.js';

export const MANIFEST_NAME = '.briefdeck-manifest.json';

export interface ManifestEntry {
  file: string;
  hash: string;
  outputs: string[];
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

export async function writeManifest(out: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { version: 1, briefings: Object.fromEntries(Object.entries(manifest.briefings).sort(([a], [b]) => a.localeCompare(b))) };
  await writeAtomic(path.join(out, MANIFEST_NAME), `${JSON.stringify(sorted, null, 2)}\n`);
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

/** `k/n`: this runner builds the briefings whose path hashes to k-1 modulo n; stable as files come and go. */
export function inShard(file: string, shard: { index: number; count: number } | undefined): boolean {
  if (!shard || shard.count <= 1) return true;
  // The path relative to the working folder, so `content/x.yaml`, `./content/x.yaml` and an absolute path agree.
  const key = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
  const digest = createHash('sha256').update(key).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}
