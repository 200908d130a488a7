// The deck's look in PowerPoint terms: theme colours (as the fitted slides compute them, config
// colours included), fonts, and the layouts per theme (the chrome every slide carries is in chrome.ts).
import type { SlideGeometry } from './geometry.js';
import { PT, PX, type Box, type Layout, type TextStyle, type Theme } from './ir.js';

/** Slide pixels to inches. */
export const box = (x: number, y: number, w: number, h: number): Box => ({ x: x * PX, y: y * PX, w: w * PX, h: h * PX });

const hex = (v: string | undefined, fallback: string): string => {
  const m = /^#?([0-9a-f]{6})$/i.exec(v ?? '') ?? /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v ?? '');
  if (!m) return fallback;
  return (m.length === 4 ? `${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}` : (m[1] ?? fallback)).toLowerCase();
};

export function themeOf(name: string, g: SlideGeometry | undefined): Theme {
  const v = g?.vars ?? {};
  const dark = name === 'situation-room';
  const likelihood = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ fill: hex(v[`lk-${n}`], '8eabd6'), ink: hex(v[`lk-${n}-ink`], '1b1f24') }));
  const primary = hex(v.primary, dark ? 'e8eaed' : '14213d');
  const accent = hex(v.accent, 'e0a100');
  return {
    name,
    font: 'Inter',
    fallbackFont: 'Arial',
    background: hex(v.paper, dark ? '0e1116' : 'fafaf7'),
    ink: hex(v.ink, dark ? 'e8eaed' : '1b1f24'),
    muted: hex(v.muted, dark ? '9aa4af' : '5f6873'),
    primary,
    accent,
    accentInk: hex(v['accent-ink'], accent),
    rule: hex(v.rule, dark ? '2a313b' : 'd9dcd6'),
    card: hex(v.card, dark ? '161b22' : 'ffffff'),
    likelihood,
    chartColors: [dark ? (likelihood[3]?.fill ?? '8eabd6') : primary, accent, likelihood[4]?.fill ?? '46689e', likelihood[2]?.fill ?? 'b9cbe5', hex(v.muted, '5f6873')],
  };
}

/** Title and body styles from a measured slide, or the theme's designed sizes. */
const style = (fontPx: number, lineHeight: number, color: string, bold = false): TextStyle => ({ fontPt: fontPx * PT, lineHeight, color, bold, valign: 'top' });

/** The layouts of a theme: where its title and body placeholders stand when a slide is reset. */
export function layoutsOf(theme: Theme, rtl: boolean): Layout[] {
  const align = rtl ? 'right' : 'left';
  const title = { ...style(38, 1.15, theme.primary, true), align } satisfies TextStyle;
  const body = { ...style(26, 1.4, theme.ink), align } satisfies TextStyle;
  const titleBox = box(64, 60, 1152, 110);
  const bodyBox = box(64, 190, 1152, 450);
  return [
    { name: 'title', title: 'Title', titleBox: box(64, 200, 1000, 200), titleStyle: { ...title, fontPt: 52 * PT, color: theme.name === 'briefing' ? 'ffffff' : theme.ink, valign: 'top' }, bodyBox: box(64, 410, 1000, 90), bodyStyle: { ...body, fontPt: 24 * PT } },
    { name: 'section', title: 'Title and points', titleBox, titleStyle: title, bodyBox, bodyStyle: body },
    { name: 'two-column', title: 'Points and picture', titleBox, titleStyle: title, bodyBox: box(64, 190, 660, 450), bodyStyle: body },
    { name: 'cards', title: 'Cards', titleBox, titleStyle: title },
    { name: 'table', title: 'Table', titleBox, titleStyle: title },
    { name: 'figure', title: 'Figure', titleBox, titleStyle: title },
  ];
}
