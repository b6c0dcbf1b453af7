import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkscale } from "./run.ts";

// A participation table with two duplicate rows, worked by hand. P1: A, B, and A again (row 4);
// P2: A, C, and C again (row 7). The first row of each is kept, so the network is A–B (P1) and
// A–C (P2): 3 organisations, 2 links; 6 rows read, 2 rejected.
const DUPLICATES = "project,org\nP1,A\nP1,B\nP1,A\nP2,A\nP2,C\nP2,C\n";
const NOTE = (file: string) => `input: 2 of 6 rows rejected (2 duplicate rows: the first kept), left out; run \`linkscale validate ${file}\` to list them`;

describe("linkscale analyze --allow-rejects", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-allow-rejects-"));
  const table = join(dir, "participations.csv");
  writeFileSync(table, DUPLICATES);
  const config = join(dir, "linkscale.json");
  // Only the cheap sections: the input, not the metrics, is under test.
  writeFileSync(config, JSON.stringify({ sections: ["counts"] }));

  it("refuses rejected rows without the flag, exit 2, writing nothing and saying how to go on", () => {
    const out = join(dir, "refused");
    const run = linkscale(["analyze", table, "--config", config, "--out", out, "-q"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `linkscale: 2 of 6 rows rejected (2 duplicate rows: the first kept): nothing analysed; run \`linkscale validate ${table}\` to list them, or give --allow-rejects to go on with the accepted rows\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("analyses the accepted rows with the flag, the report's notes carrying the count and where to see them", () => {
    const out = join(dir, "report");
    const run = linkscale(["analyze", table, "--config", config, "--out", out, "--allow-rejects", "-q"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`\nnote: ${NOTE(table)}\n`);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.notes[0]).toBe(NOTE(table));
    expect([report.results.counts.organisations, report.results.counts.links]).toEqual([3, 2]);
  });

  it("names the --map of the run in the validate command it points to", () => {
    const mine = join(dir, "mine.csv");
    writeFileSync(mine, DUPLICATES.replace("project,org", "Project Key,orgKey"));
    const run = linkscale(["analyze", mine, "--map", "project=Project Key", "org=orgKey", "--config", config, "--out", join(dir, "mine"), "--allow-rejects", "--json", "-q"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).notes[0]).toBe(
      `input: 2 of 6 rows rejected (2 duplicate rows: the first kept), left out; run \`linkscale validate ${mine} --map 'project=Project Key' org=orgKey\` to list them`,
    );
  });

  it("counts rows rejected for a bad value apart from duplicates", () => {
    const mixed = join(dir, "mixed.csv");
    // Row 3: a year that is no number; row 4 repeats row 2.
    writeFileSync(mixed, "project,org,year\nP1,A,2015\nP1,B,soon\nP1,A,2015\nP1,C,2015\n");
    const run = linkscale(["analyze", mixed, "--config", config, "--out", join(dir, "mixed"), "--allow-rejects", "--json", "-q"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).notes[0]).toBe(
      `input: 2 of 4 rows rejected (1 duplicate row: the first kept; 1 with a bad value in column year), left out; run \`linkscale validate ${mixed}\` to list them`,
    );
  });
});
