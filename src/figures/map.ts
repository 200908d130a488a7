// A locator map drawn as SVG at build time from Natural Earth (world-atlas, topojson-client, d3-geo): the
// region framed on the focus countries, the highlighted ones in the primary colour, their neighbours a
// shade darker than the rest of the land, names in the briefing's language. Pure: data + theme → string.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoBounds, geoCentroid, geoMercator, geoPath, geoStream, type GeoPermissibleObjects, type GeoProjection, type GeoStream } from 'd3-geo';
import { feature, neighbors } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { cached } from '../cache.js';
import { alpha2ToNumeric } from '../content/iso-codes.js';
import { PAINT, esc, r, svgRoot, text, type FigureTheme } from './svg.js';

const require = createRequire(import.meta.url);

export interface MapData {
  /** ISO 3166-1 alpha-2 codes, upper case. */
  highlight: string[];
  focus?: string[];
  label: boolean;
  caption?: string;
}

type Country = Feature<Polygon | MultiPolygon, { name: string }> & { id?: string | number };
type Extent = [number, number, number, number];
type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

interface Atlas {
  /** How many countries; each is known by its index. */
  size: number;
  /** ISO 3166-1 numeric codes, zero-padded ("364"), by index. */
  ids: (string | undefined)[];
  /** Longitudes and latitudes, min and max, by index. */
  extents: Extent[];
  neighbours: number[][];
  /** The country as GeoJSON, made on first use: a map needs the few near its frame. */
  country(i: number): Country;
  /**
   * The countries with their outlines simplified for a map of `pixelsPerDegree`: every arc is simplified
   * once (topojson-simplify), so that neighbours keep their shared border.
   */
  simplified(pixelsPerDegree: number): (i: number) => Country;
}

/** What is derived from the whole atlas once: every country's extent and mainland. */
interface AtlasIndex {
  ids: (string | undefined)[];
  extents: Extent[];
  /** Index of the largest polygon of a MultiPolygon (by spherical area), -1 for a Polygon. */
  mainlands: number[];
}

let atlas: Atlas | undefined;
/**
 * Natural Earth 1:50m, read once: ~0.75 MB of TopoJSON. Turning all 241 countries into GeoJSON (millions
 * of small arrays, most of a cold map's time in the garbage collector) to find the few near a frame is
 * avoided: each country's extent and mainland are derived once per installed world-atlas, kept in the
 * on-disk cache, and a country becomes GeoJSON only when a map draws it.
 */
export function loadAtlas(): Atlas {
  if (atlas) return atlas;
  const file = require.resolve('world-atlas/countries-50m.json');
  const topo = require(file) as Countries;
  const geometries = topo.objects.countries.geometries;
  const { version } = require('world-atlas/package.json') as { version: string };
  const index = JSON.parse(cached('atlas-index', ['1', version, file], () => JSON.stringify(indexOf(topo)))) as AtlasIndex;
  const made: (Country | undefined)[] = [];
  const country = (i: number): Country => {
    let c = made[i];
    if (c) return c;
    c = made[i] = feature(topo, geometries[i] as (typeof geometries)[number]) as Country;
    extents.set(c, index.extents[i] as Extent);
    const m = index.mainlands[i] ?? -1;
    if (m >= 0 && c.geometry.type === 'MultiPolygon') mainlands.set(c, polygonOf(c.geometry, m));
    return c;
  };
  let weighted: ReturnType<typeof presimplify> | undefined;
  const simplified = (pixelsPerDegree: number) => {
    // Visvalingam's effective area, in square degrees here, in square pixels on the map.
    const simple = simplify((weighted ??= presimplify(topo as unknown as Parameters<typeof presimplify>[0])), SIMPLIFY_AREA_PX / pixelsPerDegree ** 2);
    const drawn: (Country | undefined)[] = [];
    return (i: number) => (drawn[i] ??= feature(simple as unknown as Countries, geometries[i] as (typeof geometries)[number]) as Country);
  };
  atlas = { size: geometries.length, ids: index.ids, extents: index.extents, neighbours: neighbors(geometries), country, simplified };
  return atlas;
}

