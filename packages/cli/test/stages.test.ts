// The stages section of `linkscale analyze`: windows from --stages or linkscale.json, the values
// against datasets/semiconductor-ev/reference/stages.json (datasets/reference/stages.py: NetworkX,
// scipy, scikit-learn), input given as links, and bad windows refused with where and why.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkscale, REPO } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "linkscale-stages-"));
const write = (name: string, value: unknown) => {
  writeFileSync(join(dir, name), JSON.stringify(value));
  return join(dir, name);
};
const config = write("linkscale.json", { permutations: 0, sections: ["stages"] });
const analyze = (args: string[]) => {
  const run = linkscale(["analyze", ...args, "--out", join(dir, "out"), "-q"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return { stdout: run.stdout, stages: JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8")).results.stages };
};
const reference = JSON.parse(readFileSync(join(REPO, "datasets/semiconductor-ev/reference/stages.json"), "utf8"));

describe("linkscale analyze: stages", () => {
  it("measures yearly windows as the reference does, and prints them", () => {
    const { stdout, stages } = analyze(["datasets/semiconductor-ev", "--config", config, "--stages", "yearly"]);
    const expected = reference.windowings.yearly;
    expect(stages.windows.map((w: { name: string; organisations: number; links: number }) => [w.name, w.organisations, w.links])).toEqual(
      expected.windows.map((w: { name: string; organisations: number; links: number }) => [w.name, w.organisations, w.links]),
    );
    expect(stages.changes.map((c: { persistence: number | null }) => c.persistence)).toEqual(expected.changes.map((c: { persistence: number | null }) => c.persistence));
    expect(stdout).toContain("Stages: yearly windows");
    // 2014 has no project: its density is undefined, and the summary says why.
    expect(stdout).toMatch(/^2014 +0 +0 +0 +n\/a \(under 2 organisations\)/m);
  });

  it("takes named stages from linkscale.json", () => {
    const staged = write("staged.json", { permutations: 0, sections: ["stages"], stages: { "start-up": [2013, 2015], development: [2016, 2020] } });
    const { stages } = analyze(["datasets/semiconductor-ev", "--config", staged]);
    expect(stages.windowing).toEqual({ kind: "stages", stages: { "start-up": [2013, 2015], development: [2016, 2020] } });
    expect(stages.windows.map((w: { name: string }) => w.name)).toEqual(["start-up", "development"]);
    expect(stages.changes).toHaveLength(1);
  });

  it("says no window is configured rather than guessing one", () => {
    const { stdout, stages } = analyze(["datasets/semiconductor-ev", "--config", config]);
    expect(stages.windowing).toBeNull();
    expect(stdout).toContain('n/a (no windows are configured: set "stages" in linkscale.json');
  });

  it("cuts a network given as links by the years of its links", () => {
    // a–b in 2014–2016, b–c in 2018, c–d without a year: over 2014–2018, rolling 3 years every 2
    // gives 2014–2016 (a b) and 2016–2018 (a b c: a–b still active in 2016).
    const tables = join(dir, "links");
    mkdirSync(tables, { recursive: true });
    writeFileSync(join(tables, "organisations.csv"), "id,country\na,DE\nb,FR\nc,FR\nd,IT\n");
    writeFileSync(join(tables, "links.csv"), "source,target,weight,firstYear,lastYear\na,b,1,2014,2016\nb,c,2,2018,2018\nc,d,1,,\n");
    const { stages } = analyze([tables, "--config", config, "--stages", "rolling:3,2"]);
    expect(stages.windowing).toEqual({ kind: "rolling", width: 3, step: 2 });
    expect(stages.withoutYear).toEqual({ links: 1 });
    expect(stages.windows.map((w: { name: string; projects: number | null; organisations: number; links: number }) => [w.name, w.projects, w.organisations, w.links])).toEqual([
      ["2014–2016", null, 2, 1],
      ["2016–2018", null, 3, 2],
    ]);
    expect(stages.rules.organisations).toBe("a window's organisations are those with a link in it");
  });

  it("lets check hold stage values, windows and changes by position", () => {
    // semiconductor-ev, yearly: 2013 has 27 organisations and 351 links (reference stages.json).
    const expected = (organisations: number) =>
      write("expected.json", {
        config: { stages: "yearly", sections: ["stages"], permutations: 0 },
        metrics: {
          "stages.windows": { expected: { "0": { organisations, links: 351 } } },
          "stages.changes": { expected: { "2": { persistence: reference.windowings.yearly.changes[2].persistence } }, tolerance: { absolute: 1e-12 } },
        },
      });
    const holds = linkscale(["check", "datasets/semiconductor-ev", "--expected", expected(27), "-q"]);
    expect(holds.status).toBe(0);
    expect(holds.stdout).toContain("all 3 values in 2 metrics hold");
    const drifted = linkscale(["check", "datasets/semiconductor-ev", "--expected", expected(28), "-q"]);
    expect(drifted.status).toBe(1);
    expect(drifted.stdout).toContain("stages.windows");
  });

  it("refuses windows it cannot read, naming where and why", () => {
    const flag = linkscale(["analyze", "datasets/semiconductor-ev", "--config", config, "--stages", "2010-2015", "--out", join(dir, "bad"), "-q"]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('"2010-2015" is not NAME=FROM-TO');
    const reversed = write("reversed.json", { stages: { transformation: [2016, 2012] } });
    const file = linkscale(["analyze", "datasets/semiconductor-ev", "--config", reversed, "--out", join(dir, "bad"), "-q"]);
    expect(file.status).toBe(2);
    expect(file.stderr).toContain(`${reversed}: stages.transformation runs from 2016 to 2012`);
  });
});
