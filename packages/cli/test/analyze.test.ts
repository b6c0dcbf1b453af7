import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkscale } from "./run.ts";

describe("linkscale analyze", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-analyze-"));
  const config = join(dir, "linkscale.json");
  writeFileSync(config, JSON.stringify({ permutations: 50, groupBy: ["country"] }));
  const out = join(dir, "report");
  const run = linkscale(["analyze", "datasets/semiconductor-ev", "--config", config, "--out", out]);

  it("prints the summary on stdout and progress on stderr only", () => {
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("Network\n")).toBe(true);
    for (const heading of ["Scale of links", "Openness by country", "Top organisations by centrality", "Communities", "Brokerage roles", "Triple helix", "Clusters by geo"]) {
      expect(run.stdout).toContain(`\n${heading}`);
    }
    // Counts as datasets/semiconductor-ev/reference/counts.json gives them.
    expect(run.stdout).toContain("765 organisations, 38733 links, 0 isolated");
    // Every organisation of semiconductor-ev has a country (its organisations.csv), so no link's scale is undecided: no column for such links, never one called "unknown".
    const scaleHeader = run.stdout.split("\n").find((line) => /^\s+local\s+national/.test(line));
    expect(scaleHeader?.trim().split(/\s+/)).toEqual(["local", "national", "transnational"]);
    expect(run.stderr).toContain("openness by country: 50 permutations");
    expect(run.stdout).not.toContain("permutations\n");
  });

  it("writes report.json with what produced it: versions, the input's checksums, the config and seed", () => {
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.schemaVersion).toBe(2);
    expect(report.generator.name).toBe("linkscale");
    expect(report.input.files.map((f: { path: string }) => f.path)).toEqual(["datasets/semiconductor-ev/organisations.csv", "datasets/semiconductor-ev/participations.csv"]);
    expect(report.input.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.config.permutations).toBe(50);
    expect(report.seed).toBe(1);
    expect(Object.keys(report.results)).toEqual(["counts", "centrality", "communities", "scales", "openness", "brokerage", "tripleHelix", "clusters", "stages"]);
  });

  it("gives the same reports byte for byte for the same input, config and seed, on either graph form; another seed changes the random parts", () => {
    // The first run held the network in the core's typed-array graph (the default), this one in graphology's.
    const again = join(dir, "again");
    expect(linkscale(["analyze", "datasets/semiconductor-ev", "--config", config, "--out", again, "-q", "--graph-form", "graphology"]).status).toBe(0);
    for (const file of ["report.json", "report.html"]) expect(readFileSync(join(again, file), "utf8")).toBe(readFileSync(join(out, file), "utf8"));
    const seeded = join(dir, "seeded");
    expect(linkscale(["analyze", "datasets/semiconductor-ev", "--config", config, "--seed", "7", "--out", seeded, "-q"]).status).toBe(0);
    const [first, other] = [out, seeded].map((folder) => JSON.parse(readFileSync(join(folder, "report.json"), "utf8")));
    expect(other.seed).toBe(7);
    expect(other.results.openness.country.permutation.network.counted.expected).not.toBe(first.results.openness.country.permutation.network.counted.expected);
    expect(other.results.counts).toEqual(first.results.counts);
  });

  it("overwrites its own reports but never a file it did not write, without --force", () => {
    const folder = join(dir, "foreign");
    expect(linkscale(["analyze", "datasets/semiconductor-ev", "--config", config, "--out", folder, "-q"]).status).toBe(0);
    expect(linkscale(["analyze", "datasets/semiconductor-ev", "--config", config, "--out", folder, "-q"]).status).toBe(0);
    writeFileSync(join(folder, "report.html"), "my own notes");
    const refused = linkscale(["analyze", "datasets/semiconductor-ev", "--config", config, "--out", folder, "-q"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`linkscale: ${join(folder, "report.html")} exists and was not written by linkscale: nothing written (--force overwrites)\n`);
    expect(readFileSync(join(folder, "report.html"), "utf8")).toBe("my own notes");
    // Three runs of analyze: room for a machine busy with other test runs (it timed out at 120 s under four).
  }, 360_000);

  it("refuses a bad config with the path to each fault, exit 2", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ places: { nutsLevel: 5 }, groupBy: "country", colour: "red" }));
    const refused = linkscale(["analyze", "datasets/semiconductor-ev", "--config", bad, "-q"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("places.nutsLevel must be 0, 1, 2 or 3 (was 5)");
    expect(refused.stderr).toContain("groupBy must be an array (was string)");
    expect(refused.stderr).toContain("colour must be removed");
  });

  it("runs only the sections the config names, and says why a metric is missing", () => {
    const limited = join(dir, "limited.json");
    writeFileSync(limited, JSON.stringify({ sections: ["counts", "tripleHelix"], permutations: 0 }));
    const folder = join(dir, "graph-only");
    const gexf = join(dir, "network.gexf");
    expect(linkscale(["convert", "datasets/semiconductor-ev", gexf, "-q"]).status).toBe(0);
    const result = linkscale(["analyze", gexf, "--config", limited, "--out", folder, "-q"]);
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(join(folder, "report.json"), "utf8"));
    expect(Object.keys(report.results)).toEqual(["counts", "tripleHelix"]);
    expect(report.results.tripleHelix.mutualInformation).toBeNull();
    expect(report.notes).toEqual(["tripleHelix: the input has no participations, so T(UIG) over projects is not computed"]);
  });
});
