/**
 * UCINET's DL ("data language") files, `.dl`, as UCINET and NetDraw write them and igraph
 * (`Graph.Read_DL`), Gephi and SocNetV read them (Borgatti, Everett & Freeman, "UCINET 6 for
 * Windows: User's Guide", Analytic Technologies, 2002, "DL Filetype"; UCINET's help, "DL
 * language"):
 *
 * ```
 * dl n = 4, format = edgelist1
 * labels:
 * FhG, KUL, PHI, ASML
 * data:
 * 1 2 2.5
 * 2 3
 * ```
 *
 * Read only, and read here by hand: no npm package parses DL, and what is read is a header of
 * settings and lines of numbers and labels.
 *
 * The header: `DL` first, then settings in any order and case, on one line or several, with
 * blanks or commas between them and blanks or none around `=`: `N=` (the number of actors),
 * `FORMAT=`, `DIAGONAL=PRESENT|ABSENT`, `LABELS:` followed by the labels (separated by commas,
 * blanks or line breaks, quoted when they hold one), `LABELS EMBEDDED` (the data name actors by
 * their labels, not their numbers); UCINET's own exports give `ROW LABELS:` and `COLUMN LABELS:`,
 * read as the labels when the two lists are the same, and `MATRIX LABELS:` or `LEVEL LABELS:`
 * (the relation's name), which are skipped. Then `DATA:` and the data, which may begin on the
 * same line. The formats:
 * - `FULLMATRIX` (the default): a line per row of N cells, separated by blanks or commas; with
 *   labels embedded, a first line of column labels and each row opening with its label.
 * - `LOWERHALF`, `UPPERHALF`: the rows of one triangle, with its diagonal (`DIAGONAL PRESENT`,
 *   the default) or without (`ABSENT`: the lower half's row 1 and the upper half's row N are
 *   then empty, and have no line).
 * - `EDGELIST1` (or `EDGELIST`): `a b [value]` a line, a tie from a to b (UCINET's value when
 *   none is given: 1).
 * - `NODELIST1` (or `NODELIST`): `a b c d` a line, a tie from a to each of the others.
 *
 * Actors are the nodes, each keyed by its label where labels are given, else by its 1-based
 * number as text. A non-zero cell, an edge list line or each pair of a node list line is a link,
 * weighted by its value. Which are arcs: a matrix is directed in general, but the networks
 * UCINET users exchange as symmetric matrices are undirected, and each tie is in them twice; so
 * a full matrix in which every cell equals its mirror is read as undirected links from its cells
 * above the diagonal (the mirrors below are the same ties), and any other full matrix as an arc
 * per non-zero cell, whose reverse arcs become one link as in every directed file (graph-load.ts:
 * the second is rejected naming the first, unless `--arcs sum|max` merges them). The rule used is
 * named in the load's `rules`, with the first cell that differs from its mirror. A half matrix
 * holds each pair once, so its cells are undirected links; edge and node list lines are arcs. A
 * cell on the diagonal is a self-link, rejected as in every format.
 *
 * Refused with `error`, nothing read: a file not opening with `DL`; one without `N=` or
 * `DATA:`; a two-mode network (`NR=`, `NC=`, or row labels that differ from column labels) and
 * several matrices (`NM=` above 1), since the alliance graph is one-mode and one relation, and
 * half of such a file would be a wrong network rather than a smaller one; formats other than
 * those above (`EDGELIST2`, `NODELIST2`, `BLOCKMATRIX`…); any other setting.
 *
 * Rejected, each by its line (`row`, with no path): a row of the wrong number of cells, a cell
 * or value that is no number, a row beyond the N rows of the matrix, an embedded row label that
 * is no column label or whose row came before, an actor number out of 1..N, a label not among
 * the labels (or, embedded without a list, a label past the N actors declared), a label past the
 * N declared, an edge list line of other than two or three fields. The count `N=` declares is
 * trusted as a bound, never as an allocation: an actor exists once the content names it (a
 * label, a row read, a column of a row read, an end in the data), and when the content names
 * fewer than N, the header line is rejected saying so (`DL N=999999999999` and three lines hold
 * three actors, not a billion). Labels are read as written: UCINET itself upper-cases them and
 * cuts them at 18 characters, which would part them from the ids of the study's other files.
 * Nothing else is in a DL file: every organisation and link attribute but the weight is lost on
 * the way through it.
 *
 * igraph (0.10) reads less: `DL N=` on the first line, FORMAT before the labels, full matrices
 * of 0 and 1 only, no half matrices, no quotes; it reads a symmetric matrix as two arcs a pair,
 * and a line without a value as weighing NaN, where UCINET, and this reader, give 1.
 */
