// Charts and maps as SVG: labelled for screen readers, drawn from the data, themed by custom properties,
// mirrored right to left, nothing scriptable; and speaker notes gathered onto their slides.
import { describe, expect, it } from 'vitest';
import { describeChart, renderChart, type ChartData } from '../../src/figures/chart.js';
import { countryName, renderMap } from '../../src/figures/map.js';
import { isSafeFigure } from '../../src/render/figure-fence.js';
import { loadBriefing } from '../../src/content/load.js';
import { buildView } from '../../src/render/view.js';
import { planSlides } from '../../src/render/slides.js';
import { EXAMPLE, EXAMPLE_HE } from '../helpers/paths.js';

const theme = (dir: 'ltr' | 'rtl' = 'ltr', lang = 'en') => ({ width: 1000, height: 400, font: 20, lang, dir, labels: { source: 'Source' } });
const CHART: ChartData = { type: 'column', title: 'Enrichment', unit: '%', categories: ['2015', '2019', '2021'], series: [{ name: 'Level', values: [3.67, 4.5, 60] }], source: 'IAEA' };
const texts = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
const xOf = (svg: string, label: string) => Number(new RegExp(`<text x="([\\d.]+)"[^>]*>${label}</text>`).exec(svg)?.[1]);

describe('charts', () => {
  it.each(['column', 'bar', 'line'] as const)('a %s chart labels every value directly, with title, description and source line', (type) => {
    const svg = renderChart({ ...CHART, type }, theme());
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="(bd-chart-\w+)-t \1-d"/);
    expect(svg).toContain('<title id="');
    expect(svg).toContain('>Enrichment</title>');
    expect(svg).toContain('Column chart'.replace('Column', type === 'bar' ? 'Bar' : type === 'line' ? 'Line' : 'Column'));
    expect(texts(svg)).toEqual(expect.arrayContaining(['3.67%', '4.5%', '60%', 'Source: IAEA', '2015', '2021']));
    expect(isSafeFigure(svg)).toBe(true);
    expect(svg).not.toMatch(/<script|href=|url\(/);
    // Colours come from the theme's custom properties (light fallbacks), so the dark theme recolours them.
    expect(svg).toContain('fill:var(--primary,#14213d)');
  });

  it('bars are as long as their values, on one scale', () => {
    const svg = renderChart(CHART, theme());
    const heights = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(3);
    expect((heights[2] as number) / (heights[0] as number)).toBeCloseTo(60 / 3.67, 0);
  });

  it('right to left puts the first category on the right', () => {
    expect(xOf(renderChart(CHART, theme('ltr')), '2015')).toBeLessThan(xOf(renderChart(CHART, theme('ltr')), '2021'));
    expect(xOf(renderChart(CHART, theme('rtl', 'he')), '2015')).toBeGreaterThan(xOf(renderChart(CHART, theme('rtl', 'he')), '2021'));
  });

  it('escapes text, and writes a description from the data when none is given', () => {
    const svg = renderChart({ ...CHART, title: 'A <b> & "c"', categories: ['<x>', 'y', 'z'] }, theme());
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).not.toContain('<x>');
    expect(describeChart(CHART, 'en')).toBe('Column chart. Level: 2015 3.67%; 2019 4.5%; 2021 60%.');
    expect(describeChart({ ...CHART, series: [{ name: 'Level', values: [1, null, 3] }], unit: 'kg' }, 'en')).toBe('Column chart. Level (kg): 2015 1; 2019 –; 2021 3.');
  });
});

