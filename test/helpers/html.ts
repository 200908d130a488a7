// A light, DOM-less look at rendered HTML: counting tags, reading attributes, extracting the visible text.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** The text a reader sees: comments, scripts, styles and tags removed, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(stripped).replace(/\s+/g, ' ').trim();
}

/** Number of start tags `<name` (case-insensitive), e.g. countTags(html, 'h2'). */
export function countTags(html: string, name: string): number {
  return [...html.matchAll(new RegExp(`<${name}(?=[\\s/>])`, 'gi'))].length;
}

/** Every value of `attr` on any element, decoded. */
export function attrValues(html: string, attr: string): string[] {
  const re = new RegExp(`<[a-z][^>]*?\\s${attr}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'gi');
  return [...html.matchAll(re)].map((m) => decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
}

/** The opening tags of every element named `name`, e.g. all `<section ...>` tags. */
export function openTags(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'gi'))].map((m) => m[0]);
}

/** One attribute of one opening tag. */
export function attrOf(tag: string, attr: string): string | undefined {
  const m = new RegExp(`\\s${attr}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') : undefined;
}

/** Decodes CSS string escapes (`\3c ` and `\"`) in the body of a CSS string literal. */
export function decodeCssString(s: string): string {
  return s.replace(/\\([0-9a-f]{1,6})\s?|\\([^0-9a-f])/gi, (_m, hex: string | undefined, ch: string | undefined) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : (ch ?? ''),
  );
}

/** The <script> elements in document order: their opening tag and their content. */
export function scriptElements(html: string): { tag: string; content: string }[] {
  return [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi)].map((m) => ({ tag: m[1] ?? '', content: m[2] ?? '' }));
}
