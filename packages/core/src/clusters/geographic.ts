/**
 * Clusters found from geography: spatial agglomerations of organisations by DBSCAN (Ester,
 * Kriegel, Sander & Xu 1996, "A density-based algorithm for discovering clusters in large spatial
 * databases with noise", KDD) over great-circle distance: an organisation with at least `minSize`
 * organisations (itself included) within `radiusKm` is a core point; a cluster is the core points
 * that reach one another through such neighbourhoods, with the points within reach of them. The
 * clustering is @turf/clusters-dbscan's (haversine on a sphere of 6,371.0088 km, the same as
 * scikit-learn's with `eps = km / 6371.0088`), run over the organisations in id order, so the
 * result is deterministic and a point within reach of two clusters joins the one found first.
 * Turf's search box does not wrap at ±180° longitude: no agglomeration of R&D organisations
 * straddles the antimeridian, so this is left alone.
 *
 * Organisations without coordinates are not clustered, nor are those at a point that
 * organisations of two or more cities share (a country's centre, shared-points.ts), nor is noise
 * (points in no cluster); all are counted. Each cluster is named after its largest city (the most organisations under one
 * city key, city.ts, written as its members most often write it, with the country), and carries
 * its centroid (the mean on the sphere) and its extent (the farthest member from the centroid,
 * and the bounding box).
 */
import { clustersDbscan } from "@turf/clusters-dbscan";
import type { ReadableGraph } from "../model/graph.ts";
import { nodeTable } from "../model/csr.ts";
import { LinkscaleError } from "../errors.ts";
import { greatCircleKm } from "../scales/distance.ts";
import { largestCity } from "./city-clusters.ts";
import { sphericalMean } from "./positions.ts";
import { isCoordinate, pointKey, pointsSharedByCities } from "./shared-points.ts";

/** A GeoJSON point, as Turf reads it. */
type Point = Parameters<typeof clustersDbscan>[0]["features"][number];

export interface GeographicClusterOptions {
  /** Neighbourhood radius, in km. */
  radiusKm: number;
  /** Organisations (itself included) within the radius that make a core point. */
  minSize: number;
}

export const DEFAULTS: GeographicClusterOptions = { radiusKm: 10, minSize: 5 };

export interface GeographicCluster {
  members: number;
  centroid: { lat: number; lon: number };
  /** The greatest distance of a member from the centroid, in km. */
  radiusKm: number;
  /** [west, south, east, north], in degrees. */
  bbox: [number, number, number, number];
}

export interface GeographicClusters {
  /** The rule, in words, for the report. */
  rule: string;
  /** Clusters by name, in the order DBSCAN found them. */
  clusters: Record<string, GeographicCluster>;
  /** Each clustered organisation's cluster: a grouping for `clusterNetwork`. */
  membership: Record<string, string>;
  /** Organisations clustered: with coordinates, at a point no other city shares. */
  withCoordinates: number;
  /** Organisations at a point that organisations of two or more cities share, left out. */
  sharedPoint: number;
  /** Organisations clustered in no cluster. */
  noise: number;
  withoutCoordinates: number;
}

export function geographicClusters(graph: ReadableGraph, options: Partial<GeographicClusterOptions> = {}): GeographicClusters {
  const { radiusKm, minSize } = { ...DEFAULTS, ...options };
  if (!(radiusKm > 0) || !Number.isFinite(radiusKm)) throw new LinkscaleError("clusters/geographic", `radiusKm must be a positive number of km, not ${radiusKm}`);
  if (!Number.isInteger(minSize) || minSize < 1) throw new LinkscaleError("clusters/geographic", `minSize must be a whole number of organisations, at least 1, not ${minSize}`);
  const { nodes, attributes } = nodeTable(graph);
  const shared = pointsSharedByCities(attributes);
  const located: number[] = [];
  const points: Point[] = [];
  let withoutCoordinates = 0;
  let sharedPoint = 0;
  attributes.forEach(({ lat, lon }, i) => {
    if (!isCoordinate(lat) || !isCoordinate(lon)) return void withoutCoordinates++;
    if (shared.has(pointKey(lat, lon))) return void sharedPoint++;
    located.push(i);
    points.push({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [lon, lat] } });
  });
  const labelled = clustersDbscan({ type: "FeatureCollection", features: points }, radiusKm, { units: "kilometers", minPoints: minSize, mutate: true });

  // Turf marks some border points "core" (those it reaches while growing a cluster), so only membership is read.
  const found: number[][] = [];
  labelled.features.forEach((point, k) => {
    const label = point.properties.cluster;
    if (label !== undefined) (found[label] ??= []).push(located[k] as number);
  });

  const clusters = Object.create(null) as Record<string, GeographicCluster>;
  const membership = Object.create(null) as Record<string, string>;
  let noise = located.length;
  for (const members of found) {
    const lats = members.map((i) => attributes[i]?.["lat"] as number);
    const lons = members.map((i) => attributes[i]?.["lon"] as number);
    const centroid = sphericalMean(lats, lons);
    let name = largestCity(members.map((i) => attributes[i] ?? {})) ?? `${centroid.lat.toFixed(2)}, ${centroid.lon.toFixed(2)}`;
    for (let k = 2; name in clusters; k++) name = `${name.replace(/ \(\d+\)$/, "")} (${k})`;
    clusters[name] = {
      members: members.length,
      centroid,
      radiusKm: Math.max(...lats.map((lat, k) => greatCircleKm(centroid.lat, centroid.lon, lat, lons[k] as number))),
      bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
    };
    for (const i of members) membership[nodes[i] as string] = name;
    noise -= members.length;
  }
  return {
    rule:
      `DBSCAN over great-circle distance: at least ${minSize} organisations (itself included) within ${radiusKm} km make a core point; ` +
      "clusters are core points within reach of one another, with the points within reach of them; " +
      "coordinates that organisations of two or more cities share (a country's centre given for want of an address) are no place and are left out",
    clusters,
    membership,
    withCoordinates: located.length,
    sharedPoint,
    noise,
    withoutCoordinates,
  };
}