/**
 * A point of an outline goes when the triangle it makes with its neighbours is smaller than this (square
 * pixels of the figure, slide pixels): Natural Earth's 1:50m coasts put a point every pixel or two of a
 * locator map, 150 KB of path for the print briefing's map and a third of its print in Chromium.
 */
const SIMPLIFY_AREA_PX = Number(process.env.BRIEFDECK_MAP_SIMPLIFY ?? 0.25);

function indexOf(topo: Countries): AtlasIndex {
  const all = (feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features as Country[];
  return {
    ids: all.map((c) => (c.id === undefined ? undefined : String(c.id))),
    extents: all.map(extent),
    mainlands: all.map((c) => (c.geometry.type === 'Polygon' ? -1 : largestIndex(c.geometry))),
  };
}

/** Atlas ids are ISO 3166-1 numeric codes ("364" is Iran). */
export function numericOf(alpha2: string): string | undefined {
  return alpha2ToNumeric(alpha2);
}

/** A country's name in the briefing's language and script, from the ICU data Node carries. */
export function countryName(alpha2: string, lang: string): string {
  try {
    let names = displayNames.get(lang);
    if (!names) displayNames.set(lang, (names = new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' })));
    return names.of(alpha2) ?? alpha2;
  } catch {
    return alpha2;
  }
}

/** One ICU lookup object a language: making one costs more than the names it gives. */
const displayNames = new Map<string, Intl.DisplayNames>();

const mainlands = new WeakMap<Country, Feature<Polygon>>();
/** The largest polygon of a country: its label goes there (not into the sea between its islands). */
function mainland(f: Country): Feature<Polygon> {
  let found = mainlands.get(f);
  if (!found) mainlands.set(f, (found = largestPolygon(f)));
  return found;
}

function largestPolygon(f: Country): Feature<Polygon> {
  if (f.geometry.type === 'Polygon') return f as Feature<Polygon>;
  return polygonOf(f.geometry, largestIndex(f.geometry));
}

/** The `i`th polygon of a MultiPolygon, as a feature of its own. */
function polygonOf(g: MultiPolygon, i: number): Feature<Polygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: g.coordinates[i] as Position[][] } };
}

function largestIndex(g: MultiPolygon): number {
  const area = (coordinates: Position[][]) => geoPath().area({ type: 'Polygon', coordinates } as GeoPermissibleObjects);
  let best = 0;
  let most = -Infinity;
  g.coordinates.forEach((c, i) => {
    const a = area(c);
    if (a > most) (best = i), (most = a);
  });
  return best;
}

const centroids = new WeakMap<Country, [number, number]>();
/** The centroid of a country's mainland in degrees, once a process: it is a spherical integral. */
function centroid(c: Country): [number, number] {
  let at = centroids.get(c);
  if (!at) centroids.set(c, (at = geoCentroid(mainland(c))));
  return at;
}

const extents = new WeakMap<Country, Extent>();
/** A country's longitudes and latitudes, min and max, from its coordinates. */
function extent(c: Country): Extent {
  let e = extents.get(c);
  if (e) return e;
  e = boundsOf(c.geometry.type === 'Polygon' ? c.geometry.coordinates : c.geometry.coordinates.flat());
  extents.set(c, e);
  return e;
}

/** Longitudes and latitudes of the rings' points, min and max. */
function boundsOf(rings: Position[][]): Extent {
  const e: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [lon = 0, lat = 0] of ring) {
      if (lon < e[0]) e[0] = lon;
      if (lat < e[1]) e[1] = lat;
      if (lon > e[2]) e[2] = lon;
      if (lat > e[3]) e[3] = lat;
    }
  }
  return e;
}

/**
 * Whether a country (or a ring) lies wholly outside the frame, told from its coordinates alone (Mercator
 * keeps longitudes and latitudes in order; a margin of degrees covers rounding): most of the world,
 * which then need not be projected to be found outside.
 */
function outsideFrame([w, s, e, n]: Extent, frame: Extent): boolean {
  const margin = 2;
  return e < frame[0] - margin || w > frame[2] + margin || n < frame[1] - margin || s > frame[3] + margin;
}

/**
 * A shape projected once for both its SVG path and its bounds: what d3's geoPath(projection).digits(1)
 * and path.bounds() give, written and measured in the same pass (they cost a projection each).
 */
