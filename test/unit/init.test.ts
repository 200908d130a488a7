// What `briefdeck init` adds to a repository's own files (package.json, .gitignore), what it says
// about getting a browser, and that the example it writes is valid content.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installSteps } from '../../src/browser/install-hint.js';
import { editGitignore, editPackageJson, ignoresOutput } from '../../src/cli/commands/init-edits.js';
import { SCAFFOLD } from '../../src/cli/commands/init.js';
import { loadBriefing } from '../../src/content/load.js';
import { loadConfig } from '../../src/config.js';
import { isBriefdeckError } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/content/limits.js';

const opts = { name: 'team', version: '0.1.0', force: false, file: 'package.json' };

describe('editPackageJson', () => {
  it('adds the scripts and briefdeck, keeping the rest and its indentation', () => {
    const before = '{\n    "name": "team",\n    "scripts": { "test": "vitest" }\n}\n';
    const r = editPackageJson(before, opts);
    expect(r.added).toEqual(['scripts.briefings', 'scripts.briefings:check', 'devDependencies.briefdeck']);
    expect(r.text).toContain('\n    "name": "team"');
    expect(JSON.parse(r.text ?? '')).toEqual({ name: 'team', scripts: { test: 'vitest', briefings: 'briefdeck build', 'briefings:check': 'briefdeck build --check' }, devDependencies: { briefdeck: '^0.1.0' } });
  });

  it('keeps a script of the same name unless forced, and leaves an existing dependency', () => {
    const before = JSON.stringify({ scripts: { briefings: 'make decks' }, dependencies: { briefdeck: 'file:../b.tgz' } });
    const kept = editPackageJson(before, opts);
    expect(kept.kept).toEqual(['scripts.briefings']);
    expect(JSON.parse(kept.text ?? '').scripts.briefings).toBe('make decks');
    expect(JSON.parse(editPackageJson(before, { ...opts, force: true }).text ?? '').scripts.briefings).toBe('briefdeck build');
  });

  it('changes nothing when all is there', () => {
    const done = editPackageJson(undefined, opts).text;
    expect(editPackageJson(done, opts)).toEqual({ added: [], kept: [] });
  });

  it('refuses a package.json that is not JSON, naming it', () => {
    let error: unknown;
    try {
      editPackageJson('{ "name": ', opts);
    } catch (e) {
      error = e;
    }
    expect(isBriefdeckError(error) && error.diagnostics[0]?.file).toBe('package.json');
  });
});

describe('editGitignore', () => {
  it.each(['output', 'output/', '/output/', 'node_modules\n/output\n'])('%j already ignores output/', (text) => {
    expect(ignoresOutput(text)).toBe(true);
    expect(editGitignore(text).text).toBeUndefined();
  });

  it('appends to an existing file, and writes a new one', () => {
    expect(editGitignore('node_modules').text).toBe("node_modules\n\n# briefdeck's built briefings\noutput/\n");
    expect(editGitignore(undefined).text).toBe("# briefdeck's built briefings\noutput/\n");
    expect(ignoresOutput('src/output/')).toBe(false);
  });
});

describe('the scaffold', () => {
  it('has a valid example briefing and config', async () => {
    const b = await loadBriefing(path.join(SCAFFOLD, 'content', 'example.yaml'), DEFAULT_LIMITS);
    expect(b.slug).toBe('port-strike-example');
    const c = await loadConfig({ file: path.join(SCAFFOLD, 'briefdeck.config.yaml') });
    expect(c).toMatchObject({ theme: 'briefing', paper: 'a4' });
  });

  it('has a workflow with the sharded matrix, caches and artifacts', () => {
    const wf = readFileSync(path.join(SCAFFOLD, 'github', 'briefings.yml'), 'utf8');
    for (const part of ['shard: [1, 2, 3, 4]', 'actions/cache@v4', '~/.cache/puppeteer', 'npx briefdeck browser install', 'actions/upload-artifact@v4', '--shard ${{ matrix.shard }}/4']) expect(wf).toContain(part);
  });
});

describe('installSteps', () => {
  it.each([
    ['linux', /apt-get install -y chromium-headless-shell/],
    ['darwin', /brew install --cask chromium/],
    ['win32', /Microsoft Edge/],
  ] as const)('%s: says how to get a browser online and offline', (platform, native) => {
    const steps = installSteps(platform, '/cache').join('\n');
    expect(steps).toMatch(native);
    expect(steps).toMatch(/online: npx briefdeck browser install/);
    expect(steps).toMatch(/offline: .*copy its \/cache folder here/);
    expect(steps).toMatch(/BRIEFDECK_CHROME/);
  });
});
