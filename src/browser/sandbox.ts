// The request sandbox: every page runs no scripts and loads nothing but its own document and data:
// URLs; each call on it is bounded by the session's timeout.
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';

/** The viewport every page starts with (a slide). */
export const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** Only the document itself and data: URLs may load; everything else is refused. */
function interceptRequests(page: Page): Promise<void> {
  page.on('request', (req: HTTPRequest) => {
    const url = req.url();
    if (url.startsWith('data:') || url === 'about:blank') void req.continue();
    else void req.abort('blockedbyclient');
  });
  return page.setRequestInterception(true);
}

/** A page (new, or the one given) that runs no scripts, loads nothing from outside and has a 1280x720 viewport. */
export async function sandboxedPage(from: Browser | Page, timeout: number): Promise<Page> {
  const page = 'newPage' in from ? await from.newPage() : from;
  page.setDefaultTimeout(timeout);
  await page.setViewport(DEFAULT_VIEWPORT);
  await page.setJavaScriptEnabled(false);
  await interceptRequests(page);
  return page;
}
