/**
 * The JSON Schemas in packages/cli/schema/ against the documents they describe: report.json from
 * real runs (every section; a graph file, which has no participations; a config limiting the
 * sections), expected files (--write-expected, each dataset's expected.json) and configs. Each
 * schema must also refuse a broken document, and the config and expected-file schemas must agree
 * with the arktype schemas the CLI itself validates with.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { type } from "arktype";
import { describe, expect, it } from "vitest";
import { configSchema, DEFAULTS, SECTIONS } from "../src/analysis/config.ts";
import { parseExpected } from "../src/check/expected-file.ts";
import { linkscale, REPO } from "./run.ts";

// ajv is CommonJS: under NodeNext the default import is its module, whose `default` is the class
// (at run time too: ajv sets module.exports.default to the class).
const Ajv = Ajv2020.default;

const SCHEMA_NAMES = ["config.schema.json", "expected.schema.json", "report.schema.json"] as const;
type SchemaName = (typeof SCHEMA_NAMES)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, read by path in the assertions
type Json = any;
const readJson = (path: string): Json => JSON.parse(readFileSync(path, "utf8"));
const schemaOf = (name: SchemaName): Json => readJson(join(REPO, "packages/cli/schema", name));

/**
 * Strict mode on: an unknown keyword or format, a keyword without its type, a required key missing
 * from properties are errors. Union types (`"type": ["number", "null"]`, how the schemas say
 * "null when undefined") are allowed explicitly.
 */
function createAjv() {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  // The schemas refer to each other by file name (expected.schema.json → config.schema.json).
  for (const name of SCHEMA_NAMES) ajv.addSchema(schemaOf(name), name);
  return ajv;
}

const ajv = createAjv();

/** What the schema finds wrong with a document: "path message" per fault, [] when it is valid. */
function faults(name: SchemaName, document: unknown): string[] {
  const validate = ajv.getSchema(name);
  if (validate === undefined) throw new Error(`${name} is not loaded`);
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
}

const dir = mkdtempSync(join(tmpdir(), "linkscale-schemas-"));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
};
// The two tables named one by one, so only they are read whatever else the folder holds.
const SEMICONDUCTOR = ["datasets/semiconductor-ev/organisations.csv", "datasets/semiconductor-ev/participations.csv"];

/** Runs analyze and returns its report.json. */
function analyze(name: string, inputs: readonly string[], config: unknown): Json {
  const out = join(dir, name);
  const run = linkscale(["analyze", ...inputs, "--config", write(`${name}.json`, config), "--out", out, "-q"]);
  if (run.status !== 0) throw new Error(`analyze ${name} exited ${run.status}: ${run.stderr}`);
  return readJson(join(out, "report.json"));
}

// A few permutations, so the permutation summaries are there to validate, at little cost.
const full = analyze("full", SEMICONDUCTOR, { permutations: 20 });

// A network small enough to run in no time, with what the bundled datasets lack: isolated
// organisations, a group without links (ES: E-I undefined), an organisation with no type, country
// or name, a project without a year, organisations without coordinates.
const tinyOrganisations = write(
  "organisations.csv",
  ["id,name,type,country,region,lat,lon", "A,Acme,firm,DE,DE11,48.78,9.18", "B,Uni,university,DE,DE11,48.74,9.10", "C,Lab,research,FR,FR10,48.85,2.35",
    "D,Ministry,government,FR,,45.76,4.84", "E,Lonely,firm,IT,,,", "F,,,,,,", "G,Solo,firm,ES,,40.40,-3.70"].join("\n") + "\n",
);
const tinyParticipations = write(
  "participations.csv",
  ["project,org,year", "P1,A,2019", "P1,B,2019", "P2,A,2020", "P2,B,2020", "P2,C,2020", "P3,C,", "P3,D,", "P4,A,2021", "P4,F,2021", "P5,E,2018", "P6,G,2020"].join("\n") + "\n",
);
const TINY = [tinyOrganisations, tinyParticipations];

// A graph file has no participations: tripleHelix.mutualInformation is null. Above
// allPairsLimit, betweenness is sampled and closeness and harmonic are left out.
const gexf = join(dir, "tiny.gexf");
const converted = linkscale(["convert", ...TINY, gexf, "-q"]);
const graphConfig = { permutations: 10, centrality: { allPairsLimit: 3, betweennessSamples: 4 }, communities: { algorithm: "leiden", resolution: 0.5 } };
const graph = converted.status === 0 ? analyze("graph", [gexf], graphConfig) : undefined;

