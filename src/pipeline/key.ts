// The build's hash keys: what all briefings of a build share, and one briefing's own inputs.
import path from 'node:path';
import type { LoadedBriefing } from '../content/load.js';
import type { Templates } from '../render/templates.js';
import { viewerAssets } from '../render/viewer.js';
import { fontFiles } from '../render/fonts.js';
import { hashParts, manifestPath } from '../output/manifest.js';
import type { Assets } from '../model/assets.js';
import { version } from '../version.js';
import type { BuildOptions } from './types.js';

/** Everything shared by the briefings of this build that changes what they produce. */
export async function buildKey(options: BuildOptions, templates: Templates): Promise<string> {
  const viewer = await viewerAssets();
  const fonts = (await fontFiles()).map((f) => f.split(`${path.sep}node_modules${path.sep}`).pop() ?? f).sort();
  const settings = {
    formats: [...options.formats].sort(),
    paper: options.paper,
    theme: options.theme,
    strict: options.strict,
    pdfNotes: options.pdfNotes ?? false,
    handoutPerPage: options.handoutPerPage ?? 3,
    scale: options.scale ?? 1.5,
    limits: options.limits,
    branding: options.branding ?? null,
    defaultMarking: options.defaultMarking ?? null,
    epoch: process.env.SOURCE_DATE_EPOCH ?? null,
    // Only when off, so that the key of a default build stays what it was.
    ...(options.fit === false ? { fit: false } : {}),
  };
  return hashParts([
    ['briefdeck', version()],
    ['settings', JSON.stringify(settings)],
    ['viewer', viewer.script + viewer.css],
    ['fonts', fonts.join('\n')],
    ...[...templates.files].sort(([a], [b]) => a.localeCompare(b)).map(([name, src]): [string, string] => [`template:${name}`, src]),
  ]);
}

/** The briefing's own inputs, its content and the images it shows: one hash of all, and each file's. */
export function briefingInputs(buildKey: string, loaded: LoadedBriefing, assets: Assets): { hash: string; inputs: Record<string, string> } {
  const parts: [string, string | Uint8Array][] = [['build', buildKey], ['content', loaded.digest]];
  const inputs: Record<string, string> = { [manifestPath(loaded.file)]: loaded.digest };
  for (const image of assets.images.values()) {
    parts.push([`image:${image.path}`, image.bytes]);
    inputs[manifestPath(path.resolve(loaded.dir, image.path))] = image.hash;
  }
  return { hash: hashParts(parts), inputs };
}