function outline(projection: GeoProjection, shape: GeoPermissibleObjects): { d: string; bounds: [[number, number], [number, number]] } {
  let d = '';
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let inPolygon = false;
  let first = false;
  const round = (v: number) => Math.round(v * 10) / 10;
  const sink: GeoStream = {
    point(x, y) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      d += (first ? 'M' : 'L') + round(x) + ',' + round(y);
      first = false;
    },
    lineStart() {
      first = true;
    },
    lineEnd() {
      if (inPolygon) d += 'Z';
    },
    polygonStart() {
      inPolygon = true;
    },
    polygonEnd() {
      inPolygon = false;
    },
    sphere() {},
  };
  geoStream(shape, projection.stream(sink));
  return { d, bounds: [[x0, y0], [x1, y1]] };
}

const ringExtents = new WeakMap<Position[], Extent>();
/** A ring's longitudes and latitudes, min and max. */
function ringExtent(ring: Position[]): Extent {
  let e = ringExtents.get(ring);
  if (e) return e;
  e = boundsOf([ring]);
  ringExtents.set(ring, e);
  return e;
}

/**
 * The country without its polygons that lie wholly outside the frame (told, as for a whole country, from
 * their outer rings' coordinates): cut at the frame's edges they draw nothing, and a polygon outside the
 * frame cannot contain it, so the outline is the same; but each of their points cost a projection, a
 * resampling and a clip (the Aleutians and Hawaii on a map of the Gulf). Undefined when none is left.
 */
