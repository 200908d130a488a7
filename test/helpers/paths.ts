// Where things are: the repository root, the example content and the test fixtures.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CONTENT = path.join(ROOT, 'content');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The English and Hebrew examples shipped in content/. */
export const EXAMPLE = path.join(CONTENT, 'us-iran-nuclear-talks.yaml');
export const EXAMPLE_HE = path.join(CONTENT, 'us-iran-nuclear-talks.he.yaml');

export const fixture = (name: string) => path.join(FIXTURES, name);
