/**
 * UCINET DL (read only). The round trips compare linkscale's reading of the hand-written files in
 * peers/ucinet-*.dl with python-igraph's (Graph.Read_DL, 0.10.2), which peers/ucinet_dl.py wrote
 * to peers/ucinet-*.expected.json; the other expectations are worked out by hand in the comments
 * beside them, from the DL text in each test.
 */
import type { AnyGraph } from "@linkscale/core/model";
import { describe, expect, it } from "vitest";
import { graphMessages, type GraphLoad, type GraphReadOptions } from "../../src/formats/graph-load.ts";
import { looksLikeUcinetDl, readUcinetDl, ucinetDlMessages, ucinetDlRules } from "../../src/formats/ucinet-dl.ts";
import { loadFiles } from "../../src/load-files.ts";
import { messages } from "../../src/problems.ts";
import { peerFile } from "./fixture.ts";

const file = "network.dl";

function read(text: string, options: Partial<GraphReadOptions> = {}): GraphLoad {
  const load = readUcinetDl(text, { file, ...options });
  expectInvariant(load);
  return load;
}

/** graph-load.ts's promise: every node and link read is in the graph, merged, or rejected. */
function expectInvariant(load: GraphLoad): void {
  const { graph, nodesRead, linksRead, rejected, merged = 0 } = load;
  expect(nodesRead + linksRead).toBe(graph.order + graph.size + merged + rejected.length);
}

/** Links as `a – b: weight`, ends sorted, links sorted: what a DL file holds, in any order. */
function weightedLinks(graph: AnyGraph): string[] {
  return graph.mapEdges((_edge, { weight }, source, target) => `${[source, target].sort().join(" – ")}: ${String(weight)}`).sort();
}

/** Rejected items as `line: message; message`, in line order. */
function rejectedLines(load: GraphLoad): string[] {
  return load.rejected.map(({ row, problems }) => `${row}: ${problems.map(({ message }) => message).join("; ")}`);
}

// ---------------------------------------------------------------------------------------------
// python-igraph's reading of each file in peers/ (peers/ucinet_dl.py).

interface IgraphReading {
  igraph: string;
  directed: boolean;
  vertices: number;
  names: string[] | null;
  edges: Array<[number, number]>;
  /** null where the line gives no value (igraph's NaN); null for all when no line gives one. */
  weights: Array<number | null> | null;
  mutual: boolean[];
}

const igraphReading = (name: string) => JSON.parse(peerFile(name.replace(/\.dl$/, ".expected.json"))) as IgraphReading;

/** igraph's vertices as linkscale keys them: by label, else by 1-based number (igraph numbers from 0). */
function keysOf(reading: IgraphReading): string[] {
  return reading.names ?? Array.from({ length: reading.vertices }, (_, index) => String(index + 1));
}

/**
 * igraph's arcs by unordered pair (`a – b`), each with its arcs' weights. A line without a value
 * has none in igraph (NaN) and weighs 1 in linkscale, as UCINET reads it ("If no value is
 * present, it is assumed to be 1.0": UCINET's help, Data > Export > DL, Edgelist1).
 */
function arcsByPair(reading: IgraphReading): Map<string, number[]> {
  const keys = keysOf(reading);
  const pairs = new Map<string, number[]>();
  reading.edges.forEach(([from, to], index) => {
    const pair = [keys[from], keys[to]].sort().join(" – ");
    pairs.set(pair, [...(pairs.get(pair) ?? []), reading.weights?.[index] ?? 1]);
  });
  return pairs;
}

