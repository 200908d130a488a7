// The whole deck's IR from the briefing's view, the fitted slide plan and the geometry measured in
// Chromium: one IR slide per planned slide, in order, every text box checked to fit.
import type { Branding } from '../render/deck.js';
import type { Slide } from '../render/slides.js';
import type { BriefingView } from '../render/view.js';
import type { SlideGeometry } from './geometry.js';
import type { DeckIR } from './ir.js';
import { fitShapes } from './fit.js';
import { slideIR } from './slides.js';
import { CHAR_EM_FLOOR } from './text.js';
import { chromeOf } from './chrome.js';
import { layoutsOf, themeOf } from './theme.js';

export interface DeckIROptions {
  theme: string;
  branding?: Branding;
  date: Date;
  /** Each slide's locator map as a PNG data URL (captured in Chromium), where it has one. */
  maps?: (string | undefined)[];
}

export function deckIR(view: BriefingView, slides: Slide[], geometry: SlideGeometry[], options: DeckIROptions): DeckIR {
  if (geometry.length !== slides.length) throw new Error(`deck has ${slides.length} slides but the page shows ${geometry.length}`);
  const rtl = view.dir === 'rtl';
  const sample = geometry[1] ?? geometry[0];
  const theme = themeOf(options.theme, sample);
  const sourcesSlide = slides.find((s) => s.kind === 'sources')?.number;
  const out = slides.map((slide, i) => {
    const g = geometry[i] as SlideGeometry;
    const ctx = { rtl, charEm: Math.max(g.charEm, CHAR_EM_FLOOR), sourcesSlide, citeColor: theme.accentInk };
    const ir = slideIR(view, slide, g, theme, ctx, options.maps?.[i]);
    fitShapes(ir.shapes, ctx.charEm);
    return ir;
  });
  return {
    title: view.plainTitle,
    subject: view.plainBluf,
    author: view.plainAuthor,
    company: options.branding?.organisation,
    lang: view.lang,
    rtl,
    date: options.date,
    theme,
    layouts: layoutsOf(theme, rtl),
    chrome: chromeOf(view, theme, geometry[0], sample, options.branding?.logo, rtl),
    slides: out,
  };
}