// Every per-organisation table as a reference to report-organisations.csv.
const fullDetail = analyze("full-detail", TINY, { permutations: 10, organisations: { detail: "full" } });

// Every optional field of linkscale.json, and only three sections.
const limitedConfig = {
  $schema: "../../packages/cli/schema/config.schema.json",
  counting: "fractional",
  columns: { name: "name" },
  delimiter: ",",
  places: { nutsLevel: 2, macroRegions: { DE: "DACH", AT: "DACH", CH: "DACH" }, sameCity: false, localWithinKm: 50, admin1: true },
  groupBy: ["country"],
  sections: ["counts", "scales", "stages"],
  centrality: { allPairsLimit: 100, betweennessSamples: 10 },
  communities: { algorithm: "leiden", resolution: 2 },
  clusters: { by: "geo", radiusKm: 25, minSize: 3 },
  stages: { "start-up": [2013, 2016], growth: [2017, 2020] },
  organisations: { detail: "top", top: 20 },
  permutations: 0,
  seed: 7,
};
const limited = analyze("limited", SEMICONDUCTOR, limitedConfig);

const baselinePath = join(dir, "baseline.json");
const baselineRun = linkscale(["check", ...TINY, "--config", write("baseline-config.json", { permutations: 10 }), "--expected", baselinePath, "--write-expected", "-q"]);

describe("the JSON Schemas in packages/cli/schema", () => {
  it("are valid draft 2020-12 schemas that compile in strict mode", () => {
    const fresh = new Ajv({ strict: true, allowUnionTypes: true });
    for (const name of SCHEMA_NAMES) {
      const schema = schemaOf(name);
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(fresh.validateSchema(schema), `${name}: ${fresh.errorsText()}`).toBe(true);
      fresh.addSchema(schema, name);
    }
    for (const name of SCHEMA_NAMES) expect(() => fresh.getSchema(name)).not.toThrow();
  });

  it("mirror config.ts: the same fields, sections and defaults", () => {
    const config = schemaOf("config.schema.json");
    const report = schemaOf("report.schema.json");
    const resolved = report.$defs.ResolvedConfig;
    expect(Object.keys(resolved.properties).sort()).toEqual(Object.keys(config.properties).filter((key) => key !== "$schema").sort());
    for (const schema of [config, report]) expect(schema.$defs.Section.enum).toEqual([...SECTIONS]);
    // A default may be null (stages: none configured), so "in", not "??".
    const defaultOf = (property: Json) => ("default" in property ? property.default : property.$ref === undefined ? undefined : config.$defs[String(property.$ref).split("/").pop() as string].default);
    const defaults = Object.fromEntries(
      Object.entries(config.properties as Record<string, Json>).flatMap(([key, property]) => (defaultOf(property) === undefined ? [] : [[key, defaultOf(property)]])),
    );
    expect(defaults).toEqual(DEFAULTS);
    // The report records the resolved config: every field DEFAULTS fills in is required there.
    expect([...resolved.required].sort()).toEqual(Object.keys(DEFAULTS).sort());
  });
});

