// A chart from data, drawn as SVG at build time (d3-scale, d3-shape): bars, columns or lines, labelled
// directly, gridlines faint, a source line; no script and nothing fetched. Pure: data + theme → string.
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line as d3line } from 'd3-shape';
import type { Chart } from '../content/schema.js';
import { PAINT, esc, r, svgRoot, text, type FigureTheme } from './svg.js';

/** Chart content as plain text (Markdown already stripped by the caller). */
export type ChartData = Pick<Chart, 'type' | 'categories' | 'series'> & { title: string; unit?: string; source?: string; description?: string };

/** Formatters by language: making one (ICU's locale data) costs far more than formatting with it. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(lang: string): Intl.NumberFormat {
  let f = formatters.get(lang);
  if (!f) {
    try {
      f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    } catch {
      f = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
    }
    formatters.set(lang, f);
  }
  return f;
}

export function numberFormat(lang: string): (v: number) => string {
  const f = formatterFor(lang);
  return (v) => f.format(v);
}

/** A value as labelled: `60%` when the unit is a percent sign, the bare number otherwise. */
function valueLabel(c: ChartData, lang: string): (v: number) => string {
  const n = numberFormat(lang);
  return c.unit === '%' ? (v) => `${n(v)}%` : n;
}

/** What a screen reader hears: the chart's own description, or one written from the data. */
export function describeChart(c: ChartData, lang: string): string {
  if (c.description) return c.description;
  const v = valueLabel(c, lang);
  const unit = c.unit && c.unit !== '%' ? ` (${c.unit})` : '';
  const series = c.series.map((s) => `${s.name}${unit}: ${c.categories.map((cat, i) => `${cat} ${s.values[i] == null ? '–' : v(s.values[i] as number)}`).join('; ')}`);
  return `${c.type === 'line' ? 'Line chart' : c.type === 'bar' ? 'Bar chart' : 'Column chart'}. ${series.join('. ')}.`;
}

const finite = (c: ChartData) => c.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));

export function renderChart(c: ChartData, t: FigureTheme): string {
  const body = c.type === 'bar' ? bars(c, t) : c.type === 'line' ? lines(c, t) : columns(c, t);
  // The source line sits on the reading side: mirrored for right-to-left.
  const rtl = t.dir === 'rtl';
  const sourceLine = c.source ? text(rtl ? t.width : 0, t.height - t.font * 0.25, `${t.labels.source}: ${c.source}`, { size: t.font * 0.72, side: rtl ? 'right' : 'left', dir: t.dir, fill: PAINT.muted, cls: 'bd-source' }) : '';
  return svgRoot('chart', t, c.title, describeChart(c, t.lang), `${body}${sourceLine}`);
}

/** Room above (legend) and below (source line) the plot. */
function frame(c: ChartData, t: FigureTheme) {
  const legend = c.series.length > 1 ? t.font * 1.9 : 0;
  const unit = c.unit && c.unit !== '%' ? t.font * 1.3 : 0;
  const bottom = c.source ? t.font * 1.6 : 0;
  return { top: legend + unit + t.font * 0.6, bottom };
}

function legend(c: ChartData, t: FigureTheme): string {
  if (c.series.length < 2) return '';
  const size = t.font * 0.8;
  let x = 0;
  const items = c.series.map((s, i) => {
    const w = size * 0.9;
    const at = t.dir === 'rtl' ? t.width - x - w : x;
    const out =
      `<rect x="${r(at)}" y="${r(t.font * 0.25)}" width="${r(w)}" height="${r(w)}" rx="2" style="fill:${PAINT.series[i]}"/>` +
      text(t.dir === 'rtl' ? at - size * 0.4 : at + w + size * 0.4, t.font * 0.25 + w * 0.88, s.name, { size, side: t.dir === 'rtl' ? 'right' : 'left', dir: t.dir, fill: PAINT.ink });
    x += w + size * 0.8 + s.name.length * size * 0.56 + size * 1.6;
    return out;
  });
  return `<g class="bd-legend">${items.join('')}</g>`;
}

function unitCaption(c: ChartData, t: FigureTheme, top: number): string {
  if (!c.unit || c.unit === '%') return '';
  return text(t.dir === 'rtl' ? t.width : 0, top - t.font * 0.7, c.unit, { size: t.font * 0.72, side: t.dir === 'rtl' ? 'right' : 'left', dir: t.dir, fill: PAINT.muted, cls: 'bd-unit' });
}

function yDomain(c: ChartData): [number, number] {
  const v = finite(c);
  return [Math.min(0, ...v), Math.max(0, ...v)];
}

