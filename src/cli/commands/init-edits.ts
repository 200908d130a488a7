// What `briefdeck init` adds to files a repository may already have: package.json's scripts and
// dependency, and .gitignore's output/ line. Pure: text in, text out (or nothing to change).
import { contentError } from '../../errors.js';

export const SCRIPTS: Record<string, string> = {
  briefings: 'briefdeck build',
  'briefings:check': 'briefdeck build --check',
};

export interface Edit {
  /** The new text, or undefined when nothing needs to change. */
  text?: string;
  /** What was added or replaced, and what was kept as it was, for the report. */
  added: string[];
  kept: string[];
}

/** Whether .gitignore already ignores the output/ folder at the top of the repository. */
export function ignoresOutput(gitignore: string): boolean {
  return gitignore.split(/\r?\n/).some((l) => /^\/?output\/?(\*\*)?$/.test(l.trim()));
}

export function editGitignore(existing: string | undefined): Edit {
  if (existing !== undefined && ignoresOutput(existing)) return { added: [], kept: [] };
  const head = existing === undefined || existing === '' ? '' : existing.endsWith('\n') ? existing : `${existing}\n`;
  return { text: `${head}${head ? '\n' : ''}# briefdeck's built briefings\noutput/\n`, added: ['output/'], kept: [] };
}

/** The indentation package.json already uses, so that the edit changes only what it adds. */
function indentOf(text: string): string | number {
  return /^[{[]\r?\n([ \t]+)/.exec(text)?.[1] ?? 2;
}

/**
 * package.json with the `briefings` scripts and briefdeck as a devDependency (unless it already depends
 * on it); a script of the same name is kept unless `force`. A new package.json when there is none.
 */
export function editPackageJson(existing: string | undefined, opts: { name: string; version: string; force: boolean; file: string }): Edit {
  let pkg: Record<string, unknown>;
  if (existing === undefined) pkg = { name: opts.name, private: true };
  else {
    try {
      const parsed: unknown = JSON.parse(existing);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      pkg = parsed as Record<string, unknown>;
    } catch (e) {
      throw contentError({ file: opts.file, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}`, hint: 'fix package.json (or move it away) and run briefdeck init again' });
    }
  }
  const added: string[] = [];
  const kept: string[] = [];
  const scripts = { ...(pkg.scripts && typeof pkg.scripts === 'object' ? (pkg.scripts as Record<string, unknown>) : {}) };
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (scripts[name] === command) continue;
    if (scripts[name] !== undefined && !opts.force) kept.push(`scripts.${name}`);
    else {
      scripts[name] = command;
      added.push(`scripts.${name}`);
    }
  }
  pkg.scripts = scripts;
  const has = (field: string) => Boolean(pkg[field] && typeof pkg[field] === 'object' && 'briefdeck' in (pkg[field] as object));
  if (!has('dependencies') && !has('devDependencies') && pkg.name !== 'briefdeck') {
    pkg.devDependencies = { ...((pkg.devDependencies as Record<string, unknown> | undefined) ?? {}), briefdeck: `^${opts.version}` };
    added.push('devDependencies.briefdeck');
  }
  if (!added.length && existing !== undefined) return { added, kept };
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  const text = JSON.stringify(pkg, null, existing === undefined ? 2 : indentOf(existing)).replace(/\n/g, eol) + eol;
  return { text, added, kept };
}
