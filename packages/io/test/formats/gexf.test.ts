import { createAllianceGraph } from "@linkscale/core/model";
import { describe, expect, it } from "vitest";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { readGexf, VIZ_NAMESPACE, writeGexf } from "../../src/formats/gexf.ts";
import { gexfReadRules } from "../../src/formats/gexf-read.ts";
import { readGraphml } from "../../src/formats/graphml.ts";
import { graphMessages } from "../../src/formats/graph-load.ts";
import { xmlMessages } from "../../src/formats/xml.ts";
import { messages } from "../../src/problems.ts";
import { contents, csvTables, loadFixture } from "./fixture.ts";
import { positionIn } from "./xml-positions.ts";

const file = "network.gexf";

/** A GEXF 1.2 document around the given `<graph>` content. */
function gexf(graph: string, edgeType = "undirected"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="${edgeType}">
${graph}
  </graph>
</gexf>
`;
}

describe("GEXF round trip", () => {
  it("gives back every node, link and attribute of the fixture, with its type (CSV → GEXF → CSV)", () => {
    // Expected: the fixture itself, as read from in/*.csv.
    const graph = loadFixture();
    const load = readGexf(writeGexf(graph), { file });
    expect(load).toMatchObject({ nodesRead: 6, linksRead: 7, rejected: [] });
    expect(load.error).toBeUndefined();
    expect(contents(load.graph)).toStrictEqual(contents(graph));
    expect(csvTables(load.graph)).toStrictEqual(csvTables(graph));
    // The postcode is text in the fixture (an extra CSV column), so GEXF declares it as text.
    expect(load.graph.getNodeAttribute("IT-ORG7", "postCode")).toBe("00912");
  });

  it("declares each attribute with the type graphology-gexf infers from the values", () => {
    // Expected: the fixture's values (coordinates fractional, years and counts whole numbers,
    // postcodes text) under graphology-gexf's rule (any text → string, any fraction → double).
    const declared = Object.fromEntries(
      [...writeGexf(loadFixture()).matchAll(/<attribute id="(\w+)" title="\w+" type="(\w+)"\/>/g)].map(([, name, type]) => [name, type]),
    );
    expect(declared).toEqual({
      name: "string", type: "string", country: "string", region: "string", city: "string",
      lat: "double", lon: "double", cluster: "string", valueChainStage: "string", postCode: "string",
      projectCount: "integer", firstYear: "integer", lastYear: "integer", kind: "string", projects: "string", programme: "string",
    });
  });

  it("turns an attribute that is a number on one node and text on another into text on both", () => {
    // Expected: graphology-gexf's inference, where string wins over every other type; this is
    // the loss the banner of gexf.ts documents.
    const graph = createAllianceGraph();
    graph.addNode("a", { code: 5, member: true });
    graph.addNode("b", { code: "0912", member: false });
    const back = readGexf(writeGexf(graph), { file }).graph;
    expect(back.getNodeAttributes("a")).toStrictEqual({ code: "5", member: true });
    expect(back.getNodeAttributes("b")).toStrictEqual({ code: "0912", member: false });
  });

  it("does not change the graph it writes", () => {
    const graph = loadFixture();
    const before = structuredClone(graph.export());
    writeGexf(graph);
    expect(graph.export()).toStrictEqual(before);
  });

  it("refuses to write a character XML cannot hold, naming where it is", () => {
    const graph = createAllianceGraph();
    graph.addNode("a", { name: "bell\u0007" });
    expect(() => writeGexf(graph)).toThrow(
      new UnwritableGraphError("io/formats/gexf", xmlMessages.unwritable('node "a", attribute "name"', 7)),
    );
  });
});

describe("readGexf", () => {
  it("reads what Gephi writes: the label as the name, layout as attributes, declared types", () => {
    // Expected: the values written in the file below (a GEXF 1.3 file as Gephi 0.10 exports it),
    // but z: every position has z = 0, a 2-D layout, so no z is read and the rule says so.
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node">
      <attribute id="0" title="country" type="string"/>
      <attribute id="1" title="founded" type="integer"/>
    </attributes>
    <nodes>
      <node id="n0" label="Acme GmbH">
        <attvalues><attvalue for="0" value="DE"/><attvalue for="1" value="1999"/></attvalues>
        <viz:size value="10.0"/>
        <viz:position x="1.5" y="-2.0" z="0.0"/>
      </node>
      <node id="n1" label="n1"/>
    </nodes>
    <edges>
      <edge id="0" source="n0" target="n1" weight="1.0"/>
    </edges>
  </graph>
</gexf>`;
    const load = readGexf(text, { file });
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph)).toStrictEqual({
      nodes: [
        ["n0", { name: "Acme GmbH", country: "DE", founded: 1999, size: 10, x: 1.5, y: -2 }],
        // A label equal to the id names nothing.
        ["n1", {}],
      ],
      edges: [["n0", "n1", { weight: 1 }]],
    });
    expect(load.rules).toEqual([gexfReadRules.flatLayout()]);
  });

  it("reads z where some position has another z than 0, and gives a static file no rules", () => {
    // Expected: the z of each position below; the 2-D rule applies only when every z is 0.
    const text = gexf(`    <nodes>
      <node id="a"><viz:position x="1" y="2" z="0"/></node>
      <node id="b"><viz:position x="3" y="4" z="-5.5"/></node>
      <node id="c"><viz:position x="6" y="7"/></node>
    </nodes>`);
    const load = readGexf(text, { file });
    expect(contents(load.graph).nodes).toStrictEqual([
      ["a", { x: 1, y: 2, z: 0 }],
      ["b", { x: 3, y: 4, z: -5.5 }],
      ["c", { x: 6, y: 7 }],
    ]);
    expect(load.rules).toBeUndefined();
  });

  it("rejects a node of an unknown type with its path and position, and the edges touching it", () => {
    // Expected: the model's organisation types (the same message readOrganisationsCsv gives),
    // a weight that must be positive, and the rules of graph-load.ts; each row and character is
    // where the element starts in the text (positionIn finds it there).
    const text = gexf(`    <attributes class="node"><attribute id="type" title="type" type="string"/></attributes>
    <nodes>
      <node id="a"/>
      <node id="b"><attvalues><attvalue for="type" value="spaceship"/></attvalues></node>
      <node id="c"/>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b"/>
      <edge id="1" source="c" target="a" weight="-2"/>
      <edge id="2" source="b" target="c"/>
    </edges>`);
    const load = readGexf(text, { file });
    expect(load.rejected).toEqual([
      {
        file,
        ...positionIn(text, '<node id="b"'),
        problems: [{ column: "nodes[1].type", message: 'must be "firm", "government", "intermediary", "other", "research" or "university" (was "spaceship")' }],
      },
      { file, ...positionIn(text, '<edge id="0"'), problems: [{ column: "edges[0].target", message: graphMessages.rejectedEnd("b", "nodes[1]") }] },
      { file, ...positionIn(text, '<edge id="1"'), problems: [{ column: "edges[1].weight", message: "must be positive (was -2)" }] },
      { file, ...positionIn(text, '<edge id="2"'), problems: [{ column: "edges[2].source", message: graphMessages.rejectedEnd("b", "nodes[1]") }] },
    ]);
    expect([load.nodesRead, load.linksRead, load.graph.order, load.graph.size]).toEqual([3, 3, 2, 0]);
  });

  it("reads a directed file as undirected and rejects the reverse arc, naming the first", () => {
    // Expected: two arcs a→b (weight 2) and b→a (weight 3): the first is the link, the second a
    // duplicate of it once direction is dropped.
    const text = gexf(
      `    <nodes><node id="a" label="Alpha"/><node id="b" label="Beta"/></nodes>
    <edges>
      <edge id="0" source="a" target="b" weight="2"/>
      <edge id="1" source="b" target="a" weight="3"/>
    </edges>`,
      "directed",
    );
    const load = readGexf(text, { file });
    expect(load.graph.type).toBe("undirected");
    expect(contents(load.graph).edges).toStrictEqual([["a", "b", { weight: 2 }]]);
    expect(load.rejected).toEqual([
      {
        file,
        ...positionIn(text, '<edge id="1"'),
        problems: [{ column: "edges[1]", message: graphMessages.reverseArc("b", "a", "edges[0]"), repeats: "edges[0]" }],
      },
    ]);
  });

  it("rejects a repeated node id, an edge to no node and a parallel edge one by one", () => {
    // Expected: the file below, where node "a" is given twice, edge 1 names node "zz" that does
    // not exist and edge 2 repeats the pair of edge 0 (sharing its id, which graphology-gexf
    // would merge into edge 0).
    const text = gexf(`    <nodes><node id="a"/><node id="a" label="again"/><node id="b"/></nodes>
    <edges>
      <edge id="e" source="a" target="b"/>
      <edge id="f" source="a" target="zz"/>
      <edge id="e" source="b" target="a" weight="4"/>
    </edges>`);
    const load = readGexf(text, { file });
    expect(load.rejected).toEqual([
      {
        file,
        ...positionIn(text, '<node id="a" label="again"'),
        problems: [{ column: "nodes[1]", message: messages.duplicateOrganisation("a", "nodes[0]"), repeats: "nodes[0]" }],
      },
      { file, ...positionIn(text, '<edge id="f"'), problems: [{ column: "edges[1].target", message: graphMessages.unknownNode("zz") }] },
      {
        file,
        ...positionIn(text, '<edge id="e"', 2),
        problems: [{ column: "edges[2]", message: messages.duplicateLink("b", "a", "edges[0]"), repeats: "edges[0]" }],
      },
    ]);
    expect(contents(load.graph)).toStrictEqual({ nodes: [["a", {}], ["b", {}]], edges: [["a", "b", { weight: 1 }]] });
  });

  it("reads typed values, lists, defaults, colours and nested nodes by graphology-gexf's rules", () => {
    // Expected: graphology-gexf 0.13's reader (common/parser.js and helpers.js), which readGexf
    // used until issue 20, on the file below: integer and boolean by type ("TRUE" is not
    // "true"), GEXF 1.3 lists in brackets (quotes keep a comma, \n is a line break) or split on
    // "|", the declared default where a node has no value, a viz:color before an unprefixed
    // <color>, hex or r, g, b (and a). Where its DOM gave a node its children's values too, the
    // nested node d has only its own.
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node" mode="static">
      <attribute id="0" title="founded" type="integer"><default>1990</default></attribute>
      <attribute id="1" title="public" type="boolean"/>
    </attributes>
    <attributes class="node" mode="dynamic">
      <attribute id="2" title="tags" type="liststring"/>
      <attribute id="3" title="scores" type="listdouble"/>
    </attributes>
    <nodes>
      <node id="a">
        <attvalues>
          <attvalue for="0" value="2001"/><attvalue for="1" value="true"/>
          <attvalue for="2" value="[red, &quot;x, y&quot;, 'z\\n']"/><attvalue for="3" value="1.5|2"/>
        </attvalues>
        <viz:color r="255" g="0" b="16"/><viz:thickness value="2"/><viz:shape value="disc"/>
      </node>
      <node id="b"><viz:color hex="#00ff00"/><color r="1" g="2" b="3"/></node>
      <node id="c">
        <color r="1" g="2" b="3" a="0.5"/>
        <nodes><node id="d"><attvalues><attvalue for="1" value="TRUE"/></attvalues></node></nodes>
      </node>
    </nodes>
  </graph>
</gexf>`;
    const load = readGexf(text, { file });
    expect(load.rejected).toEqual([]);
    expect(contents(load.graph).nodes).toStrictEqual([
      ["a", { founded: 2001, public: true, tags: ["red", "x, y", "z\n"], scores: [1.5, 2], color: "rgb(255,0,16)", shape: "disc", thickness: 2 }],
      ["b", { founded: 1990, color: "#00ff00" }],
      ["c", { founded: 1990, color: "rgba(1,2,3,0.5)" }],
      ["d", { founded: 1990, public: false }],
    ]);
  });

  it("reads an attribute declared after the nodes that use it as if declared first", () => {
    // Expected: the type and title of the late declaration (the DOM reader saw the whole file
    // before it read a node; the stream reads such a file twice).
    const text = gexf(`    <nodes><node id="a"><attvalues><attvalue for="0" value="7"/></attvalues></node></nodes>
    <attributes class="node"><attribute id="0" title="staff" type="integer"/></attributes>`);
    expect(readGexf(text, { file }).graph.getNodeAttributes("a")).toStrictEqual({ staff: 7 });
  });

  it("reads attributes the file does not declare as text", () => {
    const text = gexf(`    <nodes><node id="a"><attvalues><attvalue for="city" value="Lyon"/></attvalues></node></nodes>`);
    expect(readGexf(text, { file }).graph.getNodeAttributes("a")).toStrictEqual({ city: "Lyon" });
  });

  it("refuses malformed XML that a forgiving parser would read in part", () => {
    // <node> is never closed: xmldom 0.8, which the reader used before issue 20, read this as one
    // node without a word. The position is that of "</nodes>" in the text.
    const text = `<gexf><graph><nodes><node id="a"></nodes></graph></gexf>`;
    expect(readGexf(text, { file })).toEqual({
      file,
      graph: createAllianceGraph(),
      nodesRead: 0,
      linksRead: 0,
      rejected: [],
      readAs: [],
      error: xmlMessages.unexpectedEndTag(1, text.indexOf("</nodes>") + 1, "nodes", "node"),
    });
  });

  it("refuses a truncated file, an unknown entity and a file of another format", () => {
    const whole = writeGexf(loadFixture());
    // Cut before <edges>: <graph> (line 4, column 3 of out/fixture.gexf) is the innermost element left open.
    expect(readGexf(whole.slice(0, whole.indexOf("<edges>")), { file }).error).toBe(xmlMessages.unclosedElement("graph", 4, 3));
    // HTML's &nbsp; is no XML entity; the position is that of its "&".
    const entity = gexf(`<nodes><node id="a" label="&nbsp;"/></nodes>`);
    const { row, character } = positionIn(entity, "&nbsp;");
    expect(readGexf(entity, { file }).error).toBe(xmlMessages.undefinedEntity(row, character, "nbsp"));
    expect(readGexf(`<graphml><graph/></graphml>`, { file }).error).toBe(xmlMessages.wrongRoot("GEXF", "gexf", "graphml"));
    expect(readGexf("", { file }).error).toBe(xmlMessages.noRoot());
  });

  it("refuses a file without <graph>, saying so (it used to fail inside graphology-gexf)", () => {
    const empty = `<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><meta/></gexf>\n`;
    expect(readGexf(empty, { file }).error).toBe(xmlMessages.noGraph("GEXF", "gexf"));
    const graphml = `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"></graphml>\n`;
    expect(readGraphml(graphml, { file }).error).toBe(xmlMessages.noGraph("GraphML", "graphml"));
  });
});

