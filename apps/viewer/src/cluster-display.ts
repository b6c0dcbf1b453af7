/**
 * What clusters mode draws, as a graph sigma can take: a bubble per cluster, its area growing with
 * its members shown and its colour its openness (colours.ts: the weighted E-I index, red where its
 * links run out to other clusters, blue where they stay inside, grey where it has no link), and a
 * line per pair of clusters that collaborate, as wide as their joint weight, in the colour of the
 * scale that carries most of it (the core's `mainScale`) and ranked to draw the finest on top.
 *
 * Clusters sit at their places (projected as map.ts projects organisations), or, as a network,
 * where ForceAtlas2 puts them from seeded positions: a cluster network has at most a few thousand
 * nodes, so the layout runs to its end at once, and the same data give the same picture.
 */
import { mainScale, seededRandom } from "@linkscale/core";
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { ShownClusters } from "./clusters.ts";
import { opennessColour, type Colouring } from "./colours.ts";
import { mapPosition } from "./map.ts";
import { SEED } from "./network.ts";
import type { Arrangement } from "./state.ts";

const MIN_SIZE = 4;
const MAX_SIZE = 28;
const MIN_WIDTH = 0.5;
const MAX_WIDTH = 8;
/** ForceAtlas2's iterations for the network arrangement: enough for a few thousand nodes to settle. */
const ITERATIONS = 500;

/** Where clusters go when the URL does not say: on the map where every cluster has a place. */
export function defaultArrangement(shown: ShownClusters): Arrangement {
  return Object.keys(shown.network.clusters).every((name) => Object.hasOwn(shown.positions, name)) ? "map" : "network";
}

/**
 * The display graph of the clusters shown, and, on the map, those without a place (no member
 * with coordinates), which it leaves out. `scales`: the network's scale names, finest first.
 */
export function clusterDisplay(shown: ShownClusters, arrangement: Arrangement, scales: readonly string[], linkColour: Colouring): { display: Graph; unplaced: string[] } {
  const display = new Graph({ type: "undirected" });
  const unplaced: string[] = [];
  const { clusters, links } = shown.network;
  const mostMembers = Math.max(1, ...Object.values(clusters).map((cluster) => cluster.members));
  for (const [name, cluster] of Object.entries(clusters)) {
    const place = Object.hasOwn(shown.positions, name) ? shown.positions[name] : undefined;
    if (arrangement === "map" && place === undefined) {
      unplaced.push(name);
      continue;
    }
    display.addNode(name, {
      ...(place === undefined ? { x: 0, y: 0 } : mapPosition(place.lon, place.lat)),
      size: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(cluster.members / mostMembers),
      color: opennessColour(cluster.openness.weighted.EI),
      label: name,
    });
  }
  const heaviest = Math.max(0, ...links.map((link) => link.weight));
  const rank = (scale: string) => scales.length - scales.indexOf(scale);
  for (const link of links) {
    if (!display.hasNode(link.source) || !display.hasNode(link.target)) continue;
    const scale = mainScale(link);
    display.addEdge(link.source, link.target, {
      size: MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.sqrt(link.weight / heaviest),
      color: linkColour.colour(scale),
      zIndex: rank(scale),
      weight: link.weight,
      scale,
    });
  }
  if (arrangement === "network") layOut(display);
  return { display, unplaced };
}

/** ForceAtlas2 to its end from seeded positions, weighted, its settings inferred from the size, bubbles kept apart. */
function layOut(display: Graph): void {
  const random = seededRandom(SEED);
  display.updateEachNodeAttributes((_node, attributes) => ({ ...attributes, x: random() * 100, y: random() * 100 }));
  forceAtlas2.assign(display, { iterations: ITERATIONS, getEdgeWeight: "weight", settings: { ...forceAtlas2.inferSettings(display), adjustSizes: true } });
}
