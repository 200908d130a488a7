// `briefdeck browser install` against a local stand-in for Chrome for Testing's download server:
// it fetches the headless shell, says where it went (where the finder then finds it), does not fetch
// it twice, and on a closed network exits 3 with the offline ways and leaves nothing behind.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUPPETEER_REVISIONS } from 'puppeteer-core/internal/revisions.js';
import { runCli } from '../helpers/cli.js';

/** A zip archive of `files`, stored uncompressed, with Unix modes (what Chrome for Testing ships). */
function zip(files: { name: string; data: Buffer; mode: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(f.data.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(f.data.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | f.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, f.data);
    centrals.push(central, name);
    offset += local.length + name.length + f.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The build puppeteer-core is tested with: what `browser install` fetches without --build. */
const BUILD = PUPPETEER_REVISIONS['chrome-headless-shell'];
const archive = zip([{ name: 'chrome-headless-shell-linux64/chrome-headless-shell', data: Buffer.from('#!/bin/sh\necho HeadlessChrome\n'), mode: 0o755 }]);
let server: Server;
let baseUrl: string;
const requests: string[] = [];
let cache: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.url !== `/${BUILD}/linux64/chrome-headless-shell-linux64.zip`) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': archive.length });
    res.end(req.method === 'HEAD' ? undefined : archive);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cache = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-browsers-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(cache, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('briefdeck browser install', () => {
  it('downloads the headless shell puppeteer-core is tested with into the cache, and says where', async () => {
    const r = await runCli(['browser', 'install'], { PUPPETEER_CACHE_DIR: cache, PUPPETEER_DOWNLOAD_BASE_URL: baseUrl });
    expect(r.code, r.stderr).toBe(0);
    const executable = path.join(cache, 'chrome-headless-shell', `linux-${BUILD}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    expect(existsSync(executable)).toBe(true);
    expect(r.stderr).toContain(`installed: ${executable}`);
    expect(r.stderr).toMatch(/downloading 0\.0 of 0\.0 MB \(100%\)/);
    expect(r.stderr).toMatch(/finds it there by itself/);

    const again = await runCli(['browser', 'install', '--build', BUILD], { PUPPETEER_CACHE_DIR: cache, PUPPETEER_DOWNLOAD_BASE_URL: baseUrl });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already installed');
    expect(requests.filter((q) => q.startsWith('GET')).length).toBe(1);
  });

  it('offline: exits 3 naming the offline ways, with nothing left behind', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-browsers-'));
    try {
      const r = await runCli(['browser', 'install', '--path', empty], { PUPPETEER_DOWNLOAD_BASE_URL: 'http://127.0.0.1:9' });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/could not download chrome-headless-shell .* from http:\/\/127\.0\.0\.1:9/);
      expect(r.stderr).toMatch(/offline: run `npx briefdeck browser install` on a machine/);
      expect(r.stderr).not.toMatch(/online: npx/);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
