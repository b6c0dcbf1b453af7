/**
 * NetworkX's node-link JSON (`nx.node_link_data`, read back by `nx.node_link_graph`; d3's force
 * layouts read the same shape): `{"directed", "multigraph", "graph", "nodes": [{"id", ...}],
 * "links": [{"source", "target", ...}]}`, each item's attributes beside its id or ends. NetworkX
 * 3.6 and later name the list `edges`; both are read, and a file holding both is refused, since
 * which of them is the network cannot be told.
 *
 * Written with `links`, NetworkX's name until 3.6 (Debian's 2.8 reads it as it is; 3.6 and later
 * read it with `node_link_graph(data, edges="links")`). Attributes are kept as JSON holds them
 * (numbers, text, lists), so a round trip is exact; a node attribute named `id`, or a link
 * attribute named `source`, `target` or `key`, would be taken for the item's own and is refused.
 * Edge keys (a multigraph's `key`) are not read: the alliance graph has one link per pair.
 */
import type { AnyGraph, AllianceGraph } from "@linkscale/core/model";
import { defineField } from "../records.ts";
import { UnwritableGraphError } from "./errors.ts";
import { failedGraphLoad, loadGraphItems, type AttributeMap, type EdgeItem, type GraphLoad, type GraphReadOptions, type NodeItem, type AnyAllianceGraph } from "./graph-load.ts";
import { isKey, isObject, parseJson, unknownList } from "./json-values.ts";

const MODULE = "io/formats/node-link-json";
const NODE_FIELDS = new Set(["id"]);
const LINK_FIELDS = new Set(["source", "target", "key"]);

export const nodeLinkMessages = {
  notAGraph: () => 'not node-link JSON: expected an object with a "nodes" array',
  notAList: (field: string) => `"${field}" must be an array`,
  bothLists: () => 'holds both "links" and "edges": which of them are the network\'s links cannot be told',
  notANode: () => 'must be an object with an "id"',
  keyNotId: () => 'has a "key" but no "id": node-link JSON names a node by "id" (graphology\'s export, which names it by "key", keeps its links under "edges", not "links")',
  notALink: () => 'must be an object with a "source" and a "target"',
  reservedName: (where: string, name: string) =>
    `${where} has an attribute named "${name}", which node-link JSON holds as the item's own field; rename it, or write graphology JSON or GraphML`,
};

/** True when parsed JSON is node-link rather than graphology's export: its items are named by `id`, its links are `links`. */
export function isNodeLink(data: unknown): boolean {
  if (!isObject(data)) return false;
  if (Array.isArray(data["links"]) || typeof data["directed"] === "boolean" || typeof data["multigraph"] === "boolean") return true;
  const first = Array.isArray(data["nodes"]) ? (data["nodes"] as unknown[]).find(isObject) : undefined;
  return first !== undefined && "id" in first && !("key" in first);
}

export function readNodeLinkJson<G extends AnyAllianceGraph = AllianceGraph>(text: string, options: GraphReadOptions<G>): GraphLoad<G> {
  const parsed = parseJson(text);
  return "error" in parsed ? failedGraphLoad(options.file, parsed.error, options.build) : nodeLinkLoad(parsed.data, options);
}

/** Parsed node-link JSON, checked. */
export function nodeLinkLoad<G extends AnyAllianceGraph = AllianceGraph>(data: unknown, { file, arcs, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  if (!isObject(data) || !Array.isArray(data["nodes"])) return failedGraphLoad(file, nodeLinkMessages.notAGraph(), build);
  if (data["links"] !== undefined && data["edges"] !== undefined) return failedGraphLoad(file, nodeLinkMessages.bothLists(), build);
  const listName = data["edges"] !== undefined ? "edges" : "links";
  const linkList = data[listName] ?? [];
  if (!Array.isArray(linkList)) return failedGraphLoad(file, nodeLinkMessages.notAList(listName), build);
  const unknown = unknownList(data, "node-link JSON", ["nodes", listName]);
  if (unknown !== undefined) return failedGraphLoad(file, unknown, build);
  const directed = data["directed"] === true;

  const nodes = (data["nodes"] as unknown[]).map((entry, index): NodeItem => {
    if (!isObject(entry) || !isKey(entry["id"])) {
      const message = isObject(entry) && isKey(entry["key"]) ? nodeLinkMessages.keyNotId() : nodeLinkMessages.notANode();
      return { key: undefined, attributes: {}, problems: [{ column: `nodes[${index}]`, message }] };
    }
    return { key: String(entry["id"]), attributes: fieldsBut(entry, NODE_FIELDS) };
  });
  const edges = (linkList as unknown[]).map((entry, index): EdgeItem => {
    if (!isObject(entry) || !isKey(entry["source"]) || !isKey(entry["target"])) {
      return { source: undefined, target: undefined, attributes: {}, directed, path: `${listName}[${index}]`, problems: [{ column: `${listName}[${index}]`, message: nodeLinkMessages.notALink() }] };
    }
    return { source: String(entry["source"]), target: String(entry["target"]), attributes: fieldsBut(entry, LINK_FIELDS), directed, path: `${listName}[${index}]` };
  });
  return loadGraphItems(file, { nodes, edges }, { build, arcs, mapping });
}

/** Pretty, in graph order: the same graph gives the same bytes. */
export function writeNodeLinkJson(graph: AnyGraph): string {
  const nodes = graph.mapNodes((key, attributes) => withFields({ id: key }, attributes, NODE_FIELDS, `node "${key}"`));
  const links = graph.mapEdges((_edge, attributes, source, target) =>
    withFields({ source, target }, attributes, LINK_FIELDS, `link ${source}–${target}`),
  );
  const serialized = { directed: graph.type === "directed", multigraph: graph.multi, graph: withFields({}, graph.getAttributes(), new Set(), "the graph"), nodes, links };
  return JSON.stringify(serialized, null, 2) + "\n";
}

/** The item's fields but its own, in an object without a prototype (a field may be "__proto__"). */
function fieldsBut(entry: AttributeMap, own: ReadonlySet<string>): AttributeMap {
  const attributes = Object.create(null) as AttributeMap;
  for (const name of Object.keys(entry)) if (!own.has(name)) attributes[name] = entry[name];
  return attributes;
}

function withFields(item: AttributeMap, attributes: AttributeMap, own: ReadonlySet<string>, where: string): AttributeMap {
  for (const name of Object.keys(attributes)) {
    if (own.has(name)) throw new UnwritableGraphError(MODULE, nodeLinkMessages.reservedName(where, name));
    defineField(item, name, attributes[name]);
  }
  return item;
}
