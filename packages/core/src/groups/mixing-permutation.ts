/**
 * The group mixing matrix against random mixing: labels shuffled over the organisations with the
 * seeded generator (group sizes kept), links between each pair of groups recounted each time
 * (permutation.ts). A cell well above its expectation is a preferred pairing (universities with
 * firms, say); one below, an avoided one. The mixing counterpart of the E-I test. Organisations
 * without a group are not shuffled, and their links are in no cell.
 *
 * The E-I test of a grouping (ei-permutation.ts) shuffles the same labels with the same generator,
 * and the matrix's diagonal holds its internal links: `eiAndMixingPermutationTest` gives both tests
 * from one pass over the links per shuffle, each equal, bit for bit, to its test run alone.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { edgeList, toCsr } from "../model/csr.ts";
import { seededRandom } from "../random/seeded.ts";
import { eiTallier } from "./ei-index.ts";
import { eiPermutationResult, eiValues, type EiPermutationOptions, type EiPermutationResult } from "./ei-permutation.ts";
import { groupIndices, NO_GROUP } from "./group-index.ts";
import { permutationTest, type PermutationSummary } from "./permutation.ts";

export type MixingPermutationOptions = EiPermutationOptions;

export const DEFAULTS: MixingPermutationOptions = { groupBy: "type", getEdgeWeight: "weight", permutations: 1000, seed: 0 };

/** Group → group → the summary of its link count (upper triangle and diagonal, groups sorted). */
export type MixingPermutationResult = Record<string, Record<string, PermutationSummary>>;

export function mixingPermutationTest(graph: ReadableGraph, options: Partial<MixingPermutationOptions> = {}): MixingPermutationResult {
  return eiAndMixingPermutationTest(graph, options).mixing;
}

export function eiAndMixingPermutationTest(
  graph: ReadableGraph,
  options: Partial<MixingPermutationOptions> = {},
): { ei: EiPermutationResult; mixing: MixingPermutationResult } {
  const settings = { ...DEFAULTS, ...options };
  const edges = edgeList(toCsr(graph, settings.getEdgeWeight));
  const groups = groupIndices(graph, settings.groupBy, { keepUnknown: settings.keepUnknown ?? false });
  const { names, of } = groups;
  const k = names.length;
  const tallyEi = eiTallier(edges, of);
  const { target, weight, start } = edges;
  const eiSlots = (k + 1) * 2;
  // Links counted source by source into a full matrix, a row and column more for no group, with
  // no branch on which end's group comes first; folded into the upper triangle at the end.
  const side = k + 1;
  const statistic = (labels: Int32Array) => {
    const full = new Int32Array(side * side);
    const insideWeight = new Float64Array(k);
    for (let u = 0; u < of.length; u++) {
      const a = labels[u] as number;
      if (a === NO_GROUP) continue;
      for (let e = start[u] as number; e < (start[u + 1] as number); e++) {
        const b = labels[target[e] as number] as number;
        const cell = a * side + (b === NO_GROUP ? k : b);
        full[cell] = (full[cell] as number) + 1;
        if (b === a) insideWeight[a] = (insideWeight[a] as number) + (weight[e] as number);
      }
    }
    const values = new Float64Array(eiSlots + k * k);
    const insideLinks = Float64Array.from({ length: k }, (_, a) => full[a * side + a] as number);
    values.set(eiValues(tallyEi(labels, k, { links: insideLinks, weight: insideWeight })));
    for (let a = 0; a < k; a++) {
      values[eiSlots + a * k + a] = full[a * side + a] as number;
      for (let b = a + 1; b < k; b++) values[eiSlots + a * k + b] = (full[a * side + b] as number) + (full[b * side + a] as number);
    }
    return values;
  };
  const summaries = permutationTest(of, statistic, {
    permutations: settings.permutations,
    rng: settings.rng ?? seededRandom(settings.seed),
    ...(settings.onProgress ? { onProgress: settings.onProgress } : {}),
  });
  const cell = (a: number, b: number) => summaries[eiSlots + a * k + b] as PermutationSummary;
  return {
    ei: eiPermutationResult(groups, summaries.slice(0, eiSlots)),
    mixing: Object.fromEntries(names.map((a, i) => [a, Object.fromEntries(names.slice(i).map((b, offset) => [b, cell(i, i + offset)]))])),
  };
}
