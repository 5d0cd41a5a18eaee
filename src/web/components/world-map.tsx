/**
 * The world map: Natural Earth countries at 1:110m from world-atlas (bundled by Vite, never fetched), in the
 * Equal Earth projection. Atlas ids are ISO 3166-1 numeric codes, matched to our `isoNumeric`.
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { Jurisdiction } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { type MapShape, type ShapeShade, SvgMap, shadeShape } from './svg-map.tsx';

const width = 960;
const height = 470;

type Countries = { countries: GeometryCollection<{ name: string }> };
const topology = world as unknown as Topology<Countries>;
const countries = feature(topology, topology.objects.countries);
const projection = geoEqualEarth().fitExtent(
  [
    [6, 6],
    [width - 6, height - 6],
  ],
  { type: 'Sphere' },
);
const draw = geoPath(projection);
const outline = draw({ type: 'Sphere' });
const drawn = countries.features.map((f, i) => ({
  id: f.id === undefined ? null : String(f.id).padStart(3, '0'),
  key: f.id === undefined ? `x${i}` : String(f.id),
  name: f.properties.name,
  d: draw(f) ?? '',
}));

interface Props {
  countries: readonly Jurisdiction[];
  selectedId: string | null;
  onSelect(jurisdiction: Jurisdiction): void;
  /** The map's accessible name, when it is not the plain map of jurisdictions. */
  label?: string;
  /** Paints a choropleth: the fill and value note of each shape's jurisdiction (null: leave it plain). */
  shade?: (target: Jurisdiction | null) => ShapeShade | null;
}

/** Renders the world map; countries we list are clickable. */
export function WorldMap({ countries: list, selectedId, onSelect, label, shade }: Props) {
  const { t, pick } = useI18n();
  const byNumeric = new Map(
    list.filter((j) => j.isoNumeric).map((j) => [j.isoNumeric!.padStart(3, '0'), j] as const),
  );
  const shapes: MapShape[] = drawn.map((s) => {
    const target = s.id ? (byNumeric.get(s.id) ?? null) : null;
    const shape = { key: s.key, d: s.d, label: target ? pick(target.name).text : s.name, target };
    return shade ? shadeShape(shape, shade(target)) : shape;
  });
  return (
    <SvgMap
      label={label ?? t('app.jurisdictions.worldMap')}
      width={width}
      height={height}
      shapes={shapes}
      outline={outline}
      selectedId={selectedId}
      onSelect={onSelect}
    />
  );
}
