/**
 * VOSviewer's map and network files (VOSviewer Manual, van Eck & Waltman, for version 1.6.x,
 * "Map and network files"; VOSviewer Online's documentation of the same file type,
 * https://app.vosviewer.com/docs/file-types/map-and-network-file-type/), a network in two texts:
 *
 * ```
 * id	label	x	y	cluster	weight<Links>	weight<Total link strength>
 * 1	"abbasi, a"	0.1233	-0.452	17	4	5
 * 9	"ahlgren, p"	-0.2813	-0.0594	5	6	7
 * ```
 * ```
 * 1	9	2
 * ```
 *
 * The map file has a header line naming its columns: `id`, `label`, `description`, `url`, `x`,
 * `y`, `cluster`, and any number of `weight<…>` and `score<…>` columns; the network file has no
 * header, a link a line: two ids of the map file and optionally a strength (1 when absent). Both
 * are tab-separated as VOSviewer writes them, or comma- or semicolon-separated as VOSviewer Online
 * also reads them; values holding a comma or semicolon are double-quoted (vosviewer-text.ts).
 * Read as UTF-8 text, as VOSviewer Online reads them (the CLI decodes files as UTF-8).
 *
 * Reading (the values' mapping is vosviewer-items.ts's): column names are matched in any case, as
 * VOSviewer Online matches them, and a column VOSviewer does not define is kept as a text
 * attribute of its name. A map file without an `id` column names its items by label (VOSviewer
 * shows such a map without links), and cannot be given with a network file. Each item and each
 * link goes through `loadGraphItems` (graph-load.ts), so a bad line is rejected with its line
 * number in its own file, never dropped: a map line with more or fewer fields than the header, a
 * value of the wrong kind; a network line of one field or of four and more, a strength that is no
 * number, an id the map file does not have, a link given twice (VOSviewer adds the strengths of a
 * pair given twice; linkscale rejects the second line, naming the first). A network file alone is
 * read too: its ids are then organisations with only an id. A file that cannot be read at all
 * (a header repeating a column, an unclosed quote) is refused with `error`.
 *
 * Writing: the map file holds `id` (the organisation's id, as it is), `label`, and where the
 * organisations have them `description`, `url`, `x` and `y`, `cluster` and each `weight<…>` and
 * `score<…>` (vosviewer-items.ts's rules decide which); the network file each link once, its
 * `weight` as the strength. Lost on the way: every other attribute of the organisations (type,
 * country, region, city, lat, lon, valueChainStage, any extra one; the model's `cluster` comes
 * back as `vosCluster`, a number without its name) and of the links (projectCount, firstYear,
 * lastYear, kind, projects, any extra one). VOSviewer Online's JSON keeps them.
 *
 * VOSviewer's own files number their items 1, 2, …; these ids are the organisations' own, which
 * VOSviewer Online reads (its documentation allows any ID; its sample map files have ids such as
 * `grid.1001.0`). No VOSviewer binary runs here (it needs Java), so whether the desktop
 * VOSviewer 1.6 opens a map with text ids is not checked.
 */
import type { AnyGraph, AllianceGraph } from "@linkscale/core/model";
import { messages, type Problem } from "../problems.ts";
import { defineField } from "../records.ts";
import { failedGraphLoad, loadGraphItems, type AttributeMap, type EdgeItem, type GraphLoad, type GraphReadOptions, type NodeItem, type AnyAllianceGraph, type GraphBuild } from "./graph-load.ts";
import {
  isNoValue,
  readInto,
  VOS_CLUSTER,
  vosCluster,
  vosNumber,
  vosviewerItems,
  vosviewerRules,
  vosWeight,
  weightOrScoreAttribute,
} from "./vosviewer-items.ts";
import { delimitedField, firstContentLine, forEachDelimited, readDelimited, vosviewerDelimiter, type DelimitedRecord } from "./vosviewer-text.ts";

const MODULE = "io/formats/vosviewer-files";

/**
 * Columns of linkscale's own tables that a map file never has: a header holding one is such a
 * table, unless it also has a `weight<…>` or `score<…>` column, which only VOSviewer writes.
 */
const TABLE_COLUMNS = new Set(["name", "type", "country", "region", "city", "lat", "lon", "valuechainstage", "source", "target", "project", "org"]);

