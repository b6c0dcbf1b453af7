/**
 * Types and countries written in other vocabularies (issue 20): read as the model's on every
 * input, counted, and named in the summary; anything no vocabulary knows stays a rejected row.
 * Expected values: the README's vocabulary table (vocabulary.ts), and i18n-iso-countries' English
 * names for the countries.
 */
import { describe, expect, it } from "vitest";
import { readOrganisationsCsv } from "../src/csv/read.ts";
import { readGraphologyJson } from "../src/formats/graphology-json.ts";
import { ReadAsTally } from "../src/vocabulary.ts";

describe("ReadAsTally", () => {
  it("reads countries by CORDIS code, lower-case ISO code and English name, and counts each", () => {
    const tally = new ReadAsTally();
    const read = ["UK", "de", "Germany", "germany", "United Kingdom", "South Korea", "Czech Republic", "The Netherlands", "DE", "Atlantis", "D", "DEU"].map((value) => tally.country(value));
    expect(read).toEqual(["GB", "DE", "DE", "DE", "GB", "KR", "CZ", "NL", "DE", "Atlantis", "D", "DEU"]);
    expect(tally.list()).toEqual([
      { field: "country", from: "UK", to: "GB", rows: 1, source: "CORDIS codes" },
      { field: "country", from: "de", to: "DE", rows: 1, source: "lower-case ISO codes" },
      { field: "country", from: "Germany", to: "DE", rows: 1, source: "English names" },
      { field: "country", from: "germany", to: "DE", rows: 1, source: "English names" },
      { field: "country", from: "United Kingdom", to: "GB", rows: 1, source: "English names" },
      { field: "country", from: "South Korea", to: "KR", rows: 1, source: "English names" },
      { field: "country", from: "Czech Republic", to: "CZ", rows: 1, source: "English names" },
      { field: "country", from: "The Netherlands", to: "NL", rows: 1, source: "English names" },
    ]);
  });

  it("reads types by CORDIS code and English word, in any case; an unknown word stays as it is", () => {
    const tally = new ReadAsTally();
    const read = ["firm", "Company", "HES", "prc", "University", "Research Institute", "public body", "Cluster organisation", "SME", "toString", "spaceship"].map((value) => tally.type(value));
    expect(read).toEqual(["firm", "firm", "university", "firm", "university", "research", "government", "intermediary", "firm", "toString", "spaceship"]);
    expect(tally.list().map(({ from, to, source }) => `${from} → ${to} (${source})`)).toEqual([
      "Company → firm (English names)",
      "HES → university (CORDIS codes)",
      "prc → firm (CORDIS codes)",
      "University → university (English names)",
      "Research Institute → research (English names)",
      "public body → government (English names)",
      "Cluster organisation → intermediary (English names)",
      "SME → firm (English names)",
    ]);
  });
});

describe("other vocabularies on every input", () => {
  it("an organisation table with Gephi users' words loads whole, and says what it read so", () => {
    // Before: "Company", "HES" and "Germany" each rejected their row (and, on graph files, the links).
    const load = readOrganisationsCsv("id,type,country\na,Company,Germany\nb,HES,UK\nc,spaceship,Atlantis\n", { file: "organisations.csv" });
    expect(load.accepted.map(({ record }) => [record.id, record.type, record.country])).toEqual([
      ["a", "firm", "DE"],
      ["b", "university", "GB"],
    ]);
    expect(load.rejected.map(({ row, problems }) => [row, problems.map(({ column }) => column)])).toEqual([[4, ["country", "type"]]]);
    expect(load.readAs.map(({ field, from, to }) => `${field}: ${from} → ${to}`)).toEqual(["type: Company → firm", "country: Germany → DE", "type: HES → university", "country: UK → GB"]);
  });

  it("a graph file with them loads whole too", () => {
    const json = '{"nodes": [{"key": "a", "attributes": {"type": "Company", "country": "Germany"}}, {"key": "b", "attributes": {"type": "HES", "country": "de"}}], "edges": [{"source": "a", "target": "b", "undirected": true}]}';
    const load = readGraphologyJson(json, { file: "network.json" });
    expect(load.rejected).toEqual([]);
    expect(load.graph.mapNodes((node, { type, country }) => [node, type, country])).toEqual([
      ["a", "firm", "DE"],
      ["b", "university", "DE"],
    ]);
    expect(load.readAs.map(({ field, from, to }) => `${field}: ${from} → ${to}`)).toEqual(["type: Company → firm", "country: Germany → DE", "type: HES → university", "country: de → DE"]);
  });
});
