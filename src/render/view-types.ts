// The smallest types of the view, shared by the view and its figures without importing each other.
import Handlebars from './handlebars.js';
import type { Run } from '../model/runs.js';

export type TextContext = 'markdown' | 'html';

/** Content text, ready for the template's context; Handlebars prints it as is. */
export type Safe = Handlebars.SafeString;

/**
 * A text written out for one context that keeps the runs it was written from, so that an output with
 * its own rules (PowerPoint) reads the runs instead of parsing the written text back.
 */
export class Written extends Handlebars.SafeString {
  constructor(
    written: string,
    readonly runs: readonly Run[],
  ) {
    super(written);
  }
}

export interface Cite {
  n: number;
  id: string;
}
