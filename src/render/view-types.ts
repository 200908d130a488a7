// The smallest types of the view, shared by the view and its figures without importing each other.
import type Handlebars from 'handlebars';

export type TextContext = 'markdown' | 'html';

/** Content text, ready for the template's context; Handlebars prints it as is. */
export type Safe = Handlebars.SafeString;

export interface Cite {
  n: number;
  id: string;
}
