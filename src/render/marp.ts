// The Marp engine: one instance per build, raw HTML off, nothing fetched (no emoji images, no math fonts).
import { Marp } from '@marp-team/marp-core';
import { spansPlugin } from './spans.js';

export interface MarpResult {
  html: string;
  css: string;
}

export class MarpEngine {
  private readonly marp: Marp;

  constructor(themes: string[]) {
    this.marp = new Marp({
      html: false,
      // Twemoji images would come from a CDN: emoji stay text, drawn by the embedded fonts.
      emoji: { shortcode: false, unicode: false },
      math: false,
      script: false,
      minifyCSS: true,
      inlineSVG: true,
    });
    this.marp.use(spansPlugin);
    // Section images arrive as data URIs that briefdeck made from checked local files (content links
    // never reach Marp as data: URLs); markdown-it refuses SVG ones by default, so allow exactly those.
    const md = this.marp.markdown as { validateLink: (url: string) => boolean };
    const validate = md.validateLink.bind(md);
    md.validateLink = (url) => /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]*$/.test(url) || validate(url);
    for (const css of themes) this.marp.themeSet.add(css);
    memoiseStyles(this.marp);
  }

  render(markdown: string): MarpResult {
    const { html, css } = this.marp.render(markdown);
    return { html, css };
  }
}

interface StyleInternals {
  renderStyle(theme?: string): string;
  themeSetPackOptions(): unknown;
  themeSet: { get(name: string | undefined, fallback: boolean): { css: string } | undefined };
}

/**
 * Marp packs the theme's CSS through PostCSS on every render (~20 ms, most of a render), although the
 * result depends only on the theme and the pack options (inline styles, containers, SVG mode). A deck
 * is rendered several times while it is fitted and a build renders many decks with the same theme:
 * pack each distinct combination once.
 */
function memoiseStyles(marp: Marp): void {
  const m = marp as unknown as StyleInternals;
  const pack = m.renderStyle.bind(m);
  const packed = new Map<string, string>();
  m.renderStyle = (theme) => {
    const key = `${theme ?? ''}\0${JSON.stringify(m.themeSetPackOptions())}\0${m.themeSet.get(theme, true)?.css ?? ''}`;
    let css = packed.get(key);
    if (css === undefined) {
      css = pack(theme);
      if (packed.size >= 32) packed.clear();
      packed.set(key, css);
    }
    return css;
  };
}
