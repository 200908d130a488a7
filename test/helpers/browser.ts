// One Chromium session for a test file: started on first use, closed after the file's tests.
import { afterAll } from 'vitest';
import { findBrowser } from '../../src/browser/finder.js';
import { BrowserSession } from '../../src/browser/session.js';

/** Call at the top of a test file; the function it returns gives the file's one session. */
export function useBrowserSession(): () => BrowserSession {
  let session: BrowserSession | undefined;
  afterAll(async () => {
    await session?.close();
  });
  return () => (session ??= new BrowserSession({ executablePath: findBrowser().executablePath, concurrency: 1 }));
}
