/**
 * The group mixing matrix against random mixing: labels shuffled over the organisations with the
 * seeded generator (group sizes kept), links between each pair of groups recounted each time
 * (permutation.ts). A cell well above its expectation is a preferred pairing (universities with
 * firms, say); one below, an avoided one. The mixing counterpart of the E-I test. Organisations
 * without a group are not shuffled, and their links are in no cell.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { edgeList, toCsr } from "../model/csr.ts";
import { seededRandom, type Rng } from "../random/seeded.ts";
import { groupIndices, NO_GROUP, type GroupBy, type GroupOptions } from "./group-index.ts";
import { permutationTest, type PermutationSummary } from "./permutation.ts";

export interface MixingPermutationOptions extends GroupOptions {
  groupBy: GroupBy;
  permutations: number;
  seed: number;
  rng?: Rng;
}

export const DEFAULTS: MixingPermutationOptions = { groupBy: "type", permutations: 1000, seed: 0 };

/** Group → group → the summary of its link count (upper triangle and diagonal, groups sorted). */
export function mixingPermutationTest(graph: ReadableGraph, options: Partial<MixingPermutationOptions> = {}): Record<string, Record<string, PermutationSummary>> {
  const settings = { ...DEFAULTS, ...options };
  const csr = toCsr(graph);
  const { names, of } = groupIndices(graph, settings.groupBy, { keepUnknown: settings.keepUnknown ?? false });
  const k = names.length;
  const { source, target } = edgeList(csr);
  const counts = (labels: Int32Array) => {
    const cells = new Float64Array(k * k);
    for (let e = 0; e < source.length; e++) {
      const a = labels[source[e] as number] as number;
      const b = labels[target[e] as number] as number;
      if (a === NO_GROUP || b === NO_GROUP) continue;
      const cell = a < b ? a * k + b : b * k + a;
      cells[cell] = (cells[cell] as number) + 1;
    }
    return cells;
  };
  const summaries = permutationTest(of, counts, { permutations: settings.permutations, rng: settings.rng ?? seededRandom(settings.seed) });
  return Object.fromEntries(
    names.map((a, i) => [a, Object.fromEntries(names.slice(i).map((b, offset) => [b, summaries[i * k + i + offset] as PermutationSummary]))]),
  );
}
