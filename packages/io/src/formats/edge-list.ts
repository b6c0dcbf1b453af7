/**
 * Plain edge lists: one link a line, its two ends and optionally a weight, separated by spaces or
 * tabs, `#` starting a comment. This is NetworkX's weighted edge list (`nx.write_weighted_edgelist`,
 * `read_weighted_edgelist`) and igraph's NCOL (`Graph.Read_Ncol`, `write_ncol`), the files
 * `.edgelist`, `.edges` and `.ncol`. Read and written here by hand: it is a line split on blanks.
 *
 * ```
 * DE-MUELLER FR-SACLAY 0.3333333333333333
 * FR-SACLAY NL-TNO 2
 * ```
 *
 * An edge list holds the two ids and the weight (a line without one weighs 1), nothing else:
 * every other organisation and link attribute is lost on the way through it, and organisations
 * without links have no line to be on, so a network with any is refused rather than written
 * without them (write Pajek or GML). An id holding a blank or a `#` cannot be written either. NetworkX's
 * `write_edgelist` with its default `data=True` writes each link's attributes as a Python
 * dictionary (`{'weight': 2.5}`), which is not JSON; such a line is rejected, saying so.
 * Rejected lines are named by their line number.
 */
import type { AnyGraph, AllianceGraph } from "@linkscale/core/model";
import { messages, type Problem } from "../problems.ts";
import { UnwritableGraphError } from "./errors.ts";
import { loadGraphItems, type EdgeItem, type GraphLoad, type GraphReadOptions, type NodeItem, type AnyAllianceGraph } from "./graph-load.ts";

const MODULE = "io/formats/edge-list";
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const edgeListMessages = {
  fields: (count: number) => `has ${count} fields: an edge list line is two ids and optionally a weight`,
  pythonData: () => "holds a Python dictionary of attributes (NetworkX's write_edgelist with data=True); write it with nx.write_weighted_edgelist or as node-link JSON",
  blankInId: (id: string) => `organisation "${id}" holds a blank or a #, which an edge list cannot hold; write Pajek, GML or CSV`,
  isolated: (count: number, example: string) =>
    `${count} organisations have no link (such as "${example}"), and an edge list has no line for them; write Pajek, GML or CSV to keep them`,
};

export function readEdgeList<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  const nodes: NodeItem[] = [];
  const known = new Set<string>();
  const edges: EdgeItem[] = [];
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  for (const [index, raw] of lines.entries()) {
    const content = (raw.split("#", 1)[0] as string).trim();
    if (content === "") continue;
    const row = index + 1;
    const item: EdgeItem = { row, path: null, source: undefined, target: undefined, attributes: {}, directed: false };
    const fields = content.split(/\s+/);
    const problem = fieldProblem(content, fields);
    if (problem !== undefined) {
      edges.push({ ...item, problems: [problem] });
      continue;
    }
    const [source, target, weight] = fields as [string, string, string | undefined];
    for (const id of [source, target]) {
      if (known.has(id)) continue;
      known.add(id);
      nodes.push({ key: id, attributes: {}, row, path: null });
    }
    edges.push({ ...item, source, target, attributes: weight === undefined ? {} : { weight: Number(weight) } });
  }
  return loadGraphItems(file, { nodes, edges }, { build, rowsAreLines: true, mapping });
}

function fieldProblem(content: string, fields: readonly string[]): Problem | undefined {
  if (/^\S+\s+\S+\s+\{/.test(content)) return { message: edgeListMessages.pythonData() };
  if (fields.length < 2 || fields.length > 3) return { message: edgeListMessages.fields(fields.length) };
  const weight = fields[2];
  if (weight !== undefined && !NUMBER.test(weight)) return { column: "weight", message: messages.notANumber(weight) };
  return undefined;
}

/** `source target weight`, a link a line, in graph order: the same graph gives the same bytes. */
export function writeEdgeList(graph: AnyGraph): string {
  const isolated = graph.filterNodes((node) => graph.degree(node) === 0);
  if (isolated.length > 0) throw new UnwritableGraphError(MODULE, edgeListMessages.isolated(isolated.length, isolated[0] as string));
  graph.forEachNode((node) => {
    if (/\s/.test(node) || node.includes("#")) throw new UnwritableGraphError(MODULE, edgeListMessages.blankInId(node));
  });
  const lines = graph.mapEdges((_edge, attributes, source, target) => {
    const weight = attributes["weight"];
    return `${source} ${target} ${typeof weight === "number" ? weight : 1}`;
  });
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}
