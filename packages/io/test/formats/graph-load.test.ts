import { DirectedGraph, MultiUndirectedGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { displayLabel, graphMessages, toAllianceGraph } from "../../src/formats/graph-load.ts";
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
