/**
 * Closeness centrality (Bavelas 1950; Freeman 1978): how near a node is to the others it can
 * reach. As NetworkX's `closeness_centrality` with `wf_improved=True` (Wasserman & Faust 1994):
 * (r − 1) / Σ d(u, v) × (r − 1) / (n − 1), over the r nodes of u's component, so nodes of small
 * components are not rated above those of the giant one. Weighted path lengths add up 1/weight by
 * default (see options.ts). Written on the CSR (graphology-metrics' closeness is unweighted-only
 * on the old Wasserman–Faust switch and builds its own index per call).
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { byNode } from "../model/csr.ts";
import { assignToNodes, DISTANCE_DEFAULTS, lengths, weightedCsr, type DistanceOptions } from "./options.ts";
import { fromEachNode } from "./shortest-paths.ts";

export interface ClosenessOptions extends DistanceOptions {
  /** Scale by the share of the graph a node reaches (Wasserman & Faust), as NetworkX does. */
  wassermanFaust: boolean;
  attribute: string;
}

export const DEFAULTS: ClosenessOptions = { ...DISTANCE_DEFAULTS, wassermanFaust: true, attribute: "closeness" };

export function closeness(graph: ReadableGraph, options: Partial<ClosenessOptions> = {}): Record<string, number> {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  const n = csr.nodes.length;
  const values = fromEachNode(csr, lengths(csr, settings), ({ dist, order, settled }) => {
    let total = 0;
    for (let k = 0; k < settled; k++) total += dist[order[k] as number] as number;
    const reached = settled - 1;
    if (total === 0) return 0;
    return settings.wassermanFaust ? (reached / total) * (reached / (n - 1)) : reached / total;
  });
  return byNode(csr.nodes, values);
}

export function assignCloseness(graph: AnyGraph, options: Partial<ClosenessOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, closeness(graph, options));
}
