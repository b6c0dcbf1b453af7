/**
 * Pajek's network format (`.net`), read by Pajek, VOSviewer, igraph, NetworkX and UCINET. Written
 * and read here by hand: no graphology package reads or writes it, and it is a few lines of text.
 *
 * ```
 * *Vertices 3
 * 1 "DE-MUELLER"
 * 2 "FR-SACLAY"
 * 3 "IT-ORG7"
 * *Edges
 * 1 2 0.3333333333333333
 * ```
 *
 * Pajek holds a vertex number, one label per vertex and a weight per edge, nothing else. The
 * label written is the organisation's id: it is the only text Pajek keeps per vertex, and the one
 * that keeps links attached to the right organisations on the way back. Weights are written in
 * full (JavaScript's shortest form that reads back to the same number). Lost on the way through
 * Pajek: every other organisation attribute (name, type, country, region, city, lat, lon,
 * cluster, valueChainStage, and any extra one) and every other link attribute (projectCount,
 * firstYear, lastYear, kind, projects, and any extra one). The tests check this list.
 *
 * Reading accepts `*Edges` and `*Arcs` (arcs are read as undirected: reverse arcs are one link,
 * see graph-load.ts), `*Edgeslist` and `*Arcslist`, `%` comment lines, a BOM and CRLF line ends.
 * A vertex's coordinates and drawing parameters, and an edge's parameters after the weight, are
 * ignored; a vertex without a line is labelled by its number, as Pajek does. The count `*Vertices`
 * declares is a bound, never an allocation: a vertex exists once a vertex line or an edge names
 * it, and when fewer are named than declared, the `*Vertices` line is rejected saying so (the
 * others would be isolated vertices known by number only; a 29-byte file declaring a billion
 * must not take the memory of a billion). For Pajek, a
 * rejected item's `row` is its line number in the file; paths count vertices by their number
 * (`nodes[0]` is vertex 1) and edges in the order read. A file that is not a Pajek network, or
 * has sections that cannot be read (`*Matrix`, a second network), is refused with `error`.
 */
import type { AnyGraph, AllianceGraph } from "@linkscale/core/model";
import { messages, type Problem } from "../problems.ts";
import { UnwritableGraphError } from "./errors.ts";
import { failedGraphLoad, graphMessages, loadGraphItems, type EdgeItem, type GraphLoad, type GraphReadOptions, type NodeItem, type AnyAllianceGraph } from "./graph-load.ts";

const MODULE = "io/formats/pajek";

export const pajekMessages = {
  empty: () => "the file is empty: expected a *Vertices line",
  notPajek: (line: number, text: string) => `not a Pajek network: line ${line} is "${text}", expected "*Vertices n"`,
  vertexCount: (line: number, text: string) => `line ${line}: *Vertices must give the number of vertices (was "${text}")`,
  secondNetwork: (line: number) =>
    `line ${line}: a second network begins (a Pajek project file?); save one network as .net`,
  unreadableSection: (line: number, name: string) =>
    `line ${line}: ${name} sections are not read; save the network with *Edges or *Arcs`,
  vertexLine: () => 'must be a vertex number and a label, such as 1 "DE-ACME"',
  unclosedLabel: () => "the label's closing quote is missing",
  vertexOutOfRange: (vertex: number, count: number) => `vertex ${vertex} is beyond the ${count} that *Vertices declares`,
  duplicateVertex: (vertex: number, line: number) => `vertex ${vertex} is already given at line ${line}`,
  noVertex: (token: string, count: number) => `no vertex "${token}": *Vertices declares 1 to ${count}`,
  fewerVertices: (declared: number, named: number) =>
    `*Vertices declares ${declared} vertices, but vertex lines and edges name ${named}: the ${declared - named} others are not read`,
  edgeLine: () => "must be two vertex numbers and an optional weight, such as 1 2 0.5",
  unwritableLabel: (id: string) => `organisation id ${JSON.stringify(id)} holds a quote or a line break, which a Pajek label cannot hold`,
  unwritableWeight: (source: string, target: string, weight: unknown) =>
    `link ${source}–${target} has weight ${JSON.stringify(weight)}; Pajek weights are numbers`,
};

type Section = "vertices" | "edges" | "arcs" | "edgeslist" | "arcslist";

