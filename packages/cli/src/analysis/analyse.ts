/**
 * Every metric the core offers, run on one network with one resolved config: the content of
 * `report.json`. Sections are computed on their own (SECTION_RUNNERS), so `check` computes only
 * the sections its expected file names. Every random step takes the config's seed: the same
 * input, config and seed give the same report, byte for byte.
 */
import {
  betweenness,
  assortativity,
  brokerage,
  closeness,
  clusterGrouping,
  connectedComponents,
  defaultHierarchy,
  degree,
  DEFAULT_MACRO_REGIONS,
  describeGraph,
  dropIndexes,
  distanceDecay,
  effectiveSize,
  eigenvector,
  eiIndex,
  eiPermutationTest,
  gatekeepers,
  harmonic,
  leiden,
  louvain,
  mixingMatrix,
  eiAndMixingPermutationTest,
  pagerank,
  scaleShares,
  seededRandom,
  strength,
  structuralConstraint,
  summariseCommunities,
  transitivity,
  tripleHelix,
  clustering,
  type AllianceGraph,
  type CompactGraph,
  type Grouping,
  type Participation,
} from "@linkscale/core";
import { clustersSection } from "./clusters.ts";
import { stagesSection } from "./stages.ts";
import { betweennessParallel } from "@linkscale/core/node";
import type { ProjectedWindows } from "@linkscale/core/time";
import type { TripleHelix } from "@linkscale/core/triple-helix";
import { collectBetweenPhases } from "../heap.ts";
import { assignAdmin1, type Admin1Result } from "../places/admin1.ts";
import type { Progress } from "../progress.ts";
import type { ResolvedConfig, Section } from "./config.ts";

export interface AnalysisInput {
  graph: AllianceGraph | CompactGraph;
  /** The participations the graph was projected from; absent for link tables and graph files. */
  participations?: readonly Participation[];
  /** Without the participations (kept out of core): T(UIG), computed where they are. */
  tripleHelix?: TripleHelix;
  /** Without the participations: the stages' windows, projected where they are kept. */
  windows?: ProjectedWindows;
}

interface Context {
  input: AnalysisInput;
  config: ResolvedConfig;
  progress: Progress;
  /** Why a metric was skipped or estimated; collected into the report's notes. */
  notes: string[];
  /** The administrative regions derived from coordinates, with config.places.admin1. */
  admin1: Admin1Result | null;
  /** What makes a cluster, found once for the clusters and stages sections (geographic clusters take seconds). */
  clusterGrouping: () => Grouping;
  /** The E-I and mixing permutation tests by type, from the same shuffles in one pass, for the openness and triple helix sections. */
  typePermutations: () => ReturnType<typeof eiAndMixingPermutationTest>;
}

type Values = Record<string, number | null>;

function counts({ input }: Context) {
  const components = connectedComponents(input.graph);
  const n = input.graph.order;
  return {
    ...describeGraph(input.graph),
    density: n > 1 ? (2 * input.graph.size) / (n * (n - 1)) : 0,
    components: components.count,
    // A loop, not Math.max(...sizes): past ~120,000 components the spread overflows the stack (issue 22).
    largestComponent: components.sizes.reduce((largest, size) => Math.max(largest, size), 0),
  };
}

/** Link visits (sources × 2 × links) past which betweenness runs on worker threads: about a second of work. */
const PARALLEL_BETWEENNESS_VISITS = 2e8;

