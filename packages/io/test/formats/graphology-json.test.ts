import { createAllianceGraph } from "@linkscale/core/model";
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { graphMessages } from "../../src/formats/graph-load.ts";
import { jsonMessages, readGraphologyJson, writeGraphologyJson } from "../../src/formats/graphology-json.ts";
import { messages } from "../../src/problems.ts";
import { contents, csvTables, loadFixture } from "./fixture.ts";

const file = "network.json";

describe("graphology JSON round trip", () => {
  it("gives back every node, link and attribute of the fixture, with its type (CSV → JSON → CSV)", () => {
    // Expected: the fixture itself, as read from in/*.csv.
    const graph = loadFixture();
    const load = readGraphologyJson(writeGraphologyJson(graph), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [] });
    expect(load.error).toBeUndefined();
    expect(contents(load.graph)).toStrictEqual(contents(graph));
    expect(csvTables(load.graph)).toStrictEqual(csvTables(graph));
  });

  it("writes what graphology itself imports, to the same graph", () => {
    // Expected: graphology's own Graph.from on our output.
    const graph = loadFixture();
    const imported = UndirectedGraph.from(JSON.parse(writeGraphologyJson(graph)));
    expect(contents(imported)).toStrictEqual(contents(graph));
  });

  it("gives the same bytes for the same graph, whatever edge keys graphology generated", () => {
    expect(writeGraphologyJson(loadFixture())).toBe(writeGraphologyJson(loadFixture()));
  });

  it("does not change the graph it writes", () => {
    const graph = loadFixture();
    const before = structuredClone(graph.export());
    writeGraphologyJson(graph);
    expect(graph.export()).toStrictEqual(before);
  });
});

describe("readGraphologyJson", () => {
  it("refuses text that is not JSON, or JSON that is not a graphology export", () => {
    const broken = readGraphologyJson('{"nodes": [', { file });
    expect(broken).toMatchObject({ nodesRead: 0, linksRead: 0, rejected: [] });
    expect(broken.error).toMatch(/^JSON syntax: /);
    expect(readGraphologyJson("[1, 2]", { file }).error).toBe(jsonMessages.notAGraph());
    expect(readGraphologyJson('{"nodes": [], "edges": {}}', { file }).error).toBe(jsonMessages.notAList("edges"));
  });

  it("rejects a node of an unknown type with its path and position, and the edges touching it", () => {
    // Expected: the model's organisation types and positive weights, and the rules of graph-load.ts.
    const text = JSON.stringify({
      options: { type: "undirected" },
      nodes: [{ key: "a" }, { key: "b", attributes: { type: "spaceship" } }, { key: 3 }, { attributes: {} }, { key: "a" }],
      edges: [
        { source: "a", target: "b" },
        { source: "3", target: "a", attributes: { weight: -2 } },
        { source: "a", target: "zz" },
        { source: 3, target: "a", attributes: { weight: 0.5, projects: "P1; P2" } },
        { source: "a" },
      ],
    });
    const load = readGraphologyJson(text, { file });
    expect(load.rejected).toEqual([
      {
        file,
        row: 2,
        problems: [{ column: "nodes[1].type", message: 'must be "firm", "government", "intermediary", "other", "research" or "university" (was "spaceship")' }],
      },
      { file, row: 4, problems: [{ column: "nodes[3]", message: jsonMessages.notANode() }] },
      { file, row: 5, problems: [{ column: "nodes[4]", message: messages.duplicateOrganisation("a", "nodes[0]"), repeats: "nodes[0]" }] },
      { file, row: 1, problems: [{ column: "edges[0].target", message: graphMessages.rejectedEnd("b", "nodes[1]") }] },
      { file, row: 2, problems: [{ column: "edges[1].weight", message: "must be positive (was -2)" }] },
      { file, row: 3, problems: [{ column: "edges[2].target", message: graphMessages.unknownNode("zz") }] },
      { file, row: 5, problems: [{ column: "edges[4]", message: jsonMessages.notAnEdge() }] },
    ]);
    // A numeric key is text, as graphology makes it; a ";"-joined project list is split.
    expect(contents(load.graph)).toStrictEqual({
      nodes: [["a", {}], ["3", {}]],
      edges: [["3", "a", { weight: 0.5, projects: ["P1", "P2"] }]],
    });
    expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
  });

  it("reads a mixed graph as undirected: a reverse arc and a repeated edge are rejected, naming the first", () => {
    // Expected: graphology's mixed serialization, where an edge is directed unless undirected: true.
    const text = JSON.stringify({
      options: { type: "mixed", multi: true },
      nodes: [{ key: "a" }, { key: "b" }, { key: "c" }],
      edges: [
        { source: "a", target: "b" },
        { source: "b", target: "a" },
        { source: "b", target: "c", undirected: true },
        { source: "c", target: "b", undirected: true },
      ],
    });
    expect(readGraphologyJson(text, { file }).rejected).toEqual([
      { file, row: 2, problems: [{ column: "edges[1]", message: graphMessages.reverseArc("b", "a", "edges[0]"), repeats: "edges[0]" }] },
      { file, row: 4, problems: [{ column: "edges[3]", message: messages.duplicateLink("c", "b", "edges[2]"), repeats: "edges[2]" }] },
    ]);
  });

  it("reads a file with a BOM", () => {
    const graph = createAllianceGraph();
    graph.addNode("a", { name: "Acme" });
    expect(contents(readGraphologyJson("\ufeff" + writeGraphologyJson(graph), { file }).graph)).toStrictEqual(contents(graph));
  });
});
