import { UndirectedGraph } from "graphology";

/**
 * Two triangles joined by a bridge: A–B–C and D–E–F, with C–D between them. With the bridge of
 * weight 1 and every other link of weight 2 when `weighted`.
 */
export function twoTriangles(order: "forward" | "reverse" = "forward", weighted = false): UndirectedGraph {
  const graph = new UndirectedGraph();
  const nodes = ["A", "B", "C", "D", "E", "F"];
  const attributes: Record<string, { type: string; country: string }> = {
    A: { type: "firm", country: "DE" },
    B: { type: "firm", country: "DE" },
    C: { type: "university", country: "DE" },
    D: { type: "university", country: "FR" },
    E: { type: "firm", country: "FR" },
    F: { type: "research", country: "FR" },
  };
  const edges: Array<[string, string]> = [
    ["A", "B"],
    ["B", "C"],
    ["A", "C"],
    ["C", "D"],
    ["D", "E"],
    ["E", "F"],
    ["D", "F"],
  ];
  for (const node of order === "forward" ? nodes : [...nodes].reverse()) graph.addNode(node, attributes[node]);
  for (const [a, b] of order === "forward" ? edges : [...edges].reverse()) {
    graph.addEdge(a, b, { weight: weighted && !(a === "C" && b === "D") ? 2 : 1 });
  }
  return graph;
}

/** Whether each community induces a connected subgraph (breadth-first search inside it). */
export function communitiesAreConnected(graph: UndirectedGraph, communities: Record<string, number>): boolean {
  const members = new Map<number, string[]>();
  for (const [node, c] of Object.entries(communities)) members.set(c, [...(members.get(c) ?? []), node]);
  for (const nodes of members.values()) {
    const seen = new Set([nodes[0] as string]);
    const queue = [nodes[0] as string];
    while (queue.length > 0) {
      const v = queue.pop() as string;
      graph.forEachNeighbor(v, (u) => {
        if (!seen.has(u) && communities[u] === communities[v]) {
          seen.add(u);
          queue.push(u);
        }
      });
    }
    if (seen.size !== nodes.length) return false;
  }
  return true;
}
