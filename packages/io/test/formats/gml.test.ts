import { describe, expect, it } from "vitest";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { graphMessages } from "../../src/formats/graph-load.ts";
import { gmlIdentifiers, gmlMessages, readGml, writeGml } from "../../src/formats/gml.ts";
import { loadFiles } from "../../src/load-files.ts";
import { contents, expectGolden, loadFixture, peerFile, toFifteenDigits, unorderedContents } from "./fixture.ts";

const file = "network.gml";


describe("GML round trip", () => {
  it("gives back every node, link and attribute of the fixture, with its type (CSV → GML → CSV)", () => {
    const graph = loadFixture();
    const text = writeGml(graph);
    expectGolden("fixture.gml", text);
    const load = readGml(text, { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [], rules: [gmlIdentifiers.label] });
    expect(contents(load.graph)).toStrictEqual(contents(graph));
  });

  // peers/gml.py read out/fixture.gml (the golden above) with nx.read_gml (NetworkX 2.8.8) and
  // igraph.Graph.Read_GML (python-igraph 0.10.2), and wrote each back with its own writer.
  it("linkscale → NetworkX → linkscale gives back the fixture", () => {
    const load = readGml(peerFile("fixture-via-networkx.gml"), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [], rules: [gmlIdentifiers.label] });
    expect(unorderedContents(load.graph)).toStrictEqual(unorderedContents(loadFixture()));
  });

  it("linkscale → igraph → linkscale gives back the fixture but for igraph's two losses", () => {
    // igraph keeps the label as an attribute beside its own numbers, so its file is read by label
    // too. Its losses: reals are written with 15 significant digits, and GML's numeric references
    // are not decoded (it warns "unknown entities will be returned verbatim"), so text outside
    // ASCII comes back as the reference itself.
    const load = readGml(peerFile("fixture-via-igraph.gml"), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [], rules: [gmlIdentifiers.label] });
    const expected = toFifteenDigits(loadFixture());
    expected.setNodeAttribute("DE-MUELLER", "name", "M&#252;ller &#38; S&#246;hne <GmbH>");
    expected.setNodeAttribute("DE-MUELLER", "city", "M&#252;nchen");
    expected.setNodeAttribute("FR-SACLAY", "name", "Universit&#233; Paris-Saclay, &#34;Orsay&#34; campus");
    expected.setNodeAttribute("NL-TNO", "name", "TNO &#8211; Nederlandse Organisatie voor toegepast-natuurwetenschappelijk onderzoek");
    expected.setNodeAttribute("ES-CEAGA", "name", "Cl&#250;ster de Empresas de Automoci&#243;n de Galicia");
    expect(unorderedContents(toFifteenDigits(load.graph))).toStrictEqual(unorderedContents(expected));
  });

  it("linkscale → R igraph → linkscale gives back the fixture but for R igraph's loss: a missing number written as 0", () => {
    // peers/r_igraph.R read it with read_graph(format = "gml") (R igraph 1.3.5) and wrote it back
    // with write_graph. It decodes the references python-igraph keeps, writes reals with 15
    // digits, and writes a number a node or link lacks as 0 (so a place without coordinates is
    // put at 0° 0°): no reader can tell that 0 from a real one (README, format table).
    const load = readGml(peerFile("fixture-via-r-igraph.gml"), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [], rules: [gmlIdentifiers.label] });
    const expected = toFifteenDigits(loadFixture());
    for (const node of ["SE-VINNOVA", "IT-ORG7"]) expected.mergeNodeAttributes(node, { lat: 0, lon: 0 });
    expected.mergeEdgeAttributes("ES-CEAGA", "DE-MUELLER", { projectCount: 0, firstYear: 0, lastYear: 0 });
    expect(unorderedContents(toFifteenDigits(load.graph))).toStrictEqual(unorderedContents(expected));
  });

  it("NetworkX → linkscale: labels as ids, references decoded, a repeated key as a list", () => {
    // peers/gml.py built this network in NetworkX and wrote it with nx.write_gml.
    const load = readGml(peerFile("from-networkx.gml"), { file });
    expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [], rules: [gmlIdentifiers.label] });
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["FhG", { name: "Fraunhofer & Co", type: "research", country: "DE", lat: 48.1, lon: 11.6, tags: ["a", "b"] }],
        ["KUL", { name: "KU Leuven", type: "university", country: "BE" }],
        ["PHI", { name: "Müller ☃", type: "firm", country: "NL" }],
      ],
      edges: [
        ["FhG", "KUL", { weight: 2.5, firstYear: 2015, lastYear: 2018 }],
        ["KUL", "PHI", { weight: 1 }],
      ],
    });
  });

  it("igraph → linkscale: igraph's numbers as ids, its names as names", () => {
    // peers/gml.py built this network in python-igraph (vertex names, no labels) and wrote it with write_gml.
    const load = readGml(peerFile("from-igraph.gml"), { file });
    expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [], rules: [gmlIdentifiers.id] });
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["0", { name: "FhG", type: "research" }],
        ["1", { name: "KUL", type: "university" }],
        ["2", { name: "PHI", type: "firm" }],
      ],
      edges: [
        ["1", "0", { weight: 2.5 }],
        ["2", "1", { weight: 1 }],
      ],
    });
  });

  it("R igraph → linkscale: igraph's numbers as ids, its names as names; R's missing text arrives as the text NA", () => {
    // peers/r_igraph.R built this network in R igraph (vertex names, a country missing) and wrote
    // it with write_graph(format = "gml"). R igraph writes a missing character value as "NA",
    // which is Namibia's code: no reader can tell them apart (README, format table).
    const load = readGml(peerFile("from-r-igraph.gml"), { file });
    expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [], rules: [gmlIdentifiers.id] });
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["0", { name: "FhG", type: "research", country: "DE" }],
        ["1", { name: "KUL", type: "university", country: "NA" }],
        ["2", { name: "PHI", type: "firm", country: "NL" }],
      ],
      edges: [
        ["1", "0", { weight: 2.5 }],
        ["2", "1", { weight: 1 }],
      ],
    });
  });

  it("reads Gephi's drawing and its display labels", () => {
    // Hand-made in the form Gephi 0.10 exports (ids as numbers, label as a display name, graphics).
    const text = `graph
[
  node
  [
    id 1
    label "Fraunhofer"
    graphics
    [
      x -12.5
      y 40.0
      w 10.0
      fill "#FF0000"
    ]
  ]
  node [ id 2 label "Fraunhofer" ]
  edge [ id 7 source 1 target 2 value 3.0 ]
]
`;
    const load = readGml(text, { file });
    expect(load).toMatchObject({ nodesRead: 2, linksRead: 1, rejected: [], rules: [gmlIdentifiers.id] });
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["1", { x: -12.5, y: 40, size: 10, color: "#FF0000", name: "Fraunhofer" }],
        ["2", { name: "Fraunhofer" }],
      ],
      edges: [["1", "2", { value: 3, weight: 1 }]],
    });
  });

  it("is read from a .gml file by loadFiles", () => {
    const loaded = loadFiles([{ name: "network.gml", text: writeGml(loadFixture()) }]);
    expect(loaded.form).toBe("graph");
    if (loaded.form === "graph") expect(contents(loaded.load.graph)).toStrictEqual(contents(loadFixture()));
  });
});

