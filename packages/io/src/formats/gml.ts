/**
 * GML, the Graph Modelling Language (Himsolt, "GML: A portable Graph File Format", Universität
 * Passau, 1997), as NetworkX, igraph, Gephi, Cytoscape and yEd write it:
 *
 * ```
 * graph [
 *   directed 0
 *   node [ id 0 label "DE-MUELLER" name "M&#252;ller &#38; S&#246;hne" lat 48.1374 ]
 *   edge [ source 0 target 1 weight 0.5 ]
 * ]
 * ```
 *
 * Read and written here by hand: no maintained npm package parses GML (the grammar is a page
 * long: a key, then an integer, a real, a quoted string or a bracketed list).
 *
 * Which value is the organisation's id: GML's `id` is a number the edges refer to, and tools
 * disagree on where the node's own identifier goes. NetworkX writes it as `label` (and reads
 * `label` as the node by default); igraph and Gephi write a number as `id`, igraph its vertex
 * names as `name`, Gephi the display name as `label`. So a node's key is its `label` when every
 * node has one and no two are the same (NetworkX's convention, and what linkscale writes), and
 * its `id` otherwise, with `label` then read as a display label (the name, where there is none).
 * The rule that was used is named in the load's `rules`.
 *
 * Values: integers and reals as numbers, strings with their `&#NNN;` and `&amp;`-style references
 * decoded (NetworkX writes every character outside ASCII so), an empty string as no value (igraph
 * writes one for each attribute a vertex or edge lacks); a key repeated inside one node or
 * edge is a list (NetworkX writes lists so); `projects` is split on ";" as in the other formats;
 * Gephi's `graphics [ x y z w fill ]` is read into `x`, `y`, `z`, `size` and `color`; any other
 * nested list is kept as its JSON text; an edge's own `id` (Gephi's) is not read. Written: the node index as `id`, the organisation's id as
 * `label`, every attribute but lists as its value (booleans as 1 and 0, GML has none), lists
 * `;`-joined, text in ASCII with references for the rest. An attribute name GML cannot hold (it
 * must be a letter, then letters, digits or `_`), a node attribute `id` or `label`, or a link
 * attribute `source` or `target`, is refused rather than written as something else.
 */
import type { AnyGraph, AllianceGraph } from "@linkscale/core/model";
import { LIST_SEPARATOR } from "../csv/fields.ts";
import type { Problem } from "../problems.ts";
import { UnwritableGraphError } from "./errors.ts";
import { failedGraphLoad, graphMessages, loadGraphItems, type AttributeMap, type EdgeItem, type GraphLoad, type GraphReadOptions, type NodeItem, type AnyAllianceGraph } from "./graph-load.ts";

const MODULE = "io/formats/gml";

export const gmlMessages = {
  syntax: (line: number, column: number, what: string) => `GML syntax, line ${line}, column ${column}: ${what}`,
  noGraph: () => 'not a GML network: no "graph [ … ]"',
  secondGraph: (line: number) => `a second "graph" at line ${line}: one file holds one network`,
  notAList: (key: "node" | "edge") => `"${key}" must be followed by [ … ]`,
  noId: () => 'has no "id"',
  endNotAnId: (end: "source" | "target") => `"${end}" must be a node's id`,
  repeatedId: (id: string, line: number) => `GML id ${id} is already used at line ${line}`,
  unwritableName: (where: string, name: string) =>
    `${where} has an attribute named "${name}", which GML cannot hold as it is (a name is a letter, then letters, digits or _; id, label, source and target are GML's own); rename it, or write GraphML or JSON`,
  unwritableValue: (where: string, name: string, value: unknown) => `${where}, attribute "${name}": ${String(value)} has no GML form`,
};

/** The identifier rule a load used, named in its `rules`. */
export const gmlIdentifiers = {
  label: "GML: each node's label is its id (every node has one, and no two are the same: NetworkX's convention)",
  id: "GML: each node's id is its id (not every node has a label of its own); labels are read as display names",
};

type Value = number | string | Entry[];
interface Entry {
  key: string;
  value: Value;
  line: number;
  column: number;
}

// A key, a number, a string, a bracket; whitespace and # comments between.
const TOKEN = /\s+|#[^\n]*|([A-Za-z_][A-Za-z0-9_]*)|([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]INF)|"([^"]*)"|(\[)|(\])/y;
// Bare words NetworkX writes for reals that are not finite.
const NOT_FINITE: ReadonlyMap<string, number> = new Map([
  ["INF", Infinity],
  ["+INF", Infinity],
  ["-INF", -Infinity],
  ["NAN", NaN],
]);

