/**
 * The JSON of VOSviewer Online (https://app.vosviewer.com/docs/file-types/json-file-type/, from
 * github.com/neesjanvaneck/VOSviewer-Online-Docs; the example below is the shape of the files in
 * VOSviewer Online's data/ folder):
 *
 * ```json
 * {
 *   "config": { "terminology": { "item": "Organisation", … } },
 *   "network": {
 *     "items": [{ "id": 1, "label": "abbasi, a", "x": 0.1233, "y": -0.452, "cluster": 17,
 *                 "weights": { "Documents": 3 }, "scores": { "Avg. pub. year": 2012 } }],
 *     "links": [{ "source_id": 1, "target_id": 9, "strength": 2 }],
 *     "clusters": [{ "cluster": 17, "label": "Scientometrics" }]
 *   }
 * }
 * ```
 *
 * Read as VOSviewer Online reads it (src/workers/worker.js), by vosviewer-items.ts's mapping: an
 * item's `id` (text or a number) is the organisation's id; `label`, `description`, `url`, `x`,
 * `y`, `cluster`, `weights` and `scores` as there; item-level `weight<…>` and `score<…>` fields
 * (VOSviewer writes some beside `weights`) are weights and scores too, and one given both ways
 * with different values rejects the item. Every other field of an item or link (Dimensions' files
 * carry `address`, `grid`) is kept as an attribute of its name, its JSON value as it is; null is
 * no value. A link's `strength` is its `weight` (1 when absent). Without items, the ids the links
 * name are the organisations (VOSviewer Online draws such a file). `config` and `info` are the
 * viewer's settings, not the network's, and are not read; a list under `network` other than
 * `items`, `links` and `clusters` refuses the file rather than being left out unread. As in
 * every JSON format, a rejected item's row is its position among the items (or links), and its
 * column the path (`items[3].x`). A pair of items linked twice is rejected at its second link
 * (VOSviewer Online adds the two strengths), and links are undirected.
 *
 * Written: an item per organisation with VOSviewer's fields (vosviewer-items.ts decides label,
 * positions, clusters, weights and scores), and beside them every other attribute of the
 * organisation as a field of its name (type, country, region, …; lists as JSON lists), which
 * VOSviewer Online keeps and its templates can show; a link per link with its weight as
 * `strength` and its other attributes beside. So a round trip keeps everything but the model's
 * `cluster`, which becomes VOSviewer's (`vosCluster` and `vosClusterLabel` read back), and
 * positions some organisations lack. `config.terminology` calls items organisations. An
 * attribute that would read back as one of VOSviewer's own fields (named `id`, `weights`,
 * `Cluster`…, since VOSviewer Online reads field names in any case) is refused, as is one whose
 * name holds "weight" or "score" with a value that is no number: VOSviewer Online reads every
 * such field as a weight or score, and would refuse the file.
 */
import type { AnyGraph, AllianceGraph } from "@linkscale/core/model";
import type { Problem } from "../problems.ts";
import { defineField } from "../records.ts";
import { UnwritableGraphError } from "./errors.ts";
import { failedGraphLoad, loadGraphItems, type AttributeMap, type EdgeItem, type GraphLoad, type GraphReadOptions, type NodeItem, type AnyAllianceGraph } from "./graph-load.ts";
import { isKey, isObject, parseJson, unknownList } from "./json-values.ts";
import {
  isNoValue,
  isScoreAttribute,
  isWeightAttribute,
  MAX_CLUSTER,
  readInto,
  scoreAttribute,
  VOS_CLUSTER,
  VOS_CLUSTER_LABEL,
  vosCluster,
  vosNumber,
  vosviewerItems,
  vosviewerMessages,
  vosviewerRules,
  vosWeight,
  weightAttribute,
  type VosValue,
} from "./vosviewer-items.ts";

