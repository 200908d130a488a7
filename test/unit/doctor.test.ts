// `briefdeck doctor` when the browser is missing or broken: one screen that names what to install,
// and exit 3 (with a working browser it exits 0: test/e2e/package.test.ts).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('briefdeck doctor', () => {
  it('without a usable browser: says what to install and exits 3', async () => {
    const r = await runCli(['doctor'], { BRIEFDECK_CHROME: '/nonexistent/chrome' });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✗ browser\s+BRIEFDECK_CHROME is set to \/nonexistent\/chrome/);
    expect(r.stdout).toMatch(/fix: unset BRIEFDECK_CHROME/);
    expect(r.stdout).toMatch(process.platform === 'linux' ? /apt-get install -y chromium-headless-shell/ : /npx briefdeck browser install/);
    expect(r.stdout).toMatch(/offline: /);
    expect(r.stdout).toMatch(/✓ fonts\s+9 families/);
    expect(r.stdout).toMatch(/Not ready: browser/);
    expect(r.stdout).not.toMatch(/starts/);
  });

  it.runIf(process.platform !== 'win32')('with a browser that does not start: says so and exits 3', async () => {
    const r = await runCli(['doctor', '--timeout', '10'], { BRIEFDECK_CHROME: '/bin/false' });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/✓ browser\s+\/bin\/false \(full browser; BRIEFDECK_CHROME is set\)/);
    expect(r.stdout).toMatch(/✗ starts\s+no: /);
  });
});
