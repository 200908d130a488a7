// `briefdeck doctor`: one screen on whether this machine and project can build briefings; exit 3,
// with what to install, when there is no browser (or it does not start), else 0.
import { ExitCode } from '../../errors.js';
import { version } from '../../version.js';
import type { Io } from '../log.js';
import { Logger } from '../log.js';
import { browserFind, browserStart, cacheCheck, configCheck, contentCheck, fontsCheck, projectCheck, type Check } from './doctor-checks.js';

export async function runDoctor(args: { timeout: number }, log: Logger, io: Io, cwd: string = process.cwd()): Promise<number> {
  const checks: Check[] = [];
  const show = (c: Check) => {
    checks.push(c);
    const mark = c.ok ? log.green('✓') : log.red('✗');
    log.data(`${mark} ${c.label.padEnd(8)} ${c.text}`);
    for (const [i, step] of (c.fix?.split('\n') ?? []).entries()) log.data(`${' '.repeat(11)}${i ? '     ' : log.yellow('fix: ')}${step.trim()}`);
  };
  log.data(`briefdeck ${version()} · Node ${process.versions.node} · ${process.platform} ${process.arch}`);
  const { root, check } = projectCheck(cwd);
  show(check);
  show(await configCheck(root));
  show(await contentCheck(root));
  const { found, check: browser } = browserFind(io.env);
  show(browser);
  if (found) for (const c of await browserStart(found, Math.max(1, args.timeout) * 1000)) show(c);
  show(fontsCheck());
  show(cacheCheck(io.env));
  const bad = checks.filter((c) => !c.ok);
  if (!bad.length) {
    log.data(log.green('Ready: npx briefdeck build'));
    return ExitCode.OK;
  }
  const environment = bad.some((c) => c.label === 'browser' || c.label === 'starts' || c.label === 'fonts');
  log.data(log.red(`Not ready: ${bad.map((c) => c.label).join(', ')} (see fix above)`));
  return environment ? ExitCode.ENVIRONMENT : ExitCode.CONTENT;
}
