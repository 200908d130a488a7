// The facts `briefdeck doctor` reports, one check each: the project and its config, the content, the
// browser (which, why, version, whether it starts and prints), the fonts, the caches.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findBrowser, isHeadlessShell, type FoundBrowser } from '../../browser/finder.js';
import { browserCacheDir, installSteps } from '../../browser/install-hint.js';
import { CHROMIUM_ARGS } from '../../browser/launch.js';
import { loadConfig } from '../../config.js';
import { discoverContent } from '../../content/discover.js';
import { formatDiagnostic, isBriefdeckError } from '../../errors.js';
import { findProjectRoot, type ProjectRoot } from '../../project-root.js';
import { FACES } from '../../render/fonts.js';

export interface Check {
  label: string;
  ok: boolean;
  text: string;
  /** What to do about it, when not ok. */
  fix?: string;
}

const WHY: Record<string, string> = {
  BRIEFDECK_CHROME: 'BRIEFDECK_CHROME is set',
  PUPPETEER_EXECUTABLE_PATH: 'PUPPETEER_EXECUTABLE_PATH is set',
  system: 'the first found in the system\'s usual places, which rank headless shells first',
  'puppeteer cache': `in puppeteer's cache, no system browser found`,
};

const message = (e: unknown) => (isBriefdeckError(e) ? e.diagnostics.map(formatDiagnostic).join('; ') : e instanceof Error ? e.message : String(e));

export function projectCheck(cwd: string): { root: ProjectRoot; check: Check } {
  const root = findProjectRoot(cwd);
  const how = { config: `found by ${path.basename(root.config ?? '')}`, 'package.json': 'found by package.json', cwd: 'no briefdeck.config.* or package.json above: the current folder' }[root.via];
  return { root, check: { label: 'project', ok: true, text: `${root.dir} (${how})` } };
}

export async function configCheck(root: ProjectRoot): Promise<Check> {
  if (!root.config) return { label: 'config', ok: true, text: 'none (the defaults; briefdeck init writes briefdeck.config.yaml)' };
  try {
    const c = await loadConfig({ file: root.config });
    const set = ['organisation', 'logo', 'theme', 'paper', 'defaultMarking', 'templates'].filter((k) => c[k as keyof typeof c] !== undefined);
    return { label: 'config', ok: true, text: `${root.config}, valid${set.length ? ` (sets ${set.join(', ')})` : ''}` };
  } catch (e) {
    return { label: 'config', ok: false, text: message(e), fix: 'npx briefdeck validate shows every problem' };
  }
}

export async function contentCheck(root: ProjectRoot): Promise<Check> {
  const dir = path.join(root.dir, 'content');
  if (!existsSync(dir)) return { label: 'content', ok: true, text: `${dir} does not exist (briefdeck init writes an example)` };
  const files = await discoverContent([dir]).catch(() => []);
  return { label: 'content', ok: true, text: `${dir}: ${files.length} file${files.length === 1 ? '' : 's'}` };
}

export function browserFind(env: NodeJS.ProcessEnv): { found?: FoundBrowser; check: Check } {
  try {
    const found = findBrowser(env);
    const kind = isHeadlessShell(found.executablePath) ? 'headless shell' : 'full browser';
    return { found, check: { label: 'browser', ok: true, text: `${found.executablePath} (${kind}; ${WHY[found.via] ?? found.via})` } };
  } catch (e) {
    const hint = isBriefdeckError(e) ? e.diagnostics[0]?.hint : undefined;
    const steps = installSteps();
    // The finder's hint is the install steps, or (a variable pointing nowhere) what to do first.
    const fix = hint && !hint.startsWith(steps[0] ?? '') ? [hint, ...steps] : steps;
    return { check: { label: 'browser', ok: false, text: isBriefdeckError(e) ? (e.diagnostics[0]?.message ?? message(e)) : message(e), fix: fix.join('\n') } };
  }
}

/** Starts the browser as a build would, prints one page, and closes it: its version, or why not. */
export async function browserStart(found: FoundBrowser, timeoutMs: number): Promise<Check[]> {
  const puppeteer = createRequire(import.meta.url)('puppeteer-core') as typeof import('puppeteer-core').default;
  const started = performance.now();
  const sandbox = process.getuid?.() === 0 || process.env.CI ? ['--no-sandbox'] : [];
  let browser: import('puppeteer-core').Browser | undefined;
  try {
    browser = await puppeteer.launch({ executablePath: found.executablePath, headless: isHeadlessShell(found.executablePath) ? 'shell' : true, args: [...CHROMIUM_ARGS, ...sandbox], timeout: timeoutMs });
    const version = await browser.version();
    const page = await browser.newPage();
    await page.setContent('<p style="font-family: sans-serif">briefdeck doctor</p>');
    const pdf = await page.pdf({ format: 'A4', timeout: timeoutMs });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    return [
      { label: 'version', ok: true, text: version },
      { label: 'starts', ok: true, text: `yes: started and printed a ${pdf.length}-byte PDF in ${secs} s` },
    ];
  } catch (e) {
    const said = message(e).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4).join(' · ');
    return [{ label: 'starts', ok: false, text: `no: ${said}`, fix: 'if it names a missing library, install the browser with its dependencies (e.g. sudo apt-get install -y chromium-headless-shell), or set BRIEFDECK_CHROME to another browser' }];
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

/** The embedded fonts come from @fontsource packages: each must resolve. */
export function fontsCheck(): Check {
  const require = createRequire(import.meta.url);
  const missing = FACES.filter((f) => {
    try {
      require.resolve(`${f.pkg}/package.json`);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) return { label: 'fonts', ok: false, text: `missing ${missing.map((f) => f.pkg).join(', ')}`, fix: 'reinstall briefdeck (npm ci) so that its font packages are present' };
  return { label: 'fonts', ok: true, text: `${FACES.length} families embedded from @fontsource (${FACES.slice(0, 2).map((f) => f.family).join(', ')}, Noto Sans for other scripts); the system's fonts are not used` };
}

/** What is in puppeteer's browser cache, and where briefdeck keeps its compile cache. */
export function cacheCheck(env: NodeJS.ProcessEnv): Check {
  const dir = browserCacheDir(env);
  const builds: string[] = [];
  for (const product of ['chrome-headless-shell', 'chrome']) {
    const p = path.join(dir, product);
    if (existsSync(p)) for (const b of readdirSync(p)) builds.push(`${product} ${b}`);
  }
  const compile = env.BRIEFDECK_CACHE === '0' ? 'off (BRIEFDECK_CACHE=0)' : (env.BRIEFDECK_CACHE_DIR ?? "node_modules/.cache/briefdeck in briefdeck's install");
  return { label: 'cache', ok: true, text: `browsers: ${dir} (${builds.length ? builds.join(', ') : 'empty'}); templates: ${compile}` };
}
