import { readFileSync } from "node:fs";
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { clusterBridges } from "../../src/clusters/bridges.ts";
import { SEMICONDUCTOR_EV, semiconductorEv } from "../bundled.ts";

describe("clusterBridges", () => {
  it("names gatekeepers and liaisons per cluster pair, worked by hand", () => {
    // a1 – a2 – b1, a2 – c1 – b1, b1 – b2, x (no cluster) – a1, x – b1.
    const graph = new UndirectedGraph();
    for (const [id, cluster] of [["a1", "A"], ["a2", "A"], ["b1", "B"], ["b2", "B"], ["c1", "C"], ["x", undefined]] as const) graph.addNode(id, cluster ? { cluster } : {});
    for (const [s, t] of [["a1", "a2"], ["a2", "b1"], ["a2", "c1"], ["c1", "b1"], ["b1", "b2"], ["x", "a1"], ["x", "b1"]]) graph.addEdge(s, t);
    const { pairs, excluded } = clusterBridges(graph);
    // Open two-paths with ends in two clusters, x left out: a1–a2–b1 (a2 gatekeeper of A|B),
    // a1–a2–c1 (a2, A|C), a2–b1–b2 (b1, A|B), c1–b1–b2 (b1, B|C). a2–c1–b1 and a2–b1–c1 are
    // closed (a2–b1 and a2–c1 are linked), a1–a2 is inside A.
    expect(pairs).toEqual([
      { source: "A", target: "B", gatekeepers: [{ organisation: "a2", cluster: "A", paths: 1 }, { organisation: "b1", cluster: "B", paths: 1 }], liaisons: [] },
      { source: "A", target: "C", gatekeepers: [{ organisation: "a2", cluster: "A", paths: 1 }], liaisons: [] },
      { source: "B", target: "C", gatekeepers: [{ organisation: "b1", cluster: "B", paths: 1 }], liaisons: [] },
    ]);
    expect(excluded.organisations).toBe(1);
  });

  it("finds a liaison between two clusters it belongs to neither of", () => {
    const graph = new UndirectedGraph();
    for (const [id, cluster] of [["a", "A"], ["b", "B"], ["c", "C"]]) graph.addNode(id as string, { cluster });
    graph.addEdge("a", "c");
    graph.addEdge("c", "b");
    expect(clusterBridges(graph).pairs).toEqual([{ source: "A", target: "B", gatekeepers: [], liaisons: [{ organisation: "c", cluster: "C", paths: 1 }] }]);
  });

  it("sums over pairs to R sna's brokerage totals by country on semiconductor-ev", () => {
    // datasets/semiconductor-ev/reference/brokerage-country-network.csv (brokerage.R, sna 2.7):
    // sna counts each undirected open triad twice, once each way, so gatekeeper paths = b_IO = b_OI
    // and liaison paths = b_O / 2.
    const rows = readFileSync(SEMICONDUCTOR_EV + "reference/brokerage-country-network.csv", "utf8").trim().split("\n").slice(1);
    const raw = Object.fromEntries(rows.map((row) => row.split(",")).map(([role, value]) => [role, Number(value)]));
    const { pairs } = clusterBridges(semiconductorEv(), { groupBy: "country" });
    const sum = (role: "gatekeepers" | "liaisons") => pairs.reduce((total, pair) => total + pair[role].reduce((s, broker) => s + broker.paths, 0), 0);
    expect(sum("gatekeepers")).toBe(raw["b_IO"]);
    expect(sum("gatekeepers")).toBe(raw["b_OI"]);
    expect(2 * sum("liaisons")).toBe(raw["b_O"]);
  });
});
