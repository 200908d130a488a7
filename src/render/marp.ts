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
    for (const css of themes) this.marp.themeSet.add(css);
  }

  render(markdown: string): MarpResult {
    const { html, css } = this.marp.render(markdown);
    return { html, css };
  }
}
