/**
 * GEXF 1.2 written a piece of text at a time, so that a network of a million links goes to a file
 * without the whole document, or a copy of the graph, in memory: the full Horizon 2020 network
 * took 4 GB through graphology-gexf, which gathers every element's record into an array, builds
 * a second graph to number the edges and concatenates the document into one string. Written here
 * because no GEXF writer on npm streams; the text is graphology-gexf 0.13's, byte for byte (the
 * goldens in test/formats/out hold it), from its rules:
 * - a first pass over the graph finds each attribute's GEXF type (`attributeType`), a second
 *   writes the elements, so nothing is kept per element between the two;
 * - indentation of two spaces, an element with nothing inside closed as `<name/>`;
 * - attribute values escaped as xml-writer escapes them (`&`, `<`, `"`, tab, LF, CR), element
 *   text as it does (`&`, `<`, `>`);
 * - an edge's `type` only where it is not the graph's default, its id its number in graph order.
 * What each node and edge carries (label, weight, viz, attribute values) is decided by the
 * caller's formatter (gexf.ts), once per pass.
 */
import type { AttributeMap } from "./graph-load.ts";
import { parseColour, type Viz } from "./gexf-viz.ts";
import { pieces, type StreamedGraph } from "./xml.ts";

/** What is written of a node or an edge: its label, weight, attribute values and viz. */
export interface GexfElement {
  label?: string;
  weight?: number;
  attributes: AttributeMap;
  viz?: Viz;
}

export interface GexfFormat {
  node(key: string, attributes: AttributeMap): GexfElement;
  edge(source: string, target: string, attributes: AttributeMap): GexfElement;
}

/** Writes the GEXF text of `graph`, a piece at a time, to `write`; `format` says what each element carries. */
export function writeGexfPieces(graph: StreamedGraph, format: GexfFormat, write: (piece: string) => void): void {
  const nodeModel = new Model();
  const edgeModel = new Model();
  let directed = 0;
  let undirected = 0;
  graph.forEachNode((key, attributes) => nodeModel.add(format.node(key, attributes).attributes));
  graph.forEachEdge((_edge, attributes, source, target, _sourceAttributes, _targetAttributes, isUndirected) => {
    edgeModel.add(format.edge(source, target, attributes).attributes);
    if (isUndirected) undirected++;
    else directed++;
  });
  // graphology-utils' inferType, for a graph whose type says mixed; a mixed graph's default is directed.
  let type = graph.type ?? "undirected";
  if (type === "mixed") type = directed > 0 && undirected > 0 ? "mixed" : directed > 0 ? "directed" : "undirected";
  const defaultEdgeType = type === "mixed" ? "directed" : type;

  const { add, end } = pieces(write);
  add('<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz">');
  add(meta(graph.getAttributes?.() ?? {}));
  add(`\n  <graph defaultedgetype="${attributeText(defaultEdgeType)}">`);
  add(nodeModel.declaration("node") + edgeModel.declaration("edge"));
  add(graph.order === 0 ? "\n    <nodes/>" : "\n    <nodes>");
  graph.forEachNode((key, attributes) => add(elementText("node", `id="${attributeText(key)}"`, format.node(key, attributes), nodeModel)));
  if (graph.order > 0) add("\n    </nodes>");
  add(graph.size === 0 ? "\n    <edges/>" : "\n    <edges>");
  let number = 0;
  graph.forEachEdge((_edge, attributes, source, target, _sourceAttributes, _targetAttributes, isUndirected) => {
    const element = format.edge(source, target, attributes);
    const edgeType = isUndirected ? "undirected" : "directed";
    let start = `id="${number++}"`;
    if (edgeType !== defaultEdgeType) start += ` type="${edgeType}"`;
    start += ` source="${attributeText(source)}" target="${attributeText(target)}"`;
    if (element.weight !== undefined && !Number.isNaN(element.weight)) start += ` weight="${element.weight}"`;
    add(elementText("edge", start, element, edgeModel));
  });
  if (graph.size > 0) add("\n    </edges>");
  end("\n  </graph>\n</gexf>\n");
}

/** One `<node>` or `<edge>`, at its depth, after the attributes given in `start` (its label, and what it holds, from `element`). */
function elementText(name: "node" | "edge", start: string, { label, attributes, viz }: GexfElement, model: Model): string {
  let text = `\n      <${name} ${start}`;
  if (label) text += ` label="${attributeText(label)}"`;
  const inner = (model.empty() ? "" : values(attributes, model)) + (viz === undefined ? "" : vizText(viz));
  return inner === "" ? `${text}/>` : `${text}>${inner}\n      </${name}>`;
}

