/**
 * Gephi's own sample files (peers/gephi/, sources in its README) read as a Gephi user would open
 * them. Expected: peers/gephi/expected.json, which peers/gephi_samples.py wrote from NetworkX 2.8.8's
 * and python-igraph 0.10.2's reading of the same files.
 */
import { describe, expect, it } from "vitest";
import type { AllianceGraph } from "@linkscale/core/model";
import { readGexf, writeGexf } from "../../src/formats/gexf.ts";
import { gexfReadRules } from "../../src/formats/gexf-read.ts";
import { gmlIdentifiers, readGml } from "../../src/formats/gml.ts";
import { compactGraph } from "../../src/formats/graph-load.ts";
import { peerFile } from "./fixture.ts";

interface Expected {
  "Power Grid.gml": { nodes: number; edges: number; directed: boolean; degrees: Record<string, number> };
  "Les Miserables.gexf": {
    nodes: Record<string, { label: string; modularity_class: number; size: number; x: number; y: number; color: [number, number, number] }>;
    edges: Array<[string, string, number]>;
    directed: boolean;
  };
}

const expected = JSON.parse(peerFile("gephi/expected.json")) as Expected;

describe("Gephi's Power Grid.gml", () => {
  const text = peerFile("gephi/Power Grid.gml");
  const { nodes, edges, degrees } = expected["Power Grid.gml"];

  it("loads with NetworkX's and igraph's counts, every node's degree, and nothing rejected", () => {
    // Gephi ships it with CR LF line ends; a checkout must keep them (no .gitattributes converts).
    expect(text).toContain("\r\n");
    const load = readGml(text, { file: "Power Grid.gml" });
    expect(load).toMatchObject({ nodesRead: nodes, linksRead: edges, rejected: [], rules: [gmlIdentifiers.id] });
    expect([load.graph.order, load.graph.size]).toEqual([4941, 6594]);
    expect(Object.fromEntries(load.graph.mapNodes((node) => [node, load.graph.degree(node)]))).toEqual(degrees);
  });

  it("loads into the typed-array graph alike", () => {
    const load = readGml(text, { file: "Power Grid.gml", build: compactGraph });
    expect([load.nodesRead, load.linksRead, load.rejected.length, load.graph.order, load.graph.size]).toEqual([nodes, edges, 0, nodes, edges]);
  });
});

describe("Gephi's Les Miserables.gexf (Gephi 0.9.3, GEXF 1.3)", () => {
  const text = peerFile("gephi/Les Miserables.gexf");
  const lesMiserables = expected["Les Miserables.gexf"];

  /** Each node as NetworkX reads it, in linkscale's names: Gephi's label is the name, its viz the layout and looks. */
  const nodesAsExpected = () =>
    Object.fromEntries(
      Object.entries(lesMiserables.nodes).map(([id, { label, modularity_class, size, x, y, color }]) => [
        id,
        // NetworkX names the attribute by its title ("Modularity Class"); linkscale, as
        // graphology-gexf, by its id where the id is no number (gexf-read.ts).
        { name: label, modularity_class, size, x, y, color: `rgb(${color.join(",")})` },
      ]),
    );
  const nodesRead = (graph: AllianceGraph) => Object.fromEntries(graph.mapNodes((node, attributes) => [node, { ...attributes }]));
  const edgesRead = (graph: AllianceGraph) =>
    graph.mapEdges((_edge, { weight }, source, target) => (source < target ? [source, target, weight] : [target, source, weight])).sort();

  it("loads with NetworkX's counts, names, layout, colours, sizes and weights", () => {
    const load = readGexf(text, { file: "Les Miserables.gexf" });
    expect(load).toMatchObject({ nodesRead: 77, linksRead: 254, rejected: [] });
    expect(nodesRead(load.graph)).toEqual(nodesAsExpected());
    expect(edgesRead(load.graph)).toEqual(lesMiserables.edges.sort());
  });

  it("is written back with its layout, colours and sizes, and reads back the same (Gephi → linkscale → Gephi)", () => {
    const load = readGexf(text, { file: "Les Miserables.gexf" });
    const written = writeGexf(load.graph);
    // GEXF 1.2, which linkscale writes, needs a z; Gephi wrote a 2-D layout with none.
    expect(written).toContain('<viz:position x="-87.93029" y="6.8120565" z="0"/>');
    expect(written).toContain('<viz:color r="245" g="91" b="91"/>');
    const back = readGexf(written, { file: "written.gexf" });
    expect(back).toMatchObject({ nodesRead: 77, linksRead: 254, rejected: [], rules: [gexfReadRules.flatLayout()] });
    expect(nodesRead(back.graph)).toEqual(nodesAsExpected());
    expect(edgesRead(back.graph)).toEqual(lesMiserables.edges.sort());
  });
});
