import { describe, expect, it } from "vitest";
import { assertXmlWritable, escapeXmlAttribute, escapeXmlText, xmlMessages } from "../../src/formats/xml.ts";
import { walkXml, type XmlElementStart } from "../../src/formats/xml-stream.ts";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { readGexf } from "../../src/formats/gexf.ts";
import { graphMessages } from "../../src/formats/graph-load.ts";
import { readGraphml } from "../../src/formats/graphml.ts";
import { formatRejectedRow } from "../../src/problems.ts";
import { positionIn } from "./xml-positions.ts";

const GRAPHML = { format: "GraphML", root: "graphml" };

/** Walks `text` as GraphML, listing each element as [name, line, column, depth], and the text asked for. */
function walk(text: string, textOf: readonly string[] = []) {
  const elements: Array<[string, number, number, number]> = [];
  const texts: Array<[string, string]> = [];
  const error = walkXml(text, GRAPHML, {
    open: ({ name, line, column, depth }: XmlElementStart) => {
      elements.push([name, line, column, depth]);
      return textOf.includes(name);
    },
    close: (name, content) => {
      if (textOf.includes(name)) texts.push([name, content]);
    },
  });
  return { error, elements, texts };
}

describe("walkXml", () => {
  it("reads well-formed XML with a byte-order mark, declarations, comments, CDATA, a doctype and > inside quotes", () => {
    // Expected: each element's "<" in the text below, counted by hand (the mark is not counted;
    // CR LF ends a line once); a node's text is all the text inside it, CDATA and entities read.
    const text = [
      '\ufeff<?xml version="1.0"?>',
      '<!DOCTYPE graphml [ <!ENTITY x "y"> ]>',
      "<!-- a comment with <tags> -->",
      '<graphml a=\'1\' b = "x > y">',
      '  <graph><node id="n"><![CDATA[ <not a tag> ]]> &amp; &#233;<data>x</data></node>',
      "  <?pi data?>",
      "  <edge\r\n source='n'/></graph>",
      "</graphml>",
      "",
    ].join("\n");
    const { error, elements, texts } = walk(text, ["node"]);
    expect(error).toBeUndefined();
    expect(elements).toEqual([
      ["graphml", 4, 1, 0],
      ["graph", 5, 3, 1],
      ["node", 5, 10, 2],
      ["data", 5, 61, 3],
      ["edge", 7, 3, 2],
    ]);
    expect(texts).toEqual([["node", " <not a tag>  & éx"]]);
  });

  it("refuses each fault in the file with its line and column", () => {
    // Expected: XML 1.0's well-formedness rules on the texts below; each position counted by hand
    // (where the element, end tag, entity or text starts, or where the parser found the fault).
    const faults: Array<[string, string]> = [
      ["<graphml>\n<graph>\n</graphml>", xmlMessages.unexpectedEndTag(3, 1, "graphml", "graph")],
      ["<graphml><graph/></graphml>\r\n</b>", xmlMessages.unexpectedEndTag(2, 1, "b", undefined)],
      ["<graphml>\n  <graph>", xmlMessages.unclosedElement("graph", 2, 3)],
      ["<graphml><!-- never closed </graphml>", xmlMessages.unclosedElement("graphml", 1, 1)],
      ['<graphml><graph/><node id="a"', xmlMessages.unclosedElement("graphml", 1, 1)],
      ["<graphml>\n<graph x=1/></graphml>", xmlMessages.syntax(2, 10, "unquoted attribute value")],
      ['<graphml><graph a="1" a="2"/></graphml>', xmlMessages.syntax(1, 29, "duplicate attribute: a")],
      ["<graphml><graph/>&#0;</graphml>", xmlMessages.syntax(1, 18, "malformed character entity")],
      ["<graphml><graph/></graphml><b/>", xmlMessages.secondRoot(1, 28, "b")],
      ["<graphml><graph/></graphml>\n\n  junk", xmlMessages.textOutsideRoot(3, 3)],
      ["just text", xmlMessages.textOutsideRoot(1, 1)],
      ["  ", xmlMessages.noRoot()],
      ["", xmlMessages.noRoot()],
      ["<gexf><graph/></gexf>", xmlMessages.wrongRoot("GraphML", "graphml", "gexf")],
      ['<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d0"/></graphml>', xmlMessages.noGraph("GraphML", "graphml")],
    ];
    for (const [text, message] of faults) expect([text, walk(text).error]).toEqual([text, message]);
  });

  it("expands no entity a DOCTYPE declares, refusing it where it is used (no billion laughs, no external file)", () => {
    // Expected: the position of each "&" in the texts below; XML's own five entities and
    // character references are read.
    const laughs = '<!DOCTYPE graphml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<graphml><graph><node id="&b;"/></graph></graphml>';
    expect(walk(laughs).error).toBe(xmlMessages.undefinedEntity(2, 27, "b"));
    const external = '<!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml><graph>&x;</graph></graphml>';
    expect(walk(external).error).toBe(xmlMessages.undefinedEntity(1, 77, "x"));
    expect(walk("<graphml><graph>&constructor;</graph></graphml>").error).toBe(xmlMessages.undefinedEntity(1, 17, "constructor"));
    const predefined = walk("<graphml><graph>&amp;&lt;&gt;&quot;&apos;&#x1F600;</graph></graphml>", ["graph"]);
    expect(predefined).toMatchObject({ error: undefined, texts: [["graph", "&<>\"'\u{1F600}"]] });
  });
});

