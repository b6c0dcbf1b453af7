/** The networks benchmarks run on, loaded as the CLI loads them. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { AllianceGraph } from "@linkscale/core";
import { assembleDataset, readCordisParticipationsCsv, readOrganisationsCsv, readParticipationsCsv } from "@linkscale/io";
import { H2020_PARTICIPATIONS } from "./shared.ts";

/** The full Horizon 2020 organisation network: 35,871 organisations, 796,670 links. */
export function fullH2020(): AllianceGraph {
  const text = gunzipSync(readFileSync(H2020_PARTICIPATIONS)).toString("utf8");
  return assembleDataset({ participations: [readCordisParticipationsCsv(text, { file: "h2020.csv" })] }).graph;
}

/** A bundled dataset (datasets/<name>), full counting. */
export function bundled(name: string): AllianceGraph {
  const folder = fileURLToPath(new URL(`../datasets/${name}/`, import.meta.url));
  const organisations = readOrganisationsCsv(readFileSync(folder + "organisations.csv", "utf8"), { file: "organisations.csv" });
  const participations = readParticipationsCsv(readFileSync(folder + "participations.csv", "utf8"), { file: "participations.csv" });
  return assembleDataset({ organisations: [organisations], participations: [participations] }).graph;
}
