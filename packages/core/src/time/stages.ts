/**
 * Stages of a network's life: its windows (windows.ts), each window's network (window-network.ts:
 * projected from its projects, or for data given as links, its active links) and measured, and
 * what changes from each window to the next (window-changes.ts, community-continuity.ts). Every
 * rule that decides a number is named in the result's `rules`; a project or link without a year
 * is in no window, and counted.
 */
import { connectedComponents } from "../communities/components.ts";
import { LinkscaleError } from "../errors.ts";
import { louvain } from "../communities/louvain.ts";
import { degree } from "../centrality/degree.ts";
import { pagerank } from "../centrality/pagerank.ts";
import { strength } from "../centrality/strength.ts";
import { transitivity } from "../centrality/transitivity.ts";
import { brokerage } from "../brokerage/gould-fernandez.ts";
import { clusterNetwork } from "../clusters/cluster-network.ts";
import { eiPermutationTest } from "../groups/ei-permutation.ts";
import { gatekeepers } from "../groups/gatekeepers.ts";
import type { GroupBy } from "../groups/group-index.ts";
import type { EiResult } from "../groups/ei-index.ts";
import type { ClassifyOptions } from "../scales/classify.ts";
import { scaleShares } from "../scales/shares.ts";
import { tripleHelix, type Constancy, type HelixLetter, type TripleHelix, type TripleHelixTransmission } from "../triple-helix/mutual-information.ts";
import { edgeList, toCsr } from "../model/csr.ts";
import type { CompactGraph } from "../model/compact-graph.ts";
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import type { Organisation } from "../model/organisation.ts";
import type { Participation } from "../model/participation.ts";
import type { Counting } from "../projection/project.ts";
import type { YearWindow } from "./slice.ts";
import { communityContinuity, type Continuity } from "./community-continuity.ts";
import { change, rankStability, type Change, type RankStability } from "./window-changes.ts";
import { linkWindow, windowNetwork } from "./window-network.ts";
import { linkSpan, projectYears, spanOf, windowsOf, type NamedWindow, type Windowing } from "./windows.ts";

/**
 * What the windows cut: participations (each window projected from its projects), or a network of
 * links with years, or windows projected from participations elsewhere (an out-of-core engine).
 */
export type StagesInput =
  | { participations: readonly Participation[]; organisations: readonly Organisation[] }
  | { graph: AnyGraph | CompactGraph }
  | { projected: ProjectedWindows };

/**
 * Windows projected from participations by an engine that keeps them (linkscale's DuckDB engine),
 * under the rules `ofParticipations` names: what `windowNetwork` would give for each window.
 */
export interface ProjectedWindows {
  span: YearWindow | null;
  withoutYear: { projects: number; participations: number };
  /** By window name: the window's network, its projects, and T(UIG) over them (tripleHelixOfTypes). */
  networks: ReadonlyMap<string, { graph: ReadableGraph; projects: number; tripleHelix: TripleHelix }>;
}

export interface StagesOptions {
  windowing: Windowing;
  counting: Counting;
  /** The seed of each window's Louvain communities and permutation tests. */
  seed: number;
  /** The place rules that give each link its scale (classify.ts). */
  places: Partial<Omit<ClassifyOptions, "attribute">>;
  /** Attributes whose openness (E-I) each window measures. */
  groupBy: readonly string[];
  /** Relabellings of each window's E-I test per attribute; 0 skips the tests. */
  permutations: number;
  /** The grouping of each window's cluster network (cluster-network.ts); absent: none. */
  clusterBy?: GroupBy;
  /** Brokers and gatekeepers listed per window. */
  top: number;
}

export const DEFAULTS: StagesOptions = { windowing: { kind: "yearly" }, counting: "full", seed: 0, places: {}, groupBy: ["country"], permutations: 0, top: 5 };

/** A window's openness by one attribute: E-I of its links, counted and weighted, and the permutation test's p-values. */
export interface WindowOpenness {
  counted: number | null;
  weighted: number | null;
  /** Links with an end without a value: left out. */
  excludedLinks: number;
  /** Share of relabellings with an E-I at or below / above the observed (counted); null without a test. */
  pLower: number | null;
  pUpper: number | null;
}

