/**
 * What GEXF and GraphML share as XML: the messages a broken file gets (xml-stream.ts finds the
 * faults, each with the line and column where it is), the escaping both writers need so that
 * any text comes back as it was written, and what both writers stream.
 */
import type { ReadableGraph } from "@linkscale/core/model";
import { UnwritableGraphError } from "./errors.ts";

/** A graph the writers stream: either form; graphology's also has a type and graph attributes. */
export type StreamedGraph = ReadableGraph & { readonly type?: string; getAttributes?(): Readonly<Record<string, unknown>> };

/** The writers hand their text on in pieces of about this many characters. */
const PIECE_LENGTH = 1 << 16;

/** Gathers a writer's text and hands it to `write` in pieces of about PIECE_LENGTH characters; `end` hands on the rest. */
export function pieces(write: (piece: string) => void): { add(text: string): void; end(text: string): void } {
  let gathered = "";
  return {
    add(text) {
      gathered += text;
      if (gathered.length < PIECE_LENGTH) return;
      write(gathered);
      gathered = "";
    },
    end(text) {
      write(gathered + text);
      gathered = "";
    },
  };
}

/** "line 3, column 7": where something is, as an editor shows it. */
function position(line: number, column: number): string {
  return `line ${line}, column ${column}`;
}

// Message builders, exported so tests assert the exact text a user sees.
export const xmlMessages = {
  unexpectedEndTag: (line: number, column: number, name: string, open: string | undefined) =>
    open === undefined
      ? `XML syntax, ${position(line, column)}: </${name}> closes no element`
      : `XML syntax, ${position(line, column)}: </${name}> where </${open}> is expected`,
  unclosedElement: (name: string, line: number, column: number) =>
    `XML syntax: the file ends inside <${name}> (opened at ${position(line, column)})`,
  secondRoot: (line: number, column: number, name: string) => `XML syntax, ${position(line, column)}: a second root element <${name}>`,
  textOutsideRoot: (line: number, column: number) => `XML syntax, ${position(line, column)}: text outside the root element`,
  undefinedEntity: (line: number, column: number, name: string) =>
    `XML syntax, ${position(line, column)}: the entity &${name}; is not defined ` +
    "(XML defines &amp; &lt; &gt; &quot; &apos;, and entities a DOCTYPE declares are not expanded)",
  noRoot: () => "XML syntax: no root element",
  /** Any other fault the XML parser finds, in its words. */
  syntax: (line: number, column: number, problem: string) => `XML syntax, ${position(line, column)}: ${problem}`,
  insideEdge: (name: "node" | "edge", line: number, column: number) =>
    `the <${name}> at ${position(line, column)} is inside an <edge>, which holds no ${name}s`,
  noGraph: (format: string, root: string) => `${format}: no <graph> element inside <${root}>: the file holds no network`,
  wrongRoot: (format: string, expected: string, found: string) =>
    `not a ${format} file: the root element is <${found}>, expected <${expected}>`,
  unwritable: (where: string, codePoint: number) =>
    `${where} holds U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}, which XML 1.0 cannot hold`,
};

// Characters outside XML 1.0's Char production: C0 controls other than tab, LF, CR; U+FFFE and
// U+FFFF; and surrogates that are not part of a pair.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws when `text` holds a character no XML 1.0 document can hold, not even as a reference. */
export function assertXmlWritable(text: string, where: string, module: string): void {
  const found = NOT_XML_CHAR.exec(text);
  if (found !== null) throw new UnwritableGraphError(module, xmlMessages.unwritable(where, found[0].charCodeAt(0)));
}

/** Text content: `>` too, so that `]]>` never appears; CR as a reference, or XML reads it as LF. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>\r]/g, (char) => XML_ESCAPES[char] as string);
}

/** Attribute values: also quotes, and tab and LF, which XML would read back as spaces. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (char) => XML_ESCAPES[char] as string);
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};
