/**
 * A loaded network made ready to look at: each link's scale (the core's classification, with the
 * defaults `linkscale analyze` uses) and the ranges the filters offer; centralities, Louvain
 * communities (seeded, so a shared view shows the same ones) and scale shares when first asked
 * for. Everything here is computed by @linkscale/core in the page.
 */
import {
  betweenness,
  classifyEdges,
  degree,
  edgeList,
  eigenvector,
  louvain,
  scaleShares,
  pagerank,
  seededRandom,
  strength,
  toCsr,
  UNKNOWN,
  type AllianceGraph,
  type ScaleReport,
  type ScaleShares,
} from "@linkscale/core";

/** The seed of every random choice the viewer makes (communities, betweenness pivots, layout). */
export const SEED = 1;
/** Betweenness is estimated from this many seeded pivots past this many organisations. */
const BETWEENNESS_PIVOTS = 200;

export interface Network {
  graph: AllianceGraph;
  /** Scale names, finest first, as the core names them; links carry theirs as `scale`. */
  scales: string[];
  /** Links per scale. */
  linksByScale: Map<string, number>;
  /** An organisation's shares of its links by scale (all of them computed on the first call). */
  sharesOf(node: string): ScaleShares | undefined;
  /** First and last year over the links; undefined when no link has a year. */
  years?: { first: number; last: number };
  /** Organisation types and countries, most frequent first, with their counts. */
  types: Array<[string, number]>;
  countries: Array<[string, number]>;
  /** The values of any node attribute, most frequent first, with their counts ("unknown" for none). */
  countsOf(attribute: string): Array<[string, number]>;
  /** Node attributes that colours can come from, in menu order. */
  colourings: string[];
  /**
   * Louvain communities (seeded, as `linkscale analyze` runs them), computed when first asked for
   * (seconds on the full Horizon 2020 network) and then set as each node's `community`.
   */
  communities(): Record<string, number>;
  hasCommunities(): boolean;
  /** Per centrality, node id → value, computed when first asked for; undefined when the
   * centrality is unknown or its iteration did not converge (eigenvector on some networks). */
  centrality(name: string): Record<string, number> | undefined;
  centralities: string[];
  /** True when betweenness is estimated from pivots rather than exact. */
  betweennessSampled: boolean;
  maxWeight: number;
  /** True when every organisation has a position in the data (a GEXF file laid out in Gephi). */
  positioned: boolean;
}

export const CENTRALITIES = ["degree", "strength", "pagerank", "eigenvector", "betweenness"] as const;

export function prepareNetwork(graph: AllianceGraph): Network {
  const csr = toCsr(graph);
  const { scales, scale } = classifyEdges(graph, csr);
  const { source, target } = edgeList(csr);
  // Setting each link's scale below changes the graph, which drops the core's cached indexes:
  // the default size (degree) is computed first, on the index just built.
  const computed = new Map<string, Record<string, number>>([["degree", degree(graph)]]);
  let shares: ScaleReport | undefined;
  const linksByScale = new Map<string, number>(scales.map((name) => [name, 0]));
  for (let e = 0; e < source.length; e++) {
    const name = scales[scale[e] as number] as string;
    linksByScale.set(name, (linksByScale.get(name) ?? 0) + 1);
    graph.setEdgeAttribute(csr.nodes[source[e] as number] as string, csr.nodes[target[e] as number] as string, "scale", name);
  }
  let first = Infinity;
  let last = -Infinity;
  let maxWeight = 0;
  graph.forEachEdge((_edge, { firstYear, lastYear, weight }) => {
    if (typeof firstYear === "number") first = Math.min(first, firstYear);
    const end = typeof lastYear === "number" ? lastYear : firstYear;
    if (typeof end === "number") last = Math.max(last, end);
    maxWeight = Math.max(maxWeight, weight);
  });

  const tally = (attribute: string) => {
    const counts = new Map<string, number>();
    graph.forEachNode((_node, attributes) => {
      const value = attributes[attribute];
      const key = typeof value === "string" && value !== "" ? value : UNKNOWN;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  };
  const has = (attribute: string) => graph.someNode((_node, attributes) => attributes[attribute] !== undefined);
  const colourings = [...["type", "country", "region", "cluster", "city"].filter(has), "community"];

  let communities: Record<string, number> | undefined;
  const compute: Record<string, () => Record<string, number>> = {
    degree: () => degree(graph),
    strength: () => strength(graph),
    pagerank: () => pagerank(graph),
    eigenvector: () => eigenvector(graph),
    betweenness: () =>
      betweenness(graph, graph.order > BETWEENNESS_PIVOTS ? { samples: BETWEENNESS_PIVOTS, rng: seededRandom(SEED) } : {}),
  };
  return {
    graph,
    scales: scales.filter((name) => (linksByScale.get(name) ?? 0) > 0),
    linksByScale,
    sharesOf: (node) => (shares ??= scaleShares(graph)).byOrganisation.get(node),
    ...(first <= last ? { years: { first, last } } : {}),
    types: tally("type"),
    countries: tally("country"),
    countsOf: tally,
    colourings,
    hasCommunities: () => communities !== undefined,
    communities() {
      if (communities === undefined) {
        const found = louvain(graph, { seed: SEED }).communities;
        graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, community: String(found[node]) }), { attributes: ["community"] });
        communities = found;
      }
      return communities;
    },
    centralities: [...CENTRALITIES],
    betweennessSampled: graph.order > BETWEENNESS_PIVOTS,
    maxWeight,
    positioned: graph.order > 0 && graph.everyNode((_node, attributes) => typeof attributes["x"] === "number" && typeof attributes["y"] === "number"),
    centrality(name) {
      if (!computed.has(name)) {
        const run = compute[name];
        if (run === undefined) return undefined;
        try {
          computed.set(name, run());
        } catch (error) {
          if ((error as Error).name !== "ConvergenceError") throw error;
          return undefined;
        }
      }
      return computed.get(name);
    },
  };
}
