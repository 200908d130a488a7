// The shape every importer stage shares: an article as blocks of text with whatever metadata the input had.

/** One block of the article body: a paragraph, or a heading that starts a part of it. */
export interface Block {
  kind: 'paragraph' | 'heading';
  text: string;
}

export interface Article {
  format: 'text' | 'markdown' | 'html';
  title?: string;
  publisher?: string;
  author?: string;
  url?: string;
  /** YYYY-MM-DD when the input states when it was published. */
  published?: string;
  blocks: Block[];
}

/** A sentence of the body, with where it stands. */
export interface Sentence {
  text: string;
  /** Index of its paragraph among the body's paragraphs (headings not counted). */
  paragraph: number;
  /** Position among all sentences of the body. */
  index: number;
}
