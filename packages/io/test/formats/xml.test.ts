import { describe, expect, it } from "vitest";
import { assertXmlWritable, escapeXmlAttribute, escapeXmlText, findXmlStructureError, xmlMessages } from "../../src/formats/xml.ts";
import { UnwritableGraphError } from "../../src/formats/errors.ts";

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