import type { AllianceGraph } from "@linkscale/core/model";
import { messages, type Problem } from "../problems.ts";
import { failedGraphLoad, graphMessages, loadGraphItems, type EdgeItem, type GraphLoad, type GraphReadOptions, type NodeItem, type AnyAllianceGraph } from "./graph-load.ts";

// Message builders, exported so tests assert the exact text a user sees.
export const ucinetDlMessages = {
  notDl: () => 'not a UCINET DL file: it must begin with "DL"',
  noSize: () => "the DL header gives no N= (the number of actors)",
  noData: () => 'the DL header is not followed by "DATA:"',
  sizeNotANumber: (line: number, text: string) => `line ${line}: N must be a whole number of actors (was "${text}")`,
  noValue: (line: number, setting: string) => `line ${line}: ${setting} is given no value`,
  twoMode: (line: number, setting: string) =>
    `line ${line}: ${setting} makes this a two-mode network (its rows and columns are different actors); linkscale reads one-mode networks: save it with N= and one list of actors`,
  rowColumnLabels: (line: number) =>
    `line ${line}: the column labels are not the row labels, so this is a two-mode network; linkscale reads one-mode networks: save it with one list of actors`,
  multiMatrix: (line: number, count: number) =>
    `line ${line}: NM=${count}: the file holds ${count} matrices (relations), and linkscale reads one; save each as a file of its own`,
  unknownFormat: (line: number, format: string) =>
    `line ${line}: FORMAT=${format} is not read; the formats read are FULLMATRIX, LOWERHALF, UPPERHALF, EDGELIST1 and NODELIST1`,
  unknownDiagonal: (line: number, value: string) => `line ${line}: DIAGONAL must be PRESENT or ABSENT (was "${value}")`,
  unknownSetting: (line: number, word: string) =>
    `line ${line}: "${word}" is no DL setting linkscale reads (N, FORMAT, DIAGONAL, LABELS:, LABELS EMBEDDED, DATA:)`,
  repeatedSetting: (line: number, setting: string) => `line ${line}: ${setting} is given a second, different value`,
  embeddedAndListed: (line: number) =>
    `line ${line}: a matrix with labels embedded takes its labels from its first data line; give either LABELS: or LABELS EMBEDDED`,
  unclosedQuote: (line: number) => `line ${line}: a label's closing quote is missing`,
  // Problems of an item (a line).
  fewerActors: (declared: number, named: number) =>
    `N=${declared} declares ${declared} actors, but the file names ${named}: the ${declared - named} others are not read`,
  labelBeyond: (label: string, position: number, declared: number) =>
    `label ${position} ("${label}") is beyond the N=${declared} actors the header declares`,
  lineQuote: () => "a label's closing quote is missing",
  cells: (found: number, expected: number, row: number) => `has ${found} cells, where row ${row} of the matrix has ${expected}`,
  cellNotANumber: (column: number, value: string) => `the cell of column ${column} must be a number (was "${value}")`,
  rowBeyond: (row: number, declared: number) => `is row ${row}, beyond the N=${declared} rows of the matrix`,
  unknownRowLabel: (label: string) => `row label "${label}" is not among the column labels`,
  repeatedRow: (label: string, line: number) => `the row of "${label}" is already given at line ${line}`,
  noActor: (token: string, count: number) =>
    count === 0 ? `no actor "${token}": there are none` : `no actor "${token}": the actors are numbered 1 to ${count}`,
  unknownLabel: (label: string) => `no actor "${label}" among the labels`,
  emptyLabel: () => "an actor's label is empty",
  actorBeyond: (label: string, declared: number) => `"${label}" would be actor ${declared + 1}, beyond the N=${declared} the header declares`,
  noFields: () => "holds only commas",
  edgeFields: (count: number) => `has ${count} fields: an EDGELIST1 line is two actors and optionally a value`,
};

