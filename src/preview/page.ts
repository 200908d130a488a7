// The frame of the pages the preview makes itself (index and errors): one stylesheet, the reload client.
import { clientTag, type ClientTag } from './client.js';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
:root { color-scheme: light; --ink: #14213d; --muted: #5b6472; --line: #d9dde3; --paper: #fafaf7; --bad: #a4161a; --ok: #1b7f3b; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
header { background: var(--ink); color: #fff; padding: 14px 32px; display: flex; gap: 16px; align-items: baseline; }
header a { color: #fff; text-decoration: none; font-weight: 700; }
header span { color: #c9d1dc; font-size: 14px; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 26px; margin: 8px 0 20px; line-height: 1.25; }
h2 { font-size: 18px; margin: 0; }
a { color: #1d4ed8; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 0 0 14px; }
.card.failed { border-left: 5px solid var(--bad); }
.card.ok { border-left: 5px solid var(--ok); }
.meta { color: var(--muted); font-size: 14px; margin: 2px 0 8px; }
.links { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 15px; }
.status { font-size: 13px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.failed .status, .bad { color: var(--bad); }
.ok .status { color: var(--ok); }
.diag { margin: 10px 0 0; padding: 12px 14px; background: #fff5f5; border: 1px solid #f1c0c0; border-radius: 4px; }
.diag .where { font: 600 14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.diag .field { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #fde2e2; padding: 0 4px; border-radius: 3px; }
.diag .hint { color: var(--muted); margin-top: 4px; }
pre { margin: 10px 0 0; padding: 8px 0; background: #f6f7f9; border-radius: 4px; overflow-x: auto; font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre span { display: block; padding: 0 12px; white-space: pre; }
pre span.here { background: #fde2e2; }
pre b { display: inline-block; width: 4ch; color: var(--muted); font-weight: 400; text-align: right; margin-right: 12px; }
.empty { color: var(--muted); }
iframe { width: 100%; height: calc(100vh - 120px); border: 1px solid var(--line); background: #fff; }
`;

export function page(title: string, body: string, client: ClientTag): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><a href="/">briefdeck preview</a><span>rebuilds and reloads as you save</span></header>
<main>
${body}
</main>
${clientTag(client)}
</body>
</html>
`;
}
