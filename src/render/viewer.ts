// The presentation runtime of deck.html (src/viewer/*.js, plain browser scripts), read once per process.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const VIEWER_DIR = fileURLToPath(new URL('../../src/viewer/', import.meta.url));

let assets: Promise<{ script: string; css: string }> | undefined;

export function viewerAssets(): Promise<{ script: string; css: string }> {
  assets ??= (async () => {
    const index = JSON.parse(await readFile(`${VIEWER_DIR}index.json`, 'utf8')) as { scripts: string[]; styles: string[] };
    const read = (files: string[]) => Promise.all(files.map((f) => readFile(`${VIEWER_DIR}${f}`, 'utf8')));
    return { script: (await read(index.scripts)).join('\n'), css: (await read(index.styles)).join('\n') };
  })();
  return assets;
}
