/**
 * Is a group more closed (or open) than chance? The E-I index against random labelling: group
 * labels shuffled over the organisations with the seeded generator (permutation.ts), E-I
 * recomputed each time, counted and weighted, for the network and per group. Beside it the
 * analytic expectation of the network E-I under random labelling: a link's two ends share a
 * group with probability p = Σ n_g (n_g − 1) / (n (n − 1)), so E[E-I] = 1 − 2p. Organisations
 * without a group take no part: they are not shuffled, their links are left out, and n counts
 * only the organisations with a group.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { edgeList, toCsr } from "../model/csr.ts";
import { seededRandom, type Rng } from "../random/seeded.ts";
import { DEFAULTS as EI_DEFAULTS, EI_CELLS, eiTallier, type EiOptions } from "./ei-index.ts";
import { groupIndices, NO_GROUP, type Groups } from "./group-index.ts";
import { permutationTest, type PermutationSummary } from "./permutation.ts";

export interface EiPermutationOptions extends EiOptions {
  permutations: number;
  seed: number;
  rng?: Rng;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULTS: EiPermutationOptions = { ...EI_DEFAULTS, permutations: 1000, seed: 0 };

export interface EiTest {
  counted: PermutationSummary;
  weighted: PermutationSummary;
}

export interface EiPermutationResult {
  network: EiTest & { analyticExpected: number; sameGroupProbability: number };
  byGroup: Record<string, EiTest>;
}

export function eiPermutationTest(graph: ReadableGraph, options: Partial<EiPermutationOptions> = {}): EiPermutationResult {
  const settings = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, settings.getEdgeWeight);
  const groups = groupIndices(graph, settings.groupBy, { keepUnknown: settings.keepUnknown ?? false });
  const tallyEi = eiTallier(edgeList(csr), groups.of);
  const summaries = permutationTest(groups.of, (labels) => eiValues(tallyEi(labels, groups.names.length)), {
    permutations: settings.permutations,
    rng: settings.rng ?? seededRandom(settings.seed),
    ...(settings.onProgress ? { onProgress: settings.onProgress } : {}),
  });
  return eiPermutationResult(groups, summaries);
}

/** The statistic of a tally laid out as `eiTallier`'s: E-I counted and weighted, the network first, then each group. */
export function eiValues(tally: Float64Array): Float64Array {
  const k = tally.length / EI_CELLS - 1;
  const out = new Float64Array((k + 1) * 2);
  for (let g = 0; g <= k; g++) {
    const [E, I, Ew, Iw] = tally.subarray(g * EI_CELLS, g * EI_CELLS + 4) as unknown as number[];
    const slot = g === k ? 0 : g + 1;
    out[slot * 2] = (E as number) + (I as number) > 0 ? ((E as number) - (I as number)) / ((E as number) + (I as number)) : NaN;
    out[slot * 2 + 1] = (Ew as number) + (Iw as number) > 0 ? ((Ew as number) - (Iw as number)) / ((Ew as number) + (Iw as number)) : NaN;
  }
  return out;
}

/** The result from the summaries of `eiValues`, with the analytic expectation beside the network's. */
export function eiPermutationResult({ names, of }: Pick<Groups, "names" | "of">, summaries: readonly PermutationSummary[]): EiPermutationResult {
  const k = names.length;
  const test = (slot: number): EiTest => ({ counted: summaries[slot * 2] as PermutationSummary, weighted: summaries[slot * 2 + 1] as PermutationSummary });
  const sizes = new Float64Array(k);
  for (const g of of) if (g !== NO_GROUP) sizes[g] = (sizes[g] as number) + 1;
  const n = sizes.reduce((sum, size) => sum + size, 0);
  let same = 0;
  for (const size of sizes) same += size * (size - 1);
  const p = n > 1 ? same / (n * (n - 1)) : 0;
  return {
    network: { ...test(0), analyticExpected: 1 - 2 * p, sameGroupProbability: p },
    byGroup: Object.fromEntries(names.map((name, g) => [name, test(g + 1)])),
  };
}
