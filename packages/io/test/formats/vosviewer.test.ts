/**
 * VOSviewer's map and network files and VOSviewer Online's JSON, read and written.
 *
 * No VOSviewer runs here: the desktop VOSviewer needs Java, which the test machines have not (and
 * may not download), and VOSviewer Online runs in a browser on its own site. So the round trips
 * through VOSviewer itself are not automated. What stands in for them: the files below are
 * hand-made in the exact forms of VOSviewer's own (the documentation's columns and JSON fields,
 * the quoting, tab separation and CRLF line ends of the map files in VOSviewer Online's data/
 * folder, the item-level weight<…> fields VOSviewer's JSON carries beside "weights"), and the
 * writers' output is pinned in golden files to be opened in VOSviewer by hand.
 */
import { createAllianceGraph, type AnyGraph } from "@linkscale/core/model";
import { describe, expect, it } from "vitest";
import { detectVosviewerFile } from "../../src/detect.ts";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { graphMessages, type GraphLoad } from "../../src/formats/graph-load.ts";
import { readJsonGraph } from "../../src/formats/json-graph.ts";
import { readVosviewerFiles, readVosviewerMap, readVosviewerNetwork, vosviewerFileMessages, writeVosviewerMap, writeVosviewerNetwork } from "../../src/formats/vosviewer-files.ts";
import { vosviewerMessages, vosviewerRules } from "../../src/formats/vosviewer-items.ts";
import { readVosviewerJson, vosviewerJsonMessages, writeVosviewerJson } from "../../src/formats/vosviewer-json.ts";
import { delimitedMessages } from "../../src/formats/vosviewer-text.ts";
import { InputError, loadFiles, loadMessages } from "../../src/load-files.ts";
import { messages } from "../../src/problems.ts";
import { contents, expectGolden, loadFixture } from "./fixture.ts";

const MAP = "map.txt";
const NETWORK = "network.txt";

function pair(map: string, network: string): GraphLoad {
  return readVosviewerFiles({ map: { name: MAP, text: map }, network: { name: NETWORK, text: network } });
}

/** Every item read is in the graph or rejected (graph-load.ts's invariant). */
function expectAccounted(load: GraphLoad): void {
  expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
}

/** The fixture as the map and network files give it back: ids, names, link weights; clusters as numbers. */
function fixtureThroughMapFiles() {
  // The fixture's clusters, numbered in the order they first appear: bavaria-mobility (DE-MUELLER)
  // 1, paris-saclay (FR-SACLAY) 2, galicia-auto (ES-CEAGA) 3.
  const vosCluster: Record<string, number> = { "DE-MUELLER": 1, "FR-SACLAY": 2, "ES-CEAGA": 3 };
  const graph = loadFixture();
  return {
    nodes: graph.mapNodes((key, { name }) => [key, { ...(vosCluster[key] === undefined ? {} : { vosCluster: vosCluster[key] }), ...(name === undefined ? {} : { name }) }]),
    edges: graph.mapEdges((_edge, { weight }, source, target) => [source, target, { weight }]),
  };
}

