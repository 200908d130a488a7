// The config file's schema (see config.ts), apart so that a build without a config loads neither
// zod nor the YAML parser for it.
import { z } from 'zod';
import { parseWithSchema } from './content/parse.js';
import { DEFAULT_LIMITS } from './content/limits.js';

const colour = z
  .string({ error: 'expected a colour as #RRGGBB' })
  .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #RRGGBB, e.g. #14213D');

export const configSchema = z.strictObject({
  organisation: z.string().trim().min(1).max(120).optional(),
  logo: z.string({ error: 'expected a path to an SVG or PNG file' }).regex(/\.(svg|png)$/i, 'expected a path to an .svg or .png file').optional(),
  colors: z.strictObject({ primary: colour.optional(), accent: colour.optional() }).optional(),
  theme: z.string().regex(/^[a-z0-9-]+$/, 'expected a theme name such as briefing or situation-room').optional(),
  paper: z.enum(['a4', 'letter'], { error: 'expected a4 or letter' }).optional(),
  defaultMarking: z.string().trim().min(1).max(120).optional(),
  /** Folder whose templates override the built-in ones by path. */
  templates: z.string().min(1).optional(),
  /** Extra Marp theme CSS files. */
  themes: z.array(z.string().regex(/\.css$/i, 'expected a .css file')).optional(),
});

export type ConfigInput = z.input<typeof configSchema>;

/** The config file's fields, validated like content (errors at file:line:column). */
export function parseConfig(bytes: Buffer, file: string): z.output<typeof configSchema> {
  return parseWithSchema(bytes, file, configSchema, DEFAULT_LIMITS, 'a configuration: a mapping of fields (organisation, logo, colors, theme, paper, defaultMarking)');
}
