import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkscale } from "./run.ts";

// Issue 16 as a user meets it: a participation table whose organisations describe themselves
// partly. A and B: DE, in MUENCHEN and München (one city); C: FR, Lyon; D: Lyon, no country.
// Types: A firm, B university, C and D unknown. Projects P1 = {A, B}, P2 = {A, C, D}, P3 = {B, C}.
// Links (full counting): A–B (P1), A–C, A–D, C–D (P2), B–C (P3).
const TABLE = [
  "project,org,country,city,type,year",
  "P1,A,DE,MUENCHEN,firm,2015",
  "P1,B,DE,München,university,2015",
  "P2,A,DE,MUENCHEN,firm,2016",
  "P2,C,FR,Lyon,,2016",
  "P2,D,,Lyon,,2016",
  "P3,B,DE,München,university,2017",
  "P3,C,FR,Lyon,,2017",
].join("\n");

describe("linkscale analyze on organisations that are partly unknown", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-unknowns-"));
  const table = join(dir, "participations.csv");
  writeFileSync(table, TABLE + "\n");
  const config = join(dir, "linkscale.json");
  writeFileSync(config, JSON.stringify({ sections: ["counts", "scales", "openness", "brokerage", "tripleHelix"], permutations: 0 }));
  const out = join(dir, "report");
  const run = linkscale(["analyze", table, "--config", config, "--out", out, "-q"]);
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));

  it("runs", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("answers local from the same city and names the rule on the scale table", () => {
    // A–B: MUENCHEN = München, local by city. C–D: D has no country, so no city key and no
    // country: unknown, never local or transnational. A–C, B–C: DE–FR, transnational. A–D: unknown.
    expect(report.results.scales.network.counts).toEqual({ local: 1, national: 0, transnational: 2, unknown: 2 });
    expect(run.stdout).toMatch(/\n {2}local +city +1 +region unknown at an end; same city/);
    expect(run.stdout).toMatch(/places known \(organisations\): region 0, country 3, city 3 of 4/);
  });

  it("leaves D out of openness by country, counting it, and never makes a group 'unknown'", () => {
    const { ei, mixing } = report.results.openness.country;
    // DE: I = A–B; E = A–C, B–C; A–D left out. E-I = (2 − 1)/3.
    expect(ei.byGroup.DE.counted).toEqual({ E: 2, I: 1, EI: 1 / 3, ratio: 2 });
    expect(ei.byGroup.DE.excluded).toEqual({ links: 1, weight: 1 });
    expect(Object.keys(ei.byGroup)).toEqual(["DE", "FR"]);
    expect(ei.excluded).toMatchObject({ organisations: 1, links: 2 }); // A–D, C–D
    expect(mixing.groups).toEqual(["DE", "FR"]);
    expect(run.stdout).toContain("left out: 1 organisation without a country and 2 links");
  });

  it("says n/a (why) where a value is not defined, and null in report.json", () => {
    // By type, only A (firm) and B (university) are typed: one link, A–B, between types: E-I 1.
    // T: P2 and P3 have participants of unknown type, so only P1 is counted, where U and I are
    // both present: every helix constant (G in no project), every T 0.
    const helix = report.results.tripleHelix.mutualInformation;
    expect(helix.counted).toBe(1);
    expect(helix.excluded.projects).toBe(2);
    expect(helix.constant).toEqual({ U: "every project", I: "every project", G: "no project" });
    expect(run.stdout).toContain("every project has a university: H(U) = 0, so T(UIG), T(UI), T(UG) are 0 by construction");
    // Brokerage by type among A and B alone: no two-path, every role's variance 0.
    expect(report.results.brokerage.roles.type.network.z.t).toBeNull();
    expect(run.stdout).toContain("(z n/a (zero variance))");
  });
});
