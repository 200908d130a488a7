// From the command line (and the config file) to BuildOptions: the one place that reads both.
import { BriefdeckError, ExitCode } from '../errors.js';
import type { BuildOptions } from '../build.js';
import { formatsFrom } from '../formats/registry.js';
import { loadConfig } from '../config.js';
import { limitsFrom } from './limits.js';
import type { BuildArgs } from './options.js';

export function parseShard(s: string | undefined): BuildOptions['shard'] {
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new BriefdeckError(ExitCode.USAGE, { message: `--shard ${s}: expected k/n with 1 ≤ k ≤ n, e.g. 1/4` });
  }
  return { index, count };
}

export async function buildOptionsFrom(args: BuildArgs): Promise<BuildOptions> {
  const config = await loadConfig({ file: args.config });
  return {
    paths: args.paths.length ? [...args.paths] : ['content'],
    out: args.out,
    formats: formatsFrom(args.format),
    pdfNotes: args['pdf-notes'],
    handoutPerPage: args['handout-per-page'] === 2 ? 2 : 3,
    scale: args.scale > 0 && args.scale <= 4 ? args.scale : 1.5,
    paper: args.paper ?? config.paper ?? 'a4',
    theme: args.theme ?? config.theme ?? 'briefing',
    branding: { organisation: config.organisation, logo: config.logo, colors: config.colors },
    defaultMarking: config.defaultMarking,
    concurrency: Math.max(1, Math.floor(args.concurrency)),
    timeoutMs: Math.max(1, args.timeout) * 1000,
    strict: args.strict,
    fit: args.fit,
    force: args.force,
    check: args.check,
    shard: parseShard(args.shard),
    limits: limitsFrom(args),
    templatesDir: args.templates ?? config.templates,
    themeFiles: [...config.themes, ...(args['theme-css'] ?? [])],
  };
}
