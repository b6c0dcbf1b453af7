/**
 * A graph file read into an alliance graph: the graph formats' counterpart of `TableLoad`. A
 * reader never throws on bad data and never drops an item silently: every node and every edge the
 * file holds ends up in `graph` or in `rejected`, so
 * `nodesRead + linksRead = graph.order + graph.size + rejected.length`.
 *
 * Positions. A rejected item's `row` is the line where it starts, as an editor shows it, in the
 * formats read line by line (Pajek's, GML's and edge lists' readers give their items' lines) and
 * in GEXF and GraphML, where it is the line of the `<node>` or `<edge>` and `character` the column
 * where the element starts in that line (an arc reported at `network.gexf:7794:7` is found
 * there, not at the 95th edge). The JSON formats hold items in arrays, and there `row` is the
 * item's 1-based position among the nodes (or among the edges). Each problem's `column` is the
 * item's path, 0-based as arktype's paths are: `nodes[2].type` is the type of the 3rd node,
 * `edges[10].weight` the weight of the 11th edge; messages that point at another item ("already
 * given at edges[0]") name it by its path, or by its line when it has none or `rowsAreLines` is
 * set. Rejected nodes come first, then rejected edges, each in file order.
 *
 * The checks are those of the CSV tables, on one file: each node is an `organisation` whose id is
 * the node key, each edge a `link` (weight 1 when absent); an edge touching a rejected node is
 * rejected naming that node; a self-loop is rejected; and since the alliance graph is undirected
 * and simple, a directed file is read as undirected and a second edge between the same pair (a
 * parallel edge, or the reverse arc) is rejected naming the link accepted for that pair; unless
 * `arcs` says how a reverse arc joins the link of its pair (`mergeArcs`: weights summed or the
 * larger kept, years spanned, projects united, every other attribute the same on both), when it is
 * counted in `merged` and the rule named in `rules`: then
 * `nodesRead + linksRead = graph.order + graph.size + merged + rejected.length`. Types
 * are not guessed here: a weight of "3.5" (text) is rejected, since typing the attributes it
 * knows is each format reader's job. Graph-level attributes (GEXF's meta, graphology's graph
 * attributes) are no part of the model and are not read.
 *
 * What is accepted becomes a graphology graph, or with `build: compactGraph` the core's typed-array
 * graph, built once the checks are done; duplicates are found by pairs of node numbers, not by the
 * graph, so neither form's per-link lookups are paid while reading a million links.
 *
 * `mapping` (`--map field=name`) reads the model's fields from attributes of the user's own names,
 * and may key the nodes by one of them (graph-mapping.ts), before any check.
 *
 * A node's `country` goes through the aliases every table shares: CORDIS's `UK`, `EL`, `KO` are
 * read as `GB`, `GR`, `XK` and counted in `readAs`.
 *
 * What graph formats cannot hold is restored here, once for all of them: a project list arrives
 * as one ";"-joined text and is split back; a node's `label` (Gephi's and VOSviewer's display
 * name) becomes `name` when there is no `name`, and is dropped when it only repeats the name or
 * the id, since the writers put it there (`displayLabel`).
 */
import {
  CompactGraphBuilder,
  createAllianceGraph,
  linkAttributes,
  organisation,
  type AllianceGraph,
  type AnyGraph,
  type CompactGraph,
  type LinkAttributes,
  type OrganisationAttributes,
} from "@linkscale/core/model";
import { type } from "arktype";
import { ReadAsTally, type ReadAs } from "../vocabulary.ts";
import { mapGraphItems } from "./graph-mapping.ts";
import { LIST_SEPARATOR } from "../csv/fields.ts";
import { messages, type Problem, type RejectedRow } from "../problems.ts";
import { defineField } from "../records.ts";

/** The graphs a load may build: graphology's, or the core's typed-array graph. */
export type AnyAllianceGraph = AllianceGraph | CompactGraph;

