// The docs cannot drift from the code: the field table, the CLI options and the exit codes are checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briefingSchema } from '../../src/content/schema.js';
import { buildOptions } from '../../src/cli/options.js';
import { ExitCode } from '../../src/errors.js';

const read = (f: string) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8');

describe('docs/content.md', () => {
  const doc = read('docs/content.md');
  const table = doc.slice(doc.indexOf('## Fields'), doc.indexOf('## Text'));
  const rows = [...table.matchAll(/^\| `([A-Za-z]+)` \| (yes|no) \|/gm)].map((m) => ({ field: m[1], required: m[2] === 'yes' }));

  it('lists every field of the schema, and no other', () => {
    expect(rows.map((r) => r.field).sort()).toEqual(Object.keys(briefingSchema.shape).sort());
  });

  it('marks exactly the required fields as required', () => {
    const shape = briefingSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    for (const r of rows) {
      const optional = shape[r.field as string]?.safeParse(undefined).success ?? false;
      expect({ field: r.field, required: !optional }).toEqual({ field: r.field, required: r.required });
    }
  });

  it('has an example that validates', async () => {
    const { parseBriefing } = await import('../../src/content/parse.js');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('## A complete example')))?.[1] ?? '';
    expect(parseBriefing(Buffer.from(yaml), 'docs/content.md').keyPoints.length).toBeGreaterThan(0);
  });
});

describe('README', () => {
  const readme = read('README.md');
  it('documents every build option', () => {
    for (const name of Object.keys(buildOptions)) {
      expect(readme, `--${name}`).toContain(`--${name}`);
    }
  });
  it('documents every exit code', () => {
    for (const code of Object.values(ExitCode)) expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
  it('shows the two-command quick start', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});

describe('the public API', () => {
  it('exports the build and the content format', async () => {
    const api = await import('../../src/index.js');
    expect(typeof api.build).toBe('function');
    expect(typeof api.parseBriefing).toBe('function');
    expect(api.contentJsonSchema()).toMatchObject({ type: 'object', required: expect.arrayContaining(['title', 'date', 'bluf', 'keyPoints', 'sources']) });
  });
});