describe("VOSviewer map and network files: round trip of the fixture", () => {
  it("keep ids, names, link weights and the clusters' partition; lose every other attribute, named here", () => {
    const graph = loadFixture();
    const map = writeVosviewerMap(graph);
    const network = writeVosviewerNetwork(graph);
    expectGolden("fixture.vosviewer-map.txt", map);
    expectGolden("fixture.vosviewer-network.txt", network);
    const load = pair(map, network);
    expect(load).toMatchObject({ file: `${MAP} + ${NETWORK}`, nodesRead: 6, linksRead: 7, rejected: [] });
    expect(load.rules).toEqual([vosviewerRules.cluster]);
    expect(contents(load.graph)).toStrictEqual(fixtureThroughMapFiles());
    // Lost: of the organisations, type, country, region, city, lat, lon, valueChainStage, postCode
    // and the clusters' names (cluster comes back as vosCluster, a number); of the links,
    // projectCount, firstYear, lastYear, kind, projects and programme.
    const kept = new Set(load.graph.mapNodes((_key, attributes) => Object.keys(attributes)).flat());
    const lostOfNodes = [...new Set(graph.mapNodes((_key, attributes) => Object.keys(attributes)).flat())].filter((name) => !kept.has(name));
    expect(lostOfNodes).toEqual(["type", "country", "region", "city", "lat", "lon", "cluster", "valueChainStage", "postCode"]);
    const lostOfLinks = [...new Set(graph.mapEdges((_edge, attributes) => Object.keys(attributes)).flat())].filter((name) => name !== "weight");
    expect(lostOfLinks).toEqual(["projectCount", "firstYear", "lastYear", "kind", "projects", "programme"]);
  });

  it("keep positions, VOSviewer's clusters, weights and scores, descriptions and URLs exactly", () => {
    const graph = createAllianceGraph();
    graph.addNode("1", { name: "Fraunhofer, IIS", x: -0.5, y: 0.25, vosCluster: 2, "weight<Links>": 1, "weight<Total link strength>": 3, "score<Avg. pub. year>": 2017.5, url: "https://www.iis.fraunhofer.de/", description: "<b>IIS</b>; Erlangen" });
    graph.addNode("2", { name: 'KU "Leuven"', x: 0.75, y: -1e-7, vosCluster: 1, "weight<Links>": 1, "weight<Total link strength>": 3, "score<Avg. pub. year>": 2019 });
    graph.addEdge("1", "2", { weight: 3 });
    const load = pair(writeVosviewerMap(graph), writeVosviewerNetwork(graph));
    expect(load.rejected).toEqual([]);
    expect(load.rules).toEqual([vosviewerRules.cluster, vosviewerRules.weightsAndScores]);
    expect(contents(load.graph)).toStrictEqual(contents(graph));
  });

  it("write x and y only when every organisation has both (VOSviewer lays out a map with none itself)", () => {
    const graph = createAllianceGraph();
    graph.addNode("a", { x: 1, y: 2 });
    graph.addNode("b", { x: 3 });
    expect(writeVosviewerMap(graph)).toBe("id\tlabel\na\ta\nb\tb\n");
    graph.setNodeAttribute("b", "y", 4);
    expect(writeVosviewerMap(graph)).toBe("id\tlabel\tx\ty\na\ta\t1\t2\nb\tb\t3\t4\n");
  });
});

describe("VOSviewer Online JSON: round trip of the fixture", () => {
  it("keeps every attribute but the model's cluster, which comes back as VOSviewer's (vosCluster, vosClusterLabel)", () => {
    const graph = loadFixture();
    const text = writeVosviewerJson(graph);
    expectGolden("fixture.vosviewer.json", text);
    const load = readVosviewerJson(text, { file: "network.json" });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [] });
    expect(load.rules).toEqual([vosviewerRules.cluster, vosviewerRules.clusterLabels]);
    const expected = graph.copy();
    expected.updateEachNodeAttributes((_key, { cluster, ...attributes }) => {
      if (cluster === undefined) return attributes;
      const number = ({ "bavaria-mobility": 1, "paris-saclay": 2, "galicia-auto": 3 } as Record<string, number>)[cluster as string];
      return { ...attributes, vosCluster: number, vosClusterLabel: cluster };
    });
    // Attribute order aside: the JSON writes VOSviewer's fields first.
    const sorted = (graph: AnyGraph) => {
      const { nodes, edges } = contents(graph);
      return { nodes: nodes.map(([key, attributes]) => [key, Object.fromEntries(Object.entries(attributes as object).sort())]), edges };
    };
    expect(sorted(load.graph)).toStrictEqual(sorted(expected));
  });

  it("keeps VOSviewer's own clusters and their labels, positions, weights and scores exactly", () => {
    const graph = createAllianceGraph();
    graph.addNode("7", { name: "Philips", x: 0.1, y: -0.2, vosCluster: 4, vosClusterLabel: "Lighting", "weight<Documents>": 12, "score<Avg. citations>": -0.5, country: "NL" });
    graph.addNode("9", { name: "TU/e", x: 0.3, y: 0.4, vosCluster: 4, vosClusterLabel: "Lighting", "weight<Documents>": 0 });
    graph.addEdge("7", "9", { weight: 5, kind: "co-publication" });
    const load = readVosviewerJson(writeVosviewerJson(graph), { file: "network.json" });
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual(contents(graph));
  });
});