/** Vertical bars over categories, values printed on top, a faint grid and a firm baseline. */
function columns(c: ChartData, t: FigureTheme): string {
  const f = frame(c, t);
  const axisW = t.font * 2.6;
  const label = t.font * 1.6;
  const [x0, x1] = t.dir === 'rtl' ? [0, t.width - axisW] : [axisW, t.width];
  const top = f.top + t.font * 1.2;
  const y = scaleLinear().domain(yDomain(c)).nice(5).range([t.height - f.bottom - label, top]);
  const x = scaleBand<string>().domain(c.categories.map((_c, i) => String(i))).range([x0, x1]).paddingInner(0.28).paddingOuter(0.14);
  const inner = scaleBand<string>().domain(c.series.map((_s, i) => String(i))).range([0, x.bandwidth()]).paddingInner(0.08);
  const fmt = valueLabel(c, t.lang);
  const n = numberFormat(t.lang);
  const grid = y.ticks(4).map((v) =>
    `<line x1="${r(x0)}" x2="${r(x1)}" y1="${r(y(v))}" y2="${r(y(v))}" style="stroke:${v === 0 ? PAINT.ruleStrong : PAINT.rule}" stroke-width="${v === 0 ? 1.5 : 1}"/>` +
    text(t.dir === 'rtl' ? t.width : 0, y(v) + t.font * 0.3, c.unit === '%' ? `${n(v)}%` : n(v), { size: t.font * 0.68, side: t.dir === 'rtl' ? 'right' : 'left', dir: t.dir, fill: PAINT.muted }),
  );
  const order = (i: number) => (t.dir === 'rtl' ? c.categories.length - 1 - i : i);
  const bars = c.series.flatMap((s, si) =>
    s.values.map((v, i) => {
      if (v === null) return '';
      const bx = (x(String(order(i))) ?? 0) + (inner(String(si)) ?? 0);
      const w = inner.bandwidth();
      const [ya, yb] = [y(Math.max(0, v)), y(Math.min(0, v))];
      const size = Math.min(t.font * 0.9, w * 0.42 + t.font * 0.3);
      return (
        `<rect x="${r(bx)}" y="${r(ya)}" width="${r(w)}" height="${r(Math.max(1, yb - ya))}" style="fill:${PAINT.series[si]}"/>` +
        text(bx + w / 2, v >= 0 ? ya - t.font * 0.35 : yb + size, fmt(v), { size, side: 'middle', dir: t.dir, weight: 600, fill: PAINT.ink })
      );
    }),
  );
  const cats = c.categories.map((cat, i) => text((x(String(order(i))) ?? 0) + x.bandwidth() / 2, t.height - f.bottom - label + t.font * 1.1, cat, { size: t.font * 0.74, side: 'middle', dir: t.dir, fill: PAINT.ink }));
  return `${legend(c, t)}${unitCaption(c, t, top)}<g class="bd-grid">${grid.join('')}</g><g class="bd-marks">${bars.join('')}</g><g class="bd-categories">${cats.join('')}</g>`;
}

/** Horizontal bars: category names on the reading side, each bar's value at its end. */
function bars(c: ChartData, t: FigureTheme): string {
  const f = frame(c, t);
  const longest = Math.max(...c.categories.map((s) => s.length));
  const labelW = Math.min(t.width * 0.38, longest * t.font * 0.5 + t.font);
  const valueW = t.font * 3.2;
  const rtl = t.dir === 'rtl';
  const top = f.top + (c.unit && c.unit !== '%' ? t.font * 0.4 : 0);
  const [lo, hi] = yDomain(c);
  const x = scaleLinear().domain([lo, hi]).range(rtl ? [t.width - labelW, valueW] : [labelW, t.width - valueW]);
  const y = scaleBand<string>().domain(c.categories.map((_c, i) => String(i))).range([top, t.height - f.bottom]).paddingInner(0.3).paddingOuter(0.1);
  const inner = scaleBand<string>().domain(c.series.map((_s, i) => String(i))).range([0, y.bandwidth()]).paddingInner(0.1);
  const fmt = valueLabel(c, t.lang);
  const zero = x(0);
  const marks = c.series.flatMap((s, si) =>
    s.values.map((v, i) => {
      if (v === null) return '';
      const by = (y(String(i)) ?? 0) + (inner(String(si)) ?? 0);
      const h = inner.bandwidth();
      const end = x(v);
      const [a, b] = [Math.min(zero, end), Math.max(zero, end)];
      const size = Math.min(t.font * 0.85, h * 0.8);
      const outward = (v >= 0) !== rtl;
      return (
        `<rect x="${r(a)}" y="${r(by)}" width="${r(Math.max(1, b - a))}" height="${r(h)}" style="fill:${PAINT.series[si]}"/>` +
        text(outward ? b + t.font * 0.3 : a - t.font * 0.3, by + h / 2 + size * 0.36, fmt(v), { size, side: outward ? 'left' : 'right', dir: t.dir, weight: 600, fill: PAINT.ink })
      );
    }),
  );
  const cats = c.categories.map((cat, i) =>
    text(rtl ? t.width : 0, (y(String(i)) ?? 0) + y.bandwidth() / 2 + t.font * 0.28, cat, { size: t.font * 0.8, side: rtl ? 'right' : 'left', dir: t.dir, fill: PAINT.ink }),
  );
  const base = `<line x1="${r(zero)}" x2="${r(zero)}" y1="${r(top)}" y2="${r(t.height - f.bottom)}" style="stroke:${PAINT.ruleStrong}" stroke-width="1.5"/>`;
  return `${legend(c, t)}${unitCaption(c, t, top + t.font * 0.6)}<g class="bd-marks">${marks.join('')}</g>${base}<g class="bd-categories">${cats.join('')}</g>`;
}

