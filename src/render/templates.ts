// Loads the Handlebars templates: built-in ones, overridden by name from a custom templates folder.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from './handlebars.js';
import { helpers } from './helpers.js';
import { cached } from '../cache.js';

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Templates {
  deck: Handlebars.TemplateDelegate;
  print: Handlebars.TemplateDelegate;
  handout: Handlebars.TemplateDelegate;
  /** Theme CSS by name (`briefing`, `situation-room`, and any custom ones). */
  themes: Map<string, string>;
  printCss: string;
  handoutCss: string;
  /** Every file that went in, for the build manifest's hash. */
  files: Map<string, string>;
}

const RUNTIME: Handlebars.RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
};

async function walk(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full, base)));
    else if (e.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** Reads `templates/` (and `custom`, whose files win by relative path) and compiles them once. */
export async function loadTemplates(options: { custom?: string; themeFiles?: string[] } = {}): Promise<Templates> {
  const files = new Map<string, string>();
  for (const dir of [BUILTIN_TEMPLATES, options.custom].filter((d): d is string => Boolean(d))) {
    for (const rel of await walk(dir)) files.set(rel, await readFile(path.join(dir, rel), 'utf8'));
  }
  const hb = Handlebars.create();
  hb.registerHelper(helpers);
  for (const [rel, src] of files) {
    if (!rel.endsWith('.hbs')) continue;
    hb.registerPartial(rel.replace(/\.hbs$/, ''), precompiled(hb, src));
  }
  const compile = (name: string) => {
    const src = files.get(name);
    if (src === undefined) throw new Error(`template ${name} is missing from ${BUILTIN_TEMPLATES}`);
    const tpl = precompiled(hb, src);
    return ((ctx: unknown, o?: Handlebars.RuntimeOptions) => tpl(ctx, { ...RUNTIME, ...o })) as Handlebars.TemplateDelegate;
  };
  const themes = new Map<string, string>();
  for (const [rel, src] of files) {
    const m = /^themes\/([a-z0-9-]+)\.css$/.exec(rel);
    if (m?.[1]) themes.set(m[1], src);
  }
  for (const f of options.themeFiles ?? []) {
    const src = await readFile(f, 'utf8');
    const name = /@theme\s+([a-z0-9-]+)/.exec(src)?.[1] ?? path.basename(f, '.css');
    themes.set(name, src);
    files.set(`custom-theme:${f}`, src);
  }
  return {
    deck: compile('deck/deck.hbs'),
    print: compile('print/print.hbs'),
    handout: compile('handout/handout.hbs'),
    themes,
    printCss: files.get('print/print.css') ?? '',
    handoutCss: files.get('handout/handout.css') ?? '',
    files,
  };
}

const COMPILE_OPTIONS: CompileOptions = { strict: false, noEscape: false };
type CompileOptions = Parameters<typeof Handlebars.precompile>[1];

/**
 * A template from Handlebars' precompiled form, kept in the on-disk cache: a cold process then skips
 * Handlebars' parser and compiler (about 0.2 s) and only evaluates the generated function.
 */
function precompiled(hb: typeof Handlebars, src: string): Handlebars.TemplateDelegate {
  const spec = cached('hbs', [Handlebars.VERSION, JSON.stringify(COMPILE_OPTIONS), src], () => String(Handlebars.precompile(src, COMPILE_OPTIONS)));
  try {
    // The spec is JavaScript that Handlebars generated from this very source (the cache is named by its hash).
    return hb.template(new Function(`return ${spec};`)() as Parameters<typeof Handlebars.template>[0]);
  } catch {
    return hb.compile(src, COMPILE_OPTIONS);
  }
}
