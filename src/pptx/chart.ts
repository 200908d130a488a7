// A chart of the briefing ({type, title, unit, categories, series}) as a native, editable chart shape.
import type { Box, ChartShape, ChartSpec, Theme } from './ir.js';

export function chartShape(name: string, at: Box, chart: ChartSpec, theme: Theme, fontPt = 14): ChartShape {
  const width = chart.categories.length;
  for (const s of chart.series) {
    if (s.values.length !== width) throw new Error(`chart "${chart.title}": series "${s.name}" has ${s.values.length} values for ${width} categories`);
  }
  return { kind: 'chart', name, box: at, chart, colors: theme.chartColors, fontPt, textColor: theme.ink };
}