// A map file in the form of VOSviewer's own exports: tab-separated, labels holding a comma
// quoted, CRLF line ends (VOSviewer on Windows), integer ids. Hand-made organisations.
const VOS_MAP = [
  "id\tlabel\tx\ty\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Documents>\tscore<Avg. pub. year>",
  '1\t"fraunhofer, iis"\t0.4211\t-0.1034\t1\t2\t5\t14\t2016.5',
  "2\tku leuven\t-0.3187\t0.2276\t2\t1\t4\t9\t2018",
  '3\t"philips; research"\t0.0542\t0.5518\t1\t1\t1\t3\t2019.3333',
  "",
].join("\r\n");
const VOS_NETWORK = "1\t2\t4\r\n1\t3\t1\r\n";

describe("VOSviewer's own files", () => {
  it("are read as VOSviewer writes them: quoted labels, CRLF, weight<…> and score<…> columns", () => {
    const load = pair(VOS_MAP, VOS_NETWORK);
    expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [] });
    expect(load.rules).toEqual([vosviewerRules.cluster, vosviewerRules.weightsAndScores]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["1", { x: 0.4211, y: -0.1034, vosCluster: 1, "weight<Links>": 2, "weight<Total link strength>": 5, "weight<Documents>": 14, "score<Avg. pub. year>": 2016.5, name: "fraunhofer, iis" }],
        ["2", { x: -0.3187, y: 0.2276, vosCluster: 2, "weight<Links>": 1, "weight<Total link strength>": 4, "weight<Documents>": 9, "score<Avg. pub. year>": 2018, name: "ku leuven" }],
        ["3", { x: 0.0542, y: 0.5518, vosCluster: 1, "weight<Links>": 1, "weight<Total link strength>": 1, "weight<Documents>": 3, "score<Avg. pub. year>": 2019.3333, name: "philips; research" }],
      ],
      edges: [
        ["1", "2", { weight: 4 }],
        ["1", "3", { weight: 1 }],
      ],
    });
  });

  it("are read comma- or semicolon-separated, column names in any case, as VOSviewer Online reads them", () => {
    const comma = pair('ID,Label,X,Y\n1,"a, b",1,2\n2,c,3,4\n', "1,2,2.5\n");
    const semicolon = pair('id;label;x;y\n1;"a, b";1;2\n2;c;3;4\n', "1;2;2.5\n");
    for (const load of [comma, semicolon]) {
      expect(load.rejected).toEqual([]);
      expect(contents(load.graph)).toStrictEqual({
        nodes: [
          ["1", { x: 1, y: 2, name: "a, b" }],
          ["2", { x: 3, y: 4, name: "c" }],
        ],
        edges: [["1", "2", { weight: 2.5 }]],
      });
    }
  });

  it("read a network line of two fields as strength 1, a quote inside a field as a character, blank values as none", () => {
    const load = pair('id\tlabel\tcluster\tweight<Links>\tdescription\n1\tthe "one"\t\t\t\n2\tNULL\tnan\t0\t<i>two</i>\n', "1\t2\n");
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["1", { name: 'the "one"' }],
        // VOSviewer Online reads "null" and "NaN" as no value, in any case.
        ["2", { "weight<Links>": 0, description: "<i>two</i>", name: "NULL" }],
      ],
      edges: [["1", "2", { weight: 1 }]],
    });
  });

  it("read a column VOSviewer does not define as text, and a map without ids by its labels", () => {
    const load = readVosviewerMap("label\tx\ty\tsub_label\nAlpha\t1\t2\t007\nBeta\t3\t4\t\n", { file: MAP });
    expect(load.rules).toEqual([vosviewerRules.labelIsId]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["Alpha", { x: 1, y: 2, sub_label: "007" }],
        ["Beta", { x: 3, y: 4 }],
      ],
      edges: [],
    });
    expect(readVosviewerFiles({ map: { name: MAP, text: "label\tx\ty\nAlpha\t1\t2\n" }, network: { name: NETWORK, text: "Alpha\tAlpha\n" } }).error).toBe(
      `${MAP}: ${vosviewerFileMessages.noIdForNetwork()}`,
    );
  });

  it("read a network file alone, its ids as organisations, naming the rule", () => {
    const load = readVosviewerNetwork("1\t2\t3\n2\t3\t1\n", { file: NETWORK });
    expect(load).toMatchObject({ file: NETWORK, nodesRead: 3, linksRead: 2, rejected: [], rules: [vosviewerRules.networkAlone] });
    expect(load.graph.nodes()).toEqual(["1", "2", "3"]);
  });
});

