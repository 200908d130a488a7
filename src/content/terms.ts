// The analytic vocabularies content may use: ICD 203 likelihood terms (with their synonym pairs),
// confidence levels, the Admiralty grades of sources, and the near misses each should be corrected to.

/** ICD 203 expressions of likelihood, from least to most likely. */
export const LIKELIHOODS = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const;
export const CONFIDENCES = ['low', 'moderate', 'high'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
export type Confidence = (typeof CONFIDENCES)[number];

/** ICD 203's second term of each pair (and its adverbs), accepted and shown as the first. */
export const LIKELIHOOD_SYNONYMS: Record<string, Likelihood> = {
  remote: 'almost no chance',
  'highly improbable': 'very unlikely',
  improbable: 'unlikely',
  'roughly even odds': 'roughly even chance',
  probable: 'likely',
  'highly probable': 'very likely',
  'nearly certain': 'almost certain',
};

/** Words writers reach for that are not ICD 203 terms: what to write instead. */
export const NEAR_MISSES: Record<string, string> = {
  medium: 'moderate',
  mid: 'moderate',
  average: 'moderate',
  'very high': 'high',
  'very low': 'low',
  possible: 'roughly even chance',
  possibly: 'roughly even chance',
  'even chance': 'roughly even chance',
  'fifty-fifty': 'roughly even chance',
  certain: 'almost certain',
  'highly likely': 'very likely',
  'highly unlikely': 'very unlikely',
  'very probable': 'highly probable',
  impossible: 'almost no chance',
  'no chance': 'almost no chance',
  probably: 'likely',
};

/** The Admiralty (NATO AJP-2.1) grades: how reliable the source is, how credible the item. */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITIES = ['1', '2', '3', '4', '5', '6'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
export type Credibility = (typeof CREDIBILITIES)[number];

/** A likelihood as written → its canonical term (undefined when it is neither a term nor a synonym). */
export function canonicalLikelihood(s: string): Likelihood | undefined {
  const k = s.trim().toLowerCase().replace(/\s+/g, ' ');
  return (LIKELIHOODS as readonly string[]).includes(k) ? (k as Likelihood) : LIKELIHOOD_SYNONYMS[k];
}

/** A slug: lowercase letters, digits and single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Device names Windows will not let a folder have. */
export const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
