/**
 * How much of each per-organisation table report.json holds (linkscale.json's `organisations`,
 * `--detail`, `--top`): the top k by the table's measure, ties in id order, with the total and the
 * rule named; at "full", report-organisations.csv with every organisation, equal to what analyse
 * computed in memory; that file written only over a file linkscale wrote; bad settings refused,
 * naming the setting. `check`, the summary and report.html read every organisation at any detail.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv } from "@linkscale/io";
import { describe, expect, it, vi } from "vitest";
import { analyse, type Results } from "../src/analysis/analyse.ts";
import { resolveConfig } from "../src/analysis/config.ts";
import { detailedResults, listedTable, organisationTables, topEntries, type OrganisationTable } from "../src/analysis/organisation-tables.ts";
import { isLinkscaleOrganisationsCsv, ORGANISATIONS_FILE } from "../src/analysis/organisations-csv.ts";
import { analysisInput, configFrom } from "../src/commands/analyze.ts";
import { loadInput } from "../src/input.ts";
import { InputError } from "../src/input.ts";
import { main } from "../src/main.ts";
import { createProgress } from "../src/progress.ts";
import { linkscale } from "./run.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, read by path in the assertions
type Json = any;

const dir = mkdtempSync(join(tmpdir(), "linkscale-organisations-"));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Ids that sort differently as text and as numbers ("10" < "9" < "A"), a name CSV must quote, an
// organisation without a country (in no brokerage or gatekeeper table by country) and an isolated
// one (constraint undefined). By hand, from the projects: degree 9, 10, A: 3; B, D, E: 1; C: 0;
// strength (shared projects) 9, 10: 4; A: 3; B, D, E: 1; C: 0.
const TINY = [
  write(
    "organisations.csv",
    ["id,name,type,country", '9,"Acme, Inc. ""EV""",firm,DE', "10,Uni,university,DE", "A,Lab,research,FR", "B,Ministry,government,FR", "C,Solo,firm,IT", "D,Nowhere,firm,", "E,Ibérica,firm,ES"].join("\n") + "\n",
  ),
  write("participations.csv", ["project,org,year", "P1,9,2019", "P1,10,2019", "P2,9,2020", "P2,10,2020", "P2,A,2020", "P3,A,2020", "P3,B,2020", "P4,9,2021", "P4,D,2021", "P5,C,2018", "P6,10,2020", "P6,E,2020"].join("\n") + "\n"),
];
const SETTINGS = write("linkscale.json", JSON.stringify({ permutations: 10 }));

/** Runs analyze on TINY into `out`; its report.json, or the run's stderr as an error. */
function analyze(out: string, ...flags: string[]) {
  const run = linkscale(["analyze", ...TINY, "--config", SETTINGS, "--out", join(dir, out), "-q", ...flags]);
  if (run.status !== 0 || run.stderr !== "") throw new Error(`analyze ${flags.join(" ")} exited ${run.status}: ${run.stderr}`);
  return { run, report: JSON.parse(readFileSync(join(dir, out, "report.json"), "utf8")) as Json };
}

/** What analyse computes in memory for TINY, as the command does (same config, same seed). */
async function inMemory(): Promise<Results> {
  const progress = createProgress(true);
  const config = configFrom({ config: SETTINGS });
  const loaded = loadInput(TINY, { counting: "full" }, progress);
  return (await analyse(analysisInput(loaded), config, progress)).results;
}
const MEMORY = await inMemory();

