// Which browser briefdeck drives: the headless shell is recognised (it launches as headless 'shell'),
// an explicit BRIEFDECK_CHROME wins, and a wrong one is a clear environment error.
import { describe, expect, it } from 'vitest';
import { findBrowser, isHeadlessShell } from '../../src/browser/finder.js';
import { isBriefdeckError } from '../../src/errors.js';

describe('isHeadlessShell', () => {
  it.each([
    ['/usr/bin/chromium-headless-shell', true],
    ['/root/.cache/puppeteer/chrome-headless-shell/linux-131/chrome-headless-shell-linux64/chrome-headless-shell', true],
    ['C:\\Users\\me\\chrome-headless-shell-win64\\chrome-headless-shell.exe', true],
    ['/usr/bin/chromium', false],
    ['/opt/headless-shell-docs/chromium', false],
    ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', false],
  ])('%s → %s', (file, shell) => {
    expect(isHeadlessShell(file)).toBe(shell);
  });
});

describe('findBrowser', () => {
  it('takes BRIEFDECK_CHROME first, and refuses one that is not an executable', () => {
    expect(findBrowser({ BRIEFDECK_CHROME: process.execPath })).toEqual({ executablePath: process.execPath, via: 'BRIEFDECK_CHROME' });
    let error: unknown;
    try {
      findBrowser({ BRIEFDECK_CHROME: '/nonexistent/chrome' });
    } catch (e) {
      error = e;
    }
    expect(isBriefdeckError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/BRIEFDECK_CHROME is set to \/nonexistent\/chrome/);
  });
});
