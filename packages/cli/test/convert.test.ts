import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadFiles, writeGexf, writeGraphml } from "@linkscale/io";
import { describe, expect, it } from "vitest";
import { linkscale } from "./run.ts";

describe("linkscale convert", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-convert-"));

  it("writes the projected organisation network of participations, and reads it back the same", () => {
    const gexf = join(dir, "semiconductor.gexf");
    const run = linkscale(["convert", "datasets/semiconductor-ev", gexf, "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const back = JSON.parse(linkscale(["validate", gexf, "--json", "--quiet"]).stdout);
    // Expected: datasets/semiconductor-ev/reference/counts.json (765 organisations, 38,733 links).
    expect([back.organisations, back.links, back.rejectedRows]).toEqual([765, 38733, []]);
  });

  it("streams GEXF and GraphML from the typed-array graph: the same text as the writers give graphology's graph", () => {
    const folder = "datasets/semiconductor-ev";
    const texts = ["organisations.csv", "participations.csv"].map((name) => ({ name: `${folder}/${name}`, text: readFileSync(join(folder, name), "utf8") }));
    const loaded = loadFiles(texts);
    if (loaded.form !== "tables") throw new Error("expected tables");
    for (const [extension, write] of [["gexf", writeGexf], ["graphml", writeGraphml]] as const) {
      const out = join(dir, `streamed.${extension}`);
      expect(linkscale(["convert", folder, out, "--quiet"]).status).toBe(0);
      expect(readFileSync(out, "utf8"), extension).toBe(write(loaded.dataset.graph));
    }
  });

  it("leaves nothing behind when the network cannot be written as the format asks", () => {
    writeFileSync(join(dir, "bell.csv"), "source,target\nbell\u0007,b\n");
    const out = join(dir, "bell.graphml");
    const run = linkscale(["convert", "--links", join(dir, "bell.csv"), out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${out}: cannot be written as graphml:`);
    expect(readdirSync(dir).filter((name) => name.startsWith("bell.graphml"))).toEqual([]);
  });

  it("writes CSV as a folder of two tables that validate reads back", () => {
    const out = join(dir, "csv");
    expect(linkscale(["convert", "datasets/semiconductor-ev", out, "--counting", "fractional", "--quiet"]).status).toBe(0);
    expect(readFileSync(join(out, "links.csv"), "utf8").split("\n", 1)[0]).toBe("source,target,weight,projectCount,firstYear,lastYear");
    const back = JSON.parse(linkscale(["validate", out, "--json", "--quiet"]).stdout);
    expect([back.organisations, back.links]).toEqual([765, 38733]);
  });

  it("never overwrites a file it did not create without --force", () => {
    const target = join(dir, "mine.graphml");
    writeFileSync(target, "precious");
    const run = linkscale(["convert", "datasets/semiconductor-ev", target, "--quiet"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`linkscale: ${target} already exists: nothing written (--force overwrites)\n`);
    expect(readFileSync(target, "utf8")).toBe("precious");
    expect(linkscale(["convert", "datasets/semiconductor-ev", target, "--force", "--quiet"]).status).toBe(0);
    expect(readFileSync(target, "utf8")).toContain("<graphml");
  });

  it("writes nothing when rows were rejected, unless asked", () => {
    writeFileSync(join(dir, "bad.csv"), "source,target,weight\na,b,1\na,c,-1\n");
    const out = join(dir, "bad.net");
    const run = linkscale(["convert", "--links", join(dir, "bad.csv"), out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(dir, "bad.csv")}:3: column "weight": must be positive (was -1)`);
    expect(existsSync(out)).toBe(false);
    expect(linkscale(["convert", "--links", join(dir, "bad.csv"), out, "--allow-rejects", "--quiet"]).status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^\*Vertices 2/);
  });

  it("exits 2, writing nothing, on a folder with no table it can read", () => {
    const folder = join(dir, "unknown");
    mkdirSync(folder);
    writeFileSync(join(folder, "notes.csv"), "colour,shape\nred,round\n");
    const out = join(dir, "unknown.gexf");
    const run = linkscale(["convert", folder, out, "-q"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`linkscale: no table linkscale can read in the input; skipped:\n  ${join(folder, "notes.csv")}: not a table linkscale knows (header: colour, shape)\n`);
    expect(run.stderr).toContain("--map field=column");
    expect(existsSync(out)).toBe(false);
  });

  it("names an output format it cannot tell", () => {
    const run = linkscale(["convert", "datasets/semiconductor-ev", join(dir, "out.xlsx")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot tell the output format from ".xlsx"');
  });

  it("has --help", () => {
    const run = linkscale(["convert", "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: linkscale convert");
  });

  it("writes the administrative region derived from coordinates as an admin1 column with --admin1", { timeout: 60_000 }, () => {
    const out = join(dir, "admin1");
    const run = linkscale(["convert", "datasets/semiconductor-ev", out, "--admin1"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("admin1: 713 of 765 organisations placed in 174 regions");
    const rows = readFileSync(join(out, "organisations.csv"), "utf8").split("\n");
    expect(rows[0]).toBe("id,name,type,country,city,lat,lon,admin1");
    // Siemens Industry Software, Eindhoven: Noord-Brabant, NL-NB in ISO 3166-2:NL.
    expect(rows.find((row) => row.startsWith("891270824,"))).toMatch(/,NL-NB$/);
  });
});
