/**
 * `--engine duckdb` against the in-memory path, which is the reference: the same input must give
 * the same organisations (order and attributes), the same links in the same order with the same
 * project counts and years (weights to 1e-12: DuckDB sums in its own order), the same projects,
 * and the same rejected rows, codes read as others and notes, message for message.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CompactGraph, type AllianceGraph } from "@linkscale/core";
import { analyse } from "../src/analysis/analyse.ts";
import { analysisInput, configFrom, loadAnalysed } from "../src/commands/analyze.ts";
import { loadWithDuckDB, type DuckDBOptions } from "../src/engine/duckdb-load.ts";
import { loadInput, type InputOptions, type LoadedInput } from "../src/input.ts";
import { createProgress } from "../src/progress.ts";
import { linkscale } from "./run.ts";

const progress = createProgress(true);
const dir = mkdtempSync(join(tmpdir(), "linkscale-duckdb-test-"));
const SHARED = join(import.meta.dirname, "../../../../shared/data");

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function graphOf(loaded: LoadedInput): AllianceGraph {
  if (loaded.form !== "tables") throw new Error("expected tables");
  const { graph } = loaded.dataset;
  return graph instanceof CompactGraph ? graph.toGraph() : graph;
}

/** Loads `paths` both ways and expects the same dataset: in memory into graphology, in DuckDB into the typed-array graph. */
async function expectSameBothWays(paths: string[], options: InputOptions & DuckDBOptions = {}): Promise<LoadedInput> {
  const memory = loadInput(paths, options, progress);
  const duckdb = await loadWithDuckDB(paths, { ...options, compact: true }, progress);
  const [m, d] = [graphOf(memory), graphOf(duckdb)];
  expect(d.mapNodes((id, attributes) => ({ id, ...attributes }))).toEqual(m.mapNodes((id, attributes) => ({ id, ...attributes })));
  const links = (graph: AllianceGraph) => graph.mapEdges((_, attributes, source, target) => ({ source, target, ...attributes }));
  const [memoryLinks, duckdbLinks] = [links(m), links(d)];
  expect(duckdbLinks.map(({ weight: _, ...rest }) => rest)).toEqual(memoryLinks.map(({ weight: _, ...rest }) => rest));
  duckdbLinks.forEach(({ weight }, index) => expect(Math.abs(weight - (memoryLinks[index]?.weight as number))).toBeLessThan(1e-12));
  if (memory.form !== "tables" || duckdb.form !== "tables") throw new Error("expected tables");
  expect(duckdb.dataset.projects).toBe(memory.dataset.projects);
  expect(duckdb.dataset.notes).toEqual(memory.dataset.notes);
  const tables = (loaded: typeof memory) => loaded.dataset.tables.map(({ file, rowsRead, rejected, columns, readAs }) => ({ file, rowsRead, rejected, columns, readAs }));
  expect(tables(duckdb)).toEqual(tables(memory));
  return duckdb;
}

