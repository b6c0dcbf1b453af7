/**
 * What VOSviewer's two forms share (its map and network files, vosviewer-files.ts, and VOSviewer
 * Online's JSON, vosviewer-json.ts): how an item's values become an organisation's attributes,
 * and back. Sources: VOSviewer Online's documentation of both file types
 * (https://app.vosviewer.com/docs/file-types/, from github.com/neesjanvaneck/VOSviewer-Online-Docs)
 * and its reader (github.com/neesjanvaneck/VOSviewer-Online, src/utils/errors.js and helpers.js),
 * which state the rules of the VOSviewer Manual (van Eck & Waltman, version 1.6.x, "Map and
 * network files") in more detail than the manual's text we could read.
 *
 * The mapping, in both directions:
 * - `id` is the organisation's id; `label` its display label, which graph-load.ts reads as the
 *   name where there is none (as Gephi's); the label written is `label`, else `name`, else the id;
 * - `description` and `url` are attributes of those names (text);
 * - `x` and `y` (VOSviewer's layout) are the attributes `x` and `y`, as GEXF's viz positions are;
 * - `cluster`, an integer from 1 to 1000 numbering VOSviewer's own clustering, is `vosCluster`,
 *   not `cluster`: in linkscale's model `cluster` names the innovation cluster an organisation
 *   belongs to (bavaria-mobility), which analyze groups by; the JSON's cluster labels
 *   (`network.clusters`) are each member's `vosClusterLabel`. The load's rules say so;
 * - each weight (`weight<Links>` in a map file, `"weights": {"Links": 2}` in JSON) is the
 *   attribute `weight<Links>`, each score `score<…>` likewise: the map file's own column names,
 *   which VOSviewer Online itself turns JSON weights into, so both forms read the same attributes;
 * - no value (an empty cell, JSON null, and "null" or "NaN", which VOSviewer Online reads as no
 *   value) is no attribute: unknown is never a value.
 * A value of the wrong kind (x that is no number, a negative weight, cluster 0 or 1001) rejects
 * the item, naming it; VOSviewer refuses the whole file for it.
 *
 * Writing (`vosviewerItems`), the rules that decide a value:
 * - positions: `x` and `y` are written only when every organisation has both as numbers, since
 *   VOSviewer takes coordinates for every item or for none (it then lays the map out itself);
 * - clusters: VOSviewer's cluster is `vosCluster` when any organisation has one; otherwise the
 *   model's `cluster`, numbered 1, 2, … in the order the clusters first appear in the graph (as
 *   nx2vos numbers them), with its name as the cluster's label (JSON only); an organisation with
 *   neither has no cluster. Read back, these are `vosCluster` and `vosClusterLabel`;
 * - weights and scores: the attributes named `weight<…>` and `score<…>`, each a number (a weight
 *   not negative); none is made up: VOSviewer counts links and link strength itself.
 * A graph these rules cannot write (a weight that is text, more than 1000 clusters) is refused with
 * `UnwritableGraphError` rather than written as something VOSviewer would refuse.
 */
import type { AnyGraph } from "@linkscale/core/model";
import { messages, type Problem } from "../problems.ts";
import { defineField } from "../records.ts";
import { UnwritableGraphError } from "./errors.ts";
import { displayLabel, type AttributeMap } from "./graph-load.ts";

export const VOS_CLUSTER = "vosCluster";
export const VOS_CLUSTER_LABEL = "vosClusterLabel";
/** VOSviewer numbers clusters from 1 to 1000. */
export const MAX_CLUSTER = 1000;

const WEIGHT_NAME = /^weight<(.*)>$/is;
const SCORE_NAME = /^score<(.*)>$/is;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** How a load read what VOSviewer's files leave open, named in its `rules` when it applied. */
export const vosviewerRules = {
  cluster:
    "VOSviewer: each item's cluster (VOSviewer's own clustering, numbered 1 to 1000) is read as vosCluster, not as cluster, which in linkscale names an organisation's innovation cluster",
  clusterLabels: "VOSviewer: the cluster labels (network.clusters) are read as each member's vosClusterLabel",
  weightsAndScores: "VOSviewer: weights and scores are read as attributes named as the map file's columns: weight<Links>, score<Avg. pub. year>",
  labelIsId: "VOSviewer: the map file has no id column: each item's label is its id",
  networkAlone: "VOSviewer: a network file without its map file: each id its lines name is an organisation with only that id",
  itemsFromLinks: "VOSviewer: the JSON has no items: each id its links name is an organisation with only that id",
};

