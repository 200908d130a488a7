// Loads one content file (YAML or JSON): bytes → text → value → validated Briefing. A file loaded before
// is read back (known.ts); the quick parse (quick.ts) reads a well-formed file; anything else, and every
// error, goes through the full parse with positions (parse.ts), which is also where a field's place is
// found when a later check needs it.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentError } from '../errors.js';
import { checkStrictJson } from './json-strict.js';
import type { Briefing } from './schema.js';
import { RESERVED_NAMES, SLUG_PATTERN } from './terms.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { knownBriefing, rememberBriefing } from './known.js';
import { decodeUtf8 } from './utf8.js';
import type { Position } from './parse.js';

export interface LoadedBriefing {
  /** The content file, as given (relative paths stay relative for messages). */
  file: string;
  /** Folder of the content file: local images resolve against it. */
  dir: string;
  slug: string;
  briefing: Briefing;
  /** The file's bytes as read (the build itself reads only their digest). */
  bytes: Buffer;
  /** The bytes' SHA-256 in hex, computed once: the validated-content cache's name and the build manifest's hash. */
  digest: string;
  /** Where a field is in the file, for checks made after parsing (images): `['sections', 0, 'image', 'path']`. */
  locate: Locate;
}

/** A field's place in the file; the full parse runs for it if the quick one read the file. */
export type Locate = (path: PropertyKey[]) => Promise<Position>;

export async function loadBriefing(file: string, limits: Limits = DEFAULT_LIMITS): Promise<LoadedBriefing> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw contentError({ file, message: e.code === 'ENOENT' ? 'file not found' : `cannot read: ${e.message}` });
  });
  if (info.size > limits.fileBytes) {
    throw contentError({
      file,
      message: `file is ${(info.size / 1048576).toFixed(1)} MiB, over the ${(limits.fileBytes / 1048576).toFixed(1)} MiB limit`,
      hint: 'split the briefing, or raise the limit with --max-file-size',
    });
  }
  const bytes = await readFile(file);
  const digest = createHash('sha256').update(bytes).digest('hex');
  let briefing = knownBriefing(digest, limits);
  let locate: Locate;
  // The yaml library (with positions) loads only when a place is asked for: an error after loading.
  const later = (text: () => string): Locate => {
    let locator: Promise<(path: PropertyKey[]) => Position> | undefined;
    return async (at) => (await (locator ??= import('./parse.js').then(({ locatorIn }) => locatorIn(text()))))(at);
  };
  if (briefing) {
    locate = later(() => decodeUtf8(bytes, file));
  } else {
    const text = decodeUtf8(bytes, file);
    const [{ quickParse }, { briefingSchema }] = await Promise.all([import('./quick.js'), import('./schema.js')]);
    // An empty file, like every problem, is the full parse's to report.
    if (text.trim()) checkStrictJson(text, file);
    const quick = text.trim() ? quickParse(text, file, briefingSchema, limits) : undefined;
    if (quick) {
      briefing = quick;
      locate = later(() => text);
    } else {
      const { BRIEFING, parseWithSchema } = await import('./parse.js');
      const found: { locate?: (path: PropertyKey[]) => Position } = {};
      briefing = parseWithSchema(bytes, file, briefingSchema, limits, BRIEFING, found);
      locate = (at) => Promise.resolve(found.locate?.(at) ?? {});
    }
    rememberBriefing(digest, limits, briefing);
  }
  const slug = briefing.slug ?? slugFromFile(file);
  return { file, dir: path.dirname(path.resolve(file)), slug, briefing, bytes, digest, locate };
}

/** The default slug: the file name without extension (and without a language suffix's dot). */
export function slugFromFile(file: string): string {
  const base = path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!SLUG_PATTERN.test(slug) || RESERVED_NAMES.test(slug)) {
    throw contentError({
      file,
      message: `cannot make a slug from the file name "${path.basename(file)}"`,
      hint: 'rename the file or add `slug: my-briefing` (lowercase letters, digits, dashes)',
    });
  }
  return slug;
}
