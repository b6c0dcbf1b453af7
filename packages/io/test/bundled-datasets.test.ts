// The bundled datasets loaded as `linkscale validate` loads them, checked against the independent
// reference scripts beside each dataset:
// - datasets/reference/projection.py datasets/<name> (NetworkX bipartite.weighted_projected_graph and
//   bipartite.collaboration_weighted_projected_graph) wrote reference/projection.csv.gz;
// - datasets/reference/counts.py datasets/<name> (python3, csv module) wrote reference/counts.json.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readOrganisationsCsv, readParticipationsCsv } from "../src/csv/read.ts";
import { assembleDataset } from "../src/dataset.ts";

const datasets = fileURLToPath(new URL("../../../datasets/", import.meta.url));
const read = (path: string) => readFileSync(datasets + path);

function load(name: string, counting: "full" | "fractional") {
  const organisations = readOrganisationsCsv(read(`${name}/organisations.csv`).toString("utf8"), { file: "organisations.csv" });
  const participations = readParticipationsCsv(read(`${name}/participations.csv`).toString("utf8"), { file: "participations.csv" });
  return assembleDataset({ organisations: [organisations], participations: [participations] }, { counting });
}

describe.each(["semiconductor-ev", "h2020-health", "h2020-eastasia"])("%s", (name) => {
  const reference = gunzipSync(read(`${name}/reference/projection.csv.gz`)).toString("utf8").trim().split("\n").slice(1);

  it.each(["full", "fractional"] as const)("%s counting equals NetworkX's projection edge for edge to 1e-12", (counting) => {
    const { graph, tables } = load(name, counting);
    expect(tables.flatMap((t) => t.rejected)).toEqual([]);
    expect(graph.size).toBe(reference.length);
    let largestDifference = 0;
    for (const line of reference) {
      const [source, target, full, fractional] = line.split(",") as [string, string, string, string];
      const expected = Number(counting === "full" ? full : fractional);
      const actual = graph.getEdgeAttribute(source, target, "weight");
      largestDifference = Math.max(largestDifference, Math.abs(actual - expected));
      if (!(Math.abs(actual - expected) <= 1e-12)) expect.fail(`${source}–${target}: ${actual} ≠ ${expected}`);
    }
    expect(largestDifference).toBeLessThanOrEqual(1e-12);
  });

  it("keeps every organisation, isolated ones included, as counts.py counts them", () => {
    const counts = JSON.parse(read(`${name}/reference/counts.json`).toString("utf8")) as { organisations: number; isolated: number };
    const { graph } = load(name, "full");
    expect(graph.order).toBe(counts.organisations);
    expect(graph.filterNodes((node) => graph.degree(node) === 0)).toHaveLength(counts.isolated);
  });
});