// Looked up with the file's text: a Map, so no prototype answers.
const SECTIONS: ReadonlyMap<string, Section> = new Map([
  ["*vertices", "vertices"],
  ["*edges", "edges"],
  ["*arcs", "arcs"],
  ["*edgeslist", "edgeslist"],
  ["*arcslist", "arcslist"],
]);

const VERTEX_NUMBER = /^\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

interface EdgeLine {
  line: number;
  tokens: string[];
  section: Section;
}

export function readPajek<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, arcs, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  let vertexCount: number | undefined;
  let verticesLine = 0;
  let section: Section | undefined;
  const vertices = new Map<number, { label: string; line: number }>();
  const brokenVertices: NodeItem[] = [];
  const edgeLines: EdgeLine[] = [];

  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const content = raw.trim();
    if (content === "" || content.startsWith("%")) continue;
    if (content.startsWith("*")) {
      const word = (content.split(/\s+/, 1)[0] as string).toLowerCase();
      if (word === "*network") {
        if (vertexCount !== undefined) return failedGraphLoad(file, pajekMessages.secondNetwork(line), build);
        continue;
      }
      const next = SECTIONS.get(word);
      if (next === undefined) {
        if (vertexCount === undefined) return failedGraphLoad(file, pajekMessages.notPajek(line, content), build);
        return failedGraphLoad(file, pajekMessages.unreadableSection(line, content.split(/\s+/, 1)[0] as string), build);
      }
      if (next === "vertices") {
        if (vertexCount !== undefined) return failedGraphLoad(file, pajekMessages.secondNetwork(line), build);
        // A two-mode network gives a second number (the first mode's size); both modes are read.
        const count = content.split(/\s+/)[1] ?? "";
        if (!VERTEX_NUMBER.test(count)) return failedGraphLoad(file, pajekMessages.vertexCount(line, count), build);
        vertexCount = Number(count);
        verticesLine = line;
      } else if (vertexCount === undefined) {
        return failedGraphLoad(file, pajekMessages.notPajek(line, content), build);
      }
      section = next;
      continue;
    }
    if (section === undefined || vertexCount === undefined) return failedGraphLoad(file, pajekMessages.notPajek(line, content), build);
    if (section === "vertices") {
      const vertex = readVertexLine(content, vertexCount);
      if ("problem" in vertex) {
        brokenVertices.push({ key: undefined, attributes: {}, row: line, path: null, problems: [{ message: vertex.problem }] });
        continue;
      }
      const first = vertices.get(vertex.number);
      if (first !== undefined) {
        const problem = pajekMessages.duplicateVertex(vertex.number, first.line);
        brokenVertices.push({ key: undefined, attributes: {}, row: line, path: null, problems: [{ message: problem }] });
        continue;
      }
      vertices.set(vertex.number, { label: vertex.label, line });
    } else {
      edgeLines.push({ line, tokens: content.split(/\s+/), section });
    }
  }
  if (vertexCount === undefined) return failedGraphLoad(file, pajekMessages.empty(), build);

  // The vertices the content names (by a vertex line or an edge end), never all those declared:
  // the declared count is only trusted as a bound.
  const named = new Set<number>(vertices.keys());
  for (const { tokens, section: edgeSection } of edgeLines) {
    // An edge line's first two tokens are its ends (then a weight); a list line's are all vertices.
    const ends = edgeSection === "edges" || edgeSection === "arcs" ? tokens.slice(0, 2) : tokens;
    for (const token of ends) if (isVertexNumber(token, vertexCount)) named.add(Number(token));
  }

  // Vertices in number order; one without a line is labelled by its number, as Pajek does.
  const nodes: NodeItem[] = [];
  const labelOf = new Map<number, string>();
  const firstVertexOf = new Map<string, number>();
  for (const number of [...named].sort((a, b) => a - b)) {
    const listed = vertices.get(number);
    const label = listed?.label ?? String(number);
    labelOf.set(number, label);
    if (!firstVertexOf.has(label)) firstVertexOf.set(label, number);
    nodes.push({ key: label, attributes: {}, row: listed?.line ?? verticesLine });
  }
  for (const broken of brokenVertices) nodes.push(broken);
  if (named.size < vertexCount) {
    const problem = pajekMessages.fewerVertices(vertexCount, named.size);
    nodes.push({ key: undefined, attributes: {}, row: verticesLine, path: null, problems: [{ message: problem }] });
  }

  const edges: EdgeItem[] = [];
  for (const { line, tokens, section: edgeSection } of edgeLines) {
    const directed = edgeSection === "arcs" || edgeSection === "arcslist";
    if (edgeSection === "edges" || edgeSection === "arcs") {
      const [from = "", to, weight] = tokens;
      const path = `edges[${edges.length}]`;
      if (to === undefined) {
        edges.push({ source: undefined, target: undefined, attributes: {}, directed, row: line, problems: [{ column: path, message: pajekMessages.edgeLine() }] });
        continue;
      }
      const problems = [...endProblems(from, `${path}.source`), ...endProblems(to, `${path}.target`)];
      if (weight !== undefined && !DECIMAL.test(weight)) problems.push({ column: `${path}.weight`, message: messages.notANumber(weight) });
      const attributes = weight === undefined ? {} : { weight: Number(weight) };
      edges.push({ source: labelOf.get(Number(from)), target: labelOf.get(Number(to)), attributes, directed, row: line, problems });
    } else {
      // A list line: the first vertex linked to each of the others.
      const [from = "", ...others] = tokens;
      for (const to of others) {
        const path = `edges[${edges.length}]`;
        const problems = [...endProblems(from, `${path}.source`), ...endProblems(to, `${path}.target`)];
        edges.push({ source: labelOf.get(Number(from)), target: labelOf.get(Number(to)), attributes: {}, directed, row: line, problems });
      }
    }
  }

  const load = loadGraphItems(file, { nodes, edges }, { build, rowsAreLines: true, arcs, mapping });
  // Vertex lines come before edge lines, so line order is file order.
  load.rejected.sort((a, b) => a.row - b.row);
  return load;

  /** A vertex number out of range, or one whose vertex is rejected (no label, or one given before). */
  function endProblems(token: string, column: string): Problem[] {
    const count = vertexCount as number;
    if (!isVertexNumber(token, count)) return [{ column, message: pajekMessages.noVertex(token, count) }];
    const number = Number(token);
    const label = labelOf.get(number) as string;
    if (label === "" || firstVertexOf.get(label) !== number) {
      return [{ column, message: graphMessages.rejectedEnd(label, `line ${vertices.get(number)?.line ?? verticesLine}`) }];
    }
    return [];
  }
}

