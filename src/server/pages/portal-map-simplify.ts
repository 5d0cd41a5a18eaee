/**
 * Topology-preserving simplification of the portal's atlases, done once per process before the maps are drawn.
 * Policy: each arc of the TopoJSON topology is simplified on its own (Douglas–Peucker, measured in the map's
 * projected pixels, so detail is dropped where nobody could see it), and arcs keep their end points. Borders
 * are arcs shared by both neighbours, so both sides keep exactly the same points: no slivers or gaps appear
 * between shapes, as they would if each shape were simplified alone.
 */
import type { Arc, Topology } from 'topojson-specification';

/** Projects a longitude/latitude pair to pixels; null outside the projection (such points are kept). */
export type Projector = (point: [number, number]) => [number, number] | null;

function absolute(topology: Topology, arc: Arc): [number, number][] {
  const t = topology.transform;
  if (!t) return arc.map((p) => [p[0] ?? 0, p[1] ?? 0]);
  let x = 0;
  let y = 0;
  return arc.map((p) => {
    x += p[0] ?? 0;
    y += p[1] ?? 0;
    return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
  });
}

function distance2(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const ex = a[0] + u * dx - p[0];
  const ey = a[1] + u * dy - p[1];
  return ex * ex + ey * ey;
}

/** The indices Douglas–Peucker keeps within `tolerance` pixels (always the first and last). */
function keep(points: ReadonlyArray<[number, number] | null>, tolerance: number): boolean[] {
  const kept = points.map((p, i) => i === 0 || i === points.length - 1 || p === null);
  const limit = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    const a = points[from];
    const b = points[to];
    if (!a || !b || to - from < 2) continue;
    let far = -1;
    let max = limit;
    for (let i = from + 1; i < to; i++) {
      const p = points[i];
      if (!p) continue;
      const d = distance2(p, a, b);
      if (d > max) {
        max = d;
        far = i;
      }
    }
    if (far < 0) continue;
    kept[far] = true;
    stack.push([from, far], [far, to]);
  }
  return kept;
}

/**
 * A copy of `topology` with absolute (unquantized) arcs, each simplified to within `tolerance` pixels of the
 * original under `project`.
 */
export function simplifyTopology<T extends Topology>(topology: T, project: Projector, tolerance: number): T {
  const arcs = topology.arcs.map((arc) => {
    const points = absolute(topology, arc);
    const kept = keep(
      points.map((p) => project(p)),
      tolerance,
    );
    return points.filter((_, i) => kept[i]);
  });
  const { transform: _dropped, ...rest } = topology;
  return { ...rest, arcs } as unknown as T;
}
