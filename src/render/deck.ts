// Renders the deck: view → slide plan → Marp Markdown (deck.md) → one self-contained HTML document.
import Handlebars from './handlebars.js';
import type { Templates } from './templates.js';
import { escapeMarkdownText } from './inline.js';
import type { MarpRenderer, MarpResult } from './marp.js';
import type { BriefingView } from './view.js';
import { planSlides, type FitSettings, type Slide } from './slides.js';
import { htmlDocument } from './document.js';
import { FALLBACK_FAMILIES, fontCss } from './fonts.js';
import { viewerAssets } from './viewer.js';
import { inStage } from '../util/profile.js';

export interface Branding {
  organisation?: string;
  /** Logo as a data URI. */
  logo?: string;
  colors?: { primary?: string; accent?: string };
}

export interface DeckOptions {
  theme: string;
  fit?: FitSettings;
  branding?: Branding;
}

/** CSS custom properties and the logo, from the config: trusted, but still checked to be what they claim. */
export function brandingCss(branding: Branding | undefined, scope: string, logoSelector?: string): string {
  if (!branding) return '';
  const rules: string[] = [];
  const vars: string[] = [];
  const hex = /^#[0-9a-fA-F]{6}$/;
  if (branding.colors?.primary && hex.test(branding.colors.primary)) vars.push(`--primary: ${branding.colors.primary};`);
  if (branding.colors?.accent && hex.test(branding.colors.accent)) vars.push(`--accent: ${branding.colors.accent};`);
  if (vars.length) rules.push(`${scope} { ${vars.join(' ')} }`);
  if (logoSelector && branding.logo && /^data:image\/(svg\+xml|png);base64,[A-Za-z0-9+/=]+$/.test(branding.logo)) {
    rules.push(`${logoSelector} { content: ''; position: absolute; top: 64px; inset-inline-end: 64px; width: 180px; height: 72px; background: url("${branding.logo}") no-repeat center / contain; }`);
  }
  return rules.join('\n');
}

/** The CSS the deck's front matter adds to its theme: figures (styled by the theme's own custom properties), branding. */
export function deckStyle(templates: Templates, branding: Branding | undefined): string {
  return [templates.files.get('deck/figures.css') ?? '', brandingCss(branding, 'section', 'section.title::before')].filter(Boolean).join('\n');
}

export interface RenderedDeck {
  markdown: string;
  html: string;
  slides: Slide[];
  /** What Marp made of the Markdown: the slides' SVGs and the theme's CSS (the handout reuses them). */
  marp: MarpResult;
}

const SLIDE_FONTS = ['Inter', ...FALLBACK_FAMILIES];

/** The deck's Marp Markdown: what `deck.md` holds and what Marp's own tools can open. */
export function renderDeckMarkdown(view: BriefingView, templates: Templates, options: DeckOptions): { markdown: string; slides: Slide[] } {
  const slides = planSlides(view, options.fit);
  const sourcesSlide = slides.find((s) => s.kind === 'sources')?.number;
  const marking = view.marking ? `%%[marking ${view.marking.kind}]${view.marking.text}%%` : '';
  const footerParts = [
    `%%[foot-source]${String(view.labels.source)}: ${String(view.primarySource.title)}%%`,
    `%%[foot-date]${String(view.labels.asOf)} ${String(view.dateDisplay)}%%`,
  ];
  const style = deckStyle(templates, options.branding);
  const markdown = templates.deck({
    ...view,
    slides,
    theme: options.theme,
    style: style || undefined,
    organisation: options.branding?.organisation && new Handlebars.SafeString(escapeMarkdownText(options.branding.organisation)),
    sourcesSlide,
    header: marking || undefined,
    footer: `${footerParts.join(' ')}${marking ? ` ${marking}` : ''}`,
  });
  return { markdown, slides };
}

export async function renderDeck(view: BriefingView, templates: Templates, marp: MarpRenderer, options: DeckOptions): Promise<RenderedDeck> {
  const { markdown, slides } = inStage('plan', () => renderDeckMarkdown(view, templates, options));
  const { html, css } = await inStage('marp', () => marp.render(markdown));
  const viewer = await viewerAssets();
  const document = htmlDocument({
    lang: view.lang,
    dir: view.dir,
    title: view.plainTitle,
    styles: [await fontCss(SLIDE_FONTS, markdown), css, DECK_PRINT_CSS, viewer.css],
    body: html,
    scripts: viewer.script ? [viewer.script] : [],
    data: {
      'briefdeck-data': {
        title: view.plainTitle,
        lang: view.lang,
        dir: view.dir,
        notes: slides.map((s) => s.notes ?? ''),
        headings: slides.map((s) => s.plainHeading),
      },
    },
    meta: { description: view.plainBluf, ...(view.plainAuthor ? { author: view.plainAuthor } : {}) },
  });
  return { markdown, html: document, slides, marp: { html, css } };
}

/**
 * One slide a page when printed, from Chromium (our PDF) or from the browser's print dialog. On screen
 * (before the viewer takes over, and in the page where briefdeck fits and prints) each slide is laid out
 * at the size it prints at: a block 1280 px wide with no body margin. Marp's default screen layout (inline
 * SVGs inside a margined body) differs, and then printing rebuilt the layout of every slide and shaped
 * all of its text again, about half of the print's cost.
 */
const DECK_PRINT_CSS = `@page{size:1280px 720px;margin:0}
html:not(.bd-viewer),html:not(.bd-viewer) body{margin:0;padding:0}
html:not(.bd-viewer) div.marpit>svg[data-marpit-svg]{display:block}
@media print{html,body{margin:0;padding:0;background:#fff}
div.marpit>svg[data-marpit-svg]{display:block;width:1280px;height:720px;break-after:page;break-inside:avoid}
div.marpit>svg[data-marpit-svg]:last-child{break-after:auto}}`;
