// deck.md for Marp's own tools: briefdeck's spans and figure fences written as the HTML they stand for,
// checked through marp-core with its default options (what Marp CLI and Marp for VS Code use).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { customProperties, htmlSpans, portableMarkdown, resolveVars } from '../../../src/render/portable.js';

const require = createRequire(import.meta.url);
const { Marp } = require('@marp-team/marp-core') as typeof import('@marp-team/marp-core');

const THEME = `/* @theme dark */\n@import 'base';\nsection { --ink: #eeeeee; --primary: #dddddd; --sans: 'Inter', "Noto", sans-serif; }\nsection h1 { --ink: #ff0000; }`;
const STYLE = `section.title.with-map figure.bd-fig { --primary: var(--accent); --accent: #f2b630; }`;
const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" class="bd-figure bd-chart" viewBox="0 0 10 10" font-family="var(--sans,&#39;Inter&#39;,sans-serif)"><title id="t">Stock &amp; flow</title>` +
  `<rect style="fill:var(--primary,#14213d)"/><text style="fill:var(--fig-on-primary,var(--ink,#1b1f24))">${label}</text></svg>`;
const fence = (label: string) => `\n\`\`\`briefdeck-figure\n${svg(label)}\n\`\`\`\n`;
const deck = [
  '---\nmarp: true\ntheme: "dark"\nheader: "%%[marking tlp-clear]TLP\\\\:CLEAR%%"\nfooter: "%%[foot-date]As of 1 May%%"\n---\n',
  '<!-- _class: title with-map -->\n\n# Title\n',
  fence('on the title'),
  '\n---\n\n<!-- _class: chart -->\n\n## %%[kicker]50\\%%% of it\n',
  fence('var(--ink) as text'),
].join('');

const decoded = (md: string) => [...md.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1] as string, 'base64').toString('utf8'));

describe('portable deck.md', () => {
  it('writes a span as <span>, passing over escapes (content\'s 50\\% stays text)', () => {
    expect(htmlSpans('%%[kicker]50\\%%% of it')).toBe('<span class="kicker">50\\%</span> of it');
    expect(htmlSpans('no spans \\%\\% here')).toBe('no spans \\%\\% here');
    // Speaker notes are a comment, written as the author wrote them.
    expect(htmlSpans('<!-- Notes: %%[evil]x%% -->\n%%[kicker]k%%')).toBe('<!-- Notes: %%[evil]x%% -->\n<span class="kicker">k</span>');
  });

  it('reads custom properties of the named selectors only, past an @import statement', () => {
    const props = customProperties(THEME, ['section']);
    expect(props.get('--ink')).toBe('#eeeeee');
    expect(props.get('--sans')).toBe(`'Inter', "Noto", sans-serif`);
  });

  it('resolves var() through the properties, nested and by fallback', () => {
    const props = new Map([['--a', 'var(--b)'], ['--b', '#123456']]);
    expect(resolveVars('fill:var(--a,#000);stroke:var(--none,var(--b,#fff))', props)).toBe('fill:#123456;stroke:#123456');
    expect(resolveVars('fill:var(--none,#abcdef)', props)).toBe('fill:#abcdef');
  });

  it('turns every figure fence into an SVG image with the theme\'s colours, the title map with its own', () => {
    const md = portableMarkdown(deck, { theme: THEME, style: STYLE });
    expect(md).not.toContain('briefdeck-figure');
    expect(md).not.toContain('%%');
    expect(md).toContain('header: "<span class=\\"marking tlp-clear\\">TLP\\\\:CLEAR</span>"');
    expect(md).toContain('alt="Stock &amp; flow"');
    const [title, chart] = decoded(md);
    expect(title).toContain('style="fill:#f2b630"');
    expect(chart).toContain('style="fill:#dddddd"');
    expect(chart).toContain('style="fill:#eeeeee"');
    // Quotes of the resolved font list are escaped for the attribute; a label's text is left as written.
    expect(chart).toContain(`font-family="'Inter', &quot;Noto&quot;, sans-serif"`);
    expect(chart).toContain('>var(--ink) as text</text>');
    expect(chart).not.toMatch(/var\(--(?!ink\) as text)/);
  });

  it('renders in marp-core with its default options: spans, images and no markup left', () => {
    const marp = new Marp();
    marp.themeSet.add(`/* @theme base */ section { color: black; }`);
    marp.themeSet.add(THEME.replace("@import 'base';", ''));
    const { html } = marp.render(portableMarkdown(deck, { theme: THEME, style: STYLE }));
    expect(html).toContain('<span class="kicker">50%</span> of it');
    expect(html).toContain('<span class="marking tlp-clear">TLP:CLEAR</span>');
    expect(html.match(/<img src="data:image\/svg\+xml;base64,/g)).toHaveLength(2);
    expect(html).not.toMatch(/%%|briefdeck-figure|&lt;svg/);
  });
});
