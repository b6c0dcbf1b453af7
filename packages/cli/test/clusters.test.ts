// The clusters section of `linkscale analyze`: the grouping "auto" chooses, the ones a user names,
// and data that has nothing to group by. Numbers from datasets/semiconductor-ev/reference/
// clusters.json.gz (datasets/reference/clusters.py: pandas group-bys, scikit-learn's DBSCAN).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { linkscale, REPO } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "linkscale-clusters-"));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const config = write("linkscale.json", JSON.stringify({ permutations: 0, sections: ["clusters"] }));
const clustersOf = (args: string[]) => {
  const run = linkscale(["analyze", ...args, "--config", config, "--out", join(dir, "out"), "-q"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8")).results.clusters;
};

describe("linkscale analyze: clusters", () => {
  it("finds geographic clusters where the data has coordinates and no cluster column", () => {
    const clusters = clustersOf(["datasets/semiconductor-ev"]);
    expect(clusters.grouping.by).toBe("geo");
    expect(clusters.grouping.chosen).toBe("the data has no cluster column; organisations have coordinates");
    // scikit-learn's DBSCAN at 10 km, 5 organisations (geo["10km-5"]): 30 clusters, 454 noise of the 716
    // clustered; 42 at points shared by several cities (a country's centre), 7 without coordinates.
    expect([Object.keys(clusters.clusters).length, clusters.geographic.noise, clusters.geographic.withCoordinates, clusters.geographic.sharedPoint]).toEqual([30, 454, 716, 42]);
    expect(clusters.excluded.organisations).toBe(454 + 42 + 7);
    expect(clusters.positions["PARIS, FR"].located).toBe(clusters.clusters["PARIS, FR"].members);
  });

  it("groups by the attribute --clusters names, with measures and bridges on the cluster network", () => {
    const clusters = clustersOf(["datasets/semiconductor-ev", "--clusters", "country"]);
    expect(clusters.grouping).toEqual({ by: "country", chosen: null, rule: "organisations with the same country form a cluster" });
    // byCountry: 36 clusters, 438 cluster links, nothing excluded.
    expect([Object.keys(clusters.clusters).length, clusters.links.length, clusters.excluded.organisations]).toEqual([36, 438, 0]);
    expect(Object.keys(clusters.centrality.measures.degree)).toHaveLength(36);
    expect(clusters.bridges.length).toBeGreaterThan(0);
    expect(clusters.geographic).toBeNull();
  });

  it("takes geo:KM as the radius of geographic clusters", () => {
    const clusters = clustersOf(["datasets/semiconductor-ev", "--clusters", "geo:50"]);
    expect(clusters.grouping.rule).toContain("within 50 km");
    expect(clusters.geographic.radiusKm).toBe(50);
  });

  it("uses the cluster column where there is one, and leaves out organisations without a cluster", () => {
    const organisations = write("organisations.csv", "id,country,cluster\nA,DE,Munich\nB,DE,Munich\nC,FR,Paris\nD,FR,\n");
    const links = write("links.csv", "source,target,weight\nA,B,1\nA,C,2\nC,D,1\n");
    const clusters = clustersOf(["--nodes", organisations, "--links", links]);
    expect(clusters.grouping).toMatchObject({ by: "cluster", chosen: "the data has a cluster column" });
    expect(clusters.excluded).toMatchObject({ organisations: 1, links: 1, weight: 1 });
    expect(clusters.links).toMatchObject([{ source: "Munich", target: "Paris", links: 1, weight: 2 }]);
  });

  it("says why there are no clusters where the data has nothing to group by", () => {
    const organisations = write("bare.csv", "id,country\nA,DE\nB,FR\n");
    const links = write("bare-links.csv", "source,target,weight\nA,B,1\n");
    expect(clustersOf(["--nodes", organisations, "--links", links])).toEqual({ grouping: null, why: "the data has no cluster column, no coordinates and no cities" });
    const summary = linkscale(["analyze", "--nodes", organisations, "--links", links, "--config", config, "--out", join(dir, "bare"), "-q"]);
    expect(summary.stdout).toContain("Clusters\n--------\nn/a (the data has no cluster column, no coordinates and no cities)\n");
  });

  it("refuses a geo radius that is not a number", () => {
    const run = linkscale(["analyze", "datasets/semiconductor-ev", "--clusters", "geo:far", "-q"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('geo:KM needs a radius in km greater than 0, not "far"');
  });
});

describe("the README's cluster example", () => {
  it("answers which clusters JP collaborates with, at which scale, through whom", () => {
    // Counts from datasets/h2020-eastasia/reference/clusters.json.gz byCountry (clusters.py, pandas):
    // JP has 81 members, 47 internal links and 2310 external links, to 71 countries; GB is its strongest partner.
    const run = spawnSync(process.execPath, ["--import", "tsx", "examples/01-cluster-partners.ts", "datasets/h2020-eastasia", "country", "JP"], { cwd: REPO, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("JP (by country): 81 organisations, 47 links inside, 2310 to 71 other clusters; E-I 0.960");
    expect(lines[2]).toBe("GB: 257 links, weight 282, 2015–2021 (inter-macro-region 257)");
  });
});
