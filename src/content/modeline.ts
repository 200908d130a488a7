// The first line of content files that `new` and `import` write: it points editors at briefdeck's JSON Schema.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The JSON Schema shipped with briefdeck (made from the content schema; a test keeps it equal to `briefdeck schema`). */
export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/briefing.schema.json', import.meta.url));

/** `# yaml-language-server: $schema=…` with the schema's path relative to the folder that `file` is written in. */
export function schemaModeline(file: string): string {
  const rel = path.relative(path.dirname(path.resolve(file)), SCHEMA_PATH).split(path.sep).join('/');
  return `# yaml-language-server: $schema=${rel}`;
}
