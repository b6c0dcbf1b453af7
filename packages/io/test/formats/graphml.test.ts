import { createAllianceGraph } from "@linkscale/core/model";
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { graphMessages } from "../../src/formats/graph-load.ts";
import { igraphIdentifiers } from "../../src/formats/graphml-igraph.ts";
import { readGraphml, writeGraphml } from "../../src/formats/graphml.ts";
import { xmlMessages } from "../../src/formats/xml.ts";
import { messages } from "../../src/problems.ts";
import { contents, csvTables, loadFixture, peerFile, toFifteenDigits, unorderedContents } from "./fixture.ts";
import { positionIn } from "./xml-positions.ts";

const file = "network.graphml";

/** A GraphML document around the given keys and `<graph>` content. */
function graphml(keys: string, graph: string, edgeDefault = "undirected"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
${keys}
  <graph edgedefault="${edgeDefault}">
${graph}
  </graph>
</graphml>
`;
}

/** The `<key>` declarations of a written file, as {domain: {name: type}}. */
function declaredKeys(text: string): Record<string, Record<string, string>> {
  const keys: Record<string, Record<string, string>> = {};
  for (const [, domain, name, type] of text.matchAll(/<key id="d\d+" for="(\w+)" attr\.name="(\w+)" attr\.type="(\w+)"\/>/g)) {
    (keys[domain as string] ??= {})[name as string] = type as string;
  }
  return keys;
}

describe("GraphML round trip", () => {
  it("gives back every node, link and attribute of the fixture, with its type (CSV → GraphML → CSV)", () => {
    // Expected: the fixture itself, as read from in/*.csv.
    const graph = loadFixture();
    const load = readGraphml(writeGraphml(graph), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [] });
    expect(load.error).toBeUndefined();
    expect(contents(load.graph)).toStrictEqual(contents(graph));
    expect(csvTables(load.graph)).toStrictEqual(csvTables(graph));
    expect(load.graph.getNodeAttribute("IT-ORG7", "postCode")).toBe("00912");
  });

  it("types each key over all nodes (or edges): int, double, boolean, else string", () => {
    // Expected: the fixture's values (coordinates and weights fractional, years and counts whole
    // numbers, postcodes text) under the rule in graphml.ts's banner.
    expect(declaredKeys(writeGraphml(loadFixture()))).toEqual({
      node: {
        label: "string", name: "string", type: "string", country: "string", region: "string", city: "string",
        lat: "double", lon: "double", cluster: "string", valueChainStage: "string", postCode: "string",
      },
      edge: {
        weight: "double", projectCount: "int", firstYear: "int", lastYear: "int", kind: "string", projects: "string", programme: "string",
      },
    });
    // Hand-made: 3 then 2.5 widens to double; a number beside text is text; 2^31 does not fit int.
    const graph = createAllianceGraph();
    graph.addNode("a", { size: 3, code: 5, member: true, big: 2 ** 31 });
    graph.addNode("b", { size: 2.5, code: "0912", member: false, big: 1 });
    const text = writeGraphml(graph);
    expect(declaredKeys(text)["node"]).toEqual({ label: "string", size: "double", code: "string", member: "boolean", big: "double" });
    expect(readGraphml(text, { file }).graph.getNodeAttributes("a")).toStrictEqual({ size: 3, code: "5", member: true, big: 2 ** 31 });
  });

  it("escapes text so that names with &, <, quotes and line breaks come back as they were", () => {
    // Expected: XML 1.0's escapes (&amp; &lt; &gt; &quot; and &#13; for CR, which XML reads as LF).
    const graph = createAllianceGraph();
    const name = 'Müller & Söhne <GmbH> "quoted"\r\nsecond line\tend ]]>';
    graph.addNode('x&y "1"', { name });
    graph.addNode("b");
    graph.addEdge('x&y "1"', "b", { weight: 1, kind: "a<b" });
    const text = writeGraphml(graph);
    expect(text).toContain('<node id="x&amp;y &quot;1&quot;">');
    expect(text).toContain('<data key="d1">Müller &amp; Söhne &lt;GmbH&gt; "quoted"&#13;\nsecond line\tend ]]&gt;</data>');
    const back = readGraphml(text, { file });
    expect(back.rejected).toEqual([]);
    expect(contents(back.graph)).toStrictEqual(contents(graph));
  });

  it("marks the edges of a directed graph directed=\"true\", which reading then drops", () => {
    const graph = new DirectedGraph();
    graph.addNode("a");
    graph.addNode("b");
    graph.addEdge("a", "b", { weight: 2 });
    const text = writeGraphml(graph);
    expect(text).toContain('<edge source="a" target="b" directed="true">');
    const load = readGraphml(text, { file });
    expect([load.graph.type, contents(load.graph).edges]).toStrictEqual(["undirected", [["a", "b", { weight: 2 }]]]);
  });

  it("does not change the graph it writes", () => {
    const graph = loadFixture();
    const before = structuredClone(graph.export());
    writeGraphml(graph);
    expect(graph.export()).toStrictEqual(before);
  });

  it("refuses to write a character XML cannot hold, naming where it is", () => {
    const graph = createAllianceGraph();
    graph.addNode("a");
    graph.addNode("b");
    graph.addEdge("a", "b", { weight: 1, kind: "\u0000" });
    expect(() => writeGraphml(graph)).toThrow(new UnwritableGraphError("io/formats/graphml", xmlMessages.unwritable('edge a–b, attribute "kind"', 0)));
  });
});

// peers/graphml.py read out/fixture.graphml with nx.read_graphml (NetworkX 2.8.8) and
// igraph.Graph.Read_GraphML (python-igraph 0.10.2), peers/r_igraph.R with read_graph (R igraph
// 1.3.5); each wrote it back with its own writer, and built a small network of its own.
describe("GraphML with NetworkX and igraph", () => {
  it("linkscale → NetworkX → linkscale gives back the fixture", () => {
    const load = readGraphml(peerFile("fixture-via-networkx.graphml"), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [] });
    expect(load.rules).toBeUndefined();
    expect(unorderedContents(load.graph)).toStrictEqual(unorderedContents(loadFixture()));
  });

  it.each(["igraph", "r-igraph"])("linkscale → %s → linkscale gives back the fixture, its reals to 15 digits", (peer) => {
    // igraph keeps the node's id in an "id" attribute and writes its own n0, n1, …; it writes
    // reals with 15 significant digits and every number as a double (2 as 2, so still whole).
    const load = readGraphml(peerFile(`fixture-via-${peer}.graphml`), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [], rules: [igraphIdentifiers.id] });
    expect(unorderedContents(toFifteenDigits(load.graph))).toStrictEqual(unorderedContents(toFifteenDigits(loadFixture())));
  });

  it("NetworkX → linkscale", () => {
    const load = readGraphml(peerFile("from-networkx.graphml"), { file });
    expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [] });
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["FhG", { name: "Fraunhofer & Co", type: "research", country: "DE", lat: 48.1, lon: 11.6 }],
        ["KUL", { name: "KU Leuven", type: "university", country: "BE" }],
        ["PHI", { name: "Müller ☃", type: "firm", country: "NL" }],
      ],
      edges: [
        ["FhG", "KUL", { weight: 2.5, firstYear: 2015, lastYear: 2018 }],
        ["KUL", "PHI", { weight: 1 }],
      ],
    });
  });

  it("igraph → linkscale: its vertex names, or an id attribute, as ids", () => {
    const byName = readGraphml(peerFile("from-igraph-names.graphml"), { file });
    expect(byName).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [], rules: [igraphIdentifiers.name] });
    expect(contents(byName.graph)).toStrictEqual({
      nodes: [
        ["FhG", { type: "research" }],
        ["KUL", { type: "university" }],
        ["PHI", { type: "firm" }],
      ],
      edges: [
        // igraph writes an undirected edge from its lower vertex.
        ["FhG", "KUL", { weight: 2.5 }],
        ["KUL", "PHI", { weight: 1 }],
      ],
    });
    const byId = readGraphml(peerFile("from-igraph-ids.graphml"), { file });
    expect(byId).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [], rules: [igraphIdentifiers.id] });
    expect(contents(byId.graph)).toStrictEqual({
      nodes: [
        ["FhG", { name: "Fraunhofer & Co" }],
        ["KUL", { name: "KU Leuven" }],
        ["PHI", { name: "Müller ☃" }],
      ],
      edges: [
        ["FhG", "KUL", { weight: 2.5 }],
        ["KUL", "PHI", { weight: 1 }],
      ],
    });
  });

  it("R igraph → linkscale: names as ids; R's missing text arrives as the text NA", () => {
    // R igraph 1.3.5 writes a missing character value as "NA", which is Namibia's code: no reader
    // can tell the two apart, so the country is read as written (README, format table).
    const load = readGraphml(peerFile("from-r-igraph.graphml"), { file });
    expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [], rules: [igraphIdentifiers.name] });
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["FhG", { type: "research", country: "DE" }],
        ["KUL", { type: "university", country: "NA" }],
        ["PHI", { type: "firm", country: "NL" }],
      ],
      edges: [
        ["FhG", "KUL", { weight: 2.5 }],
        ["KUL", "PHI", { weight: 1 }],
      ],
    });
  });

  it("keeps igraph's n0, n1, … where neither id nor name is on every node once, and reads other files' n-keys as they stand", () => {
    const igraphKeys = '  <key id="v_name" for="node" attr.name="name" attr.type="string"/>';
    const twice = readGraphml(graphml(igraphKeys, '    <node id="n0"><data key="v_name">A</data></node>\n    <node id="n1"><data key="v_name">A</data></node>\n    <edge source="n0" target="n1"/>'), { file });
    expect(twice).toMatchObject({ nodesRead: 2, linksRead: 1, rejected: [], rules: [igraphIdentifiers.positional] });
    expect(twice.graph.nodes()).toEqual(["n0", "n1"]);
    const ownKeys = '  <key id="d0" for="node" attr.name="name" attr.type="string"/>';
    const notIgraph = readGraphml(graphml(ownKeys, '    <node id="n0"><data key="d0">A</data></node>\n    <node id="n1"><data key="d0">B</data></node>'), { file });
    expect(notIgraph.rules).toBeUndefined();
    expect(contents(notIgraph.graph).nodes).toEqual([["n0", { name: "A" }], ["n1", { name: "B" }]]);
  });
});

describe("readGraphml", () => {
  it("reads keys graphology-graphml trips over: for=\"all\", no attr.name, typed defaults, unknown types", () => {
    // Expected: GraphML's rules (a default applies where a node has no value; for="all" keys
    // apply to nodes and edges) and the fixes listed in graphml.ts's banner.
    const text = graphml(
      `  <key id="k0" for="all" attr.name="note" attr.type="string"/>
  <key id="k1" for="node" attr.name="lat" attr.type="double"><default>0.5</default></key>
  <key id="k2" for="node" attr.name="lon" attr.type="double"><default>1.5</default></key>
  <key id="k3" for="node" yfiles.type="nodegraphics"/>
  <key id="k4" for="edge" attr.name="since" attr.type="date"/>`,
      `    <node id="a"><data key="k0">first</data><data key="k1">48.1</data></node>
    <node id="b"><data key="k3">shape</data></node>
    <edge source="a" target="b"><data key="k0">tie</data><data key="k4">2020-01-01</data></edge>`,
    );
    const load = readGraphml(text, { file });
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["a", { note: "first", lat: 48.1, lon: 1.5 }],
        ["b", { k3: "shape", lat: 0.5, lon: 1.5 }],
      ],
      edges: [["a", "b", { weight: 1, note: "tie", since: "2020-01-01" }]],
    });
  });

  it("rejects a node of an unknown type with its path and position, and the edges touching it", () => {
    // Expected: the model's organisation types and positive weights, and the rules of graph-load.ts.
    const text = graphml(
      `  <key id="t" for="node" attr.name="type" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>`,
      `    <node id="a"/>
    <node id="b"><data key="t">spaceship</data></node>
    <edge source="a" target="b"/>
    <edge source="a" target="a"/>
    <edge source="a" target="c"/>
    <node id="c"/>
    <edge source="c" target="a"><data key="w">-0.5</data></edge>
    <edge source="c" target="a"><data key="w">2</data></edge>`,
    );
    const load = readGraphml(text, { file });
    // Each row and character is where the element starts in the text (positionIn finds it there).
    expect(load.rejected).toEqual([
      {
        file,
        ...positionIn(text, '<node id="b"'),
        problems: [{ column: "nodes[1].type", message: 'must be "firm", "government", "intermediary", "other", "research" or "university" (was "spaceship")' }],
      },
      { file, ...positionIn(text, '<edge source="a" target="b"'), problems: [{ column: "edges[0].target", message: graphMessages.rejectedEnd("b", "nodes[1]") }] },
      { file, ...positionIn(text, '<edge source="a" target="a"'), problems: [{ column: "edges[1].target", message: messages.selfLink("a") }] },
      { file, ...positionIn(text, '<edge source="c" target="a"'), problems: [{ column: "edges[3].weight", message: "must be positive (was -0.5)" }] },
      {
        file,
        ...positionIn(text, '<edge source="c" target="a"', 2),
        problems: [{ column: "edges[4]", message: messages.duplicateLink("c", "a", "edges[2]"), repeats: "edges[2]" }],
      },
    ]);
    // The edge to c, given before c, is accepted: GraphML lets nodes come in any order.
    expect(contents(load.graph).edges).toStrictEqual([["a", "c", { weight: 1 }]]);
    expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
  });

  it("reads a directed file as undirected and rejects the reverse arc, naming the first", () => {
    const text = graphml(
      "",
      `    <node id="a"/><node id="b"/>
    <edge source="a" target="b"/>
    <edge source="b" target="a"/>`,
      "directed",
    );
    const load = readGraphml(text, { file });
    expect(load.graph.size).toBe(1);
    expect(load.rejected).toEqual([
      {
        file,
        ...positionIn(text, '<edge source="b" target="a"'),
        problems: [{ column: "edges[1]", message: graphMessages.reverseArc("b", "a", "edges[0]"), repeats: "edges[0]" }],
      },
    ]);
  });

  it("reads numeric r, g, b as one colour, and not the data of ports, hyperedges or the graph", () => {
    // Expected: graphology-graphml 0.5's DEFAULT_FORMATTER ("#" and two hex digits for each of
    // r, g, b) on node a; the text of r, g, b where a key leaves them text (node b); no value from
    // a port, a hyperedge or the graph, and each nested node its own data (the DOM reader gave a
    // node its ports' and nested nodes' data too).
    const text = graphml(
      `  <key id="r" for="node" attr.name="r" attr.type="int"/><key id="g" for="node" attr.name="g" attr.type="int"/>
  <key id="b" for="node" attr.name="b" attr.type="int"/><key id="t" for="all" attr.name="note"/>
  <key id="p" for="port" attr.name="portNote"/><key id="h" for="hyperedge" attr.name="hyperNote"/>`,
      `    <data key="t">graph note</data>
    <node id="a"><data key="r">255</data><data key="g">0</data><data key="b">16</data>
      <port name="p0"><data key="p">port data</data></port>
      <graph edgedefault="undirected"><node id="a1"><data key="t">inner</data></node></graph>
    </node>
    <node id="b"><data key="t">text colours</data></node>
    <hyperedge><data key="h">x</data><endpoint node="a"/><endpoint node="b"/></hyperedge>`,
    );
    const load = readGraphml(text, { file });
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph).nodes).toStrictEqual([
      ["a", { color: "#ff0010" }],
      ["a1", { note: "inner" }],
      ["b", { note: "text colours" }],
    ]);
  });

  it("reads a key declared after the data that uses it, and an edge's directed=\"false\" over edgedefault", () => {
    // Expected: the late key's type (the DOM reader saw every key before it read a node; the
    // stream reads such a file twice); GraphML's rule that an edge's own `directed` wins, so the
    // second edge repeats the first as a link, not as its reverse arc.
    const text = graphml(
      "",
      `    <node id="a"><data key="n">12</data></node><node id="b"/>
    <edge source="a" target="b"/>
    <edge source="b" target="a" directed="false"/>
  </graph>
  <key id="n" for="node" attr.name="staff" attr.type="int"/>
  <graph>`,
      "directed",
    );
    const load = readGraphml(text, { file });
    expect(load.graph.getNodeAttributes("a")).toStrictEqual({ staff: 12 });
    expect(load.rejected).toEqual([
      {
        file,
        ...positionIn(text, '<edge source="b"'),
        problems: [{ column: "edges[1]", message: messages.duplicateLink("b", "a", "edges[0]"), repeats: "edges[0]" }],
      },
    ]);
  });

  it("rejects a weight that a file without key types leaves as text, rather than guessing", () => {
    // Expected: graph-load.ts's rule that readers type what they know; this file declares nothing.
    const text = graphml(`  <key id="w" for="edge" attr.name="weight"/>`, `    <node id="a"/><node id="b"/>
    <edge source="a" target="b"><data key="w">3.5</data></edge>`);
    expect(readGraphml(text, { file }).rejected).toEqual([
      { file, ...positionIn(text, "<edge"), problems: [{ column: "edges[0].weight", message: "must be a number (was a string)" }] },
    ]);
  });

  it("refuses malformed XML and a file of another format", () => {
    // Expected: each fault's line and column (1-based) in the texts below, counted by hand.
    expect(readGraphml(`<graphml><graph><node id="a"></graph></graphml>`, { file }).error).toBe(
      xmlMessages.unexpectedEndTag(1, 30, "graph", "node"),
    );
    expect(readGraphml(`<graphml><graph/></graphml>\n<graphml/>`, { file }).error).toBe(xmlMessages.secondRoot(2, 1, "graphml"));
    expect(readGraphml(`<graphml><graph/></graphml> trailing`, { file }).error).toBe(xmlMessages.textOutsideRoot(1, 29));
    expect(readGraphml(`<gexf/>`, { file })).toMatchObject({ nodesRead: 0, linksRead: 0, error: xmlMessages.wrongRoot("GraphML", "graphml", "gexf") });
  });
});
