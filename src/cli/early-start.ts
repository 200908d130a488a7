// Starts what a build will surely need as the first thing `briefdeck build` does: Chromium (~0.3 s
// to boot) and a thread that loads Marp (~0.25 s). Both then get ready while the build loads its
// modules and reads the first briefing, instead of after.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findBrowser } from '../browser/finder.js';
import { Chromium } from '../browser/launch.js';
import { formatsFrom, needsBrowser, needsDeck } from '../formats.js';
import { MANIFEST_NAME } from '../output/manifest.js';
import { MarpThread } from '../render/marp-thread.js';

interface EarlyArgs {
  format: string[];
  out: string;
  force: boolean;
  check: boolean;
  watch: boolean;
}

export interface Started {
  browser?: Chromium;
  marp?: MarpThread;
}

/**
 * What was started: nothing when the build may not need it: --check, --watch (which keeps its own),
 * formats without decks or PDFs, or an output folder with a manifest, whose briefings may all be
 * unchanged. Anything unusual (an unknown format, no browser installed) is left for the build to report.
 */
export function startEarly(args: EarlyArgs): Started {
  let formats;
  try {
    formats = formatsFrom(args.format);
  } catch {
    return {};
  }
  if (args.check || args.watch) return {};
  if (!args.force && existsSync(path.join(args.out, MANIFEST_NAME))) return {};
  let browser: Chromium | undefined;
  try {
    if (needsBrowser(formats)) browser = Chromium.start(findBrowser().executablePath);
  } catch {
    // No browser: the build says so, in its words.
  }
  return { browser, marp: needsDeck(formats) ? MarpThread.start() : undefined };
}

/** Ends what `startEarly` started (whether or not the build used it). */
export async function stopEarly(started: Started): Promise<void> {
  await Promise.all([started.browser?.kill(), started.marp?.close()]);
}
