/**
 * Point-in-polygon and distance to a boundary, in plain arithmetic (core imports no packages). Policy: the
 * test is planar on longitude/latitude (even-odd ray casting over every ring, so holes and the parts of a
 * MultiPolygon need no special case). Edges are straight lines in degrees rather than great-circle arcs; over
 * a district's edges (metres to a few kilometres between vertices) the difference is far below the "near a
 * boundary" margin, which is what decides doubtful points anyway. Distances use a local equirectangular
 * projection around the point (exact enough within a few kilometres; never used for larger distances).
 * Districts crossing the antimeridian are not supported (split them into a MultiPolygon at ±180).
 */
import type { BBox, DistrictGeometry, PolygonCoordinates, Position } from './types.ts';

const metresPerDegree = 111_320;

/** True when the point is inside the ring (even-odd; a point exactly on an edge may go either way). */
function insideRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point `[lon, lat]` is inside the polygon: in its outer ring and in none of its holes. */
export function polygonContains(polygon: PolygonCoordinates, point: Position): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !insideRing(point[0], point[1], outer)) return false;
  return !holes.some((h) => insideRing(point[0], point[1], h));
}

/** True when the point is inside any polygon of the geometry. */
export function geometryContains(geometry: DistrictGeometry, point: Position): boolean {
  return geometry.polygons.some((p) => polygonContains(p, point));
}

/** Distance in metres from the point to the nearest edge of any ring of the geometry (0 on an edge). */
export function distanceToBoundary(geometry: DistrictGeometry, point: Position): number {
  const [lon0, lat0] = point;
  const kx = metresPerDegree * Math.cos((lat0 * Math.PI) / 180);
  const ky = metresPerDegree;
  let best = Number.POSITIVE_INFINITY;
  for (const polygon of geometry.polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as Position;
        const b = ring[i] as Position;
        const ax = (a[0] - lon0) * kx;
        const ay = (a[1] - lat0) * ky;
        const bx = (b[0] - lon0) * kx;
        const by = (b[1] - lat0) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        const d = Math.hypot(ax + t * dx, ay + t * dy);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** The bounding box of the geometry. */
export function bboxOf(geometry: DistrictGeometry): BBox {
  const box = { minLon: 180, minLat: 90, maxLon: -180, maxLat: -90 };
  for (const polygon of geometry.polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      box.minLon = Math.min(box.minLon, lon);
      box.maxLon = Math.max(box.maxLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

/** The box around a point that holds everything within `metres` of it (for the SQL prefilter). */
export function searchBox(point: Position, metres: number): BBox {
  const dLat = metres / metresPerDegree;
  const cos = Math.max(Math.cos((point[1] * Math.PI) / 180), 0.01);
  const dLon = metres / (metresPerDegree * cos);
  return {
    minLon: point[0] - dLon,
    minLat: point[1] - dLat,
    maxLon: point[0] + dLon,
    maxLat: point[1] + dLat,
  };
}