export interface GraphLoad<G extends AnyAllianceGraph = AllianceGraph> {
  file: string;
  graph: G;
  /** Nodes the file holds, accepted or not. */
  nodesRead: number;
  /** Edges the file holds, accepted or not. */
  linksRead: number;
  /** Rows are lines (GEXF, GraphML, Pajek) or positions among nodes or edges (JSON); see the file banner. */
  rejected: RejectedRow[];
  /** Node countries read as another code (CORDIS's UK as GB), counted over the nodes read. */
  readAs: ReadAs[];
  /** How the reader decided what the file's values mean where the format leaves it open (which value is a node's id). */
  rules?: string[];
  /** Arcs merged into the link of their reverse (`--arcs`): read and accepted, yet no link of their own. */
  merged?: number;
  /** Set when the file could not be read at all; then nothing was read. */
  error?: string;
}

export interface GraphReadOptions<G extends AnyAllianceGraph = AllianceGraph> {
  /** The file's name, as messages should show it. */
  file: string;
  /** How a directed file's reverse arcs become one link (`ItemCheckOptions.arcs`). */
  arcs?: ArcMerge | undefined;
  /** Model field → the name of the attribute that holds it (`ItemCheckOptions.mapping`). */
  mapping?: Readonly<Record<string, string>> | undefined;
  /** What the accepted nodes and links become (`ItemCheckOptions.build`). */
  build?: GraphBuild<G> | undefined;
}

/** The nodes and links a load accepted, in file order; a link's ends are positions in `ids`. */
export interface CheckedNetwork {
  ids: readonly string[];
  nodes: readonly OrganisationAttributes[];
  source: readonly number[];
  target: readonly number[];
  links: readonly LinkAttributes[];
}

/** Builds a load's graph from what it accepted. */
export type GraphBuild<G extends AnyAllianceGraph> = (network: CheckedNetwork) => G;

/** A graphology graph, the default. */
export const graphologyGraph: GraphBuild<AllianceGraph> = (network) => filled(createAllianceGraph(), network);

/** The core's typed-array graph, for a caller that needs no graphology graph: a tenth of the memory, and no per-link objects to build. */
export const compactGraph: GraphBuild<CompactGraph> = (network) => filled(new CompactGraphBuilder(), network).build();

/** `graph` with the network's nodes and links added, in order (graphology's graph and the compact builder add alike). */
function filled<T extends { addNode(id: string, attributes: OrganisationAttributes): unknown; addEdge(source: string, target: string, attributes: LinkAttributes): unknown }>(
  graph: T,
  { ids, nodes, source, target, links }: CheckedNetwork,
): T {
  ids.forEach((id, i) => graph.addNode(id, nodes[i] as OrganisationAttributes));
  links.forEach((attributes, e) => graph.addEdge(ids[source[e] as number] as string, ids[target[e] as number] as string, attributes));
  return graph;
}

const NOTHING_ACCEPTED: CheckedNetwork = { ids: [], nodes: [], source: [], target: [], links: [] };

export type AttributeMap = Record<string, unknown>;

/** A node as a format reader found it, before any check. */
export interface NodeItem {
  key: string | undefined;
  attributes: AttributeMap;
  /** Default: the node's 1-based position among the file's nodes. */
  row?: number;
  /** Where in its line (`row`) the item starts, 1-based, for formats whose items start mid-line (XML). */
  character?: number;
  /** Default: `nodes[i]`; null for an item that is no node of the file's list (a broken line). */
  path?: string | null;
  /** What the format reader already found wrong (a weight that is no number). */
  problems?: Problem[];
}

/** An edge as a format reader found it, before any check. */
export interface EdgeItem {
  source: string | undefined;
  target: string | undefined;
  attributes: AttributeMap;
  directed: boolean;
  row?: number;
  character?: number;
  path?: string | null;
  problems?: Problem[];
}

export interface GraphItems {
  nodes: readonly NodeItem[];
  edges: readonly EdgeItem[];
}

/** How the two arcs between a pair of a directed file become one link: weights summed, or the larger kept. */
export type ArcMerge = "sum" | "max";
export const ARC_MERGES: readonly ArcMerge[] = ["sum", "max"];

