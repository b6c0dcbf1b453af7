import { DirectedGraph, MultiUndirectedGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { arcMergeRule, displayLabel, graphMessages, loadGraphItems, toAllianceGraph, type EdgeItem } from "../../src/formats/graph-load.ts";
import { messages } from "../../src/problems.ts";
import { contents } from "./fixture.ts";

const file = "graph";

describe("toAllianceGraph", () => {
  it("reads a directed graph as undirected, rejecting reverse arcs and self-loops", () => {
    // Expected: the rules of graph-load.ts on the arcs below.
    const raw = new DirectedGraph();
    for (const id of ["a", "b", "c"]) raw.addNode(id);
    raw.addEdge("a", "b", { weight: 2 });
    raw.addEdge("b", "a", { weight: 5 });
    raw.addEdge("c", "c");
    raw.addEdge("b", "c");
    const load = toAllianceGraph(raw, file);
    expect(load.rejected).toEqual([
      { file, row: 2, problems: [{ column: "edges[1]", message: graphMessages.reverseArc("b", "a", "edges[0]"), repeats: "edges[0]" }] },
      { file, row: 3, problems: [{ column: "edges[2].target", message: messages.selfLink("c") }] },
    ]);
    expect(load.graph.type).toBe("undirected");
    expect(contents(load.graph).edges).toStrictEqual([["a", "b", { weight: 2 }], ["b", "c", { weight: 1 }]]);
    expect([load.nodesRead, load.linksRead]).toEqual([3, 4]);
  });

  it("rejects a parallel edge, naming the first", () => {
    const raw = new MultiUndirectedGraph();
    raw.addNode("a");
    raw.addNode("b");
    raw.addEdge("a", "b");
    raw.addEdge("b", "a", { weight: 3 });
    expect(toAllianceGraph(raw, file).rejected).toEqual([
      { file, row: 2, problems: [{ column: "edges[1]", message: messages.duplicateLink("b", "a", "edges[0]"), repeats: "edges[0]" }] },
    ]);
  });

  it("reads a node's CORDIS country code as ISO and counts it; an unknown code rejects the node", () => {
    const raw = new UndirectedGraph();
    raw.addNode("a", { country: "UK" });
    raw.addNode("b", { country: "EL" });
    raw.addNode("c", { country: "UK" });
    raw.addNode("d", { country: "XX" });
    const load = toAllianceGraph(raw, file);
    expect(load.graph.mapNodes((id, { country }) => [id, country])).toEqual([
      ["a", "GB"],
      ["b", "GR"],
      ["c", "GB"],
    ]);
    expect(load.rejected.map(({ row, problems }) => [row, problems[0]?.column])).toEqual([[4, "nodes[3].country"]]);
    expect(load.readAs.map(({ from, to, rows }) => [from, to, rows])).toEqual([
      ["UK", "GB", 2],
      ["EL", "GR", 1],
    ]);
  });

  it("checks nodes and edges with the model's schemas, with 0-based paths and 1-based rows", () => {
    // Expected: the model's rules (lat and lon together, lastYear not before firstYear, weight a
    // number) and graph-load.ts's rule that text is not turned into numbers.
    const raw = new UndirectedGraph();
    raw.addNode("a");
    raw.addNode("b", { lat: 48.1 });
    raw.addNode("c");
    raw.addEdge("a", "c", { weight: "3.5" });
    raw.addEdge("c", "b");
    raw.addEdge("a", "b");
    const checked = toAllianceGraph(raw, file);
    expect(checked.rejected).toEqual([
      { file, row: 2, problems: [{ column: "nodes[1].lon", message: "must be given together with lat (was missing)" }] },
      { file, row: 1, problems: [{ column: "edges[0].weight", message: "must be a number (was a string)" }] },
      { file, row: 2, problems: [{ column: "edges[1].target", message: graphMessages.rejectedEnd("b", "nodes[1]") }] },
      { file, row: 3, problems: [{ column: "edges[2].target", message: graphMessages.rejectedEnd("b", "nodes[1]") }] },
    ]);
    const years = new UndirectedGraph();
    for (const id of ["a", "b", "c"]) years.addNode(id);
    years.addEdge("a", "b", { firstYear: 2020, lastYear: 2010 });
    years.addEdge("a", "c", { projects: ["P1", 7] });
    expect(toAllianceGraph(years, file).rejected).toEqual([
      { file, row: 1, problems: [{ column: "edges[0].lastYear", message: "must be at least firstYear (2020) (was 2010)" }] },
      { file, row: 2, problems: [{ column: "edges[1].projects[1]", message: "must be a string (was a number)" }] },
    ]);
  });

  it("restores what graph formats cannot hold: project lists, and the label as the name", () => {
    const raw = new UndirectedGraph();
    raw.addNode("a", { label: "Acme" });
    raw.addNode("b", { label: "Beta AG", name: "Beta AG" });
    raw.addNode("c", { label: "c" });
    raw.addNode("d", { label: "Delta", name: "Delta Corporation" });
    raw.addNode("e", { id: "e", city: undefined });
    raw.addEdge("a", "b", { projects: "P1; P2;;" });
    raw.addEdge("c", "d", { projects: ["P3"], weight: 0.5 });
    const load = toAllianceGraph(raw, file);
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["a", { name: "Acme" }],
        ["b", { name: "Beta AG" }],
        ["c", {}],
        // A label that differs from the name is the user's own, and is kept.
        ["d", { name: "Delta Corporation", label: "Delta" }],
        ["e", {}],
      ],
      edges: [["a", "b", { weight: 1, projects: ["P1", "P2"] }], ["c", "d", { weight: 0.5, projects: ["P3"] }]],
    });
  });

  it("rejects an attribute that contradicts the node's id, and leaves its input as it was", () => {
    const raw = new UndirectedGraph();
    raw.addNode("a", { id: "b", label: "Acme", projects: "x" });
    const before = structuredClone(raw.export());
    expect(toAllianceGraph(raw, file).rejected).toEqual([
      { file, row: 1, problems: [{ column: "nodes[0].id", message: graphMessages.conflictingAttribute("id", "b", "a") }] },
    ]);
    expect(raw.export()).toStrictEqual(before);
  });
});