/** How a matrix's cells became links, named in the load's `rules`. */
export const ucinetDlRules = {
  symmetric: "UCINET DL: the matrix is symmetric (every cell equals its mirror), so it is read as undirected: each pair's link from its cell above the diagonal",
  asymmetric: (row: number, column: number) =>
    `UCINET DL: the matrix is not symmetric (row ${row}, column ${column} differs from row ${column}, column ${row}), so each non-zero cell is an arc from its row's actor to its column's`,
  half: (half: "lower" | "upper") => `UCINET DL: ${half === "lower" ? "a lower" : "an upper"} half matrix holds each pair once: each non-zero cell is an undirected link`,
  lists: "UCINET DL: each tie of an edge or node list is an arc from its first actor to the other",
};

type Format = "fullmatrix" | "lowerhalf" | "upperhalf" | "edgelist1" | "nodelist1";

// Looked up with the file's text: Maps, so no prototype answers.
const FORMATS: ReadonlyMap<string, Format> = new Map([
  ["FULLMATRIX", "fullmatrix"],
  ["LOWERHALF", "lowerhalf"],
  ["UPPERHALF", "upperhalf"],
  ["EDGELIST1", "edgelist1"],
  ["EDGELIST", "edgelist1"],
  ["NODELIST1", "nodelist1"],
  ["NODELIST", "nodelist1"],
]);
const COUNTS = new Set(["N", "NR", "NC", "NM"]);
const LIST_NAMES = new Set(["ROW", "COLUMN", "COL", "MATRIX", "LEVEL"]);

const WHOLE = /^\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// A header's words, its = and : signs, and quoted texts; blanks and commas between.
const HEADER_TOKEN = /"([^"]*)("?)|([=:])|([^\s,=:"]+)/g;
// A data line's fields: quoted texts or runs without blanks, commas and quotes.
const DATA_TOKEN = /"([^"]*)("?)|([^\s,"]+)/g;

/** DL's first word and a setting after it: what `loadFiles` recognises a DL file by, whatever its name. */
const DL_OPENING = /^\uFEFF?\s*dl[\s,]+(?:(?:n|nr|nc|nm|format|diagonal)\s*=|(?:labels|data)\s*:|labels\s+embedded)/i;

export function looksLikeUcinetDl(text: string): boolean {
  return DL_OPENING.test(text.slice(0, 256));
}


interface HeaderToken {
  text: string;
  /** `=` or `:` outside quotes. */
  sign: boolean;
  quoted: boolean;
  line: number;
}

interface Label {
  text: string;
  line: number;
}

interface DataLine {
  text: string;
  line: number;
}

interface Header {
  size: number;
  sizeLine: number;
  format: Format;
  diagonal: boolean;
  /** The labels listed in the header, if any. */
  labels: Label[] | undefined;
  embedded: boolean;
  /** The data's lines, blank ones left out. */
  data: DataLine[];
}

