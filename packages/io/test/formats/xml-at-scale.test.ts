/**
 * GEXF and GraphML at the size of a real network (issue 20: the readers built a DOM of the whole
 * file and ran out of memory on Horizon 2020's). The bundled h2020-health network, projected as
 * `linkscale validate` projects it (3,995 organisations, 84,857 links: the counts of
 * datasets/h2020-health/reference/counts.json, written by counts.py), is written by linkscale and
 * read back through the streaming readers: it must come back equal, node for node and link for
 * link, every attribute with its type.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readOrganisationsCsv, readParticipationsCsv } from "../../src/csv/read.ts";
import { assembleDataset } from "../../src/dataset.ts";
import { readGexf, writeGexf } from "../../src/formats/gexf.ts";
import { readGraphml, writeGraphml } from "../../src/formats/graphml.ts";
import { contents } from "./fixture.ts";

const folder = fileURLToPath(new URL("../../../../datasets/h2020-health/", import.meta.url));

function healthNetwork() {
  const text = (name: string) => readFileSync(folder + name, "utf8");
  const organisations = readOrganisationsCsv(text("organisations.csv"), { file: "organisations.csv" });
  const participations = readParticipationsCsv(text("participations.csv"), { file: "participations.csv" });
  return assembleDataset({ organisations: [organisations], participations: [participations] }, { counting: "full" }).graph;
}

describe("GEXF and GraphML of a real network with 84,857 links", () => {
  const graph = healthNetwork();
  const expected = contents(graph);

  it.each([
    ["network.gexf", writeGexf, readGexf],
    ["network.graphml", writeGraphml, readGraphml],
  ] as const)("%s: written and read back equal to the original", (file, write, read) => {
    expect([graph.order, graph.size]).toEqual([3995, 84857]);
    const load = read(write(graph), { file });
    expect(load.error).toBeUndefined();
    expect(load.rejected).toEqual([]);
    expect([load.nodesRead, load.linksRead]).toEqual([3995, 84857]);
    expect(contents(load.graph)).toStrictEqual(expected);
  });
});
