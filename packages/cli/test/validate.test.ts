import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkscale, REPO } from "./run.ts";

describe.each(["semiconductor-ev", "h2020-health"])("linkscale validate datasets/%s", (name) => {
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
  writeFileSync(join(dir, "orgs.csv"), "id,name,type,country\n1,Acme,firm,DE\n2,Uni,uni,FR\n3,Lab,research,UK\n");
  writeFileSync(join(dir, "links.csv"), "source,target,weight\n1,3,2\n1,9,1\n");

  it("prints each rejected row with file, row, column and reason, and exits 1", () => {
    const run = linkscale(["validate", join(dir, "orgs.csv"), join(dir, "links.csv"), "--quiet"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${join(dir, "orgs.csv")}:3: column "type": must be "firm", "government", "intermediary", "other", "research" or "university" (was "uni")`);
    expect(run.stdout).toContain(`${join(dir, "orgs.csv")}:4: column "country": must be an ISO 3166-1 alpha-2 country code: GB`);
    // Organisation 3 was rejected, so the link to it names an unknown organisation.
    expect(run.stdout).toContain(`${join(dir, "links.csv")}:2: column "target": organisation "3" is not in the organisation table`);
    expect(run.stdout).toContain(`${join(dir, "links.csv")}:3: column "target": organisation "9" is not in the organisation table`);
    expect(run.stdout).toMatch(/orgs\.csv\s+3 rows read: 1 accepted, 2 rejected/);
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

  it("shows progress on stderr and the summary on stdout", () => {
    const run = linkscale(["validate", "datasets/semiconductor-ev"]);
    expect(run.stderr).toContain("reading datasets/semiconductor-ev/participations.csv");
    expect(run.stdout).not.toContain("reading");
    expect(run.stdout).toContain("organisations  765");
  });
});