/** The header's tokens up to `DATA:`, and the lines after it; or why the file is no DL file. */
function tokenizeHeader(lines: readonly string[]): { tokens: HeaderToken[]; data: DataLine[] | undefined } | { error: string } {
  const tokens: HeaderToken[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    for (const match of raw.matchAll(HEADER_TOKEN)) {
      const [whole, quotedText, closing, sign, word] = match;
      if (tokens.length === 0 && word?.toUpperCase() !== "DL") return { error: ucinetDlMessages.notDl() };
      if (quotedText !== undefined && closing !== '"') return { error: ucinetDlMessages.unclosedQuote(line) };
      const previous = tokens[tokens.length - 1];
      if (sign === ":" && isWord(previous, "DATA")) {
        tokens.pop();
        // The data may begin on the line of DATA:.
        const rest = raw.slice(match.index + whole.length);
        const data = [{ text: rest, line }, ...lines.slice(index + 1).map((text, after) => ({ text, line: line + after + 1 }))];
        return { tokens, data: data.filter(({ text }) => text.trim() !== "") };
      }
      tokens.push({ text: quotedText ?? sign ?? word ?? whole, sign: sign !== undefined, quoted: quotedText !== undefined, line });
    }
  }
  if (tokens.length === 0) return { error: ucinetDlMessages.notDl() };
  return { tokens, data: undefined };
}

function isWord(token: HeaderToken | undefined, word: string): boolean {
  return token !== undefined && !token.sign && !token.quoted && token.text.toUpperCase() === word;
}

function isSign(token: HeaderToken | undefined, sign: string): boolean {
  return token !== undefined && token.sign && token.text === sign;
}

