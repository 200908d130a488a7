// The Marp engine: one instance per build, raw HTML off, nothing fetched (no emoji images, no math fonts).
import { createRequire } from 'node:module';
import type { Marp as MarpCore } from '@marp-team/marp-core';
import { spansPlugin } from './spans.js';
import { figureFencePlugin } from './figure-fence.js';
import { styleOncePlugin } from './style-once.js';
import { cached } from '../cache.js';

const require = createRequire(import.meta.url);
// Through require: marp-core's CommonJS build loads faster than its ES module, which imports CommonJS.
const { Marp } = require('@marp-team/marp-core') as typeof import('@marp-team/marp-core');
/** Marp's own version: part of the name of every packed theme in the on-disk cache. */
const MARP_VERSION = (require('@marp-team/marp-core/package.json') as { version: string }).version;

export interface MarpResult {
  html: string;
  css: string;
}

/** Renders Marp Markdown: a MarpEngine here, or a MarpThread (marp-thread.ts) on a worker thread. */
export interface MarpRenderer {
  render(markdown: string): MarpResult | Promise<MarpResult>;
}

export class MarpEngine implements MarpRenderer {
  private readonly marp: MarpCore;

  constructor(themes: string[]) {
    this.marp = new Marp({
      html: false,
      // Twemoji images would come from a CDN: emoji stay text, drawn by the embedded fonts.
      emoji: { shortcode: false, unicode: false },
      math: false,
      script: false,
      minifyCSS: true,
      inlineSVG: true,
      // Every slide a size container costs Chromium about a tenth more layout (fitting and printing):
      // only when a theme asks container queries of its slides (@container, cq units).
      cssContainerQuery: themes.some(usesContainerQueries),
    });
    this.marp.use(spansPlugin);
    this.marp.use(figureFencePlugin);
    this.marp.use(styleOncePlugin);
    // Section images arrive as data URIs that briefdeck made from checked local files (content links
    // never reach Marp as data: URLs); markdown-it refuses SVG ones by default, so allow exactly those.
    const md = this.marp.markdown as { validateLink: (url: string) => boolean };
    const validate = md.validateLink.bind(md);
    md.validateLink = (url) => /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]*$/.test(url) || validate(url);
    for (const css of themes) this.marp.themeSet.add(css);
    // A theme may @import another: every theme of the set goes into the name of a packed theme on disk.
    memoiseStyles(this.marp, themes.join('\0'));
    memoiseCommentYaml();
    memoiseInlineStyles();
  }

  render(markdown: string): MarpResult {
    const { html, css } = this.marp.render(markdown);
    return { html, css };
  }
}

/** Whether a theme's CSS queries the slide as a container. */
export function usesContainerQueries(css: string): boolean {
  return /@container\b|\d(?:cqw|cqh|cqi|cqb|cqmin|cqmax)\b/i.test(css.replace(/\/\*[\s\S]*?\*\//g, ''));
}

/** One of Marpit's modules, as marp-core loads it (its own copy of Marpit); undefined if it is not there. */
function marpitModule<T>(file: string): T | undefined {
  try {
    return createRequire(require.resolve('@marp-team/marp-core'))(`@marp-team/marpit/lib/${file}`) as T;
  } catch {
    return undefined;
  }
}

type YamlParse = (text: string, loose?: boolean | string[]) => unknown;
let yamlMemoised = false;

/**
 * Marpit reads every HTML comment of a deck as YAML, through js-yaml: the directives (`_class`,
 * `_paginate`) and the speaker notes too, which fail and cost js-yaml an error with a code snippet
 * each. That was a third of the Marp thread's time, for comments a deck repeats (the same classes on
 * many slides) and a fit renders again on every pass. Each distinct comment is parsed once a process;
 * the result is frozen, since it is shared (Marpit only reads it). Marpit's module as this version has
 * it: should a later one differ, comments are parsed as before.
 */
function memoiseCommentYaml(): void {
  if (yamlMemoised) return;
  yamlMemoised = true;
  const mod = marpitModule<{ yaml?: YamlParse }>('markdown/directives/yaml.js');
  const parse = mod?.yaml;
  if (!mod || typeof parse !== 'function') return;
  const seen = new Map<string, unknown>();
  mod.yaml = (text, loose = false) => {
    const key = `${JSON.stringify(loose)}\0${text}`;
    if (seen.has(key)) return seen.get(key);
    const parsed = deepFreeze(parse(text, loose));
    if (seen.size >= 4096) seen.clear();
    seen.set(key, parsed);
    return parsed;
  };
}

interface InlineStyleClass {
  prototype: { toString(this: { decls: Record<string, unknown> }): string };
}
let inlineMemoised = false;

/**
 * Marpit writes each slide's directives into its style attribute through its InlineStyle helper, which
 * parses every declaration with PostCSS to drop anything that is not that one declaration: six parses a
 * slide, the same few declarations on every slide of a deck and on every pass of a fit (a sixth of a
 * render's time). Each distinct declaration is checked once a process, by Marpit's own code; the
 * attribute is then the same string. Marpit's module as this version has it: should a later one
 * differ, declarations are parsed as before.
 */
function memoiseInlineStyles(): void {
  if (inlineMemoised) return;
  inlineMemoised = true;
  const proto = marpitModule<{ default?: InlineStyleClass }>('helpers/inline_style.js')?.default?.prototype;
  // Its own toString, not one every object inherits.
  const build = proto && Object.hasOwn(proto, 'toString') ? proto.toString : undefined;
  if (!proto || typeof build !== 'function') return;
  const seen = new Map<string, string>();
  proto.toString = function (this: { decls: Record<string, unknown> }) {
    let built = '';
    for (const prop of Object.keys(this.decls)) {
      const value = this.decls[prop];
      const key = `${prop}\0${String(value)}`;
      let piece = seen.get(key);
      if (piece === undefined) {
        piece = build.call({ decls: { [prop]: value } });
        if (seen.size >= 4096) seen.clear();
        seen.set(key, piece);
      }
      built += piece;
    }
    return built;
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface StyleInternals {
  renderStyle(theme?: string): string;
  themeSetPackOptions(): unknown;
  themeSet: { get(name: string | undefined, fallback: boolean): { css: string } | undefined };
}

/**
 * Marp packs the theme's CSS through PostCSS on every render (~20 ms, most of a render; ~170 ms in a
 * cold process), although the result depends only on the theme and the pack options (inline styles,
 * containers, SVG mode). A deck is rendered several times while it is fitted and a build renders many
 * decks with the same theme: pack each distinct combination once per process, and keep it on disk
 * for the next process.
 */
function memoiseStyles(marp: MarpCore, themeSet: string): void {
  const m: unknown = marp;
  // Marp's internals as this version has them; should a later one differ, themes are packed per render.
  if (!hasStyleInternals(m)) return;
  const pack = m.renderStyle.bind(m);
  const packed = new Map<string, string>();
  m.renderStyle = (theme) => {
    const key = `${theme ?? ''}\0${JSON.stringify(m.themeSetPackOptions())}\0${m.themeSet.get(theme, true)?.css ?? ''}`;
    let css = packed.get(key);
    if (css === undefined) {
      css = cached('marp-theme', [MARP_VERSION, themeSet, key], () => pack(theme));
      if (packed.size >= 32) packed.clear();
      packed.set(key, css);
    }
    return css;
  };
}

function hasStyleInternals(x: unknown): x is StyleInternals {
  return typeof x === 'object' && x !== null && 'renderStyle' in x && typeof x.renderStyle === 'function' && 'themeSetPackOptions' in x && 'themeSet' in x;
}
