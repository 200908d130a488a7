// The distinct briefings the benches measure: the test corpus's twelve and the two examples, each deck
// unlike the one before it (copies of one deck let a page keep what it showed for the next).
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Copies them into `dir` (made if missing), the corpus's pictures with them; returns `dir`. */
export function distinctContent(root, dir) {
  cpSync(path.join(root, 'test', 'fixtures', 'corpus'), dir, { recursive: true });
  for (const f of readdirSync(path.join(root, 'content'))) if (f.endsWith('.yaml')) cpSync(path.join(root, 'content', f), path.join(dir, f));
  return dir;
}
