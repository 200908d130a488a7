// The outputs a build can make: one list for the CLI's choices, the build and the API.
import { BriefdeckError, ExitCode } from './errors.js';

export const FORMATS = ['html', 'pdf', 'print', 'md', 'handout', 'png', 'pptx'] as const;
export type Format = (typeof FORMATS)[number];
/** What a build makes when no --format is given. */
export const DEFAULT_FORMATS: Format[] = ['html', 'pdf', 'print', 'md'];

/** The formats named by --format (repeated or comma-separated; `all`). */
export function formatsFrom(given: string[]): Format[] {
  const names = given.flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  if (names.includes('all')) return [...FORMATS];
  for (const n of names) {
    if (!(FORMATS as readonly string[]).includes(n)) throw new BriefdeckError(ExitCode.USAGE, { message: `unknown format "${n}"`, hint: `choose from ${FORMATS.join(', ')}, all` });
  }
  return [...new Set(names)] as Format[];
}

/** Whether any of `formats` is printed or photographed by the browser (html and md are not). */
export function needsBrowser(formats: readonly Format[]): boolean {
  return formats.some((f) => f !== 'html' && f !== 'md');
}

/** Whether any of `formats` is made from the slide deck (everything but the print briefing). */
export function needsDeck(formats: readonly Format[]): boolean {
  return formats.some((f) => f !== 'print');
}
