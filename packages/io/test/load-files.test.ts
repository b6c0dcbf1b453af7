import { readdirSync, readFileSync } from "node:fs";
import { createAllianceGraph, type CompactGraph } from "@linkscale/core";
import { describe, expect, it } from "vitest";
import { InputError, loadFiles, loadMessages, writeGexf, writeGml, writeGraphml, writePajek, type LoadedFiles } from "../src/index.ts";
import { contents } from "./formats/fixture.ts";

// Hand-made texts: two organisations, one link; a GEXF of the same; a table no reader knows.
const ORGANISATIONS = "id,name,type,country\na,Alpha,firm,DE\nb,Beta,university,FR\n";
const LINKS = "source,target,weight\na,b,2\n";
const UNKNOWN_TABLE = "colour,shape\nred,round\n";

function gexf(): string {
  const graph = createAllianceGraph();
  graph.addNode("a", { name: "Alpha" });
  graph.addNode("b", { name: "Beta" });
  graph.addEdge("a", "b", { weight: 2 });
  return writeGexf(graph);
}

describe("loadFiles", () => {
  it("recognises each table by its header and assembles one network", () => {
    const loaded = loadFiles([
      { name: "links.csv", text: LINKS },
      { name: "organisations.csv", text: ORGANISATIONS },
    ]);
    expect(loaded.form).toBe("tables");
    if (loaded.form !== "tables") return;
    expect([loaded.dataset.graph.order, loaded.dataset.graph.size]).toEqual([2, 1]);
    expect(loaded.files).toEqual(["links.csv", "organisations.csv"]);
  });

  it("reads a graph file alone, by its extension, .gz looked through", () => {
    const loaded = loadFiles([{ name: "net.gexf.gz", text: gexf() }]);
    expect(loaded.form).toBe("graph");
    if (loaded.form === "graph") expect(loaded.load.graph.size).toBe(1);
    expect(() => loadFiles([{ name: "net.gexf", text: gexf() }, { name: "links.csv", text: LINKS }])).toThrow(
      new InputError("a graph file (net.gexf) holds the whole network: give it alone"),
    );
  });

  it("reads a graph file under another extension by how it opens: GEXF, GraphML, GML and Pajek", () => {
    const graph = createAllianceGraph();
    graph.addNode("a", { name: "Alpha" });
    graph.addNode("b", { name: "Beta" });
    graph.addEdge("a", "b", { weight: 2 });
    const texts = {
      "gexf saved as .xml": writeGexf(graph),
      "graphml saved as .xml": writeGraphml(graph),
      "gml saved as .txt, opening as igraph's does": `Creator "igraph version 0.10"\nVersion 1\n${writeGml(graph)}`,
      "pajek saved as .txt, after a comment": `% from Pajek\n${writePajek(graph)}`,
      "graphml after a BOM, a declaration and a comment": `\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n${writeGraphml(graph).replace(/^<\?xml[^>]*\?>\s*/, "")}`,
    };
    for (const [what, text] of Object.entries(texts)) {
      const loaded = loadFiles([{ name: `net.${what.includes(".xml") ? "xml" : "txt"}`, text }]);
      expect(loaded.form, what).toBe("graph");
      if (loaded.form === "graph") expect([loaded.load.graph.order, loaded.load.graph.size, loaded.load.graph.getEdgeAttribute(loaded.load.graph.edges()[0] as string, "weight")], what).toEqual([2, 1, 2]);
    }
    // A table is still a table, whatever its extension.
    expect(loadFiles([{ name: "organisations.txt", text: ORGANISATIONS }]).form).toBe("tables");
  });

  it("reads a graph file into either graph form alike: the same nodes, links, attributes, rejected items and rules", () => {
    // Every file the peer tools wrote (tests/formats/peers), Gephi's samples (peers/gephi), and a
    // hand-made directed GEXF with what gets rejected or merged: a node given twice, an arc to a
    // rejected node, a self-loop, a reverse arc, a parallel arc, a weight that is no number.
    const peers = new URL("./formats/peers/", import.meta.url);
    const files = readdirSync(peers, { recursive: true, encoding: "utf8" })
      .filter((name) => /\.[a-z]+$/.test(name) && (!/\.(py|R|json|md)$/.test(name) || /^(from|fixture)-.*\.json$/.test(name)))
      .filter((name) => !name.endsWith(".expected.json"))
      .map((name) => ({ name, text: readFileSync(new URL(name, peers), "utf8") }));
    const messy = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.2" version="1.2"><graph defaultedgetype="directed"><nodes>
<node id="a" label="Alpha"/><node id="b"/><node id="a"/><node id="c"><attvalues><attvalue for="country" value="UK"/></attvalues></node>
<node id="d"><attvalues><attvalue for="type" value="spaceship"/></attvalues></node>
</nodes><edges>
<edge source="a" target="b" weight="2"/><edge source="b" target="a" weight="3"/><edge source="a" target="b" weight="4"/>
<edge source="a" target="d"/><edge source="c" target="c"/><edge source="c" target="a" weight="x"/><edge source="b" target="c"/><edge source="b" target="z"/>
</edges></graph></gexf>`;
    files.push({ name: "messy.gexf", text: messy });
    expect(files.length).toBeGreaterThan(20);
    const read = (file: { name: string; text: string }, compact: boolean, arcs?: "sum") => {
      const loaded = loadFiles([file], { compact, ...(arcs === undefined ? {} : { arcs }) }) as LoadedFiles<CompactGraph> | LoadedFiles;
      if (loaded.form !== "graph") throw new Error(`${file.name} is no graph file`);
      const { graph, ...rest } = loaded.load;
      return { rest, graph: contents("toGraph" in graph ? graph.toGraph() : graph) };
    };
    for (const file of files) {
      for (const arcs of [undefined, "sum" as const]) {
        const [compact, graphology] = [read(file, true, arcs), read(file, false, arcs)];
        expect(compact, `${file.name}, arcs ${arcs ?? "rejected"}`).toStrictEqual(graphology);
      }
    }
    // The messy file's items did reach every check, in either form.
    const messyRead = read({ name: "messy.gexf", text: messy }, true, "sum");
    expect(messyRead.rest.merged).toBe(1);
    expect(messyRead.rest.rejected.length).toBe(7);
    expect(messyRead.graph.edges).toStrictEqual([["a", "b", { weight: 5 }], ["b", "c", { weight: 1 }]]);
  });

  it("keeps no rows for the typed-array graph: participations hold their model fields, tables their counts", () => {
    // Hand-made: a CORDIS-style participation table with a column linkscale does not read
    // (contribution), a repeated row (rejected) and ids that repeat across rows.
    const text = "project,org,year,role,type,contribution\np1,a,2015,coordinator,firm,100\np1,b,2015,participant,university,50\np2,a,2016,participant,firm,70\np2,c,2016,participant,,20\np2,c,2016,participant,,20\n";
    const files = [{ name: "participations.csv", text }];
    const [full, compact] = [loadFiles(files), loadFiles(files, { compact: true })];
    if (full.form !== "tables" || compact.form !== "tables") throw new Error("expected tables");
    expect(full.dataset.participations?.[0]).toEqual({ project: "p1", org: "a", year: 2015, role: "coordinator", contribution: "100" });
    expect(compact.dataset.participations).toEqual(full.dataset.participations?.map(({ contribution: _, ...fields }) => fields));
    const [fullTable, compactTable] = [full.dataset.tables[0], compact.dataset.tables[0]];
    expect(fullTable?.accepted).toHaveLength(4);
    expect(compactTable?.accepted).toEqual([]);
    expect([compactTable?.rowsRead, compactTable?.rejected]).toEqual([fullTable?.rowsRead, fullTable?.rejected]);
    expect(compactTable?.rejected.map(({ row }) => row)).toEqual([6]);
    expect(contents(compact.dataset.graph.toGraph())).toStrictEqual(contents(full.dataset.graph));
  });

  it("skips a table it does not know when found in a folder, and names it", () => {
    const loaded = loadFiles([
      { name: "data/organisations.csv", text: ORGANISATIONS, found: true },
      { name: "data/notes.csv", text: UNKNOWN_TABLE, found: true },
    ]);
    expect(loaded.skipped).toEqual(["data/notes.csv: not a table linkscale knows (header: colour, shape)"]);
  });

  it("refuses a table it does not know when given by name, saying how to name its role", () => {
    expect(() => loadFiles([{ name: "notes.csv", text: UNKNOWN_TABLE }])).toThrow(
      "notes.csv: cannot tell what this table holds (header: colour, shape); give it as organisations, links or participations",
    );
    expect(() => loadFiles([{ name: "notes.csv", text: UNKNOWN_TABLE }], { howToNameRoles: "name it with --nodes" })).toThrow(/; name it with --nodes$/);
    expect(() => loadFiles([{ name: "notes.csv", text: UNKNOWN_TABLE, kind: "organisations" }])).not.toThrow(/cannot tell/);
  });

  it("recognises a table by the columns a mapping names", () => {
    const participations = "projectKey,orgKey,Land\nP1,a,UK\nP1,b,EL\n";
    const mapping = { project: "projectKey", org: "orgKey", country: "Land" };
    const loaded = loadFiles([{ name: "data/p.csv", text: participations, found: true }], { mapping });
    expect(loaded.form).toBe("tables");
    if (loaded.form !== "tables") return;
    expect(loaded.files).toEqual(["data/p.csv"]);
    expect(loaded.dataset.tables[0]?.rejected).toEqual([]);
    expect(loaded.dataset.graph.size).toBe(1);
    // Without the mapping the same table is not recognised.
    expect(() => loadFiles([{ name: "data/p.csv", text: participations, found: true }])).toThrow(/no table linkscale can read/);
  });

  it("refuses input with no readable table, listing each file skipped and why", () => {
    const how = "name it with --nodes";
    const run = () =>
      loadFiles(
        [
          { name: "data/notes.csv", text: UNKNOWN_TABLE, found: true },
          { name: "data/project.csv", text: "id,acronym,startDate\n1,X,2016-01-01\n", found: true },
        ],
        { howToNameRoles: how, leftOut: ["data/README.md: not a data file"] },
      );
    const message = loadMessages.noTable(
      [
        "data/notes.csv: not a table linkscale knows (header: colour, shape)",
        loadMessages.projectYearsAlone("data/project.csv"),
        "data/README.md: not a data file",
      ],
      how,
    );
    expect(run).toThrow(new InputError(message));
    expect(message).toBe(
      [
        "no table linkscale can read in the input; skipped:",
        "  data/notes.csv: not a table linkscale knows (header: colour, shape)",
        "  data/project.csv: CORDIS project years, read only beside a CORDIS organization file",
        "  data/README.md: not a data file",
        "a table is recognised from its header (organisations: a column id; links: source and target; participations: project and org); name it with --nodes",
      ].join("\n"),
    );
    expect(() => loadFiles([], { leftOut: ["data/README.md: not a data file"] })).toThrow(/no table linkscale can read in the input; skipped:\n {2}data\/README\.md: not a data file\n/);
  });

  it("refuses no input", () => {
    expect(() => loadFiles([])).toThrow(InputError);
  });
});