function readHeader(lines: readonly string[]): Header | { error: string } {
  const tokenized = tokenizeHeader(lines);
  if ("error" in tokenized) return tokenized;
  const { tokens, data } = tokenized;
  const counts = new Map<string, { value: number; line: number }>();
  let format: Format | undefined;
  let diagonal = true;
  let embedded = false;
  const lists: Array<{ name: string; labels: Label[]; line: number }> = [];

  // Where a list of labels ends: at the next setting, known by the sign or word after its name.
  const startsSetting = (at: number) => {
    const token = tokens[at];
    const next = tokens[at + 1];
    if (token === undefined || token.sign || token.quoted) return false;
    const word = token.text.toUpperCase();
    if (COUNTS.has(word) || word === "FORMAT") return isSign(next, "=");
    if (word === "DIAGONAL") return isSign(next, "=") || isWord(next, "PRESENT") || isWord(next, "ABSENT");
    if (word === "LABELS") return isSign(next, ":") || isWord(next, "EMBEDDED");
    return LIST_NAMES.has(word) && isWord(next, "LABELS");
  };

  let at = 1;
  /** The value after a setting's name and its optional `=`, moving past both. */
  const valueOf = (name: HeaderToken, setting: string): HeaderToken | { error: string } => {
    if (isSign(tokens[at], "=")) at++;
    const value = tokens[at];
    if (value === undefined || value.sign || startsSetting(at)) return { error: ucinetDlMessages.noValue(name.line, setting) };
    at++;
    return value;
  };

  while (at < tokens.length) {
    const token = tokens[at] as HeaderToken;
    at++;
    if (token.sign) continue;
    const word = token.quoted ? "" : token.text.toUpperCase();
    if (COUNTS.has(word)) {
      const value = valueOf(token, word);
      if ("error" in value) return value;
      if (word === "NR" || word === "NC") return { error: ucinetDlMessages.twoMode(token.line, word) };
      if (!WHOLE.test(value.text) || !Number.isSafeInteger(Number(value.text))) return { error: ucinetDlMessages.sizeNotANumber(value.line, value.text) };
      const count = Number(value.text);
      const earlier = counts.get(word);
      if (earlier !== undefined && earlier.value !== count) return { error: ucinetDlMessages.repeatedSetting(token.line, word) };
      if (word === "NM" && count > 1) return { error: ucinetDlMessages.multiMatrix(token.line, count) };
      counts.set(word, { value: count, line: token.line });
    } else if (word === "FORMAT") {
      const value = valueOf(token, word);
      if ("error" in value) return value;
      const named = FORMATS.get(value.text.toUpperCase());
      if (named === undefined) return { error: ucinetDlMessages.unknownFormat(value.line, value.text) };
      if (format !== undefined && format !== named) return { error: ucinetDlMessages.repeatedSetting(token.line, word) };
      format = named;
    } else if (word === "DIAGONAL") {
      const value = valueOf(token, word);
      if ("error" in value) return value;
      const given = value.text.toUpperCase();
      if (given !== "PRESENT" && given !== "ABSENT") return { error: ucinetDlMessages.unknownDiagonal(value.line, value.text) };
      diagonal = given === "PRESENT";
    } else if (word === "LABELS" || (LIST_NAMES.has(word) && isWord(tokens[at], "LABELS"))) {
      if (word !== "LABELS") at++;
      const name = word === "LABELS" ? word : `${word} LABELS`;
      if (isWord(tokens[at], "EMBEDDED")) {
        at++;
        if (isSign(tokens[at], ":")) at++;
        if (word !== "MATRIX" && word !== "LEVEL") embedded = true;
      } else if (isSign(tokens[at], ":")) {
        at++;
        const labels: Label[] = [];
        for (; at < tokens.length && !startsSetting(at); at++) {
          const label = tokens[at] as HeaderToken;
          // UCINET separates labels by equal signs too.
          if (!label.sign) labels.push({ text: label.text, line: label.line });
        }
        lists.push({ name, labels, line: token.line });
      } else {
        return { error: ucinetDlMessages.noValue(token.line, name) };
      }
    } else {
      return { error: ucinetDlMessages.unknownSetting(token.line, token.text) };
    }
  }

  const size = counts.get("N");
  if (size === undefined) return { error: ucinetDlMessages.noSize() };
  if (data === undefined) return { error: ucinetDlMessages.noData() };
  // The relation's name (MATRIX or LEVEL LABELS) is no part of the model; the other lists name the actors.
  const actorLists = lists.filter(({ name }) => name !== "MATRIX LABELS" && name !== "LEVEL LABELS");
  const [first] = actorLists;
  for (const other of actorLists.slice(1)) {
    const same = other.labels.length === first?.labels.length && other.labels.every((label, index) => label.text === first.labels[index]?.text);
    if (!same) return { error: ucinetDlMessages.rowColumnLabels(other.line) };
  }
  const read = format ?? "fullmatrix";
  if (first !== undefined && embedded && MATRICES.has(read)) return { error: ucinetDlMessages.embeddedAndListed(first.line) };
  return { size: size.value, sizeLine: size.line, format: read, diagonal, labels: first?.labels, embedded, data };
}

const MATRICES: ReadonlySet<Format> = new Set(["fullmatrix", "lowerhalf", "upperhalf"]);

interface Field {
  text: string;
}

/** A data line's fields, or undefined when a quote is left open. */
function fieldsOf(text: string): Field[] | undefined {
  const fields: Field[] = [];
  for (const [, quotedText, closing, bare] of text.matchAll(DATA_TOKEN)) {
    if (quotedText !== undefined && closing !== '"') return undefined;
    fields.push({ text: quotedText ?? bare ?? "" });
  }
  return fields;
}

type Resolved = { key: string } | { problem: string };

/**
 * The actors of a file, each existing once the content names it: all the labels of a list (the
 * header's, or a matrix's embedded column labels) up to N; else each number 1..N the data name;
 * else, labels embedded without a list, each label the data name, up to N of them.
 */
class Actors {
  /** Actors by 0-based number, each with its key and the line that named it first. */
  private readonly byIndex = new Map<number, { key: string; line: number }>();
  /** Label → the number of its first actor. */
  private readonly indexOfLabel = new Map<string, number>();
  /** Labels beyond N, rejected. */
  private readonly beyond: NodeItem[] = [];

