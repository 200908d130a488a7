// briefdeck starts Chromium itself (before puppeteer loads) and must pass what puppeteer.launch() would:
// tagged PDFs, document outlines, sRGB colours and the rest. This keeps the two in step on upgrades.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumArgs } from '../../src/browser/launch.js';

const puppeteer = createRequire(import.meta.url)('puppeteer-core') as typeof import('puppeteer-core').default;
const sandbox = process.getuid?.() === 0 || process.env.CI ? ['--no-sandbox'] : [];

describe('chromiumArgs', () => {
  it.each([
    ['/usr/bin/chromium-headless-shell', 'shell' as const],
    ['/usr/bin/chromium', true],
  ])('%s: the command line puppeteer.launch() makes, with ours', (executable, headless) => {
    expect(chromiumArgs(executable)).toEqual(puppeteer.defaultArgs({ headless, args: [...CHROMIUM_ARGS, ...sandbox] }));
  });

  it('asks for tagged PDFs with document outlines', () => {
    expect(chromiumArgs('/usr/bin/chromium')).toEqual(expect.arrayContaining(['--export-tagged-pdf', '--generate-pdf-document-outline']));
  });
});

describe("puppeteer's parts that briefdeck loads alone (browser/life.ts)", () => {
  it('are where this puppeteer-core has them: its CDP connector and its environment', () => {
    const require = createRequire(import.meta.url);
    const { _connectToCdpBrowser } = require('puppeteer-core/internal/cdp/BrowserConnector.js') as { _connectToCdpBrowser?: unknown };
    const { environment } = require('puppeteer-core/internal/environment.js') as { environment?: { value?: unknown } };
    // Were either gone, a build would still connect (through the main module), only slower to start.
    expect(typeof _connectToCdpBrowser).toBe('function');
    expect(environment?.value).toBeTypeOf('object');
  });
});
