// Control characters never reach the terminal raw, nor PDF metadata; long values are shortened.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { Logger } from '../../src/cli/log.js';
import { printable, shorten, shortenValues, withoutControls } from '../../src/text-safety.js';
import { TextSink } from '../helpers/cli.js';

describe('text safety', () => {
  it('escapes ESC, BEL, C1 controls and bidi overrides', () => {
    expect(printable('a\u001b]0;pwned\u0007b\u009bc\u202Ed')).toBe('a\\x1B]0;pwned\\x07b\\x9Bc\\u202Ed');
    expect(printable('one\ntwo\ttab', true)).toBe('one\ntwo\\ttab');
    expect(printable('one\ntwo')).toBe('one\\ntwo');
  });

  it('removes controls from metadata text', () => {
    expect(withoutControls('Title\u001b[2J\u0007 here\u0000')).toBe('Title [2J here');
  });

  it('shortens long quoted values and long unbroken runs', () => {
    const long = 'x'.repeat(20_000);
    expect(shorten(long)).toBe(`${'x'.repeat(120)}… (+19,880 characters)`);
    const msg = shortenValues(`slide 3 ("${long}") overflows by 4px`);
    expect(msg.length).toBeLessThan(200);
    expect(msg).toMatch(/^slide 3 \("x{120}… \(\+19,880 characters\)"\) overflows by 4px$/);
    expect(shortenValues(`image not found: ${'a/'.repeat(500)}`).length).toBeLessThan(300);
  });

  it('every diagnostic part is escaped and shortened', () => {
    const text = formatDiagnostic({ file: 'c/\u001b[2Jx.yaml', line: 2, column: 3, field: 'title', message: `bad "${'\u0007'.repeat(3)}${'y'.repeat(5000)}"`, hint: 'fix\u001b' });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toContain('c/\\x1B[2Jx.yaml:2:3 title: bad "\\x07\\x07\\x07');
    expect(text.length).toBeLessThan(400);
  });

  it('the logger lets through only its own colours', () => {
    const make = (isTTY: boolean) => {
      const stderr = new TextSink();
      const log = new Logger({ stdout: new TextSink(), stderr, env: {}, isTTY });
      log.warn(`title "\u001b]0;evil\u0007" ok`);
      log.error('x');
      return stderr.text;
    };
    const tty = make(true);
    expect(tty).toContain('\u001b[33mwarning\u001b[0m');
    expect(tty).toContain('title "\\x1B]0;evil\\x07" ok');
    expect(tty.replace(/\u001b\[(0|31|33)m/g, '')).not.toMatch(/\u001b/);
    expect(make(false)).not.toMatch(/\u001b/);
  });
});
