// Which documents a page takes by swapping their body (browser/pool.ts styleKey): pure, without Chromium
// (test/e2e/session.test.ts shows such documents in a real page and prints them).
import { describe, expect, it } from 'vitest';
import { sameStyles, styleKey } from '../../src/browser/pool.js';
import { htmlDocument } from '../../src/render/document.js';

const print = (title: string, own?: string, fonts = '@font-face{font-family:Inter}') =>
  htmlDocument({ lang: 'en', dir: 'ltr', title, styles: [fonts, 'p{margin:0}'], ...(own === undefined ? {} : { ownStyle: own }), body: `<p>${title}</p>` });

describe('style key', () => {
  it('leaves a document\'s own style (its @page boxes) out of the key, and keeps its text', () => {
    const a = styleKey(print('Iran', '@page{@top-left{content:"Iran"}}'));
    const b = styleKey(print('Hong Kong', '@page{@top-left{content:"Hong Kong </style> x"}}'));
    expect(sameStyles(a, b)).toBe(true);
    expect(a?.own).toBe('@page{@top-left{content:"Iran"}}');
    // The text as the page parses it: written so that nothing in it ends the element.
    expect(b?.own).toBe('@page{@top-left{content:"Hong Kong <\\/style> x"}}');
    expect(a?.styles).not.toContain('data-document');
  });

  it('keeps apart documents whose other styles differ, or of which only one has its own style', () => {
    const own = '@page{@top-left{content:"Iran"}}';
    expect(sameStyles(styleKey(print('Iran', own)), styleKey(print('Iran', own, '@font-face{font-family:Noto Sans Hebrew}')))).toBe(false);
    expect(sameStyles(styleKey(print('Iran', own)), styleKey(print('Iran')))).toBe(false);
    expect(sameStyles(styleKey(print('Iran')), styleKey(print('Oman')))).toBe(true);
  });

  it('counts an own style that is not last in the head as part of the key', () => {
    const html = print('Iran', '@page{}').replace('</head>', '<style>h1{color:red}</style>\n</head>');
    const key = styleKey(html);
    expect(key?.own).toBeUndefined();
    expect(key?.styles).toContain('<style data-document>@page{}</style>');
  });
});
