import { createAllianceGraph } from "@linkscale/core/model";
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { graphMessages } from "../../src/formats/graph-load.ts";
import { pajekMessages, readPajek, writePajek } from "../../src/formats/pajek.ts";
import { messages } from "../../src/problems.ts";
import { contents, csvTables, loadFixture } from "./fixture.ts";

const file = "network.net";

describe("Pajek round trip", () => {
  it("gives back every organisation id and every link with its weight (CSV → Pajek → CSV)", () => {
    // Expected: the fixture with every attribute but the link weight removed, since that is all
    // Pajek holds.
    const graph = loadFixture();
    const load = readPajek(writePajek(graph), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [] });
    expect(load.error).toBeUndefined();
    const idsAndWeights = createAllianceGraph();
    graph.forEachNode((id) => idsAndWeights.addNode(id));
    graph.forEachEdge((_edge, { weight }, source, target) => idsAndWeights.addEdge(source, target, { weight }));
    expect(contents(load.graph)).toStrictEqual(contents(idsAndWeights));
    expect(csvTables(load.graph)).toStrictEqual(csvTables(idsAndWeights));
  });

  it("loses exactly the attributes pajek.ts's banner lists", () => {
    // Expected: the list in the banner of pajek.ts (the fixture uses every model field, and the
    // extra columns postCode and programme).
    const graph = loadFixture();
    const back = readPajek(writePajek(graph), { file }).graph;
    const lost = (before: string[][], after: string[][]) => [...new Set(before.flat())].filter((name) => !after.flat().includes(name)).sort();
    expect(lost(graph.mapNodes((_id, a) => Object.keys(a)), back.mapNodes((_id, a) => Object.keys(a)))).toEqual(
      ["city", "cluster", "country", "lat", "lon", "name", "postCode", "region", "type", "valueChainStage"],
    );
    expect(lost(graph.mapEdges((_edge, a) => Object.keys(a)), back.mapEdges((_edge, a) => Object.keys(a)))).toEqual(
      ["firstYear", "kind", "lastYear", "programme", "projectCount", "projects"],
    );
  });

  it("writes weights in full, so that fractions come back to the bit", () => {
    // Expected: 1/3 and 0.1 + 0.2 as JavaScript computes them; String() is their shortest exact form.
    const graph = createAllianceGraph();
    graph.addNode("a");
    graph.addNode("b");
    graph.addNode("c");
    graph.addEdge("a", "b", { weight: 1 / 3 });
    graph.addEdge("b", "c", { weight: 0.1 + 0.2 });
    const text = writePajek(graph);
    expect(text).toBe('*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Edges\n1 2 0.3333333333333333\n2 3 0.30000000000000004\n');
    expect(readPajek(text, { file }).graph.mapEdges((_edge, { weight }) => weight)).toEqual([1 / 3, 0.1 + 0.2]);
  });

  it("writes a directed graph's edges as arcs", () => {
    const graph = new DirectedGraph();
    graph.addNode("a");
    graph.addNode("b");
    graph.addEdge("b", "a", { weight: 2 });
    expect(writePajek(graph)).toBe('*Vertices 2\n1 "a"\n2 "b"\n*Arcs\n2 1 2\n');
  });

  it("refuses to write an id with a quote, which no Pajek label can hold", () => {
    const graph = createAllianceGraph();
    graph.addNode('say "hi"');
    expect(() => writePajek(graph)).toThrow(new UnwritableGraphError("io/formats/pajek", pajekMessages.unwritableLabel('say "hi"')));
  });

  it("does not change the graph it writes", () => {
    const graph = loadFixture();
    const before = structuredClone(graph.export());
    writePajek(graph);
    expect(graph.export()).toStrictEqual(before);
  });
});

