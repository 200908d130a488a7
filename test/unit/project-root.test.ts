// Running from anywhere in a project: the root is the nearest briefdeck.config.* (within the repository),
// else the nearest package.json; default paths move to it, typed ones stay relative to where the user is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findProjectRoot, projectDir, resolveAtProject } from '../../src/project-root.js';

let tmp: string;
const at = (...p: string[]) => path.join(tmp, ...p);
const touch = (...p: string[]) => {
  mkdirSync(path.dirname(at(...p)), { recursive: true });
  writeFileSync(at(...p), '');
};

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-root-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('findProjectRoot', () => {
  it('takes the nearest config upward, over a nearer package.json', () => {
    touch('repo', '.git', 'HEAD');
    touch('repo', 'briefdeck.config.yml');
    touch('repo', 'tools', 'package.json');
    mkdirSync(at('repo', 'tools', 'deep'), { recursive: true });
    expect(findProjectRoot(at('repo', 'tools', 'deep'))).toEqual({ dir: at('repo'), config: at('repo', 'briefdeck.config.yml'), via: 'config' });
  });

  it('does not take a config from above the repository', () => {
    touch('briefdeck.config.yaml');
    touch('repo', '.git', 'HEAD');
    touch('repo', 'package.json');
    mkdirSync(at('repo', 'content'), { recursive: true });
    expect(findProjectRoot(at('repo', 'content'))).toEqual({ dir: at('repo'), via: 'package.json' });
  });

  it('is the working folder when nothing marks a project', () => {
    mkdirSync(at('loose'));
    touch('loose', '.git', 'HEAD');
    expect(findProjectRoot(at('loose'))).toEqual({ dir: at('loose'), via: 'cwd' });
  });
});

describe('resolveAtProject', () => {
  beforeEach(() => {
    touch('repo', '.git', 'HEAD');
    touch('repo', 'briefdeck.config.yaml');
    mkdirSync(at('repo', 'content', 'europe'), { recursive: true });
  });

  it('moves the defaults to the root and finds its config, from a subfolder', () => {
    const args: Record<string, unknown> = { paths: ['content'], out: 'output' };
    resolveAtProject(args, ['build'], at('repo', 'content', 'europe'));
    expect(args).toEqual({ paths: ['..'], out: path.join('..', '..', 'output'), config: path.join('..', '..', 'briefdeck.config.yaml') });
    expect(projectDir()).toBe(at('repo'));
  });

  it('keeps what the user typed relative to where they are', () => {
    const args: Record<string, unknown> = { paths: ['brief.yaml'], out: 'here', config: 'other.yaml' };
    resolveAtProject(args, ['build', 'brief.yaml', '--out=here', '-c', 'other.yaml'], at('repo', 'content', 'europe'));
    expect(args).toEqual({ paths: ['brief.yaml'], out: 'here', config: 'other.yaml' });
    const short: Record<string, unknown> = { paths: ['content'], out: 'x' };
    resolveAtProject(short, ['build', '-ox'], at('repo', 'content', 'europe'));
    expect(short.out).toBe('x');
  });

  it('changes nothing at the root itself', () => {
    const args: Record<string, unknown> = { paths: ['content'], out: 'output' };
    resolveAtProject(args, ['build'], at('repo'));
    expect(args).toEqual({ paths: ['content'], out: 'output' });
  });

  it('leaves commands without content or output alone', () => {
    const args: Record<string, unknown> = { timeout: 30 };
    resolveAtProject(args, ['doctor'], at('repo', 'content'));
    expect(args).toEqual({ timeout: 30 });
  });
});
