// Every command-line option, defined once: yargs reads these, the commands' argument types come from
// them, and the README's option table is checked against them.
import os from 'node:os';
import type { InferredOptionTypes } from 'yargs';
import { DEFAULT_FORMATS, FORMATS, REGISTRY } from '../formats/registry.js';

export const buildOptions = {
  out: { alias: 'o', type: 'string', default: 'output', describe: 'Output folder; each briefing goes to <out>/<slug>/' },
  format: {
    alias: 'f',
    type: 'array',
    string: true,
    choices: [...FORMATS, 'all'],
    // `--format pdf,print` as well as `--format pdf print` (or the option repeated).
    coerce: (values: string[]) => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean),
    default: [...DEFAULT_FORMATS],
    describe: `Outputs: ${REGISTRY.map((f) => f.describe).join(', ')}, or all`,
  },
  'pdf-notes': { type: 'boolean', default: false, describe: 'Put speaker notes into deck.pdf as annotations' },
  'handout-per-page': { type: 'number', choices: [2, 3], default: 3, describe: 'Slides on each handout page (2: notes below, 3: notes beside)' },
  scale: { type: 'number', default: 1.5, describe: 'Slide images at this multiple of 1280x720 (1.5 gives 1920x1080)' },
  paper: { type: 'string', choices: ['a4', 'letter'], describe: 'Paper size of the print briefing (default: config, else a4)' },
  theme: { alias: 't', type: 'string', describe: 'Deck theme: briefing (light) or situation-room (dark) (default: config, else briefing)' },
  config: { alias: 'c', type: 'string', describe: 'Config file (default: briefdeck.config.yaml, .yml or .json in the current folder)' },
  concurrency: { alias: 'j', type: 'number', default: Math.max(1, Math.min(4, os.availableParallelism())), describe: 'Briefings rendered at once (pages open in the one browser)' },
  timeout: { type: 'number', default: 60, describe: 'Seconds the browser may take to load or print one document' },
  fit: { type: 'boolean', default: true, describe: 'Fit the deck in the browser; --no-fit builds html and md without one (slides may overflow)' },
  strict: { type: 'boolean', default: false, describe: 'Fail a briefing if any slide still overflows at the smallest text size, or its content draws a warning' },
  'max-file-size': { type: 'number', default: 2 * 1024 * 1024, describe: 'Largest content file, in bytes' },
  'max-aliases': { type: 'number', default: 100, describe: 'Most YAML alias expansions in one file' },
  'max-depth': { type: 'number', default: 12, describe: 'Deepest nesting of lists and mappings' },
  'max-items': { type: 'number', default: 500, describe: 'Longest list' },
  'max-text': { type: 'number', default: 20000, describe: 'Longest text field, in characters' },
  'max-image-pixels': { type: 'number', default: 50_000_000, describe: 'Most pixels (width x height) a section image may declare' },
  templates: { type: 'string', describe: 'Folder of templates overriding the built-in ones by path (e.g. deck/slides/title.hbs)' },
  'theme-css': { type: 'array', string: true, describe: 'Extra Marp theme CSS files (declare /* @theme name */)' },
  force: { type: 'boolean', default: false, describe: 'Rebuild every briefing, even those whose inputs did not change' },
  check: { type: 'boolean', default: false, describe: 'Build nothing; exit 1 listing briefings whose outputs are missing or stale' },
  shard: { type: 'string', describe: 'Build a stable share k/n of the briefings, e.g. 2/4 (for CI matrices)' },
  report: { type: 'string', describe: 'Write a machine-readable JSON report of the build to this file' },
  open: { type: 'boolean', default: false, describe: 'Open the (first) built deck.html in the default browser; nothing happens without a display' },
  watch: { alias: 'w', type: 'boolean', default: false, describe: 'Rebuild what a change to content, templates, themes or config affects' },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print errors only' },
  verbose: { alias: 'v', type: 'boolean', default: false, describe: 'Print what was split, shrunk and written' },
  debug: { type: 'boolean', default: false, describe: 'Print stack traces with errors' },
} as const;

export const validateOptions = {
  config: buildOptions.config,
  'max-file-size': buildOptions['max-file-size'],
  'max-aliases': buildOptions['max-aliases'],
  'max-depth': buildOptions['max-depth'],
  'max-items': buildOptions['max-items'],
  'max-text': buildOptions['max-text'],
  theme: buildOptions.theme,
  templates: buildOptions.templates,
  'theme-css': buildOptions['theme-css'],
  'max-image-pixels': buildOptions['max-image-pixels'],
  strict: { type: 'boolean', default: false, describe: 'Count content warnings (empty sections, long key points, uncited sources, …) as errors' },
  quiet: buildOptions.quiet,
  debug: buildOptions.debug,
} as const;

/** The content files or folders every command takes. */
export const pathsPositional = { type: 'string', array: true, default: ['content'], describe: 'Content files or folders' } as const;

export type BuildArgs = InferredOptionTypes<typeof buildOptions & { paths: typeof pathsPositional }>;
export type ValidateArgs = InferredOptionTypes<typeof validateOptions & { paths: typeof pathsPositional }>;
