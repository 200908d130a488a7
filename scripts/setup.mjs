#!/usr/bin/env node
// Makes a machine ready to build (and, with --test, to run the tests): dependencies installed,
// TypeScript compiled, a browser present. Each step checks first, so a ready machine costs ~0.1 s.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--test');
const say = (msg) => process.stderr.write(`setup: ${msg}\n`);
const fail = (msg, code = 3) => {
  process.stderr.write(`setup: ${msg}\n`);
  process.exit(code);
};

/** Runs a command; a failure ends setup, unless `soft`, when it returns false. */
function run(cmd, args, opts = {}, soft = false) {
  say(`${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status === 0) return true;
  if (!soft) fail(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`, 1);
  return false;
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`briefdeck needs Node.js 20.19 or newer; this is ${process.version}`);
}

/** npm ci when node_modules is missing or was installed from another package-lock.json. */
function ensureDependencies() {
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.briefdeck-lock');
  const want = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  // No dependency downloads a browser (puppeteer-core has no install script); this only guards older locks.
  run('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
  writeFileSync(stamp, want);
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** tsc when any source file is newer than the last compile. */
function ensureCompiled() {
  const stamp = path.join(root, 'dist', '.built');
  const sources = Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
  writeFileSync(stamp, new Date().toISOString());
}

const isRoot = () => process.getuid?.() === 0;
const isDebian = () => existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function aptInstall(packages, soft = false) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return run('apt-get', ['update', '-q'], { env }, soft) && run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env }, soft);
}

async function ensureBrowser() {
  const { findBrowser, installHint, isHeadlessShell } = await import(path.join(root, 'dist', 'browser', 'finder.js'));
  const canApt = process.platform === 'linux' && isRoot() && isDebian();
  let found;
  try {
    found = findBrowser();
  } catch {
    if (!canApt) fail(`no Chromium or Chrome found.\n  ${installHint()}`);
  }
  const triedShell = path.join(root, 'node_modules', '.briefdeck-no-headless-shell');
  if (found && (isHeadlessShell(found.executablePath) || found.via !== 'system' || !canApt || existsSync(triedShell))) return;
  // Debian's chromium-headless-shell starts and prints far faster than the full browser; install it
  // once beside a full Chromium (never fatal then: the full one still works).
  if (aptInstall(['chromium-headless-shell'], Boolean(found))) findBrowser();
  else {
    say(`note: could not install chromium-headless-shell; using ${found.executablePath}`);
    writeFileSync(triedShell, 'apt-get could not install chromium-headless-shell; delete this file to try again\n');
  }
}

/** The tests read PDFs back with poppler-utils and qpdf. */
function ensureTestTools() {
  const missing = [['pdfinfo', 'poppler-utils'], ['qpdf', 'qpdf'], ['soffice', 'libreoffice-impress']].filter(([cmd]) => !has(cmd)).map(([, pkg]) => pkg);
  if (!missing.length) return;
  if (process.platform === 'linux' && isRoot() && isDebian()) aptInstall(missing);
  else fail(`the tests need ${missing.join(' and ')}: install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}; macOS: brew install poppler qpdf && brew install --cask libreoffice)`);
}

checkNode();
ensureDependencies();
ensureCompiled();
await ensureBrowser();
if (forTests) ensureTestTools();