describe("report.schema.json", () => {
  it("accepts report.json with every section (semiconductor-ev, with permutation tests)", () => {
    expect(Object.keys(full.results)).toEqual([...SECTIONS]);
    expect(full.results.openness.country.permutation).not.toBeNull();
    expect(faults("report.schema.json", full)).toEqual([]);
  });

  it("accepts report.json from a graph file, where T(UIG), closeness and harmonic are not computed", () => {
    expect(converted.stderr).toBe("");
    expect(converted.status).toBe(0);
    expect(graph.results.tripleHelix.mutualInformation).toBeNull();
    expect(graph.results.centrality.betweenness).toEqual({ method: "sampled", samples: 4, seed: 1 });
    expect(graph.results.centrality.measures.closeness).toBeUndefined();
    // The undefined values of the small network, written as null.
    expect(graph.results.openness.country.ei.byGroup.ES.counted.EI).toBeNull();
    // All 7 organisations listed (fewer than organisations.top): E and G, isolated, have no constraint, and come last.
    expect(graph.results.brokerage.structuralHoles.constraint.rows.slice(-2)).toEqual([
      { organisation: "E", value: null },
      { organisation: "G", value: null },
    ]);
    expect(graph.notes).toHaveLength(2);
    expect(faults("report.schema.json", graph)).toEqual([]);
  });

  it("accepts report.json at organisations.detail full, each per-organisation table naming its columns in report-organisations.csv", () => {
    expect(fullDetail.results.centrality.measures.degree).toMatchObject({ detail: "full", file: "report-organisations.csv", columns: ["centrality.measures.degree"] });
    expect(faults("report.schema.json", fullDetail)).toEqual([]);
  });

  it("accepts report.json of a config that sets every field and limits the sections", () => {
    expect(Object.keys(limited.results)).toEqual(["counts", "scales", "stages"]);
    const { $schema, stages, ...resolved } = limitedConfig;
    expect($schema).toBeDefined();
    // The report records the stages as the windows they resolve to.
    expect(limited.config).toEqual({ ...resolved, stages: { kind: "stages", stages } });
    expect(limited.results.stages.windows.map((w: Json) => w.name)).toEqual(["start-up", "growth"]);
    expect(limited.results.scales.scales).toEqual(["local", "national", "intra-macro-region", "inter-macro-region", "unknown"]);
    expect(faults("report.schema.json", limited)).toEqual([]);
  });

  it("refuses a broken report, naming where", () => {
    const broken = (change: (report: Json) => void): string[] => {
      const report = structuredClone(full);
      change(report);
      return faults("report.schema.json", report);
    };
    expect(broken((r) => (r.schemaVersion = 1))).toContainEqual(expect.stringMatching(/^\/schemaVersion /));
    expect(broken((r) => (r.results.scales.network.countShares.national = "0.12"))).toContainEqual(expect.stringMatching(/^\/results\/scales\/network\/countShares\/national must be number/));
    expect(broken((r) => (r.timestamp = "2025-01-01"))).toContainEqual("/ must NOT have additional properties");
    expect(broken((r) => (r.results.network = {}))).toContainEqual("/results must NOT have additional properties");
    expect(broken((r) => (r.results.openness.country.ei.network.counted.EI = 1.5))).toContainEqual(expect.stringMatching(/^\/results\/openness\/country\/ei\/network\/counted\/EI must be <= 1/));
    expect(broken((r) => (r.results.brokerage.roles.country.z.rows[0].value.w_I = "NaN"))).not.toEqual([]);
    expect(broken((r) => (r.results.centrality.measures.pagerank.listed = -1))).not.toEqual([]);
    expect(broken((r) => delete r.results.centrality.measures.pagerank.rule)).not.toEqual([]);
    // A table keyed by id, as report.json held them before organisations.detail: not this schema's shape.
    expect(broken((r) => (r.results.centrality.measures.pagerank = { A: 0.5 }))).not.toEqual([]);
    expect(broken((r) => (r.input.files[0].sha256 = r.input.files[0].sha256.toUpperCase()))).toContainEqual(expect.stringMatching(/^\/input\/files\/0\/sha256 must match pattern/));
    expect(broken((r) => delete r.results.counts.links)).toContainEqual("/results/counts must have required property 'links'");
    expect(broken((r) => (r.config.places.nutsLevel = 5))).toContainEqual(expect.stringMatching(/^\/config\/places\/nutsLevel /));
  });
});

