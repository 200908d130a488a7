// A document the browser could not finish (twice over the timeout) or whose pictures it could not
// decode is the content's fault: the error names the content file and the image, at its `path`.
import { BriefdeckError, ExitCode, type Diagnostic } from '../errors.js';
import { DocumentTimeout, UndecodableImages } from '../browser/faults.js';
import type { LoadedBriefing } from '../content/load.js';
import type { Assets } from '../model/assets.js';

interface ImageRef {
  index: number;
  path: string;
}

function imagesOf(loaded: LoadedBriefing): ImageRef[] {
  return (loaded.briefing.sections ?? []).flatMap((s, index) => (s.image ? [{ index, path: s.image.path }] : []));
}

/** The image's bytes in base64, as its data URI carries them (the assets read once per build). */
function base64Of(assets: Assets | undefined, image: ImageRef): string {
  const uri = assets?.images.get(image.index)?.dataUri;
  return uri ? uri.slice(uri.indexOf(',') + 1) : '\u0000';
}

async function at(loaded: LoadedBriefing, image: ImageRef): Promise<Diagnostic> {
  return { file: loaded.file, ...(await loaded.locate(['sections', image.index, 'image', 'path'])), field: `sections[${image.index}].image.path`, message: '' };
}

/** `e` with its diagnostics placed on the briefing's images when it is a browser fault they caused; else `e`. */
export async function blameImages(e: unknown, loaded: LoadedBriefing | undefined, assets?: Assets): Promise<unknown> {
  if (!loaded) return e;
  const all = imagesOf(loaded);
  if (e instanceof DocumentTimeout) {
    // SVGs are the usual culprit (nested <use> multiply their drawing); name them first.
    const svgs = all.filter((i) => /\.svg$/i.test(i.path));
    const suspects = svgs.length ? svgs : all;
    const hint = `simplify or replace the image (a raster export of it, say), or raise --timeout above ${e.seconds}`;
    if (!suspects.length) return new BriefdeckError(ExitCode.CONTENT, { file: loaded.file, message: e.diagnostics[0]?.message ?? e.message, hint: 'shorten the briefing, or raise --timeout' }, { cause: e });
    return new BriefdeckError(
      ExitCode.CONTENT,
      await Promise.all(suspects.map(async (i) => ({ ...(await at(loaded, i)), message: `the browser did not finish drawing this briefing in ${e.seconds} s (tried twice); it shows ${i.path}, which may be too complex to draw`, hint }))),
      { cause: e },
    );
  }
  if (e instanceof UndecodableImages) {
    const broken = all.filter((i) => e.sources.some((src) => base64Of(assets, i).startsWith(src.slice(src.indexOf(',') + 1))));
    const named = broken.length ? broken : all;
    if (!named.length) return new BriefdeckError(ExitCode.CONTENT, { file: loaded.file, message: e.diagnostics[0]?.message ?? e.message, hint: e.diagnostics[0]?.hint }, { cause: e });
    return new BriefdeckError(
      ExitCode.CONTENT,
      await Promise.all(named.map(async (i) => ({ ...(await at(loaded, i)), message: `the browser could not decode ${i.path}: its data is damaged or not what its header says`, hint: 'open it in an image viewer and export it again' }))),
      { cause: e },
    );
  }
  return e;
}