export interface ItemCheckOptions<G extends AnyAllianceGraph = AllianceGraph> {
  /** Rows are line numbers (Pajek): messages then point at other items by line. */
  rowsAreLines?: boolean;
  /** Reverse arcs merged into one link by this rule; undefined: the second is rejected naming the first. */
  arcs?: ArcMerge | undefined;
  /** The rules the format reader used (which value is a node's id…), named in the load's `rules` before the checks' own. */
  rules?: readonly string[] | undefined;
  /** Model field → the attribute of the file's that holds it (`--map`, graph-mapping.ts). */
  mapping?: Readonly<Record<string, string>> | undefined;
  /** What the accepted nodes and links become: `graphologyGraph` (the default) or `compactGraph`. */
  build?: GraphBuild<G> | undefined;
}

// Message builders, exported so tests assert the exact text a user sees.
export const graphMessages = {
  missingNodeId: () => "has no id",
  missingEnd: (end: "source" | "target") => `has no ${end}`,
  unknownNode: (id: string) => `no node "${id}" in the file`,
  rejectedEnd: (id: string, where: string) => `organisation "${id}" is rejected (${where})`,
  reverseArc: (source: string, target: string, first: string) =>
    `the arc ${source}→${target} is the reverse of the arc at ${first}: read as undirected, the two are one link (--arcs sum or --arcs max merges them)`,
  conflictingAttribute: (name: string, value: unknown, structural: string) =>
    `has an attribute "${name}" (${JSON.stringify(value)}) that differs from its ${name} "${structural}"`,
  reverseArcDiffers: (name: string, value: unknown, first: string, firstValue: unknown) =>
    `the reverse of the arc at ${first} gives "${name}" as ${JSON.stringify(value)}, where that arc gives ${JSON.stringify(firstValue)}: the two cannot be one link`,
};

/** The rule a load used to merge reverse arcs, named in its `rules`. */
export const arcMergeRule = (rule: ArcMerge, merged: number) =>
  `directed file: ${merged} reverse arcs merged into the link of their pair (--arcs ${rule}): weight ${rule === "sum" ? "the sum of the two" : "the larger of the two"}, years from the earlier first year to the later last, projects united, every other attribute the same on both (else the arc is rejected)`;

/** An empty load for a file that could not be read at all. */
export function failedGraphLoad<G extends AnyAllianceGraph = AllianceGraph>(file: string, error: string, build?: GraphBuild<G>): GraphLoad<G> {
  return { file, graph: builder(build)(NOTHING_ACCEPTED), nodesRead: 0, linksRead: 0, rejected: [], readAs: [], error };
}

/** `build`, or graphology's graph where none is given (G then defaults to it). */
function builder<G extends AnyAllianceGraph>(build: GraphBuild<G> | undefined): GraphBuild<G> {
  return build ?? (graphologyGraph as GraphBuild<AnyAllianceGraph> as GraphBuild<G>);
}

/**
 * The label written for a node: its own `label`, else its name, else its id, so Gephi shows
 * names. Reading drops a label equal to the name or the id (see `loadGraphItems`).
 */
export function displayLabel(key: string, attributes: AttributeMap): string {
  const { label, name } = attributes;
  if (label !== undefined && label !== null) return String(label);
  return typeof name === "string" && name !== "" ? name : key;
}

/** Any graphology graph (directed, mixed or multi) to a checked alliance graph. */
export function toAllianceGraph(raw: AnyGraph, file: string, arcs?: ArcMerge): GraphLoad {
  const nodes = raw.mapNodes((key, attributes): NodeItem => ({ key, attributes }));
  const edges = raw.mapEdges(
    (_edge, attributes, source, target, _sourceAttributes, _targetAttributes, undirected): EdgeItem => ({
      source,
      target,
      attributes,
      directed: !undirected,
    }),
  );
  return loadGraphItems(file, { nodes, edges }, { arcs });
}

