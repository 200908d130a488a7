// Chromium profiles in TMPDIR: made fresh for each browser, removed as it exits, and collected at the
// next start when a killed build left one behind. Only folders with our prefix, only real folders (not
// links), and only those no running process can be using.
import { lstatSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from '../output/hygiene.js';

/** Chromium profiles: `briefdeck-chromium-<pid>-<random>` in TMPDIR. */
export const PROFILE_PREFIX = 'briefdeck-chromium-';
/** Named with the id of the briefdeck process that made it. */
const WITH_PID = /^briefdeck-chromium-(\d+)-[A-Za-z0-9]{6}$/;
/** Made by briefdeck 0.1 before the pid was in the name (mkdtemp's six random characters). */
const WITHOUT_PID = /^briefdeck-chromium-[A-Za-z0-9]{6}$/;
/** A profile without a pid, or whose pid now belongs to another program, is stale once untouched this long. */
export const PROFILE_STALE_MS = 60 * 60 * 1000;

export interface ProfileScan {
  /** Now, in ms (for tests). */
  now?: number;
  /** The --user-data-dir of every running process, or undefined where that cannot be known (no /proc). */
  inUse?: () => Set<string> | undefined;
}

/**
 * Removes the Chromium profiles in `tmp` that killed builds left: those named after a briefdeck
 * process no longer running, and those untouched for an hour that no running process has as its
 * --user-data-dir (made before pids were in the name, or named after a pid the system has since given
 * to another program). Sync: called as Chromium starts. Returns the names removed.
 */
export function collectProfiles(tmp = os.tmpdir(), scan: ProfileScan = {}): string[] {
  let names: string[];
  try {
    names = readdirSync(tmp).filter((n) => n.startsWith(PROFILE_PREFIX));
  } catch {
    return [];
  }
  const now = scan.now ?? Date.now();
  let table: { dirs?: Set<string> } | undefined;
  /** True, false, or undefined where no process table can be read. */
  const held = (dir: string): boolean | undefined => {
    table ??= { dirs: (scan.inUse ?? userDataDirs)() };
    return table.dirs?.has(dir);
  };
  const removed: string[] = [];
  for (const name of names) {
    const dir = path.resolve(tmp, name);
    const pid = WITH_PID.exec(name)?.[1];
    if (pid === undefined && !WITHOUT_PID.test(name)) continue;
    try {
      if (lstatSync(dir).isSymbolicLink() || !statSync(dir).isDirectory()) continue;
      if (!stale(pid, dir, now, held)) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another build's clean-up got there first, or the folder is not ours to remove.
    }
  }
  return removed;
}

/**
 * A profile named after a process no longer running is stale. One untouched for an hour is stale when
 * no running process uses it; without a process table (no /proc), only one made before pids were in
 * names is judged by its age alone, since a running briefdeck may have left its own idle that long.
 */
function stale(pid: string | undefined, dir: string, now: number, held: (dir: string) => boolean | undefined): boolean {
  if (pid !== undefined && !isRunning(Number(pid))) return true;
  if (now - lastTouched(dir) < PROFILE_STALE_MS) return false;
  const inUse = held(dir);
  return pid === undefined ? inUse !== true : inUse === false;
}

/** The newest modification time of the profile, its entries and those of its `Default` folder. */
function lastTouched(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const sub of [dir, path.join(dir, 'Default')]) {
    let entries: string[];
    try {
      entries = readdirSync(sub);
    } catch {
      continue;
    }
    for (const e of entries) {
      try {
        newest = Math.max(newest, lstatSync(path.join(sub, e)).mtimeMs);
      } catch {
        // Gone meanwhile.
      }
    }
  }
  return newest;
}

/** The --user-data-dir of every process whose command line we can read (Linux's /proc); undefined elsewhere. */
export function userDataDirs(): Set<string> | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return undefined;
  }
  const dirs = new Set<string>();
  for (const pid of pids) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    for (const arg of cmdline.split('\0')) {
      if (arg.startsWith('--user-data-dir=')) dirs.add(path.resolve(arg.slice('--user-data-dir='.length)));
    }
  }
  return dirs;
}
