// Stale Chromium profiles in TMPDIR: which are collected (our prefix, a real folder, its owner gone or
// untouched for an hour and used by no running process) and which are left alone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectProfiles, PROFILE_STALE_MS, userDataDirs } from '../../src/browser/profiles.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';

useTempDirs();

const HOUR_AGO = (Date.now() - PROFILE_STALE_MS - 60_000) / 1000;

/** A profile folder as Chromium leaves it (a Default folder with a file), dated `at` (seconds) if given. */
function profile(tmp: string, name: string, at?: number): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'Default'), { recursive: true });
  writeFileSync(path.join(dir, 'Default', 'Preferences'), '{}');
  if (at !== undefined) for (const p of [path.join(dir, 'Default', 'Preferences'), path.join(dir, 'Default'), dir]) utimesSync(p, at, at);
  return dir;
}

/** The id of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('collectProfiles', () => {
  it('removes old profiles without a pid that no process uses, and those of builds no longer running', async () => {
    const tmp = await tempDir();
    const dead = deadPid();
    profile(tmp, 'briefdeck-chromium-AbC123', HOUR_AGO);
    profile(tmp, `briefdeck-chromium-${dead}-Xy9zQ1`);
    const removed = collectProfiles(tmp, { inUse: () => new Set() });
    expect(removed.sort()).toEqual([`briefdeck-chromium-${dead}-Xy9zQ1`, 'briefdeck-chromium-AbC123'].sort());
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('keeps fresh profiles, profiles a process uses, links, files and other programs\' folders', async () => {
    const tmp = await tempDir();
    const target = await tempDir();
    profile(tmp, 'briefdeck-chromium-Fresh1');
    const held = profile(tmp, 'briefdeck-chromium-Held01', HOUR_AGO);
    profile(tmp, `briefdeck-chromium-${process.pid}-Mine01`, HOUR_AGO);
    profile(tmp, 'puppeteer_dev_chrome_profile-AbC123', HOUR_AGO);
    profile(tmp, 'briefdeck-chromium-notours-AbC123', HOUR_AGO);
    writeFileSync(path.join(tmp, 'briefdeck-chromium-File01'), 'x');
    utimesSync(path.join(tmp, 'briefdeck-chromium-File01'), HOUR_AGO, HOUR_AGO);
    writeFileSync(path.join(target, 'keep'), 'x');
    symlinkSync(target, path.join(tmp, 'briefdeck-chromium-Link01'));
    // This process's own profile: its Chromium has it as --user-data-dir.
    const own = path.join(tmp, `briefdeck-chromium-${process.pid}-Mine01`);
    const before = readdirSync(tmp).sort();
    expect(collectProfiles(tmp, { inUse: () => new Set([held, own]) })).toEqual([]);
    expect(readdirSync(tmp).sort()).toEqual(before);
    expect(existsSync(path.join(target, 'keep'))).toBe(true);
  });

  it('judges an old profile without a pid by its age alone where no process table can be read', async () => {
    const tmp = await tempDir();
    profile(tmp, 'briefdeck-chromium-Old001', HOUR_AGO);
    profile(tmp, 'briefdeck-chromium-New001');
    // A live build's own profile, idle for an hour: kept, since nothing says no process uses it.
    profile(tmp, `briefdeck-chromium-${process.pid}-Idle01`, HOUR_AGO);
    expect(collectProfiles(tmp, { inUse: () => undefined })).toEqual(['briefdeck-chromium-Old001']);
    expect(readdirSync(tmp).sort()).toEqual([`briefdeck-chromium-${process.pid}-Idle01`, 'briefdeck-chromium-New001']);
  });

  it('treats a file that changed within the hour as fresh, even in an old folder', async () => {
    const tmp = await tempDir();
    const dir = profile(tmp, 'briefdeck-chromium-Busy01', HOUR_AGO);
    writeFileSync(path.join(dir, 'Default', 'Cookies'), 'x');
    expect(collectProfiles(tmp, { inUse: () => new Set() })).toEqual([]);
  });

  it.runIf(existsSync('/proc/self/cmdline'))('reads from /proc which profiles running processes use', async () => {
    const tmp = await tempDir();
    const dir = profile(tmp, 'briefdeck-chromium-Live01', HOUR_AGO);
    // Any process with the profile as its --user-data-dir holds it, as a Chromium started on it would.
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', `--user-data-dir=${dir}`], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => holder.once('spawn', resolve));
      expect(userDataDirs()?.has(dir)).toBe(true);
      expect(collectProfiles(tmp)).toEqual([]);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect(collectProfiles(tmp)).toEqual(['briefdeck-chromium-Live01']);
    expect(existsSync(dir)).toBe(false);
  });
});
