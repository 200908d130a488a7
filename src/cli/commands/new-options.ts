// The options of `briefdeck new`, apart from the command so the CLI lists them without loading it.
export const newOptions = {
  dir: { alias: 'd', type: 'string', default: 'content', describe: 'Folder to write <slug>.yaml into' },
  title: { type: 'string', describe: 'The headline to start from (default: made from the slug)' },
  date: { type: 'string', describe: 'The as-of date, YYYY-MM-DD (default: today)' },
  force: { type: 'boolean', default: false, describe: 'Overwrite an existing file of that name' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print errors only' },
  debug: { type: 'boolean', default: false, describe: 'Print stack traces with errors' },
} as const;
