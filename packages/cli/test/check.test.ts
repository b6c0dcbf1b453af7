import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkscale } from "./run.ts";

describe("linkscale check", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-check-"));
  // The dataset as link tables, so that one link's weight can be perturbed.
  const links = join(dir, "links");
  expect(linkscale(["convert", "datasets/semiconductor-ev", links, "-q"]).status).toBe(0);
  const baseline = join(dir, "baseline.json");
  // 50 permutations, kept in the baseline's config, so that every check of it below runs them, not 1000.
  const config = join(dir, "linkscale.json");
  writeFileSync(config, JSON.stringify({ permutations: 50 }));
  const written = linkscale(["check", links, "--expected", baseline, "--write-expected", "--config", config, "-q"]);

  it("writes a baseline from a run and refuses to overwrite it without --force", () => {
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`wrote ${baseline}\n`);
    const before = readFileSync(baseline, "utf8");
    const again = linkscale(["check", links, "--expected", baseline, "--write-expected", "-q"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`linkscale: ${baseline} already exists: nothing written (--force overwrites)\n`);
    expect(readFileSync(baseline, "utf8")).toBe(before);
  });

  it("passes, exit 0, when nothing changed", () => {
    const run = linkscale(["check", links, "--expected", baseline, "-q"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/all \d+ values in \d+ metrics hold\n$/);
  });

  it("fails, exit 1, naming the exact metric and key, when one link's weight is perturbed", () => {
    const perturbed = join(dir, "perturbed");
    expect(linkscale(["convert", "datasets/semiconductor-ev", perturbed, "-q"]).status).toBe(0);
    const table = readFileSync(join(perturbed, "links.csv"), "utf8").split("\n");
    const [source, target, weight, ...rest] = (table[1] as string).split(",");
    table[1] = [source, target, Number(weight) + 1, ...rest].join(",");
    writeFileSync(join(perturbed, "links.csv"), table.join("\n"));

    const junit = join(dir, "check.xml");
    const run = linkscale(["check", perturbed, "--expected", baseline, "--junit", junit, "-q"]);
    expect(run.status).toBe(1);
    // Strength is the sum of link weights: each end's rises by exactly 1.
    for (const end of [source as string, target as string]) {
      expect(run.stdout).toContain(`centrality.measures.strength [${end}]: expected ${strengthOf(links, end)}, actual ${strengthOf(links, end) + 1}`);
    }
    expect(run.stdout).toContain("DRIFT scales.network:");
    expect(run.stdout).toContain("ok    centrality.measures.degree: 765 of 765 hold"); // degree does not see weights
    const xml = readFileSync(junit, "utf8");
    expect(xml).toContain('<testcase classname="' + baseline + '" name="centrality.measures.strength">');
    expect(xml).toContain("<failure message=\"2 of 765 values drifted\">");

    const json = JSON.parse(linkscale(["check", perturbed, "--expected", baseline, "--json", "-q"]).stdout);
    expect(json.passed).toBe(false);
    const strength = json.metrics.find((m: { metric: string }) => m.metric === "centrality.measures.strength");
    expect(strength.drifts.map((d: { key: string }) => d.key).sort()).toEqual([source, target].sort());
  });

  it("refuses a malformed expected file, exit 2, with the path to the fault", () => {
    const cases: Array<[unknown, string]> = [
      [{ metrics: { "centrality.measures.pagerank": { expected: { A: "high" } } } }, 'metrics["centrality.measures.pagerank"].expected["A"]: must be a number, null or an object of them (was "high")'],
      [{ metrics: { "colour.red": { expected: 1 } } }, 'metrics["colour.red"]: the first segment must be a section'],
      [{ metrics: { "counts.links": { expected: 1, tolerance: { absolute: -1 } } } }, `metrics["counts.links"].tolerance.absolute must be non-negative (was -1)`],
      [{ metrics: {} }, "metrics: lists no metric"],
      [{ metrics: { "counts.links": { value: 1 } } }, "expected must be present"],
    ];
    for (const [content, message] of cases) {
      const file = join(dir, "bad.json");
      writeFileSync(file, JSON.stringify(content));
      const run = linkscale(["check", links, "--expected", file, "-q"]);
      expect(run.status, message).toBe(2);
      expect(run.stderr).toContain(`linkscale: ${file}: `);
      expect(run.stderr).toContain(message);
    }
    writeFileSync(join(dir, "broken.json"), "{ not json");
    expect(linkscale(["check", links, "--expected", join(dir, "broken.json"), "-q"]).status).toBe(2);
  });

  it("never overwrites a JUnit file it did not write", () => {
    const mine = join(dir, "mine.xml");
    writeFileSync(mine, "<results/>");
    const run = linkscale(["check", links, "--expected", baseline, "--junit", mine, "-q"]);
    expect(run.status).toBe(2);
    expect(readFileSync(mine, "utf8")).toBe("<results/>");
    expect(existsSync(mine)).toBe(true);
  });
});

