/**
 * An SVG map drawn from precomputed path strings. It is an image (`role="img"`) for assistive technology:
 * the table next to it lists the same jurisdictions and is the keyboard route; clicking a shape is a
 * shortcut for pointer users.
 */
import { useId } from 'react';
import type { Jurisdiction } from '../api/types.ts';

/** One drawable shape and the jurisdiction it stands for, if we have it. */
export interface MapShape {
  key: string;
  d: string;
  /** Name shown as the shape's tooltip. */
  label: string;
  target: Jurisdiction | null;
  /** A fill (colour or `url(#pattern)`) that replaces the known/unknown colours, for choropleths. */
  fill?: string | undefined;
}

/** What a choropleth paints on a shape: its fill and the value text added to its tooltip. */
export interface ShapeShade {
  fill: string;
  note: string;
}

/** Adds a choropleth's fill and value note to a shape. */
export function shadeShape(shape: MapShape, shade: ShapeShade | null): MapShape {
  return shade ? { ...shape, fill: shade.fill, label: `${shape.label}: ${shade.note}` } : shape;
}

interface Props {
  label: string;
  width: number;
  height: number;
  shapes: MapShape[];
  /** Path of the outline behind the shapes (the globe), if any. */
  outline?: string | null;
  selectedId?: string | null;
  onSelect(jurisdiction: Jurisdiction): void;
}

/** Renders the map. */
export function SvgMap({ label, width, height, shapes, outline, selectedId, onSelect }: Props) {
  const titleId = useId();
  return (
    <svg
      className="map"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={titleId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{label}</title>
      {outline ? <path className="map-outline" d={outline} /> : null}
      {shapes.map((s) => {
        const target = s.target;
        const cls = [
          'map-shape',
          s.fill ? 'map-shaded' : target ? 'map-known' : 'map-unknown',
          s.fill && target ? 'map-link' : '',
          target && target.id === selectedId ? 'map-selected' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the table is the keyboard route.
          <path
            key={s.key}
            className={cls}
            d={s.d}
            fill={s.fill}
            data-id={target?.id}
            onClick={target ? () => onSelect(target) : undefined}
          >
            <title>{s.label}</title>
          </path>
        );
      })}
    </svg>
  );
}