describe("writeGexf", () => {
  it("declares GEXF 1.2's viz namespace, not graphology-gexf's misspelt one", () => {
    const root = writeGexf(loadFixture()).split("\n")[1];
    expect(root).toBe(`<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="${VIZ_NAMESPACE}">`);
    expect(VIZ_NAMESPACE).toBe("http://www.gexf.net/1.2draft/viz"); // gexf.net/1.2draft/viz.xsd, its targetNamespace
  });

  it("writes a node's x, y, size, colour and shape as Gephi's viz elements and reads them back as they were", () => {
    // Expected: the graph itself, types included; and in the file, the viz elements viz.xsd
    // (GEXF 1.2) defines, with the numbers given: r, g, b of #ff0010 are 255, 0, 16 by hand,
    // of #0a0 are 0, 170, 0 (#0a0 is #00aa00), z = 0 where a node has none (viz.xsd requires one).
    const graph = createAllianceGraph();
    graph.addNode("a", { name: "Alpha", x: 12.5, y: -3, size: 10, color: "#ff0010", shape: "square" });
    graph.addNode("b", { x: 0, y: 1e-7, size: 0, color: "rgb(1,2,3)" });
    graph.addNode("c", { x: -1, y: 2, color: "rgba(4,5,6,0.25)" });
    graph.addNode("d", { x: 3, y: 4, color: "#0a0" });
    graph.addEdge("a", "b", { weight: 2, color: "rgb(9,8,7)", thickness: 1.5, shape: "dashed" });
    const text = writeGexf(graph);
    const back = readGexf(text, { file });
    expect(back.rejected).toEqual([]);
    expect(contents(back.graph)).toStrictEqual(contents(graph));
    expect(back.rules).toEqual([gexfReadRules.flatLayout()]);
    const node = (id: string) => text.slice(text.indexOf(`<node id="${id}"`), text.indexOf("</node>", text.indexOf(`<node id="${id}"`)));
    expect(node("a")).toContain('<viz:color r="255" g="0" b="16"/>');
    expect(node("a")).toContain('<viz:size value="10"/>');
    expect(node("a")).toContain('<viz:position x="12.5" y="-3" z="0"/>');
    expect(node("a")).toContain('<viz:shape value="square"/>');
    expect(node("b")).toContain('<viz:position x="0" y="1e-7" z="0"/>');
    expect(node("c")).toContain('<viz:color r="4" g="5" b="6" a="0.25"/>');
    expect(node("d")).toContain('<viz:color r="0" g="170" b="0"/>');
    expect(text).toContain('<viz:color r="9" g="8" b="7"/>');
    expect(text).toContain('<viz:thickness value="1.5"/>');
    expect(text).toContain('<viz:shape value="dashed"/>');
    // The layout is viz only; a colour GEXF 1.2's r, g, b would give back as "rgb(…)" keeps its text too.
    const declared = [...text.matchAll(/<attribute id="(\w+)" title="\w+" type="(\w+)"\/>/g)].map(([, name]) => name);
    expect(declared).toEqual(["name", "color"]);
    expect(node("a")).toContain('<attvalue for="color" value="#ff0010"/>');
    expect(node("b")).not.toContain("<attvalue ");
  });

  it("keeps a 3-D layout, and gives z = 0 to a node without one among nodes that have one", () => {
    // Expected: the z values given; node c has no z, and viz.xsd requires one: it is written 0
    // and, some other z not being 0, read as 0 (the loss the banner of gexf.ts names).
    const graph = createAllianceGraph();
    graph.addNode("a", { x: 1, y: 2, z: 3 });
    graph.addNode("b", { x: 4, y: 5, z: 0 });
    graph.addNode("c", { x: 6, y: 7 });
    const back = readGexf(writeGexf(graph), { file });
    expect(contents(back.graph).nodes).toStrictEqual([
      ["a", { x: 1, y: 2, z: 3 }],
      ["b", { x: 4, y: 5, z: 0 }],
      ["c", { x: 6, y: 7, z: 0 }],
    ]);
    expect(back.rules).toBeUndefined();
  });

  it("writes values viz.xsd cannot hold as attribute values, and reads them back as they were", () => {
    // Expected: the graph itself, and no viz element: an x without a y, a size that is text or
    // negative, a colour that is a name, a percentage or out of range, a shape viz.xsd does not
    // list, a thickness on a node (viz.xsd gives nodes none).
    const graph = createAllianceGraph();
    graph.addNode("a", { x: 1, size: -1, color: "red", shape: "star", thickness: 2 });
    graph.addNode("b", { x: 1, y: "2", size: -2.5, color: "rgb(10%,0,0)" });
    graph.addNode("c", { color: "rgb(256,0,0)", shape: "solid" });
    graph.addNode("d", { color: "rgba(1,2,3,1.5)" });
    // Text and numbers in one attribute become text on all (graphology-gexf's inference): apart.
    const sized = createAllianceGraph();
    sized.addNode("e", { size: "large" });
    for (const written of [graph, sized]) {
      const text = writeGexf(written);
      expect(text).not.toContain("<viz:");
      expect(contents(readGexf(text, { file }).graph)).toStrictEqual(contents(written));
    }
  });

  it("keeps Gephi's layout from Gephi to linkscale and back (GEXF 1.3 in, GEXF 1.2 out)", () => {
    // Expected: the numbers of the Gephi file below, in viz.xsd's elements of GEXF 1.2; Gephi
    // 0.10 writes no z for a 2-D layout and an alpha only where it is not 1.
    const gephi = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected" mode="static">
    <nodes>
      <node id="n0" label="Acme GmbH">
        <viz:size value="10.0"/><viz:position x="1.5" y="-2.0"/><viz:color r="255" g="0" b="16"/>
      </node>
      <node id="n1" label="Beta">
        <viz:size value="4.25"/><viz:position x="-3.0" y="7.0"/><viz:color r="1" g="2" b="3" a="0.5"/>
      </node>
    </nodes>
    <edges><edge id="0" source="n0" target="n1" weight="2.0"><viz:color r="9" g="9" b="9"/></edge></edges>
  </graph>
</gexf>`;
    const written = writeGexf(readGexf(gephi, { file }).graph);
    const lines = written.split("\n").map((line) => line.trim());
    const after = (start: string) => lines.slice(lines.indexOf(start) + 4, lines.indexOf(start) + 7);
    expect(after('<node id="n0" label="Acme GmbH">')).toEqual(['<viz:color r="255" g="0" b="16"/>', '<viz:size value="10"/>', '<viz:position x="1.5" y="-2" z="0"/>']);
    expect(after('<node id="n1" label="Beta">')).toEqual(['<viz:color r="1" g="2" b="3" a="0.5"/>', '<viz:size value="4.25"/>', '<viz:position x="-3" y="7" z="0"/>']);
    expect(lines).toContain('<viz:color r="9" g="9" b="9"/>');
    // Only the names (Gephi's labels, read as names) are attribute values.
    expect(written.match(/<attvalue for="\w+"/g)).toEqual(['<attvalue for="name"', '<attvalue for="name"']);
  });
});