const MODULE = "io/formats/vosviewer-json";
const FORMAT = "VOSviewer JSON";
const NETWORK_LISTS = ["items", "links", "clusters"];
/** An item's own fields, by their name in lower case (VOSviewer Online lowers the others' too). */
const ITEM_FIELDS = new Set(["id", "label", "description", "url", "x", "y", "cluster", "weights", "scores"]);
const LINK_FIELDS = new Set(["source_id", "target_id", "strength"]);
/** Field names VOSviewer Online reads as a weight or a score (src/utils/helpers.js). */
const WEIGHT_OR_SCORE = /[wW]eight|[sS]core/;

export const vosviewerJsonMessages = {
  notVosviewer: () => 'not VOSviewer JSON: expected an object with a "network" object holding "items" or "links"',
  notAList: (field: string) => `network.${field} must be an array`,
  badCluster: (index: number) => `network.clusters[${index}] must be an object with a cluster (a whole number from 1 to ${MAX_CLUSTER}) and, if any, a text label`,
  notAnItem: () => 'must be an object with an "id"',
  notALink: () => 'must be an object with a "source_id" and a "target_id"',
  notAnObject: (field: string) => `"${field}" must be an object of named numbers`,
  weightAndStrength: () => 'has a "weight" beside its "strength": a VOSviewer link\'s weight is its strength',
  reservedName: (where: string, name: string) =>
    `${where} has an attribute named "${name}", which VOSviewer Online reads as an item's or link's own field; rename it, or write GraphML or graphology JSON`,
  weightOrScoreName: (where: string, name: string, value: unknown) =>
    `${where} has an attribute "${name}" of value ${JSON.stringify(value) ?? String(value)}: VOSviewer Online reads any field whose name holds "weight" or "score" as a number, and would refuse the file; rename it`,
};

/** True when parsed JSON is VOSviewer's: a `network` object holding `items` or `links` (VOSviewer Online's own test). */
export function isVosviewerJson(data: unknown): boolean {
  if (!isObject(data) || !isObject(data["network"])) return false;
  const network = data["network"];
  return network["items"] !== undefined || network["links"] !== undefined;
}

export function readVosviewerJson<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  const parsed = parseJson(text);
  return "error" in parsed ? failedGraphLoad(file, parsed.error, build) : vosviewerJsonLoad(parsed.data, { file, mapping, build });
}

