// `--open`: shows the built deck in the default browser, where there is a display to show it on.
import { spawn } from 'node:child_process';

/** The command that opens a file with the desktop's default application, or undefined without a display. */
export function opener(env: NodeJS.ProcessEnv = process.env, platform = process.platform): { cmd: string; args: string[] } | undefined {
  if (platform === 'darwin') return { cmd: 'open', args: [] };
  if (platform === 'win32') return { cmd: 'cmd', args: ['/c', 'start', '""'] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return { cmd: 'xdg-open', args: [] };
}

/** Opens `file`; returns false (and does nothing) where there is no display or no opener. */
export function openFile(file: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const o = opener(env);
  if (!o) return false;
  try {
    const child = spawn(o.cmd, [...o.args, file], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
