// One briefing's outputs: views of the model → the deck (fitted in the browser) → every wanted format,
// each artefact made once, whatever number of formats asks for it.
import type { Page } from 'puppeteer-core';
import { BriefdeckError, ExitCode } from '../errors.js';
import type { LoadedBriefing } from '../content/load.js';
import type { Assets } from '../model/assets.js';
import { formatNamed, needsOf } from '../formats/registry.js';
import type { DeckArtefact, FormatContext, FormatFacts, OutputFormat, Produce } from '../formats/types.js';
import type { RenderedDeck } from '../render/deck.js';
import type { Templates } from '../render/templates.js';
import type { FitSettings } from '../render/slides.js';
import type { BuildServices, BriefingServices } from './services.js';
import type { BuildOptions } from './types.js';
import { themeOf } from './checks.js';
import { inDocument, inStage } from '../util/profile.js';

export interface Made {
  facts: FormatFacts[];
  slides?: number;
  fit?: DeckArtefact['fit'];
}

export async function makeOutputs(options: BuildOptions, templates: Templates, services: BuildServices, loaded: LoadedBriefing, assets: Assets): Promise<Made> {
  const b = loaded.briefing.marking || !options.defaultMarking ? loaded.briefing : { ...loaded.briefing, marking: options.defaultMarking };
  const theme = await themeOf(loaded, options.theme, templates);
  const formats = options.formats.map(formatNamed);
  const needs = needsOf(options.formats, options.fit ?? true);
  const { viewsOf, metadataOf } = await import('./views.js');
  const views = inStage('model/view', () => viewsOf(b, loaded.slug, assets, needs.print));
  const bs = services.forBriefing({ deck: needs.deck && needs.browser, pdf: needs.pdf });
  const ctx: FormatContext = {
    file: loaded.file,
    slug: loaded.slug,
    model: views.model,
    deckView: views.deck,
    printView: views.print,
    templates,
    settings: { paper: options.paper, theme, pdfNotes: options.pdfNotes ?? false, handoutPerPage: options.handoutPerPage ?? 3, scale: options.scale ?? 1.5, branding: options.branding },
    meta: inStage('model/view', () => metadataOf(views.model)),
    services: bs.formats,
  };
  const run = (f: OutputFormat, c: FormatContext) => asFormat(f.name, () => (f.produce ? f.produce(c) : Promise.resolve({ files: [] })));
  // Formats that need no deck (the print briefing) start now; their browser page waits for the deck's first pass.
  const early = formats.filter((f) => !f.needs.deck && !f.needs.page).map((f) => run(f, ctx));
  const decked = (async (): Promise<Made> => {
    if (!needs.deck) return { facts: [] };
    const { deck, produces } = await deckStep(options, ctx, services, bs, formats.filter((f) => f.needs.page));
    const withDeck = { ...ctx, deck };
    const facts = await Promise.all([...produces.map((p) => p(withDeck)), ...formats.filter((f) => f.needs.deck && !f.needs.page).map((f) => run(f, withDeck))]);
    const overflow = (deck.fit?.overflowing ?? []).map((o) => `slide ${o.slide} ("${o.heading}") overflows by ${o.pixels}px`);
    if (options.fit === false) overflow.push('not fitted (--no-fit): slides may overflow; build without --no-fit to fit them');
    return { facts: [{ files: [], warnings: overflow }, ...facts], slides: deck.slides.length, fit: deck.fit };
  })().finally(bs.deckDone);
  // All finish (or fail) before the staging folder is published or removed.
  const [deck, ...others] = await Promise.allSettled([decked, ...early]);
  if (deck.status === 'rejected') throw deck.reason;
  const facts = [...deck.value.facts];
  for (const r of others) {
    if (r.status === 'rejected') throw r.reason;
    facts.push(r.value);
  }
  return { ...deck.value, facts };
}

/** The deck: fitted in the browser (or, with --no-fit, as planned), with the page formats' captures taken from the final page. */
async function deckStep(
  options: BuildOptions,
  ctx: FormatContext,
  services: BuildServices,
  bs: BriefingServices,
  pageFormats: OutputFormat[],
): Promise<{ deck: DeckArtefact; produces: Produce[] }> {
  const [{ renderDeck }, { noFit }, marp] = await Promise.all([import('../render/deck.js'), import('../render/slides.js'), services.marp()]);
  const render = (fit: FitSettings) => inStage('deck document', () => renderDeck(ctx.deckView, ctx.templates, marp, { theme: ctx.settings.theme, fit, branding: ctx.settings.branding }));
  const capture = async (page: Page, deck: RenderedDeck) => {
    const produces: Produce[] = [];
    for (const { name, capture: take } of pageFormats) if (take) produces.push(await asFormat(name, () => take(page, { ...ctx, deck })));
    return produces;
  };
  if (options.fit === false) {
    const deck = await render(noFit());
    if (!pageFormats.length) {
      bs.deckSent();
      return { deck, produces: [] };
    }
    const session = await services.browser();
    return { deck, produces: await session.withDocument(deck.html, (page) => capture(page, deck), undefined, bs.deckSent) };
  }
  const session = await services.browser();
  const { fitDeck } = await import('../fit/fit.js');
  // The deck is fitted in the browser; the fitted page is then printed and photographed as it stands.
  const fitted = await inDocument('fit', () => inStage('fit', () => fitDeck(session, render, capture, bs.deckSent)));
  const { report } = fitted;
  if (report.overflowing.length && options.strict) {
    throw new BriefdeckError(
      ExitCode.CONTENT,
      report.overflowing.map((o) => ({
        file: ctx.file,
        message: `slide ${o.slide} ("${o.heading}") still overflows by ${o.pixels}px at the smallest text size`,
        hint: 'shorten that text or split it into several points (--strict makes this an error)',
      })),
    );
  }
  return { deck: { ...fitted.deck, fit: report }, produces: fitted.result };
}

/** A format's own work, timed as its stage and its documents' kind (when BRIEFDECK_PROFILE is set). */
function asFormat<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return inDocument(name, () => inStage(`format ${name}`, fn));
}