/** The file as nested key-value lists, or where it stops being GML. */
function parseGml(text: string): { entries: Entry[] } | { error: string } {
  const root: Entry[] = [];
  const stack: Entry[][] = [root];
  let line = 1;
  let lineStart = 0;
  let pendingKey: { key: string; line: number; column: number } | undefined;
  TOKEN.lastIndex = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (TOKEN.lastIndex < text.length) {
    const offset = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    const column = offset - lineStart + 1;
    if (match === null) {
      if (text[offset] === '"') return { error: gmlMessages.syntax(line, column, "a string that is never closed") };
      const found = text.slice(offset, offset + 20).split(/\s/, 1)[0] ?? "";
      return { error: gmlMessages.syntax(line, column, `cannot read "${found}"`) };
    }
    const [token, key, number, string, open, close] = match;
    const current = stack.at(-1) as Entry[];
    if (key !== undefined && pendingKey === undefined) {
      pendingKey = { key, line, column };
    } else if (pendingKey !== undefined && (number !== undefined || string !== undefined || key !== undefined)) {
      // A bare word as a value (INF, NAN, or a tool's unquoted text) is read as that number or text.
      const word = number ?? key;
      const value = string !== undefined ? decodeReferences(string) : (NOT_FINITE.get(word as string) ?? (number !== undefined ? Number(number) : (key as string)));
      current.push({ ...pendingKey, value });
      pendingKey = undefined;
    } else if (open !== undefined && pendingKey !== undefined) {
      const list: Entry[] = [];
      current.push({ ...pendingKey, value: list });
      stack.push(list);
      pendingKey = undefined;
    } else if (close !== undefined && pendingKey === undefined && stack.length > 1) {
      stack.pop();
    } else if (token.trim() !== "" && !token.startsWith("#")) {
      const what = close !== undefined ? (pendingKey === undefined ? "a ] that closes no [" : `"${pendingKey.key}" has no value`) : `"${token}" where a key is expected`;
      return { error: gmlMessages.syntax(line, column, what) };
    }
    for (let i = token.indexOf("\n"); i >= 0; i = token.indexOf("\n", i + 1)) {
      line++;
      lineStart = offset + i + 1;
    }
  }
  if (pendingKey !== undefined) return { error: gmlMessages.syntax(pendingKey.line, pendingKey.column, `the file ends after "${pendingKey.key}"`) };
  if (stack.length > 1) return { error: gmlMessages.syntax(line, text.length - lineStart + 1, "the file ends inside a [ … ]") };
  return { entries: root };
}

const NAMED_REFERENCES: ReadonlyMap<string, string> = new Map([
  ["amp", "&"],
  ["quot", '"'],
  ["lt", "<"],
  ["gt", ">"],
  ["apos", "'"],
]);

function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|([a-z]+));/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_REFERENCES.get(name) ?? whole;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex as string, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An item's entries as attributes: repeated keys as lists, nested lists as JSON text, graphics read. */
function attributesOf(entries: readonly Entry[], own: ReadonlySet<string>): AttributeMap {
  const values = new Map<string, unknown[]>();
  const add = (name: string, value: unknown) => values.set(name, [...(values.get(name) ?? []), value]);
  for (const { key, value } of entries) {
    if (own.has(key)) continue;
    if (key === "graphics" && Array.isArray(value)) {
      for (const part of value) {
        const name = GRAPHICS.get(part.key);
        if (name !== undefined && !Array.isArray(part.value)) add(name, part.value);
      }
    } else if (value !== "") add(key, Array.isArray(value) ? JSON.stringify(plain(value)) : value);
  }
  const attributes = Object.create(null) as AttributeMap;
  for (const [name, list] of values) attributes[name] = list.length === 1 ? list[0] : list;
  const projects = attributes["projects"];
  if (typeof projects === "string") attributes["projects"] = projects.split(LIST_SEPARATOR);
  return attributes;
}

// Gephi's (and yEd's) drawing of a node, as the attributes the GEXF reader gives it.
const GRAPHICS: ReadonlyMap<string, string> = new Map([
  ["x", "x"],
  ["y", "y"],
  ["z", "z"],
  ["w", "size"],
  ["fill", "color"],
]);

function plain(entries: readonly Entry[]): Record<string, unknown> {
  const object = Object.create(null) as Record<string, unknown>;
  for (const { key, value } of entries) object[key] = Array.isArray(value) ? plain(value) : value;
  return object;
}

const NODE_OWN = new Set(["id", "label"]);
const EDGE_OWN = new Set(["source", "target", "id"]);

