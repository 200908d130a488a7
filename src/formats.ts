// The outputs a build can make: one list for the CLI's choices, the build and the API.
export const FORMATS = ['html', 'pdf', 'print', 'md', 'handout', 'png'] as const;
export type Format = (typeof FORMATS)[number];
/** What a build makes when no --format is given. */
export const DEFAULT_FORMATS: Format[] = ['html', 'pdf', 'print', 'md'];
