import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkscale, REPO } from "./run.ts";

describe.each(["semiconductor-ev", "h2020-health", "h2020-eastasia"])("linkscale validate datasets/%s", (name) => {
  // Expected counts: datasets/reference/counts.py datasets/<name> (python3, csv module) wrote counts.json.
  const counts = JSON.parse(readFileSync(join(REPO, "datasets", name, "reference/counts.json"), "utf8"));
  const run = linkscale(["validate", `datasets/${name}`, "--json", "--quiet"]);

  it("accepts every row and exits 0, with nothing but JSON on stdout", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.rejectedRows).toEqual([]);
    expect(summary.files.map((f: { rowsRead: number; accepted: number }) => f.rowsRead === f.accepted)).toEqual([true, true]);
  });

  it("counts what the independent script counts", () => {
    const summary = JSON.parse(run.stdout);
    expect(summary.organisations).toBe(counts.organisations);
    expect(summary.byType).toEqual(counts.organisationsByType);
    expect(summary.byCountry).toEqual(counts.organisationsByCountry);
    expect(summary.projects).toBe(counts.projects);
    expect(summary.links).toBe(counts.links);
    expect(summary.isolated).toBe(counts.isolated);
    expect(summary.withoutCoordinates).toBe(counts.withoutCoordinates);
    expect(summary.withoutName).toBe(counts.withoutName);
    expect(summary.years).toEqual({ first: counts.years.min, last: counts.years.max });
  });
});