describe("readPajek", () => {
  it("rejects an edge to a vertex that does not exist and a weight that is not a number, by line", () => {
    // Expected: the file below; rows are its line numbers.
    const text = ['*Vertices 3', '1 "a"', '2 "b"', '3 "c"', "*Edges", "1 2 0.5", "1 4", "2 3 heavy", "3 1 -1"].join("\n");
    const load = readPajek(text, { file });
    expect(load.rejected).toEqual([
      { file, row: 7, problems: [{ column: "edges[1].target", message: pajekMessages.noVertex("4", 3) }] },
      { file, row: 8, problems: [{ column: "edges[2].weight", message: messages.notANumber("heavy") }] },
      { file, row: 9, problems: [{ column: "edges[3].weight", message: "must be positive (was -1)" }] },
    ]);
    expect(contents(load.graph).edges).toStrictEqual([["a", "b", { weight: 0.5 }]]);
    expect([load.nodesRead, load.linksRead]).toEqual([3, 4]);
  });

  it("rejects broken vertex lines by line, and the arcs touching a rejected vertex; reverse arcs are one link", () => {
    // Expected: the file below, line by line: a vertex line without a number, a vertex beyond
    // *Vertices, a label given twice, an unclosed quote (vertex 3 then has no line, and is
    // labelled by its number), a vertex number given twice, then arcs.
    const text = [
      "% made by hand", //      1
      "*Network test", //       2
      "*Vertices 4", //         3
      '1 "a" 0.1 0.2 0.5', //   4
      'x "bad"', //             5
      '5 "e"', //               6
      '2 "a"', //               7
      '3 "c', //                8
      '1 "again"', //           9
      "*Arcs", //               10
      "1 2", //                 11
      "2 1", //                 12
      "1 3", //                 13
      "3 4", //                 14
      "4 3 2.5", //             15
    ].join("\n");
    const load = readPajek(text, { file });
    expect(load.rejected).toEqual([
      { file, row: 5, problems: [{ message: pajekMessages.vertexLine() }] },
      { file, row: 6, problems: [{ message: pajekMessages.vertexOutOfRange(5, 4) }] },
      { file, row: 7, problems: [{ column: "nodes[1]", message: messages.duplicateOrganisation("a", "line 4"), repeats: "line 4" }] },
      { file, row: 8, problems: [{ message: pajekMessages.unclosedLabel() }] },
      { file, row: 9, problems: [{ message: pajekMessages.duplicateVertex(1, 4) }] },
      { file, row: 11, problems: [{ column: "edges[0].target", message: graphMessages.rejectedEnd("a", "line 7") }] },
      { file, row: 12, problems: [{ column: "edges[1].source", message: graphMessages.rejectedEnd("a", "line 7") }] },
      { file, row: 15, problems: [{ column: "edges[4]", message: graphMessages.reverseArc("4", "3", "line 14"), repeats: "line 14" }] },
    ]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [["a", {}], ["3", {}], ["4", {}]],
      edges: [["a", "3", { weight: 1 }], ["3", "4", { weight: 1 }]],
    });
    expect([load.nodesRead, load.linksRead]).toEqual([8, 5]);
    expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
  });

  it("reads a file with a BOM and CRLF line ends, unquoted labels and an edge list", () => {
    const text = '\ufeff*Vertices 3\r\n1 "a b"\r\n2 c\r\n3 "d"\r\n*Edgeslist\r\n1 2 3\r\n';
    const load = readPajek(text, { file });
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [["a b", {}], ["c", {}], ["d", {}]],
      edges: [["a b", "c", { weight: 1 }], ["a b", "d", { weight: 1 }]],
    });
  });

  it("never allocates the vertices *Vertices declares: a count beyond those named rejects the *Vertices line (issue 22, point 2)", () => {
    // A 29-byte file once took gigabytes (*Vertices 5000000) or threw RangeError (999999999999).
    for (const declared of [5_000_000, 999_999_999_999]) {
      const started = performance.now();
      const load = readPajek(`*Vertices ${declared}\n1 "a"\n*Edges\n1 2\n`, { file });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(load.error).toBeUndefined();
      expect(contents(load.graph)).toStrictEqual({ nodes: [["a", {}], ["2", {}]], edges: [["a", "2", { weight: 1 }]] });
      expect(load.rejected).toEqual([{ file, row: 1, problems: [{ message: pajekMessages.fewerVertices(declared, 2) }] }]);
      expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
    }
  });

  it("creates a vertex without a line once an edge names it; the count then confirmed, nothing is rejected", () => {
    // Expected, by hand: vertices 1 and 3 named by the edge list, 2 by its line; 4 by no one.
    const confirmed = readPajek('*Vertices 3\n2 "b"\n*Edgeslist\n1 3 2\n', { file });
    expect(confirmed.rejected).toEqual([]);
    expect(contents(confirmed.graph).nodes).toStrictEqual([["1", {}], ["b", {}], ["3", {}]]);
    const fewer = readPajek('*Vertices 4\n2 "b"\n*Edgeslist\n1 3 2\n', { file });
    expect(fewer.rejected).toEqual([{ file, row: 1, problems: [{ message: pajekMessages.fewerVertices(4, 3) }] }]);
    expect(fewer.graph.order).toBe(3);
    expect([fewer.nodesRead, fewer.linksRead]).toEqual([4, 2]);
    expect(fewer.nodesRead + fewer.linksRead).toBe(fewer.graph.order + fewer.graph.size + fewer.rejected.length);
  });

  it("refuses a file that is not a Pajek network, or that holds what it cannot read", () => {
    const refused = readPajek("id,name\n1,Acme\n", { file });
    expect(refused).toMatchObject({ nodesRead: 0, linksRead: 0, rejected: [], error: pajekMessages.notPajek(1, "id,name") });
    expect(refused.graph.order).toBe(0);
    expect(readPajek("", { file }).error).toBe(pajekMessages.empty());
    expect(readPajek("*Vertices many\n", { file }).error).toBe(pajekMessages.vertexCount(1, "many"));
    expect(readPajek('*Vertices 2\n1 "a"\n*Matrix\n0 1\n1 0\n', { file }).error).toBe(pajekMessages.unreadableSection(3, "*Matrix"));
    expect(readPajek('*Vertices 1\n1 "a"\n*Vertices 1\n', { file }).error).toBe(pajekMessages.secondNetwork(3));
    expect(readPajek("*Edges\n1 2\n", { file }).error).toBe(pajekMessages.notPajek(1, "*Edges"));
  });
});
