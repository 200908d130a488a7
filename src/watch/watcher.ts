// Watches a build's inputs with chokidar, so that editors which save by renaming (sed -i, vim, IDEs)
// are seen as a change to that file, and batches what changed into content files or "everything".
import { existsSync } from 'node:fs';
import path from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import { CONTENT_EXTENSIONS } from '../content/discover.js';

/** Files beside content that a briefing may show (section images): a change may touch any briefing. */
const ASSET_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.svg', '.webp', '.gif'];

export interface WatchTargets {
  /** Content files and folders, as the user named them. */
  content: string[];
  /** Templates folders and theme files: any change there touches every briefing. */
  trusted: string[];
  /** Config files (watched whether or not they exist yet): a change reloads the options. */
  config: string[];
  /** Folders never watched, though inside a content folder: the output folder, whose writes are no edits. */
  ignore?: string[];
}

/** What changed in one batch: content files (relative to the working folder when inside it, else absolute), or everything. */
export interface Changes {
  files: string[];
  /** Content files that were removed (they are also in `files`). */
  removed: string[];
  /** Why every briefing may be touched, when something other than a content file changed. */
  everything?: string;
}

export interface InputWatcher {
  /** Settles once the watcher has read the folders it watches. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const isContentFile = (file: string) => CONTENT_EXTENSIONS.includes(path.extname(file).toLowerCase());
const isAsset = (file: string) => ASSET_EXTENSIONS.includes(path.extname(file).toLowerCase());
/** Editors' swap and backup files, hidden files and node_modules are never inputs. */
const isNoise = (file: string) => {
  const base = path.basename(file);
  return base.startsWith('.') || base.endsWith('~') || base === 'node_modules' || /^\d+$/.test(base);
};

/**
 * Watches `targets` and calls `onChanges` with what changed, batched over `settleMs` of quiet. A save
 * by rename is one change of that content file; temporary files editors make on the way are ignored.
 */
export function watchInputs(targets: WatchTargets, onChanges: (c: Changes) => void, settleMs = 60): InputWatcher {
  let files = new Set<string>();
  let removed = new Set<string>();
  let everything: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    const batch: Changes = { files: [...files].sort(), removed: [...removed].sort(), everything };
    files = new Set();
    removed = new Set();
    everything = undefined;
    if (batch.files.length || batch.everything) onChanges(batch);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, settleMs);
  };

  const trusted = targets.trusted.map((p) => path.resolve(p));
  const config = new Set(targets.config.map((p) => path.resolve(p)));
  const inside = (file: string, root: string) => file === root || file.startsWith(root + path.sep);
  const ignored = (targets.ignore ?? []).map((p) => path.resolve(p));
  const onEvent = (event: string, changed: string) => {
    const file = path.resolve(changed);
    if (config.has(file)) everything = `${path.basename(file)} changed`;
    else if (trusted.some((root) => inside(file, root))) everything = 'templates or themes changed';
    else if (isNoise(file)) return;
    else if (isContentFile(file)) {
      // Named as the user sees it: relative to the working folder when inside it, else absolute (as the first build named it).
      const rel = shown(file);
      files.add(rel);
      if (event === 'unlink') removed.add(rel);
      else removed.delete(rel);
    } else if (isAsset(file)) everything = `${path.basename(file)} changed`;
    else return; // an editor's temporary file, or anything else no briefing reads
    schedule();
  };

  // chokidar given a missing path emits 'ready' before it has read the other paths (a save right after
  // it went unseen). Paths that do not exist yet (config files, mostly) are watched through their
  // folders instead, one level deep, by a watcher of their own that sees nothing but those names.
  const [present, missing] = partition([...targets.content, ...trusted], (p) => existsSync(p));
  const wanted = new Set([...config, ...missing.map((p) => path.resolve(p))]);
  // chokidar given no path at all never emits 'ready': a watcher is made only for paths to watch.
  const watchers: FSWatcher[] = [];
  if (present.length) watchers.push(chokidar.watch(present, {
    ignoreInitial: true,
    // Only noise inside folders is skipped: a path the user named is watched whatever its name.
    ignored: (p: string) =>
      ignored.some((root) => inside(path.resolve(p), root)) || (isNoise(p) && !targets.content.some((c) => path.resolve(c) === path.resolve(p))),
    atomic: true,
  }));
  const folders = [...new Set([...wanted].map((f) => path.dirname(f)))].filter((d) => existsSync(d));
  if (folders.length) watchers.push(chokidar.watch(folders, {
    ignoreInitial: true,
    depth: 0,
    ignored: (p: string) => {
      const file = path.resolve(p);
      return !wanted.has(file) && !folders.includes(file);
    },
    atomic: true,
  }));
  for (const w of watchers) {
    w.on('all', (event, changed) => {
      if (event === 'add' || event === 'change' || event === 'unlink') onEvent(event, changed);
    });
  }
  const ready = Promise.all(watchers.map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve())))).then(() => undefined);
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await Promise.all(watchers.map((w) => w.close()));
    },
  };
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** A content file's path for messages: `content/a.yaml` inside the working folder, `/tmp/x/a.yaml` outside it. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
