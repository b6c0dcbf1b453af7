/**
 * A partition of the nodes into communities: node id → community label. Given as a mapping or as
 * the name of a node attribute; every node must have a label.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { LinkscaleError } from "../errors.ts";

export type Partition = Readonly<Record<string, string | number>>;

export class PartitionError extends LinkscaleError {
  override name = "PartitionError";
}

/** Each CSR node's community as a dense index 0..k−1, numbered in order of first appearance. */
export function communityIndices(graph: ReadableGraph, nodes: readonly string[], partition: Partition | string): Int32Array {
  const labelOf =
    typeof partition === "string"
      ? (node: string) => graph.getNodeAttribute(node, partition) as string | number | undefined
      : (node: string) => partition[node];
  const indexOf = new Map<string | number, number>();
  const result = new Int32Array(nodes.length);
  nodes.forEach((node, i) => {
    const label = labelOf(node);
    if (label === undefined) throw new PartitionError("communities/partition", `node "${node}" has no community`);
    let index = indexOf.get(label);
    if (index === undefined) {
      index = indexOf.size;
      indexOf.set(label, index);
    }
    result[i] = index;
  });
  return result;
}

export interface CommunityResult {
  /** Node id → community number, keys in sorted id order. */
  communities: Record<string, number>;
  count: number;
  modularity: number;
}

/** Community labels renumbered 0, 1, … in order of their first node (in sorted id order). */
export function renumber(nodes: readonly string[], labels: ArrayLike<number>): { communities: Record<string, number>; count: number } {
  const numberOf = new Map<number, number>();
  const communities: Record<string, number> = {};
  nodes.forEach((node, i) => {
    const label = labels[i] as number;
    let number = numberOf.get(label);
    if (number === undefined) {
      number = numberOf.size;
      numberOf.set(label, number);
    }
    communities[node] = number;
  });
  return { communities, count: numberOf.size };
}