describe("organisations.detail top", () => {
  it("keeps the first k of a large table as a full sort would (ties, values missing, both rank directions)", () => {
    // 2,000 organisations, 40 distinct degrees, some without one: ties everywhere; k = 25 takes the selection path.
    const values = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`org${(i * 7919) % 2000}`, i % 13 === 0 ? null : (i * 31) % 40]));
    const byHand = (lowestFirst: boolean) =>
      Object.entries(values)
        .sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x === null ? 1 : y === null ? -1 : lowestFirst ? x - y : y - x))
        .slice(0, 25);
    const [degree] = organisationTables({ centrality: { measures: { degree: values } } } as unknown as Results);
    expect(topEntries(degree as OrganisationTable, 25)).toEqual(byHand(false));
    const lowest = { ...(degree as OrganisationTable), ranking: { words: "the lowest", key: (v: unknown) => (typeof v === "number" ? v : null), lowestFirst: true } };
    expect(topEntries(lowest, 25)).toEqual(byHand(true));
  });

  // A table of degrees: two ties, ids that sort differently as numbers, one undefined value.
  const results = { centrality: { measures: { degree: { b: 3, "9": 5, a: 3, "10": 5, c: null, d: 1 } } } } as unknown as Results;
  const [degree] = organisationTables(results);

  it("lists the k highest in order, ties in id order (as text), organisations without a value last, and names the rule and the total", () => {
    expect(degree).toBeDefined();
    if (degree === undefined) return;
    expect(listedTable(degree, 3)).toEqual({
      detail: "top",
      organisations: 6,
      listed: 3,
      rule:
        'the 3 of 6 organisations with the highest degree (organisations.top = 3), in that order; ties in id order, organisations without a value last; organisations.detail "full" writes all 6 to report-organisations.csv',
      rows: [
        { organisation: "10", value: 5 },
        { organisation: "9", value: 5 },
        { organisation: "a", value: 3 },
      ],
    });
    const all = listedTable(degree, 10);
    expect(all.rows.map((row) => (row as { organisation: string }).organisation)).toEqual(["10", "9", "a", "b", "d", "c"]);
    expect(all.rule).toBe("all 6 organisations (organisations.top = 10), the highest degree first; ties in id order, organisations without a value last");
  });

  it("lists the least constrained first (Burt: low constraint marks a broker), and no community numbers, saying why", () => {
    const holes = { constraint: { x: 0.5, y: 0.2, z: null, w: 0.2 }, hierarchy: {}, effectiveSize: {}, efficiency: {} };
    const tables = organisationTables({ brokerage: { roles: {}, structuralHoles: holes }, communities: { membership: { x: 0, y: 1 } } } as unknown as Results);
    const constraint = tables.find((table) => table.column === "brokerage.structuralHoles.constraint");
    const membership = tables.find((table) => table.column === "communities.membership");
    if (constraint === undefined || membership === undefined) throw new Error("a table is missing");
    expect(listedTable(constraint, 4).rows).toEqual([
      { organisation: "w", value: 0.2 },
      { organisation: "y", value: 0.2 },
      { organisation: "x", value: 0.5 },
      { organisation: "z", value: null },
    ]);
    expect(listedTable(membership, 50)).toMatchObject({ organisations: 2, listed: 0, rows: [] });
    expect(listedTable(membership, 50).rule).toMatch(/^none listed: community numbers have no order to take a top from/);
  });

  it("leaves the results it is given as they were", () => {
    const before = structuredClone(results);
    detailedResults(results, { detail: "top", top: 1 });
    detailedResults(results, { detail: "full", top: 1 });
    expect(results).toEqual(before);
  });

  it("is what analyze writes by default (top 50) and with --top, for every table of the report", () => {
    const memory = MEMORY;
    const { report } = analyze("top-default");
    expect(report.config.organisations).toEqual({ detail: "top", top: 50 });
    expect(report.results.centrality.measures.degree.listed).toBe(7);
    const { report: top2, run } = analyze("top-2", "--top", "2");
    expect(top2.config.organisations).toEqual({ detail: "top", top: 2 });
    // 9, 10 and A all have 3 partners; as text "10" < "9" < "A".
    expect(top2.results.centrality.measures.degree.rows).toEqual([
      { organisation: "10", value: 3 },
      { organisation: "9", value: 3 },
    ]);
    for (const table of organisationTables(memory)) {
      const written = table.path.reduce((at: Json, key) => at[key], top2.results);
      expect(written, table.path.join(".")).toEqual(listedTable(table, 2));
    }
    expect(existsSync(join(dir, "top-2", ORGANISATIONS_FILE))).toBe(false);
    expect(run.stdout).toContain(`reports: ${join(dir, "top-2", "report.json")} (the top 2 organisations of each per-organisation table; --detail full writes every one)`);
  });
});