describe("--engine duckdb gives what the in-memory path gives", () => {
  it("on the bundled datasets, full and fractional counting", async () => {
    await expectSameBothWays([join(import.meta.dirname, "../../../datasets/semiconductor-ev")]);
    await expectSameBothWays([join(import.meta.dirname, "../../../datasets/h2020-eastasia")], { counting: "fractional" });
  });

  it("when the links are computed in parts of projects, as under a memory limit on tables of hundreds of millions of rows", async () => {
    // Their projects give 40,700 and 95,922 pair instances (pandas, on the participations): 9 and 5 parts.
    await expectSameBothWays([join(import.meta.dirname, "../../../datasets/semiconductor-ev")], { pairsPerPart: 5_000, memoryLimit: "256MB" });
    await expectSameBothWays([join(import.meta.dirname, "../../../datasets/h2020-eastasia")], { counting: "fractional", pairsPerPart: 20_000 });
  });

  it("on messy participations: bad values, duplicates, unknown organisations, field counts, quoted line breaks, descriptions that differ", async () => {
    const organisations = write("organisations.csv", ["id,name,type,country", "A,Alpha,firm,DE", "B,Beta,university,FR", "C,Gamma,research,IT", "A,Alpha again,firm,DE", "D,Delta,,"].join("\n"));
    const participations = write(
      "participations.csv",
      [
        "\uFEFFproject,org,year,role,contribution",
        "p1,A,2015,coordinator,100",
        "p1,B,2015,participant,",
        "p1,C,2015.0,participant,5",
        "p1,A,2015,participant,100", // the same organisation twice in p1
        "",
        "p2,B,20x5,participant,1", // not a number
        "p2,C,2016,participant,1,extra", // a field too many
        '"p3\nsecond line",A,2017,participant,1', // a quoted line break: the row starts on its first line
        "p3\nsecond line,B,2017,participant,1".replace("\n", " "),
        "p3,E,2017,participant,1", // not in the organisation table
        ",D,2017,participant,1", // no project
        "p4,D,,participant,1",
        "p4,a,2018,participant,1", // ids differ in case: another organisation, unknown
        "p4,B,2018,participant,1",
        "p4,C,2018,participant",
        "p5,B,2019,participant,1",
        "p5,C,,participant,1",
        "p5,D,2020,participant,1",
      ].join("\r\n"),
    );
    const loaded = await expectSameBothWays([organisations, participations]);
    if (loaded.form !== "tables") throw new Error("expected tables");
    // The checks did fire. Rows as an editor shows them (header = 1; line 6 is empty; the quoted
    // line break makes lines 9-10 one row): organisations.csv 5 (A again); participations.csv 5
    // (A twice in p1), 7 (20x5), 8 (a field too many), 12 (E), 13 (no project), 15 (a), 17 (a field short).
    const rejected = loaded.dataset.tables.flatMap((table) => table.rejected.map(({ file, row }) => `${file.replace(`${dir}/`, "")}:${row}`));
    expect(rejected).toEqual(["organisations.csv:5", ...[5, 7, 8, 12, 13, 15, 17].map((row) => `participations.csv:${row}`)]);
  });

  it("on participations that describe their organisations (no organisation table), gzip and semicolons", async () => {
    const text = [
      "project;org;year;name;type;country;city",
      "p1;A;2015;Alpha;firm;DE;Berlin",
      "p1;B;2015;Beta;university;UK;London", // CORDIS's UK, read as GB
      "p2;A;2016;Alpha GmbH;firm;DE;Berlin", // a differing description: a note, the first kept
      "p2;B;2016;Beta;university;GB;London",
      "p2;C;2016;;;;", // described by nothing but its id
      "p3;C;2017;Gamma;research;IT;Roma",
      "p3;D;2017;Delta;company;ES;Madrid", // "company" read as firm
      "p3;A;2017;Alpha;firm;DE;Bonn",
      "p4;D;2018;Delta;firm;ES;Madrid",
      "p4;E;2018;Epsilon;spaceship;FR;Paris", // not a type
    ].join("\n");
    const path = join(dir, "described.csv.gz");
    writeFileSync(path, gzipSync(text));
    const loaded = await expectSameBothWays([path], { counting: "fractional" });
    if (loaded.form !== "tables") throw new Error("expected tables");
    expect(loaded.dataset.notes.length).toBeGreaterThan(0);
    expect(loaded.dataset.tables[0]?.readAs.length).toBeGreaterThan(0);
  });

  it("on CORDIS's organization.csv with its project years from project.csv, geolocations and quoted semicolons", async () => {
    const folder = mkdtempSync(join(dir, "cordis-"));
    writeFileSync(
      join(folder, "organization.csv"),
      [
        "projectID;organisationID;name;activityType;city;country;geolocation;role",
        '1;10;"Müller; Söhne";PRC;Athina;EL;"37.9,23.7";coordinator',
        "1;11;Uni;HES;Paris;FR;48.8,2.3;participant",
        "2;10;Müller und Söhne;PRC;Athina;EL;37.9,23.7;participant",
        "2;12;Lab;REC;Roma;IT;;participant",
        "3;11;Uni;HES;Paris;FR;48.8,2.3;coordinator",
        "3;12;Lab;REC;Roma;IT;;participant",
        "3;13;Agency;XYZ;Madrid;ES;;participant",
      ].join("\n"),
    );
    writeFileSync(join(folder, "project.csv"), ["id;acronym;startDate", "1;ONE;2016-01-01", "2;TWO;2018-05-01"].join("\n"));
    const loaded = await expectSameBothWays([folder]);
    if (loaded.form !== "tables") throw new Error("expected tables");
    expect(graphOf(loaded).getEdgeAttribute("10", "11", "firstYear")).toBe(2016);
  });

  it("on a slice of CORDIS's Horizon 2020 participations (its codes, NA for missing), with rows repeated and broken", async () => {
    const text = gunzipSync(readFileSync(join(SHARED, "cordis-h2020-participations/h2020.csv.gz"))).toString("utf8").split("\n").slice(0, 4001);
    text.push(text[10] as string, (text[20] as string).replace(/,\d{4},(\d{4}),/, ",20x9,$1,"));
    const path = write("h2020-slice.csv", text.join("\n"));
    await expectSameBothWays([path]);
  });
});

