/**
 * What graphology-gexf 0.13 and graphology-graphml 0.5 do on their own with files our readers
 * accept: the reasons for the work done around them in xml.ts, gexf.ts and graphml.ts. If one of
 * these starts failing after an upgrade, the library changed, and the work around it may go.
 * Expected values: the libraries' behaviour as read in their source (common/parser.js).
 */
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";

const gexf = (graph: string) => `<gexf version="1.2"><graph defaultedgetype="undirected">${graph}</graph></gexf>`;
const graphml = (content: string) => `<graphml>${content}</graphml>`;

describe("graphology-gexf alone", () => {
  it("loses the whole file to one repeated node id or one edge to no node", () => {
    expect(() => parseGexf(MultiGraph, gexf(`<nodes><node id="a"/><node id="a"/></nodes>`))).toThrow(/already exist/);
    expect(() => parseGexf(MultiGraph, gexf(`<nodes><node id="a"/></nodes><edges><edge source="a" target="zz"/></edges>`))).toThrow(/inexisting node/);
  });

  it("merges two edges that share an id into one, the second's attributes overwriting the first's", () => {
    const text = gexf(`<nodes><node id="a"/><node id="b"/></nodes>
      <edges><edge id="e" source="a" target="b" weight="1"/><edge id="e" source="b" target="a" weight="4"/></edges>`);
    const graph = parseGexf(MultiGraph, text);
    expect([graph.size, graph.getEdgeAttribute("e", "weight")]).toEqual([1, 4]);
  });

  it("reads an element left open as if the file were whole (xmldom 0.8 forgives it)", () => {
    expect(parseGexf(MultiGraph, gexf(`<nodes><node id="a"></nodes>`)).order).toBe(1);
  });
});

describe("graphology-graphml alone", () => {
  it('throws on a key for="all" and on an attr.type it does not know', () => {
    expect(() => parseGraphml(MultiGraph, graphml(`<key id="k0" for="all" attr.name="note"/><graph><node id="a"/></graph>`))).toThrow();
    const dated = `<key id="k4" for="edge" attr.name="since" attr.type="date"/><graph><node id="a"/><node id="b"/>
      <edge source="a" target="b"><data key="k4">2020-01-01</data></edge></graph>`;
    expect(() => parseGraphml(MultiGraph, graphml(dated))).toThrow(/cast is not a function/);
  });

  it("gives a default as text whatever the key's type, and names a key without attr.name \"\"", () => {
    const text = graphml(`<key id="k1" for="node" attr.name="lat" attr.type="double"><default>0.5</default></key>
      <key id="k3" for="node"/><graph><node id="a"><data key="k3">x</data></node></graph>`);
    expect(parseGraphml(MultiGraph, text).getNodeAttributes("a")).toStrictEqual({ "": "x", lat: "0.5" });
  });

  it("turns numeric attributes r, g and b into one color", () => {
    const text = graphml(`<key id="r" for="node" attr.name="r" attr.type="int"/><key id="g" for="node" attr.name="g" attr.type="int"/>
      <key id="b" for="node" attr.name="b" attr.type="int"/><graph><node id="a"><data key="r">255</data><data key="g">0</data><data key="b">16</data></node></graph>`);
    expect(parseGraphml(MultiGraph, text).getNodeAttributes("a")).toStrictEqual({ color: "#ff0010" });
  });
});
