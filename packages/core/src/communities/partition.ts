/**
 * A partition of the nodes into communities: node id → community label. Given as a mapping or as
 * the name of a node attribute; every node must have a label.
 */
import type { AnyGraph } from "../model/graph.ts";
import { LinkscaleError } from "../errors.ts";

export type Partition = Readonly<Record<string, string | number>>;

export class PartitionError extends LinkscaleError {
  override name = "PartitionError";
}

/** Each CSR node's community as a dense index 0..k−1, numbered in order of first appearance. */
export function communityIndices(graph: AnyGraph, nodes: readonly string[], partition: Partition | string): Int32Array {
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