export const vosviewerFileMessages = {
  noIdOrLabel: (header: readonly string[]) => `not a VOSviewer map file: no id or label column; the header has: ${header.join(", ")}`,
  unnamedColumn: (position: number) => `column ${position} of the header has no name`,
  networkFields: (count: number) => `has ${count} field${count === 1 ? "" : "s"}: a network file line is two ids and optionally a strength`,
  noIdForNetwork: () => "no id column, and the lines of the network file name items by id",
};

/**
 * Whether a header is a VOSviewer map file's: an `id` or a `label` column, and a `weight<…>` or
 * `score<…>` column, or a label with `x`, `y` or `cluster` and no column of linkscale's own
 * tables (an organisation table has an id too, and may have a cluster).
 */
export function isVosviewerMapHeader(header: readonly string[]): boolean {
  const columns = header.map((column) => column.trim().toLowerCase());
  if (!columns.includes("id") && !columns.includes("label")) return false;
  if (columns.some((column) => weightOrScoreAttribute(column) !== undefined)) return true;
  return columns.includes("label") && ["x", "y", "cluster"].some((column) => columns.includes(column)) && !columns.some((column) => TABLE_COLUMNS.has(column));
}

/** The first line's fields, split as VOSviewer splits them. */
function firstFields(text: string): { fields: string[]; delimiter: string } | undefined {
  const line = firstContentLine(text);
  if (line === "") return undefined;
  const delimiter = vosviewerDelimiter(line);
  const read = readDelimited(line, delimiter);
  const first = "records" in read ? read.records[0] : undefined;
  return first === undefined ? undefined : { fields: first.fields, delimiter };
}

/** True when the text's first line is a VOSviewer map file's header. */
export function isVosviewerMap(text: string): boolean {
  const first = firstFields(text);
  return first !== undefined && isVosviewerMapHeader(first.fields);
}

/**
 * True when the text's first lines look like a network file's: no header, each line two ids and
 * optionally a number. `alone`, for a file given without a map file, asks more, since a text of
 * two columns could be anything: tab-separated, three fields, the third a number.
 */
export function looksLikeVosviewerNetwork(text: string, { alone }: { alone: boolean }): boolean {
  const first = firstFields(text);
  if (first === undefined) return false;
  if (alone && first.delimiter !== "\t") return false;
  const read = readDelimited(text.slice(0, 4096), first.delimiter);
  if (!("records" in read)) return false;
  // The cut may end inside the last line: only whole lines count.
  const lines = read.records.slice(0, Math.min(5, Math.max(1, read.records.length - 1)));
  return lines.every(({ fields }) => {
    if (alone ? fields.length !== 3 : fields.length < 2 || fields.length > 3) return false;
    const strength = fields[2];
    return fields[0] !== "" && fields[1] !== "" && (strength === undefined || (!isNoValue(strength) && !("problem" in vosNumber(strength))));
  });
}

/** A map file alone: its items, without links. */
export function readVosviewerMap<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  return readVosviewerFiles({ map: { name: file, text }, mapping, build });
}

/** A network file alone: its ids are organisations with only an id. */
export function readVosviewerNetwork<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  return readVosviewerFiles({ network: { name: file, text }, mapping, build });
}

/**
 * A map file and its network file, as one network. Each rejected line names its own file; the
 * load's `file` names both ("map.txt + network.txt"), and its `error` the file it is about.
 */