/** Lines over ordered categories (time): points marked, the last value and the series' name at the end. */
function lines(c: ChartData, t: FigureTheme): string {
  const f = frame(c, t);
  const axisW = t.font * 2.6;
  const endW = Math.min(t.width * 0.25, Math.max(...c.series.map((s) => s.name.length)) * t.font * 0.5 + t.font * 3.5);
  const rtl = t.dir === 'rtl';
  const label = t.font * 1.6;
  const top = f.top + t.font * 0.8;
  const y = scaleLinear().domain(yDomain(c)).nice(5).range([t.height - f.bottom - label, top]);
  const x = scalePoint<string>().domain(c.categories.map((_c, i) => String(i))).range(rtl ? [t.width - axisW - t.font, endW] : [axisW + t.font, t.width - endW]).padding(0.1);
  const fmt = valueLabel(c, t.lang);
  const n = numberFormat(t.lang);
  const [gx0, gx1] = rtl ? [0, t.width - axisW] : [axisW, t.width];
  const grid = y.ticks(4).map((v) =>
    `<line x1="${r(gx0)}" x2="${r(gx1)}" y1="${r(y(v))}" y2="${r(y(v))}" style="stroke:${v === 0 ? PAINT.ruleStrong : PAINT.rule}" stroke-width="${v === 0 ? 1.5 : 1}"/>` +
    text(rtl ? t.width : 0, y(v) + t.font * 0.3, c.unit === '%' ? `${n(v)}%` : n(v), { size: t.font * 0.68, side: rtl ? 'right' : 'left', dir: t.dir, fill: PAINT.muted }),
  );
  const few = c.categories.length <= 8;
  const marks = c.series.map((s, si) => {
    const pts = s.values.map((v, i) => ({ v, x: x(String(i)) ?? 0 }));
    const d = d3line<{ v: number | null; x: number }>()
      .defined((p) => p.v !== null)
      .x((p) => p.x)
      .y((p) => y(p.v ?? 0))
      .digits(1)(pts);
    const colour = PAINT.series[si];
    const present = pts.filter((p): p is { v: number; x: number } => p.v !== null);
    const last = present[present.length - 1];
    const dots = present.map((p, k) => {
      const isLast = p === last;
      const labelled = few || k === 0 || isLast;
      return (
        `<circle cx="${r(p.x)}" cy="${r(y(p.v))}" r="${r(t.font * (isLast ? 0.26 : 0.18))}" style="fill:${colour};stroke:${PAINT.paper}" stroke-width="2"/>` +
        (labelled && !isLast ? text(p.x, y(p.v) - t.font * 0.5, fmt(p.v), { size: t.font * 0.7, side: 'middle', dir: t.dir, fill: PAINT.ink }) : '')
      );
    });
    const end = last
      ? text(last.x + (rtl ? -1 : 1) * t.font * 0.55, y(last.v) + t.font * 0.3, `${fmt(last.v)} ${c.series.length > 1 ? s.name : ''}`.trim(), { size: t.font * 0.8, side: rtl ? 'right' : 'left', dir: t.dir, weight: 600, fill: colour === PAINT.series[0] ? PAINT.ink : PAINT.ink })
      : '';
    return `<path d="${esc(d ?? '')}" fill="none" style="stroke:${colour}" stroke-width="${r(t.font * 0.16)}" stroke-linejoin="round" stroke-linecap="round"/>${dots.join('')}${end}`;
  });
  const step = Math.ceil(c.categories.length / Math.max(1, Math.floor((t.width - axisW - endW) / (t.font * 4.5))));
  const cats = c.categories.map((cat, i) => (i % step && i !== c.categories.length - 1 ? '' : text(x(String(i)) ?? 0, t.height - f.bottom - label + t.font * 1.1, cat, { size: t.font * 0.72, side: 'middle', dir: t.dir, fill: PAINT.muted })));
  return `${legend(c, t)}${unitCaption(c, t, top)}<g class="bd-grid">${grid.join('')}</g><g class="bd-categories">${cats.join('')}</g><g class="bd-marks">${marks.join('')}</g>`;
}