/** The checks of the file banner over the items a format reader found, in file order. */
export function loadGraphItems<G extends AnyAllianceGraph = AllianceGraph>(file: string, read: GraphItems, options: ItemCheckOptions<G> = {}): GraphLoad<G> {
  const whereOf = (path: string | null, row: number) => (options.rowsAreLines || path === null ? `line ${row}` : path);
  const rules = [...(options.rules ?? [])];
  let items = read;
  if (options.mapping !== undefined && Object.keys(options.mapping).length > 0) {
    const mapped = mapGraphItems(read, options.mapping, (item, index) => whereOf(item.path === undefined ? `nodes[${index}]` : item.path, item.row ?? index + 1));
    if ("error" in mapped) return failedGraphLoad(file, mapped.error, options.build);
    items = mapped.items;
    rules.push(...mapped.rules);
  }
  // What is accepted, built into the caller's graph at the end (`CheckedNetwork`).
  const ids: string[] = [];
  const nodes: OrganisationAttributes[] = [];
  const rejectedNodes: RejectedRow[] = [];
  const rejectedEdges: RejectedRow[] = [];
  // Where each node key is first given, and where the ones rejected are; an accepted node's position in `ids`.
  const firstNode = new Map<string, string>();
  const rejectedNode = new Map<string, string>();
  const position = new Map<string, number>();
  const readAs = new ReadAsTally();

  items.nodes.forEach((item, index) => {
    const path = item.path === undefined ? `nodes[${index}]` : item.path;
    const row = item.row ?? index + 1;
    const { key } = item;
    let problems: Problem[] = [...(item.problems ?? [])];
    let accepted: OrganisationAttributes | undefined;
    if (problems.length === 0) {
      if (key === undefined || key === "") {
        problems = [at(path, "", graphMessages.missingNodeId())];
      } else if (firstNode.has(key)) {
        const first = firstNode.get(key) as string;
        problems = [{ ...at(path, "", messages.duplicateOrganisation(key, first)), repeats: first }];
      } else {
        const checked = checkNode(key, item.attributes, path, readAs);
        if (Array.isArray(checked)) problems = checked;
        else accepted = checked;
      }
    }
    if (key !== undefined && key !== "" && !firstNode.has(key)) {
      firstNode.set(key, whereOf(path, row));
      if (accepted === undefined) rejectedNode.set(key, whereOf(path, row));
    }
    if (accepted !== undefined) {
      position.set(key as string, ids.push(key as string) - 1);
      nodes.push(accepted);
    } else {
      rejectedNodes.push(rejectedRow(file, row, item.character, problems));
    }
  });

  const source: number[] = [];
  const target: number[] = [];
  const links: LinkAttributes[] = [];
  // Each accepted link by its pair of ends (the lower position times the node count, plus the
  // higher: one number, no key string per link), and the item it came from, for the message
  // when its pair comes again.
  const linkOfPair = new Map<number, number>();
  const itemOfLink: number[] = [];
  // Links an arc was merged into: a pair holds two arcs at most, a third is a repeat.
  const mergedInto = new Set<number>();
  const edgePath = (item: EdgeItem, index: number) => (item.path === undefined ? `edges[${index}]` : item.path);
  items.edges.forEach((item, index) => {
    const { source: from, target: to, directed } = item;
    // Most edges join two accepted nodes: checked with no path or problem list built for them.
    const s = from === undefined ? undefined : position.get(from);
    const t = to === undefined ? undefined : position.get(to);
    const wellJoined = (item.problems?.length ?? 0) === 0 && s !== undefined && t !== undefined && s !== t;
    const checked = wellJoined ? checkEdge(from as string, to as string, item.attributes, () => edgePath(item, index)) : undefined;
    let problems: Problem[];
    if (checked === undefined) {
      problems = edgeProblems(item, edgePath(item, index), firstNode, rejectedNode);
    } else if (Array.isArray(checked)) {
      problems = checked;
    } else {
      const [accepted, u, v] = [checked, s as number, t as number];
      const pair = u < v ? u * ids.length + v : v * ids.length + u;
      const firstLink = linkOfPair.get(pair);
      if (firstLink === undefined) {
        linkOfPair.set(pair, links.push(accepted) - 1);
        source.push(u);
        target.push(v);
        itemOfLink.push(index);
        return;
      }
      const firstIndex = itemOfLink[firstLink] as number;
      const first = items.edges[firstIndex] as EdgeItem;
      const where = whereOf(edgePath(first, firstIndex), first.row ?? firstIndex + 1);
      const path = edgePath(item, index);
      const reverse = directed && first.directed && first.source === to && first.target === from;
      if (reverse && options.arcs !== undefined && !mergedInto.has(firstLink)) {
        const arcs = mergeArcs(links[firstLink] as LinkAttributes, accepted, options.arcs);
        if ("merged" in arcs) {
          links[firstLink] = arcs.merged;
          mergedInto.add(firstLink);
          return;
        }
        const { name, value, firstValue } = arcs.differs;
        problems = [{ ...at(path, `.${name}`, graphMessages.reverseArcDiffers(name, value, where, firstValue)), repeats: where }];
      } else {
        const message = reverse ? graphMessages.reverseArc(from as string, to as string, where) : messages.duplicateLink(from as string, to as string, where);
        problems = [{ ...at(path, "", message), repeats: where }];
      }
    }
    rejectedEdges.push(rejectedRow(file, item.row ?? index + 1, item.character, problems));
  });

  const load: GraphLoad<G> = {
    file,
    graph: builder(options.build)({ ids, nodes, source, target, links }),
    nodesRead: items.nodes.length,
    linksRead: items.edges.length,
    rejected: [...rejectedNodes, ...rejectedEdges],
    readAs: readAs.list(),
  };
  if (options.arcs !== undefined && mergedInto.size > 0) {
    load.merged = mergedInto.size;
    rules.push(arcMergeRule(options.arcs, mergedInto.size));
  }
  if (rules.length > 0) load.rules = rules;
  return load;
}

