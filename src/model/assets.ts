// Section images: local files beside the content, checked (inside the content folder, a regular file,
// a known type, at most 8 MiB) before a single byte is read, then checked by their bytes (a real
// PNG, JPEG, GIF, WebP or SVG, within the pixel limit) and inlined as data URIs.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { BriefdeckError, contentError } from '../errors.js';
import type { LoadedBriefing } from '../content/load.js';
import { isInside } from '../content/discover.js';
import { createHash } from 'node:crypto';
import { checkImage, DEFAULT_MAX_IMAGE_PIXELS, ImageRefused } from '../content/image-bytes.js';

const EXTENSIONS = ['.png', '.jpg', '.jpeg', '.svg', '.webp', '.gif'];
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export interface LocalImage {
  bytes: Buffer;
  type: string;
}

/**
 * Reads the image of section `index`, refusing anything that is not a small local image file in the
 * content folder, or whose bytes are not an image of at most `maxPixels`; every refusal points at the
 * line and column of the `path`.
 */
export async function readSectionImage(loaded: LoadedBriefing, index: number, p: string, maxPixels = DEFAULT_MAX_IMAGE_PIXELS): Promise<LocalImage> {
  try {
    return await readChecked(loaded, index, p, maxPixels);
  } catch (e) {
    if (!(e instanceof BriefdeckError)) throw e;
    const where = await loaded.locate(['sections', index, 'image', 'path']);
    throw contentError(e.diagnostics.map((d) => ({ ...d, ...where })));
  }
}

async function readChecked(loaded: LoadedBriefing, index: number, p: string, maxPixels: number): Promise<LocalImage> {
  const field = `sections[${index}].image.path`;
  const fail = async (message: string, hint?: string): Promise<never> => {
    throw contentError({ file: loaded.file, ...(await loaded.locate(['sections', index, 'image', 'path'])), field, message, hint });
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('//')) {
    await fail('images must be local files; remote images are never fetched', 'download the image next to the content file and give its relative path');
  }
  if (!EXTENSIONS.includes(path.extname(p).toLowerCase())) await fail(`unsupported image type "${path.extname(p)}"`, `use one of ${EXTENSIONS.join(', ')}`);
  if (path.isAbsolute(p) || p.includes('\0')) await fail('image path leaves the content folder', "give a path relative to the content file, inside its folder");
  const real = await realpath(path.resolve(loaded.dir, p)).catch(() => fail(`image not found: ${p}`, 'paths are relative to the content file'));
  if (!isInside(real, await realpath(loaded.dir))) await fail('image path leaves the content folder', "keep images in the content file's folder or below it");
  // Non-blocking: opening a named pipe must not wait for a writer; stat then refuses it.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => fail(`image cannot be read: ${p}`));
  let bytes: Buffer;
  try {
    const info = await handle.stat();
    if (!info.isFile()) await fail(`image is not a regular file: ${p}`);
    // A file with other names elsewhere (a hard link) may be anything on the machine: its bytes decide.
    if (info.size > MAX_IMAGE_BYTES) await fail(`image is ${(info.size / 1048576).toFixed(1)} MiB, over the 8 MiB limit`, 'resize or compress it');
    const buffer = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  try {
    return { bytes, type: checkImage(bytes, maxPixels).mime };
  } catch (e) {
    if (!(e instanceof ImageRefused)) throw e;
    const tooBig = /over the limit/.test(e.message);
    return fail(`${p}: ${e.message}`, tooBig ? 'scale the image down, or raise the limit with --max-image-pixels' : 'give a PNG, JPEG, GIF, WebP or SVG image file');
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
export async function readAssets(loaded: LoadedBriefing, maxPixels?: number): Promise<Assets> {
  const images = new Map<number, ImageAsset>();
  for (const [i, s] of (loaded.briefing.sections ?? []).entries()) {
    if (!s.image) continue;
    const image = await readSectionImage(loaded, i, s.image.path, maxPixels);
    images.set(i, { ...image, path: s.image.path, hash: createHash('sha256').update(image.bytes).digest('hex'), dataUri: `data:${image.type};base64,${image.bytes.toString('base64')}` });
  }
  return { images };
}
