// One briefing through the build's steps: unchanged? → load → claim its slug → fresh? → make → publish.
import path from 'node:path';
import { BriefdeckError, ExitCode, formatPath, isBriefdeckError } from '../errors.js';
import { MAX_IMAGE_BYTES, type Assets } from '../model/assets.js';
import { isFresh, manifestPath, unchangedSlug, type Manifest } from '../output/manifest.js';
import type { Templates } from '../render/templates.js';
import type { BuildServices } from './services.js';
import type { SlugClaims } from './slugs.js';
import type { BriefingResult, BuildOptions } from './types.js';
import { publish, stage, writeFiles, type Staging } from './publish.js';
import { slugPosition } from './checks.js';
import { blameImages } from './image-blame.js';
import type { LoadedBriefing } from '../content/load.js';
import { inStage } from '../util/profile.js';

export interface BuildContext {
  options: BuildOptions;
  templates: Templates;
  services: BuildServices;
  /** Hash of everything shared by all briefings of this build. */
  buildKey: string;
  manifest: Manifest;
  slugs: SlugClaims;
  /** Pages worth opening early: a build of one briefing needs fewer than one of many. */
  pages: number;
  /** Whether any wanted format (or fitting) needs the browser. */
  browser: boolean;
}

/** What the steps had read when they failed: the error names the images from it. */
interface Seen {
  loaded?: LoadedBriefing;
  assets?: Assets;
}

export async function buildBriefing(ctx: BuildContext, file: string): Promise<BriefingResult> {
  const started = performance.now();
  const result: BriefingResult = { file, status: 'failed', ok: false, outputs: [], pages: {}, durationMs: 0, warnings: [], errors: [] };
  let staging: Staging | undefined;
  const seen: Seen = {};
  try {
    staging = await steps(ctx, file, result, (s) => (staging = s), seen);
  } catch (caught) {
    // A document the browser could not draw in time, or an undecodable picture, is put on its images.
    const e = await blameImages(caught, seen.loaded, seen.assets);
    // One briefing's failure never stops the others: even a bug is reported against its file.
    const err = isBriefdeckError(e)
      ? e
      : new BriefdeckError(ExitCode.INTERNAL, { file, message: `internal error: ${(e as Error)?.message ?? String(e)}`, hint: 'please report this with the content file; --debug shows the stack' }, { cause: e });
    result.errors = err.diagnostics.map((d) => ({ file, ...d }));
    result.exitCode = err.exitCode;
    result.stack = isBriefdeckError(e) ? undefined : (e as Error)?.stack;
    result.outputs = [];
    result.status = 'failed';
    result.ok = false;
  } finally {
    ctx.slugs.pass(file);
    await staging?.done();
    result.durationMs = performance.now() - started;
  }
  return result;
}

async function steps(ctx: BuildContext, file: string, result: BriefingResult, staged: (s: Staging) => void, seen: Seen): Promise<Staging | undefined> {
  const { options, manifest } = ctx;
  const done = (status: BriefingResult['status'], ok: boolean, slug?: string) => {
    result.status = status;
    result.ok = ok;
    if (status === 'skipped' && slug) result.outputs = (manifest.briefings[slug]?.outputs ?? []).map((f) => path.join(options.out, slug, f));
    return undefined;
  };
  // Unchanged since the last build (same bytes in, outputs all there): known without parsing.
  const unchanged = options.force ? undefined : await inStage('unchanged check', () => unchangedSlug(manifest, file, ctx.buildKey, options.out, Math.max(options.limits.fileBytes, MAX_IMAGE_BYTES)));
  if (unchanged) {
    result.slug = unchanged;
    await ctx.slugs.claim(file, unchanged, options.out);
    return done(options.check ? 'fresh' : 'skipped', true, unchanged);
  }
  if (!options.check && ctx.browser) ctx.services.warm(ctx.pages);
  // The YAML parser, the schema and the renderers load with the first briefing to build: a rebuild
  // that finds everything unchanged never loads them.
  const [{ loadBriefing }, { readAssets }, { briefingInputs }] = await Promise.all([import('../content/load.js'), import('../model/assets.js'), import('./key.js')]);
  const loaded = await inStage('load+validate', () => loadBriefing(file, options.limits));
  result.warnings.push(...(await inStage('load+validate', () => contentWarnings(loaded, options.strict))));
  result.slug = loaded.slug;
  seen.loaded = loaded;
  await ctx.slugs.claim(file, loaded.slug, options.out, slugPosition(loaded));
  const assets = await inStage('load+validate', () => readAssets(loaded, options.limits.imagePixels));
  seen.assets = assets;
  const { hash, inputs } = inStage('unchanged check', () => briefingInputs(ctx.buildKey, loaded, assets));
  const fresh = !options.force && (await inStage('unchanged check', () => isFresh(manifest, loaded.slug, hash, options.out)));
  if (options.check) return done(fresh ? 'fresh' : 'stale', fresh);
  if (fresh) return done('skipped', true, loaded.slug);

  const staging = await stage(options.out, loaded.slug);
  staged(staging);
  const { makeOutputs } = await import('./make.js');
  const made = await makeOutputs(options, ctx.templates, ctx.services, loaded, assets);
  result.fit = made.fit;
  result.slides = made.slides;
  for (const f of made.facts) {
    result.warnings.push(...(f.warnings ?? []));
    if (f.pages?.deck !== undefined) result.pages.deck = f.pages.deck;
    if (f.pages?.print !== undefined) result.pages.print = f.pages.print;
  }
  const names = await inStage('publish', () => writeFiles(staging.dir, made.facts.flatMap((f) => f.files)));
  const target = path.join(options.out, loaded.slug);
  await inStage('publish', () => publish(staging.dir, target));
  manifest.briefings[loaded.slug] = { file: manifestPath(file), hash, outputs: names, build: ctx.buildKey, inputs };
  result.outputs = names.map((n) => path.join(target, n));
  done('built', true);
  return staging;
}

/** Content that will read badly: warnings, or with --strict the briefing's errors. */
async function contentWarnings(loaded: LoadedBriefing, strict: boolean): Promise<string[]> {
  const { lintBriefing, formatLint } = await import('../content/lint.js');
  const found = lintBriefing(loaded.briefing);
  if (found.length && strict) {
    throw new BriefdeckError(ExitCode.CONTENT, found.map((w) => ({ file: loaded.file, field: formatPath(w.path), message: w.message, hint: `${w.hint} (--strict makes this an error)` })));
  }
  return found.map(formatLint);
}