/** Two arcs of a pair as one link by `rule`, or the attribute on which they differ. */
function mergeArcs(first: LinkAttributes, second: LinkAttributes, rule: ArcMerge): { merged: LinkAttributes } | { differs: { name: string; value: unknown; firstValue: unknown } } {
  const merged: AttributeMap = {};
  for (const name of Object.keys(first)) defineField(merged, name, first[name]);
  for (const name of Object.keys(second)) {
    const [value, firstValue] = [second[name], first[name]];
    if (firstValue === undefined) defineField(merged, name, value);
    else if (name === "weight") merged["weight"] = rule === "sum" ? first.weight + second.weight : Math.max(first.weight, second.weight);
    else if (name === "firstYear" || name === "lastYear") merged[name] = (name === "firstYear" ? Math.min : Math.max)(firstValue as number, value as number);
    else if (name === "projects" && Array.isArray(value) && Array.isArray(firstValue)) merged["projects"] = [...new Set([...firstValue, ...value])];
    else if (JSON.stringify(value) !== JSON.stringify(firstValue)) return { differs: { name, value, firstValue } };
  }
  return { merged: merged as LinkAttributes };
}

/**
 * Everything wrong with an edge that does not join two accepted nodes, or that the reader already
 * found wrong: its own problems, else its ends', a self-link, and its attributes'.
 */
function edgeProblems(item: EdgeItem, path: string | null, firstNode: ReadonlyMap<string, string>, rejectedNode: ReadonlyMap<string, string>): Problem[] {
  if (item.problems !== undefined && item.problems.length > 0) return [...item.problems];
  const { source, target } = item;
  const problems: Problem[] = [];
  checkEnd(problems, path, "source", source, firstNode, rejectedNode);
  checkEnd(problems, path, "target", target, firstNode, rejectedNode);
  if (source !== undefined && source === target) problems.push(at(path, ".target", messages.selfLink(source)));
  // A missing end is reported above; a stand-in keeps the schema from saying so again.
  const checked = checkEdge(source || "?", target || "?", item.attributes, () => path);
  if (Array.isArray(checked)) problems.push(...checked);
  return problems;
}