describe("linkscale check --allow-rejects", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-check-rejects-"));
  // Hand-made: rows 4 and 7 repeat rows 2 and 6. Kept: P1 = {A, B}, P2 = {A, C}, so 3
  // organisations and 2 links (A–B, A–C); 6 rows read, 2 rejected.
  const table = join(dir, "participations.csv");
  writeFileSync(table, "project,org\nP1,A\nP1,B\nP1,A\nP2,A\nP2,C\nP2,C\n");
  const expected = join(dir, "expected.json");
  writeFileSync(expected, JSON.stringify({ metrics: { "counts.organisations": { expected: 3 }, "counts.links": { expected: 2 } } }));
  const note = `input: 2 of 6 rows rejected (2 duplicate rows: the first kept), left out; run \`linkscale validate ${table}\` to list them`;

  it("refuses rejected rows without the flag, exit 2", () => {
    const run = linkscale(["check", table, "--expected", expected, "-q"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("linkscale: 2 of 6 rows rejected (2 duplicate rows: the first kept): nothing checked; ");
    expect(run.stderr).toContain("--allow-rejects");
  });

  it("checks the accepted rows with the flag, printing the note first and in --json", () => {
    const run = linkscale(["check", table, "--expected", expected, "--allow-rejects", "-q"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith(`note: ${note}\n`)).toBe(true);
    expect(run.stdout).toMatch(/all 2 values in 2 metrics hold\n$/);
    const json = JSON.parse(linkscale(["check", table, "--expected", expected, "--allow-rejects", "--json", "-q"]).stdout);
    expect([json.passed, json.notes]).toEqual([true, [note]]);
  });

  it("writes a baseline from the accepted rows with the flag, saying so", () => {
    const baseline = join(dir, "baseline.json");
    const run = linkscale(["check", table, "--expected", baseline, "--write-expected", "--allow-rejects", "-q"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`note: ${note}\nwrote ${baseline}\n`);
    expect(JSON.parse(readFileSync(baseline, "utf8")).metrics["counts.links"]).toEqual({ expected: 2 });
  });
});

/** An organisation's strength in the converted links table, summed here from the CSV. */
function strengthOf(folder: string, id: string): number {
  return readFileSync(join(folder, "links.csv"), "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .filter(([s, t]) => s === id || t === id)
    .reduce((sum, [, , w]) => sum + Number(w), 0);
}

describe.each(["semiconductor-ev", "h2020-health", "h2020-eastasia"])("the bundled dataset %s", (name) => {
  it("holds every value of its expected.json (numbers from the independent reference scripts)", () => {
    const run = linkscale(["check", `datasets/${name}`, "--expected", `datasets/${name}/expected.json`, "-q"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/all \d+ values in \d+ metrics hold\n$/);
    expect(run.status).toBe(0);
  });
});