async function centrality({ input: { graph }, config, progress, notes }: Context) {
  const { allPairsLimit, betweennessSamples } = config.centrality;
  const allPairs = graph.order <= allPairsLimit;
  const measures: Record<string, Values> = {};
  progress.step("centrality: degree, strength, eigenvector, PageRank, clustering");
  measures["degree"] = degree(graph);
  measures["strength"] = strength(graph);
  measures["eigenvector"] = eigenvector(graph);
  measures["pagerank"] = pagerank(graph);
  measures["clustering"] = clustering(graph);
  const bar = progress.bar("centrality: betweenness", 1);
  const sources = allPairs ? graph.order : Math.min(betweennessSamples, graph.order);
  const options = {
    ...(allPairs ? {} : { samples: sources, rng: seededRandom(config.seed) }),
    onProgress: (done: number, total: number) => bar.update(done, total),
  };
  // On worker threads, one per core, when a search from every source visits enough links to pay
  // for starting them: the same bits either way (betweenness.ts sums fixed chunks of sources).
  const parallel = sources * 2 * graph.size > PARALLEL_BETWEENNESS_VISITS;
  measures["betweenness"] = parallel ? await betweennessParallel(graph, options) : betweenness(graph, options);
  bar.stop();
  if (allPairs) {
    progress.step("centrality: closeness, harmonic");
    measures["closeness"] = closeness(graph);
    measures["harmonic"] = harmonic(graph);
  } else {
    notes.push(
      `centrality: ${graph.order} organisations exceed centrality.allPairsLimit (${allPairsLimit}): closeness and harmonic skipped, ` +
        `betweenness estimated from ${Math.min(betweennessSamples, graph.order)} sampled sources (seed ${config.seed})`,
    );
  }
  return {
    /** The measures that read link weights; the others count every link as 1. */
    weighted: ["strength", "pagerank"],
    betweenness: allPairs ? { method: "exact" as const } : { method: "sampled" as const, samples: Math.min(betweennessSamples, graph.order), seed: config.seed },
    transitivity: transitivity(graph),
    measures,
  };
}

function communities({ input: { graph }, config, progress }: Context) {
  const { algorithm, resolution } = config.communities;
  progress.step(`communities: ${algorithm}`);
  const detect = algorithm === "leiden" ? leiden : louvain;
  const result = detect(graph, { resolution, seed: config.seed });
  return {
    algorithm,
    resolution,
    seed: config.seed,
    count: result.count,
    modularity: result.modularity,
    summary: summariseCommunities(graph, result.communities),
    membership: result.communities,
  };
}

function placeOptions(config: ResolvedConfig) {
  const { nutsLevel, macroRegions, sameCity, admin1, localWithinKm } = config.places;
  const regions = macroRegions === "default" ? DEFAULT_MACRO_REGIONS : macroRegions === "none" ? undefined : macroRegions;
  return {
    hierarchy: defaultHierarchy({ sameCity, admin1, ...(nutsLevel === undefined ? {} : { nutsLevel }), ...(regions === undefined ? {} : { macroRegions: regions }) }),
    ...(localWithinKm === undefined ? {} : { localWithinKm }),
  };
}

function scales({ input: { graph }, config, progress, admin1 }: Context) {
  progress.step("scales: classifying links, shares, distance decay");
  const report = scaleShares(graph, { ...placeOptions(config), groupBy: config.groupBy });
  return {
    scales: report.scales,
    rules: report.rules,
    knownPlaces: report.knownPlaces,
    /** How the admin1 stand-in's regions were derived; null without config.places.admin1. */
    admin1,
    /** Which year a link is counted in by year. */
    yearRule: "the year its two organisations first worked together (the link's firstYear)",
    network: report.network,
    byYear: report.byYear.toJSON(),
    byGroup: Object.fromEntries(Object.entries(report.byGroup).map(([attribute, table]) => [attribute, table.toJSON()])),
    byOrganisation: report.byOrganisation.asRecord(),
    distanceDecay: distanceDecay(graph),
  };
}

function openness({ input: { graph }, config, progress, typePermutations }: Context) {
  return Object.fromEntries(
    config.groupBy.map((groupBy) => {
      const ei = eiIndex(graph, { groupBy });
      let permutation = null;
      if (config.permutations > 0 && groupBy === "type") permutation = typePermutations().ei;
      else if (config.permutations > 0) {
        const bar = progress.bar(`openness by ${groupBy}: ${config.permutations} permutations`, config.permutations);
        permutation = eiPermutationTest(graph, { groupBy, permutations: config.permutations, seed: config.seed, onProgress: (done) => bar.update(done) });
        bar.stop();
      }
      return [groupBy, { ei, permutation, mixing: mixingMatrix(graph, { groupBy }), gatekeepers: gatekeepers(graph, { groupBy }) }];
    }),
  );
}