describe("readGml on bad input", () => {
  it("names the line and column where the file stops being GML", () => {
    expect(readGml('graph [\n  node [ id 1 label "a ]\n]\n', { file }).error).toBe(gmlMessages.syntax(2, 21, "a string that is never closed"));
    expect(readGml("graph [\n  node [ id 1 ]\n", { file }).error).toBe(gmlMessages.syntax(3, 1, "the file ends inside a [ … ]"));
    expect(readGml("graph [\n  node [ id 1 ] ]\n]\n", { file }).error).toBe(gmlMessages.syntax(3, 1, "a ] that closes no ["));
    expect(readGml("graph [\n  node [ id @ ]\n]\n", { file }).error).toBe(gmlMessages.syntax(2, 13, 'cannot read "@"'));
    expect(readGml("", { file }).error).toBe(gmlMessages.noGraph());
    expect(readGml("graph [ ]\ngraph [ ]\n", { file }).error).toBe(gmlMessages.secondGraph(2));
  });

  it("rejects a node without an id, a repeated id and a link to no node, each at its line", () => {
    const text = 'graph [\n  node [ id 1 ]\n  node [ label "x" ]\n  node [ id 1 ]\n  node [ id 2 ]\n  edge [ source 1 target 9 ]\n  edge [ source 1 target 2 ]\n]\n';
    const load = readGml(text, { file });
    expect([load.graph.order, load.graph.size]).toEqual([2, 1]);
    expect(load.rejected).toEqual([
      { file, row: 3, problems: [{ column: "nodes[1].id", message: gmlMessages.noId() }] },
      { file, row: 4, problems: [{ column: "nodes[2].id", message: gmlMessages.repeatedId("1", 2) }] },
      { file, row: 6, problems: [{ column: "edges[0].target", message: graphMessages.unknownNode("9") }] },
    ]);
  });

  it("refuses to write what GML cannot hold as it is", () => {
    const graph = loadFixture();
    graph.setNodeAttribute("NL-TNO", "post code", "2595");
    expect(() => writeGml(graph)).toThrow(new UnwritableGraphError("io/formats/gml", gmlMessages.unwritableName('node "NL-TNO"', "post code")));
  });
});
