// One briefing per slug, claimed in the order of the files, and every slug's folder inside --out.
import path from 'node:path';
import { BriefdeckError, ExitCode } from '../errors.js';
import { isInside } from '../content/discover.js';

/**
 * One briefing per slug, and a slug's folder always inside --out. Briefings claim their slugs in the
 * order of their files, whatever order they finish loading in: when two files want one slug, the first
 * by path has it and the other fails, the same way on every run and at any --concurrency.
 */
export class SlugClaims {
  private readonly owners = new Map<string, string>();
  /** Per file: `after` settles once every file before it has claimed its slug or given up; `pass` gives up its own turn. */
  private readonly turns = new Map<string, { after: Promise<void>; pass: () => void }>();

  constructor(files: string[]) {
    let previous: Promise<void> = Promise.resolve();
    for (const file of files) {
      let pass = () => {};
      const passed = new Promise<void>((resolve) => (pass = resolve));
      this.turns.set(file, { after: previous, pass });
      previous = Promise.all([previous, passed]).then(() => undefined);
    }
  }

  /** Takes `slug` for `file` once the files before it have taken theirs; throws if one of them has it. */
  async claim(file: string, slug: string, out: string, where: () => Promise<{ line?: number; column?: number }> = () => Promise.resolve({})): Promise<void> {
    const turn = this.turns.get(file);
    await turn?.after;
    try {
      const other = this.owners.get(slug);
      if (other && other !== file) {
        throw new BriefdeckError(ExitCode.CONTENT, {
          file,
          ...(await where()),
          field: 'slug',
          message: `slug "${slug}" is already used by ${other}`,
          hint: 'give one of them another `slug:`',
        });
      }
      const root = path.resolve(out);
      const target = path.resolve(root, slug);
      if (!isInside(target, root) || target === root) {
        throw new BriefdeckError(ExitCode.CONTENT, { file, ...(await where()), field: 'slug', message: 'slug would write outside the output folder' });
      }
      this.owners.set(slug, file);
    } finally {
      turn?.pass();
    }
  }

  /** `file` will claim nothing (it failed before it knew its slug, or is done): later files need not wait. */
  pass(file: string): void {
    this.turns.get(file)?.pass();
  }
}
