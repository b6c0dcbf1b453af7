/**
 * graphology's own serialization (`graph.export()`, read back by `Graph.from`), the format of the
 * viewer and of anyone who already works in graphology. It holds every attribute as it is
 * (numbers, text, lists), so a round trip is exact, with three exceptions JSON imposes or we
 * choose: edge keys are left out (graphology generates them anew, and generated keys differ from
 * run to run, so writing them would make the same graph give different bytes); NaN and Infinity
 * become null, which the checks then reject; undefined values are left out. The graph's own
 * attributes are written, as graphology does, but not read back: the model has none.
 *
 * Reading is by hand rather than through `graph.import()`, which throws at the first node given
 * twice or edge to no node: here each such item is rejected on its own, with its path.
 */
import type { AnyGraph, AllianceGraph } from "@linkscale/core/model";
import { defineField } from "../records.ts";
import { failedGraphLoad, loadGraphItems, type AttributeMap, type EdgeItem, type GraphLoad, type GraphReadOptions, type NodeItem, type AnyAllianceGraph } from "./graph-load.ts";
import { isKey, isObject, jsonValueMessages, parseJson, unknownList } from "./json-values.ts";

export const jsonMessages = {
  syntax: jsonValueMessages.syntax,
  notAGraph: () => 'not a graphology JSON export: expected an object with a "nodes" array',
  notAList: (field: string) => `"${field}" must be an array`,
  notANode: () => "must be an object with a key",
  notAnEdge: () => "must be an object with a source and a target",
  notAttributes: () => "must be an object",
};

export function readGraphologyJson<G extends AnyAllianceGraph = AllianceGraph>(text: string, options: GraphReadOptions<G>): GraphLoad<G> {
  const parsed = parseJson(text);
  return "error" in parsed ? failedGraphLoad(options.file, parsed.error, options.build) : graphologyLoad(parsed.data, options);
}

const LISTS = ["nodes", "edges"];

/** A parsed graphology export, checked. */
export function graphologyLoad<G extends AnyAllianceGraph = AllianceGraph>(data: unknown, { file, arcs, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  if (!isObject(data) || !Array.isArray(data["nodes"])) return failedGraphLoad(file, jsonMessages.notAGraph(), build);
  const edgeList = data["edges"] ?? [];
  if (!Array.isArray(edgeList)) return failedGraphLoad(file, jsonMessages.notAList("edges"), build);
  const unknown = unknownList(data, "graphology JSON", LISTS);
  if (unknown !== undefined) return failedGraphLoad(file, unknown, build);
  // graphology's default graph is mixed, where an edge is directed unless marked undirected.
  const options = isObject(data["options"]) ? data["options"] : {};
  const type = options["type"] ?? "mixed";

  const nodes = (data["nodes"] as unknown[]).map((entry, index): NodeItem => {
    const path = `nodes[${index}]`;
    if (!isObject(entry) || !isKey(entry["key"])) {
      return { key: undefined, attributes: {}, problems: [{ column: path, message: jsonMessages.notANode() }] };
    }
    const attributes = readAttributes(entry["attributes"]);
    const key = String(entry["key"]);
    if (attributes === undefined) {
      return { key, attributes: {}, problems: [{ column: `${path}.attributes`, message: jsonMessages.notAttributes() }] };
    }
    return { key, attributes };
  });
  const edges = (edgeList as unknown[]).map((entry, index): EdgeItem => {
    const path = `edges[${index}]`;
    if (!isObject(entry) || !isKey(entry["source"]) || !isKey(entry["target"])) {
      return { source: undefined, target: undefined, attributes: {}, directed: false, problems: [{ column: path, message: jsonMessages.notAnEdge() }] };
    }
    const source = String(entry["source"]);
    const target = String(entry["target"]);
    const directed = type === "directed" || (type === "mixed" && entry["undirected"] !== true);
    const attributes = readAttributes(entry["attributes"]);
    if (attributes === undefined) {
      return { source, target, attributes: {}, directed, problems: [{ column: `${path}.attributes`, message: jsonMessages.notAttributes() }] };
    }
    return { source, target, attributes, directed };
  });
  return loadGraphItems(file, { nodes, edges }, { build, arcs, mapping });
}

/**
 * Pretty, in graph order, without edge keys: the same graph gives the same bytes. graphology's
 * own format, as `graph.export()` gives it, built here since `export()` copies attributes by
 * assignment and loses one named "__proto__" (records.ts).
 */
export function writeGraphologyJson(graph: AnyGraph): string {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  const nodes = graph.mapNodes((key, attributes) => withAttributes({ key }, attributes));
  const edges = graph.mapEdges((_edge, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
    const edge = withAttributes({ source, target }, attributes);
    if (graph.type === "mixed" && undirected) edge["undirected"] = true;
    return edge;
  });
  const serialized = { options, attributes: ownCopy(graph.getAttributes()), nodes, edges };
  return JSON.stringify(serialized, null, 2) + "\n";
}

/** `item` with a copy of `attributes`, left out when there are none, as graphology exports. */
function withAttributes(item: AttributeMap, attributes: AttributeMap): AttributeMap {
  if (Object.keys(attributes).length > 0) item["attributes"] = ownCopy(attributes);
  return item;
}

function ownCopy(attributes: AttributeMap): AttributeMap {
  const copy: AttributeMap = {};
  for (const name of Object.keys(attributes)) defineField(copy, name, attributes[name]);
  return copy;
}

/** Absent and null mean none, as graphology reads them; anything but an object is a problem. */
function readAttributes(value: unknown): AttributeMap | undefined {
  if (value === undefined || value === null) return {};
  return isObject(value) ? value : undefined;
}