// Message builders, exported so tests assert the exact text a user sees.
export const vosviewerMessages = {
  negativeWeight: (value: string) => `must not be negative: a VOSviewer weight is a non-negative number (was ${value})`,
  notACluster: (value: string) => `must be a whole number from 1 to 1000, as VOSviewer numbers its clusters (was ${value})`,
  notText: (value: string) => `must be text (was ${value})`,
  bothWeights: (name: string, first: string, second: string) => `gives ${name} twice, as ${first} and as ${second}, with different values: which is meant cannot be told`,
  unwritableNumber: (where: string, name: string, value: unknown) =>
    `${where}: ${name} is ${JSON.stringify(value) ?? String(value)}, where VOSviewer takes ${name.startsWith("weight<") ? "a non-negative number" : "a number"}`,
  unwritableCluster: (where: string, value: unknown) => `${where}: vosCluster is ${JSON.stringify(value) ?? String(value)}, where VOSviewer takes a whole number from 1 to 1000`,
  unwritableText: (where: string, name: string, value: unknown) => `${where}: ${name} is ${JSON.stringify(value) ?? String(value)}, where VOSviewer takes text`,
  tooManyClusters: (count: number) => `the organisations are in ${count} clusters, and VOSviewer numbers at most ${MAX_CLUSTER}; drop the cluster attribute or merge clusters`,
  clusterLabels: (cluster: number, first: string, second: string) => `VOSviewer cluster ${cluster} is labelled both "${first}" and "${second}"; a cluster has one label`,
};

/** A value as VOSviewer reads it: nothing, a number, or what is wrong with it. */
export type VosValue = { value: number | undefined } | { problem: string };

/** True for what VOSviewer Online reads as no value: absent, null, blank, "null", "NaN". */
export function isNoValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== "string") return false;
  const trimmed = value.trim().toLowerCase();
  return trimmed === "" || trimmed === "null" || trimmed === "nan";
}