function brokerageSection({ input: { graph }, config, progress }: Context) {
  progress.step("brokerage: Gould & Fernandez roles, structural holes");
  // The longest section, in steps that each leave tens of megabytes of arrays: collected between them too.
  const roles = Object.fromEntries(
    config.groupBy.map((groupBy) => {
      const { network, density, raw, z, excluded } = brokerage(graph, { groupBy });
      collectBetweenPhases(graph.size);
      return [groupBy, { network, density, raw, z, excluded }];
    }),
  );
  const { constraint, hierarchy } = structuralConstraint(graph);
  collectBetweenPhases(graph.size);
  return { roles, structuralHoles: { constraint, hierarchy, ...effectiveSize(graph) } };
}

function tripleHelixSection({ input: { graph, participations, tripleHelix: computed }, config, progress, notes, typePermutations }: Context) {
  progress.step("triple helix: mutual information, sector mixing");
  const typeOf = (org: string) => (graph.hasNode(org) ? (graph.getNodeAttribute(org, "type") as string | undefined) : undefined);
  const mutualInformation = participations === undefined ? (computed ?? null) : tripleHelix(participations, typeOf);
  if (mutualInformation === null) notes.push("tripleHelix: the input has no participations, so T(UIG) over projects is not computed");
  return {
    mutualInformation,
    sectorMixing: mixingMatrix(graph, { groupBy: "type" }),
    assortativity: assortativity(graph, { groupBy: "type" }),
    mixingTest: config.permutations > 0 ? typePermutations().mixing : null,
  };
}

const SECTION_RUNNERS = {
  counts,
  centrality,
  communities,
  scales,
  openness,
  brokerage: brokerageSection,
  tripleHelix: tripleHelixSection,
  clusters: ({ input: { graph }, config, progress, clusterGrouping }: Context) => clustersSection(graph, config, clusterGrouping(), placeOptions(config), progress),
  stages: ({ input, config, progress, clusterGrouping }: Context) => stagesSection(input, config, clusterGrouping(), placeOptions(config), progress),
} satisfies Record<Section, (context: Context) => unknown>;

export type Results = { [S in Section]?: Awaited<ReturnType<(typeof SECTION_RUNNERS)[S]>> };

export async function analyse(
  input: AnalysisInput,
  config: ResolvedConfig,
  progress: Progress,
  sections: readonly Section[] = config.sections,
): Promise<{ results: Results; notes: string[] }> {
  let grouping: Grouping | undefined;
  let typeTests: ReturnType<typeof eiAndMixingPermutationTest> | undefined;
  const typePermutations = () => {
    if (typeTests === undefined) {
      const bar = progress.bar(`openness and mixing by type: ${config.permutations} permutations`, config.permutations);
      typeTests = eiAndMixingPermutationTest(input.graph, { groupBy: "type", permutations: config.permutations, seed: config.seed, onProgress: (done) => bar.update(done) });
      bar.stop();
    }
    return typeTests;
  };
  const context: Context = {
    input,
    config,
    progress,
    notes: [],
    admin1: null,
    clusterGrouping: () => (grouping ??= clusterGrouping(input.graph, config.clusters)),
    typePermutations,
  };
  if (config.places.admin1) {
    progress.step("places: administrative regions from coordinates");
    context.admin1 = assignAdmin1(input.graph);
    const { derived, regions, withoutCoordinates, sharedByCities, outsideCountry, atSea, withoutCountry, withoutCode } = context.admin1;
    context.notes.push(
      `places: admin1 derived from coordinates for ${derived} organisations (${regions} regions; ${context.admin1.package}); left unknown: ` +
        `${withoutCoordinates} without coordinates, ${withoutCountry} without a country, ${sharedByCities} at coordinates shared by several cities, ` +
        `${outsideCountry} outside their country, ${atSea} at sea, ${withoutCode} in a region without a code`,
    );
  }
  const results: Record<string, unknown> = {};
  for (const section of sections) {
    results[section] = await SECTION_RUNNERS[section](context);
    // Each section builds the indexes it reads (CSRs, edge lists); kept, they would add up to
    // 80 MB of the full Horizon 2020 network's peak. The next section builds its own again.
    dropIndexes(input.graph);
    collectBetweenPhases(input.graph.size);
  }
  return { results: results as Results, notes: context.notes };
}
