// Starts Chromium as the first thing `briefdeck build` does, when the build will surely need it: it
// then boots (~0.3 s) while the build loads its modules and renders, instead of after.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findBrowser } from '../browser/finder.js';
import { Chromium } from '../browser/launch.js';
import { formatsFrom, needsBrowser } from '../formats.js';
import { MANIFEST_NAME } from '../output/manifest.js';

interface EarlyArgs {
  format: string[];
  out: string;
  force: boolean;
  check: boolean;
  watch: boolean;
}

/**
 * A started browser, or undefined when the build may not need one: --check, --watch (which keeps its
 * own), only html or md, or an output folder with a manifest, whose briefings may all be unchanged.
 * Anything unusual (an unknown format, no browser installed) is left for the build to report.
 */
export function startBrowserEarly(args: EarlyArgs): Chromium | undefined {
  try {
    if (args.check || args.watch || !needsBrowser(formatsFrom(args.format))) return undefined;
    if (!args.force && existsSync(path.join(args.out, MANIFEST_NAME))) return undefined;
    return Chromium.start(findBrowser().executablePath);
  } catch {
    return undefined;
  }
}