  /**
   * `numbers`: no labels, actors named by number; `list`: labels listed, the data give numbers;
   * `labels`: labels listed, the data give labels; `found`: the data give labels, no list.
   */
  constructor(
    private readonly size: number,
    private readonly mode: "numbers" | "list" | "labels" | "found",
    labels: readonly Label[] = [],
  ) {
    for (const [index, { text, line }] of labels.entries()) {
      if (index >= size) {
        const problem = ucinetDlMessages.labelBeyond(text, index + 1, size);
        this.beyond.push({ key: undefined, attributes: {}, row: line, path: null, problems: [{ message: problem }] });
        continue;
      }
      this.byIndex.set(index, { key: text, line });
      if (!this.indexOfLabel.has(text)) this.indexOfLabel.set(text, index);
    }
  }

  /** Actors numbered 1..count: the labels listed (up to N), else N. */
  get count(): number {
    return this.mode === "list" || this.mode === "labels" ? this.byIndex.size : this.size;
  }

  /** Actor `index` (0-based), named at `line`. */
  byNumber(index: number, line: number, token = String(index + 1)): Resolved {
    if (index < 0 || index >= this.count) return { problem: ucinetDlMessages.noActor(token, this.count) };
    if (this.mode === "numbers" && !this.byIndex.has(index)) this.byIndex.set(index, { key: String(index + 1), line });
    return this.usable(index);
  }

  /** The actor a field of the data names: by its number, or its label where labels are embedded. */
  byField(field: Field, line: number): Resolved {
    if (this.mode === "labels" || this.mode === "found") return this.byLabel(field.text, line);
    if (!WHOLE.test(field.text)) return { problem: ucinetDlMessages.noActor(field.text, this.count) };
    // Past 2^53 a number reads as another; any such number is past N, which is a safe integer.
    return this.byNumber(field.text.length > 16 ? Infinity : Number(field.text) - 1, line, field.text);
  }

  /** The number (0-based) of the first actor labelled so, if any. */
  numberOf(label: string): number | undefined {
    return this.indexOfLabel.get(label);
  }

  private byLabel(label: string, line: number): Resolved {
    if (label === "") return { problem: ucinetDlMessages.emptyLabel() };
    const index = this.indexOfLabel.get(label);
    if (index !== undefined) return this.usable(index);
    if (this.mode !== "found") return { problem: ucinetDlMessages.unknownLabel(label) };
    if (this.byIndex.size >= this.size) return { problem: ucinetDlMessages.actorBeyond(label, this.size) };
    this.indexOfLabel.set(label, this.byIndex.size);
    this.byIndex.set(this.byIndex.size, { key: label, line });
    return { key: label };
  }

  /** An actor's key, unless its node is rejected: a label that is empty or repeats an earlier one. */
  private usable(index: number): Resolved {
    const { key, line } = this.byIndex.get(index) as { key: string; line: number };
    if (this.mode !== "numbers" && (key === "" || this.indexOfLabel.get(key) !== index)) {
      return { problem: graphMessages.rejectedEnd(key, `line ${line}`) };
    }
    return { key };
  }

  /** The actors as nodes in number order, the labels beyond N, and the N line when fewer than N are named. */
  nodes(sizeLine: number): NodeItem[] {
    const nodes: NodeItem[] = [...this.byIndex]
      .sort(([a], [b]) => a - b)
      .map(([, { key, line }]) => ({ key, attributes: {}, row: line, path: null }));
    nodes.push(...this.beyond);
    if (this.byIndex.size < this.size) {
      const problem = ucinetDlMessages.fewerActors(this.size, this.byIndex.size);
      nodes.push({ key: undefined, attributes: {}, row: sizeLine, path: null, problems: [{ message: problem }] });
    }
    return nodes;
  }
}

