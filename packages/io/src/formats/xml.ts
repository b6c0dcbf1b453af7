/**
 * The XML shared by the GEXF and GraphML formats, written by hand where the libraries fall short.
 *
 * Reading goes through @xmldom/xmldom, the parser graphology-gexf and graphology-graphml use
 * (so the document we check is the one they read, in Node and in a browser alike). xmldom 0.8
 * forgives what a truncated or hand-edited file gets wrong: an element left open, an end tag that
 * closes another, text after the root all parse without a word, and the libraries then read part
 * of the file as if it were all of it. `findXmlStructureError` looks for those first, and
 * xmldom's own complaints (an unknown entity, an attribute given twice) are collected rather than
 * printed, so a broken file is refused with a line number, never read in part.
 *
 * Both libraries also throw on the first node id given twice or edge to no node, losing the whole
 * file for one bad item; `separateGraphElements` sets such items aside so that they are rejected
 * one by one, and `itemsFromParsedGraph` puts them back in file order beside what the library read.
 * A `<node>` or `<edge>` inside an `<edge>` (which holds neither, in GEXF as in GraphML) is set
 * aside the same way and rejected with its line and column. Should the library still read other
 * items than those handed to it, the file is refused with an error: readers never throw.
 */
import type { AnyGraph } from "@linkscale/core";
import { DOMParser } from "@xmldom/xmldom";
import { UnwritableGraphError } from "./errors.ts";
import type { AttributeMap, EdgeItem, GraphItems, NodeItem } from "./graph-load.ts";

export const xmlMessages = {
  unreadableMarkup: (line: number, start: string) => `XML syntax, line ${line}: cannot read the markup "${start}"`,
  unexpectedEndTag: (line: number, name: string, open: string | undefined) =>
    open === undefined
      ? `XML syntax, line ${line}: </${name}> closes no element`
      : `XML syntax, line ${line}: </${name}> where </${open}> is expected`,
  unclosedElement: (name: string, line: number) => `XML syntax: the file ends inside <${name}> (opened at line ${line})`,
  secondRoot: (line: number, name: string) => `XML syntax, line ${line}: a second root element <${name}>`,
  textOutsideRoot: (line: number) => `XML syntax, line ${line}: text outside the root element`,
  noRoot: () => "XML syntax: no root element",
  parser: (message: string) => `XML syntax: ${message}`,
  insideEdge: (name: "node" | "edge", line: number, column: number) =>
    `the <${name}> at line ${line}, column ${column} is inside an <edge>, which holds no ${name}s`,
  parserMismatch: (format: string, read: string, given: string) =>
    `${format}: the parser read ${read} where the file gives ${given}; the file is not read rather than read in part`,
  noGraph: (format: string, root: string) => `${format}: no <graph> element inside <${root}>: the file holds no network`,
  wrongRoot: (format: string, expected: string, found: string) =>
    `not a ${format} file: the root element is <${found}>, expected <${expected}>`,
  unwritable: (where: string, codePoint: number) =>
    `${where} holds U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}, which XML 1.0 cannot hold`,
};

// One token of XML: comment, CDATA, declaration or processing instruction, doctype (with an
// internal subset), end tag (name in group 1), start tag (name in group 2, "/" in group 3 when
// self-closing; attribute values must be quoted), or text.
const XML_TOKEN = new RegExp(
  [
    "<!--[\\s\\S]*?-->",
    "<!\\[CDATA\\[[\\s\\S]*?\\]\\]>",
    "<\\?[\\s\\S]*?\\?>",
    "<!DOCTYPE(?:[^>\\[]|\\[[\\s\\S]*?\\])*>",
    "</([^\\s>]+)\\s*>",
    "<([^\\s/>!?]+)(?:\\s+[^\\s=/>]+\\s*=\\s*(?:\"[^\"<]*\"|'[^'<]*'))*\\s*(/?)>",
    "[^<]+",
  ].join("|"),
  "y",
);

