/**
 * Organisation ids that name Object.prototype's members (issue 22, point 1). Each used to end a
 * load in graphology's UsageGraphError ("an edge linking a to constructor already exists"): the
 * graph's neighbour indices were plain objects. They must load as any other id, through every
 * reader, and through the lookups keyed by data (country codes, CORDIS types, metric results).
 */
import { assertPrototypeFreeKeys, byNode, createAllianceGraph, describeCountryCode } from "@linkscale/core/model";
import { describe, expect, it } from "vitest";
import {
  loadFiles,
  readGexf,
  readGraphml,
  readGraphologyJson,
  readPajek,
  ReadAsTally,
  writeGexf,
  writeGraphml,
  writeGraphologyJson,
  writeOrganisationsCsv,
  writePajek,
} from "../src/index.ts";
import { translateActivityType } from "../src/cordis/codes.ts";
import { parseJsonArray } from "../src/cordis/read-cordis.ts";
import { defineField } from "../src/records.ts";

const RESERVED = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"];

/** A star from "a" to each reserved id, and a ring through them. */
function reservedGraph() {
  const graph = createAllianceGraph();
  graph.addNode("a");
  for (const id of RESERVED) {
    graph.addNode(id);
    graph.addEdge("a", id, { weight: 2 });
  }
  RESERVED.forEach((id, i) => graph.addEdge(id, RESERVED[(i + 1) % RESERVED.length] as string, { weight: 1 }));
  return graph;
}

const EXPECTED_ORDER = RESERVED.length + 1;
const EXPECTED_SIZE = 2 * RESERVED.length;

