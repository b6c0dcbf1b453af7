/**
 * Where each cluster lies: the mean on the sphere (of unit vectors, so right across ±180°) of its
 * members that have coordinates, with how many those are. Clusters without a located member
 * have no position. For the map of clusters and for cluster networks written with coordinates.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { nodeTable } from "../model/csr.ts";
import { groupIndices, NO_GROUP, type GroupBy } from "../groups/group-index.ts";

export interface ClusterPosition {
  lat: number;
  lon: number;
  /** Members with coordinates. */
  located: number;
}

export function clusterPositions(graph: ReadableGraph, groupBy: GroupBy): Record<string, ClusterPosition> {
  const { attributes } = nodeTable(graph);
  const { names, of } = groupIndices(graph, groupBy);
  const lats: number[][] = names.map(() => []);
  const lons: number[][] = names.map(() => []);
  attributes.forEach(({ lat, lon }, i) => {
    const g = of[i] as number;
    if (g === NO_GROUP || typeof lat !== "number" || typeof lon !== "number" || !Number.isFinite(lat) || !Number.isFinite(lon)) return;
    lats[g]?.push(lat);
    lons[g]?.push(lon);
  });
  const positions = Object.create(null) as Record<string, ClusterPosition>;
  names.forEach((name, g) => {
    const located = lats[g] as number[];
    if (located.length > 0) positions[name] = { ...sphericalMean(located, lons[g] as number[]), located: located.length };
  });
  return positions;
}

/** The mean of points on the sphere (of their unit vectors), in degrees. */
export function sphericalMean(lats: readonly number[], lons: readonly number[]): { lat: number; lon: number } {
  let x = 0;
  let y = 0;
  let z = 0;
  const rad = Math.PI / 180;
  lats.forEach((lat, k) => {
    const lon = lons[k] as number;
    x += Math.cos(lat * rad) * Math.cos(lon * rad);
    y += Math.cos(lat * rad) * Math.sin(lon * rad);
    z += Math.sin(lat * rad);
  });
  return { lat: Math.atan2(z, Math.hypot(x, y)) / rad, lon: Math.atan2(y, x) / rad };
}
