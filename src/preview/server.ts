// The preview's HTTP server: the index, the built files of the output folder (and nothing else on
// disk), error pages in place of briefings that failed, and the event stream that reloads pages.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { environmentError } from '../errors.js';
import { EVENTS_PATH, PAGE_CSP, injectClient, type ClientTag } from './client.js';
import { errorPage } from './error-page.js';
import { indexPage } from './index-page.js';
import { esc, page } from './page.js';
import { contentType, pathSegments, resolveServed } from './paths.js';
import { EventHub } from './sse.js';
import { INDEX_KEY, pageKey, type PreviewState } from './state.js';

export interface ServerOptions {
  state: PreviewState;
  /** The output folder: the only place files are served from. */
  out: string;
  /** The content paths being watched (shown on the index). */
  watching: string[];
  host: string;
  port: number;
}

const LOOPBACK_NAMES = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;
export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

const BASE_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

export class PreviewServer {
  readonly hub = new EventHub();
  private readonly server: Server;

  constructor(private readonly o: ServerOptions) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) this.text(res, 500, `internal error: ${e instanceof Error ? e.message : String(e)}`);
        else res.end();
      });
    });
  }

  /** Listens; resolves with the URL of the index. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      const failed = (e: NodeJS.ErrnoException) => {
        const hint = e.code === 'EADDRINUSE' ? 'another program uses that port: pass --port with another number, or --port 0 for any free one' : 'check --host and --port';
        reject(environmentError(`cannot listen on ${this.o.host}:${this.o.port}: ${e.code ?? e.message}`, hint, e));
      };
      this.server.once('error', failed);
      this.server.listen(this.o.port, this.o.host, () => {
        this.server.off('error', failed);
        resolve();
      });
    });
    const a = this.server.address() as AddressInfo;
    const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
    return `http://${host}:${a.port}/`;
  }

  /** Tells open pages what changed. */
  announce(): void {
    this.hub.send('versions', this.o.state.snapshot());
  }

  async close(): Promise<void> {
    this.hub.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private tag(key: string): ClientTag {
    return { key, version: this.o.state.version(key), boot: this.o.state.boot };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Bound to loopback, a page elsewhere must not reach us through a name that resolves here (DNS rebinding).
    if (isLoopback(this.o.host) && !LOOPBACK_NAMES.test(req.headers.host ?? '')) return this.text(res, 403, 'forbidden host');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return this.text(res, 405, 'method not allowed');
    }
    const url = req.url ?? '/';
    const route = url.split(/[?#]/, 1)[0] ?? '/';
    if (route === EVENTS_PATH) return this.hub.attach(res, { event: 'versions', data: this.o.state.snapshot() });
    if (route === '/' || route === '/index.html') {
      const { state } = this.o;
      return this.html(res, 200, await indexPage({ entries: state.list(), problem: state.problem, watching: this.o.watching, out: this.o.out, client: this.tag(INDEX_KEY) }));
    }
    const segments = pathSegments(url);
    if (!Array.isArray(segments)) return this.text(res, segments.status, segments.reason);
    if (segments[0] === '__briefdeck' && segments[1] === 'view' && segments.length === 4) return this.pdfView(res, segments[2] ?? '', segments[3] ?? '');
    const [slug = '', ...rest] = segments;
    if (rest.length === 0) return this.redirect(res, `/${encodeURIComponent(slug)}/deck.html`);
    // A briefing that failed shows its errors where its deck or briefing would be.
    const entry = this.o.state.bySlug(slug);
    const name = rest.join('/');
    const { problem } = this.o.state;
    if (entry && (problem.length || !entry.result.ok) && rest.length === 1 && /^(deck\.html|briefing\.pdf|deck\.pdf|handout\.pdf)$/.test(name)) {
      const key = pageKey(slug, name.endsWith('.pdf') ? 'pdf' : 'html');
      const errors = problem.length ? problem : entry.result.errors;
      return this.html(res, 200, await errorPage({ slug, file: problem.length ? undefined : entry.file, errors, client: this.tag(key) }));
    }
    const found = await resolveServed(this.o.out, url);
    if (!('file' in found)) return this.text(res, found.status, found.status === 404 ? `not found: ${route}` : found.reason);
    if (path.extname(found.file).toLowerCase() === '.html') {
      const html = await readFile(found.file, 'utf8');
      res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : injectClient(html, this.tag(slug)));
      return;
    }
    const body = await readFile(found.file);
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': contentType(found.file), 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** A PDF in a frame, on a page that reloads when the briefing is rebuilt. */
  private async pdfView(res: ServerResponse, slug: string, name: string): Promise<void> {
    const entry = this.o.state.bySlug(slug);
    if (!entry || !/\.pdf$/.test(name)) return this.text(res, 404, 'not found');
    const key = pageKey(slug, 'pdf');
    if (!entry.result.ok) return this.html(res, 200, await errorPage({ slug, file: entry.file, errors: entry.result.errors, client: this.tag(key) }));
    const src = `/${encodeURIComponent(slug)}/${encodeURIComponent(name)}`;
    return this.html(res, 200, page(`${slug}: ${name}`, `<p class="meta"><a href="/">All briefings</a> · <a href="${src}">${esc(name)}</a> · reloads when ${esc(entry.file)} is saved</p>\n<iframe src="${src}" title="${esc(name)}"></iframe>`, this.tag(key)));
  }

  private html(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP });
    res.end(html);
  }

  private text(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${text}\n`);
  }

  private redirect(res: ServerResponse, to: string): void {
    res.writeHead(302, { ...BASE_HEADERS, Location: to });
    res.end();
  }
}
