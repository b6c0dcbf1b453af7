/**
 * Harmonic centrality (Marchiori & Latora 2000; Rochat 2009): Σ 1/d(u, v) over all v ≠ u, with
 * 1/∞ = 0, so it is defined on disconnected networks, which alliance networks usually are. Not
 * normalised, as NetworkX's `harmonic_centrality`; `normalized` divides by n − 1, as igraph's.
 * Weighted path lengths add up 1/weight by default (see options.ts).
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { byNode } from "../model/csr.ts";
import { assignToNodes, DISTANCE_DEFAULTS, lengths, weightedCsr, type DistanceOptions } from "./options.ts";
import { fromEachNode } from "./shortest-paths.ts";

export interface HarmonicOptions extends DistanceOptions {
  normalized: boolean;
  attribute: string;
}

export const DEFAULTS: HarmonicOptions = { ...DISTANCE_DEFAULTS, normalized: false, attribute: "harmonic" };

export function harmonic(graph: ReadableGraph, options: Partial<HarmonicOptions> = {}): Record<string, number> {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  const n = csr.nodes.length;
  const values = fromEachNode(csr, lengths(csr, settings), ({ dist, order, settled }) => {
    let total = 0;
    for (let k = 1; k < settled; k++) total += 1 / (dist[order[k] as number] as number);
    return settings.normalized && n > 1 ? total / (n - 1) : total;
  });
  return byNode(csr.nodes, values);
}

export function assignHarmonic(graph: AnyGraph, options: Partial<HarmonicOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, harmonic(graph, options));
}
