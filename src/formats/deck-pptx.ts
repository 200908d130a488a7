// deck.pptx: the fitted deck as an editable PowerPoint file, measured from the live deck page and
// built from the briefing's view and slide plan (IR in src/pptx/, written with pptxgenjs).
import type { Page } from 'puppeteer-core';
import type { Branding } from '../render/deck.js';
import type { Slide } from '../render/slides.js';
import type { BriefingView } from '../render/view.js';
import type { DeckIR } from '../pptx/ir.js';
import { defineFormat } from './types.js';
import { chromium } from '../util/profile.js';

export interface DeckPptxInput {
  /** The deck's view (Markdown context) with its images resolved. */
  view: BriefingView;
  /** The fitted slide plan, as the page shows it. */
  slides: Slide[];
  /** The live page holding the fitted deck. */
  page: Page;
  theme: string;
  branding?: Branding;
  /** Every timestamp in the file (as-of date, or SOURCE_DATE_EPOCH). */
  date: Date;
}

/** The PowerPoint file's bytes, and the IR it was written from (tests and reports read it). */
export async function deckPptx(input: DeckPptxInput): Promise<{ bytes: Uint8Array; ir: DeckIR }> {
  // pptxgenjs and JSZip load only when a PowerPoint is asked for.
  const [{ deckIR }, { measureGeometry }, { captureMaps }, { writePptx }, { finishPptx }] = await Promise.all([
    import('../pptx/deck.js'),
    import('../pptx/geometry.js'),
    import('../pptx/capture.js'),
    import('../pptx/write.js'),
    import('../pptx/zip.js'),
  ]);
  const geometry = await chromium('measure', () => measureGeometry(input.page), input.page);
  const maps = await chromium('screenshot', () => captureMaps(input.page, geometry), input.page);
  const ir = deckIR(input.view, input.slides, geometry, { theme: input.theme, branding: input.branding, date: input.date, maps });
  return { bytes: await finishPptx(await writePptx(ir), ir), ir };
}

/** The format: measured from the fitted page while it is open, written once the page is back in the pool. */
export const deckPptxFormat = defineFormat({
  name: 'pptx',
  describe: 'pptx (deck.pptx, editable PowerPoint)',
  needs: { deck: true, page: true },
  capture: async (page, { deckView, deck, settings, meta }) => {
    const { bytes } = await deckPptx({ page, view: deckView, slides: deck?.slides ?? [], theme: settings.theme, branding: settings.branding, date: meta.date });
    return async () => ({ files: [{ name: 'deck.pptx', data: bytes }] });
  },
});
