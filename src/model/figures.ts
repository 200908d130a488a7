// The figures' part of the model: key figures, charts (their data as plain text and numbers, and
// their table with numbers formatted for the briefing's language) and the locator map.
import type { Briefing } from '../content/schema.js';
import { numberFormat, type ChartData } from '../figures/chart.js';
import { countryName } from '../figures/map.js';
import type { Chart, Cite, Figures, LocatorMap, Text } from './types.js';

interface Tools {
  text: (s: string) => Text;
  cites: (ids: string[] | undefined) => Cite[];
  plain: (s: string) => string;
}

export function figuresOf(b: Briefing, t: Tools): Figures {
  const n = numberFormat(b.lang);
  const charts = (b.charts ?? []).map((c, i): Chart => {
    const data: ChartData = {
      type: c.type,
      categories: c.categories.map(t.plain),
      series: c.series.map((s) => ({ name: t.plain(s.name), values: s.values })),
      title: t.plain(c.title),
      unit: c.unit && t.plain(c.unit),
      source: c.source && t.plain(c.source),
      description: c.description && t.plain(c.description),
    };
    return {
      n: i + 1,
      id: c.id,
      data,
      inSection: Boolean(c.id && b.sections?.some((s) => s.chart === c.id)),
      title: t.text(c.title),
      source: c.source ? t.text(c.source) : undefined,
      unit: c.unit ? t.text(c.unit) : undefined,
      table: {
        head: c.series.map((s) => t.text(s.name)),
        rows: c.categories.map((cat, k) => ({
          label: t.text(cat),
          values: c.series.map((s) => (s.values[k] == null ? '–' : `${n(s.values[k] as number)}${c.unit === '%' ? '%' : ''}`)),
        })),
      },
      cites: t.cites(c.sources),
      notes: c.notes && t.plain(c.notes),
      plain: [data.title, ...data.categories, ...data.series.map((s) => s.name)].join(' '),
    };
  });
  let map: LocatorMap | undefined;
  if (b.map) {
    const section = b.sections?.findIndex((s) => s.map) ?? -1;
    map = {
      data: { highlight: b.map.highlight, focus: b.map.focus, label: b.map.label, caption: b.map.caption && t.plain(b.map.caption) },
      caption: b.map.caption ? t.text(b.map.caption) : undefined,
      names: b.map.highlight.map((c) => countryName(c, b.lang)).join(', '),
      section: section >= 0 ? section + 1 : undefined,
      notes: b.map.notes && t.plain(b.map.notes),
    };
  }
  return {
    keyFigures: (b.keyFigures ?? []).map((k) => ({
      value: k.value,
      label: t.text(k.label),
      plain: `${k.value} ${t.plain(k.label)}`,
      cites: t.cites(k.sources),
      notes: k.notes && t.plain(k.notes),
    })),
    charts,
    map,
  };
}
