import { describe, expect, it } from "vitest";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { graphMessages } from "../../src/formats/graph-load.ts";
import { writeGraphologyJson } from "../../src/formats/graphology-json.ts";
import { readJsonGraph } from "../../src/formats/json-graph.ts";
import { jsonValueMessages, MAX_DEPTH } from "../../src/formats/json-values.ts";
import { readCordisOrganisationsJson } from "../../src/cordis/read-cordis.ts";
import { nodeLinkMessages, readNodeLinkJson, writeNodeLinkJson } from "../../src/formats/node-link-json.ts";
import { loadFiles } from "../../src/load-files.ts";
import { contents, expectGolden, loadFixture, peerFile, unorderedContents } from "./fixture.ts";

const file = "network.json";

describe("node-link JSON round trip", () => {
  it("gives back every node, link and attribute of the fixture, with its type (CSV → node-link → CSV)", () => {
    const graph = loadFixture();
    const text = writeNodeLinkJson(graph);
    expectGolden("fixture.node-link.json", text);
    const load = readNodeLinkJson(text, { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [] });
    expect(load.error).toBeUndefined();
    expect(contents(load.graph)).toStrictEqual(contents(graph));
  });

  it("linkscale → NetworkX → linkscale: what NetworkX reads of it and writes back is the fixture", () => {
    // peers/node_link.py read out/fixture.node-link.json (the golden above, so what the writer
    // gives today) with nx.node_link_graph and wrote it back with nx.node_link_data (NetworkX 2.8.8).
    // NetworkX writes the links in its adjacency order, each from the end it met first.
    const load = readJsonGraph(peerFile("fixture-via-networkx.json"), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [] });
    expect(unorderedContents(load.graph)).toStrictEqual(unorderedContents(loadFixture()));
  });

  it("NetworkX → linkscale: integer ids as text, every attribute with its JSON type, links or edges", () => {
    // peers/node_link.py built this network in NetworkX: 4 nodes, 4 edges, the attributes below.
    for (const name of ["from-networkx.json", "from-networkx-edges.json"]) {
      const load = readJsonGraph(peerFile(name), { file: name });
      expect(load).toMatchObject({ nodesRead: 4, linksRead: 4, rejected: [] });
      expect(contents(load.graph)).toStrictEqual({
        nodes: [
          ["1", { name: "Fraunhofer", type: "research", country: "DE", lat: 48.1, lon: 11.6, employees: 28000 }],
          ["2", { name: "KU Leuven", type: "university", country: "BE" }],
          ["3", { name: "Philips", type: "firm", country: "NL", listed: true }],
          ["4", {}],
        ],
        edges: [
          ["1", "2", { weight: 2.5, projects: ["P1", "P2"], firstYear: 2015, lastYear: 2018 }],
          ["1", "3", { weight: 0.5, kind: "project" }],
          ["2", "3", { weight: 1 }],
          ["3", "4", { weight: 1 }],
        ],
      });
    }
  });

  it("is what a .json file holding it is read as; graphology's export still reads as graphology's", () => {
    const graph = loadFixture();
    for (const text of [writeNodeLinkJson(graph), writeGraphologyJson(graph)]) {
      const loaded = loadFiles([{ name: file, text }]);
      expect(loaded.form).toBe("graph");
      if (loaded.form === "graph") expect(contents(loaded.load.graph)).toStrictEqual(contents(graph));
    }
  });
});

describe("JSON networks never lose their links without a word", () => {
  it("graphology-style items with their links under \"links\" are rejected one by one, not read as a network without links", () => {
    // Before: read by the graphology reader, which looked for "edges" only: 2 nodes, 0 links, exit 0.
    const text = '{"nodes": [{"key": "a"}, {"key": "b"}], "links": [{"source": "a", "target": "b"}]}';
    const load = readJsonGraph(text, { file });
    expect(load.graph.order + load.graph.size).toBe(0);
    expect(load.rejected.map(({ row, problems }) => [row, problems.map(({ message }) => message)])).toEqual([
      [1, [nodeLinkMessages.keyNotId()]],
      [2, [nodeLinkMessages.keyNotId()]],
      [1, [graphMessages.unknownNode("a"), graphMessages.unknownNode("b")]],
    ]);
  });

  it("a list the format does not know, or both links and edges, refuse the file", () => {
    const graphology = '{"nodes": [{"key": "a"}, {"key": "b"}], "relationships": [{"source": "a", "target": "b"}]}';
    expect(readJsonGraph(graphology, { file }).error).toBe(jsonValueMessages.unknownList("graphology JSON", "relationships", ["nodes", "edges"]));
    const nodeLink = '{"nodes": [{"id": "a"}], "links": [], "hyperedges": [["a"]]}';
    expect(readJsonGraph(nodeLink, { file }).error).toBe(jsonValueMessages.unknownList("node-link JSON", "hyperedges", ["nodes", "links"]));
    expect(readJsonGraph('{"nodes": [], "links": [], "edges": []}', { file }).error).toBe(nodeLinkMessages.bothLists());
  });

  it("refuses a value nested past MAX_DEPTH, naming where, rather than overflowing the stack (fuzz, issue 22)", () => {
    // Found by npm run fuzz: 5,000 nested arrays made arktype's messages and JSON.stringify throw RangeError.
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const path = ".nodes[0].type" + "[0]".repeat(MAX_DEPTH - 3);
    expect(readJsonGraph(`{"nodes": [{"id": "a", "type": ${deep}}]}`, { file }).error).toBe(jsonValueMessages.tooDeep(path));
    expect(readCordisOrganisationsJson(`[{"x": ${deep}}]`, { file: "organization.json" }).error).toBe(jsonValueMessages.tooDeep("[0].x" + "[0]".repeat(MAX_DEPTH - 2)));
  });

  it("refuses to write an attribute the format would take for an item's own field", () => {
    const graph = loadFixture();
    graph.setNodeAttribute("NL-TNO", "id", "x");
    expect(() => writeNodeLinkJson(graph)).toThrow(new UnwritableGraphError("io/formats/node-link-json", nodeLinkMessages.reservedName('node "NL-TNO"', "id")));
  });
});