export function readUcinetDl<G extends AnyAllianceGraph = AllianceGraph>(text: string, { file, arcs, mapping, build }: GraphReadOptions<G>): GraphLoad<G> {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const header = readHeader(lines);
  if ("error" in header) return failedGraphLoad(file, header.error, build);
  const read = MATRICES.has(header.format) ? readMatrix(header) : readLists(header);
  if ("error" in read) return failedGraphLoad(file, read.error, build);
  const nodes = read.actors.nodes(header.sizeLine);
  const load = loadGraphItems(file, { nodes, edges: read.edges }, { build, rowsAreLines: true, arcs, mapping, rules: read.rules });
  // Nodes are named all over the file (labels, rows, data): rejected items in line order.
  load.rejected.sort((a, b) => a.row - b.row);
  return load;
}

interface Read {
  actors: Actors;
  edges: EdgeItem[];
  rules: string[];
}

/** A line rejected whole, as one item. */
function brokenLine(line: number, message: string, column?: string): EdgeItem {
  return { source: undefined, target: undefined, attributes: {}, directed: false, row: line, path: null, problems: [column === undefined ? { message } : { column, message }] };
}

/** A tie between two actors found (or not), as an edge item. */
function tie(line: number, source: Resolved, target: Resolved, attributes: Record<string, number>, directed: boolean, extra: Problem[] = []): EdgeItem {
  const problems = [...("problem" in source ? [{ message: source.problem }] : []), ...("problem" in target ? [{ message: target.problem }] : []), ...extra];
  const item: EdgeItem = { source: "key" in source ? source.key : undefined, target: "key" in target ? target.key : undefined, attributes, directed, row: line, path: null };
  return problems.length === 0 ? item : { ...item, problems };
}

function readLists({ size, format, labels, embedded, data }: Header): Read {
  const actors = new Actors(size, embedded ? (labels === undefined ? "found" : "labels") : labels === undefined ? "numbers" : "list", labels);
  const edges: EdgeItem[] = [];
  for (const { text, line } of data) {
    const fields = fieldsOf(text);
    if (fields === undefined) {
      edges.push(brokenLine(line, ucinetDlMessages.lineQuote()));
      continue;
    }
    if (format === "edgelist1") {
      if (fields.length < 2 || fields.length > 3) {
        edges.push(brokenLine(line, ucinetDlMessages.edgeFields(fields.length)));
        continue;
      }
      const [from, to, value] = fields as [Field, Field, Field | undefined];
      const source = actors.byField(from, line);
      const target = actors.byField(to, line);
      if (value !== undefined && !DECIMAL.test(value.text)) {
        edges.push(tie(line, source, target, {}, true, [{ column: "weight", message: messages.notANumber(value.text) }]));
      } else {
        edges.push(tie(line, source, target, value === undefined ? {} : { weight: Number(value.text) }, true));
      }
      continue;
    }
    // A node list line: its first actor tied to each of the others.
    const [from, ...others] = fields;
    if (from === undefined) {
      edges.push(brokenLine(line, ucinetDlMessages.noFields()));
      continue;
    }
    const source = actors.byField(from, line);
    // An actor alone on its line has no tie, but one that cannot be read is said so.
    if (others.length === 0 && "problem" in source) edges.push(brokenLine(line, source.problem));
    for (const to of others) edges.push(tie(line, source, actors.byField(to, line), {}, true));
  }
  return { actors, edges, rules: [ucinetDlRules.lists] };
}

/** A matrix row read: its cells' values, by column (1-based) from `first`. */
interface Row {
  row: number;
  line: number;
  first: number;
  values: number[];
}

