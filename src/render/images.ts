// Section images: local files beside the content, checked to stay inside the content folder, inlined as data URIs.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { contentError } from '../errors.js';
import type { LoadedBriefing } from '../content/load.js';
import { isInside } from '../content/discover.js';
import type { BriefingView } from './view.js';

const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.gif': 'image/gif' };
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export async function resolveImages(view: BriefingView, loaded: LoadedBriefing): Promise<BriefingView> {
  for (const [i, s] of view.sections.entries()) {
    if (!s.image) continue;
    const field = `sections[${i}].image.path`;
    const p = s.image.path;
    if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('//')) {
      throw contentError({ file: loaded.file, field, message: 'images must be local files; remote images are never fetched', hint: 'download the image next to the content file and give its relative path' });
    }
    const type = TYPES[path.extname(p).toLowerCase()];
    if (!type) throw contentError({ file: loaded.file, field, message: `unsupported image type "${path.extname(p)}"`, hint: `use one of ${Object.keys(TYPES).join(', ')}` });
    const full = path.resolve(loaded.dir, p);
    const real = await realpath(full).catch(() => undefined);
    if (!real) throw contentError({ file: loaded.file, field, message: `image not found: ${p}`, hint: 'paths are relative to the content file' });
    if (path.isAbsolute(p) || !isInside(real, await realpath(loaded.dir))) {
      throw contentError({ file: loaded.file, field, message: 'image path leaves the content folder', hint: 'keep images in the content file\'s folder or below it' });
    }
    const bytes = await readFile(real);
    if (bytes.length > MAX_IMAGE_BYTES) throw contentError({ file: loaded.file, field, message: 'image is larger than 8 MiB', hint: 'resize or compress it' });
    s.image.src = `data:${type};base64,${bytes.toString('base64')}`;
  }
  return view;
}
