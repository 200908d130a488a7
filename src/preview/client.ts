// The reload client the preview adds to the HTML it serves (never to files on disk), and the CSP that lets it run.
import { createHash } from 'node:crypto';

/** Where the client listens. */
export const EVENTS_PATH = '/__briefdeck/events';

/**
 * Reloads the page when the server's version of what it shows differs from the one it was served
 * with. location.reload() keeps the URL hash, and the deck keeps its slide in the hash: the reloaded
 * deck opens at the same slide.
 */
export const CLIENT_SCRIPT = `(() => {
  const me = document.currentScript;
  const key = me.dataset.key;
  const served = me.dataset.version;
  const boot = me.dataset.boot;
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('versions', (e) => {
    const d = JSON.parse(e.data);
    if (d.boot !== boot || String(d.versions[key] ?? 0) !== served) {
      events.close();
      location.reload();
    }
  });
})();`;

const CLIENT_HASH = `'sha256-${createHash('sha256').update(CLIENT_SCRIPT, 'utf8').digest('base64')}'`;

/** The CSP of the pages the preview makes itself (index, errors): its own styles and the client only. */
export const PAGE_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${CLIENT_HASH}; connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'`;

export interface ClientTag {
  key: string;
  version: number;
  boot: string;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function clientTag(t: ClientTag): string {
  return `<script data-key="${attr(t.key)}" data-version="${t.version}" data-boot="${attr(t.boot)}">${CLIENT_SCRIPT}</script>`;
}

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? _m;
    return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** A policy that also lets the client run and open its event stream; everything else stays as it was. */
export function allowClient(policy: string): string {
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  let sawScript = false;
  const out = directives.map((d) => {
    const [name = '', ...values] = d.split(/\s+/);
    const n = name.toLowerCase();
    if (n === 'script-src') {
      sawScript = true;
      return [name, ...values.filter((v) => v !== "'none'"), CLIENT_HASH].join(' ');
    }
    if (n === 'connect-src') return [name, ...values.filter((v) => v !== "'none'"), "'self'"].join(' ');
    return d;
  });
  if (!sawScript) out.push(`script-src ${CLIENT_HASH}`);
  if (!directives.some((d) => /^connect-src\b/i.test(d))) out.push("connect-src 'self'");
  return out.join('; ');
}

const CSP_META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"\s*\/?>/i;

/** The HTML as served: its CSP meta widened for the client, and the client before </body>. */
export function injectClient(html: string, tag: ClientTag): string {
  const withPolicy = html.replace(CSP_META, (_m, content: string) => `<meta http-equiv="Content-Security-Policy" content="${attr(allowClient(decode(content)))}">`);
  const script = clientTag(tag);
  const at = withPolicy.lastIndexOf('</body>');
  return at < 0 ? withPolicy + script : withPolicy.slice(0, at) + script + withPolicy.slice(at);
}
