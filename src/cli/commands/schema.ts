// `briefdeck schema`: prints the JSON Schema of the content format, made from the schema that validates.
import { contentJsonSchema } from '../../content/schema.js';
import type { Logger } from '../log.js';

/** The schema document, as `briefdeck schema` prints it and schema/briefing.schema.json holds it. */
export function schemaText(): string {
  const { $schema, ...rest } = contentJsonSchema() as Record<string, unknown>;
  const doc = { $schema, title: 'briefdeck briefing', description: 'A briefdeck content file (docs/content.md)', ...rest };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function runSchema(log: Logger): number {
  log.data(schemaText());
  return 0;
}