export function readGml<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, arcs, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  const parsed = parseGml(text);
  if ("error" in parsed) return failedGraphLoad(file, parsed.error, build);
  const graphs = parsed.entries.filter(({ key, value }) => key === "graph" && Array.isArray(value));
  const graph = graphs[0];
  if (graph === undefined) return failedGraphLoad(file, gmlMessages.noGraph(), build);
  if (graphs[1] !== undefined) return failedGraphLoad(file, gmlMessages.secondGraph(graphs[1].line), build);
  const entries = graph.value as Entry[];
  const directed = entries.some(({ key, value }) => key === "directed" && value === 1);
  const nodeEntries = entries.filter(({ key }) => key === "node");
  const edgeEntries = entries.filter(({ key }) => key === "edge");

  const field = (entry: Entry, name: string) => (Array.isArray(entry.value) ? entry.value.find(({ key }) => key === name)?.value : undefined);
  const labels = nodeEntries.map((entry) => field(entry, "label"));
  const byLabel = labels.length > 0 && labels.every((label) => typeof label === "string" && label !== "") && new Set(labels).size === labels.length;
  // GML id → the organisation's id and the line of its node, for the edges' ends.
  const nodeOfId = new Map<string, { key: string; line: number }>();
  const nodes = nodeEntries.map((entry, index): NodeItem => {
    const path = `nodes[${index}]`;
    const broken = (column: string, message: string): NodeItem => ({ row: entry.line, path, key: undefined, attributes: {}, problems: [{ column, message }] });
    if (!Array.isArray(entry.value)) return broken(path, gmlMessages.notAList("node"));
    const id = field(entry, "id");
    if (typeof id !== "number" && typeof id !== "string") return broken(`${path}.id`, gmlMessages.noId());
    const first = nodeOfId.get(String(id));
    if (first !== undefined) return broken(`${path}.id`, gmlMessages.repeatedId(String(id), first.line));
    const label = field(entry, "label");
    const key = byLabel ? (label as string) : String(id);
    nodeOfId.set(String(id), { key, line: entry.line });
    const attributes = attributesOf(entry.value, NODE_OWN);
    if (!byLabel && label !== undefined) attributes["label"] = typeof label === "string" ? label : JSON.stringify(label);
    return { row: entry.line, path, key, attributes };
  });
  const edges = edgeEntries.map((entry, index): EdgeItem => {
    const path = `edges[${index}]`;
    const item: EdgeItem = { row: entry.line, path, directed, source: undefined, target: undefined, attributes: {} };
    if (!Array.isArray(entry.value)) return { ...item, problems: [{ column: path, message: gmlMessages.notAList("edge") }] };
    const problems: Problem[] = [];
    const end = (name: "source" | "target") => {
      const value = field(entry, name);
      if (value === undefined) return undefined;
      if (typeof value !== "number" && typeof value !== "string") {
        problems.push({ column: `${path}.${name}`, message: gmlMessages.endNotAnId(name) });
        return undefined;
      }
      const node = nodeOfId.get(String(value));
      if (node === undefined) problems.push({ column: `${path}.${name}`, message: graphMessages.unknownNode(String(value)) });
      return node?.key;
    };
    const ends = { source: end("source"), target: end("target"), attributes: attributesOf(entry.value, EDGE_OWN) };
    return problems.length === 0 ? { ...item, ...ends } : { ...item, ...ends, problems };
  });
  return loadGraphItems(file, { nodes, edges }, { build, rowsAreLines: true, arcs, mapping, rules: [byLabel ? gmlIdentifiers.label : gmlIdentifiers.id] });
}

const GML_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** GML in graph order, two-space indented, as NetworkX writes it: the same graph gives the same bytes. */
export function writeGml(graph: AnyGraph): string {
  const lines = ["graph [", `  directed ${graph.type === "directed" ? 1 : 0}`];
  const index = new Map<string, number>();
  graph.forEachNode((key, attributes) => {
    index.set(key, index.size);
    const where = `node "${key}"`;
    lines.push("  node [", `    id ${index.size - 1}`, `    label ${gmlString(key)}`);
    for (const [name, value] of Object.entries(attributes)) pushValue(lines, where, name, value, NODE_OWN);
    lines.push("  ]");
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    const where = `link ${source}–${target}`;
    lines.push("  edge [", `    source ${index.get(source)}`, `    target ${index.get(target)}`);
    for (const [name, value] of Object.entries(attributes)) pushValue(lines, where, name, value, EDGE_OWN);
    lines.push("  ]");
  });
  lines.push("]", "");
  return lines.join("\n");
}

function pushValue(lines: string[], where: string, name: string, value: unknown, own: ReadonlySet<string>): void {
  if (value === undefined || value === null) return;
  if (!GML_KEY.test(name) || own.has(name)) throw new UnwritableGraphError(MODULE, gmlMessages.unwritableName(where, name));
  let written: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new UnwritableGraphError(MODULE, gmlMessages.unwritableValue(where, name, value));
    written = String(value);
  } else if (typeof value === "boolean") written = value ? "1" : "0";
  else if (Array.isArray(value)) written = gmlString(value.map(String).join(LIST_SEPARATOR));
  else if (typeof value === "object") written = gmlString(JSON.stringify(value));
  else written = gmlString(String(value));
  lines.push(`    ${name} ${written}`);
}

/** A quoted GML string: ASCII, with `&`, `"` and every other character as a numeric reference. */
function gmlString(text: string): string {
  let quoted = '"';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    quoted += code >= 0x20 && code < 0x7f && character !== "&" && character !== '"' ? character : `&#${code};`;
  }
  return `${quoted}"`;
}