const PAGERANK_TOLERANCE = 1e-13;

/**
 * The measures whose ranks are compared between windows. PageRank converged to 1e-13 (not its
 * default 1e-10, which leaves values right to about 1e-5): close values must be ordered as the
 * converged ones are, or the correlation moves with where the iteration stopped.
 */
export const RANKED = {
  degree,
  strength,
  pagerank: (graph: ReadableGraph) => pagerank(graph, { tolerance: PAGERANK_TOLERANCE }),
} as const;

export interface WindowMeasures extends NamedWindow {
  /** The window's projects; null for data given as links. */
  projects: number | null;
  organisations: number;
  links: number;
  weight: number;
  /** Links over pairs of organisations; null with fewer than two. */
  density: number | null;
  components: number;
  /** The largest component's organisations over the window's; null without an organisation. */
  largestComponentShare: number | null;
  transitivity: number;
  communities: number;
  modularity: number | null;
  /** Share of links (and of weight) at each scale, by the place rules; null without links. */
  scales: { countShares: Record<string, number>; weightShares: Record<string, number> } | null;
  openness: Record<string, WindowOpenness>;
  /** T(UI), T(UG), T(IG), T(UIG) in bits over the window's projects (null with no project counted), and the helices in every project or in none (their T is 0); null for data given as links. */
  tripleHelix: { counted: number; T: TripleHelixTransmission | null; constant: Partial<Record<HelixLetter, Constancy>> } | null;
  /** By the first group attribute: the organisations brokering most (Gould & Fernandez, all roles), those with any. */
  brokers: { organisation: string; brokerage: number }[];
  /** By the first group attribute: the organisations with most weight to other groups, each with its group and its share of the group's. */
  gatekeepers: { organisation: string; group: string; externalWeight: number; share: number }[];
  /** The window's cluster network in brief; null without `clusterBy`. */
  clusters: { clusters: number; links: number; internalLinks: number; externalLinks: number; excludedOrganisations: number } | null;
}

export interface WindowChange extends Change {
  from: string;
  to: string;
  rankStability: Record<keyof typeof RANKED, RankStability>;
  /** Of the windows' Louvain communities. */
  continuity: Continuity;
}

export interface Stages {
  rules: Record<"window" | "year" | "organisations" | "links" | "communities" | "rankStability" | "scales" | "openness" | "tripleHelix" | "brokers", string>;
  /** From the first to the last year of a project (or link); null when none has one. */
  span: YearWindow | null;
  /** In no window: projects without a year and their participations, or links without a year. */
  withoutYear: { projects: number; participations: number } | { links: number };
  windows: WindowMeasures[];
  /** From each window to the next. */
  changes: WindowChange[];
}

