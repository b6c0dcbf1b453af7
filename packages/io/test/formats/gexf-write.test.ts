/**
 * The streamed GEXF writer (gexf-write.ts) against graphology-gexf 0.13, the library it replaces
 * for writing: both are handed the same elements, and the texts must be equal byte for byte (but
 * the viz namespace, which graphology-gexf misspells). The graphs hold what the writer's rules
 * are about: mixed edge types, every value type and their mixes, empty values, integer-like
 * attribute names, text needing escapes, viz records, graph attributes, empty graphs.
 */
import { MultiGraph } from "graphology";
import { write } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import type { AttributeMap } from "../../src/formats/graph-load.ts";
import { writeGexfPieces, type GexfElement, type GexfFormat } from "../../src/formats/gexf-write.ts";
import type { Viz } from "../../src/formats/gexf-viz.ts";

/** Each element as graphology-gexf's default formatter would split it: label, weight, viz names, the rest. */
const FORMAT: GexfFormat = {
  node: (_key, attributes) => split(attributes, false),
  edge: (_source, _target, attributes) => split(attributes, true),
};

function split(attributes: AttributeMap, isEdge: boolean): GexfElement {
  const element: GexfElement = { attributes: {} };
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "label") element.label = value as string;
    else if (isEdge && name === "weight") element.weight = value as number;
    else if (name === "viz") element.viz = value as Viz;
    else element.attributes[name] = value;
  }
  return element;
}

function streamed(graph: MultiGraph, pieceSink: string[] = []): string {
  writeGexfPieces(graph, FORMAT, (piece) => pieceSink.push(piece));
  return pieceSink.join("");
}

function byLibrary(graph: MultiGraph): string {
  const text = write(graph, {
    version: "1.2",
    pretty: true,
    formatNode: (key, attributes) => ({ ...split(attributes, false), key }) as never,
    formatEdge: (key, attributes) => ({ ...split(attributes, true), key }) as never,
  });
  return text.replace('xmlns:viz="http:///www.gexf.net/1.1draft/viz"', 'xmlns:viz="http://www.gexf.net/1.2draft/viz"') + "\n";
}

/** Edges keyed 0, 1, … as the writer numbers them. */
function graphOf(type: "mixed" | "directed" | "undirected", nodes: Array<[string, AttributeMap]>, edges: Array<[string, string, AttributeMap, boolean?]>, attributes: AttributeMap = {}) {
  const graph = new MultiGraph({ type, allowSelfLoops: true });
  graph.replaceAttributes(attributes);
  for (const [key, values] of nodes) graph.addNode(key, values);
  edges.forEach(([source, target, values, directed], index) => {
    if (directed) graph.addDirectedEdgeWithKey(String(index), source, target, values);
    else graph.addUndirectedEdgeWithKey(String(index), source, target, values);
  });
  return graph;
}

describe("writeGexfPieces", () => {
  it("writes what graphology-gexf writes, byte for byte", () => {
    const graphs = {
      empty: graphOf("undirected", [], []),
      "nodes alone": graphOf("undirected", [["a", {}], ["b", { label: "B" }]], []),
      "every kind of value": graphOf(
        "undirected",
        [
          ["a&<\"'>", { label: 'tab\tline\nreturn\r & <b> "q"', count: 3, share: 0.5, big: 2 ** 40, flag: true, text: "x", "2020": 1, "10": "ten", empty: "", none: null, nan: NaN }],
          ["b", { count: "three", share: 2, flag: false, text: 7, "2020": 2.5, zero: 0 }],
          ["c", { viz: { color: "rgb(255,0,16)", size: 3, x: 1.5, y: -2, z: 0, shape: "disc" } }],
          ["d", { viz: { color: "rgba(0,0,0,0)", x: 0, y: 0 } }],
        ],
        [
          ["a&<\"'>", "b", { weight: 0, label: "first", year: 2019 }],
          ["b", "c", { weight: 2.25, kind: "co-project", viz: { thickness: 2, color: "rgb(1,2,3)", shape: "dashed" } }],
          ["c", "d", { year: "2019–2020", note: "" }],
        ],
      ),
      mixed: graphOf("mixed", [["a", {}], ["b", {}], ["c", {}]], [["a", "b", {}, true], ["b", "c", {}], ["c", "a", { weight: 1 }, true]]),
      "mixed, all directed": graphOf("mixed", [["a", {}], ["b", {}]], [["a", "b", {}, true]]),
      directed: graphOf("directed", [["a", {}], ["b", {}]], [["a", "b", { weight: 5 }, true], ["b", "a", { weight: 6 }, true]]),
      "graph attributes": graphOf("undirected", [["a", {}]], [], { lastModifiedDate: "2026-12-06", creator: "linkscale & co", "two words": 2, list: [1, 2], empty: "" }),
    };
    for (const [what, graph] of Object.entries(graphs)) expect(streamed(graph), what).toBe(byLibrary(graph));
  });

  it("hands the text on in pieces that join to the whole", () => {
    const nodes: Array<[string, AttributeMap]> = Array.from({ length: 3000 }, (_, i) => [`node-${i}`, { label: `Organisation ${i}`, count: i }]);
    const edges: Array<[string, string, AttributeMap]> = Array.from({ length: 2999 }, (_, i) => [`node-${i}`, `node-${i + 1}`, { weight: i / 7 }]);
    const graph = graphOf("undirected", nodes, edges);
    const pieces: string[] = [];
    expect(streamed(graph, pieces)).toBe(byLibrary(graph));
    expect(pieces.length).toBeGreaterThan(3);
  });
});
