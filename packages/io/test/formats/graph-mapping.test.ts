/**
 * `--map` on graph files (graph-mapping.ts), through loadGraphItems as every reader calls it, and
 * through a GraphML and a GML file as a user gives them. Expected values are worked out by hand
 * from the rules in graph-mapping.ts's banner on the items below.
 */
import { describe, expect, it } from "vitest";
import { graphMessages, loadGraphItems, type EdgeItem, type NodeItem } from "../../src/formats/graph-load.ts";
import { mappingMessages } from "../../src/formats/graph-mapping.ts";
import { readGml } from "../../src/formats/gml.ts";
import { readGraphml } from "../../src/formats/graphml.ts";
import { messages } from "../../src/problems.ts";
import { contents } from "./fixture.ts";

const file = "graph";
const node = (key: string, attributes: Record<string, unknown>): NodeItem => ({ key, attributes });
const edge = (source: string, target: string, attributes: Record<string, unknown> = {}): EdgeItem => ({ source, target, attributes, directed: false });

describe("--map on a graph file's attributes", () => {
  it("reads a field from an attribute of the user's own name, found in any case, and names the rule", () => {
    const items = {
      nodes: [node("a", { Category: "Company", Land: "Germany" }), node("b", { Category: "HES", Land: "UK" })],
      edges: [edge("a", "b", { strength: 4 })],
    };
    const load = loadGraphItems(file, items, { mapping: { type: "category", country: "Land", weight: "strength" } });
    expect(load.rejected).toEqual([]);
    // The vocabularies apply to the mapped values as to any: Company → firm, HES → university, Germany → DE, UK → GB.
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["a", { type: "firm", country: "DE" }],
        ["b", { type: "university", country: "GB" }],
      ],
      edges: [["a", "b", { weight: 4 }]],
    });
    expect(load.rules).toEqual([mappingMessages.read("type", "Category", false), mappingMessages.read("country", "Land", false), mappingMessages.read("weight", "strength", false)]);
  });

  it("reads the mapped attribute where the file also has one of the field's name, and says the other is left unread", () => {
    const items = { nodes: [node("a", { type: "other", kind: "research" }), node("b", { type: "firm" })], edges: [] };
    const load = loadGraphItems(file, items, { mapping: { type: "kind" } });
    expect(contents(load.graph).nodes).toStrictEqual([["a", { type: "research" }], ["b", {}]]);
    expect(load.rules).toEqual([mappingMessages.read("type", "kind", true)]);
  });

  it("refuses an attribute no node or edge has, and an edge's structure, reading nothing", () => {
    const items = { nodes: [node("a", { kind: "firm" })], edges: [] };
    const missing = loadGraphItems(file, items, { mapping: { type: "sort" } });
    expect(missing.error).toBe(mappingMessages.noAttribute("type", "sort", ["kind"]));
    expect(missing.graph.order).toBe(0);
    expect(loadGraphItems(file, items, { mapping: { source: "from" } }).error).toBe(mappingMessages.structural("source"));
  });
});

describe("--map id=… on a graph file", () => {
  it("keys each node by its attribute, and the edges' ends follow", () => {
    const items = {
      nodes: [node("n0", { pic: "999", name: "Alpha" }), node("n1", { pic: 888, name: "Beta" })],
      edges: [edge("n0", "n1", { weight: 2 })],
    };
    const load = loadGraphItems(file, items, { mapping: { id: "pic" } });
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["999", { name: "Alpha" }],
        ["888", { name: "Beta" }],
      ],
      edges: [["999", "888", { weight: 2 }]],
    });
    expect(load.rules).toEqual([mappingMessages.read("id", "pic", false)]);
  });

  it("rejects a node without the attribute and each of its edges; never joins a repeated id's edges to the first node; rejects an end that is no node", () => {
    // n2 has no pic; n3 repeats n0's pic; "b" is a file key of no node, though it is n1's mapped id.
    const items = {
      nodes: [node("n0", { pic: "a" }), node("n1", { pic: "b" }), node("n2", {}), node("n3", { pic: "a" })],
      edges: [edge("n0", "n1"), edge("n2", "n1"), edge("n3", "n1"), edge("n0", "b")],
    };
    const load = loadGraphItems(file, items, { mapping: { id: "pic" } });
    expect(contents(load.graph)).toStrictEqual({ nodes: [["a", {}], ["b", {}]], edges: [["a", "b", { weight: 1 }]] });
    expect(load.rejected).toEqual([
      { file, row: 3, problems: [{ column: "nodes[2].pic", message: mappingMessages.missingId("pic") }] },
      { file, row: 4, problems: [{ column: "nodes[3]", message: messages.duplicateOrganisation("a", "nodes[0]"), repeats: "nodes[0]" }] },
      { file, row: 2, problems: [{ column: "edges[1].source", message: mappingMessages.endRejected("n2", `nodes[2]: ${mappingMessages.missingId("pic")}`) }] },
      { file, row: 3, problems: [{ column: "edges[2].source", message: mappingMessages.endRejected("n3", 'nodes[3]: its id "a" is already used at nodes[0]') }] },
      { file, row: 4, problems: [{ column: "edges[3].target", message: graphMessages.unknownNode("b") }] },
    ]);
    // Every item accounted for: 2 nodes and 1 link accepted, 2 nodes and 3 edges rejected.
    expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
  });

  it("works on the files users give: igraph's GraphML keyed by its own attribute, GML by a renamed field", () => {
    const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="PIC" attr.type="string"/>
  <key id="d1" for="node" attr.name="Kind" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="x"><data key="d0">111</data><data key="d1">Company</data></node>
    <node id="y"><data key="d0">222</data><data key="d1">university</data></node>
    <edge source="x" target="y"/>
  </graph>
</graphml>`;
    const fromGraphml = readGraphml(graphml, { file: "g.graphml", mapping: { id: "PIC", type: "Kind" } });
    expect(fromGraphml.rejected).toEqual([]);
    expect(contents(fromGraphml.graph)).toStrictEqual({ nodes: [["111", { type: "firm" }], ["222", { type: "university" }]], edges: [["111", "222", { weight: 1 }]] });

    const gml = 'graph [\n  node [ id 1 label "a" land "Germany" ]\n  node [ id 2 label "b" land "de" ]\n  edge [ source 1 target 2 ]\n]\n';
    const fromGml = readGml(gml, { file: "g.gml", mapping: { country: "land" } });
    expect(fromGml.rejected).toEqual([]);
    expect(fromGml.graph.mapNodes((_key, attributes) => attributes["country"])).toEqual(["DE", "DE"]);
  });
});
