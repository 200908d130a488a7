// A content file's bytes as text: UTF-8 or an error at the first byte that is not.
import { contentError } from '../errors.js';

export function decodeUtf8(bytes: Buffer, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, at).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw contentError({
      file,
      line,
      column,
      message: `file is not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at})`,
      hint: 'save the file as UTF-8 (for example: iconv -f latin1 -t utf-8 in.yaml > out.yaml)',
    });
  }
  return text.replace(/^\uFEFF/, '');
}

function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest invalid prefix; incomplete tails count as invalid only at the end.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  let at = Math.min(lo, bytes.length - 1);
  // A truncated sequence is detected at the byte after it: report the sequence's first byte.
  while (at > 0 && (bytes[at] ?? 0) < 0x80 && (bytes[at - 1] ?? 0) >= 0x80) at--;
  while (at > 0 && ((bytes[at] ?? 0) & 0xc0) === 0x80 && (bytes[at - 1] ?? 0) >= 0x80) at--;
  return at;
}
