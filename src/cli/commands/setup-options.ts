// The options of the set-up commands (init, doctor, browser install), apart from their code, so that
// the command line can list them without loading it.

export const initOptions = {
  force: { type: 'boolean', default: false, describe: 'Overwrite files (and npm scripts) that already exist' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print errors only' },
  debug: { type: 'boolean', default: false, describe: 'Print stack traces with errors' },
} as const;

export const doctorOptions = {
  timeout: { type: 'number', default: 30, describe: 'Seconds the browser may take to start and print a test page' },
} as const;

export const browserOptions = {
  build: { type: 'string', describe: 'A Chrome for Testing build (e.g. 148.0.7778.97) or channel (stable, beta) instead of the one puppeteer-core is tested with' },
  path: { type: 'string', describe: 'Folder to install into (default: $PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer, where briefdeck looks)' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print errors only' },
  debug: { type: 'boolean', default: false, describe: 'Print stack traces with errors' },
} as const;
