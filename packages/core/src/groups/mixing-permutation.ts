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
  const { target, start } = edgeList(csr);
  // Links counted source by source into a full matrix, a row and column more for no group, with
  // no branch on which end's group comes first; folded into the upper triangle at the end.
  const side = k + 1;
  const counts = (labels: Int32Array) => {
    const full = new Int32Array(side * side);
    for (let u = 0; u < of.length; u++) {
      const a = labels[u] as number;
      if (a === NO_GROUP) continue;
      for (let e = start[u] as number; e < (start[u + 1] as number); e++) {
        const b = labels[target[e] as number] as number;
        const cell = a * side + (b === NO_GROUP ? k : b);
        full[cell] = (full[cell] as number) + 1;
      }
    }
    const cells = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      cells[a * k + a] = full[a * side + a] as number;
      for (let b = a + 1; b < k; b++) cells[a * k + b] = (full[a * side + b] as number) + (full[b * side + a] as number);
    }
    return cells;
  };
  const summaries = permutationTest(of, counts, { permutations: settings.permutations, rng: settings.rng ?? seededRandom(settings.seed) });
  return Object.fromEntries(
    names.map((a, i) => [a, Object.fromEntries(names.slice(i).map((b, offset) => [b, summaries[i * k + i + offset] as PermutationSummary]))]),
  );
}
