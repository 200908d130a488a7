// Files the config brings in (the config itself, its logo) read only when they are regular files of
// a sane size: /dev/zero or a 50 MB logo would otherwise be read whole into memory.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { contentError, usageError } from './errors.js';

/** Largest config file, and largest logo (it is inlined into every deck and page as base64). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** What a path is when it is not a regular file, in words. */
export function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of `file`, refused (without blocking on a pipe, without reading a device) unless it is a
 * regular file of at most `max` bytes. `where` says whose field names it.
 */
export async function readBoundedFile(file: string, max: number, where: { config?: string; field?: string; what: string }): Promise<Buffer> {
  const fail = (message: string, hint?: string): never => {
    if (!where.config) throw usageError(message);
    throw contentError({ file: where.config, field: where.field, message, hint });
  };
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => fail(`${where.what} not found or unreadable: ${file}`, 'paths are relative to the config file'));
  try {
    const info = await handle.stat();
    if (!info.isFile()) fail(`${where.what} ${file} is ${kindOf(info)}, not a file`);
    if (info.size > max) fail(`${where.what} ${file} is ${(info.size / 1048576).toFixed(1)} MiB, over the ${(max / 1048576).toFixed(0)} MiB limit`, 'use a smaller file (an SVG, or a PNG of a few hundred pixels)');
    const bytes = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
