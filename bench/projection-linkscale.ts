// One run of linkscale's loader and projection on the full H2020 participations, in its own
// process so its peak memory is its own. Prints one JSON line; run by projection.ts.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { readCordisParticipationsCsv, assembleDataset } from "@linkscale/io";
import { H2020_PARTICIPATIONS } from "./shared.ts";

const counting = process.argv[2] === "fractional" ? "fractional" : "full";
const start = performance.now();
const text = gunzipSync(readFileSync(H2020_PARTICIPATIONS)).toString("utf8");
const load = readCordisParticipationsCsv(text, { file: "h2020.csv" });
const read = performance.now();
const { graph } = assembleDataset({ participations: [load] }, { counting });
const end = performance.now();
console.log(
  JSON.stringify({
    participations: load.accepted.length,
    organisations: graph.order,
    links: graph.size,
    readSeconds: (read - start) / 1000,
    projectSeconds: (end - read) / 1000,
    peakMB: process.resourceUsage().maxRSS / 1024,
  }),
);