/** What is wrong with an edge's end, if anything: missing, no node, or a rejected node. */
function checkEnd(
  problems: Problem[],
  path: string | null,
  end: "source" | "target",
  id: string | undefined,
  firstNode: ReadonlyMap<string, string>,
  rejectedNode: ReadonlyMap<string, string>,
): void {
  if (id === undefined || id === "") problems.push(at(path, `.${end}`, graphMessages.missingEnd(end)));
  else if (!firstNode.has(id)) problems.push(at(path, `.${end}`, graphMessages.unknownNode(id)));
  else if (rejectedNode.has(id)) problems.push(at(path, `.${end}`, graphMessages.rejectedEnd(id, rejectedNode.get(id) as string)));
}

function rejectedRow(file: string, row: number, character: number | undefined, problems: Problem[]): RejectedRow {
  return character === undefined ? { file, row, problems } : { file, row, character, problems };
}

/** A problem at `path` + `suffix`, or with no column for an item that has no path. */
function at(path: string | null, suffix: string, message: string): Problem {
  return path === null ? { message } : { column: path + suffix, message };
}

function checkNode(key: string, attributes: AttributeMap, path: string | null, readAs: ReadAsTally): OrganisationAttributes | Problem[] {
  // Keyed by the file's attribute names: without a prototype, so "__proto__" is kept as any other.
  const values = Object.assign(Object.create(null) as AttributeMap, { id: key });
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    // graphology allows undefined values; the model's optional fields do not.
    if (value === undefined || name === "label") continue;
    if (name === "id") {
      if (value !== key) return [at(path, ".id", graphMessages.conflictingAttribute("id", value, key))];
      continue;
    }
    values[name] = typeof value === "string" ? readAs.read(name, value) : value;
  }
  const { label } = attributes;
  if (label !== undefined && !(typeof label === "string" && (label === "" || label === key || label === values["name"]))) {
    if (values["name"] === undefined && typeof label === "string") values["name"] = label;
    else values["label"] = label;
  }
  const result = organisation(values);
  if (result instanceof type.errors) return schemaProblems(result, path);
  return withoutNames(result, "id", "id") as OrganisationAttributes;
}

/** `path` is asked for only when there is a problem to place. */
function checkEdge(source: string, target: string, attributes: AttributeMap, path: () => string | null): LinkAttributes | Problem[] {
  // A plain object whose names are defined (records.ts), so "__proto__" is kept as any other:
  // V8 keeps such objects fast, which a million links of a large file feel.
  const values: AttributeMap = { weight: 1 };
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (value === undefined) continue;
    if (name === "source" || name === "target") {
      const structural = name === "source" ? source : target;
      if (value !== structural) return [at(path(), `.${name}`, graphMessages.conflictingAttribute(name, value, structural))];
      continue;
    }
    defineField(values, name, value);
  }
  const { projects } = values;
  if (typeof projects === "string") {
    values["projects"] = projects.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item !== "");
  }
  // The ends are checked apart (checkEnd), so the schema of the attributes alone is asked, and
  // the values are the link's attributes as they are: no copy without the ends. arktype's
  // `allows` answers yes or no without building errors, ten times faster than a full check; a
  // valid link is the values themselves (the schema has no morphs), so only a link `allows`
  // refuses is checked again for the messages.
  const result = linkAttributes.allows(values) ? values : linkAttributes(values);
  if (result instanceof type.errors) return schemaProblems(result, path());
  return result as LinkAttributes;
}

/**
 * A copy without the structural names. A copy rather than `delete`: V8 turns an object that
 * loses a property into a slow dictionary, and these objects are the graph's attributes, which
 * every metric reads. A plain object, as graphology users expect, whose names are defined rather
 * than assigned (records.ts).
 */
function withoutNames(record: AttributeMap, first: string, second: string): AttributeMap {
  const copy: AttributeMap = {};
  for (const name of Object.keys(record)) if (name !== first && name !== second) defineField(copy, name, record[name]);
  return copy;
}

function schemaProblems(errors: type.errors, path: string | null): Problem[] {
  return errors.map((error) => {
    const inside = error.path.map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`)).join("");
    return path === null ? { message: `${inside.slice(1)} ${error.problem}`.trim() } : { column: path + inside, message: error.problem };
  });
}
