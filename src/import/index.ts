// `briefdeck import` as a function: raw article in, a content draft (object and YAML) out, checked against the schema.
// The schema (zod) and the YAML writer load after the sentences are on the names thread: it waits for nothing else.
import { BriefdeckError, ExitCode, contentError, formatPath } from '../errors.js';
import { actorsOf, nameRunsOf } from './actors.js';
import type { Sentence } from './article.js';
import { takeDateline } from './dateline.js';
import { referenceOf } from './dates.js';
import type { Draft, Reviews } from './draft.js';
import { extractArticle } from './extract.js';
import { typedNames } from './names-thread.js';
import { paragraphs, sentencesOf } from './nlp.js';
import { keyPointCount, keySentences } from './rank.js';
import { sectionsOf } from './sections.js';
import { clipWords, wordCount } from './text.js';
import { timelineOf } from './timeline.js';

export interface ImportOptions {
  /** The input's file name, for its extension and for messages. */
  name: string;
  /** --date: the as-of date when the text gives none. */
  date?: string;
  /** Today (YYYY-MM-DD), the last resort for the as-of date. */
  today: string;
  /** The `# yaml-language-server` line for where the draft is written. */
  modeline: string;
}

export interface Imported {
  draft: Draft;
  yaml: string;
  /** Where the as-of date came from. */
  dateFrom: 'text' | 'option' | 'today';
}

/** The BLUF: the lead sentence, and the next one too when the lead is short. */
function blufOf(sentences: Sentence[]): Sentence[] {
  const lead = sentences.filter((s) => s.paragraph === sentences[0]?.paragraph);
  const first = lead[0];
  if (!first) return [];
  return wordCount(first.text) < 20 && lead[1] ? [first, lead[1]] : [first];
}

export async function importArticle(input: string, opts: ImportOptions): Promise<Imported> {
  const article = await extractArticle(input, opts.name);
  const fallbackDay = opts.date ?? opts.today;
  const dateline = takeDateline(article.blocks, Number(fallbackDay.slice(0, 4)));
  const paras = paragraphs(article);
  const sentences = sentencesOf(paras);
  if (!sentences.length) {
    throw contentError({ file: opts.name, message: 'no article text found', hint: 'give a plain-text, Markdown or HTML article with at least one paragraph' });
  }
  // compromise reads the sentences on its thread while this one ranks them and finds their dates.
  const names = typedNames(sentences.map((s) => s.text));
  const textDate = dateline.date ?? article.published;
  const date = textDate ?? fallbackDay;
  const dateFrom = textDate ? 'text' : opts.date ? 'option' : 'today';
  const ref = referenceOf(date);
  const bluf = blufOf(sentences);
  const title = article.title ?? clipWords((sentences[0]?.text ?? '').replace(/[.!?]$/, ''), 12);
  const key = keySentences(sentences, keyPointCount(sentences.length));
  const titleSentence: Sentence = { text: title, paragraph: -1, index: -1 };
  const timeline = timelineOf(article.title ? [titleSentence, ...sentences] : sentences, ref).slice(0, 20);
  if (textDate && !timeline.some((e) => e.date === textDate)) {
    timeline.push({ date: textDate, event: `${article.publisher ?? 'The article'} reports: ${title}` });
  }
  const sections = sectionsOf(article.blocks, sentences, new Set(bluf.map((s) => s.index)));
  const runs = nameRunsOf(sentences);
  const [typed, { briefingSchema }, { draftYaml }] = await Promise.all([names, import('../content/schema.js'), import('./draft.js')]);
  const actors = actorsOf(sentences, typed, runs);
  const source: Draft['sources'][number] = { id: 'article', title };
  const publisher = article.publisher ?? dateline.agency;
  if (publisher) source.publisher = publisher;
  if (article.author) source.author = article.author;
  if (article.url) source.url = article.url;
  if (textDate) source.published = textDate;

  const draft: Draft = {
    title,
    lang: 'en',
    date,
    ...(dateline.place ? { dateline: dateline.place } : {}),
    bluf: bluf.map((s) => s.text).join(' '),
    keyPoints: key.map((s) => ({ text: s.text, sources: ['article'] })),
    ...(sections.length ? { sections } : {}),
    ...(actors.length ? { actors: actors.map((a) => ({ ...a, sources: ['article'] })) } : {}),
    ...(timeline.length ? { timeline: timeline.map((e) => ({ ...e, sources: ['article'] })) } : {}),
    sources: [source],
  };
  const reviews: Reviews = {
    title: article.title ? "the article's headline; write the briefing's own" : 'no headline found: made from the lead sentence',
    date:
      dateFrom === 'text' ? 'the date the article gives' : dateFrom === 'option' ? 'from --date; the article gives no date' : "no date in the article and no --date: today's date; set the article's date",
    dateline: "the article's dateline",
    bluf: 'the lead sentence(s); say the bottom line in your own words',
    keyPoints: 'sentences a lead-biased ranker picked; rewrite as judgments, add likelihood and confidence where you can',
    sections: "paragraphs grouped by topic; titles, leads and points are the article's sentences",
    actors: 'names found in the text with a guessed type; the role is the first sentence naming them; add stance',
    timeline: 'dates found in the text, resolved against the article date; check each date and shorten each event',
    sources: 'the article itself; add the sources it relies on',
  };
  const header = [
    `Draft made by briefdeck import from ${opts.name}. Every field marked "review:" was generated: check it against the article.`,
    'Build it as it is with `briefdeck build <this file>`; edit it into a briefing.',
  ];
  const yaml = draftYaml(draft, reviews, opts.modeline, header);
  const checked = briefingSchema.safeParse(draft);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new BriefdeckError(ExitCode.INTERNAL, {
      file: opts.name,
      field: issue ? formatPath(issue.path) : undefined,
      message: `the imported draft does not validate: ${issue?.message ?? 'unknown problem'}`,
      hint: 'this is a bug in briefdeck import; please report it with the article',
    });
  }
  return { draft, yaml, dateFrom };
}