export function stages(input: StagesInput, options: Partial<StagesOptions> = {}): Stages {
  const { windowing, counting, seed, places, groupBy, permutations, clusterBy, top } = { ...DEFAULTS, ...options };
  const { span, withoutYear, networkOf, rules } =
    "graph" in input ? ofLinks(input.graph) : "projected" in input ? ofProjected(input.projected, counting) : ofParticipations(input.participations, input.organisations, counting);
  let previous: { graph: ReadableGraph; communities: Record<string, number>; ranked: Record<keyof typeof RANKED, Record<string, number>>; name: string } | undefined;
  const windows: WindowMeasures[] = [];
  const changes: WindowChange[] = [];
  for (const window of span === null ? [] : windowsOf(windowing, span)) {
    const { graph, projects, tripleHelix: transmission } = networkOf(window);
    const found = graph.order > 0 ? louvain(graph, { seed }) : { communities: {}, count: 0, modularity: 0 };
    const ranked = perMeasure((measure) => RANKED[measure](graph));
    const shares = scaleShares(graph, { ...places, groupBy });
    windows.push({
      ...window,
      projects,
      ...structure(graph),
      communities: found.count,
      modularity: graph.size > 0 ? found.modularity : null,
      scales: graph.size > 0 ? { countShares: shares.network.countShares, weightShares: shares.network.weightShares } : null,
      openness: Object.fromEntries(groupBy.map((attribute) => [attribute, windowOpenness(graph, attribute, shares.openness[attribute] as EiResult, permutations, seed)])),
      tripleHelix: transmission === undefined ? null : helices(transmission),
      ...brokersAndGatekeepers(graph, groupBy[0], top),
      clusters: clusterBy === undefined ? null : clusterSummary(graph, clusterBy),
    });
    const before = previous;
    if (before !== undefined) {
      changes.push({
        from: before.name,
        to: window.name,
        ...change(before.graph, graph),
        rankStability: perMeasure((measure) => rankStability(before.ranked[measure], ranked[measure])),
        continuity: communityContinuity(before.communities, found.communities),
      });
    }
    previous = { graph, communities: found.communities, ranked, name: window.name };
  }
  return {
    rules: {
      window: "a window runs from its first to its last year, both included",
      ...rules,
      communities: `Louvain, seed ${seed}, on each window's network`,
      rankStability: "Spearman's rank correlation over the organisations in both windows; values equal to 12 significant digits tie, at their mean rank",
      scales: "each window's links take their scale by the place rules, as the whole network's do",
      openness: `E-I index by ${groupBy.join(", ") || "no attribute"} over each window's links, counted and weighted; a link with an end without a value is left out${permutations > 0 ? `; p-values from ${permutations} relabellings (seed ${seed})` : ""}`,
      tripleHelix: "T(UI), T(UG), T(IG), T(UIG) in bits over each window's projects; a project with a participant of unknown type is left out",
      brokers: groupBy[0] === undefined ? "no group attribute: no brokers or gatekeepers" : `the ${top} organisations of each window brokering most between and within groups by ${groupBy[0]} (Gould & Fernandez, all five roles), and the ${top} with most weight to other groups`,
    },
    span,
    withoutYear,
    windows,
    changes,
  };
}

/** A window's network, its projects (null for links) and T(UIG) over its projects (absent for links). */
interface WindowNetwork {
  graph: ReadableGraph;
  projects: number | null;
  tripleHelix?: TripleHelix;
}

function ofParticipations(participations: readonly Participation[], organisations: readonly Organisation[], counting: Counting) {
  const years = projectYears(participations);
  const typeOf = typeLookup(organisations);
  const undated = new Set([...years].filter(([, year]) => year === undefined).map(([project]) => project));
  return {
    span: spanOf(years.values()),
    withoutYear: { projects: undated.size, participations: participations.filter(({ project }) => undated.has(project)).length },
    networkOf: (window: YearWindow): WindowNetwork => {
      const network = windowNetwork(participations, organisations, window, years, { counting });
      return { ...network, tripleHelix: tripleHelix(network.participations, typeOf) };
    },
    rules: participationRules(counting),
  };
}

function ofProjected({ span, withoutYear, networks }: ProjectedWindows, counting: Counting) {
  return {
    span,
    withoutYear,
    networkOf: (window: NamedWindow): WindowNetwork => {
      const network = networks.get(window.name);
      if (network === undefined) throw new LinkscaleError("time/stages", `no network was projected for window "${window.name}"`);
      return network;
    },
    rules: participationRules(counting),
  };
}

function participationRules(counting: Counting) {
  return {
    year: "a project's year is the earliest year on its participations; a project without one is in no window",
    organisations: "a window's organisations are the participants of its projects",
    links: `a window's links join organisations sharing a project of the window, weighted by those projects (${counting} counting)`,
  };
}

function ofLinks(graph: AnyGraph | CompactGraph) {
  let undated = 0;
  graph.forEachEdge((_edge, { firstYear }) => void (typeof firstYear === "number" || undated++));
  return {
    span: linkSpan(graph),
    withoutYear: { links: undated },
    networkOf: (window: YearWindow): WindowNetwork => ({ graph: linkWindow(graph, window), projects: null }),
    rules: {
      year: "a link is in every window its years (firstYear to lastYear) overlap; a link without a firstYear is in none",
      organisations: "a window's organisations are those with a link in it",
      links: "a window's links keep their weight over all years",
    },
  };
}

