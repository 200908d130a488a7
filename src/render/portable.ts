// deck.md for Marp's own tools (Marp CLI, Marp for VS Code), which know neither of briefdeck's two
// additions to Marp Markdown (spans.ts, figure-fence.ts); each is written as the HTML it stands for,
// which Marp's default HTML allowlist keeps.
//
// Spans: `%%[kicker]…%%` becomes <span class="kicker">…</span>, in the slides and in the header and
// footer directives of the front matter.
//
// Figures: briefdeck's figures travel through its Marp engine as `briefdeck-figure`
// fences (figure-fence.ts) and are drawn inline, taking the theme's colours from its custom properties.
// Any other Marp renderer (Marp CLI, Marp for VS Code) shows such a fence as code: tens of kilobytes of
// SVG source on the slide, and slow to lay out. In the written deck.md each fence becomes a figure holding
// the SVG as an image (Marp's default HTML allowlist keeps <figure> and <img src>), and since an image does
// not inherit the page's custom properties, their values are written into the SVG.

const FENCE = /\n```briefdeck-figure\n(<svg [\s\S]*?<\/svg>)\n```\n/g;
const VAR = /var\((--[\w-]+)\s*(?:,([^()]*))?\)/;

export interface FigureCss {
  /** The deck's theme CSS. */
  theme: string;
  /** CSS the deck adds in its front matter (figures.css, branding). */
  style: string;
}

/** The custom properties declared in rules whose selector is one of `selectors`, later rules winning. */
export function customProperties(css: string, selectors: string[]): Map<string, string> {
  const props = new Map<string, string>();
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const rule of bare.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    // A statement before the rule (`@import 'base';`) is not part of its selector.
    const names = (rule[1] ?? '').split(';').pop()!.split(',').map((s) => s.trim().replace(/\s+/g, ' '));
    if (!names.some((n) => selectors.includes(n))) continue;
    for (const decl of (rule[2] ?? '').matchAll(/(--[\w-]+)\s*:\s*([^;]+)/g)) props.set(decl[1] as string, (decl[2] as string).trim());
  }
  return props;
}

/** Every `var(--x, fallback)` in `text` replaced by its value in `props` (resolved in turn), else its fallback. */
export function resolveVars(text: string, props: Map<string, string>, escape: (s: string) => string = (s) => s): string {
  const value = (name: string, fallback: string | undefined, depth: number): string => {
    const own = props.get(name);
    if (own !== undefined && depth < 8) return resolve(own, depth + 1);
    return fallback === undefined ? '' : resolve(fallback, depth + 1);
  };
  const resolve = (s: string, depth: number): string => {
    let out = s;
    for (let m = VAR.exec(out); m; m = VAR.exec(out)) out = out.slice(0, m.index) + value(m[1] as string, m[2]?.trim(), depth) + out.slice(m.index + m[0].length);
    return out;
  };
  // Innermost first: a var() holding no parenthesis; its replacement is escaped once, for the attribute.
  let out = text;
  for (let m = VAR.exec(out); m; m = VAR.exec(out)) out = out.slice(0, m.index) + escape(value(m[1] as string, m[2]?.trim()?.replace(/&#39;/g, "'").replace(/&quot;/g, '"'), 0)) + out.slice(m.index + m[0].length);
  return out;
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The fitted deck's Markdown as any Marp renderer draws it: spans as HTML, figures as SVG images. */
export function portableMarkdown(markdown: string, css: FigureCss): string {
  const end = markdown.startsWith('---\n') ? markdown.indexOf('\n---\n', 4) : -1;
  const front = end < 0 ? '' : markdown.slice(0, end + 5);
  const body = end < 0 ? markdown : markdown.slice(end + 5);
  // Front matter values are JSON strings (YAML reads them as double-quoted scalars).
  const directives = front.replace(/^((?:header|footer): )(".*")$/gm, (_l, key: string, value: string) => key + JSON.stringify(htmlSpans(JSON.parse(value) as string)));
  return directives + portableFigures(htmlSpans(body), css);
}

/** `%%[names]` and its closing `%%` as a <span>; a backslash escape (content's `\%`) and a comment are passed over whole. */
export function htmlSpans(markdown: string): string {
  if (!markdown.includes('%%')) return markdown;
  // Comments (speaker notes, directives) are not Markdown: their text stays as written.
  return markdown.replace(/<!--[\s\S]*?-->|\\[\s\S]|%%\[([a-z0-9 -]+)\]|%%/g, (m, names: string | undefined) =>
    m.startsWith('\\') || m.startsWith('<!--') ? m : names !== undefined ? `<span class="${names.trim()}">` : '</span>',
  );
}

/** The Markdown with every figure fence written as a self-contained SVG image. */
export function portableFigures(markdown: string, css: FigureCss): string {
  if (!markdown.includes('```briefdeck-figure')) return markdown;
  const all = css.theme + '\n' + css.style;
  const base = customProperties(all, [':root', 'section']);
  // The title slide's map is drawn on the title's dark ground, with colours of its own.
  const titleMap = new Map([...base, ...customProperties(all, ['section.title.with-map figure.bd-fig'])]);
  const slides = markdown.split(/(?=\n---\n)/);
  return slides
    .map((slide) => {
      const onTitle = /<!-- _class: [^>]*\btitle\b[^>]*\bwith-map\b/.test(slide);
      return slide.replace(FENCE, (_whole, svg: string) => {
        // Only attribute values are painted: a label's text that reads "var(--x)" stays as written.
        const props = onTitle ? titleMap : base;
        const painted = svg.replace(/(\s[\w:-]+=")([^"]*)"/g, (_a, name: string, v: string) => `${name}${resolveVars(v, props, attr)}"`);
        const alt = /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
        return `\n<figure class="bd-fig"><img src="data:image/svg+xml;base64,${Buffer.from(painted).toString('base64')}" alt="${alt}"></figure>\n`;
      });
    })
    .join('');
}