describe("linkscale validate", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-validate-"));
  writeFileSync(join(dir, "orgs.csv"), "id,name,type,country\n1,Acme,firm,DE\n2,Uni,uni,FR\n3,Lab,research,XX\n");
  writeFileSync(join(dir, "links.csv"), "source,target,weight\n1,3,2\n1,9,1\n");

  it("prints each rejected row with file, row, column and reason, and exits 1", () => {
    const run = linkscale(["validate", join(dir, "orgs.csv"), join(dir, "links.csv"), "--quiet"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${join(dir, "orgs.csv")}:3: column "type": must be "firm", "government", "intermediary", "other", "research" or "university" (was "uni")`);
    expect(run.stdout).toContain(`${join(dir, "orgs.csv")}:4: column "country": must be an ISO 3166-1 alpha-2 country code such as DE, FR, GB, JP (was "XX")`);
    // Organisation 3 was rejected, so the link to it names an unknown organisation.
    expect(run.stdout).toContain(`${join(dir, "links.csv")}:2: column "target": organisation "3" is not in the organisation table`);
    expect(run.stdout).toContain(`${join(dir, "links.csv")}:3: column "target": organisation "9" is not in the organisation table`);
    expect(run.stdout).toMatch(/orgs\.csv\s+3 rows read: 1 accepted, 2 rejected/);
  });

  it("merges a directed file's reverse arcs with --arcs sum or max, naming the rule; rejects the second without", () => {
    // Hand-made GraphML: a→b weight 2 and b→a weight 3, as a directed export gives a pair from both sides.
    const file = join(dir, "directed.graphml");
    writeFileSync(
      file,
      `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="a"/><node id="b"/>
    <edge source="a" target="b"><data key="w">2</data></edge>
    <edge source="b" target="a"><data key="w">3</data></edge>
  </graph>
</graphml>
`,
    );
    const rejected = linkscale(["validate", file, "--quiet"]);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain("the arc b→a is the reverse of the arc at edges[0]: read as undirected, the two are one link (--arcs sum or --arcs max merges them)");
    for (const [rule, weight] of [["sum", 5], ["max", 3]] as const) {
      const run = linkscale(["validate", file, "--arcs", rule, "--json", "--quiet"]);
      expect(run.status).toBe(0);
      const summary = JSON.parse(run.stdout);
      expect(summary.files).toEqual([{ file, rowsRead: 4, accepted: 4, rejected: 0 }]);
      expect(summary.links).toBe(1);
      expect(summary.rules).toEqual([`${file}: directed file: 1 reverse arcs merged into the link of their pair (--arcs ${rule}): weight ${rule === "sum" ? "the sum of the two" : "the larger of the two"}, years from the earlier first year to the later last, projects united, every other attribute the same on both (else the arc is rejected)`]);
      const converted = join(dir, `merged-${rule}`);
      expect(linkscale(["convert", file, converted, "--arcs", rule, "--quiet"]).status).toBe(0);
      expect(readFileSync(join(converted, "links.csv"), "utf8")).toBe(`source,target,weight\na,b,${weight}\n`);
    }
  });

  it("reads a graph file's own attribute names with --map, keying the nodes by one, and refuses a name no item has", () => {
    // Hand-made GraphML as another tool writes it: ids in PIC, types and countries in words.
    const file = join(dir, "own-names.graphml");
    writeFileSync(
      file,
      `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="PIC" attr.type="string"/>
  <key id="d1" for="node" attr.name="Kind" attr.type="string"/>
  <key id="d2" for="node" attr.name="Land" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="d0">111</data><data key="d1">Company</data><data key="d2">Germany</data></node>
    <node id="n1"><data key="d0">222</data><data key="d1">HES</data><data key="d2">UK</data></node>
    <edge source="n0" target="n1"/>
  </graph>
</graphml>
`,
    );
    const run = linkscale(["validate", file, "--map", "id=PIC", "type=kind", "country=Land", "--json", "--quiet"]);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect([summary.organisations, summary.links]).toEqual([2, 1]);
    expect(summary.byType).toEqual({ firm: 1, university: 1 });
    expect(summary.byCountry).toEqual({ DE: 1, GB: 1 });
    expect(summary.rules).toEqual([
      `${file}: --map id=PIC: each node keyed by its attribute "PIC"`,
      `${file}: --map type=Kind: type read from the attribute "Kind"`,
      `${file}: --map country=Land: country read from the attribute "Land"`,
    ]);
    const converted = join(dir, "own-names");
    expect(linkscale(["convert", file, converted, "--map", "id=PIC", "type=Kind", "--quiet"]).status).toBe(0);
    expect(readFileSync(join(converted, "links.csv"), "utf8")).toBe("source,target,weight\n111,222,1\n");

    const mistyped = linkscale(["validate", file, "--map", "type=Sort", "--quiet"]);
    expect(mistyped.status).toBe(2);
    expect(mistyped.stderr).toContain(`${file}: --map type=Sort: no node or edge has an attribute "Sort" (they have "Kind", "Land", "PIC")`);
  });

  it("exits 0 with --allow-rejects", () => {
    expect(linkscale(["validate", join(dir, "orgs.csv"), "--allow-rejects", "--quiet"]).status).toBe(0);
  });

  it("reads roles named on the command line and a user's own columns", () => {
    writeFileSync(join(dir, "mine.txt"), "PIC\tKind\n1\tfirm\n");
    const run = linkscale(["validate", "--nodes", join(dir, "mine.txt"), "--map", "id=PIC", "type=Kind", "--json", "--quiet"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).byType).toEqual({ firm: 1 });
  });

  it("exits 2 on input it cannot read, naming the path", () => {
    const missing = linkscale(["validate", join(dir, "nope.csv"), "--quiet"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`linkscale: ${join(dir, "nope.csv")}: no such file or directory\n`);
    writeFileSync(join(dir, "empty.csv"), "");
    const empty = linkscale(["validate", "--nodes", join(dir, "empty.csv"), "--quiet"]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe(`linkscale: ${join(dir, "empty.csv")}: the file is empty: expected a header row\n`);
  });

  it("reads CORDIS's UK, EL and KO in a user's own tables, named only by --map, and counts them", () => {
    // Hand-made: roles and columns named only by --map. Organisations: UK twice, EL once, KO
    // once, DE once; participations carry no country. Every row is accepted.
    const folder = join(dir, "cordis-codes");
    mkdirSync(folder);
    writeFileSync(join(folder, "members.csv"), "orgKey,Land,Kind\nA,UK,firm\nB,EL,university\nC,UK,research\nD,KO,firm\nE,DE,firm\n");
    writeFileSync(join(folder, "projects.csv"), "projectKey,orgKey\nP1,A\nP1,B\nP2,C\nP2,D\nP2,E\n");
    const map = ["--map", "id=orgKey", "project=projectKey", "org=orgKey", "country=Land", "type=Kind"];
    const json = linkscale(["validate", folder, ...map, "--json", "--quiet"]);
    expect(json.stderr).toBe("");
    expect(json.status).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.rejectedRows).toEqual([]);
    expect(summary.files.map((f: { file: string; rowsRead: number; accepted: number }) => [f.file, f.rowsRead, f.accepted])).toEqual([
      [join(folder, "members.csv"), 5, 5],
      [join(folder, "projects.csv"), 5, 5],
    ]);
    expect(summary.byCountry).toEqual({ GB: 2, DE: 1, GR: 1, XK: 1 });
    expect(summary.readAs).toEqual([
      { field: "country", from: "UK", to: "GB", rows: 2, source: "CORDIS codes" },
      { field: "country", from: "EL", to: "GR", rows: 1, source: "CORDIS codes" },
      { field: "country", from: "KO", to: "XK", rows: 1, source: "CORDIS codes" },
    ]);
    const text = linkscale(["validate", folder, ...map, "--quiet"]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("\ncountry: 2 rows read UK as GB, 1 EL as GR, 1 KO as XK (CORDIS codes)\n");
    expect(text.stdout).toContain("rejected rows: none");
  });

  it("still rejects a country code that is neither ISO nor CORDIS's, and counts only what it read as another", () => {
    writeFileSync(join(dir, "codes.csv"), "id,country\n1,UK\n2,XX\n");
    const run = linkscale(["validate", join(dir, "codes.csv"), "--json", "--quiet"]);
    expect(run.status).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary.rejectedRows).toEqual([
      { file: join(dir, "codes.csv"), row: 3, problems: [{ column: "country", message: 'must be an ISO 3166-1 alpha-2 country code such as DE, FR, GB, JP (was "XX")' }] },
    ]);
    expect(summary.readAs.map((r: { from: string; rows: number }) => [r.from, r.rows])).toEqual([["UK", 1]]);
  });

  it("exits 2 on a folder with no table it can read, listing each file skipped and why and how to name roles", () => {
    const folder = join(dir, "unknown");
    mkdirSync(join(folder, "old"), { recursive: true });
    writeFileSync(join(folder, "members.csv"), "orgKey,Land\nA,DE\n");
    writeFileSync(join(folder, "notes.md"), "# notes\n");
    const run = linkscale(["validate", folder, "--quiet"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "linkscale: no table linkscale can read in the input; skipped:",
        `  ${join(folder, "members.csv")}: not a table linkscale knows (header: orgKey, Land)`,
        `  ${join(folder, "notes.md")}: not a data file (read: .csv, .tsv, .txt, .json, .gexf, .graphml, .gml, .edgelist, .edges, .ncol, .net, .dl, each also .gz; .parquet with the DuckDB engine)`,
        `  ${join(folder, "old")}: a folder (folders inside a folder are not read)`,
        "a table is recognised from its header (organisations: a column id; links: source and target; participations: project and org); " +
          "name a file's role with --nodes, --links or --participations, and your own column names with --map field=column (e.g. --map project=projectKey org=orgKey)",
        "",
      ].join("\n"),
    );
    // Named by --map, the same table is read.
    expect(linkscale(["validate", folder, "--map", "id=orgKey", "--quiet"]).status).toBe(0);
  });

  it("shows progress on stderr and the summary on stdout", () => {
    const run = linkscale(["validate", "datasets/semiconductor-ev"]);
    expect(run.stderr).toContain("reading datasets/semiconductor-ev/participations.csv");
    expect(run.stdout).not.toContain("reading");
    expect(run.stdout).toContain("organisations  765");
  });
});
