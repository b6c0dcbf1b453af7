import { createAllianceGraph, type AnyGraph } from "@linkscale/core/model";
import { describe, expect, it } from "vitest";
import { edgeListMessages, readEdgeList, writeEdgeList } from "../../src/formats/edge-list.ts";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { loadFiles } from "../../src/load-files.ts";
import { messages } from "../../src/problems.ts";
import { expectGolden, loadFixture, peerFile } from "./fixture.ts";

const file = "network.edgelist";

/** The fixture without IT-ORG7, its one organisation without links, which an edge list cannot hold. */
function linkedFixture(): AnyGraph {
  const graph = loadFixture();
  graph.dropNode("IT-ORG7");
  return graph;
}

/** Links as `a – b: weight`, each from its lower id, sorted: what an edge list holds, in any order. */
function weightedLinks(graph: AnyGraph): string[] {
  return graph.mapEdges((_edge, { weight }, source, target) => `${[source, target].sort().join(" – ")}: ${String(weight ?? 1)}`).sort();
}

describe("edge list round trip", () => {
  it("keeps every link and its weight (CSV → edge list → CSV), and nothing else", () => {
    const graph = linkedFixture();
    const text = writeEdgeList(graph);
    expectGolden("fixture.edgelist", text);
    const load = readEdgeList(text, { file });
    expect(load).toMatchObject({ nodesRead: 5, linksRead: 7, rejected: [] });
    expect(weightedLinks(load.graph)).toEqual(weightedLinks(graph));
    expect(load.graph.mapNodes((_node, attributes) => Object.keys(attributes).length)).toEqual([0, 0, 0, 0, 0]);
  });

  // peers/edge_list.py read out/fixture.edgelist (the golden above) with nx.read_weighted_edgelist
  // (NetworkX 2.8.8) and Graph.Read_Ncol (python-igraph 0.10.2), and wrote each back.
  it("linkscale → NetworkX → linkscale keeps every link and weight", () => {
    const load = readEdgeList(peerFile("fixture-via-networkx.edgelist"), { file });
    expect(load).toMatchObject({ nodesRead: 5, linksRead: 7, rejected: [] });
    expect(weightedLinks(load.graph)).toEqual(weightedLinks(linkedFixture()));
  });

  // peers/r_igraph.R read it with read_graph(format = "ncol") (R igraph 1.3.5) and wrote it back.
  it.each(["igraph", "r-igraph"])("linkscale → %s → linkscale keeps every link, and each weight to the 15 digits igraph writes", (peer) => {
    const load = readEdgeList(peerFile(`fixture-via-${peer}.ncol`), { file });
    expect(load).toMatchObject({ nodesRead: 5, linksRead: 7, rejected: [] });
    const fifteenDigits = linkedFixture();
    fifteenDigits.updateEachEdgeAttributes((_edge, attributes) => ({ ...attributes, weight: Number((attributes["weight"] as number).toPrecision(15)) }));
    expect(weightedLinks(load.graph)).toEqual(weightedLinks(fifteenDigits));
  });

  it("NetworkX's and igraph's own edge lists are read; NetworkX's with a data dictionary is rejected line by line", () => {
    // peers/edge_list.py and peers/r_igraph.R wrote the same two weighted links from each tool.
    for (const name of ["from-networkx.edgelist", "from-igraph.ncol", "from-r-igraph.ncol"]) {
      const load = readEdgeList(peerFile(name), { file: name });
      expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [] });
      expect(weightedLinks(load.graph)).toEqual(["FhG – KUL: 2.5", "KUL – PHI: 1"]);
    }
    const data = readEdgeList(peerFile("from-networkx-data.edgelist"), { file });
    expect(data.graph.size).toBe(0);
    expect(data.rejected).toEqual([1, 2].map((row) => ({ file, row, problems: [{ message: edgeListMessages.pythonData() }] })));
  });

  it("is read from .edgelist, .edges and .ncol files by loadFiles", () => {
    for (const name of ["a.edgelist", "a.edges", "a.ncol"]) {
      const loaded = loadFiles([{ name, text: "a b 2\nb c\n" }]);
      expect(loaded.form).toBe("graph");
      if (loaded.form === "graph") expect(weightedLinks(loaded.load.graph)).toEqual(["a – b: 2", "b – c: 1"]);
    }
  });
});

describe("edge lists on bad input", () => {
  it("rejects a line with too many fields or a weight that is no number, by line, and skips comments", () => {
    const load = readEdgeList("# a comment\na b 1\n\na\nb c x\nc d 1 2\nd e 3 # the last\n", { file });
    expect(weightedLinks(load.graph)).toEqual(["a – b: 1", "d – e: 3"]);
    expect(load.rejected).toEqual([
      { file, row: 4, problems: [{ message: edgeListMessages.fields(1) }] },
      { file, row: 5, problems: [{ column: "weight", message: messages.notANumber("x") }] },
      { file, row: 6, problems: [{ message: edgeListMessages.fields(4) }] },
    ]);
  });

  it("refuses to write organisations without links, or an id with a blank", () => {
    // The fixture's IT-ORG7 has no link.
    expect(() => writeEdgeList(loadFixture())).toThrow(new UnwritableGraphError("io/formats/edge-list", edgeListMessages.isolated(1, "IT-ORG7")));
    const blank = createAllianceGraph();
    blank.addNode("a b");
    blank.addNode("c");
    blank.addEdge("a b", "c", { weight: 1 });
    expect(() => writeEdgeList(blank)).toThrow(new UnwritableGraphError("io/formats/edge-list", edgeListMessages.blankInId("a b")));
  });
});