export function readVosviewerFiles<G extends AnyAllianceGraph = AllianceGraph>({
  map,
  network,
  mapping,
  build,
}: {
  map?: { name: string; text: string };
  network?: { name: string; text: string };
  mapping?: GraphReadOptions["mapping"];
  build?: GraphBuild<G> | undefined;
}): GraphLoad<G> {
  const file = [map?.name, network?.name].filter((name) => name !== undefined).join(" + ");
  // Of two files, the error names the one it is about; of one, the caller names it, as for any format.
  const fail = (name: string, error: string) => failedGraphLoad(file, map !== undefined && network !== undefined ? `${name}: ${error}` : error, build);
  const rules: string[] = [];
  let nodes: NodeItem[] = [];
  if (map !== undefined) {
    const read = mapItems(map.text);
    if ("error" in read) return fail(map.name, read.error);
    if (!read.hasId && network !== undefined) return fail(map.name, vosviewerFileMessages.noIdForNetwork());
    nodes = read.nodes;
    if (!read.hasId) rules.push(vosviewerRules.labelIsId);
    if (read.clusters) rules.push(vosviewerRules.cluster);
    if (read.weightsOrScores) rules.push(vosviewerRules.weightsAndScores);
  }
  let edges: EdgeItem[] = [];
  if (network !== undefined) {
    const read = networkItems(network.text);
    if ("error" in read) return fail(network.name, read.error);
    edges = read.edges;
    if (map === undefined) {
      nodes = nodesOfLinks(edges);
      rules.push(vosviewerRules.networkAlone);
    }
  }
  const load = loadGraphItems(file, { nodes, edges }, { build, rowsAreLines: true, mapping });
  // Rejected nodes come first (graph-load.ts): those after them are the network file's lines.
  const rejectedNodes = load.nodesRead - load.graph.order;
  if (map !== undefined && network !== undefined) {
    load.rejected = load.rejected.map((row, index) => ({ ...row, file: index < rejectedNodes ? map.name : network.name }));
  }
  return rules.length === 0 ? load : { ...load, rules };
}

/** Each id the links name, once, at the line that first names it. */
function nodesOfLinks(edges: readonly EdgeItem[]): NodeItem[] {
  const nodes: NodeItem[] = [];
  const known = new Set<string>();
  for (const { source, target, row } of edges) {
    for (const id of [source, target]) {
      if (id === undefined || id === "" || known.has(id)) continue;
      known.add(id);
      nodes.push(row === undefined ? { key: id, attributes: {}, path: null } : { key: id, attributes: {}, row, path: null });
    }
  }
  return nodes;
}

interface MapColumn {
  /** As the header writes it, for messages. */
  header: string;
  /** What it holds: an attribute, the id, or a value read by its kind. */
  role: "id" | "label" | "text" | "number" | "cluster" | "weight" | "score" | "extra";
  attribute: string;
}

function mapColumn(header: string): MapColumn {
  const lower = header.toLowerCase();
  if (lower === "id") return { header, role: "id", attribute: "id" };
  if (lower === "label") return { header, role: "label", attribute: "label" };
  if (lower === "description" || lower === "url") return { header, role: "text", attribute: lower };
  if (lower === "x" || lower === "y") return { header, role: "number", attribute: lower };
  if (lower === "cluster") return { header, role: "cluster", attribute: VOS_CLUSTER };
  const weightOrScore = weightOrScoreAttribute(header);
  if (weightOrScore !== undefined) return { header, role: weightOrScore.startsWith("weight<") ? "weight" : "score", attribute: weightOrScore };
  return { header, role: "extra", attribute: header };
}

function mapItems(text: string): { nodes: NodeItem[]; hasId: boolean; clusters: boolean; weightsOrScores: boolean } | { error: string } {
  const read = readDelimited(text, vosviewerDelimiter(firstContentLine(text)));
  if ("error" in read) return read;
  const [head, ...rows] = read.records;
  if (head === undefined) return { error: messages.emptyFile() };
  const columns = head.fields.map(mapColumn);
  const seen = new Set<string>();
  for (const [index, { header, attribute }] of columns.entries()) {
    if (header === "") return { error: vosviewerFileMessages.unnamedColumn(index + 1) };
    if (seen.has(attribute)) return { error: messages.duplicateColumn(header) };
    seen.add(attribute);
  }
  const hasId = seen.has("id");
  if (!hasId && !seen.has("label")) return { error: vosviewerFileMessages.noIdOrLabel(head.fields) };
  let clusters = false;
  const nodes = rows.map((record): NodeItem => {
    const item = mapItem(record, columns, hasId);
    if (item.attributes[VOS_CLUSTER] !== undefined) clusters = true;
    return item;
  });
  const weightsOrScores = columns.some(({ role }) => role === "weight" || role === "score");
  return { nodes, hasId, clusters, weightsOrScores };
}

