// Runs the command line two ways: in-process through main(argv, io) with captured output, and as a
// user would, by spawning `node bin/briefdeck.js` (which needs the compiled dist/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/log.js';
import { ROOT } from './paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A Writable that keeps everything written to it as text. */
export class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    done();
  }
}

/** Calls the CLI's main() in this process, with stdout and stderr captured and colour off. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const io: Io = { stdout, stderr, env: { ...process.env, NO_COLOR: '1', ...env }, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const BIN = path.join(ROOT, 'bin', 'briefdeck.js');
export const DIST_MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');

/** Compiles src/ to dist/ if the CLI has not been built yet (bin/briefdeck.js runs dist/cli/main.js). */
export function ensureDist(): void {
  if (existsSync(DIST_MAIN)) return;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(DIST_MAIN)) {
    throw new Error(`tsc -p tsconfig.json failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

export interface BinOptions {
  cwd?: string;
  /** Written to the command's stdin. */
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}

export interface BinRun extends CliRun {
  signal: NodeJS.Signals | null;
  durationMs: number;
}

/** Spawns `node bin/briefdeck.js ...args` the way a user runs it (NO_COLOR set, no terminal). */
export function runBin(args: string[], opts: BinOptions = {}): BinRun {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    input: opts.input,
    timeout: opts.timeout ?? 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return {
    code: r.status ?? -1,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr,
    durationMs: performance.now() - started,
  };
}
