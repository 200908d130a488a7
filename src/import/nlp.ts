// The one wink-nlp instance of an import (its model takes a while to load), and sentence splitting with it.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article, Sentence } from './article.js';
import { squash } from './text.js';

let instance: ReturnType<typeof winkNLP> | undefined;

export function wink(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
  return instance;
}

/** Splits one paragraph into sentences (wink's splitter knows "U.S." and "Mr."). */
export function splitSentences(paragraph: string): string[] {
  const nlp = wink();
  const out = nlp.readDoc(paragraph).sentences().out();
  return out.map(squash).filter(Boolean);
}

/** The body paragraphs of an article, without headings. */
export function paragraphs(article: Article): string[] {
  return article.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
}

/** Every sentence of the body with its paragraph and position. */
export function sentencesOf(paras: string[]): Sentence[] {
  const out: Sentence[] = [];
  paras.forEach((p, paragraph) => {
    for (const text of splitSentences(p)) out.push({ text, paragraph, index: out.length });
  });
  return out;
}