describe("analyze --engine duckdb", () => {
  // The sections that read participations (the rest read the graph, the same both ways: the
  // full Horizon 2020 report's results were byte-identical on both engines when this was written).
  it("gives the stages and T(UIG) the in-memory path gives, and the counts", async () => {
    const inputs = [join(import.meta.dirname, "../../../datasets/semiconductor-ev")];
    const config = { ...configFrom({}), stages: { kind: "yearly" as const } };
    const results = async (engine: "memory" | "duckdb") => {
      const { loaded } = await loadAnalysed(inputs, { engine, counting: "full" }, config, progress, "nothing analysed");
      return (await analyse(analysisInput(loaded), config, progress, ["counts", "tripleHelix", "stages"])).results;
    };
    const [memory, duckdb] = [await results("memory"), await results("duckdb")];
    expect(duckdb.stages).toEqual(memory.stages);
    expect((memory.stages as { windows: unknown[] }).windows.length).toBeGreaterThan(1);
    expect(duckdb.tripleHelix).toEqual(memory.tripleHelix);
    expect(JSON.stringify(duckdb)).toBe(JSON.stringify(memory));
  });
});

describe("linkscale --engine duckdb", () => {
  it("names the engine in the summary and reads Parquet as the CSV it was written from", async () => {
    const csv = join(import.meta.dirname, "../../../datasets/semiconductor-ev/participations.csv");
    const parquet = join(dir, "participations.parquet");
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const db = await instance.connect();
    await db.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    db.closeSync();
    const organisations = join(import.meta.dirname, "../../../datasets/semiconductor-ev/organisations.csv");
    const fromParquet = graphOf(await loadWithDuckDB([organisations, parquet], {}, progress));
    const fromCsv = graphOf(loadInput([organisations, csv], {}, progress));
    expect(fromParquet.mapEdges((_, attributes, source, target) => [source, target, attributes])).toEqual(
      fromCsv.mapEdges((_, attributes, source, target) => [source, target, attributes]),
    );
    writeFileSync(join(dir, "links.csv"), "source,target\nA,B\n");
    const run = linkscale(["validate", organisations, parquet]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("participations read and projected by DuckDB (--engine auto: a Parquet input)");
    // In a folder, the Parquet file is found too; the in-memory engine says who reads it.
    const folder = mkdtempSync(join(dir, "parquet-folder-"));
    copyFileSync(organisations, join(folder, "organisations.csv"));
    copyFileSync(parquet, join(folder, "participations.parquet"));
    const fromFolder = linkscale(["validate", "--json", folder]);
    expect(fromFolder.status).toBe(0);
    expect(JSON.parse(fromFolder.stdout).links).toBe(fromCsv.size);
    const inMemory = linkscale(["validate", "--engine", "memory", folder]);
    expect(inMemory.status).toBe(2);
    expect(inMemory.stderr).toContain("participations.parquet: Parquet is read by the DuckDB engine: give --engine duckdb (or auto)");
    // auto takes DuckDB only where it reads every file: beside a link table, Parquet stays unread.
    const withLinks = linkscale(["validate", parquet, "--links", join(dir, "links.csv")], dir);
    expect(withLinks.status).toBe(2);
    expect(withLinks.stderr).toContain("Parquet is read by the DuckDB engine");
    const badLimit = linkscale(["validate", "--engine", "duckdb", "--memory-limit", "lots", parquet]);
    expect(badLimit.status).toBe(2);
    expect(badLimit.stderr).toContain('expected a size such as 512MB or 2GB, got "lots"');
  });
});