describe("displayLabel", () => {
  it("is the node's label, else its name, else its id", () => {
    expect(displayLabel("a", { label: "L", name: "N" })).toBe("L");
    expect(displayLabel("a", { name: "N" })).toBe("N");
    expect(displayLabel("a", { name: "" })).toBe("a");
    expect(displayLabel("a", {})).toBe("a");
  });
});

describe("reverse arcs merged (--arcs)", () => {
  // Hand-made: a→b and b→a, as a directed file of co-operation gives each pair from both sides.
  const nodes = ["a", "b", "c"].map((key) => ({ key, attributes: {} }));
  const arc = (source: string, target: string, attributes: Record<string, unknown>): EdgeItem => ({ source, target, attributes, directed: true });
  const arcs = [
    arc("a", "b", { weight: 2, firstYear: 2015, lastYear: 2016, projects: "p1;p2", kind: "project" }),
    arc("b", "c", { weight: 1 }),
    arc("b", "a", { weight: 3, firstYear: 2014, lastYear: 2015, projects: "p2;p3", kind: "project" }),
  ];

  it("sums the weights, or keeps the larger, spans the years and unites the projects, naming the rule", () => {
    // Expected, worked by hand: 2 + 3 = 5 (max 3), 2014–2016, projects p1, p2, p3.
    for (const [rule, weight] of [["sum", 5], ["max", 3]] as const) {
      const load = loadGraphItems(file, { nodes, edges: arcs }, { arcs: rule });
      expect(load).toMatchObject({ nodesRead: 3, linksRead: 3, rejected: [], merged: 1, rules: [arcMergeRule(rule, 1)] });
      expect(contents(load.graph).edges).toStrictEqual([
        ["a", "b", { weight, firstYear: 2014, lastYear: 2016, projects: ["p1", "p2", "p3"], kind: "project" }],
        ["b", "c", { weight: 1 }],
      ]);
      expect(load.graph.order + load.graph.size + (load.merged ?? 0) + load.rejected.length).toBe(load.nodesRead + load.linksRead);
    }
  });

  it("rejects an arc whose other attributes differ from its reverse's, a third arc, and an undirected repeat", () => {
    const edges = [
      arc("a", "b", { weight: 2, kind: "project" }),
      arc("b", "a", { weight: 1, kind: "alliance" }),
      arc("b", "c", { weight: 1 }),
      arc("c", "b", { weight: 1 }),
      arc("b", "c", { weight: 4 }),
      { source: "a", target: "c", attributes: {}, directed: false },
      { source: "c", target: "a", attributes: {}, directed: false },
    ];
    const load = loadGraphItems(file, { nodes, edges }, { arcs: "sum" });
    expect(load.merged).toBe(1);
    expect(load.rejected).toEqual([
      { file, row: 2, problems: [{ column: "edges[1].kind", message: graphMessages.reverseArcDiffers("kind", "alliance", "edges[0]", "project"), repeats: "edges[0]" }] },
      { file, row: 5, problems: [{ column: "edges[4]", message: messages.duplicateLink("b", "c", "edges[2]"), repeats: "edges[2]" }] },
      { file, row: 7, problems: [{ column: "edges[6]", message: messages.duplicateLink("c", "a", "edges[5]"), repeats: "edges[5]" }] },
    ]);
    expect(contents(load.graph).edges).toStrictEqual([
      ["a", "b", { weight: 2, kind: "project" }],
      ["b", "c", { weight: 2 }],
      ["a", "c", { weight: 1 }],
    ]);
  });
});