/** Parsed VOSviewer JSON, checked. */
export function vosviewerJsonLoad<G extends AnyAllianceGraph = AllianceGraph>(data: unknown, { file, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  if (!isVosviewerJson(data)) return failedGraphLoad(file, vosviewerJsonMessages.notVosviewer(), build);
  const top = data as AttributeMap;
  const network = top["network"] as AttributeMap;
  for (const list of NETWORK_LISTS) {
    if (network[list] !== undefined && network[list] !== null && !Array.isArray(network[list])) return failedGraphLoad(file, vosviewerJsonMessages.notAList(list), build);
  }
  const unknown = unknownList(top, FORMAT, []) ?? unknownList(network, `${FORMAT}'s network`, NETWORK_LISTS);
  if (unknown !== undefined) return failedGraphLoad(file, unknown, build);
  const clusterLabels = readClusterLabels((network["clusters"] as unknown[] | undefined | null) ?? []);
  if ("error" in clusterLabels) return failedGraphLoad(file, clusterLabels.error, build);

  const rules = new Set<string>();
  const itemList = (network["items"] as unknown[] | undefined | null) ?? [];
  const linkList = (network["links"] as unknown[] | undefined | null) ?? [];
  const edges = linkList.map(readLink);
  let nodes: NodeItem[];
  if (itemList.length === 0 && linkList.length > 0) {
    nodes = nodesOfLinks(edges);
    rules.add(vosviewerRules.itemsFromLinks);
  } else {
    nodes = itemList.map((entry, index) => readItem(entry, index, clusterLabels.labels, rules));
  }
  const load = loadGraphItems(file, { nodes, edges }, { build, mapping });
  // In the order the items' mapping names them.
  const ordered = [vosviewerRules.itemsFromLinks, vosviewerRules.cluster, vosviewerRules.clusterLabels, vosviewerRules.weightsAndScores].filter((rule) => rules.has(rule));
  return ordered.length === 0 ? load : { ...load, rules: ordered };
}

function readClusterLabels(list: readonly unknown[]): { labels: Map<number, string> } | { error: string } {
  const labels = new Map<number, string>();
  for (const [index, entry] of list.entries()) {
    const cluster = isObject(entry) ? vosCluster(entry["cluster"]) : undefined;
    const label = isObject(entry) ? entry["label"] : undefined;
    if (cluster === undefined || "problem" in cluster || cluster.value === undefined || !(label === undefined || label === null || typeof label === "string")) {
      return { error: vosviewerJsonMessages.badCluster(index) };
    }
    if (typeof label === "string" && label !== "") labels.set(cluster.value, label);
  }
  return { labels };
}

function readItem(entry: unknown, index: number, clusterLabels: ReadonlyMap<number, string>, rules: Set<string>): NodeItem {
  const path = `items[${index}]`;
  if (!isObject(entry) || !isKey(entry["id"])) return { key: undefined, attributes: {}, path, problems: [{ column: path, message: vosviewerJsonMessages.notAnItem() }] };
  const attributes = Object.create(null) as AttributeMap;
  const problems: Problem[] = [];
  // Weights and scores as read, with where each came from, to find one given twice.
  const givenAt = new Map<string, string>();
  const readNamed = (name: string, read: VosValue, column: string) => {
    if (!("problem" in read) && read.value !== undefined) {
      const first = givenAt.get(name);
      if (first !== undefined && attributes[name] !== read.value) {
        problems.push({ column, message: vosviewerMessages.bothWeights(name, first, column) });
        return;
      }
      givenAt.set(name, column);
      rules.add(vosviewerRules.weightsAndScores);
    }
    readInto(attributes, problems, name, read, column);
  };
  for (const name of Object.keys(entry)) {
    const value = entry[name];
    const column = `${path}.${name}`;
    if (name === "id" || isNoValue(value)) continue;
    switch (name) {
      case "label":
      case "description":
      case "url":
        if (typeof value === "string" || typeof value === "number") defineField(attributes, name, String(value));
        else problems.push({ column, message: vosviewerMessages.notText(JSON.stringify(value) ?? String(value)) });
        break;
      case "x":
      case "y":
        readInto(attributes, problems, name, vosNumber(value), column);
        break;
      case "cluster":
        readInto(attributes, problems, VOS_CLUSTER, vosCluster(value), column);
        if (typeof attributes[VOS_CLUSTER] === "number") {
          rules.add(vosviewerRules.cluster);
          const label = clusterLabels.get(attributes[VOS_CLUSTER]);
          if (label !== undefined) {
            defineField(attributes, VOS_CLUSTER_LABEL, label);
            rules.add(vosviewerRules.clusterLabels);
          }
        }
        break;
      case "weights":
      case "scores": {
        if (!isObject(value)) {
          problems.push({ column, message: vosviewerJsonMessages.notAnObject(name) });
          break;
        }
        for (const inner of Object.keys(value)) {
          const read = name === "weights" ? vosWeight(value[inner]) : vosNumber(value[inner]);
          readNamed(name === "weights" ? weightAttribute(inner) : scoreAttribute(inner), read, `${column}.${inner}`);
        }
        break;
      }
      default:
        if (isWeightAttribute(name)) readNamed(name, vosWeight(value), column);
        else if (isScoreAttribute(name)) readNamed(name, vosNumber(value), column);
        else defineField(attributes, name, value);
    }
  }
  const item: NodeItem = { key: String(entry["id"]), attributes, path };
  return problems.length === 0 ? item : { ...item, problems };
}

function readLink(entry: unknown, index: number): EdgeItem {
  const path = `links[${index}]`;
  if (!isObject(entry) || !isKey(entry["source_id"]) || !isKey(entry["target_id"])) {
    return { source: undefined, target: undefined, attributes: {}, directed: false, path, problems: [{ column: path, message: vosviewerJsonMessages.notALink() }] };
  }
  const attributes = Object.create(null) as AttributeMap;
  const problems: Problem[] = [];
  for (const name of Object.keys(entry)) {
    const value = entry[name];
    if (LINK_FIELDS.has(name) || isNoValue(value)) continue;
    defineField(attributes, name, value);
  }
  if (!isNoValue(entry["strength"])) {
    if (attributes["weight"] !== undefined) problems.push({ column: `${path}.weight`, message: vosviewerJsonMessages.weightAndStrength() });
    else readInto(attributes, problems, "weight", vosNumber(entry["strength"]), `${path}.strength`);
  }
  const link: EdgeItem = { source: String(entry["source_id"]), target: String(entry["target_id"]), attributes, directed: false, path };
  return problems.length === 0 ? link : { ...link, problems };
}

/** Each id the links name, once, in the order first named (at the link that names it). */
function nodesOfLinks(edges: readonly EdgeItem[]): NodeItem[] {
  const nodes: NodeItem[] = [];
  const known = new Set<string>();
  edges.forEach(({ source, target }, index) => {
    for (const id of [source, target]) {
      if (id === undefined || id === "" || known.has(id)) continue;
      known.add(id);
      nodes.push({ key: id, attributes: {}, row: index + 1, path: `links[${index}]` });
    }
  });
  return nodes;
}

/** Pretty, in graph order: the same graph gives the same bytes. */
export function writeVosviewerJson(graph: AnyGraph): string {
  const { items, clusters, positions } = vosviewerItems(graph, MODULE);
  const itemObjects = items.map((item) => {
    const where = `organisation "${item.id}"`;
    const object: AttributeMap = { id: item.id, label: item.label };
    if (item.description !== undefined) object["description"] = item.description;
    if (item.url !== undefined) object["url"] = item.url;
    if (positions) {
      object["x"] = item.x;
      object["y"] = item.y;
    }
    if (item.cluster !== undefined) object["cluster"] = item.cluster;
    if (item.weights.length > 0) object["weights"] = namedNumbers(item.weights);
    if (item.scores.length > 0) object["scores"] = namedNumbers(item.scores);
    for (const name of Object.keys(item.rest)) {
      const value = item.rest[name];
      if (ITEM_FIELDS.has(name.toLowerCase())) throw new UnwritableGraphError(MODULE, vosviewerJsonMessages.reservedName(where, name));
      checkWeightOrScoreName(where, name, value);
      defineField(object, name, value);
    }
    return object;
  });
  const links = graph.mapEdges((_edge, attributes, source, target) => {
    const where = `link ${source}–${target}`;
    const weight = attributes["weight"];
    const object: AttributeMap = { source_id: source, target_id: target, strength: typeof weight === "number" ? weight : 1 };
    for (const name of Object.keys(attributes)) {
      if (name === "weight") continue;
      if (LINK_FIELDS.has(name.toLowerCase())) throw new UnwritableGraphError(MODULE, vosviewerJsonMessages.reservedName(where, name));
      defineField(object, name, attributes[name]);
    }
    return object;
  });
  const network: AttributeMap = { items: itemObjects, links };
  if (clusters.length > 0) network["clusters"] = clusters;
  const terminology = { item: "Organisation", items: "Organisations", link: "Link", links: "Links", link_strength: "Weight", total_link_strength: "Total weight" };
  return JSON.stringify({ config: { terminology }, network }, null, 2) + "\n";
}

function namedNumbers(entries: ReadonlyArray<[string, number]>): AttributeMap {
  const object: AttributeMap = {};
  for (const [name, value] of entries) defineField(object, name, value);
  return object;
}

function checkWeightOrScoreName(where: string, name: string, value: unknown): void {
  if (!WEIGHT_OR_SCORE.test(name)) return;
  const numeric = typeof value === "number" && Number.isFinite(value) && (!/[wW]eight/.test(name) || value >= 0);
  if (!numeric && !isNoValue(value)) throw new UnwritableGraphError(MODULE, vosviewerJsonMessages.weightOrScoreName(where, name, value));
}