function values(attributes: AttributeMap, model: Model): string {
  let text = "";
  for (const name of model.names()) {
    if (!Object.hasOwn(attributes, name)) continue;
    const value = attributes[name];
    if (isEmptyValue(value)) continue;
    text += `\n          <attvalue for="${attributeText(name)}" value="${attributeText(String(value))}"/>`;
  }
  return text === "" ? "\n        <attvalues/>" : `\n        <attvalues>${text}\n        </attvalues>`;
}

function vizText(viz: Viz): string {
  let text = "";
  const colour = viz.color === undefined ? undefined : parseColour(viz.color);
  if (colour !== undefined) {
    text += `\n        <viz:color r="${colour.r}" g="${colour.g}" b="${colour.b}"${colour.a === undefined ? "" : ` a="${colour.a}"`}/>`;
  }
  if (viz.size !== undefined) text += `\n        <viz:size value="${viz.size}"/>`;
  if (viz.x !== undefined || viz.y !== undefined || viz.z !== undefined) {
    const axes = (["x", "y", "z"] as const).filter((axis) => viz[axis] !== undefined).map((axis) => ` ${axis}="${viz[axis]}"`);
    text += `\n        <viz:position${axes.join("")}/>`;
  }
  if (viz.shape) text += `\n        <viz:shape value="${attributeText(viz.shape)}"/>`;
  if (viz.thickness !== undefined) text += `\n        <viz:thickness value="${viz.thickness}"/>`;
  return text;
}

/** `<meta/>`, or the graph's last modified date and its scalar attributes, as graphology-gexf writes them. */
function meta(attributes: Readonly<Record<string, unknown>>): string {
  const { lastModifiedDate } = attributes;
  let text = "\n  <meta";
  if (lastModifiedDate) text += ` lastmodifieddate="${attributeText(String(lastModifiedDate))}"`;
  let inner = "";
  for (const [name, value] of Object.entries(attributes)) {
    const tag = name.replace(/["'<>&\s]/g, "").trim();
    if (name === "lastModifiedDate" || !XML_NAME.test(tag)) continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") inner += `\n    <${tag}>${escapedText(String(value))}</${tag}>`;
  }
  return inner === "" ? `${text}/>` : `${text}>${inner}\n  </meta>`;
}

/** A name xml-writer takes for an element (it refuses the document otherwise). */
const XML_NAME = /^[_:A-Za-z][-._:A-Za-z0-9]*$/;

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === "" || Number.isNaN(value);
}

/** An attribute value as xml-writer escapes it. */
function attributeText(text: string): string {
  return text.replace(/[&<"\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] as string);
}

/** Element text as xml-writer escapes it. */
function escapedText(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === "&" ? "&amp;" : char === "<" ? "&lt;" : "&gt;"));
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" };

/** GEXF types in graphology-gexf's order of precedence: a column takes the first its values need. */
const TYPE_PRECEDENCE = ["string", "double", "long", "integer", "boolean"] as const;
type GexfType = (typeof TYPE_PRECEDENCE)[number];

/** graphology-gexf's type of one value; undefined for an empty one, which types nothing. */
function attributeType(value: unknown): GexfType | undefined {
  if (isEmptyValue(value)) return undefined;
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (value === (value | 0)) return value <= 0x7fffffff && value >= -0x7fffffff ? "integer" : "long";
    return "double";
  }
  return "string";
}

/** Each attribute's GEXF type over every value it takes, in the order graphology-gexf declares them. */
class Model {
  // Without a prototype, so that any name is a name ("constructor", "__proto__"); keys in a plain
  // object's order (integer-like names first), graphology-gexf's order.
  readonly #types: Record<string, GexfType> = Object.create(null) as Record<string, GexfType>;
  #names: string[] | undefined;

  add(attributes: AttributeMap): void {
    for (const name in attributes) {
      const type = attributeType(attributes[name]);
      if (type === undefined) continue;
      const current = this.#types[name];
      if (current === undefined || TYPE_PRECEDENCE.indexOf(type) < TYPE_PRECEDENCE.indexOf(current)) this.#types[name] = type;
    }
    this.#names = undefined;
  }

  names(): string[] {
    return (this.#names ??= Object.keys(this.#types));
  }

  empty(): boolean {
    return this.names().length === 0;
  }

  declaration(domain: "node" | "edge"): string {
    if (this.empty()) return "";
    const attributes = this.names().map((name) => {
      const id = attributeText(name);
      return `\n      <attribute id="${id}" title="${id}" type="${this.#types[name]}"/>`;
    });
    return `\n    <attributes class="${domain}">${attributes.join("")}\n    </attributes>`;
  }
}