describe("reserved organisation ids", () => {
  it("graphology holds them as node keys (its internals checked, should a release move them)", () => {
    expect(() => assertPrototypeFreeKeys()).not.toThrow();
    const graph = reservedGraph();
    expect([graph.order, graph.size]).toEqual([EXPECTED_ORDER, EXPECTED_SIZE]);
    expect(graph.neighbors("__proto__").sort()).toEqual(["a", "constructor", "toString"]);
    expect(graph.hasEdge("constructor", "a")).toBe(true);
    expect(graph.hasEdge("constructor", "valueOf")).toBe(false);
  });

  it("load from CSV links, and from a links and organisations pair", () => {
    const links = ["source,target,weight", ...reservedGraph().mapEdges((_e, { weight }, s, t) => `${s},${t},${weight}`)].join("\n");
    const fromLinks = loadFiles([{ name: "links.csv", text: links }]);
    expect(fromLinks.form).toBe("tables");
    if (fromLinks.form !== "tables") return;
    expect([fromLinks.dataset.graph.order, fromLinks.dataset.graph.size]).toEqual([EXPECTED_ORDER, EXPECTED_SIZE]);
    expect(fromLinks.dataset.graph.degree("__proto__")).toBe(3);

    const organisations = ["id,name", "a,Alpha", ...RESERVED.map((id) => `${id},Org ${id}`)].join("\n");
    const both = loadFiles([
      { name: "links.csv", text: links },
      { name: "organisations.csv", text: organisations },
    ]);
    if (both.form !== "tables") throw new Error("expected tables");
    expect(both.dataset.graph.getNodeAttribute("constructor", "name")).toBe("Org constructor");
  });

  it("load from participations, projected into links", () => {
    const rows = ["project,org", "p1,a", "p1,constructor", "p2,__proto__", "p2,toString", "p2,hasOwnProperty"];
    const loaded = loadFiles([{ name: "participations.csv", text: rows.join("\n") }]);
    if (loaded.form !== "tables") throw new Error("expected tables");
    const { graph } = loaded.dataset;
    expect([graph.order, graph.size]).toEqual([5, 4]);
    expect(graph.hasEdge("a", "constructor") && graph.hasEdge("__proto__", "hasOwnProperty")).toBe(true);
  });

  it.each([
    ["GEXF", "network.gexf", writeGexf, readGexf],
    ["GraphML", "network.graphml", writeGraphml, readGraphml],
    ["graphology JSON", "network.json", writeGraphologyJson, readGraphologyJson],
    ["Pajek", "network.net", writePajek, readPajek],
  ] as const)("load from %s", (_format, file, write, read) => {
    const load = read(write(reservedGraph()), { file });
    expect(load.error).toBeUndefined();
    expect(load.rejected).toEqual([]);
    expect([load.nodesRead, load.linksRead]).toEqual([EXPECTED_ORDER, EXPECTED_SIZE]);
    expect([load.graph.order, load.graph.size]).toEqual([EXPECTED_ORDER, EXPECTED_SIZE]);
    expect(load.graph.hasEdge("a", "__proto__")).toBe(true);
  });

  it("as column and attribute names, are read and written as any other, never found already there", () => {
    // Hand-made: the three columns used to vanish from every row (the prototype answered "in"),
    // and a row without them was written with Object's constructor and toString as its cells.
    const organisations = "id,name,constructor,__proto__,toString\na,A,x,y,z\nb,B,,,\n";
    const loaded = loadFiles([
      { name: "organisations.csv", text: organisations },
      { name: "links.csv", text: "source,target\na,b\n" },
    ]);
    if (loaded.form !== "tables") throw new Error("expected tables");
    const { graph } = loaded.dataset;
    expect(Object.entries(graph.getNodeAttributes("a"))).toEqual([["name", "A"], ["constructor", "x"], ["__proto__", "y"], ["toString", "z"]]);
    expect(Object.keys(graph.getNodeAttributes("b"))).toEqual(["name"]);
    expect(writeOrganisationsCsv(graph)).toBe(organisations);

    const json = '{"nodes":[{"key":"a","attributes":{"constructor":"x","__proto__":"y"}},{"key":"b"}],"edges":[{"source":"a","target":"b","attributes":{"__proto__":"p"}}]}';
    const load = readGraphologyJson(json, { file: "network.json" });
    expect(load.rejected).toEqual([]);
    expect(Object.entries(load.graph.getNodeAttributes("a"))).toEqual([["constructor", "x"], ["__proto__", "y"]]);
    expect(Object.entries(load.graph.getEdgeAttributes("a", "b"))).toEqual([["weight", 1], ["__proto__", "p"]]);
    const back = readGraphologyJson(writeGraphologyJson(load.graph), { file: "network.json" });
    expect(Object.entries(back.graph.getNodeAttributes("a"))).toEqual([["constructor", "x"], ["__proto__", "y"]]);
    expect(Object.entries(back.graph.getEdgeAttributes("a", "b"))).toEqual([["weight", 1], ["__proto__", "p"]]);
  });

  it("as attribute names, are written to GraphML and GEXF and read back", () => {
    // graphology-gexf dropped all three without a word; graphology-graphml read back all but
    // "__proto__" (see the report of issue 22). The readers no longer use its parser, nor the
    // GEXF writer its writer (issue 20), and every name read is defined (records.ts).
    const graph = createAllianceGraph();
    const attributes = {};
    for (const name of ["constructor", "__proto__", "toString"]) defineField(attributes, name, `v-${name}`);
    graph.addNode("a", attributes);
    graph.addNode("b");
    graph.addEdge("a", "b", { weight: 1 });
    const graphml = writeGraphml(graph);
    for (const name of ["constructor", "__proto__", "toString"]) expect(graphml).toContain(`attr.name="${name}"`);
    expect(Object.entries(readGraphml(graphml, { file: "network.graphml" }).graph.getNodeAttributes("a"))).toEqual(
      expect.arrayContaining([["constructor", "v-constructor"], ["__proto__", "v-__proto__"], ["toString", "v-toString"]]),
    );
    // Node b has none of the three: it is written with none, not with what its prototype answers.
    const gexf = readGexf(writeGexf(graph), { file: "network.gexf" });
    expect(gexf.rejected).toEqual([]);
    expect(Object.entries(gexf.graph.getNodeAttributes("a"))).toEqual(
      expect.arrayContaining([["constructor", "v-constructor"], ["__proto__", "v-__proto__"], ["toString", "v-toString"]]),
    );
    expect(Object.keys(gexf.graph.getNodeAttributes("b"))).toEqual([]);
  });

  it("as attribute names or ids in a GEXF file (Gephi's), are read as any other", () => {
    // Hand-made: graphology-gexf's parser, which read GEXF until issue 20, kept attributes in
    // plain objects, where "__proto__" set the prototype, and the attribute was gone without a word.
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="0" title="__proto__" type="string"/><attribute id="1" title="constructor" type="string"/></attributes>
<attributes class="edge"><attribute id="__proto__" type="string"/></attributes>
<nodes>
<node id="a" label="A"><attvalues><attvalue for="0" value="x"/><attvalue for="1" value="y"/></attvalues></node>
<node id="b" label="B"><attvalues><attvalue for="1" value="z"/></attvalues></node>
</nodes>
<edges><edge source="a" target="b"><attvalues><attvalue for="__proto__" value="p"/></attvalues></edge></edges>
</graph></gexf>`;
    const load = readGexf(gexf, { file: "network.gexf" });
    expect(load.rejected).toEqual([]);
    expect(Object.entries(load.graph.getNodeAttributes("a"))).toEqual([["__proto__", "x"], ["constructor", "y"], ["name", "A"]]);
    expect(Object.entries(load.graph.getNodeAttributes("b"))).toEqual([["constructor", "z"], ["name", "B"]]);
    // An attribute with a non-numeric id and no title is named by its id (graphology-gexf's rule).
    expect(Object.entries(load.graph.getEdgeAttributes("a", "b"))).toEqual([["weight", 1], ["__proto__", "p"]]);
  });

  it("as keys of a JSON array (CORDIS's exports), give an empty cell where an object lacks them", () => {
    const parsed = parseJsonArray('[{"id":"a","constructor":"x","__proto__":"y"},{"id":"b"}]');
    expect(parsed).toEqual({
      header: ["id", "constructor", "__proto__"],
      rows: [
        { row: 1, cells: ["a", "x", "y"] },
        { row: 2, cells: ["b", "", ""] },
      ],
    });
  });

  it("find nothing in the lookups keyed by data", () => {
    expect(new ReadAsTally().country("constructor")).toBe("constructor");
    expect(translateActivityType("constructor")).toHaveProperty("problem");
    expect(describeCountryCode("constructor")).toBe("an ISO 3166-1 alpha-2 country code such as DE, FR, GB, JP");
    const result = byNode(["__proto__", "constructor"], [1, 2]);
    expect(Object.keys(result)).toEqual(["__proto__", "constructor"]);
    expect([result["__proto__"], result["constructor"]]).toEqual([1, 2]);
  });
});