describe("UCINET DL against python-igraph 0.10 (peers/ucinet_dl.py)", () => {
  it("a symmetric full matrix with a list of labels: igraph's arcs are all mutual, and each pair is one undirected link", () => {
    const name = "ucinet-fullmatrix-labels.dl";
    const igraph = igraphReading(name);
    expect(igraph.mutual.every(Boolean)).toBe(true);
    const pairs = arcsByPair(igraph);
    const load = read(peerFile(name));
    expect(load.graph.nodes()).toEqual(keysOf(igraph));
    // 8 arcs in igraph, 4 pairs: linkscale reads each pair's cell above the diagonal, nothing else.
    expect(load).toMatchObject({ nodesRead: igraph.vertices, linksRead: igraph.edges.length / 2, rejected: [], rules: [ucinetDlRules.symmetric] });
    for (const weights of pairs.values()) expect(weights[0]).toBe(weights[1]);
    expect(weightedLinks(load.graph)).toEqual([...pairs].map(([pair, weights]) => `${pair}: ${weights[0]}`).sort());
    expect(load.graph.mapEdges((_edge, _attributes, _source, _target, _s, _t, undirected) => undirected).every(Boolean)).toBe(true);
  });

  const arcFiles = ["ucinet-fullmatrix-embedded.dl", "ucinet-edgelist1.dl", "ucinet-edgelist1-embedded.dl", "ucinet-nodelist1-embedded.dl", "ucinet-nodelist1.dl"];

  it.each(arcFiles)("%s: igraph's vertices and arcs, a pair's two arcs summed by --arcs sum", (name) => {
    const igraph = igraphReading(name);
    const pairs = arcsByPair(igraph);
    const mutualPairs = igraph.mutual.filter(Boolean).length / 2;
    const load = read(peerFile(name), { arcs: "sum" });
    expect(load.graph.nodes()).toEqual(keysOf(igraph));
    expect(load).toMatchObject({ nodesRead: igraph.vertices, linksRead: igraph.edges.length, rejected: [] });
    expect(load.merged ?? 0).toBe(mutualPairs);
    expect(weightedLinks(load.graph)).toEqual([...pairs].map(([pair, weights]) => `${pair}: ${weights.reduce((sum, weight) => sum + weight, 0)}`).sort());
  });

  it.each(arcFiles)("%s: without --arcs, the second arc of each pair igraph finds mutual is rejected", (name) => {
    const igraph = igraphReading(name);
    const load = read(peerFile(name));
    expect(load.graph.size).toBe(arcsByPair(igraph).size);
    expect(load.rejected).toHaveLength(igraph.mutual.filter(Boolean).length / 2);
  });

  it("the asymmetric matrix names the first cell that differs from its mirror, and its mutual pairs by line", () => {
    const load = read(peerFile("ucinet-fullmatrix-embedded.dl"));
    // FhG→PHI (row 1, column 3) is 1 and PHI→FhG is 0; KUL→FhG (line 7) reverses FhG→KUL (line 6),
    // ASML→PHI (line 9) reverses PHI→ASML (line 8).
    expect(load.rules).toEqual([ucinetDlRules.asymmetric(1, 3)]);
    expect(load.rejected).toEqual([
      { file, row: 7, problems: [{ message: graphMessages.reverseArc("KUL", "FhG", "line 6"), repeats: "line 6" }] },
      { file, row: 9, problems: [{ message: graphMessages.reverseArc("ASML", "PHI", "line 8"), repeats: "line 8" }] },
    ]);
  });

  it("a line without a value: none in igraph, 1 in linkscale (UCINET's default)", () => {
    const igraph = igraphReading("ucinet-edgelist1.dl");
    // Line 13, `2 3`: igraph's third edge, KUL→PHI.
    expect(igraph.edges[2]).toEqual([1, 2]);
    expect(igraph.weights?.[2]).toBeNull();
    const load = read(peerFile("ucinet-edgelist1.dl"));
    expect(load.graph.getEdgeAttribute(load.graph.edge("KUL", "PHI") as string, "weight")).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// The dialects, by hand: each text below holds the network FhG – KUL (2), KUL – PHI (1), PHI
// isolated from nothing else, FhG – PHI absent; so each reads as the same two links.

const TWO_LINKS = ["FhG – KUL: 2", "KUL – PHI: 1"];

describe("UCINET DL headers", () => {
  it.each([
    ["DL N=3 upper case, labels a line", "DL N=3\nLABELS:\nFhG,KUL,PHI\nDATA:\n0 2 0\n2 0 1\n0 1 0\n"],
    ["dl n = 3, lower case and blanks around =", "dl n = 3\nformat = fullmatrix\nlabels:\nFhG KUL PHI\ndata:\n0 2 0\n2 0 1\n0 1 0\n"],
    ["settings on one line with commas", "DL N=3, FORMAT=FULLMATRIX, LABELS:\nFhG, KUL, PHI\nDATA:\n0,2,0\n2,0,1\n0,1,0\n"],
    ["settings over several lines, N after FORMAT, labels a line each", "DL\nformat=fullmatrix\nN =3\nlabels:\nFhG\nKUL\nPHI\ndata:\n0 2 0\n2 0 1\n0 1 0\n"],
    ["quoted labels, = between them, data on the DATA: line", 'DL N=3 LABELS: "FhG"="KUL"="PHI" DATA: 0 2 0\n2 0 1\n0 1 0\n'],
    ["a BOM and CRLF line ends", "\uFEFFDL N=3\r\nLABELS:\r\nFhG,KUL,PHI\r\nDATA:\r\n0 2 0\r\n2 0 1\r\n0 1 0\r\n"],
    ["UCINET's export: ROW and COLUMN LABELS, the relation's name as LEVEL LABELS", 'DL N=3 NM=1\nFORMAT = FULLMATRIX DIAGONAL PRESENT\nLEVEL LABELS:\n"alliances"\nROW LABELS:\n"FhG"\n"KUL"\n"PHI"\nCOLUMN LABELS:\n"FhG"\n"KUL"\n"PHI"\nDATA:\n0 2 0\n2 0 1\n0 1 0\n'],
  ])("%s", (_name, text) => {
    const load = read(text);
    expect(load.graph.nodes()).toEqual(["FhG", "KUL", "PHI"]);
    expect(weightedLinks(load.graph)).toEqual(TWO_LINKS);
    expect(load).toMatchObject({ nodesRead: 3, linksRead: 2, rejected: [], rules: [ucinetDlRules.symmetric] });
  });

  it("keeps a label holding blanks or commas when quoted", () => {
    const load = read('DL N=2\nLABELS:\n"Fraunhofer, IIS" "KU Leuven"\nDATA:\n0 1\n1 0\n');
    expect(weightedLinks(load.graph)).toEqual(["Fraunhofer, IIS – KU Leuven: 1"]);
  });
});

describe("UCINET DL formats", () => {
  it.each([
    ["a full matrix, labels embedded, rows in any order", "DL N=3\nFORMAT=FULLMATRIX\nLABELS EMBEDDED\nDATA:\nFhG KUL PHI\nPHI 0 1 0\nFhG 0 2 0\nKUL 2 0 1\n"],
    ["a lower half with its diagonal", "DL N=3 FORMAT=LOWERHALF LABELS: FhG KUL PHI\nDATA:\n0\n2 0\n0 1 0\n"],
    ["a lower half without its diagonal (row 1 is empty, and has no line)", "DL N=3 FORMAT=LOWERHALF DIAGONAL=ABSENT LABELS: FhG KUL PHI\nDATA:\n2\n0 1\n"],
    ["an upper half with its diagonal", "DL N=3 FORMAT=UPPERHALF DIAGONAL PRESENT LABELS: FhG KUL PHI\nDATA:\n0 2 0\n0 1\n0\n"],
    ["an upper half without its diagonal (row 3 is empty)", "DL N=3 FORMAT=UPPERHALF DIAGONAL ABSENT LABELS: FhG KUL PHI\nDATA:\n2 0\n1\n"],
    ["a lower half, labels embedded", "DL N=3 FORMAT=LOWERHALF LABELS EMBEDDED\nDATA:\nFhG KUL PHI\nFhG 0\nKUL 2 0\nPHI 0 1 0\n"],
    ["an edge list by number, labels listed", "DL N=3 FORMAT=EDGELIST1\nLABELS:\nFhG KUL PHI\nDATA:\n1 2 2\n2 3\n"],
    ["an edge list, labels embedded", "DL N=3 FORMAT=EDGELIST1 LABELS EMBEDDED:\nDATA:\nFhG KUL 2\nKUL,PHI,1\n"],
    ["an edge list, labels listed and embedded", "DL N=3 FORMAT=EDGELIST1\nLABELS:\nFhG KUL PHI\nLABELS EMBEDDED\nDATA:\nFhG KUL 2\nKUL PHI\n"],
  ])("%s", (_name, text) => {
    const load = read(text);
    expect(load.graph.nodes().sort()).toEqual(["FhG", "KUL", "PHI"]);
    expect(weightedLinks(load.graph)).toEqual(TWO_LINKS);
    expect(load.rejected).toEqual([]);
  });

  it("reads a half matrix's cells as undirected links, and names the rule", () => {
    expect(read("DL N=2 FORMAT=LOWERHALF\nDATA:\n0\n1 0\n").rules).toEqual([ucinetDlRules.half("lower")]);
    expect(read("DL N=2 FORMAT=UPPERHALF\nDATA:\n0 1\n0\n").rules).toEqual([ucinetDlRules.half("upper")]);
  });

  it("keys actors by number without labels, and a node list's first actor to each of the others", () => {
    // 1 → 2, 1 → 3, 3 → 4; actor 4 named by the last line only.
    const load = read("DL N=4 FORMAT=NODELIST1\nDATA:\n1 2 3\n3 4\n");
    expect(load.graph.nodes()).toEqual(["1", "2", "3", "4"]);
    expect(weightedLinks(load.graph)).toEqual(["1 – 2: 1", "1 – 3: 1", "3 – 4: 1"]);
    expect(load.rules).toEqual([ucinetDlRules.lists]);
  });

  it("reads an asymmetric full matrix as arcs: --arcs max keeps the larger of a pair", () => {
    // Row 1 gives 1 → 2 weight 3; row 2 gives 2 → 1 weight 1 and 2 → 3 weight 2; row 3 none.
    const text = "DL N=3\nDATA:\n0 3 0\n1 0 2\n0 0 0\n";
    const load = read(text, { arcs: "max" });
    expect(weightedLinks(load.graph)).toEqual(["1 – 2: 3", "2 – 3: 2"]);
    expect(load).toMatchObject({ merged: 1, rejected: [] });
    expect(load.rules?.[0]).toBe(ucinetDlRules.asymmetric(1, 2));
  });

  it("rejects a self-link on the diagonal, by its row's line", () => {
    const load = read("DL N=2\nDATA:\n1 1\n1 0\n");
    expect(weightedLinks(load.graph)).toEqual(["1 – 2: 1"]);
    expect(load.rejected).toEqual([{ file, row: 3, problems: [{ message: messages.selfLink("1") }] }]);
  });
});

describe("UCINET DL files refused", () => {
  it.each([
    ["two-mode by NR and NC", "DL NR=2 NC=3\nDATA:\n1 0 1\n0 1 1\n", ucinetDlMessages.twoMode(1, "NR")],
    ["two-mode by NC alone", "DL N=2\nNC = 3\nDATA:\n1 0 1\n", ucinetDlMessages.twoMode(2, "NC")],
    ["row labels other than the column labels", "DL N=2\nROW LABELS:\nA B\nCOLUMN LABELS:\nC D\nDATA:\n0 1\n1 0\n", ucinetDlMessages.rowColumnLabels(4)],
    ["several matrices", "DL N=2 NM=2\nDATA:\n0 1\n1 0\n0 1\n1 0\n", ucinetDlMessages.multiMatrix(1, 2)],
    ["a format not read", "DL N=2 FORMAT=NODELIST2\nDATA:\n1 2\n", ucinetDlMessages.unknownFormat(1, "NODELIST2")],
    ["a setting not read", "DL N=2\nSYMMETRIC=YES\nDATA:\n0 1\n1 0\n", ucinetDlMessages.unknownSetting(2, "SYMMETRIC")],
    ["no N", "DL FORMAT=EDGELIST1\nDATA:\n1 2\n", ucinetDlMessages.noSize()],
    ["no DATA:", "DL N=2\nLABELS:\nA B\n", ucinetDlMessages.noData()],
    ["N that is no whole number", "DL N=2.5\nDATA:\n", ucinetDlMessages.sizeNotANumber(1, "2.5")],
    ["N given no value", "DL N= FORMAT=EDGELIST1\nDATA:\n", ucinetDlMessages.noValue(1, "N")],
    ["DIAGONAL neither PRESENT nor ABSENT", "DL N=2 FORMAT=LOWERHALF DIAGONAL=YES\nDATA:\n", ucinetDlMessages.unknownDiagonal(1, "YES")],
    ["labels both listed and embedded in a matrix", "DL N=2\nLABELS:\nA B\nLABELS EMBEDDED\nDATA:\nA B\nA 0 1\nB 1 0\n", ucinetDlMessages.embeddedAndListed(2)],
    ["an unclosed quote in the header", 'DL N=2\nLABELS:\n"A B\nDATA:\n', ucinetDlMessages.unclosedQuote(3)],
    ["a text that is no DL file", "*Vertices 2\n1 2\n", ucinetDlMessages.notDl()],
    ["an empty text", "", ucinetDlMessages.notDl()],
  ])("%s", (_name, text, error) => {
    const load = read(text);
    expect(load).toMatchObject({ error, nodesRead: 0, linksRead: 0, rejected: [] });
    expect(load.graph.order).toBe(0);
  });
});

describe("UCINET DL lines rejected, by line", () => {
  it("a matrix row of the wrong size, a cell that is no number, a row beyond N", () => {
    const text = ["DL N=3", "DATA:", "0 1 1", "1 0", "1 x 0", "0 0 0", "0 1 0"].join("\n");
    const load = read(text);
    // Row 1 (line 3) is read: 1 – 2 and 1 – 3; rows 2 and 3 are rejected, row 4 is beyond N.
    // With rows 2 and 3 unread, the cells of row 1 have no mirror to differ from: symmetric.
    expect(weightedLinks(load.graph)).toEqual(["1 – 2: 1", "1 – 3: 1"]);
    expect(rejectedLines(load)).toEqual([
      `4: ${ucinetDlMessages.cells(2, 3, 2)}`,
      `5: ${ucinetDlMessages.cellNotANumber(2, "x")}`,
      `6: ${ucinetDlMessages.rowBeyond(4, 3)}`,
      `7: ${ucinetDlMessages.rowBeyond(5, 3)}`,
    ]);
  });

  it("an embedded row label that is no column label, or whose row came before", () => {
    const text = ["DL N=2 LABELS EMBEDDED", "DATA:", "A B", "A 0 1", "C 1 0", "A 0 1", "B 1 0"].join("\n");
    const load = read(text);
    expect(weightedLinks(load.graph)).toEqual(["A – B: 1"]);
    expect(rejectedLines(load)).toEqual([`5: ${ucinetDlMessages.unknownRowLabel("C")}`, `6: ${ucinetDlMessages.repeatedRow("A", 4)}`]);
  });

  it("edge list lines: a number out of 1..N, a label not listed, a value that is no number, too many fields", () => {
    const text = ["DL N=3 FORMAT=EDGELIST1", "DATA:", "1 2", "0 3", "1 4 2", "2 x", "2 3 heavy", "1 3 1 1", "3 1 2"].join("\n");
    const load = read(text);
    expect(weightedLinks(load.graph)).toEqual(["1 – 2: 1", "1 – 3: 2"]);
    expect(load.rejected).toEqual([
      { file, row: 4, problems: [{ message: ucinetDlMessages.noActor("0", 3) }] },
      { file, row: 5, problems: [{ message: ucinetDlMessages.noActor("4", 3) }] },
      { file, row: 6, problems: [{ message: ucinetDlMessages.noActor("x", 3) }] },
      { file, row: 7, problems: [{ column: "weight", message: messages.notANumber("heavy") }] },
      { file, row: 8, problems: [{ message: ucinetDlMessages.edgeFields(4) }] },
    ]);
  });

  it("labels: one not in the list, one past N, one that repeats another (its node and its links)", () => {
    const text = ["DL N=3 FORMAT=EDGELIST1", "LABELS:", "A B A D", "LABELS EMBEDDED", "DATA:", "A B", "B C", "B D"].join("\n");
    const load = read(text);
    // A, B, A are the N=3 actors; D (label 4) is beyond N; the second A (actor 3) is rejected as
    // a duplicate, so are the ties naming D; C is no label at all.
    expect(load.graph.nodes()).toEqual(["A", "B"]);
    expect(weightedLinks(load.graph)).toEqual(["A – B: 1"]);
    expect(rejectedLines(load)).toEqual([
      `3: ${messages.duplicateOrganisation("A", "line 3")}`,
      `3: ${ucinetDlMessages.labelBeyond("D", 4, 3)}`,
      `7: ${ucinetDlMessages.unknownLabel("C")}`,
      `8: ${ucinetDlMessages.unknownLabel("D")}`,
    ]);
  });

  it("a repeated label's actor, named by number, is its rejected node, not the first of the name", () => {
    const load = read("DL N=3 FORMAT=EDGELIST1\nLABELS: A B A\nDATA:\n1 2\n2 3\n");
    expect(weightedLinks(load.graph)).toEqual(["A – B: 1"]);
    expect(rejectedLines(load)).toEqual([`2: ${messages.duplicateOrganisation("A", "line 2")}`, `5: ${graphMessages.rejectedEnd("A", "line 2")}`]);
  });

  it("embedded labels without a list: past N, the line is rejected", () => {
    const load = read("DL N=2 FORMAT=EDGELIST1 LABELS EMBEDDED\nDATA:\nA B\nB C\n");
    expect(rejectedLines(load)).toEqual([`4: ${ucinetDlMessages.actorBeyond("C", 2)}`]);
  });

  it("an open quote in a data line, and a node list line of one unknown actor", () => {
    const load = read('DL N=2 FORMAT=NODELIST1 LABELS EMBEDDED\nDATA:\n"A B\nA B\nC\n');
    expect(rejectedLines(load)).toEqual([`3: ${ucinetDlMessages.lineQuote()}`, `5: ${ucinetDlMessages.actorBeyond("C", 2)}`]);
  });
});

describe("UCINET DL: N is a bound, never an allocation", () => {
  it("DL N=999999999999 and three lines: three actors, the N line rejected, nothing of that size", () => {
    const text = "DL N=999999999999 FORMAT=EDGELIST1\nDATA:\n1 2\n2 3\n3 1 2\n";
    const started = performance.now();
    const load = read(text);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(load.graph.nodes()).toEqual(["1", "2", "3"]);
    expect(weightedLinks(load.graph)).toEqual(["1 – 2: 1", "1 – 3: 2", "2 – 3: 1"]);
    expect(rejectedLines(load)).toEqual([`1: ${ucinetDlMessages.fewerActors(999999999999, 3)}`]);
  });

  it("a huge N over a matrix: each row is rejected for its size, and no actor is made up", () => {
    const load = read("DL N=999999999999\nDATA:\n0 1\n1 0\n");
    expect(load.graph.order).toBe(0);
    expect(rejectedLines(load)).toEqual([
      `1: ${ucinetDlMessages.fewerActors(999999999999, 0)}`,
      `3: ${ucinetDlMessages.cells(2, 999999999999, 1)}`,
      `4: ${ucinetDlMessages.cells(2, 999999999999, 2)}`,
    ]);
  });

  it("fewer labels than N: the N line says so, and numbers past the labels are no actors", () => {
    const load = read("DL N=4 FORMAT=EDGELIST1\nLABELS: A B\nDATA:\n1 2\n2 3\n");
    expect(load.graph.nodes()).toEqual(["A", "B"]);
    expect(rejectedLines(load)).toEqual([`1: ${ucinetDlMessages.fewerActors(4, 2)}`, `5: ${ucinetDlMessages.noActor("3", 2)}`]);
  });

  it("an isolated actor of an edge list by number is named by no line, and the N line says so", () => {
    const load = read("DL N=3 FORMAT=EDGELIST1\nDATA:\n1 2\n");
    expect(load.graph.nodes()).toEqual(["1", "2"]);
    expect(rejectedLines(load)).toEqual([`1: ${ucinetDlMessages.fewerActors(3, 2)}`]);
  });
});

describe("UCINET DL in loadFiles", () => {
  const text = "DL N=2\nLABELS: A B\nDATA:\n0 1\n1 0\n";

  it("is read from .dl files, and from any file that opens as DL does", () => {
    for (const name of ["network.dl", "network.DL", "network.txt", "exported"]) {
      const loaded = loadFiles([{ name, text }]);
      expect(loaded.form).toBe("graph");
      if (loaded.form === "graph") expect(weightedLinks(loaded.load.graph)).toEqual(["A – B: 1"]);
    }
  });

  it("recognises DL by its first word and a setting after it, in any case", () => {
    for (const opening of ["DL N=5", "dl n = 5", "DL\nFORMAT = EDGELIST1", "dl, nr=2", "DL LABELS EMBEDDED", "\uFEFF  DL data:"]) {
      expect(looksLikeUcinetDl(`${opening}\n`)).toBe(true);
    }
    for (const opening of ["DL", "DLN=5", "DL is not a setting", "id,name\nDL,N=5", "download n=5"]) {
      expect(looksLikeUcinetDl(`${opening}\n`)).toBe(false);
    }
  });

  it("refuses a two-mode file with its message", () => {
    expect(() => loadFiles([{ name: "network.dl", text: "DL NR=2 NC=2\nDATA:\n0 1\n1 0\n" }])).toThrow(`network.dl: ${ucinetDlMessages.twoMode(1, "NR")}`);
  });
});
