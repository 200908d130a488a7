// How to get a browser briefdeck can drive, for this platform, online and offline: the finder's error and `doctor` print it.
import os from 'node:os';
import path from 'node:path';

/** Where `briefdeck browser install` puts browsers, and where the finder looks last: puppeteer's cache. */
export function browserCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUPPETEER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'puppeteer');
}

const ANY = 'or: set BRIEFDECK_CHROME to any Chromium, Chrome or Edge already on the machine';

/** The steps, one a line, for `platform`; the first line is the quickest. */
export function installSteps(platform: NodeJS.Platform = process.platform, cache = browserCacheDir()): string[] {
  const online = `online: npx briefdeck browser install   (Chrome's headless shell, ~90 MB, into ${cache})`;
  const mirror = 'behind a proxy or mirror: set HTTPS_PROXY, or PUPPETEER_DOWNLOAD_BASE_URL to your mirror of storage.googleapis.com/chrome-for-testing-public, then the same command';
  const copy = `offline: run \`npx briefdeck browser install\` on a machine of the same system and architecture that is online, then copy its ${cache} folder here`;
  switch (platform) {
    case 'linux':
      return [
        'Debian 12+ (online, or from your apt mirror): sudo apt-get install -y chromium-headless-shell   (the fastest; or chromium)',
        `Ubuntu or any Linux, ${online}; Ubuntu's apt chromium is only a snap wrapper`,
        mirror,
        copy,
        'offline on Debian: apt-get download chromium-headless-shell chromium-common on an online machine (with the libraries apt-get install --print-uris lists), copy the .deb files here, then sudo apt-get install ./*.deb',
        'Fedora/RHEL: sudo dnf install -y chromium',
        ANY,
      ];
    case 'darwin':
      return [
        online,
        'or: install Google Chrome (https://www.google.com/chrome/) or brew install --cask chromium; in /Applications they are found by themselves',
        mirror,
        `${copy}; or install Chrome from a .dmg or your organisation's software centre`,
        ANY,
      ];
    case 'win32':
      return [
        'Microsoft Edge (part of Windows 10 and 11) and Google Chrome are found where their installers put them',
        online,
        mirror,
        `${copy}; or install Chrome offline with the standalone installer (https://www.google.com/chrome/?standalone=1)`,
        `${ANY}, e.g. set BRIEFDECK_CHROME=C:\\path\\to\\chrome.exe`,
      ];
    default:
      return [online, mirror, copy, ANY];
  }
}

/** The steps as one hint: the first on the hint line, the rest indented under it. */
export function installHint(platform: NodeJS.Platform = process.platform): string {
  return installSteps(platform).join('\n    ');
}
