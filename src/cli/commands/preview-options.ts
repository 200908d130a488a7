// The options of `briefdeck preview`, apart from the command so the CLI lists them without loading it.
import { buildOptions } from '../options.js';

export const previewOptions = {
  port: { alias: 'p', type: 'number', default: 4040, describe: 'Port to listen on (0: any free port)' },
  host: { type: 'string', default: '127.0.0.1', describe: 'Address to listen on; anything but loopback lets other machines read your briefings' },
  out: buildOptions.out,
  format: { ...buildOptions.format, default: ['html', 'print'] as string[], describe: 'Outputs to rebuild on each save (default: html print: the deck and the print briefing)' },
  paper: buildOptions.paper,
  theme: buildOptions.theme,
  config: buildOptions.config,
  concurrency: buildOptions.concurrency,
  timeout: buildOptions.timeout,
  templates: buildOptions.templates,
  'theme-css': buildOptions['theme-css'],
  'max-file-size': buildOptions['max-file-size'],
  'max-aliases': buildOptions['max-aliases'],
  'max-depth': buildOptions['max-depth'],
  'max-items': buildOptions['max-items'],
  'max-text': buildOptions['max-text'],
  'max-image-pixels': buildOptions['max-image-pixels'],
  open: { type: 'boolean', default: false, describe: 'Open the index in the default browser; nothing happens without a display' },
  quiet: buildOptions.quiet,
  verbose: buildOptions.verbose,
  debug: buildOptions.debug,
} as const;