describe("VOSviewer map and network files on bad input", () => {
  it("reject each bad line with its file, line and column, never dropping one", () => {
    const map = [
      "id\tlabel\tx\ty\tcluster\tweight<Links>",
      "1\tA\t0.1\t0.2\t1\t2",
      "2\tB\t0.3", // too few fields
      "3\tC\tleft\t0.4\t1\t1", // x no number
      "4\tD\t0.5\t0.6\t1001\t1", // cluster out of VOSviewer's range
      "5\tE\t0.7\t0.8\t2\t-1", // negative weight
      "1\tF\t0.9\t1.0\t2\t1", // id given twice
      "6\tG\t1.1\t1.2\t2\t3",
    ].join("\n");
    const network = [
      "1\t6\t2",
      "1", // one field
      "1\t6\t1\t9", // four fields
      "6\t1\tstrong", // strength no number
      "1\t99\t1", // no such id
      "6\t1\t3", // the pair of line 1 again
      "2\t6\t1", // a rejected organisation
      "1\t6\t0", // the first line's pair again, and a strength the model refuses
    ].join("\n");
    const load = pair(map, network);
    expectAccounted(load);
    expect([load.graph.order, load.graph.size]).toEqual([2, 1]);
    expect(load.rejected).toEqual([
      { file: MAP, row: 3, problems: [{ message: messages.fieldCount(3, 6) }] },
      { file: MAP, row: 4, problems: [{ column: "x", message: messages.notANumber("left") }] },
      { file: MAP, row: 5, problems: [{ column: "cluster", message: vosviewerMessages.notACluster('"1001"') }] },
      { file: MAP, row: 6, problems: [{ column: "weight<Links>", message: vosviewerMessages.negativeWeight("-1") }] },
      { file: MAP, row: 7, problems: [{ message: messages.duplicateOrganisation("1", "line 2"), repeats: "line 2" }] },
      { file: NETWORK, row: 2, problems: [{ message: vosviewerFileMessages.networkFields(1) }] },
      { file: NETWORK, row: 3, problems: [{ message: vosviewerFileMessages.networkFields(4) }] },
      { file: NETWORK, row: 4, problems: [{ column: "strength", message: messages.notANumber("strong") }] },
      { file: NETWORK, row: 5, problems: [{ message: graphMessages.unknownNode("99") }] },
      { file: NETWORK, row: 6, problems: [{ message: messages.duplicateLink("6", "1", "line 1"), repeats: "line 1" }] },
      { file: NETWORK, row: 7, problems: [{ message: graphMessages.rejectedEnd("2", "line 3") }] },
      { file: NETWORK, row: 8, problems: [{ message: "weight must be positive (was 0)" }] },
    ]);
  });

  it("refuse a file that cannot be read at all, naming it and the line", () => {
    expect(pair('id\tlabel\n1\t"open\n2\tB\n', "").error).toBe(`${MAP}: ${delimitedMessages.unclosedQuote(2)}`);
    expect(pair('id\tlabel\n1\t"A" B\n', "").error).toBe(`${MAP}: ${delimitedMessages.textAfterQuote(2)}`);
    expect(pair("id\tlabel\tx\tX\n", "").error).toBe(`${MAP}: ${messages.duplicateColumn("X")}`);
    expect(pair("id\tlabel\t\tx\n", "").error).toBe(`${MAP}: ${vosviewerFileMessages.unnamedColumn(3)}`);
    expect(pair("", "").error).toBe(`${MAP}: ${messages.emptyFile()}`);
    expect(pair("id\tlabel\n1\tA\n", '1\t"2\n').error).toBe(`${NETWORK}: ${delimitedMessages.unclosedQuote(1)}`);
    expect(readVosviewerMap("x\ty\n1\t2\n", { file: MAP }).error).toBe(vosviewerFileMessages.noIdOrLabel(["x", "y"]));
  });
});