function shown(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

/** A number from a cell (text) or a JSON value (a number, or text holding one, as VOSviewer Online reads it). */
export function vosNumber(value: unknown): VosValue {
  if (isNoValue(value)) return { value: undefined };
  if (typeof value === "number") return Number.isFinite(value) ? { value } : { problem: messages.notANumber(String(value)) };
  if (typeof value === "string" && NUMBER.test(value.trim())) return { value: Number(value.trim()) };
  return { problem: messages.notANumber(typeof value === "string" ? value : shown(value)) };
}

/** A weight: a number, not negative. */
export function vosWeight(value: unknown): VosValue {
  const read = vosNumber(value);
  if ("problem" in read || read.value === undefined || read.value >= 0) return read;
  return { problem: vosviewerMessages.negativeWeight(String(read.value)) };
}

/** A cluster: a whole number from 1 to 1000. */
export function vosCluster(value: unknown): VosValue {
  const read = vosNumber(value);
  if ("problem" in read) return { problem: vosviewerMessages.notACluster(shown(value)) };
  if (read.value === undefined || (Number.isInteger(read.value) && read.value >= 1 && read.value <= MAX_CLUSTER)) return read;
  return { problem: vosviewerMessages.notACluster(shown(value)) };
}

/** The attribute a weight or score of this name is read into: `weight<Links>`. */
export function weightAttribute(name: string): string {
  return `weight<${name}>`;
}

export function scoreAttribute(name: string): string {
  return `score<${name}>`;
}

/** The attribute a map-file column `weight<…>` or `score<…>` (any case) is read into, or undefined for another column. */
export function weightOrScoreAttribute(column: string): string | undefined {
  const weight = WEIGHT_NAME.exec(column);
  if (weight !== null) return weightAttribute(weight[1] as string);
  const score = SCORE_NAME.exec(column);
  return score === null ? undefined : scoreAttribute(score[1] as string);
}

export function isWeightAttribute(name: string): boolean {
  return name.startsWith("weight<") && name.endsWith(">");
}

export function isScoreAttribute(name: string): boolean {
  return name.startsWith("score<") && name.endsWith(">");
}

/** Sets a read value, or records its problem at `column`. */
export function readInto(attributes: AttributeMap, problems: Problem[], name: string, read: VosValue, column: string | undefined): void {
  if ("problem" in read) problems.push(column === undefined ? { message: read.problem } : { column, message: read.problem });
  else if (read.value !== undefined) defineField(attributes, name, read.value);
}

/** An organisation as VOSviewer items hold it, ready for either form. */
export interface VosviewerItem {
  id: string;
  label: string;
  description?: string;
  url?: string;
  x?: number;
  y?: number;
  cluster?: number;
  /** By the name inside `weight<…>`, in attribute order. */
  weights: Array<[string, number]>;
  scores: Array<[string, number]>;
  /** The attributes no VOSviewer field holds (JSON writes them beside the item's own fields). */
  rest: AttributeMap;
}

export interface VosviewerItems {
  items: VosviewerItem[];
  /** The cluster labels, by number, in number order: VOSviewer Online's `network.clusters`. */
  clusters: Array<{ cluster: number; label: string }>;
  /** Whether every item has x and y (file banner). */
  positions: boolean;
  /** The names of weights and of scores, in the order they first appear. */
  weightNames: string[];
  scoreNames: string[];
}

/** The organisations of `graph` as VOSviewer items, by the writing rules of the file banner. */
export function vosviewerItems(graph: AnyGraph, module: string): VosviewerItems {
  const isCoordinate = (value: unknown) => typeof value === "number" && Number.isFinite(value);
  const positions = graph.order > 0 && graph.everyNode((_node, attributes) => isCoordinate(attributes["x"]) && isCoordinate(attributes["y"]));
  const byVosCluster = graph.someNode((_node, attributes) => attributes[VOS_CLUSTER] !== undefined);
  const clusterLabels = new Map<number, string>();
  // The model's clusters, numbered in the order they first appear.
  const clusterNumbers = new Map<string, number>();
  const weightNames = new Set<string>();
  const scoreNames = new Set<string>();

  const items = graph.mapNodes((key, attributes): VosviewerItem => {
    const where = `organisation "${key}"`;
    const item: VosviewerItem = { id: key, label: displayLabel(key, attributes), weights: [], scores: [], rest: {} };
    const labelIsName = attributes["label"] === undefined || attributes["label"] === null;
    for (const name of Object.keys(attributes)) {
      const value = attributes[name];
      if (value === undefined) continue;
      if (name === "label" || (name === "name" && labelIsName)) continue;
      if (name === "description" || name === "url") {
        if (typeof value !== "string") throw new UnwritableGraphError(module, vosviewerMessages.unwritableText(where, name, value));
        item[name] = value;
      } else if (name === "x" || name === "y") {
        if (positions) item[name] = value as number;
      } else if (name === VOS_CLUSTER) {
        const read = vosCluster(value);
        if (typeof value !== "number" || "problem" in read) throw new UnwritableGraphError(module, vosviewerMessages.unwritableCluster(where, value));
        item.cluster = value;
      } else if (name === VOS_CLUSTER_LABEL && byVosCluster) {
        if (typeof value !== "string") throw new UnwritableGraphError(module, vosviewerMessages.unwritableText(where, name, value));
      } else if (name === "cluster") {
        // With vosCluster given, VOSviewer's one cluster field holds that, and this is lost (file banner).
        if (!byVosCluster && typeof value === "string" && value !== "") {
          if (!clusterNumbers.has(value)) clusterNumbers.set(value, clusterNumbers.size + 1);
          item.cluster = clusterNumbers.get(value) as number;
        }
      } else if (isWeightAttribute(name) || isScoreAttribute(name)) {
        const weight = isWeightAttribute(name);
        if (typeof value !== "number" || !Number.isFinite(value) || (weight && value < 0)) {
          throw new UnwritableGraphError(module, vosviewerMessages.unwritableNumber(where, name, value));
        }
        const inner = name.slice(weight ? 7 : 6, -1);
        if (weight) {
          item.weights.push([inner, value]);
          weightNames.add(inner);
        } else {
          item.scores.push([inner, value]);
          scoreNames.add(inner);
        }
      } else {
        defineField(item.rest, name, value);
      }
    }
    return item;
  });
  if (clusterNumbers.size > MAX_CLUSTER) throw new UnwritableGraphError(module, vosviewerMessages.tooManyClusters(clusterNumbers.size));

  if (byVosCluster) {
    graph.forEachNode((_key, attributes) => {
      const cluster = attributes[VOS_CLUSTER];
      const label = attributes[VOS_CLUSTER_LABEL];
      if (typeof cluster !== "number" || typeof label !== "string") return;
      const first = clusterLabels.get(cluster);
      if (first !== undefined && first !== label) throw new UnwritableGraphError(module, vosviewerMessages.clusterLabels(cluster, first, label));
      clusterLabels.set(cluster, label);
    });
  } else {
    for (const [label, cluster] of clusterNumbers) clusterLabels.set(cluster, label);
  }
  const clusters = [...clusterLabels].sort(([a], [b]) => a - b).map(([cluster, label]) => ({ cluster, label }));
  return { items, clusters, positions, weightNames: [...weightNames], scoreNames: [...scoreNames] };
}
