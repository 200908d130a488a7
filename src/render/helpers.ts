// Handlebars helpers: the little logic templates need, tested here rather than written in templates.
import Handlebars from './handlebars.js';
import type { Cite, ConfidenceView, LikelihoodView, TextContext } from './view.js';

type Options = Handlebars.HelperOptions;
const safe = (s: string) => new Handlebars.SafeString(s);
const ctxOf = (o: Options): TextContext => (o.data?.root?.context as TextContext) ?? 'markdown';

/** A span of template markup, in Markdown (the `%%[…]` syntax of spans.ts) or HTML. */
function span(context: TextContext, cls: string, inner: string): string {
  return context === 'markdown' ? `%%[${cls}]${inner}%%` : `<span class="${cls}">${inner}</span>`;
}

export const helpers: Record<string, Handlebars.HelperDelegate> = {
  /** Citation numbers as a superscript list linking to the sources. */
  cites(cites: Cite[] | undefined, o: Options) {
    if (!cites?.length) return '';
    const context = ctxOf(o);
    const slide = o.data?.root?.sourcesSlide as number | undefined;
    const links = cites.map((c) =>
      context === 'markdown' ? (slide ? `[${c.n}](#${slide})` : String(c.n)) : `<a href="#source-${c.n}">${c.n}</a>`,
    );
    return safe(span(context, 'cite', links.join(context === 'markdown' ? '\\,' : ',')));
  },
  /** A likelihood badge: shade by level, and the word always printed. */
  likelihood(l: LikelihoodView | undefined, o: Options) {
    if (!l) return '';
    return safe(span(ctxOf(o), `badge lk lk-${l.level}`, String(l.label)));
  },
  confidence(c: ConfidenceView | undefined, o: Options) {
    if (!c) return '';
    return safe(span(ctxOf(o), `chip conf conf-${c.key}`, String(c.label)));
  },
  /** `{{#span "cls"}}…{{/span}}`: template markup that works in both contexts. */
  span(cls: string, o: Options) {
    return safe(span(ctxOf(o), cls, o.fn(this)));
  },
  /** Speaker notes inside an HTML comment: one line, no `--`, and a `Notes:` key so Marp never reads a directive. */
  notes(text: string | undefined) {
    if (!text) return '';
    const clean = text.replace(/\s+/g, ' ').replace(/-{2,}/g, (m) => '–'.repeat(Math.ceil(m.length / 2))).replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›'));
    return safe(`<!-- Notes: ${clean} -->`);
  },
  /** A value as a JSON string: safe in YAML front matter and in HTML attributes' JS-free data. */
  json(v: unknown) {
    return safe(JSON.stringify(v ?? null));
  },
  eq: (a: unknown, b: unknown) => a === b,
  gt: (a: number, b: number) => a > b,
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  add: (a: number, b: number) => a + b,
  len: (a: unknown[] | undefined) => a?.length ?? 0,
  concat: (...args: unknown[]) => args.slice(0, -1).join(""),
};
