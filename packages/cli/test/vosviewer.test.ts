/**
 * VOSviewer's formats on the command line: convert writes VOSviewer Online's JSON and VOSviewer's
 * map and network files (a folder of two, as CSV is), and validate reads them back, the map and
 * network files as one network. The written files are the golden files of
 * packages/io/test/formats/out, byte for byte. No VOSviewer runs here (it needs Java, which may
 * not be downloaded), so opening these files in VOSviewer is left to a person.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkscale, REPO } from "./run.ts";

const FIXTURE = "packages/io/test/formats/in";
const golden = (name: string) => readFileSync(join(REPO, "packages/io/test/formats/out", name), "utf8");
const CLUSTER_RULE =
  "VOSviewer: each item's cluster (VOSviewer's own clustering, numbered 1 to 1000) is read as vosCluster, not as cluster, which in linkscale names an organisation's innovation cluster";

describe("linkscale convert and validate with VOSviewer's formats", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-vosviewer-"));

  it("writes VOSviewer Online's JSON with --to vosviewer-json, which validate reads back", () => {
    const out = join(dir, "network.json");
    const run = linkscale(["convert", FIXTURE, out, "--to", "vosviewer-json", "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(golden("fixture.vosviewer.json"));
    const back = JSON.parse(linkscale(["validate", out, "--json", "--quiet"]).stdout);
    expect([back.organisations, back.links, back.rejectedRows]).toEqual([6, 7, []]);
    expect(back.rules).toContain(`${out}: ${CLUSTER_RULE}`);
    expect(back.byType).toEqual({ firm: 1, government: 1, intermediary: 1, other: 1, research: 1, university: 1 });
  });

  it("writes the map and network files as a folder with --to vosviewer; validate reads the pair, or the folder, as one network", () => {
    const out = join(dir, "vosviewer");
    expect(linkscale(["convert", FIXTURE, out, "--to", "vosviewer", "--quiet"]).status).toBe(0);
    const map = join(out, "map.txt");
    const network = join(out, "network.txt");
    expect(readFileSync(map, "utf8")).toBe(golden("fixture.vosviewer-map.txt"));
    expect(readFileSync(network, "utf8")).toBe(golden("fixture.vosviewer-network.txt"));
    for (const paths of [[map, network], [network, map], [out]]) {
      const run = linkscale(["validate", ...paths, "--json", "--quiet"]);
      expect(run.status).toBe(0);
      const back = JSON.parse(run.stdout);
      expect([back.organisations, back.links, back.rejectedRows]).toEqual([6, 7, []]);
      expect(back.files).toEqual([{ file: `${map} + ${network}`, rowsRead: 13, accepted: 13, rejected: 0 }]);
      expect(back.rules).toEqual([`${map} + ${network}: ${CLUSTER_RULE}`]);
    }
  });

  it("prints each rejected line of a map and network file with its own file and line, and exits 1", () => {
    const map = join(dir, "bad-map.txt");
    const network = join(dir, "bad-network.txt");
    writeFileSync(map, "id\tlabel\tx\ty\n1\tAcme\t0.5\t0.5\n2\tUni\tleft\t0.1\n3\tLab\t0.2\t0.3\n");
    writeFileSync(network, "1\t3\t2\n1\t3\t1\t4\n1\t9\t1\n3\t1\tstrong\n");
    const run = linkscale(["validate", map, network, "--quiet"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${map}:3: column "x": must be a number (was "left")`);
    expect(run.stdout).toContain(`${network}:2: has 4 fields: a network file line is two ids and optionally a strength`);
    expect(run.stdout).toContain(`${network}:3: no node "9" in the file`);
    expect(run.stdout).toContain(`${network}:4: column "strength": must be a number (was "strong")`);
    expect(run.stdout).toMatch(/bad-map\.txt \+ \S*bad-network\.txt\s+7 rows read: 3 accepted, 4 rejected/);
  });

  it("refuses a file where VOSviewer's folder goes, writing nothing", () => {
    const out = join(dir, "taken.txt");
    writeFileSync(out, "mine");
    const run = linkscale(["convert", FIXTURE, out, "--to", "vosviewer", "--force", "--quiet"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`linkscale: ${out} is a file: VOSviewer is written as a folder of its map and network files; nothing written\n`);
    expect(readFileSync(out, "utf8")).toBe("mine");
  });
});