function framedPart(c: Country, frame: Extent, shape: Country = c): Country | undefined {
  // A polygon on the antimeridian or a pole is kept: d3's spherical clipping may draw it where its
  // coordinates do not reach.
  const outside = (ring: Position[] | undefined) => {
    if (!ring) return true;
    const e = ringExtent(ring);
    return plainExtent(e) && outsideFrame(e, frame);
  };
  // Told from the country's own coordinates; the polygons kept are `shape`'s (its outline simplified,
  // polygon for polygon).
  if (c.geometry.type === 'Polygon') return outside(c.geometry.coordinates[0]) ? undefined : shape;
  const all = (shape.geometry as MultiPolygon).coordinates;
  const kept = c.geometry.coordinates.flatMap((polygon, k) => (outside(polygon[0]) || !all[k] ? [] : [all[k] as Position[][]]));
  if (!kept.length) return undefined;
  if (kept.length === all.length) return shape;
  return { ...shape, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

/** A country whose coordinates stay off the antimeridian and the poles (see renderMap). */
function plain(c: Country): boolean {
  return plainExtent(extent(c));
}

function plainExtent([w, s, e, n]: Extent): boolean {
  return w > -179.9 && e < 179.9 && s > -85 && n < 85;
}

export function describeMap(m: MapData, lang: string): string {
  const names = m.highlight.map((c) => countryName(c, lang));
  return `Locator map: ${names.join(', ')}.`;
}

/**
 * The map as SVG, from the on-disk cache when these inputs were drawn before: a locator map is the
 * costliest part of a briefing's model (the atlas read, thousands of points projected, most of a build's
 * allocations), and it changes far less often than the text around it. The entry is named by the
 * inputs, the installed atlas, Node's ICU (the country names) and this code, so it is never stale.
 */
export function renderMap(m: MapData, t: FigureTheme, title?: string): string {
  return cached('map-svg', [mapCode(), JSON.stringify([m, t, title ?? null])], () => drawMap(m, t, title));
}

let code: string | undefined;
/** What a drawn map depends on besides its inputs: this module's and the SVG helpers' code, the atlas, ICU. */
function mapCode(): string {
  if (code !== undefined) return code;
  const here = fileURLToPath(import.meta.url);
  const sources = [here, fileURLToPath(new URL(`./svg${path.extname(here)}`, import.meta.url))].map((f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return '';
    }
  });
  const { version } = require('world-atlas/package.json') as { version: string };
  code = createHash('sha256').update(JSON.stringify([version, process.versions.icu ?? '', process.versions.unicode ?? '', ...sources])).digest('hex');
  return code;
}

/** The map drawn now (what renderMap caches). */
export function drawMap(m: MapData, t: FigureTheme, title?: string): string {
  const { size, ids, extents: frameOf, neighbours, country, simplified } = loadAtlas();
  const index = new Map<string, number>();
  ids.forEach((id, i) => id !== undefined && index.set(id, i));
  const find = (a2: string) => {
    const n = numericOf(a2);
    return n === undefined ? undefined : index.get(n.padStart(3, '0'));
  };
  const lit = new Set(m.highlight.map(find).filter((i): i is number => i !== undefined));
  const near = new Set([...lit].flatMap((i) => neighbours[i] ?? []).filter((i) => !lit.has(i)));
  const focus = (m.focus?.length ? m.focus : m.highlight).map(find).filter((i): i is number => i !== undefined);
  const framed: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: (focus.length ? focus : [...lit]).map(country) };
  const pad = t.font * 1.2;
  const bottom = m.caption ? t.font * 1.6 : 0;
  const projection = geoMercator().fitExtent([[pad, pad], [t.width - pad, t.height - pad - bottom]], framed);
  // Land is cut at the figure's edges (a stroke's width beyond them): what lies outside is never drawn,
  // and wrote most of the SVG's bytes (Russia, Africa, the Americas reaching far past the frame).
  projection.clipExtent([[-2, -2], [t.width + 2, t.height + 2]]);
  const spherical = projection;
  // Most countries neither touch the antimeridian nor reach a pole: d3's spherical clipping (an
  // inside-the-ring test of every polygon, in trigonometry) cannot change their outline, so they are
  // projected without it. The few that do (Russia, Fiji, Antarctica...) keep it.
  const unclipped = geoMercator().scale(projection.scale()).translate(projection.translate()).clipExtent(projection.clipExtent()).preclip((stream: GeoStream) => stream);
  const projectionOf = (c: Country) => (plain(c) ? unclipped : spherical);
  // The outlines of each paint (other land, the neighbours, the highlighted), in that order: one path a
  // paint, not one a country. Chromium prints every path element on its own, and sixty of them cost a
  // print briefing with a map a seventh of its print; the highlighted come last, so that their wider
  // border lies on top of their neighbours'.
  const outlines: Record<'rule' | 'near' | 'lit', string[]> = { rule: [], near: [], lit: [] };
  const labels: string[] = [];
  const offMap: string[] = [];
  // The frame in degrees, unwrapped (a wide one runs past the antimeridian): Mercator is x = k·λ + tx,
  // y = ty − k·ln tan(π/4 + φ/2), without rotation.
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const lonAt = (x: number) => ((x - tx) / k) * (180 / Math.PI);
  const latAt = (y: number) => (2 * Math.atan(Math.exp((ty - y) / k)) - Math.PI / 2) * (180 / Math.PI);
  const frame: Extent = [lonAt(0), latAt(t.height), lonAt(t.width), latAt(0)];
  // Where a highlighted country's name goes: the centroid of its mainland, projected.
  const centres = new Map<number, [number, number]>();
  const centre = (i: number, c: Country): [number, number] => {
    let at = centres.get(i);
    if (!at) centres.set(i, (at = projection(centroid(c)) ?? [Number.NaN, Number.NaN]));
    return at;
  };
  // Outlines simplified for this map's scale (Mercator's pixels per degree, at the equator).
  const drawn = simplified(k * (Math.PI / 180));
  for (let i = 0; i < size; i++) {
    if (!lit.has(i) && outsideFrame(frameOf[i] as Extent, frame)) continue;
    const c = country(i);
    // A highlighted country outside the frame is not drawn, only named in the corner (below).
    const part = framedPart(c, frame, drawn(i));
    const { d, bounds: [[x0, y0], [x1, y1]] } = part ? outline(projectionOf(c), part) : { d: '', bounds: [[Infinity, Infinity], [-Infinity, -Infinity]] };
    const visible = x1 >= 0 && x0 <= t.width && y1 >= 0 && y0 <= t.height && Number.isFinite(x0);
    // A highlighted country whose mainland lies outside the frame is named in the corner instead (its
    // centroid only: for every country it cost half of a map).
    if (lit.has(i)) {
      const [cx, cy] = centre(i, c);
      if (!(cx > 0 && cx < t.width && cy > 0 && cy < t.height)) offMap.push(c.id !== undefined ? String(c.id) : '');
    }
    if (!visible) continue;
    outlines[lit.has(i) ? 'lit' : near.has(i) ? 'near' : 'rule'].push(d);
  }
  const paints = [
    ['rule', PAINT.rule, 0.8],
    ['near', PAINT.ruleStrong, 0.8],
    ['lit', PAINT.primary, 1.2],
  ] as const;
  const shapes = paints.flatMap(([k, fill, width]) =>
    outlines[k].length ? [`<path d="${esc(outlines[k].join(''))}" style="fill:${fill};stroke:${PAINT.paper}" stroke-width="${width}" stroke-linejoin="round"/>`] : [],
  );
  // Labels: highlighted countries bold, on their largest land; the ones the frame cuts off listed in a corner.
  const a2Of = new Map(m.highlight.map((a2) => [find(a2), a2]));
  if (m.label) {
    for (const i of lit) {
      const c = country(i);
      const [x, y] = centre(i, c);
      const [[bx0], [bx1]] = outline(projectionOf(c), mainland(c)).bounds;
      if (!(x > 0 && x < t.width && y > 0 && y < t.height)) continue;
      const name = countryName(a2Of.get(i) ?? '', t.lang);
      // A country smaller than its name gets the name beside it, not over it.
      const small = bx1 - bx0 < name.length * t.font * 0.5;
      const side = x > t.width * 0.6 ? 'right' : 'left';
      const lx = small ? x + (side === 'left' ? 1 : -1) * t.font * 0.5 : x;
      labels.push(
        (small ? `<circle cx="${r(x)}" cy="${r(y)}" r="${r(t.font * 0.14)}" style="fill:${PAINT.ink}"/>` : '') +
          text(lx, y + t.font * 0.3, name, { size: t.font * 0.78, side: small ? side : 'middle', dir: 'ltr', weight: 700, fill: small ? PAINT.ink : PAINT.onPrimary, cls: 'bd-label' }),
      );
    }
  }
  const cut = m.highlight.filter((a2) => offMap.includes(numericOf(a2)?.padStart(3, '0') ?? '-'));
  const corner = cut.length
    ? `<rect x="${r(t.dir === 'rtl' ? pad * 0.5 : t.width - pad * 0.5 - t.font * 0.7)}" y="${r(pad * 0.5)}" width="${r(t.font * 0.7)}" height="${r(t.font * 0.7)}" rx="2" style="fill:${PAINT.primary}"/>` +
      text(t.dir === 'rtl' ? pad * 0.5 + t.font * 1.0 : t.width - pad * 0.5 - t.font, pad * 0.5 + t.font * 0.62, `${cut.map((a2) => countryName(a2, t.lang)).join(', ')} →`, { size: t.font * 0.7, side: t.dir === 'rtl' ? 'left' : 'right', dir: t.dir, fill: PAINT.ink })
    : '';
  const caption = m.caption ? text(t.dir === 'rtl' ? t.width : 0, t.height - t.font * 0.3, m.caption, { size: t.font * 0.72, side: t.dir === 'rtl' ? 'right' : 'left', dir: t.dir, fill: PAINT.muted, cls: 'bd-caption' }) : '';
  const body = `<rect width="${t.width}" height="${t.height}" style="fill:${PAINT.paper}"/><g class="bd-land">${shapes.join('')}</g><g class="bd-labels">${labels.join('')}</g>${corner}${caption}`;
  return svgRoot('map', t, title ?? describeMap(m, t.lang), describeMap(m, t.lang), body);
}

/** Bounds of the framed countries in degrees, for tests and for choosing a slide's layout. */
export function focusBounds(m: MapData): [[number, number], [number, number]] | undefined {
  const { ids: all, country } = loadAtlas();
  const ids = (m.focus?.length ? m.focus : m.highlight).map((a) => numericOf(a)?.padStart(3, '0'));
  const fs = all.flatMap((id, i) => (id !== undefined && ids.includes(id) ? [country(i)] : []));
  return fs.length ? geoBounds({ type: 'FeatureCollection', features: fs }) : undefined;
}
