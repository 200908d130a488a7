// The project's configuration: `briefdeck.config.yaml` (or .yml/.json) beside the content, validated
// like content. It sets the organisation's branding and the build's defaults; the command line wins.
import { access } from 'node:fs/promises';
import { MAX_CONFIG_BYTES, MAX_LOGO_BYTES, readBoundedFile } from './config-files.js';
import path from 'node:path';
import { contentError } from './errors.js';

export interface Config {
  file?: string;
  organisation?: string;
  /** The logo as a data URI. */
  logo?: string;
  colors: { primary?: string; accent?: string };
  theme?: string;
  paper?: 'a4' | 'letter';
  defaultMarking?: string;
  templates?: string;
  themes: string[];
  /** Bytes of every file the config brings in, for the build manifest. */
  inputs: string[];
}

export const CONFIG_NAMES = ['briefdeck.config.yaml', 'briefdeck.config.yml', 'briefdeck.config.json'];

/** Reads the config at `file`, or looks for one in `dir`; no config is an empty one. */
export async function loadConfig(options: { file?: string; dir?: string } = {}): Promise<Config> {
  const dir = options.dir ?? process.cwd();
  let file = options.file;
  if (!file) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (await access(candidate).then(() => true, () => false)) {
        file = candidate;
        break;
      }
    }
  }
  if (!file) return { colors: {}, themes: [], inputs: [] };
  const configFile = file;
  const bytes = await readBoundedFile(file, MAX_CONFIG_BYTES, { what: 'config file' }).catch((e: unknown) => {
    if (/not found or unreadable/.test((e as Error).message)) throw contentError({ file: configFile, message: 'config file not found or unreadable' });
    throw e;
  });
  // The schema and the YAML parser load only when there is a config to read.
  const { parseConfig } = await import('./config-schema.js');
  const c = parseConfig(bytes, file);
  const base = path.dirname(path.resolve(file));
  const resolve = (p: string) => path.resolve(base, p);
  let logo: string | undefined;
  if (c.logo) {
    const logoFile = resolve(c.logo);
    const data = await readBoundedFile(logoFile, MAX_LOGO_BYTES, { config: file, field: 'logo', what: 'logo' });
    logo = `data:${/\.svg$/i.test(logoFile) ? 'image/svg+xml' : 'image/png'};base64,${data.toString('base64')}`;
  }
  return {
    file,
    organisation: c.organisation,
    logo,
    colors: c.colors ?? {},
    theme: c.theme,
    paper: c.paper,
    defaultMarking: c.defaultMarking,
    templates: c.templates && resolve(c.templates),
    themes: (c.themes ?? []).map(resolve),
    inputs: [file, ...(c.logo ? [resolve(c.logo)] : [])],
  };
}