describe("VOSviewer writers", () => {
  it("quote a value holding a tab, comma, semicolon, quote or line break, as VOSviewer does, and read it back", () => {
    const graph = createAllianceGraph();
    const names = ["tab\there", "a, b", "a; b", 'say "hi"', "two\nlines", "plain"];
    names.forEach((name, index) => graph.addNode(`o${index}`, { name }));
    graph.addNode("id, with comma", { name: "x" });
    graph.addEdge("o0", "id, with comma", { weight: 2 });
    const map = writeVosviewerMap(graph);
    expect(map.split("\n").slice(1, 5)).toEqual(['o0\t"tab\there"', 'o1\t"a, b"', 'o2\t"a; b"', 'o3\t"say ""hi"""']);
    expect(writeVosviewerNetwork(graph)).toBe('o0\t"id, with comma"\t2\n');
    const load = pair(map, writeVosviewerNetwork(graph));
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual(contents(graph));
  });

  it("number the model's clusters in order of first appearance, unless any organisation has VOSviewer's own", () => {
    const graph = createAllianceGraph();
    graph.addNode("a", { cluster: "north" });
    graph.addNode("b", { cluster: "south" });
    graph.addNode("c", { cluster: "north" });
    graph.addNode("d");
    expect(writeVosviewerMap(graph)).toBe("id\tlabel\tcluster\na\ta\t1\nb\tb\t2\nc\tc\t1\nd\td\t\n");
    graph.setNodeAttribute("d", "vosCluster", 7);
    // vosCluster wins: the model's cluster has no field left, and is not written.
    expect(writeVosviewerMap(graph)).toBe("id\tlabel\tcluster\na\ta\t\nb\tb\t\nc\tc\t\nd\td\t7\n");
  });

  it("refuse what VOSviewer would refuse, rather than write it", () => {
    const refused = (attributes: Record<string, unknown>, write: (graph: AnyGraph) => string = writeVosviewerMap) => {
      const graph = createAllianceGraph();
      graph.addNode("a", attributes);
      return () => write(graph);
    };
    const module = "io/formats/vosviewer-files";
    expect(refused({ "weight<Links>": "two" })).toThrow(new UnwritableGraphError(module, vosviewerMessages.unwritableNumber('organisation "a"', "weight<Links>", "two")));
    expect(refused({ "weight<Links>": -1 })).toThrow(new UnwritableGraphError(module, vosviewerMessages.unwritableNumber('organisation "a"', "weight<Links>", -1)));
    expect(refused({ vosCluster: 0 })).toThrow(new UnwritableGraphError(module, vosviewerMessages.unwritableCluster('organisation "a"', 0)));
    expect(refused({ url: 42 })).toThrow(new UnwritableGraphError(module, vosviewerMessages.unwritableText('organisation "a"', "url", 42)));
    const json = "io/formats/vosviewer-json";
    expect(refused({ weights: 3 }, writeVosviewerJson)).toThrow(new UnwritableGraphError(json, vosviewerJsonMessages.reservedName('organisation "a"', "weights")));
    expect(refused({ Cluster: "north" }, writeVosviewerJson)).toThrow(new UnwritableGraphError(json, vosviewerJsonMessages.reservedName('organisation "a"', "Cluster")));
    expect(refused({ scoreCard: "A+" }, writeVosviewerJson)).toThrow(new UnwritableGraphError(json, vosviewerJsonMessages.weightOrScoreName('organisation "a"', "scoreCard", "A+")));
    const many = createAllianceGraph();
    for (let i = 0; i <= 1000; i++) many.addNode(`o${i}`, { cluster: `c${i}` });
    expect(() => writeVosviewerMap(many)).toThrow(new UnwritableGraphError(module, vosviewerMessages.tooManyClusters(1001)));
  });
});

// VOSviewer Online's JSON as its data/ folder holds it: numeric ids, weights and scores, an
// item-level weight<…> beside "weights" (which VOSviewer writes), extra fields (Dimensions' files
// carry some), cluster labels and a config. Hand-made values.
const VOS_JSON = JSON.stringify({
  config: { terminology: { item: "Research organization", items: "Research organizations" }, parameters: { scale: 1.2 } },
  network: {
    items: [
      { id: 11, label: "Delft University of Technology", address: "Delft, Netherlands", x: 0.25, y: -0.5, cluster: 2, "weight<Publications>": 40, weights: { Publications: 40 }, scores: { "Avg. pub. year": 2020.4 } },
      { id: 12, label: "TNO", x: -0.125, y: 0.75, cluster: 1, weights: { Publications: 8 } },
      { id: 13, label: "ASML", x: 0.5, y: 0.5, cluster: null, url: "https://www.asml.com" },
    ],
    links: [
      { source_id: 11, target_id: 12, strength: 6 },
      { source_id: 11, target_id: 13, strength: 2, description: "joint patents" },
    ],
    clusters: [{ cluster: 2, label: "Universities" }],
  },
});

