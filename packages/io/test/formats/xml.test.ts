import { describe, expect, it } from "vitest";
import { MultiGraph } from "graphology";
import {
  assertXmlWritable,
  escapeXmlAttribute,
  escapeXmlText,
  findXmlStructureError,
  itemsFromParsedGraph,
  xmlMessages,
} from "../../src/formats/xml.ts";
import { UnwritableGraphError } from "../../src/formats/errors.ts";
import { readGexf } from "../../src/formats/gexf.ts";
import { graphMessages } from "../../src/formats/graph-load.ts";
import { readGraphml } from "../../src/formats/graphml.ts";

describe("findXmlStructureError", () => {
  it("accepts well-formed XML with declarations, comments, CDATA, a doctype and > inside quotes", () => {
    const text = `\ufeff<?xml version="1.0"?>
<!DOCTYPE graphml [ <!ENTITY x "y"> ]>
<!-- a comment with <tags> -->
<graphml a='1' b = "x > y">
  <node id="n"><![CDATA[ <not a tag> ]]></node>
  <?pi data?>
  <edge/>
</graphml>
`;
    expect(findXmlStructureError(text)).toBeUndefined();
  });

  it("finds what xmldom 0.8 lets through, with the line", () => {
    // Expected: XML 1.0's well-formedness rules (matching end tags, one root, quoted attribute
    // values, nothing but markup and spaces outside the root), on the inputs below.
    expect(findXmlStructureError("<a>\n<b>\n</a>")).toBe(xmlMessages.unexpectedEndTag(3, "a", "b"));
    expect(findXmlStructureError("<a/>\n</b>")).toBe(xmlMessages.unexpectedEndTag(2, "b", undefined));
    expect(findXmlStructureError("<a>\n  <b>")).toBe(xmlMessages.unclosedElement("b", 2));
    expect(findXmlStructureError('<a>\n<b x=1/></a>')).toBe(xmlMessages.unreadableMarkup(2, "<b x=1/></a>…"));
    expect(findXmlStructureError("<a><!-- never closed </a>")).toBe(xmlMessages.unreadableMarkup(1, "<!-- never closed </a>…"));
    expect(findXmlStructureError("<a/><b/>")).toBe(xmlMessages.secondRoot(1, "b"));
    expect(findXmlStructureError("<a/>\n\n  junk")).toBe(xmlMessages.textOutsideRoot(3));
    expect(findXmlStructureError("just text")).toBe(xmlMessages.textOutsideRoot(1));
    expect(findXmlStructureError("  ")).toBe(xmlMessages.noRoot());
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
    ["GEXF", gexf, readGexf, 6, '<edge id="1"'],
    ["GraphML", graphml, readGraphml, 5, '<edge source="b"'],
  ] as const)("%s: rejects each with its line and column, and reads the rest", (_format, text, read, line, nestedEdge) => {
    // Expected: each nested element's line, and its column as an editor shows it (1-based, at
    // its "<"), found in the text above.
    const columnOf = (start: string) => (text.split("\n")[line - 1] as string).indexOf(start) + 1;
    const file = "network";
    let load: ReturnType<typeof read> | undefined;
    expect(() => (load = read(text, { file }))).not.toThrow();
    if (load === undefined) return;
    expect(load.error).toBeUndefined();
    expect(load.rejected).toEqual([
      { file, row: 4, problems: [{ column: "nodes[3]", message: xmlMessages.insideEdge("node", line, columnOf('<node id="d"')) }] },
      { file, row: 1, problems: [{ column: "edges[0].target", message: graphMessages.unknownNode("zz") }] },
      { file, row: 2, problems: [{ column: "edges[1]", message: xmlMessages.insideEdge("edge", line, columnOf(nestedEdge)) }] },
    ]);
    expect([load.graph.order, load.graph.size]).toEqual([3, 1]);
    expect([load.nodesRead, load.linksRead]).toEqual([4, 3]);
    expect(load.nodesRead + load.linksRead).toBe(load.graph.order + load.graph.size + load.rejected.length);
  });

  it("returns, never throws, when the parser read other items than those handed to it", () => {
    const raw = new MultiGraph();
    raw.addNode("a");
    expect(itemsFromParsedGraph(raw, { nodes: [], edges: [] }, "GEXF")).toEqual({
      error: xmlMessages.parserMismatch("GEXF", "1 nodes and 0 edges", "0 and 0"),
    });
    const renamed = itemsFromParsedGraph(raw, { nodes: [{ key: "b", keyInLibraryGraph: "b" }], edges: [] }, "GraphML");
    expect(renamed).toEqual({ error: xmlMessages.parserMismatch("GraphML", 'node "a"', 'node "b"') });
  });
});
