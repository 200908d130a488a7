// deck.pptx: the fitted deck as an editable PowerPoint file, measured from the live deck page and
// built from the briefing's view and slide plan (IR in src/pptx/, written with pptxgenjs).
import type { Page } from 'puppeteer';
import type { Branding } from '../render/deck.js';
import type { Slide } from '../render/slides.js';
import type { BriefingView } from '../render/view.js';
import { deckIR } from '../pptx/deck.js';
import { measureGeometry } from '../pptx/geometry.js';
import type { DeckIR } from '../pptx/ir.js';
import { writePptx } from '../pptx/write.js';
import { finishPptx } from '../pptx/zip.js';

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
  const geometry = await measureGeometry(input.page);
  const ir = deckIR(input.view, input.slides, geometry, { theme: input.theme, branding: input.branding, date: input.date });
  return { bytes: await finishPptx(await writePptx(ir), ir), ir };
}
