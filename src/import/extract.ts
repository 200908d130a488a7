// Turns raw input (plain text, Markdown or an HTML page) into an Article: title, metadata and body blocks.
import type { Article, Block } from './article.js';
import { squash } from './text.js';

/** Which reader an input needs: by file extension first, then by what the text looks like. */
export function detectFormat(input: string, name?: string): Article['format'] {
  const ext = name?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (/^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(input)) return 'html';
  if (/^#{1,6} \S/m.test(input) || /^---\r?\n[\s\S]*?\r?\n---\r?\n/.test(input)) return 'markdown';
  return 'text';
}

export async function extractArticle(input: string, name?: string): Promise<Article> {
  const format = detectFormat(input, name);
  if (format === 'html') {
    const { extractHtml } = await import('./extract-html.js');
    return extractHtml(input);
  }
  return format === 'markdown' ? extractMarkdown(input) : extractText(input);
}

const URL_LINE = /^(?:(?:source|url|link|from)\s*:\s*)?<?(https?:\/\/\S+?)>?$/i;

/** Plain text: paragraphs split by blank lines (or by lines when there are none); a short first line is the title. */
export function extractText(input: string): Article {
  const text = input.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const chunks = /\n[ \t]*\n/.test(text.trim()) ? text.split(/\n[ \t]*\n/) : text.split('\n');
  const paragraphs = chunks.map(squash).filter(Boolean);
  const article: Article = { format: 'text', blocks: [] };
  takeUrls(paragraphs, article);
  const first = paragraphs[0];
  if (first && paragraphs.length > 1 && looksLikeTitle(first)) {
    article.title = first;
    paragraphs.shift();
  }
  article.blocks = paragraphs.map((p) => ({ kind: 'paragraph', text: p }));
  return article;
}

/** A line that is a headline rather than prose: short, no final full stop, no dateline dash. */
function looksLikeTitle(line: string): boolean {
  return line.length <= 180 && !/[.:;]$/.test(line) && !/^[A-Z][A-Z .,'’-]+\s?(?:\([^)]*\))?\s?[—–-]/.test(line);
}

/** Removes lines that are only a URL (or "Source: URL") at the start or end, keeping the first as the article's URL. */
function takeUrls(paragraphs: string[], article: Article): void {
  for (const at of [0, paragraphs.length - 1, 0]) {
    const m = paragraphs[at]?.match(URL_LINE);
    if (m?.[1]) {
      article.url ??= m[1];
      paragraphs.splice(at, 1);
    }
  }
}

/** Markdown: front matter (title, date, url, publisher, author), `#` headline, `##` headings, paragraphs without markup. */
export function extractMarkdown(input: string): Article {
  let text = input.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const article: Article = { format: 'markdown', blocks: [] };
  const front = text.match(/^---\n([\s\S]*?)\n---\n/);
  if (front?.[1]) {
    text = text.slice(front[0].length);
    for (const line of front[1].split('\n')) {
      const m = line.match(/^(\w+)\s*:\s*["']?(.*?)["']?\s*$/);
      if (!m?.[1] || !m[2]) continue;
      const [key, value] = [m[1].toLowerCase(), m[2]];
      if (key === 'title') article.title = value;
      else if ((key === 'date' || key === 'published') && /^\d{4}-\d\d-\d\d/.test(value)) article.published = value.slice(0, 10);
      else if ((key === 'url' || key === 'source' || key === 'link') && /^https?:\/\//.test(value)) article.url = value;
      else if (key === 'publisher' || key === 'site') article.publisher = value;
      else if (key === 'author' || key === 'byline') article.author = value;
    }
  }
  const blocks: Block[] = [];
  for (const chunk of text.replace(/```[\s\S]*?```/g, '').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    const setext = lines.length === 2 && /^\s*(=+|-+)\s*$/.test(lines[1] ?? '');
    const atx = lines[0]?.match(/^\s*(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (setext || (atx && lines.length === 1)) {
      const level = setext ? ((lines[1] ?? '').includes('=') ? 1 : 2) : (atx?.[1]?.length ?? 2);
      const heading = inline(setext ? (lines[0] ?? '') : (atx?.[2] ?? ''));
      if (level === 1 && !article.title) article.title = heading;
      else if (heading && !(level === 1 && heading === article.title)) blocks.push({ kind: 'heading', text: heading });
      continue;
    }
    if (lines.every((l) => /^\s*(?:[-*+]|\d+[.)])\s+/.test(l))) {
      for (const l of lines) pushParagraph(blocks, l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
      continue;
    }
    pushParagraph(blocks, lines.map((l) => l.replace(/^\s*>\s?/, '')).join(' '));
  }
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  if (!article.url) {
    const before = paragraphs.length;
    takeUrls(paragraphs, article);
    if (paragraphs.length !== before) article.blocks = blocks.filter((b) => b.kind !== 'paragraph' || paragraphs.includes(b.text));
  }
  if (!article.blocks.length) article.blocks = blocks;
  return article;
}

function pushParagraph(blocks: Block[], raw: string): void {
  const text = inline(raw);
  if (text && !/^[-*_]{3,}$/.test(text)) blocks.push({ kind: 'paragraph', text });
}

/** Inline Markdown to plain text: images dropped, links to their text, emphasis and code marks removed. */
export function inline(s: string): string {
  return squash(
    s
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/<(https?:\/\/[^>]+)>/g, '$1')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1'),
  );
}
