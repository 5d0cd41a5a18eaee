/**
 * The portal's maps as static SVG, drawn on the server: Natural Earth countries at 1:110m (world-atlas, Equal
 * Earth projection) matched by ISO 3166-1 numeric code, and US states (us-atlas, Albers USA) matched by name,
 * as the workspace's score map does. Nothing is fetched: the atlases are files of installed packages. Arcs are
 * simplified once per process within about a pixel (portal-map-simplify.ts), paths rounded to whole pixels,
 * specks dropped and every unscored shape drawn as one path, which keeps both maps small. Colour is
 * never the only carrier: each band has a pattern, the legend names them, and every value is in a text table.
 * The score bands follow the published grade thresholds and repeat the workspace's (web/lib/score-bands.ts).
 */

import { type GeoProjection, geoAlbersUsa, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import usAtlas from 'us-atlas/states-10m.json' with { type: 'json' };
import worldAtlas from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { Locale } from '../../core/framework/types.ts';
import { t } from '../../core/i18n/messages.ts';
import { type Grade, gradeThresholds } from '../../core/scoring/grades.ts';
import { esc } from './html.ts';
import { simplifyTopology } from './portal-map-simplify.ts';

/** One band of scores: `min` inclusive, up to the next grade's threshold. */
interface Band {
  id: Grade;
  min: number;
  max: number;
  color: string;
  pattern: string;
}

const look: Record<Grade, { color: string; pattern: string }> = {
  F: { color: '#e56b1f', pattern: 'M2 2h1.5v1.5H2zM6 6h1.5v1.5H6z' },
  D: { color: '#a35a12', pattern: 'M0 4H8' },
  C: { color: '#15665c', pattern: 'M0 8L8 0M-2 2L2 -2M6 10L10 6' },
  B: { color: '#1c3f7a', pattern: 'M0 8L8 0M0 0L8 8' },
  A: { color: '#150c3a', pattern: 'M4 0V8' },
};

// Lowest first, bounded by the grade thresholds the scoring code uses.
const bands: readonly Band[] = [...gradeThresholds]
  .reverse()
  .map((g, i, all) => ({ id: g.grade, min: g.min, max: all[i + 1]?.min ?? 100, ...look[g.grade] }));
const none = { color: '#d9dde3', pattern: 'M1 1L3 3M3 1L1 3M5 5L7 7M7 5L5 7', ink: '#4a4a4a' };

function bandOf(value: number | null): Band | null {
  if (value === null) return null;
  return [...bands].reverse().find((b) => value >= b.min) ?? null;
}

/** A shape's value on a map: its score, and its name for the shape's tooltip. */
export interface MapValue {
  name: string;
  total: number | null;
}

interface Shape {
  key: string;
  name: string;
  d: string;
}

/**
 * A path context that writes whole-pixel relative moves, drops points within `min` pixels of the last one and
 * rings whose extent is under `minRing` pixels (specks no reader could see or hover).
 */
function compactPath(min: number, minRing: number) {
  let out = '';
  let ring = '';
  let lx = 0;
  let ly = 0;
  let box = [0, 0, 0, 0];
  return {
    moveTo(x: number, y: number) {
      lx = Math.round(x);
      ly = Math.round(y);
      box = [lx, ly, lx, ly];
      ring = `M${lx} ${ly}`;
    },
    lineTo(x: number, y: number) {
      const nx = Math.round(x);
      const ny = Math.round(y);
      if (Math.abs(nx - lx) + Math.abs(ny - ly) < min) return;
      ring += `l${nx - lx} ${ny - ly}`;
      lx = nx;
      ly = ny;
      box = [
        Math.min(box[0] ?? nx, nx),
        Math.min(box[1] ?? ny, ny),
        Math.max(box[2] ?? nx, nx),
        Math.max(box[3] ?? ny, ny),
      ];
    },
    closePath() {
      const extent = (box[2] ?? 0) - (box[0] ?? 0) + (box[3] ?? 0) - (box[1] ?? 0);
      if (extent >= minRing) out += `${ring}z`;
      ring = '';
    },
    beginPath() {},
    arc() {},
    take(): string {
      const d = out + ring;
      out = '';
      ring = '';
      return d;
    },
  };
}

function drawAll(
  projection: GeoProjection,
  features: ReadonlyArray<Feature<Geometry | null, { name: string }>>,
  min: number,
): Shape[] {
  const ctx = compactPath(min, 3);
  const draw = geoPath(projection, ctx);
  return features
    .map((f, i) => {
      draw(f);
      return { key: f.id === undefined ? `x${i}` : String(f.id), name: f.properties.name, d: ctx.take() };
    })
    .filter((s) => s.d !== '');
}

// How far (in pixels) a simplified border may stray from the atlas's.
const tolerance = 1.2;
const size = { world: { width: 960, height: 470 }, us: { width: 960, height: 600 } };

type Named = GeometryCollection<{ name: string }>;
let worldShapes: { shapes: Shape[]; outline: string } | null = null;
let usShapes: Shape[] | null = null;

function world() {
  if (worldShapes) return worldShapes;
  const { width, height } = size.world;
  const projection = geoEqualEarth().fitExtent(
    [
      [6, 6],
      [width - 6, height - 6],
    ],
    { type: 'Sphere' },
  );
  const outline = geoPath(projection).digits(0)({ type: 'Sphere' }) ?? '';
  const topology = simplifyTopology(
    worldAtlas as unknown as Topology<{ countries: Named }>,
    (p) => projection(p),
    tolerance,
  );
  const countries = feature(topology, topology.objects.countries);
  worldShapes = {
    shapes: drawAll(projection, countries.features, 1).map((s) => ({ ...s, key: s.key.padStart(3, '0') })),
    outline,
  };
  return worldShapes;
}

function us(): Shape[] {
  if (usShapes) return usShapes;
  const topology = usAtlas as unknown as Topology<{ states: Named }>;
  const states = feature(topology, topology.objects.states);
  const { width, height } = size.us;
  const projection = geoAlbersUsa().fitExtent(
    [
      [6, 6],
      [width - 6, height - 6],
    ],
    states,
  );
  const simple = simplifyTopology(topology, (p) => projection(p), tolerance);
  usShapes = drawAll(projection, feature(simple, simple.objects.states).features, 1);
  return usShapes;
}

const filler = new Set(['the', 'of', 'commonwealth', 'united', 'states', 'u', 's']);

/** A comparison key for a state name, as the workspace's map matches us-atlas names to ours. */
export function stateNameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w && !filler.has(w))
    .sort()
    .join(' ');
}