function readMatrix({ size, format, diagonal, labels, embedded, data }: Header): Read | { error: string } {
  let rows = data;
  let actors: Actors;
  if (embedded) {
    // The first line gives the column labels, which are the actors.
    const [columns, ...rest] = data;
    const fields = columns === undefined ? [] : fieldsOf(columns.text);
    if (fields === undefined) return { error: ucinetDlMessages.unclosedQuote((columns as DataLine).line) };
    actors = new Actors(size, "labels", fields.map(({ text }) => ({ text, line: (columns as DataLine).line })));
    rows = rest;
  } else {
    actors = new Actors(size, labels === undefined ? "numbers" : "list", labels);
  }
  // Row r (1-based) holds the columns first..first+cells-1 of its triangle, or all N.
  const cellsOf = (row: number): { first: number; cells: number } => {
    if (format === "lowerhalf") return { first: 1, cells: diagonal ? row : row - 1 };
    if (format === "upperhalf") return diagonal ? { first: row, cells: size - row + 1 } : { first: row + 1, cells: size - row };
    return { first: 1, cells: size };
  };

  const edges: EdgeItem[] = [];
  const read = new Map<number, Row>();
  const rowLine = new Map<number, number>();
  // Without labels embedded, the k-th line is row k (row k + 1 for a lower half without its diagonal, whose row 1 is empty).
  let next = format === "lowerhalf" && !diagonal ? 2 : 1;
  for (const { text, line } of rows) {
    let fields = fieldsOf(text);
    if (fields === undefined) {
      if (!embedded) next++;
      edges.push(brokenLine(line, ucinetDlMessages.lineQuote()));
      continue;
    }
    let row: number;
    if (embedded) {
      const label = fields[0]?.text ?? "";
      fields = fields.slice(1);
      const number = actors.numberOf(label);
      if (number === undefined) {
        edges.push(brokenLine(line, ucinetDlMessages.unknownRowLabel(label)));
        continue;
      }
      row = number + 1;
      const earlier = rowLine.get(row);
      if (earlier !== undefined) {
        edges.push(brokenLine(line, ucinetDlMessages.repeatedRow(label, earlier)));
        continue;
      }
      rowLine.set(row, line);
    } else {
      row = next++;
      if (row > size) {
        edges.push(brokenLine(line, ucinetDlMessages.rowBeyond(row, size)));
        continue;
      }
    }
    const { first, cells } = cellsOf(row);
    if (fields.length !== cells) {
      edges.push(brokenLine(line, ucinetDlMessages.cells(fields.length, cells, row)));
      continue;
    }
    const wrong = fields.findIndex((field) => !DECIMAL.test(field.text));
    if (wrong >= 0) {
      edges.push(brokenLine(line, ucinetDlMessages.cellNotANumber(first + wrong, (fields[wrong] as Field).text)));
      continue;
    }
    read.set(row, { row, line, first, values: fields.map((field) => Number(field.text)) });
    // A row read names its actor and those of its columns.
    actors.byNumber(row - 1, line);
    for (let column = first; column < first + cells; column++) actors.byNumber(column - 1, line);
  }

  // A full matrix is symmetric when each cell equals its mirror, over the rows read.
  let differs: { row: number; column: number } | undefined;
  if (format === "fullmatrix") {
    search: for (const { row, values } of read.values()) {
      for (const [column, mirror] of read) {
        if (column > row && values[column - 1] !== mirror.values[row - 1]) {
          differs = { row, column };
          break search;
        }
      }
    }
  }
  const symmetric = format !== "fullmatrix" || differs === undefined;
  for (const { row, line, first, values } of read.values()) {
    for (const [offset, value] of values.entries()) {
      const column = first + offset;
      // Of a symmetric full matrix, a cell below the diagonal is the mirror of one read above it.
      if (value === 0 || (format === "fullmatrix" && symmetric && column < row && read.has(column))) continue;
      edges.push(tie(line, actors.byNumber(row - 1, line), actors.byNumber(column - 1, line), { weight: value }, !symmetric));
    }
  }
  const rule = format === "fullmatrix" ? (differs === undefined ? ucinetDlRules.symmetric : ucinetDlRules.asymmetric(differs.row, differs.column)) : ucinetDlRules.half(format === "lowerhalf" ? "lower" : "upper");
  return { actors, edges, rules: read.size === 0 ? [] : [rule] };
}