function mapItem({ line, fields }: DelimitedRecord, columns: readonly MapColumn[], hasId: boolean): NodeItem {
  const keyColumn = columns.findIndex(({ role }) => role === (hasId ? "id" : "label"));
  const keyCell = fields[keyColumn] ?? "";
  // The key even of a broken line: links to it are then rejected naming it, not as unknown.
  const key = keyCell === "" ? undefined : keyCell;
  if (fields.length !== columns.length) {
    return { key, attributes: {}, row: line, path: null, problems: [{ message: messages.fieldCount(fields.length, columns.length) }] };
  }
  const attributes: AttributeMap = {};
  const problems: Problem[] = [];
  columns.forEach(({ header, role, attribute }, index) => {
    const cell = fields[index] as string;
    if (role === "id") return;
    switch (role) {
      case "number":
        return readInto(attributes, problems, attribute, vosNumber(cell), header);
      case "cluster":
        return readInto(attributes, problems, attribute, vosCluster(cell), header);
      case "weight":
        return readInto(attributes, problems, attribute, vosWeight(cell), header);
      case "score":
        return readInto(attributes, problems, attribute, vosNumber(cell), header);
      default:
        if (cell !== "") defineField(attributes, attribute, cell);
    }
  });
  const item: NodeItem = { key, attributes, row: line, path: null };
  return problems.length === 0 ? item : { ...item, problems };
}

function networkItems(text: string): { edges: EdgeItem[] } | { error: string } {
  const edges: EdgeItem[] = [];
  const error = forEachDelimited(text, vosviewerDelimiter(firstContentLine(text)), (line, fields) => edges.push(networkLink(line, fields)));
  return error === undefined ? { edges } : { error };
}

/** A network file's line as a link. Built whole, of one shape, and without a problem list when there is none: a file may hold millions. */
function networkLink(line: number, fields: readonly string[]): EdgeItem {
  if (fields.length < 2 || fields.length > 3) {
    return { source: undefined, target: undefined, attributes: {}, directed: false, row: line, path: null, problems: [{ message: vosviewerFileMessages.networkFields(fields.length) }] };
  }
  const source = fields[0] === "" ? undefined : fields[0];
  const target = fields[1] === "" ? undefined : fields[1];
  const strength = vosNumber(fields[2]);
  if ("problem" in strength) return { source, target, attributes: {}, directed: false, row: line, path: null, problems: [{ column: "strength", message: strength.problem }] };
  const attributes: AttributeMap = strength.value === undefined ? {} : { weight: strength.value };
  return { source, target, attributes, directed: false, row: line, path: null };
}

/** The map file: a header, then an item a line, tab-separated, in graph order. */
export function writeVosviewerMap(graph: AnyGraph): string {
  const { items, positions, weightNames, scoreNames } = vosviewerItems(graph, MODULE);
  const [descriptions, urls, clusters] = (["description", "url", "cluster"] as const).map((field) => items.some((item) => item[field] !== undefined));
  const header = ["id", "label"];
  if (descriptions) header.push("description");
  if (urls) header.push("url");
  if (positions) header.push("x", "y");
  if (clusters) header.push("cluster");
  header.push(...weightNames.map((name) => `weight<${name}>`), ...scoreNames.map((name) => `score<${name}>`));
  const lines = [header.map(delimitedField).join("\t")];
  for (const item of items) {
    const weights = new Map(item.weights);
    const scores = new Map(item.scores);
    const cells = [item.id, item.label];
    if (descriptions) cells.push(item.description ?? "");
    if (urls) cells.push(item.url ?? "");
    if (positions) cells.push(String(item.x), String(item.y));
    if (clusters) cells.push(item.cluster === undefined ? "" : String(item.cluster));
    for (const name of weightNames) cells.push(numberCell(weights.get(name)));
    for (const name of scoreNames) cells.push(numberCell(scores.get(name)));
    lines.push(cells.map(delimitedField).join("\t"));
  }
  return lines.join("\n") + "\n";
}

function numberCell(value: number | undefined): string {
  return value === undefined ? "" : String(value);
}

/** The network file: each link once, `id1 id2 strength`, tab-separated, in graph order. */
export function writeVosviewerNetwork(graph: AnyGraph): string {
  const lines = graph.mapEdges((_edge, attributes, source, target) => {
    const weight = attributes["weight"];
    return [source, target, typeof weight === "number" ? String(weight) : "1"].map(delimitedField).join("\t");
  });
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}
