// The checks a briefing passes before anything is rendered, shared by `build` and `validate`, so that
// both say the same thing in the same words.
import { BriefdeckError, ExitCode } from '../errors.js';
import type { LoadedBriefing } from '../content/load.js';
import type { Limits } from '../content/limits.js';
import type { Templates } from '../render/templates.js';
import type { Assets } from '../model/assets.js';
import type { SlugClaims } from './slugs.js';

/** The build's own theme (--theme or the config's) must be one of the theme set. */
export function checkBuildTheme(theme: string, templates: Templates): void {
  if (!templates.themes.has(theme)) {
    throw new BriefdeckError(ExitCode.USAGE, { message: `unknown theme "${theme}"`, hint: `available: ${[...templates.themes.keys()].join(', ')}` });
  }
}

/** The theme a briefing is drawn in: its own `theme:` (which must exist), else the build's. */
export async function themeOf(loaded: LoadedBriefing, fallback: string, templates: Templates): Promise<string> {
  const theme = loaded.briefing.theme ?? fallback;
  if (!templates.themes.has(theme)) {
    throw new BriefdeckError(ExitCode.CONTENT, {
      file: loaded.file,
      ...(loaded.briefing.theme ? await loaded.locate(['theme']) : {}),
      field: 'theme',
      message: `unknown theme "${theme}"`,
      hint: `available: ${[...templates.themes.keys()].join(', ')}`,
    });
  }
  return theme;
}

/** Where a briefing's slug comes from: its `slug:` field, else the file name (the top of the file); found when an error needs it. */
export function slugPosition(loaded: LoadedBriefing): () => Promise<{ line?: number; column?: number }> {
  return () => (loaded.briefing.slug ? loaded.locate(['slug']) : Promise.resolve({ line: 1, column: 1 }));
}

/** Everything `validate` checks of one file: schema, slug, images, theme. What `build` checks before rendering. */
export async function checkBriefing(
  file: string,
  with_: { limits: Limits; slugs: SlugClaims; out: string; templates: Templates; theme: string },
): Promise<{ loaded: LoadedBriefing; assets: Assets }> {
  const [{ loadBriefing }, { readAssets }] = await Promise.all([import('../content/load.js'), import('../model/assets.js')]);
  const loaded = await loadBriefing(file, with_.limits);
  await with_.slugs.claim(file, loaded.slug, with_.out, slugPosition(loaded));
  const assets = await readAssets(loaded, with_.limits.imagePixels);
  await themeOf(loaded, with_.theme, with_.templates);
  return { loaded, assets };
}
