/**
 * A loaded network made ready to look at: each link's scale and the rule that decided it (the
 * core's classification, by default with the defaults `linkscale analyze` uses: where a region is
 * unknown, the same city makes a link local; the user may turn that off and add the same admin1
 * region, where the data carries one, and "within N km"),
 * the rules in force with the links each decided, and the ranges the filters offer; centralities
 * and Louvain communities (seeded, so a shared view shows the same ones) when first asked for.
 * Everything here is computed by @linkscale/core in the page.
 */
import {
  betweenness,
  classifyEdges,
  defaultHierarchy,
  degree,
  edgeList,
  eigenvector,
  louvain,
  nodePositions,
  scaleShares,
  pagerank,
  seededRandom,
  strength,
  toCsr,
  UNKNOWN,
  type AllianceGraph,
  type Csr,
  type EdgeScales,
  type ScaleReport,
  type ScaleRule,
  type ScaleShares,
  type SharesOptions,
} from "@linkscale/core";

/** The seed of every random choice the viewer makes (communities, betweenness pivots, layout). */
export const SEED = 1;
/** Betweenness is estimated from this many seeded pivots past this many organisations. */
const BETWEENNESS_PIVOTS = 200;

/** The stand-ins that make a link local where either end's region is unknown. */
export interface LocalRule {
  /** Organisations in the same city (the core's city.ts: names normalised, one country). */
  sameCity: boolean;
  /**
   * Organisations with the same `admin1` attribute (an ISO 3166-2 code that `linkscale analyze
   * --admin1` derives from coordinates: too heavy to derive in the page, so only compared where
   * the data carries it). Tried after the same city; in force only where some organisation has one.
   */
  admin1: boolean;
  /** Ends within this many km (great circle); undefined: off. */
  withinKm?: number;
}

export const DEFAULT_LOCAL_RULE: LocalRule = { sameCity: true, admin1: false };

export interface Network {
  graph: AllianceGraph;
  /**
   * Scale names, finest first, as the core names them, less those without links (the finest,
   * "local", always stays: that it has none is an answer); a link's is `scaleOf(edge)`.
   */
  scales: string[];
  /** Links per scale. */
  linksByScale: Map<string, number>;
  /** The rule that makes links local now. */
  localRule: LocalRule;
  /** The core's options for that rule, which classify the links here and for the cluster network. */
  shareOptions: Partial<SharesOptions>;
  /** The rules in force, in the order they are tried, each with the links it decided and its meaning in words (the core's `scaleShares`). */
  rules: ScaleRule[];
  /** Organisations with a region: where none has one, only the stand-ins can make a link local. */
  regionsKnown: number;
  /** Organisations with a non-empty `admin1`: where none has one, the admin1 rule cannot be turned on. */
  admin1Known: number;
  /** Classifies the links again under another local rule (the scales, rules, counts and shares follow). */
  classify(rule: LocalRule): void;
  /** A link's scale, by its edge key. */
  scaleOf(edge: string): string;
  /** The rule that decided a link's scale ("region", "city", "admin1", "distance", "country", "beyond", "none"). */
  ruleOf(edge: string): string;
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
  /** A community's name: that of its member with the most partners (ties: the smallest id), once communities are found. */
  communityName(community: string): string | undefined;
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

export function prepareNetwork(graph: AllianceGraph, localRule: LocalRule = DEFAULT_LOCAL_RULE): Network {
  const csr = toCsr(graph);
  // Each link's place in the edge list, where its class is. The classes stay beside the graph,
  // not in its links' attributes: any change to the graph drops the core's indexes (the CSR,
  // the city keys, the years), and a change of rule would then build them all again.
  const listed = edgeListPlaces(graph, csr);
  const computed = new Map<string, Record<string, number>>();

  let shares: ScaleReport;
  let classes: EdgeScales;
  const admin1Known = graph.filterNodes((_node, { admin1 }) => typeof admin1 === "string" && admin1 !== "").length;
  const classify = (asked: LocalRule) => {
    // A shared link may ask for admin1 on data without it: a rule that could decide nothing is not put in force.
    const rule = { ...asked, admin1: asked.admin1 && admin1Known > 0 };
    const options: Partial<SharesOptions> = {
      hierarchy: defaultHierarchy({ sameCity: rule.sameCity, admin1: rule.admin1 }),
      ...(rule.withinKm === undefined ? {} : { localWithinKm: rule.withinKm }),
    };
    shares = scaleShares(graph, options);
    classes = classifyEdges(graph, csr, options);
    const { scales, scale } = classes;
    const linksByScale = new Map<string, number>(scales.map((name) => [name, 0]));
    for (let e = 0; e < scale.length; e++) {
      const name = scales[scale[e] as number] as string;
      linksByScale.set(name, (linksByScale.get(name) ?? 0) + 1);
    }
    network.localRule = rule;
    network.shareOptions = options;
    network.rules = shares.rules;
    network.linksByScale = linksByScale;
    network.scales = scales.filter((name, s) => s === 0 || (linksByScale.get(name) ?? 0) > 0);
  };
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
  const communityNames = new Map<string, string>();
  const nameCommunities = (found: Record<string, number>) => {
    const leader = new Map<number, string>();
    graph.forEachNode((node) => {
      const community = found[node] as number;
      const current = leader.get(community);
      if (current === undefined || graph.degree(node) > graph.degree(current) || (graph.degree(node) === graph.degree(current) && node < current)) leader.set(community, node);
    });
    for (const [community, node] of leader) {
      const name = graph.getNodeAttribute(node, "name");
      communityNames.set(String(community), typeof name === "string" && name !== "" ? name : node);
    }
  };
  const compute: Record<string, () => Record<string, number>> = {
    degree: () => degree(graph),
    strength: () => strength(graph),
    pagerank: () => pagerank(graph),
    eigenvector: () => eigenvector(graph),
    betweenness: () =>
      betweenness(graph, graph.order > BETWEENNESS_PIVOTS ? { samples: BETWEENNESS_PIVOTS, rng: seededRandom(SEED) } : {}),
  };
  const network: Network = {
    graph,
    scales: [],
    linksByScale: new Map(),
    localRule,
    shareOptions: {},
    rules: [],
    regionsKnown: graph.filterNodes((_node, { region }) => typeof region === "string" && region !== "").length,
    admin1Known,
    classify,
    scaleOf: (edge) => classes.scales[classes.scale[listed.get(edge) as number] as number] as string,
    ruleOf: (edge) => classes.rules[classes.rule[listed.get(edge) as number] as number] as string,
    sharesOf: (node) => shares.byOrganisation.get(node),
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
        nameCommunities(found);
        communities = found;
      }
      return communities;
    },
    communityName: (community) => communityNames.get(community),
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
  classify(localRule);
  return network;
}

/**
 * Each link's place in the core's edge list, by graphology's key: found in its lower end's run of
 * the list, whose other ends are in order, by halving. (graphology's edge lookup for each place
 * of the list took twice as long: 1.5 s on the full network.)
 */
function edgeListPlaces(graph: AllianceGraph, csr: Csr): Map<string, number> {
  const position = nodePositions(graph);
  const { target, start } = edgeList(csr);
  const places = new Map<string, number>();
  graph.forEachEdge((edge, _attributes, source, other) => {
    const [s, t] = [position.get(source) as number, position.get(other) as number];
    const [u, v] = s < t ? [s, t] : [t, s];
    let [low, high] = [start[u] as number, (start[u + 1] as number) - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((target[middle] as number) < v) low = middle + 1;
      else high = middle;
    }
    places.set(edge, low);
  });
  return places;
}
