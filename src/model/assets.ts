// A briefing's assets, read and hashed once per build: section images, local files beside the content,
// checked (inside the content folder, a regular file, a known type, at most 8 MiB) before a byte is read.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { contentError } from '../errors.js';
import type { LoadedBriefing } from '../content/load.js';
import { isInside } from '../content/discover.js';
import { createHash } from 'node:crypto';

const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.gif': 'image/gif' };
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export interface LocalImage {
  bytes: Buffer;
  type: string;
}

/** Reads the image of section `index`, refusing anything that is not a small local image file in the content folder. */
export async function readSectionImage(loaded: LoadedBriefing, index: number, p: string): Promise<LocalImage> {
  const field = `sections[${index}].image.path`;
  const fail = (message: string, hint?: string): never => {
    throw contentError({ file: loaded.file, ...loaded.locate(['sections', index, 'image', 'path']), field, message, hint });
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('//')) {
    fail('images must be local files; remote images are never fetched', 'download the image next to the content file and give its relative path');
  }
  const type = TYPES[path.extname(p).toLowerCase()] ?? fail(`unsupported image type "${path.extname(p)}"`, `use one of ${Object.keys(TYPES).join(', ')}`);
  if (path.isAbsolute(p) || p.includes('\0')) fail('image path leaves the content folder', "give a path relative to the content file, inside its folder");
  const real = await realpath(path.resolve(loaded.dir, p)).catch(() => fail(`image not found: ${p}`, 'paths are relative to the content file'));
  if (!isInside(real, await realpath(loaded.dir))) fail('image path leaves the content folder', "keep images in the content file's folder or below it");
  // Non-blocking: opening a named pipe must not wait for a writer; stat then refuses it.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => fail(`image cannot be read: ${p}`));
  try {
    const info = await handle.stat();
    if (!info.isFile()) fail(`image is not a regular file: ${p}`);
    if (info.size > MAX_IMAGE_BYTES) fail(`image is ${(info.size / 1048576).toFixed(1)} MiB, over the 8 MiB limit`, 'resize or compress it');
    const bytes = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
    return { bytes: bytes.subarray(0, bytesRead), type };
  } finally {
    await handle.close();
  }
}

export interface ImageAsset extends LocalImage {
  /** As written in the content, relative to the content file. */
  path: string;
  /** sha256 of the bytes, for the build manifest. */
  hash: string;
  /** The image inlined, for decks and pages that load nothing from outside. */
  dataUri: string;
}

export interface Assets {
  /** By section index. */
  images: Map<number, ImageAsset>;
}

/** Reads every section image of the briefing once; the first bad one fails the briefing. */
export async function readAssets(loaded: LoadedBriefing): Promise<Assets> {
  const images = new Map<number, ImageAsset>();
  for (const [i, s] of (loaded.briefing.sections ?? []).entries()) {
    if (!s.image) continue;
    const image = await readSectionImage(loaded, i, s.image.path);
    images.set(i, { ...image, path: s.image.path, hash: createHash('sha256').update(image.bytes).digest('hex'), dataUri: `data:${image.type};base64,${image.bytes.toString('base64')}` });
  }
  return { images };
}