describe("VOSviewer Online JSON", () => {
  it("is read as VOSviewer Online reads it: ids as text, weights and scores, extra fields kept, config not read", () => {
    const load = readVosviewerJson(VOS_JSON, { file: "network.json" });
    expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [] });
    expect(load.rules).toEqual([vosviewerRules.cluster, vosviewerRules.clusterLabels, vosviewerRules.weightsAndScores]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["11", { address: "Delft, Netherlands", x: 0.25, y: -0.5, vosCluster: 2, vosClusterLabel: "Universities", "weight<Publications>": 40, "score<Avg. pub. year>": 2020.4, name: "Delft University of Technology" }],
        ["12", { x: -0.125, y: 0.75, vosCluster: 1, "weight<Publications>": 8, name: "TNO" }],
        ["13", { x: 0.5, y: 0.5, url: "https://www.asml.com", name: "ASML" }],
      ],
      edges: [
        ["11", "12", { weight: 6 }],
        ["11", "13", { description: "joint patents", weight: 2 }],
      ],
    });
  });

  it("is what a .json file holding it is read as, by its content", () => {
    expect(readJsonGraph(VOS_JSON, { file: "network.json" }).rules).toContain(vosviewerRules.cluster);
    const loaded = loadFiles([{ name: "network.json", text: VOS_JSON }]);
    expect(loaded.form).toBe("graph");
    if (loaded.form === "graph") expect([loaded.load.graph.order, loaded.load.graph.size]).toEqual([3, 2]);
  });

  it("reads links without items as VOSviewer Online does: their ids are the organisations", () => {
    const load = readVosviewerJson('{"network": {"links": [{"source_id": 1, "target_id": 2}]}}', { file: "network.json" });
    expect(load).toMatchObject({ nodesRead: 2, linksRead: 1, rejected: [], rules: [vosviewerRules.itemsFromLinks] });
    expect(contents(load.graph).edges).toEqual([["1", "2", { weight: 1 }]]);
  });

  it("rejects each bad item or link with its path, and refuses a file whose lists it cannot read", () => {
    const file = "network.json";
    const text = JSON.stringify({
      network: {
        items: [
          { id: 1, x: "left", y: 0 },
          { id: 2, cluster: 0, weights: { Links: -2 } },
          { id: 3, "weight<Links>": 2, weights: { Links: 3 } },
          { label: "no id" },
          { id: 5, scores: [1] },
          { id: 6 },
          { id: 7 },
        ],
        links: [{ source_id: 6, target_id: 7, strength: 1 }, { source_id: 6 }, { source_id: 6, target_id: 8 }, { source_id: 6, target_id: 7, strength: 2 }, { source_id: 7, target_id: 6, strength: 1, weight: 1 }],
      },
    });
    const load = readVosviewerJson(text, { file });
    expectAccounted(load);
    expect(load.rejected).toEqual([
      { file, row: 1, problems: [{ column: "items[0].x", message: messages.notANumber("left") }] },
      {
        file,
        row: 2,
        problems: [
          { column: "items[1].cluster", message: vosviewerMessages.notACluster("0") },
          { column: "items[1].weights.Links", message: vosviewerMessages.negativeWeight("-2") },
        ],
      },
      { file, row: 3, problems: [{ column: "items[2].weights.Links", message: vosviewerMessages.bothWeights("weight<Links>", "items[2].weight<Links>", "items[2].weights.Links") }] },
      { file, row: 4, problems: [{ column: "items[3]", message: vosviewerJsonMessages.notAnItem() }] },
      { file, row: 5, problems: [{ column: "items[4].scores", message: vosviewerJsonMessages.notAnObject("scores") }] },
      { file, row: 2, problems: [{ column: "links[1]", message: vosviewerJsonMessages.notALink() }] },
      { file, row: 3, problems: [{ column: "links[2].target", message: graphMessages.unknownNode("8") }] },
      { file, row: 4, problems: [{ column: "links[3]", message: messages.duplicateLink("6", "7", "links[0]"), repeats: "links[0]" }] },
      { file, row: 5, problems: [{ column: "links[4].weight", message: vosviewerJsonMessages.weightAndStrength() }] },
    ]);
    expect(readVosviewerJson('{"network": {"items": {}}}', { file }).error).toBe(vosviewerJsonMessages.notAList("items"));
    expect(readVosviewerJson('{"network": {"items": [], "nodes": []}}', { file }).error).toMatch(/^VOSviewer JSON's network has no "nodes"/);
    expect(readVosviewerJson('{"network": {"items": [], "clusters": [{"cluster": "two"}]}}', { file }).error).toBe(vosviewerJsonMessages.badCluster(0));
    expect(readVosviewerJson('{"nodes": []}', { file }).error).toBe(vosviewerJsonMessages.notVosviewer());
  });
});