function fillOf(total: number | null | undefined): string {
  const band = total === undefined ? null : bandOf(total);
  return `url(#band-${band ? band.id : 'none'})`;
}

function svg(label: string, width: number, height: number, body: string): string {
  return `<svg class="map" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}">
${body}
</svg>`;
}

function paths(shapes: readonly Shape[], lookUp: (s: Shape) => MapValue | null, locale: Locale): string {
  // Shapes without a score share one path (no per-shape title): most of the map, at a fraction of the bytes.
  let unscored = '';
  const scored = shapes
    .map((s) => {
      const v = lookUp(s);
      if (v?.total == null) {
        unscored += s.d;
        return '';
      }
      return `<path d="${s.d}" fill="${fillOf(v.total)}"><title>${esc(v.name)}: ${esc(v.total.toFixed(1))}</title></path>`;
    })
    .join('');
  const rest = unscored
    ? `<path d="${unscored}" fill="${fillOf(null)}"><title>${esc(t(locale, 'portal.noScore'))}</title></path>`
    : '';
  return rest + scored;
}

/** The world map; `byNumeric` holds each scored country's value by ISO 3166-1 numeric code. */
export function worldMapSvg(locale: Locale, byNumeric: ReadonlyMap<string, MapValue>): string {
  const { shapes, outline } = world();
  const { width, height } = size.world;
  return svg(
    t(locale, 'portal.home.worldMap'),
    width,
    height,
    `<path class="sphere" d="${outline}"/>${paths(shapes, (s) => byNumeric.get(s.key) ?? null, locale)}`,
  );
}

/** The US map; `byName` holds each scored state's value by `stateNameKey` of its English name. */
export function usMapSvg(locale: Locale, byName: ReadonlyMap<string, MapValue>): string {
  const { width, height } = size.us;
  return svg(
    t(locale, 'portal.home.usMap'),
    width,
    height,
    paths(us(), (s) => byName.get(stateNameKey(s.name)) ?? null, locale),
  );
}

function tile(id: string, color: string, pattern: string, ink: string): string {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${color}"/><path d="${pattern}" stroke="${ink}" stroke-width="1.5" fill="${ink}"/></pattern>`;
}

/** The band patterns (once per page) and the legend listing each band, best first. */
export function mapLegend(locale: Locale): string {
  const defs = `<svg class="defs" aria-hidden="true" focusable="false" width="0" height="0"><defs>${bands
    .map((b) => tile(`band-${b.id}`, b.color, b.pattern, '#ffffff'))
    .join('')}${tile('band-none', none.color, none.pattern, none.ink)}</defs></svg>`;
  const swatch = (id: string) =>
    `<svg class="swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false"><rect width="24" height="16" fill="url(#band-${id})" stroke="#1a1a1a"/></svg>`;
  const items = [...bands]
    .reverse()
    .map(
      (b) =>
        `<li>${swatch(b.id)} ${esc(
          b.max === 100
            ? t(locale, 'portal.bandTop', { min: b.min, grade: b.id })
            : t(locale, 'portal.band', { min: b.min, max: b.max, grade: b.id }),
        )}</li>`,
    )
    .join('');
  return `${defs}<h2 class="legend-title">${esc(t(locale, 'portal.legend'))}</h2><ul class="legend">${items}<li>${swatch('none')} ${esc(t(locale, 'portal.noScore'))}</li></ul>`;
}