/** The first fault in the element structure that xmldom 0.8 would let through, if any. */
export function findXmlStructureError(text: string): string | undefined {
  const open: Array<{ name: string; offset: number }> = [];
  let roots = 0;
  const lineAt = (offset: number) => lineOf(text, offset);
  XML_TOKEN.lastIndex = 0;
  while (XML_TOKEN.lastIndex < text.length) {
    const offset = XML_TOKEN.lastIndex;
    const match = XML_TOKEN.exec(text);
    if (match === null) {
      const start = (text.slice(offset, offset + 40).split(/\r?\n/, 1)[0] as string) + "…";
      return xmlMessages.unreadableMarkup(lineAt(offset), start);
    }
    const [token, endName, startName, selfClosing] = match;
    if (endName !== undefined) {
      const expected = open.pop();
      if (expected?.name !== endName) return xmlMessages.unexpectedEndTag(lineAt(offset), endName, expected?.name);
    } else if (startName !== undefined) {
      if (open.length === 0 && roots++ > 0) return xmlMessages.secondRoot(lineAt(offset), startName);
      if (selfClosing === "") open.push({ name: startName, offset });
    } else if (open.length === 0 && !token.startsWith("<") && token.trim() !== "") {
      return xmlMessages.textOutsideRoot(lineAt(offset + token.search(/\S/)));
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) return xmlMessages.unclosedElement(unclosed.name, lineAt(unclosed.offset));
  return roots === 0 ? xmlMessages.noRoot() : undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** A well-formed document whose root element is `root`, or why there is none. */
export function parseXml(text: string, format: string, root: string): { document: Document } | { error: string } {
  const structural = findXmlStructureError(text);
  if (structural !== undefined) return { error: structural };
  const complaints: string[] = [];
  let document: Document;
  try {
    document = new DOMParser({
      locator: {},
      errorHandler: (_level: string, message: unknown) => complaints.push(String(message)),
    }).parseFromString(text, "application/xml");
  } catch (error) {
    return { error: xmlMessages.parser(cleanComplaint(error instanceof Error ? error.message : String(error))) };
  }
  if (complaints[0] !== undefined) return { error: xmlMessages.parser(cleanComplaint(complaints[0])) };
  const found = document.documentElement?.localName ?? "";
  if (found !== root) return { error: xmlMessages.wrongRoot(format, root, found) };
  // The graphology parsers read the first <graph> and fail on a file without one.
  if (document.getElementsByTagName("graph").length === 0) return { error: xmlMessages.noGraph(format, root) };
  return { document };
}

/** xmldom's "[xmldom error]\tentity not found:&x;\n@#[line:3,col:7]" as "entity not found:&x; (line 3, column 7)". */
function cleanComplaint(complaint: string): string {
  const text = complaint.replace(/^\[xmldom \w+\]\s*/, "");
  const position = /\s*@#\[line:(\d+),col:(\d+)\]\s*$/.exec(text);
  if (position === null) return text.replace(/\s*@#\[.*\]\s*$/, "").trim();
  return `${text.slice(0, position.index).trim()} (line ${position[1]}, column ${position[2]})`;
}

/**
 * The elements of a tag name in document order, as an array: xmldom's lists are live. Elements
 * taken out of the document (`removed`) are put back at their place, so positions stay the file's.
 */
export function elementsByTagName(parent: Document | Element, name: string, removed: ReadonlyMap<Element, string> = new Map()): Element[] {
  const live = parent.getElementsByTagName(name);
  const elements: Element[] = [];
  for (let i = 0; i < live.length; i++) elements.push(live[i] as Element);
  if (removed.size === 0) return elements;
  const taken = [...removed.keys()].filter((element) => element.nodeName === name);
  return [...elements, ...taken].sort((a, b) => compareDocumentPosition(a, b));
}

/** xmldom's element position, from the locator `parseXml` gives it. */
function positionOf(element: Element): [line: number, column: number] {
  const located = element as Element & { lineNumber?: number; columnNumber?: number };
  return [located.lineNumber ?? 0, located.columnNumber ?? 0];
}

function compareDocumentPosition(a: Element, b: Element): number {
  const [lineA, columnA] = positionOf(a);
  const [lineB, columnB] = positionOf(b);
  return lineA - lineB || columnA - columnB;
}

function insideEdge(element: Element): boolean {
  for (let parent = element.parentNode; parent !== null; parent = parent.parentNode) {
    if (parent.nodeName === "edge") return true;
  }
  return false;
}

export interface SeparatedElements {
  /**
   * Every `<node>` in document order, with the key it has in the graph the library builds, or
   * (none) why it was taken out.
   */
  nodes: Array<{ key: string | undefined; keyInLibraryGraph: string } | { key: string | undefined; misplaced: string }>;
  /** Every `<edge>` in document order; `kept` ones are in the library's graph, in this order. */
  edges: Array<{ source: string | undefined; target: string | undefined; kept: boolean; misplaced?: string }>;
}

// Stands in for a missing or repeated node id, so the library adds the node instead of throwing;
// XML text cannot hold U+0000, so no file's own id looks like it.
const STAND_IN = "\u0000linkscale-node-";

/**
 * Prepares a GEXF or GraphML document for its graphology parser. A node with no id or a repeated
 * one gets a stand-in id (it is rejected later under its own); an edge whose end is not a node is
 * taken out (it is rejected later as such); a repeated edge id is dropped, since the alliance
 * graph keeps none and the parsers would merge the two edges into one.
 */
export function separateGraphElements(document: Document): SeparatedElements {
  shieldPrototypeName(document);
  // Taken out first, so that nothing below counts them and the library never sees them.
  const misplaced = new Map<Element, string>();
  for (const name of ["node", "edge"] as const) {
    for (const element of elementsByTagName(document, name)) {
      if (insideEdge(element)) misplaced.set(element, xmlMessages.insideEdge(name, ...positionOf(element)));
    }
  }
  for (const element of misplaced.keys()) element.parentNode?.removeChild(element);

  const ids = new Set<string>();
  const nodes = elementsByTagName(document, "node", misplaced).map((element, index): SeparatedElements["nodes"][number] => {
    const key = element.getAttribute("id") || undefined;
    const reason = misplaced.get(element);
    if (reason !== undefined) return { key, misplaced: reason };
    if (key !== undefined && !ids.has(key)) {
      ids.add(key);
      return { key, keyInLibraryGraph: key };
    }
    const standIn = `${STAND_IN}${index}`;
    element.setAttribute("id", standIn);
    return { key, keyInLibraryGraph: standIn };
  });
  const edgeIds = new Set<string>();
  const edges = elementsByTagName(document, "edge", misplaced).map((element) => {
    const source = element.getAttribute("source") || undefined;
    const target = element.getAttribute("target") || undefined;
    const reason = misplaced.get(element);
    if (reason !== undefined) return { source, target, kept: false, misplaced: reason };
    const kept = source !== undefined && target !== undefined && ids.has(source) && ids.has(target);
    if (!kept) {
      element.parentNode?.removeChild(element);
      return { source, target, kept };
    }
    const id = element.getAttribute("id");
    if (id) {
      if (edgeIds.has(id)) element.removeAttribute("id");
      else edgeIds.add(id);
    }
    return { source, target, kept };
  });
  return { nodes, edges };
}

// The parsers keep attributes in plain objects, where a name "__proto__" sets the prototype
// instead of a value: the attribute would vanish without a word. It goes through them under this
// stand-in (XML cannot hold U+0000, so no file's own name looks like it) and is named back after.
const PROTO_STAND_IN = "\u0000linkscale-proto";
// Where a GEXF or GraphML file names an attribute, or refers to one by its id.
const ATTRIBUTE_NAMES: ReadonlyArray<readonly [element: string, attribute: string]> = [
  ["attribute", "id"],
  ["attribute", "title"],
  ["attvalue", "for"],
  ["key", "id"],
  ["key", "attr.name"],
  ["data", "key"],
];

function shieldPrototypeName(document: Document): void {
  for (const [element, attribute] of ATTRIBUTE_NAMES) {
    for (const found of elementsByTagName(document, element)) {
      if (found.getAttribute(attribute) === "__proto__") found.setAttribute(attribute, PROTO_STAND_IN);
    }
  }
}

/** A parsed item's attributes, the shielded name given back, in an object without a prototype. */
function unshielded(attributes: AttributeMap): AttributeMap {
  if (!Object.hasOwn(attributes, PROTO_STAND_IN)) return attributes;
  const named = Object.create(null) as AttributeMap;
  for (const [name, value] of Object.entries(attributes)) named[name === PROTO_STAND_IN ? "__proto__" : name] = value;
  return named;
}

/**
 * What the library read, with the items set aside put back, in file order; or, should the
 * library have read other items than those handed to it, an error (never a throw).
 */
export function itemsFromParsedGraph(raw: AnyGraph, separated: SeparatedElements, format: string): GraphItems | { error: string } {
  const rawNodes = raw.nodes();
  const rawEdges = raw.edges();
  const givenNodes = separated.nodes.filter((node) => "keyInLibraryGraph" in node).length;
  const keptEdges = separated.edges.filter((edge) => edge.kept).length;
  const mismatch = (read: string, given: string) => ({ error: xmlMessages.parserMismatch(format, read, given) });
  if (rawNodes.length !== givenNodes || rawEdges.length !== keptEdges) {
    return mismatch(`${rawNodes.length} nodes and ${rawEdges.length} edges`, `${givenNodes} and ${keptEdges}`);
  }
  const nodes: NodeItem[] = [];
  let nextNode = 0;
  for (const node of separated.nodes) {
    if ("misplaced" in node) {
      nodes.push({ key: node.key, attributes: {}, problems: [{ column: `nodes[${nodes.length}]`, message: node.misplaced }] });
      continue;
    }
    const rawKey = rawNodes[nextNode++];
    if (rawKey !== node.keyInLibraryGraph) return mismatch(`node "${rawKey}"`, `node "${node.keyInLibraryGraph}"`);
    nodes.push({ key: node.key, attributes: unshielded(raw.getNodeAttributes(node.keyInLibraryGraph)) });
  }
  const edges: EdgeItem[] = [];
  let nextEdge = 0;
  for (const { source, target, kept, misplaced } of separated.edges) {
    if (misplaced !== undefined) {
      edges.push({ source, target, attributes: {}, directed: false, problems: [{ column: `edges[${edges.length}]`, message: misplaced }] });
      continue;
    }
    if (!kept) {
      edges.push({ source, target, attributes: {}, directed: false });
      continue;
    }
    const edge = rawEdges[nextEdge++] as string;
    const [rawSource, rawTarget] = raw.extremities(edge);
    if (rawSource !== source || rawTarget !== target) return mismatch(`an edge ${rawSource}–${rawTarget}`, `${source}–${target}`);
    edges.push({ source, target, attributes: unshielded(raw.getEdgeAttributes(edge)), directed: raw.isDirected(edge) });
  }
  return { nodes, edges };
}

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
