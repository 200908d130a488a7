// The content format: the single source of truth for a briefing's fields, types and the JSON Schema.
import { z } from 'zod';
import { CONFIDENCES, CREDIBILITIES, LIKELIHOOD_SYNONYMS, LIKELIHOODS, RELIABILITIES, RESERVED_NAMES, SLUG_PATTERN, canonicalLikelihood, type Likelihood } from './terms.js';
import { figureFields, figureCitations, checkFigures } from './figures-schema.js';

export { LIKELIHOODS, CONFIDENCES, SLUG_PATTERN, RESERVED_NAMES } from './terms.js';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Inline Markdown (emphasis, strong, code, links); anything else shows literally. */
const text = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'expected text (a string)') })
  .trim()
  .min(1, 'must not be empty');

/** 2025-02-30 matches the pattern but is not a day of the calendar. */
function realDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const isoDate = z
  .string({ error: 'expected a date as YYYY-MM-DD (quote it in YAML: "2025-04-14")' })
  .regex(ISO_DATE, { error: (i) => proseDateMessage(i.input, 'expected a date as YYYY-MM-DD, e.g. 2025-04-14') })
  .refine((s) => !ISO_DATE.test(s) || realDate(s), { message: 'is not a real calendar date' });

/** YYYY, YYYY-MM or YYYY-MM-DD; a bare year may be written as a number. */
const partialDate = z
  .union([z.string(), z.number().int()], { error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .transform((v) => String(v))
  .refine((s) => PARTIAL_DATE.test(s), { error: (i) => proseDateMessage(i.input, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD'), abort: true })
  .refine((s) => s.length < 10 || realDate(s), { message: 'is not a real calendar date' });

/** `April 14 2025` → "write 2025-04-14"; anything else unreadable keeps the general message. */
export function proseDateMessage(input: unknown, fallback: string): string {
  if (typeof input !== 'string' || !/[a-z]/i.test(input) || !/\d{4}/.test(input)) return fallback;
  const t = Date.parse(`${input.replace(/(\d)(st|nd|rd|th)\b/g, '$1')} 00:00:00 UTC`);
  if (Number.isNaN(t)) return fallback;
  return `"${input}" is not a date briefdeck reads: write ${new Date(t).toISOString().slice(0, 10)} (YYYY-MM-DD)`;
}

const sourceId = z
  .string({ error: 'expected a source id (a string)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a source id: letters, digits, dots, dashes or underscores');
const sourceRefs = z.array(sourceId, { error: 'expected a list of source ids, e.g. [article]' });

const url = z
  .string({ error: 'expected a URL' })
  .url({ error: (i) => (typeof i.input === 'string' && /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(i.input) ? `expected an absolute URL: write https://${i.input}` : 'expected an absolute URL such as https://example.org/page'), abort: true })
  .refine((u) => /^(https?:|mailto:)/i.test(u), { message: 'only http, https and mailto links are allowed' });

/** ICD 203 terms and their synonyms (`probable`, `remote`, …), always normalised to the first term of the pair. */
const likelihood = z
  .enum([...LIKELIHOODS, ...Object.keys(LIKELIHOOD_SYNONYMS)] as [string, ...string[]], {
    error: `expected one of the ICD 203 terms: ${LIKELIHOODS.join(', ')} (or their synonyms: ${Object.keys(LIKELIHOOD_SYNONYMS).join(', ')})`,
  })
  .transform((s): Likelihood => canonicalLikelihood(s) ?? 'roughly even chance');
const confidence = z.enum(CONFIDENCES, { error: `expected one of: ${CONFIDENCES.join(', ')}` });

/** A list item written either as plain text or as an object with `text`; always normalised to the object. */
function textOr<T extends z.ZodRawShape>(shape: T, what: string) {
  const obj = z.strictObject({ text, ...shape }, { error: `expected text or an object with ${what}` });
  return z.union([text.transform((t) => ({ text: t }) as z.output<typeof obj>), obj], {
    error: `expected text or an object with ${what}`,
  });
}

/** Speaker notes: gathered onto the notes of the slide that shows the item. */
const notes = text.optional();

export const keyPointSchema = textOr(
  { sources: sourceRefs.optional(), likelihood: likelihood.optional(), confidence: confidence.optional(), notes },
  'text, sources, likelihood, confidence, notes',
);

const subPoint = textOr({ sources: sourceRefs.optional() }, 'text, sources');
const pointSchema = textOr(
  { sources: sourceRefs.optional(), points: z.array(subPoint).optional(), likelihood: likelihood.optional(), confidence: confidence.optional(), notes },
  'text, sources, points, likelihood, confidence, notes',
);

const figures = figureFields({ text, sourceRefs, notes, partialDate });

export const imageSchema = z.strictObject({
  path: z.string({ error: 'expected a path to a local image beside the content file' }).min(1),
  /** For screen readers and the PDF's tags only; never printed. */
  alt: text,
  /** Printed under the image (slides and print). */
  caption: text.optional(),
  /** Who made the image or holds its rights, printed after the caption. */
  credit: text.optional(),
});

export const sectionSchema = z.strictObject({
  title: text,
  lead: text.optional(),
  points: z.array(pointSchema).optional(),
  image: imageSchema.optional(),
  /** The `id` of a chart (from `charts`) drawn beside this section's points. */
  chart: sourceId.optional(),
  /** Draw the briefing's locator map beside this section instead of on the title slide. */
  map: z.boolean({ error: 'expected true or false' }).optional(),
  notes: text.optional(),
});

export const sourceSchema = z.strictObject(
  {
  id: sourceId,
  title: text,
  publisher: text.optional(),
  author: text.optional(),
  url: url.optional(),
  published: partialDate.optional(),
  accessed: partialDate.optional(),
  /** Admiralty grade of the source: A (completely reliable) … F (cannot be judged). */
  reliability: z
    .string({ error: 'expected a letter A-F (Admiralty reliability)' })
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.enum(RELIABILITIES, { error: 'expected a letter A-F: A completely reliable … E unreliable, F cannot be judged' }))
    .optional(),
  /** Admiralty grade of the information: 1 (confirmed) … 6 (cannot be judged). */
  credibility: z
    .union([z.number(), z.string()], { error: 'expected a number 1-6 (Admiralty credibility)' })
    .transform((v) => String(v).trim())
    .pipe(z.enum(CREDIBILITIES, { error: 'expected a number 1-6: 1 confirmed … 5 improbable, 6 cannot be judged' }))
    .optional(),
  },
  { error: (i) => (typeof i.input === 'string' ? 'a source is {id, title, url, …}, not a string' : 'expected a source: {id, title, url, …}') },
);

export const actorSchema = z.strictObject({
  name: text,
  type: text.optional(),
  role: text.optional(),
  stance: text.optional(),
  sources: sourceRefs.optional(),
  notes,
});

export const eventSchema = z.strictObject({
  date: partialDate,
  /** The last year, month or day of an event that lasted (`date: 1980`, `end: 2012`). */
  end: partialDate.optional(),
  /** Drawn apart as expected, not past; events dated after the as-of date are projected anyway. */
  projected: z.boolean({ error: 'expected true or false' }).optional(),
  event: text,
  sources: sourceRefs.optional(),
  notes,
});

export const scenarioSchema = z.strictObject({
  name: text,
  likelihood: likelihood.optional(),
  confidence: confidence.optional(),
  description: text.optional(),
  indicators: z.array(text).optional(),
  notes,
});

export const quoteSchema = z.strictObject({ text, speaker: text.optional(), sources: sourceRefs.optional(), notes });
export const glossarySchema = z.strictObject({ term: text, meaning: text });

const lang = z
  .string({ error: 'expected a BCP 47 language tag such as en, he or pt-BR' })
  .refine(
    (s) => {
      try {
        return Intl.getCanonicalLocales(s).length === 1;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid BCP 47 language tag (e.g. en, he, ar, pt-BR)' },
  );

export const briefingSchema = z
  .strictObject({
    title: text,
    subtitle: text.optional(),
    slug: z
      .string({ error: 'expected a slug (text)' })
      .regex(SLUG_PATTERN, 'expected a plain name: lowercase letters, digits and single dashes, e.g. iran-talks')
      .max(80, 'must be at most 80 characters')
      .refine((v) => !RESERVED_NAMES.test(v), { message: 'is a name reserved by Windows (con, nul, com1, …); choose another' })
      .optional(),
    lang: lang.default('en'),
    date: isoDate,
    dateline: text.optional(),
    author: text.optional(),
    audience: text.optional(),
    marking: text.max(120, 'must be at most 120 characters').optional(),
    theme: z.string().regex(/^[a-z0-9-]+$/, 'expected a theme name such as briefing or situation-room').optional(),
    bluf: text,
    blufNotes: text.optional(),
    notes: text.optional(),
    keyPoints: z.array(keyPointSchema, { error: 'expected a list of key points' }).min(1, 'needs at least one key point'),
    keyFigures: figures.keyFigures.optional(),
    charts: figures.charts.optional(),
    map: figures.map.optional(),
    sections: z.array(sectionSchema).optional(),
    actors: z.array(actorSchema).optional(),
    timeline: z.array(eventSchema).optional(),
    scenarios: z.array(scenarioSchema).optional(),
    indicators: z.array(text).optional(),
    quotes: z.array(quoteSchema).optional(),
    glossary: z.array(glossarySchema).optional(),
    sources: z.array(sourceSchema, { error: 'expected a list of sources' }).min(1, 'needs at least one source'),
  })
  .superRefine((b, ctx) => {
    checkFigures(b, ctx);
    const ids = new Map<string, number>();
    b.sources.forEach((s, i) => {
      if (ids.has(s.id)) {
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
      }
      ids.set(s.id, i);
    });
    for (const { path, id } of citations(b)) {
      if (!ids.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `unknown source id "${id}"`,
          params: { hint: `known ids: ${[...ids.keys()].join(', ')}`, candidates: [...ids.keys()] },
        });
      }
    }
  });

export type BriefingInput = z.input<typeof briefingSchema>;
export type Briefing = z.output<typeof briefingSchema>;
export type KeyPoint = Briefing['keyPoints'][number];
export type Section = NonNullable<Briefing['sections']>[number];
export type Source = Briefing['sources'][number];
export type { Likelihood, Confidence, Reliability, Credibility } from './terms.js';
export type Chart = NonNullable<Briefing['charts']>[number];
export type KeyFigure = NonNullable<Briefing['keyFigures']>[number];
export type LocatorMap = NonNullable<Briefing['map']>;

/** Every `sources: [id]` reference in a briefing, with its path. */
export function* citations(b: Briefing): Generator<{ path: (string | number)[]; id: string }> {
  const lists: [(string | number)[], string[] | undefined][] = [];
  b.keyPoints.forEach((k, i) => lists.push([['keyPoints', i, 'sources'], k.sources]));
  b.sections?.forEach((s, i) =>
    s.points?.forEach((p, j) => {
      lists.push([['sections', i, 'points', j, 'sources'], p.sources]);
      p.points?.forEach((q, k) => lists.push([['sections', i, 'points', j, 'points', k, 'sources'], q.sources]));
    }),
  );
  b.actors?.forEach((a, i) => lists.push([['actors', i, 'sources'], a.sources]));
  b.timeline?.forEach((e, i) => lists.push([['timeline', i, 'sources'], e.sources]));
  b.quotes?.forEach((q, i) => lists.push([['quotes', i, 'sources'], q.sources]));
  lists.push(...figureCitations(b));
  for (const [path, ids] of lists) {
    for (const [k, id] of (ids ?? []).entries()) yield { path: [...path, k], id };
  }
}

/** The JSON Schema of the content format, for editors and other tools. */
export function contentJsonSchema(): unknown {
  return z.toJSONSchema(briefingSchema, { io: 'input', unrepresentable: 'any' });
}
