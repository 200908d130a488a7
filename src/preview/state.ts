// What the preview knows of each briefing: its latest build result, and a version per page that open pages compare.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BriefingResult } from '../build.js';
import { slugFromFile } from '../content/load.js';

/** The key of the index page in `versions`. */
export const INDEX_KEY = '';

/** The pages of a briefing that reload apart: its deck (HTML) and its PDFs (shown in a frame). */
export type PageKind = 'html' | 'pdf';
const PAGE_KINDS: PageKind[] = ['html', 'pdf'];
export const pageKey = (slug: string, kind: PageKind) => (kind === 'html' ? slug : `${slug}.pdf`);

export interface Entry {
  file: string;
  slug: string;
  result: BriefingResult;
  /** When it was last built (or failed). */
  at: Date;
}

export class PreviewState {
  /** Changes when the server starts: a page served by an earlier run reloads. */
  readonly boot = randomBytes(6).toString('hex');
  private readonly entries = new Map<string, Entry>();
  private readonly versions = new Map<string, number>([[INDEX_KEY, 1]]);
  /** The problem of the whole build (e.g. an unknown theme), shown on every page until it is gone. */
  problem: BriefingResult['errors'] = [];

  list(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.file.localeCompare(b.file));
  }

  bySlug(slug: string): Entry | undefined {
    return this.list().find((e) => e.slug === slug);
  }

  version(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  snapshot(): { boot: string; versions: Record<string, number> } {
    return { boot: this.boot, versions: Object.fromEntries(this.versions) };
  }

  /**
   * Takes in a build's results; returns the slugs whose pages changed (the index always does).
   * `kinds` says which pages a success changed: the deck's (key `slug`), the PDFs' (key `slug.pdf`).
   */
  record(results: BriefingResult[], kinds: PageKind[] = ['html', 'pdf']): string[] {
    const changed = new Set<string>();
    for (const r of results) {
      const key = path.resolve(r.file);
      const before = this.entries.get(key);
      const slug = r.slug ?? before?.slug ?? fallbackSlug(r.file);
      // An unchanged briefing that was fine before, or a failure with the very errors shown already
      // (two saves built while the first build was still reading), shows the same page: nothing to reload.
      const same = before?.slug === slug && ((r.status === 'skipped' && before.result.ok) || sameFailure(before.result, r));
      this.entries.set(key, { file: r.file, slug, result: r, at: same && before ? before.at : new Date() });
      if (same) continue;
      changed.add(slug);
      if (before && before.slug !== slug) changed.add(before.slug);
    }
    for (const slug of changed) {
      const failed = this.bySlug(slug)?.result.ok === false;
      for (const kind of failed ? PAGE_KINDS : kinds) this.bump(pageKey(slug, kind));
    }
    this.bump(INDEX_KEY);
    return [...changed];
  }

  /** Forgets removed content files; returns their slugs. */
  remove(files: string[]): string[] {
    const slugs: string[] = [];
    for (const f of files) {
      const e = this.entries.get(path.resolve(f));
      if (!e) continue;
      this.entries.delete(path.resolve(f));
      slugs.push(e.slug);
      for (const kind of PAGE_KINDS) this.bump(pageKey(e.slug, kind));
    }
    this.bump(INDEX_KEY);
    return slugs;
  }

  /** Every page reloads (e.g. after a build-wide problem appears or goes). */
  bumpAll(): void {
    for (const key of [INDEX_KEY, ...this.list().flatMap((e) => PAGE_KINDS.map((k) => pageKey(e.slug, k)))]) this.bump(key);
  }

  private bump(key: string): void {
    this.versions.set(key, this.version(key) + 1);
  }
}

/** Both failed with the same diagnostics, in the same order. */
function sameFailure(a: BriefingResult, b: BriefingResult): boolean {
  return !a.ok && !b.ok && JSON.stringify(a.errors) === JSON.stringify(b.errors);
}

function fallbackSlug(file: string): string {
  try {
    return slugFromFile(file);
  } catch {
    return path.basename(file);
  }
}
