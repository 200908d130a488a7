// The model a briefing's formats read, and its views: escaped for Marp Markdown and, if asked, for HTML;
// and its PDF metadata as plain text.
import type { Briefing } from '../content/schema.js';
import type { Assets } from '../model/assets.js';
import type { PdfMetadata } from '../output/pdf.js';
import { briefingModel, type BriefingModel } from '../model/briefing.js';
import { viewOf, type BriefingView } from '../render/view.js';

/** The model, made once, and its views. */
export function viewsOf(b: Briefing, slug: string, assets: Assets, print: boolean): { model: BriefingModel; deck: BriefingView; print?: BriefingView } {
  const model = briefingModel(b, slug, assets);
  return { model, deck: viewOf(model, 'markdown'), print: print ? viewOf(model, 'html') : undefined };
}

/** PDF metadata: the model's texts as plain text (control characters are taken out where it is written). */
export function metadataOf(m: BriefingModel): PdfMetadata {
  return {
    title: m.title.plain,
    author: m.author?.plain,
    subject: m.bluf.plain,
    keywords: ['briefing', ...(m.marking ? [m.marking.plain] : []), ...m.sections.map((s) => s.title.plain).slice(0, 6)],
    lang: m.lang,
    date: documentDate(m.date),
  };
}

/** PDF dates: SOURCE_DATE_EPOCH when set (reproducible builds), else the briefing's as-of date. */
function documentDate(asOf: string): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date(`${asOf}T00:00:00Z`);
}