function isVertexNumber(token: string, count: number): boolean {
  return VERTEX_NUMBER.test(token) && Number(token) >= 1 && Number(token) <= count;
}

function readVertexLine(content: string, count: number): { number: number; label: string } | { problem: string } {
  const match = /^(\S+)(?:\s+(?:"([^"]*)("?)|(\S+)))?/.exec(content);
  const token = match?.[1] ?? "";
  if (!VERTEX_NUMBER.test(token)) return { problem: pajekMessages.vertexLine() };
  const number = Number(token);
  if (number < 1 || number > count) return { problem: pajekMessages.vertexOutOfRange(number, count) };
  const [, , quoted, closing, bare] = match as RegExpExecArray;
  if (quoted !== undefined && closing !== '"') return { problem: pajekMessages.unclosedLabel() };
  return { number, label: quoted ?? bare ?? token };
}

export function writePajek(graph: AnyGraph): string {
  const numbers = new Map<string, number>();
  const lines = [`*Vertices ${graph.order}`];
  graph.forEachNode((key) => {
    // Pajek has no escape: a quote would end the label early, a line break end the line.
    if (/["\r\n]/.test(key)) throw new UnwritableGraphError(MODULE, pajekMessages.unwritableLabel(key));
    numbers.set(key, numbers.size + 1);
    lines.push(`${numbers.size} "${key}"`);
  });
  const edges: string[] = [];
  const arcs: string[] = [];
  graph.forEachEdge((_edge, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
    const weight = attributes["weight"];
    let line = `${numbers.get(source)} ${numbers.get(target)}`;
    if (weight !== undefined) {
      if (typeof weight !== "number" || !Number.isFinite(weight)) {
        throw new UnwritableGraphError(MODULE, pajekMessages.unwritableWeight(source, target, weight));
      }
      line += ` ${String(weight)}`;
    }
    (undirected ? edges : arcs).push(line);
  });
  // Sections joined, not spread into push: a million edges would overflow the call stack.
  const sections = [lines.join("\n")];
  if (edges.length > 0 || arcs.length === 0) sections.push("*Edges");
  if (edges.length > 0) sections.push(edges.join("\n"));
  if (arcs.length > 0) sections.push("*Arcs", arcs.join("\n"));
  return sections.join("\n") + "\n";
}