/** A value for each ranked measure. */
function perMeasure<T>(value: (measure: keyof typeof RANKED) => T): Record<keyof typeof RANKED, T> {
  return { degree: value("degree"), strength: value("strength"), pagerank: value("pagerank") };
}

/** E-I of a window by an attribute (from scaleShares' tally), with the permutation test when asked and defined. */
function windowOpenness(graph: ReadableGraph, attribute: string, ei: EiResult, permutations: number, seed: number): WindowOpenness {
  const { counted, weighted, excluded } = ei.network;
  const test = permutations > 0 && counted.EI !== null ? eiPermutationTest(graph, { groupBy: attribute, permutations, seed }).network.counted : null;
  const p = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);
  return { counted: counted.EI, weighted: weighted.EI, excludedLinks: excluded.links, pLower: p(test?.pLower), pUpper: p(test?.pUpper) };
}

/** The `top` organisations by brokerage and by weight to other groups, by `attribute`. */
function brokersAndGatekeepers(graph: ReadableGraph, attribute: string | undefined, top: number): Pick<WindowMeasures, "brokers" | "gatekeepers"> {
  if (attribute === undefined || graph.size === 0) return { brokers: [], gatekeepers: [] };
  const brokers = Object.entries(brokerage(graph, { groupBy: attribute }).raw)
    .map(([organisation, roles]) => ({ organisation, brokerage: roles.t }))
    .filter(({ brokerage: b }) => b > 0)
    .sort((a, b) => b.brokerage - a.brokerage || (a.organisation < b.organisation ? -1 : 1))
    .slice(0, top);
  const gatekeeping = Object.entries(gatekeepers(graph, { groupBy: attribute }))
    .flatMap(([group, { members }]) => members.map(({ organisation, externalWeight, share }) => ({ organisation, group, externalWeight, share })))
    .sort((a, b) => b.externalWeight - a.externalWeight || (a.organisation < b.organisation ? -1 : 1))
    .slice(0, top);
  return { brokers, gatekeepers: gatekeeping };
}

function clusterSummary(graph: ReadableGraph, groupBy: GroupBy): NonNullable<WindowMeasures["clusters"]> {
  const network = clusterNetwork(graph, { groupBy });
  const clusters = Object.values(network.clusters);
  return {
    clusters: clusters.length,
    links: network.links.length,
    internalLinks: clusters.reduce((sum, c) => sum + c.internalLinks, 0),
    externalLinks: network.links.reduce((sum, link) => sum + link.links, 0),
    excludedOrganisations: network.excluded.organisations,
  };
}

/** A window's triple helix in brief: what it counted, T, and the constant helices (the entropies and project patterns stay with tripleHelix). */
function helices({ counted, T, constant }: TripleHelix): NonNullable<WindowMeasures["tripleHelix"]> {
  return { counted, T, constant };
}

function typeLookup(organisations: readonly Organisation[]): (org: string) => string | undefined {
  const types = new Map(organisations.map(({ id, type }) => [id, type]));
  return (org) => types.get(org);
}

/** Size, density, components and transitivity of a window's network. */
function structure(graph: ReadableGraph): Pick<WindowMeasures, "organisations" | "links" | "weight" | "density" | "components" | "largestComponentShare" | "transitivity"> {
  const n = graph.order;
  // Summed over the CSR's links, in sorted id order: the input's row order never changes a bit.
  const weight = edgeList(toCsr(graph)).weight.reduce((sum, w) => sum + w, 0);
  const { count, sizes } = connectedComponents(graph);
  return {
    organisations: n,
    links: graph.size,
    weight,
    density: n > 1 ? graph.size / ((n * (n - 1)) / 2) : null,
    components: count,
    largestComponentShare: n > 0 ? sizes.reduce((a, b) => Math.max(a, b), 0) / n : null,
    transitivity: transitivity(graph),
  };
}
