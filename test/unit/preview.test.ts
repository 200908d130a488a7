// The preview's pure decisions: which request paths may be served, the CSP that lets the reload
// client run, the client added to served HTML only, and which pages a build result reloads.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowClient, CLIENT_SCRIPT, injectClient } from '../../src/preview/client.js';
import { excerpt } from '../../src/preview/error-page.js';
import { pathSegments, resolveServed } from '../../src/preview/paths.js';
import { pageKey, PreviewState } from '../../src/preview/state.js';
import type { BriefingResult } from '../../src/build.js';
import { tempDir, useTempDirs } from '../helpers/tmp.js';
import { createHash } from 'node:crypto';

useTempDirs();

describe('pathSegments', () => {
  it('decodes ordinary paths', () => {
    expect(pathSegments('/alpha/deck.html?x=1#3')).toEqual(['alpha', 'deck.html']);
    expect(pathSegments('/caf%C3%A9/deck.html')).toEqual(['café', 'deck.html']);
    expect(pathSegments('/')).toEqual([]);
  });

  it.each(['/../package.json', '/a/../../x', '/%2e%2e/x', '/%2E%2E/x', '/a/..%2fx', '/a/%2F/x', '/..%5cx', '/..\\x', '/a/./b', '/%00/x', '/a%00b'])('refuses %s', (p) => {
    const r = pathSegments(p);
    expect(Array.isArray(r)).toBe(false);
    expect(r).toMatchObject({ status: 403 });
  });

  it('hides dotfiles and rejects malformed encoding', () => {
    expect(pathSegments('/.briefdeck-manifest.json')).toMatchObject({ status: 404 });
    expect(pathSegments('/.alpha.staging-1/deck.html')).toMatchObject({ status: 404 });
    expect(pathSegments('/%E0%A4%A/x')).toMatchObject({ status: 400 });
    expect(pathSegments('relative')).toMatchObject({ status: 400 });
  });
});

describe('resolveServed', () => {
  it('serves files inside the folder, not links out of it or folders', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await mkdir(path.join(root, 'alpha'));
    await writeFile(path.join(root, 'alpha', 'deck.html'), 'x');
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'alpha', 'leak.txt'));
    await symlink(outside, path.join(root, 'dir-leak'));
    await symlink(path.join(root, 'alpha', 'deck.html'), path.join(root, 'alpha', 'same.html'));
    expect(await resolveServed(root, '/alpha/deck.html')).toEqual({ file: path.join(await import('node:fs/promises').then((f) => f.realpath(root)), 'alpha', 'deck.html') });
    expect(await resolveServed(root, '/alpha/leak.txt')).toMatchObject({ status: 403 });
    expect(await resolveServed(root, '/dir-leak/secret.txt')).toMatchObject({ status: 403 });
    expect(await resolveServed(root, '/alpha/same.html')).toHaveProperty('file');
    expect(await resolveServed(root, '/alpha')).toMatchObject({ status: 404 });
    expect(await resolveServed(root, '/alpha/none.pdf')).toMatchObject({ status: 404 });
  });
});

describe('the reload client', () => {
  const hash = `'sha256-${createHash('sha256').update(CLIENT_SCRIPT).digest('base64')}'`;
  it('is allowed by its hash and may connect to the server, the rest of the policy unchanged', () => {
    const p = allowClient("default-src 'none'; img-src data:; script-src 'sha256-abc'; base-uri 'none'");
    expect(p).toBe(`default-src 'none'; img-src data:; script-src 'sha256-abc' ${hash}; base-uri 'none'; connect-src 'self'`);
    expect(allowClient("default-src 'none'; script-src 'none'")).toBe(`default-src 'none'; script-src ${hash}; connect-src 'self'`);
  });

  it('goes into served HTML with the escaped CSP meta rewritten', () => {
    const html = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; script-src &#x27;sha256-x&#x3D;&#x27;"></head><body><p>deck</p></body></html>`;
    const out = injectClient(html, { key: 'alpha', version: 3, boot: 'b1' });
    expect(out).toContain(`content="default-src 'none'; script-src 'sha256-x=' ${hash}; connect-src 'self'"`);
    expect(out).toMatch(/<script data-key="alpha" data-version="3" data-boot="b1">[\s\S]*<\/script><\/body>/);
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
});

describe('PreviewState', () => {
  const result = (file: string, over: Partial<BriefingResult> = {}): BriefingResult => ({ file, slug: 'alpha', status: 'built', ok: true, outputs: [], pages: {}, durationMs: 1, warnings: [], errors: [], ...over });

  it('bumps the pages a build changed, keeps unchanged ones, and a failure reloads them all', () => {
    const s = new PreviewState();
    s.record([result('a.yaml')]);
    const deck = s.version('alpha');
    const pdf = s.version(pageKey('alpha', 'pdf'));
    s.record([result('a.yaml', { status: 'skipped' })]);
    expect([s.version('alpha'), s.version(pageKey('alpha', 'pdf'))]).toEqual([deck, pdf]);
    s.record([result('a.yaml')], ['html']);
    expect([s.version('alpha'), s.version(pageKey('alpha', 'pdf'))]).toEqual([deck + 1, pdf]);
    s.record([result('a.yaml', { slug: undefined, ok: false, status: 'failed', errors: [{ message: 'bad' }] })], ['html']);
    expect(s.bySlug('alpha')?.result.ok, 'a failed file keeps its slug').toBe(false);
    expect(s.version(pageKey('alpha', 'pdf'))).toBe(pdf + 1);
  });

  it('a failure with the errors already shown reloads nothing; other errors, or a fix, reload the pages', () => {
    const s = new PreviewState();
    const failed = (message: string) => result('a.yaml', { ok: false, status: 'failed', errors: [{ file: 'a.yaml', line: 3, message }] });
    s.record([failed('bad date')], ['html']);
    const versions = () => [s.version('alpha'), s.version(pageKey('alpha', 'pdf'))];
    const shown = versions();
    s.record([failed('bad date')], ['html']);
    expect(versions(), 'the same errors again').toEqual(shown);
    s.record([failed('unknown field')], ['html']);
    expect(versions()).toEqual(shown.map((v) => v + 1));
    s.record([result('a.yaml')], ['html']);
    expect(s.version('alpha')).toBe((shown[0] ?? 0) + 2);
  });

  it('a file that never built is known by the slug of its name', () => {
    const s = new PreviewState();
    s.record([result('content/Port Strike.yaml', { slug: undefined, ok: false, status: 'failed' })]);
    expect(s.list()[0]?.slug).toBe('port-strike');
    expect(s.remove(['content/Port Strike.yaml'])).toEqual(['port-strike']);
    expect(s.list()).toEqual([]);
  });
});

describe('error excerpt', () => {
  it('shows the lines around the problem, the line itself marked and escaped', () => {
    const html = excerpt('a: 1\nb: <2>\nc: 3\nd: 4', 2, 1);
    expect(html).toBe('<pre><span><b>1</b>a: 1</span><span class="here"><b>2</b>b: &lt;2&gt;</span><span><b>3</b>c: 3</span></pre>');
  });
});