describe("VOSviewer files recognised by their content", () => {
  const ORGANISATIONS = "id,name,cluster\na,Alpha,north\nb,Beta,south\n";

  it("a map file by its header, a network file beside it by its lines; linkscale's tables stay tables", () => {
    expect(detectVosviewerFile(VOS_MAP, { beside: "nothing" })).toBe("map");
    expect(detectVosviewerFile(VOS_NETWORK, { beside: "map" })).toBe("network");
    expect(detectVosviewerFile(VOS_NETWORK, { beside: "nothing" })).toBe("network");
    // Two fields a line: a network file beside a map file, anything alone.
    expect(detectVosviewerFile("1\t2\n2\t3\n", { beside: "map" })).toBe("network");
    expect(detectVosviewerFile("1\t2\n2\t3\n", { beside: "nothing" })).toBeUndefined();
    // An organisation table has an id, and may have a cluster, x and y, and even a label.
    for (const table of [ORGANISATIONS, "id\tname\tx\ty\na\tAlpha\t1\t2\n", "id\tlabel\tcountry\tcluster\na\tA\tDE\tnorth\n", "id\tcluster\na\tnorth\n"]) {
      expect(detectVosviewerFile(table, { beside: "nothing" })).toBeUndefined();
    }
    // A weight<…> column is VOSviewer's alone.
    expect(detectVosviewerFile("id\tname\tweight<Links>\na\tAlpha\t2\n", { beside: "nothing" })).toBe("map");
    const tables = loadFiles([{ name: "organisations.csv", text: ORGANISATIONS }]);
    expect(tables.form).toBe("tables");
  });

  it("loads a map and a network file as one network, in either order, and a folder holding them", () => {
    for (const files of [
      [
        { name: MAP, text: VOS_MAP },
        { name: NETWORK, text: VOS_NETWORK },
      ],
      [
        { name: NETWORK, text: VOS_NETWORK },
        { name: MAP, text: VOS_MAP },
      ],
      [
        { name: "vos/README.txt", text: "Exported from VOSviewer\n", found: true },
        { name: `vos/${MAP}`, text: VOS_MAP, found: true },
        { name: `vos/${NETWORK}`, text: VOS_NETWORK, found: true },
      ],
    ]) {
      const loaded = loadFiles(files);
      expect(loaded.form).toBe("graph");
      if (loaded.form !== "graph") continue;
      expect([loaded.load.graph.order, loaded.load.graph.size, loaded.load.rejected.length]).toEqual([3, 2, 0]);
      const folder = files.length === 3 ? "vos/" : "";
      expect(loaded.files).toEqual([`${folder}${MAP}`, `${folder}${NETWORK}`]);
      if (folder !== "") expect(loaded.skipped).toEqual([loadMessages.notATable("vos/README.txt", "Exported from VOSviewer")]);
    }
    const lone = loadFiles([{ name: NETWORK, text: VOS_NETWORK }]);
    expect(lone.form === "graph" && lone.load.rules).toEqual([vosviewerRules.networkAlone]);
  });

  it("refuses other tables beside them and a second map file; a broken network file beside a map is read as its network file", () => {
    expect(() =>
      loadFiles([
        { name: MAP, text: VOS_MAP },
        { name: NETWORK, text: VOS_NETWORK },
        { name: "organisations.csv", text: ORGANISATIONS },
      ]),
    ).toThrow(new InputError(loadMessages.vosviewerAlone([MAP, NETWORK], "organisations.csv")));
    expect(() =>
      loadFiles([
        { name: MAP, text: VOS_MAP },
        { name: "map2.txt", text: VOS_MAP },
      ]),
    ).toThrow(new InputError(loadMessages.vosviewerMaps([MAP, "map2.txt"])));
    expect(() => loadFiles([{ name: MAP, text: VOS_MAP }, { name: NETWORK, text: '1\t"2\n' }])).toThrow(new InputError(`${NETWORK}: ${delimitedMessages.unclosedQuote(1)}`));
  });
});