describe("escaping", () => {
  it("escapes what XML 1.0 requires in text and in attribute values", () => {
    expect(escapeXmlText('a & b < c > "d"\r\n\te')).toBe('a &amp; b &lt; c &gt; "d"&#13;\n\te');
    expect(escapeXmlAttribute('a & b < c > "d"\r\n\te')).toBe("a &amp; b &lt; c &gt; &quot;d&quot;&#13;&#10;&#9;e");
  });

  it("refuses characters XML cannot hold at all, and accepts a surrogate pair", () => {
    expect(() => assertXmlWritable("ok \u{1F600} é", "node", "test")).not.toThrow();
    expect(() => assertXmlWritable("half \ud83d", "node", "test")).toThrow(new UnwritableGraphError("test", xmlMessages.unwritable("node", 0xd83d)));
    expect(() => assertXmlWritable("\uffff", "node", "test")).toThrow(UnwritableGraphError);
  });
});

describe("elements inside an <edge> (issue 22, point 4)", () => {
  // Hand-made: the first edge names no node "zz" and holds a second edge and a node; the reader
  // used to throw a LinkscaleError ("the parser read 3 nodes and 1 edges of the 3 and 2 given").
  const gexf = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.2" version="1.2">',
    '  <graph defaultedgetype="undirected">',
    '    <nodes><node id="a"/><node id="b"/><node id="c"/></nodes>',
    "    <edges>",
    '      <edge id="0" source="a" target="zz"><edge id="1" source="b" target="c"/><node id="d"/></edge>',
    '      <edge id="2" source="a" target="c"/>',
    "    </edges>",
    "  </graph>",
    "</gexf>",
  ].join("\n");
  const graphml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <graph edgedefault="undirected">',
    '    <node id="a"/><node id="b"/><node id="c"/>',
    '    <edge source="a" target="zz"><edge source="b" target="c"/><node id="d"/></edge>',
    '    <edge source="a" target="c"/>',
    "  </graph>",
    "</graphml>",
  ].join("\n");

  it.each([
    ["GEXF", gexf, readGexf, '<edge id="0"', '<edge id="1"'],
    ["GraphML", graphml, readGraphml, '<edge source="a" target="zz"', '<edge source="b"'],
  ] as const)("%s: rejects each with its line and column, and reads the rest", (_format, text, read, outerEdge, nestedEdge) => {
    // Expected: each element's line, and its column as an editor shows it (1-based, at its "<"),
    // found in the text above.
    const file = "network";
    let load: ReturnType<typeof read> | undefined;
    expect(() => (load = read(text, { file }))).not.toThrow();
    if (load === undefined) return;
    expect(load.error).toBeUndefined();
    const node = positionIn(text, '<node id="d"');
    const edge = positionIn(text, nestedEdge);
    expect(load.rejected).toEqual([
      { file, ...node, problems: [{ column: "nodes[3]", message: xmlMessages.insideEdge("node", node.row, node.character) }] },
      { file, ...positionIn(text, outerEdge), problems: [{ column: "edges[0].target", message: graphMessages.unknownNode("zz") }] },
      { file, ...edge, problems: [{ column: "edges[1]", message: xmlMessages.insideEdge("edge", edge.row, edge.character) }] },
    ]);
    expect([load.graph.order, load.graph.size]).toEqual([3, 1]);
    expect([load.nodesRead, load.linksRead]).toEqual([4, 3]);
    expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
  });
});

describe("where a rejected item is (issue 20: rows counted items but read like lines)", () => {
  // Hand-made: 30 nodes, one a line, then edges; the fourth edge, to no node "zz", starts at
  // line 40, column 5 (counted: the header lines, 30 node lines, then the edges).
  const nodes = Array.from({ length: 30 }, (_, i) => `<node id="n${i}"/>`);
  const edges = ['<edge source="n0" target="n1"/>', '<edge source="n1" target="n2"/>', '<edge source="n2" target="n3"/>', '<edge source="n3" target="zz"/>'];
  const gexf = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '<graph defaultedgetype="undirected">',
    "<nodes>",
    ...nodes.map((node) => `    ${node}`),
    "</nodes>",
    "<edges>",
    ...edges.map((edge) => `    ${edge}`),
    "</edges>",
    "</graph>",
    "</gexf>",
  ].join("\n");
  const graphml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="w" for="edge" attr.name="weight" attr.type="double"/>',
    '<graph edgedefault="undirected">',
    ...nodes.map((node) => `    ${node}`),
    "",
    "",
    ...edges.map((edge) => `    ${edge}`),
    "</graph>",
    "</graphml>",
  ].join("\n");

  it.each([
    ["network.gexf", gexf, readGexf],
    ["network.graphml", graphml, readGraphml],
  ] as const)("%s: the edge on line 40 is reported as :40:5", (file, text, read) => {
    expect(positionIn(text, 'target="zz"')).toMatchObject({ row: 40 });
    const { rejected } = read(text, { file });
    expect(rejected).toEqual([{ file, row: 40, character: 5, problems: [{ column: "edges[3].target", message: graphMessages.unknownNode("zz") }] }]);
    expect(formatRejectedRow(rejected[0] as (typeof rejected)[number])).toEqual([`${file}:40:5: column "edges[3].target": no node "zz" in the file`]);
  });
});
