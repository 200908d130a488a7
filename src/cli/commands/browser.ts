// `briefdeck browser install`: downloads Chromium's headless shell (the build puppeteer-core is tested
// with) into puppeteer's cache, where the finder looks, with progress; says where it went.
import { existsSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Browser, computeExecutablePath, detectBrowserPlatform, install, resolveBuildId } from '@puppeteer/browsers';
import { PUPPETEER_REVISIONS } from 'puppeteer-core/internal/revisions.js';
import { browserCacheDir, installSteps } from '../../browser/install-hint.js';
import { environmentError, ExitCode, usageError } from '../../errors.js';
import type { Logger } from '../log.js';

export interface BrowserArgs {
  action: string;
  build?: string;
  path?: string;
}

const MB = 1024 * 1024;

/** A progress line: redrawn on a terminal, every tenth printed elsewhere (CI logs). */
function progress(log: Logger): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 0;
    const text = `downloading ${(done / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB (${pct}%)`;
    if (log.interactive) return log.status(text);
    if (Math.floor(pct / 10) > lastTenth) {
      lastTenth = Math.floor(pct / 10);
      log.info(text);
    }
  };
}

export async function runBrowser(args: BrowserArgs, log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (args.action !== 'install') throw usageError(`unknown browser action ${args.action}`, 'briefdeck browser install');
  const platform = detectBrowserPlatform();
  if (!platform) throw environmentError(`no headless shell is built for ${process.platform} ${process.arch}`, installSteps().at(-1));
  const cacheDir = args.path ?? browserCacheDir(env);
  const browser = Browser.CHROMEHEADLESSSHELL;
  const baseUrl = env.PUPPETEER_CHROME_HEADLESS_SHELL_DOWNLOAD_BASE_URL ?? env.PUPPETEER_DOWNLOAD_BASE_URL;
  const wanted = args.build ?? PUPPETEER_REVISIONS['chrome-headless-shell'];
  let buildId = wanted;
  try {
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(wanted)) buildId = await resolveBuildId(browser, platform, wanted);
  } catch (e) {
    throw offline(`could not look up the ${wanted} build`, e);
  }
  const executable = computeExecutablePath({ browser, buildId, cacheDir, platform });
  if (existsSync(executable)) {
    log.info(`${log.green('✓')} chrome-headless-shell ${buildId} is already installed: ${executable}`);
    return ExitCode.OK;
  }
  log.info(`Installing chrome-headless-shell ${buildId} (${platform}) into ${cacheDir}`);
  try {
    const installed = await install({ browser, buildId, cacheDir, platform, baseUrl, downloadProgressCallback: progress(log) });
    log.status('');
    if (log.interactive) log.info('');
    log.info(`${log.green('✓')} installed: ${installed.executablePath}`);
    log.info(log.dim(args.path && args.path !== browserCacheDir(env) ? `briefdeck finds it with BRIEFDECK_CHROME=${installed.executablePath}` : 'briefdeck finds it there by itself (npx briefdeck doctor shows which browser it uses)'));
    return ExitCode.OK;
  } catch (e) {
    if (log.interactive) log.info('');
    // Nothing half-installed stays behind: the build's folder, and the browser's if that leaves it empty.
    rmSync(path.join(cacheDir, browser, `${platform}-${buildId}`), { recursive: true, force: true });
    try {
      rmdirSync(path.join(cacheDir, browser));
    } catch {
      // Not empty (other builds), or not there.
    }
    throw offline(`could not download chrome-headless-shell ${buildId}${baseUrl ? ` from ${baseUrl}` : ''}`, e);
  }
}

function offline(what: string, cause: unknown) {
  const why = cause instanceof Error ? cause.message : String(cause);
  const steps = installSteps().filter((s) => !/\bonline: npx/.test(s));
  return environmentError(`${what}: ${why}`, steps.join('\n    '), cause);
}
