// What an image file really is, from its bytes, not its name: PNG, JPEG, GIF, WebP or SVG, and the
// pixel size its header declares (a 1 x 1 file may declare 60000 x 60000: a decompression bomb).

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

export const IMAGE_MIME: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml' };

/** Most pixels a raster image may declare (--max-image-pixels): 50 million, a 8660 x 5774 photo. */
export const DEFAULT_MAX_IMAGE_PIXELS = 50_000_000;

export interface SniffedImage {
  format: ImageFormat;
  mime: string;
  /** Declared pixel size; undefined for SVG (drawn at the size it is shown). */
  width?: number;
  height?: number;
}

/** Why bytes were refused: a sentence for the user. */
export class ImageRefused extends Error {}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => (u16be(b, at) * 65536) + u16be(b, at + 2);

function png(b: Uint8Array): SniffedImage {
  if (b.length < 24 || ascii(b, 12, 16) !== 'IHDR') throw new ImageRefused('a PNG without its header (IHDR): the file is cut short or damaged');
  return { format: 'png', mime: IMAGE_MIME.png, width: u32be(b, 16), height: u32be(b, 20) };
}

function gif(b: Uint8Array): SniffedImage {
  if (b.length < 10) throw new ImageRefused('a GIF cut short before its size');
  return { format: 'gif', mime: IMAGE_MIME.gif, width: u16le(b, 6), height: u16le(b, 8) };
}

function webp(b: Uint8Array): SniffedImage {
  const chunk = ascii(b, 12, 16);
  const size = (width: number, height: number): SniffedImage => ({ format: 'webp', mime: IMAGE_MIME.webp, width, height });
  if (chunk === 'VP8 ' && b.length >= 30) return size(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (chunk === 'VP8L' && b.length >= 25) {
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = b.subarray(21, 25);
    return size(1 + (b0 | ((b1 & 0x3f) << 8)), 1 + ((b1 >> 6) | (b2 << 2) | ((b3 & 0x0f) << 10)));
  }
  if (chunk === 'VP8X' && b.length >= 30) return size(1 + u24le(b, 24), 1 + u24le(b, 27));
  throw new ImageRefused('a WebP file without a readable image chunk (VP8, VP8L or VP8X)');
}

/** JPEG: walk the markers to the first start-of-frame, which holds the size. */
function jpeg(b: Uint8Array): SniffedImage {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) throw new ImageRefused('a JPEG whose markers are damaged');
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    // Markers without a length: TEM, RSTn.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { format: 'jpeg', mime: IMAGE_MIME.jpeg, height: u16be(b, at + 5), width: u16be(b, at + 7) };
    if (marker === 0xda || marker === 0xd9) break;
    at += 2 + u16be(b, at + 2);
  }
  throw new ImageRefused('a JPEG without a frame header (its size): the file is cut short or damaged');
}

/** SVG: UTF-8 text whose first element (after a declaration, comments and a doctype) is <svg>. */
function svg(b: Uint8Array): SniffedImage | undefined {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const rest = head.replace(/^\s*(<\?xml[\s\S]*?\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>)\s*)*/i, '');
  if (!/^<svg[\s>/]/i.test(rest) && !/^<[a-z][\w.-]*:svg[\s>]/i.test(rest)) return undefined;
  return { format: 'svg', mime: IMAGE_MIME.svg };
}

/** A few words on what the bytes look like instead, for the message. */
function describe(b: Uint8Array): string {
  if (b.length === 0) return 'the file is empty';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 512));
  if (/^\s*<(!doctype html|html|head|body)\b/i.test(text)) return 'the file is HTML, not an image';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'the file is a PDF, not an image';
  if (startsWith(b, [0x42, 0x4d])) return 'the file is a BMP, which is not supported';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0]) || startsWith(b, [0x4d, 0x4d, 0, 0x2a])) return 'the file is a TIFF, which is not supported';
  if (!text.includes('\uFFFD') && !/[\u0000-\u0008\u000e-\u001f]/.test(text)) return 'the file is text, not an image';
  return 'the file is not a PNG, JPEG, GIF, WebP or SVG image';
}

/** The image `bytes` hold, or an ImageRefused saying why not. */
export function sniffImage(bytes: Uint8Array): SniffedImage {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpeg(bytes);
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return gif(bytes);
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return webp(bytes);
  const asSvg = svg(bytes);
  if (asSvg) return asSvg;
  throw new ImageRefused(describe(bytes));
}

/** `sniffImage`, and a raster image's declared size checked against `maxPixels`. */
export function checkImage(bytes: Uint8Array, maxPixels = DEFAULT_MAX_IMAGE_PIXELS): SniffedImage {
  const image = sniffImage(bytes);
  if (image.width === undefined || image.height === undefined) return image;
  if (image.width === 0 || image.height === 0) throw new ImageRefused(`the ${image.format.toUpperCase()} declares a size of ${image.width} x ${image.height}: it has no pixels`);
  const pixels = image.width * image.height;
  if (pixels > maxPixels) {
    throw new ImageRefused(`the ${image.format.toUpperCase()} declares ${image.width} x ${image.height} pixels (${(pixels / 1e6).toFixed(1)} million), over the limit of ${(maxPixels / 1e6).toFixed(1)} million`);
  }
  return image;
}
