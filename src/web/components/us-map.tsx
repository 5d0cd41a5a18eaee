/**
 * The map of US states, DC and territories: us-atlas at 1:10m (bundled by Vite) in the Albers USA
 * projection, which draws Alaska and Hawaii in insets; DC is drawn, the territories fall outside it
 * and appear in the table only.
 */
import { geoAlbersUsa, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'us-atlas/states-10m.json' with { type: 'json' };
import type { Jurisdiction } from '../api/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { matchByName } from '../lib/us-states.ts';
import { type MapShape, type ShapeShade, SvgMap, shadeShape } from './svg-map.tsx';

const width = 960;
const height = 600;

type States = { states: GeometryCollection<{ name: string }> };
const topology = atlas as unknown as Topology<States>;
const states = feature(topology, topology.objects.states);
const projection = geoAlbersUsa().fitExtent(
  [
    [6, 6],
    [width - 6, height - 6],
  ],
  states,
);
const draw = geoPath(projection);
const drawn = states.features
  .map((f) => ({ key: String(f.id), name: f.properties.name, d: draw(f) ?? '' }))
  .filter((s) => s.d !== '');

interface Props {
  states: readonly Jurisdiction[];
  selectedId: string | null;
  onSelect(jurisdiction: Jurisdiction): void;
  /** The map's accessible name, when it is not the plain map of jurisdictions. */
  label?: string;
  /** Paints a choropleth: the fill and value note of each shape's jurisdiction (null: leave it plain). */
  shade?: (target: Jurisdiction | null) => ShapeShade | null;
}

/** Renders the US map; states we list are clickable. */
export function UsMap({ states: list, selectedId, onSelect, label, shade }: Props) {
  const { t } = useI18n();
  const byFips = matchByName(states.features, list);
  const shapes: MapShape[] = drawn.map((s) => {
    const target = byFips.get(s.key) ?? null;
    const shape = { key: s.key, d: s.d, label: target?.name.en ?? s.name, target };
    return shade ? shadeShape(shape, shade(target)) : shape;
  });
  return (
    <SvgMap
      label={label ?? t('app.jurisdictions.usMap')}
      width={width}
      height={height}
      shapes={shapes}
      selectedId={selectedId}
      onSelect={onSelect}
    />
  );
}
