/**
 * GraphML, the XML format of yEd, Cytoscape, igraph and NetworkX. Read and written here: no
 * graphology package writes GraphML, and graphology-graphml's reader builds a DOM of the file.
 *
 * Writing: one `<key>` per attribute, typed from the values in the graph over all nodes (or all
 * edges): `boolean` when every value is one, `int` when every value is a whole number that fits
 * 32 bits, `double` when every value is a number, `string` otherwise. So numbers come back as
 * numbers and text as text, and a postcode "00912" held as text keeps its zeros; an attribute
 * that is a number on some nodes and text on others becomes text on all. Text is XML-escaped
 * (`Müller & Söhne <GmbH>`, quotes, line breaks). The node's `label` key holds the name (the id
 * when there is none), as Gephi shows it. Keys are numbered d0, d1, … (nodes, then edges) and
 * everything is written in graph order, so the same graph gives the same bytes.
 *
 * What it does not hold: lists (written as one ";"-joined text; `projects` is split back on
 * reading, any other list comes back as that text), objects (written as JSON text), null values
 * and edge keys (left out). A directed edge is marked `directed="true"`. Graph-level attributes
 * are not written (the model has none).
 *
 * Reading: as a stream of elements (graphml-read.ts, by graphology-graphml's rules and the fixes
 * linkscale made to them), so that memory follows the network rather than the file. A rejected
 * node or edge is reported at the line and column where its element starts. A file igraph wrote
 * (nodes n0, n1, …) is keyed by igraph's identifier attribute, `id` or `name`
 * (graphml-igraph.ts), and the load names the rule.
 */
import type { AllianceGraph } from "@linkscale/core/model";
import { LIST_SEPARATOR } from "../csv/fields.ts";
import { defineField } from "../records.ts";
import { displayLabel, failedGraphLoad, loadGraphItems, type AttributeMap, type GraphLoad, type GraphReadOptions, type AnyAllianceGraph } from "./graph-load.ts";
import { readGraphmlItems } from "./graphml-read.ts";
import { assertXmlWritable, escapeXmlAttribute, escapeXmlText, pieces, type StreamedGraph } from "./xml.ts";

const MODULE = "io/formats/graphml";

export function readGraphml<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, arcs, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  const items = readGraphmlItems(text);
  if ("error" in items) return failedGraphLoad(file, items.error, build);
  return loadGraphItems(file, items, { build, arcs, mapping, rules: items.rules });
}

type KeyType = "boolean" | "int" | "double" | "string";

interface KeyDeclaration {
  id: string;
  name: string;
  type: KeyType;
}

type WritableValue = string | number | boolean;

export function writeGraphml(graph: StreamedGraph): string {
  const pieces: string[] = [];
  writeGraphmlStream(graph, (piece) => pieces.push(piece));
  return pieces.join("");
}

/**
 * `writeGraphml`'s text, handed to `write` a piece at a time, for a file written as a stream: a
 * first pass over the graph declares the keys, a second writes the elements, and nothing is kept
 * per element between the two.
 */
export function writeGraphmlStream(graph: StreamedGraph, write: (piece: string) => void): void {
  const nodeKeys = new Keys(0);
  graph.forEachNode((key, attributes) => nodeKeys.add(nodeValues(key, attributes)));
  const edgeKeys = new Keys(nodeKeys.size);
  graph.forEachEdge((_edge, attributes, source, target) => edgeKeys.add(writableValues(attributes, `edge ${source}–${target}`)));

  const { add, end } = pieces(write);
  add(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const [domain, keys] of [["node", nodeKeys], ["edge", edgeKeys]] as const) {
    for (const { id, name, type } of keys.declared()) add(`  <key id="${id}" for="${domain}" attr.name="${escapeXmlAttribute(name)}" attr.type="${type}"/>\n`);
  }
  add('  <graph id="G" edgedefault="undirected">\n');
  graph.forEachNode((key, attributes) => add(elementText(`node id="${escapeXmlAttribute(key)}"`, "node", nodeValues(key, attributes), nodeKeys)));
  graph.forEachEdge((_edge, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
    const directed = undirected ? "" : ' directed="true"';
    const values = writableValues(attributes, `edge ${source}–${target}`);
    add(elementText(`edge source="${escapeXmlAttribute(source)}" target="${escapeXmlAttribute(target)}"${directed}`, "edge", values, edgeKeys));
  });
  end("  </graph>\n</graphml>\n");
}

/** A node's values: the label first (Gephi's habit), as displayLabel gives it, in place of the node's own. */
function nodeValues(key: string, attributes: AttributeMap): Map<string, WritableValue> {
  assertXmlWritable(key, `node "${key}"`, MODULE);
  const labelled: AttributeMap = { label: displayLabel(key, attributes) };
  for (const [name, value] of Object.entries(attributes)) if (name !== "label") defineField(labelled, name, value);
  return writableValues(labelled, `node "${key}"`);
}

function elementText(start: string, name: string, values: Map<string, WritableValue>, keys: Keys): string {
  if (values.size === 0) return `    <${start}/>\n`;
  let text = `    <${start}>\n`;
  for (const [attribute, value] of values) {
    const written = typeof value === "string" ? escapeXmlText(value) : String(value);
    text += `      <data key="${keys.idOf(attribute)}">${written}</data>\n`;
  }
  return `${text}    </${name}>\n`;
}

/** Values GraphML holds: null and undefined left out, lists joined with ";", objects as JSON text. */
function writableValues(attributes: AttributeMap, where: string): Map<string, WritableValue> {
  const values = new Map<string, WritableValue>();
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    assertXmlWritable(name, where, MODULE);
    let written: WritableValue;
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") written = value;
    else if (Array.isArray(value)) written = value.map(String).join(LIST_SEPARATOR);
    else if (typeof value === "object") written = JSON.stringify(value);
    else written = String(value);
    if (typeof written === "string") assertXmlWritable(written, `${where}, attribute "${name}"`, MODULE);
    values.set(name, written);
  }
  return values;
}

/** One key per attribute name, in the order first met, typed over every value it takes. */
class Keys {
  readonly #keys = new Map<string, KeyDeclaration>();

  constructor(private readonly firstId: number) {}

  get size(): number {
    return this.#keys.size;
  }

  add(values: ReadonlyMap<string, WritableValue>): void {
    for (const [name, value] of values) {
      const type = valueType(value);
      const declared = this.#keys.get(name);
      if (declared === undefined) this.#keys.set(name, { id: `d${this.firstId + this.#keys.size}`, name, type });
      else declared.type = widerType(declared.type, type);
    }
  }

  declared(): Iterable<KeyDeclaration> {
    return this.#keys.values();
  }

  idOf(name: string): string {
    return (this.#keys.get(name) as KeyDeclaration).id;
  }
}

const INT_MAX = 2 ** 31 - 1;

function valueType(value: WritableValue): KeyType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) <= INT_MAX ? "int" : "double";
  return "string";
}

/** The type that holds values of both: int widens to double; any other mix is text. */
function widerType(a: KeyType, b: KeyType): KeyType {
  if (a === b) return a;
  if ((a === "int" && b === "double") || (a === "double" && b === "int")) return "double";
  return "string";
}