describe('locator map', () => {
  it('highlights the countries in the primary colour, greys their neighbours and names them in the language', () => {
    const svg = renderMap({ highlight: ['IR', 'IL'], focus: ['IR', 'IL'], label: true }, theme());
    // One path a paint, the highlighted last (on top): here Iran's and Israel's outlines together.
    const lit = [...svg.matchAll(/<path d="([^"]*)" style="fill:var\(--primary,#14213d\)/g)];
    expect(lit).toHaveLength(1);
    expect((lit[0]?.[1] ?? '').match(/M/g)?.length).toBeGreaterThanOrEqual(2);
    expect(svg.lastIndexOf('<path ')).toBe(lit[0]?.index);
    expect(svg).toContain('fill:var(--rule-strong,#b9bdb5)');
    expect(texts(svg)).toEqual(expect.arrayContaining(['Iran', 'Israel']));
    const he = renderMap({ highlight: ['IR', 'IL'], label: true }, theme('rtl', 'he'));
    expect(texts(he)).toEqual(expect.arrayContaining([countryName('IR', 'he'), countryName('IL', 'he')]));
    expect(countryName('IR', 'he')).toBe('איראן');
    expect(isSafeFigure(svg)).toBe(true);
  });

  it('frames the region, not the world, and names a highlighted country the frame leaves out', () => {
    const svg = renderMap({ highlight: ['IR', 'US'], focus: ['IR', 'IQ'], label: true }, theme());
    expect(texts(svg)).toContain('United States →');
    // Only countries in or near the frame are drawn: far fewer than the atlas's 241.
    expect((svg.match(/<path /g) ?? []).length).toBeLessThan(80);
    // Land is cut at the edges: no coordinate of any outline lies more than a stroke's width outside.
    const xy = [...svg.matchAll(/ d="([^"]*)"/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((c) => [Number(c[1]), Number(c[2])]));
    expect(xy.length).toBeGreaterThan(100);
    const outside = xy.filter(([x = 0, y = 0]) => x < -2.5 || x > 1002.5 || y < -2.5 || y > 402.5);
    expect(outside).toEqual([]);
  });
});

describe('figure fence', () => {
  it('refuses anything scriptable', () => {
    const base = '<svg xmlns="http://www.w3.org/2000/svg" class="bd-figure">';
    expect(isSafeFigure(`${base}<text>ok</text></svg>`)).toBe(true);
    for (const bad of ['<script>alert(1)</script>', '<a href="x">x</a>', '<text onclick="x">x</text>', '<image href="http://x"/>', '<foreignObject/>', '<rect style="fill:url(http://x)"/>']) {
      expect(isSafeFigure(`${base}${bad}</svg>`), bad).toBe(false);
    }
  });
});

describe('notes on every item', () => {
  it.each([EXAMPLE, EXAMPLE_HE])('gathers the notes of %s onto the slides that show the items', async (file) => {
    const loaded = await loadBriefing(file);
    const slides = planSlides(buildView(loaded.briefing, loaded.slug, 'markdown'));
    const bluf = slides.find((s) => s.kind === 'bluf');
    expect(bluf?.notes).toBe(loaded.briefing.blufNotes);
    const figures = slides.find((s) => s.kind === 'keyfigures');
    expect(figures?.notes).toContain(loaded.briefing.keyFigures?.[1]?.notes);
    if (loaded.briefing.keyPoints[0]?.notes) expect(slides.find((s) => s.kind === 'keypoints')?.notes).toMatch(/^1\. .+…: /);
    const scenario = slides.find((s) => s.kind === 'section' && (s.items as { notes?: string }[]).some((p) => p.notes));
    expect(scenario?.notes).toContain(loaded.briefing.sections?.flatMap((x) => x.points ?? []).find((p) => p.notes)?.notes);
    const title = slides[0];
    expect(title?.notes).toContain(loaded.briefing.map?.notes);
    const timeline = slides.filter((s) => s.kind === 'timeline').map((s) => s.notes ?? '').join('\n');
    expect(timeline).toContain(loaded.briefing.timeline?.find((e) => e.notes)?.notes);
    const scenarios = slides.filter((s) => s.kind === 'scenarios').map((s) => s.notes ?? '').join('\n');
    expect(scenarios).toContain(loaded.briefing.scenarios?.find((e) => e.notes)?.notes);
    const section = slides.find((s) => s.kind === 'section' && s.chart);
    expect(section?.notes).toContain(loaded.briefing.charts?.[0]?.notes);
  });
});

describe('where figures go in the deck', () => {
  it('the map beside a section with map: true (not on the title slide), a chart without a section on its own slide', async () => {
    const { parseBriefing } = await import('../../src/content/parse.js');
    const b = parseBriefing(
      Buffer.from(
        'title: T\ndate: "2025-01-02"\nbluf: B.\nkeyPoints:\n  - K\nmap:\n  highlight: [IR]\n' +
          'sections:\n  - { title: Where, map: true, points: [p] }\n  - { title: Data, chart: c1, points: [q] }\n' +
          'charts:\n  - { id: c1, type: bar, title: One, categories: [a], series: [{ name: s, values: [1] }] }\n  - { type: line, title: Two, categories: [a, b], series: [{ name: s, values: [1, 2] }] }\n' +
          'sources:\n  - { id: a, title: A }\n',
      ),
      'x.yaml',
    );
    const slides = planSlides(buildView(b, 'x', 'markdown'));
    expect(slides[0]?.map).toBeUndefined();
    const where = slides.find((s) => s.plainHeading === 'Where');
    expect(where?.map).toBeDefined();
    expect(where?.classes).toContain('with-figure');
    expect(slides.find((s) => s.plainHeading === 'Data')?.chart?.plainTitle).toBe('One');
    expect(slides.filter((s) => s.kind === 'chart').map((s) => s.plainHeading)).toEqual(['Two']);
  });
});
