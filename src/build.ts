// A build as a list of steps: discover → load templates → start services → per briefing (load → plan →
// fit → formats → publish, in build/briefing.ts) → write the manifest. Services end on every path.
import { collectStaging } from './output/hygiene.js';
import { ExitCode } from './errors.js';
import { checkBuildTheme } from './pipeline/checks.js';
import { discoverContent } from './content/discover.js';
import { inShard, readManifest, writeManifest } from './output/manifest.js';
import { loadTemplates } from './render/templates.js';
import { buildKey } from './pipeline/key.js';
import { needsOf } from './formats/registry.js';
import { BuildServices } from './pipeline/services.js';
import { SlugClaims } from './pipeline/slugs.js';
import { buildBriefing, type BuildContext } from './pipeline/briefing.js';
import type { BriefingResult, BuildOptions, BuildReport } from './pipeline/types.js';

export { DEFAULT_FORMATS, FORMATS, type Format } from './formats/registry.js';
export { defaultBuildOptions, type BriefingResult, type BriefingStatus, type BuildOptions, type BuildReport } from './pipeline/types.js';

export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  // 1. Discover the content files (this runner's share of them).
  const files = (await discoverContent(options.paths)).filter((f) => inShard(f, options.shard));
  // 2. Templates and themes, once for the build.
  const templates = await loadTemplates({ custom: options.templatesDir, themeFiles: options.themeFiles });
  checkBuildTheme(options.theme, templates);
  // 3. Services: the caller's (started early, ended by the caller) or the build's own, ended here.
  await using held = BuildServices.hold(options.services, options.session);
  const services = held.services.configure(
    { concurrency: options.concurrency, timeoutMs: options.timeoutMs, executablePath: options.executablePath },
    [...templates.themes.values()],
  );
  const manifest = await readManifest(options.out);
  if (!options.check) await collectStaging(options.out);
  const ctx: BuildContext = {
    options,
    templates,
    services,
    buildKey: await buildKey(options, templates),
    manifest,
    slugs: new SlugClaims(files),
    pages: files.length * 2,
    browser: needsOf(options.formats, options.fit ?? true).browser,
  };
  // 4. The briefings, `concurrency` at a time; each reports as it finishes.
  const results: BriefingResult[] = [];
  try {
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        options.onStart?.(file, files.length);
        const r = await buildBriefing(ctx, file);
        results.push(r);
        options.onResult?.(r);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, files.length)) }, worker));
  } finally {
    // 5. The manifest, for the next build to know what is unchanged.
    if (!options.check && results.some((r) => r.status === 'built')) await writeManifest(options.out, manifest, results.flatMap((r) => (r.status === 'built' && r.slug ? [r.slug] : [])));
  }
  results.sort((a, b) => a.file.localeCompare(b.file));
  return { results, durationMs: performance.now() - started, exitCode: worstOf(results) };
}

function worstOf(results: BriefingResult[]): ExitCode {
  return results.reduce<ExitCode>((code, r) => {
    if (r.status === 'stale') return Math.max(code, ExitCode.CONTENT) as ExitCode;
    return r.ok ? code : (Math.max(code, r.exitCode ?? ExitCode.CONTENT) as ExitCode);
  }, ExitCode.OK);
}
