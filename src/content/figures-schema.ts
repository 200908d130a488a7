// The content fields drawn as figures: key figures (large numbers), charts from data, the locator map.
import { z } from 'zod';
import { alpha3ToAlpha2, isAlpha2 } from './iso-codes.js';

export const CHART_TYPES = ['bar', 'column', 'line'] as const;
/** A chart stays legible with this many series and categories. */
export const CHART_LIMITS = { series: 4, categories: 24 };

interface Primitives {
  text: z.ZodType<string, string>;
  sourceRefs: z.ZodType<string[], string[]>;
  notes: z.ZodOptional<z.ZodType<string, string>>;
  partialDate: z.ZodType<string, string | number>;
}

/** An ISO 3166-1 code, alpha-2 or alpha-3, normalised to upper-case alpha-2. */
const countryCode = z
  .string({ error: 'expected an ISO 3166-1 country code such as IR or IRN' })
  .transform((s, ctx) => {
    const c = s.trim().toUpperCase();
    const a2 = c.length === 3 ? alpha3ToAlpha2(c) : c;
    if (a2 && /^[A-Z]{2}$/.test(a2) && isAlpha2(a2)) return a2;
    ctx.addIssue({ code: 'custom', message: `"${s}" is not an ISO 3166-1 country code`, params: { hint: 'write two or three letters, e.g. IR or IRN for Iran, US or USA, IL or ISR' } });
    return z.NEVER;
  });

export function figureFields(p: Primitives) {
  const label = p.text;
  const value = z
    .union([z.string(), z.number()], { error: 'expected the figure as text, e.g. "60%" or "+50%"' })
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, 'must not be empty').max(12, 'must be at most 12 characters: a figure, not a sentence (say the rest in its label)'));
  const keyFigure = z.strictObject({ value, label, sources: p.sourceRefs.optional(), notes: p.notes });
  const series = z.strictObject({
    name: label,
    values: z.array(z.number({ error: 'expected a number (or null for no value)' }).nullable(), { error: 'expected a list of numbers, one per category' }),
  });
  const chart = z.strictObject({
    /** Lets a section put the chart beside its points: `sections[].chart: <id>`. */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected an id: letters, digits, dots, dashes or underscores').optional(),
    type: z.enum(CHART_TYPES, { error: `expected a chart type: ${CHART_TYPES.join(', ')}` }),
    title: label,
    /** What a screen reader says of the chart; briefdeck writes one from the data when it is missing. */
    description: label.optional(),
    unit: label.optional(),
    categories: z
      .array(z.union([z.string(), z.number()]).transform((v) => String(v)), { error: 'expected a list of category labels' })
      .min(1, 'needs at least one category')
      .max(CHART_LIMITS.categories, `at most ${CHART_LIMITS.categories} categories stay legible`),
    series: z.array(series).min(1, 'needs at least one series').max(CHART_LIMITS.series, `at most ${CHART_LIMITS.series} series stay legible`),
    /** The source line under the chart, e.g. "IAEA reports". */
    source: label.optional(),
    sources: p.sourceRefs.optional(),
    notes: p.notes,
  });
  const map = z.strictObject({
    highlight: z.array(countryCode, { error: 'expected a list of ISO country codes, e.g. [IR, US]' }).min(1, 'needs at least one country'),
    /** Frame the map on these countries (default: the highlighted ones). */
    focus: z.array(countryCode).optional(),
    label: z.boolean({ error: 'expected true or false' }).default(true),
    caption: label.optional(),
    notes: p.notes,
  });
  return {
    keyFigures: z.array(keyFigure).min(1, 'needs at least one figure, or leave keyFigures out').max(8, 'at most 8 key figures fit one slide'),
    charts: z.array(chart),
    map,
  };
}

type FigureFields = ReturnType<typeof figureFields>;
interface WithFigures {
  keyFigures?: z.output<FigureFields['keyFigures']>;
  charts?: z.output<FigureFields['charts']>;
  sections?: { chart?: string }[];
}

/** Series as long as the categories; chart ids unique; a section's chart defined. */
export function checkFigures(b: WithFigures, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  b.charts?.forEach((c, i) => {
    c.series.forEach((s, j) => {
      if (s.values.length !== c.categories.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['charts', i, 'series', j, 'values'],
          message: `has ${s.values.length} values for ${c.categories.length} categories`,
          params: { hint: 'give one value per category, in the same order (null where there is none)' },
        });
      }
    });
    if (c.series.every((s) => s.values.every((v) => v === null))) {
      ctx.addIssue({ code: 'custom', path: ['charts', i, 'series'], message: 'has no values to draw' });
    }
    if (c.id && ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['charts', i, 'id'], message: `duplicate chart id "${c.id}"` });
    if (c.id) ids.add(c.id);
  });
  b.sections?.forEach((s, i) => {
    if (s.chart !== undefined && !ids.has(s.chart)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections', i, 'chart'],
        message: `unknown chart id "${s.chart}"`,
        params: { hint: ids.size ? `chart ids: ${[...ids].join(', ')}` : 'give the chart an `id:` under `charts`', candidates: [...ids] },
      });
    }
  });
}

/** The figures' `sources: [id]` lists, with their paths, for the citation check. */
export function figureCitations(b: WithFigures): [(string | number)[], string[] | undefined][] {
  return [
    ...(b.keyFigures ?? []).map((k, i): [(string | number)[], string[] | undefined] => [['keyFigures', i, 'sources'], k.sources]),
    ...(b.charts ?? []).map((c, i): [(string | number)[], string[] | undefined] => [['charts', i, 'sources'], c.sources]),
  ];
}
