// An HTML page to an Article: @mozilla/readability finds the article body in a linkedom DOM; meta tags give the rest.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article, Block } from './article.js';
import { squash } from './text.js';

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(document: Doc, ...names: string[]): string | undefined {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

function isoDay(s: string | undefined | null): string | undefined {
  const m = s?.match(/^(\d{4}-\d\d-\d\d)/);
  return m?.[1];
}

export function extractHtml(html: string): Article {
  const { document } = parseHTML(html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const url = [meta(document, 'og:url'), canonical].find((u) => u && /^https?:\/\//.test(u));
  const published = isoDay(
    meta(document, 'article:published_time', 'datePublished', 'date', 'DC.date.issued', 'pubdate') ??
      document.querySelector('time[datetime]')?.getAttribute('datetime'),
  );
  const metaTitle = meta(document, 'og:title', 'twitter:title');
  const publisher = meta(document, 'og:site_name', 'publisher', 'application-name');
  const author = meta(document, 'author', 'article:author');
  const parsed = new Readability(document, { charThreshold: 200 }).parse();
  const blocks: Block[] = [];
  if (parsed?.content) {
    const body = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document;
    for (const el of body.querySelectorAll('h1, h2, h3, h4, p, li, blockquote, pre, figcaption, td')) {
      if (el.tagName === 'FIGCAPTION' || el.tagName === 'TD' || el.closest('figure, table')) continue;
      if (el.tagName !== 'BLOCKQUOTE' && el.parentElement?.closest('blockquote')) continue;
      if (el.tagName === 'LI' && el.querySelector('p')) continue;
      if ((el.tagName === 'BLOCKQUOTE' || el.tagName === 'LI') && el.querySelector('p, li')) continue;
      const text = squash(el.textContent ?? '');
      if (!text) continue;
      blocks.push({ kind: /^H\d$/.test(el.tagName) ? 'heading' : 'paragraph', text });
    }
  }
  const title = squash(parsed?.title || metaTitle || document.querySelector('title')?.textContent || '');
  if (blocks[0]?.kind === 'heading' && blocks[0].text === title) blocks.shift();
  const article: Article = { format: 'html', blocks };
  if (title) article.title = title;
  const site = publisher ?? parsed?.siteName ?? undefined;
  if (site) article.publisher = squash(site);
  const by = parsed?.byline ?? author;
  if (by) article.author = squash(by).replace(/^by\s+/i, '');
  if (url) article.url = url;
  const day = published ?? isoDay(parsed?.publishedTime);
  if (day) article.published = day;
  return article;
}