describe("organisations.detail full", () => {
  const memory = MEMORY;
  const { report, run } = analyze("full", "--detail", "full");
  const csvPath = join(dir, "full", ORGANISATIONS_FILE);
  const parsed = parseCsv(readFileSync(csvPath, "utf8"), ",");
  if ("error" in parsed) throw new Error(parsed.error);
  const { header, rows } = parsed;

  it("writes report-organisations.csv: a row per organisation in id order, its name quoted as CSV needs", () => {
    expect(header.slice(0, 3)).toEqual(["organisation", "name", "centrality.measures.degree"]);
    expect(rows.map(({ cells }) => cells[0])).toEqual(["10", "9", "A", "B", "C", "D", "E"]);
    expect(rows.find(({ cells }) => cells[0] === "9")?.cells[1]).toBe('Acme, Inc. "EV"');
    expect(run.stdout).toContain(`${csvPath} (every organisation)`);
  });

  it("names, in place of each table, the file and the columns holding it, and holds in them the values analyse computed", () => {
    // Every table in report.json is a reference; its values are compared cell by cell with the run in memory.
    const references: Array<{ path: string[]; table: Json }> = [];
    const find = (value: Json, path: string[]) => {
      if (typeof value !== "object" || value === null) return;
      if (value.detail === "full" && value.file === ORGANISATIONS_FILE) references.push({ path, table: value });
      else for (const [key, inner] of Object.entries(value)) find(inner, [...path, key]);
    };
    find(report.results, []);
    expect(references.map(({ path }) => path.join("."))).toEqual(organisationTables(memory).map((table) => table.path.join(".")));
    let compared = 0;
    for (const { path, table } of references) {
      const computed = path.reduce((at: Json, key) => at[key], memory);
      const prefix = path.filter((_key, i) => !(path[0] === "openness" && i === 3)).join(".");
      for (const column of table.columns as string[]) {
        const c = header.indexOf(column);
        expect(c, column).toBeGreaterThan(1);
        const field = column.slice(prefix.length).split(".").filter((key) => key !== "");
        for (const { cells } of rows) {
          const id = cells[0] as string;
          // Gatekeepers are a list of members; every other table is keyed by organisation.
          const row = Array.isArray(computed) ? computed.find((member: Json) => member.organisation === id) : computed[id];
          if (Array.isArray(computed) && row === undefined) continue; // a member of another group, in this column
          const value = row === undefined ? undefined : field.reduce((at: Json, key) => (at === undefined || at === null ? undefined : at[key]), row);
          // A scale flag an organisation does not have counts 0 links.
          const expected = value ?? (path[1] === "byOrganisation" && field[0] === "flags" && row !== undefined ? 0 : null);
          expect(cells[c] === "" ? null : Number(cells[c]), `${column} of ${id}`).toBe(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(7 * 40);
  });

  it("leaves per-organisation values out of report.json, and the summary and report.html as at detail top", () => {
    expect(report.results.centrality.measures.pagerank).toEqual({
      detail: "full",
      organisations: 7,
      rule: "every organisation's value is in report-organisations.csv, column centrality.measures.pagerank: a row per organisation, an empty cell where it has none",
      file: ORGANISATIONS_FILE,
      columns: ["centrality.measures.pagerank"],
    });
    const top = analyze("same-as-full");
    const sections = (folder: string) =>
      Object.fromEntries([...readFileSync(join(dir, folder, "report.html"), "utf8").matchAll(/<section id="([^"]+)">[\s\S]*?<\/section>/g)].map((match) => [match[1], match[0]]));
    const [full, topped] = [sections("full"), sections("same-as-full")];
    expect(Object.keys(full)).toContain("centrality");
    for (const id of Object.keys(full).filter((id) => id !== "overview")) expect(full[id], id).toBe(topped[id]);
    const summary = (stdout: string) => stdout.slice(0, stdout.lastIndexOf("\nreports: "));
    expect(summary(run.stdout)).toBe(summary(top.run.stdout));
  });
});

describe("report-organisations.csv is overwritten only where linkscale wrote it", () => {
  it("refuses to write over a file of that name linkscale did not write, naming it, and writes nothing", () => {
    const out = join(dir, "foreign");
    mkdirSync(out);
    const mine = "id,name,notes\n1,Acme,my own notes\n";
    writeFileSync(join(out, ORGANISATIONS_FILE), mine);
    const refused = linkscale(["analyze", ...TINY, "--config", SETTINGS, "--out", out, "--detail", "full", "-q"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`linkscale: ${join(out, ORGANISATIONS_FILE)} exists and was not written by linkscale: nothing written (--force overwrites)\n`);
    expect(readFileSync(join(out, ORGANISATIONS_FILE), "utf8")).toBe(mine);
    expect(existsSync(join(out, "report.json"))).toBe(false);
    expect(existsSync(join(out, "report.html"))).toBe(false);
    // At detail top the file is not linkscale's to write or remove: it stays.
    expect(linkscale(["analyze", ...TINY, "--config", SETTINGS, "--out", out, "-q"]).status).toBe(0);
    expect(readFileSync(join(out, ORGANISATIONS_FILE), "utf8")).toBe(mine);
  });

  it("overwrites its own, and removes it on a run at detail top, so the folder holds no table of another run", () => {
    const out = join(dir, "own");
    const run = (...flags: string[]) => linkscale(["analyze", ...TINY, "--config", SETTINGS, "--out", out, "-q", ...flags]).status;
    expect(run("--detail", "full")).toBe(0);
    expect(run("--detail", "full", "--seed", "3")).toBe(0);
    expect(existsSync(join(out, ORGANISATIONS_FILE))).toBe(true);
    expect(run("--top", "5")).toBe(0);
    expect(existsSync(join(out, ORGANISATIONS_FILE))).toBe(false);
  });

  it("knows its own by the header: organisation, name, then only report columns", () => {
    expect(isLinkscaleOrganisationsCsv("organisation,name,centrality.measures.degree,brokerage.roles.country.raw.t\n9,x,3,0\n")).toBe(true);
    expect(isLinkscaleOrganisationsCsv('organisation,name,"openness.a,b.gatekeepers.members.share"\n')).toBe(true);
    for (const foreign of ["", "organisation,name\n", "id,name,centrality.measures.degree\n", "organisation,name,centrality.measures.degree,notes\n", "organisation;name;centrality.measures.degree\n"]) {
      expect(isLinkscaleOrganisationsCsv(foreign), foreign).toBe(false);
    }
  });
});

describe("bad detail settings", () => {
  it.each([
    [{ organisations: { top: 0 } }, "organisations.top must be at least 1 (was 0)"],
    [{ organisations: { top: -5 } }, "organisations.top must be at least 1 (was -5)"],
    [{ organisations: { top: 2.5 } }, "organisations.top must be an integer (was 2.5)"],
    [{ organisations: { top: "50" } }, "organisations.top must be a number (was a string)"],
    [{ organisations: { detail: "all" } }, 'organisations.detail must be "full" or "top" (was "all")'],
    [{ organisations: { detail: "top", depth: 2 } }, "organisations.depth must be removed"],
  ])("refuses %j in linkscale.json, naming the setting", (config, message) => {
    expect(() => resolveConfig(config, "linkscale.json")).toThrow(new InputError(`linkscale.json: ${message}`));
  });

  it("stops analyze before it reads any input, exit 2", () => {
    const file = write("bad.json", JSON.stringify({ organisations: { top: 0 } }));
    const run = linkscale(["analyze", ...TINY, "--config", file, "--out", join(dir, "never"), "-q"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`linkscale: ${file}: organisations.top must be at least 1 (was 0)\n`);
    expect(existsSync(join(dir, "never"))).toBe(false);
  });

  // In process, through the same entry point as the bin: these stop before any input is read.
  it.each([
    [["--top", "0"], `error: option '--top <n>' argument '0' is invalid. expected a whole number of organisations, 1 or more, got "0"`],
    [["--top", "-3"], `error: option '--top <n>' argument '-3' is invalid. expected a whole number of organisations, 1 or more, got "-3"`],
    [["--top", "1.5"], `error: option '--top <n>' argument '1.5' is invalid. expected a whole number of organisations, 1 or more, got "1.5"`],
    [["--detail", "all"], `error: option '--detail <level>' argument 'all' is invalid. expected top or full, got "all"`],
    [["--detail", "full", "--top", "5"], "linkscale: --top lists the top organisations of each table and --detail full lists every organisation: give one of them"],
  ])("refuses %j on the command line, naming the flag, exit 2", async (flags, message) => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["node", "linkscale", "analyze", ...TINY, "--out", join(dir, "never"), "-q", ...flags])).toBe(2);
      expect(stderr.mock.calls.map(([text]) => String(text)).join("")).toBe(`${message}\n`);
    } finally {
      stderr.mockRestore();
    }
    expect(existsSync(join(dir, "never"))).toBe(false);
  });
});

describe("linkscale check at any detail", () => {
  it("compares every organisation's value, whatever organisations.detail lists in report.json", () => {
    const expected = write(
      "expected.json",
      JSON.stringify({
        config: { permutations: 0, organisations: { detail: "top", top: 1 } },
        // By hand (see TINY): partners per organisation.
        metrics: { "centrality.measures.degree": { expected: { "9": 3, "10": 3, A: 3, B: 1, C: 0, D: 1, E: 1 } } },
      }),
    );
    const run = linkscale(["check", ...TINY, "--expected", expected, "-q"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("ok    centrality.measures.degree: 7 of 7 hold");
    expect(run.status).toBe(0);
  });
});
