// The image sniffer: formats from bytes, declared sizes from headers, bombs and non-images refused.
import { describe, expect, it } from 'vitest';
import { checkImage, ImageRefused, sniffImage } from '../../src/content/image-bytes.js';
import { png } from '../helpers/png.js';

const jpeg = (w: number, h: number) =>
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0, 11, 8, h >> 8, h & 255, w >> 8, w & 255, 1, 1, 0x11, 0, 0xff, 0xd9]);

describe('sniffImage', () => {
  it('reads PNG, JPEG, GIF and the three WebP kinds with their sizes', () => {
    expect(sniffImage(png(3, 2))).toMatchObject({ format: 'png', mime: 'image/png', width: 3, height: 2 });
    expect(sniffImage(jpeg(640, 480))).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0x20, 0x03, 0x58, 0x02]), Buffer.alloc(8)]);
    expect(sniffImage(gif)).toMatchObject({ format: 'gif', width: 800, height: 600 });
    const riff = (kind: string, body: number[]) => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.from(kind), Buffer.alloc(4), Buffer.from(body), Buffer.alloc(16)]);
    // VP8X: canvas 1000 x 500 stored minus one, 24-bit little-endian at 24 and 27.
    expect(sniffImage(riff('VP8X', [0, 0, 0, 0, 0xe7, 0x03, 0, 0xf3, 0x01, 0]))).toMatchObject({ format: 'webp', width: 1000, height: 500 });
    // VP8L: 14-bit width-1 and height-1 after the 0x2f signature byte.
    const w = 99, h = 49;
    const bits = w | (h << 14);
    expect(sniffImage(riff('VP8L', [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >> 24) & 255]))).toMatchObject({ width: 100, height: 50 });
    // VP8: the frame tag, the start code, then 14-bit sizes.
    expect(sniffImage(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00]))).toMatchObject({ width: 320, height: 240 });
  });

  it('knows SVG by its root element, after a declaration, comments and a doctype', () => {
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ format: 'svg', mime: 'image/svg+xml' });
    expect(sniffImage(Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg width="2"></svg>'))).toMatchObject({ format: 'svg' });
  });

  it('refuses what is not an image, saying what it is', () => {
    const refused = (b: Buffer) => {
      try {
        sniffImage(b);
      } catch (e) {
        expect(e).toBeInstanceOf(ImageRefused);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused(Buffer.from('<!DOCTYPE html><html><body>hi</body></html>'))).toMatch(/HTML, not an image/);
    expect(refused(Buffer.from('root:x:0:0:root:/root:/bin/bash\n'))).toMatch(/text, not an image/);
    expect(refused(Buffer.alloc(0))).toMatch(/empty/);
    expect(refused(Buffer.from('%PDF-1.7\n'))).toMatch(/PDF/);
    expect(refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatch(/cut short/);
    expect(refused(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2, 0xff, 0xda, 0, 2, 0, 0, 0, 0]))).toMatch(/frame header/);
    expect(refused(Buffer.from([0, 1, 2, 3, 200, 201, 202, 7, 8]))).toMatch(/not a PNG, JPEG, GIF, WebP or SVG/);
  });
});

describe('checkImage', () => {
  it('refuses a 1 x 1 file declaring 60000 x 60000, and zlib bombs over the limit', () => {
    expect(() => checkImage(png(60000, 60000, 1))).toThrow(/60000 x 60000 pixels \(3600\.0 million\), over the limit of 50\.0 million/);
    expect(() => checkImage(png(30000, 30000, 30))).toThrow(/over the limit/);
    expect(() => checkImage(jpeg(10000, 10000))).toThrow(/JPEG declares 10000 x 10000/);
    expect(() => checkImage(png(0, 5))).toThrow(/no pixels/);
  });

  it('accepts what is within the limit, and the limit can be raised', () => {
    expect(checkImage(png(8000, 6000, 1)).width).toBe(8000);
    expect(() => checkImage(png(30000, 30000, 1))).toThrow(/over the limit/);
    expect(checkImage(png(30000, 30000, 1), 1e9).height).toBe(30000);
  });
});