describe("expected.schema.json", () => {
  it("accepts the file check --write-expected writes", () => {
    expect(baselineRun.stderr).toBe("");
    expect(baselineRun.status).toBe(0);
    const baseline = readJson(baselinePath);
    expect(baseline.metrics["tripleHelix.mutualInformation.T"]).toBeDefined();
    expect(faults("expected.schema.json", baseline)).toEqual([]);
  });

  it("accepts every dataset's expected.json", () => {
    const files = readdirSync(join(REPO, "datasets"))
      .map((name) => join(REPO, "datasets", name, "expected.json"))
      .filter((file) => existsSync(file));
    for (const file of files) expect(faults("expected.schema.json", readJson(file)), file).toEqual([]);
  });

  // Each document: is it valid? The schema and the CLI's own parser must both say so.
  const documents: Array<[string, unknown, boolean]> = [
    ["the least there is", { metrics: { "counts.links": { expected: 38733 } } }, true],
    [
      "every field",
      {
        $schema: "../../packages/cli/schema/expected.schema.json",
        description: "by hand",
        config: { groupBy: ["country"], permutations: 0 },
        metrics: {
          counts: { expected: { organisations: 765 } },
          "scales.network.countShares": { expected: { local: 0, unknown: null }, tolerance: { relative: 0.005 }, source: "scales.py" },
          "openness.country.ei.byGroup": { expected: { DE: { counted: { EI: null } } }, tolerance: { absolute: 1e-6, relative: 0 } },
        },
      },
      true,
    ],
    ["no metric", { metrics: {} }, false],
    ["no metrics at all", { description: "x" }, false],
    ["a metric outside every section", { metrics: { "network.links": { expected: 1 } } }, false],
    ["a number as a string", { metrics: { "counts.links": { expected: "38733" } } }, false],
    ["an array", { metrics: { "scales.scales": { expected: [1, 2] } } }, false],
    ["a boolean leaf", { metrics: { "counts.byType": { expected: { firm: true } } } }, false],
    ["no expected value", { metrics: { "counts.links": { source: "x" } } }, false],
    ["a negative tolerance", { metrics: { "counts.links": { expected: 1, tolerance: { absolute: -1 } } } }, false],
    ["a misspelt field", { metrics: { "counts.links": { expected: 1, tolerence: { absolute: 1 } } } }, false],
    ["an unknown top-level field", { metrics: { "counts.links": { expected: 1 } }, comment: "x" }, false],
    ["a bad config", { metrics: { "counts.links": { expected: 1 } }, config: { places: { nutsLevel: 5 } } }, false],
  ];
  it.each(documents)("agrees with check on %s", (_what, document, valid) => {
    expect(faults("expected.schema.json", document).length === 0).toBe(valid);
    let parsed = true;
    try {
      parseExpected(document, "expected.json");
    } catch {
      parsed = false;
    }
    expect(parsed).toBe(valid);
  });
});

describe("config.schema.json", () => {
  it("accepts the config files of these runs and the defaults", () => {
    for (const config of [limitedConfig, graphConfig, { permutations: 20 }, {}, DEFAULTS]) expect(faults("config.schema.json", config)).toEqual([]);
    expect(faults("config.schema.json", readJson(join(dir, "limited.json")))).toEqual([]);
  });

  const documents: Array<[string, unknown, boolean]> = [
    ["macro-regions of one's own", { places: { macroRegions: { DE: "DACH" } } }, true],
    ["a tab delimiter", { delimiter: "\t" }, true],
    ["no section", { sections: [] }, true],
    ["a negative seed", { seed: -3 }, true],
    ["NUTS level 5", { places: { nutsLevel: 5 } }, false],
    ["NUTS level as a string", { places: { nutsLevel: "2" } }, false],
    ["groupBy as a string", { groupBy: "country" }, false],
    ["an unknown field", { colour: "red" }, false],
    ["an unknown place field", { places: { nuts: 2 } }, false],
    ["a two-character delimiter", { delimiter: ";;" }, false],
    ["a fractional seed", { seed: 1.5 }, false],
    ["an unknown section", { sections: ["counts", "network"] }, false],
    ["an unknown macro-region table", { places: { macroRegions: "eu" } }, false],
    ["a macro-region that is not a name", { places: { macroRegions: { DE: 1 } } }, false],
    ["a zero resolution", { communities: { resolution: 0 } }, false],
    ["a zero distance", { places: { localWithinKm: 0 } }, false],
    ["admin1 on", { places: { admin1: true } }, true],
    ["admin1 as a word", { places: { admin1: "yes" } }, false],
    ["no sampled source", { centrality: { betweennessSamples: 0 } }, false],
    ["negative permutations", { permutations: -1 }, false],
    ["another counting", { counting: "half" }, false],
    ["a column given as a number", { columns: { id: 3 } }, false],
    ["every organisation", { organisations: { detail: "full" } }, true],
    ["the top 10", { organisations: { detail: "top", top: 10 } }, true],
    ["no organisation listed", { organisations: { top: 0 } }, false],
    ["a negative top", { organisations: { top: -1 } }, false],
    ["a fractional top", { organisations: { top: 2.5 } }, false],
    ["an unknown detail", { organisations: { detail: "all" } }, false],
    ["an unknown organisations field", { organisations: { limit: 5 } }, false],
  ];
  it.each(documents)("agrees with config.ts on %s", (_what, document, valid) => {
    expect(faults("config.schema.json", document).length === 0).toBe(valid);
    expect(!(configSchema(document) instanceof type.errors)).toBe(valid);
  });
});
