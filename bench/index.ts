/**
 * `npm run bench`: speed and memory on the full Horizon 2020 data from ../shared/data, beside the
 * peer tools (NetworkX and igraph, via Debian's python3) in the same run. Results on stdout,
 * progress on stderr. Never part of `npm test`. `npm run bench -- projection` runs one suite.
 */
import { benchBrokerage } from "./brokerage.ts";
import { benchCentrality } from "./centrality.ts";
import { benchClusters } from "./clusters.ts";
import { benchFormats } from "./formats.ts";
import { benchProjection } from "./projection.ts";
import { benchSampledBetweenness } from "./sampled-betweenness.ts";
import { benchScale } from "./scale.ts";
import { benchScales } from "./scales.ts";
import { benchStages } from "./stages.ts";
import { benchStartup } from "./startup.ts";
import { benchViewer } from "./viewer.ts";

const SUITES: Record<string, () => void | Promise<void>> = {
  projection: benchProjection,
  "sampled-betweenness": benchSampledBetweenness,
  centrality: benchCentrality,
  scales: benchScales,
  brokerage: benchBrokerage,
  clusters: benchClusters,
  stages: benchStages,
  startup: benchStartup,
  viewer: benchViewer,
  formats: benchFormats,
  scale: benchScale,
};

const chosen = process.argv.slice(2);
for (const name of chosen.length > 0 ? chosen : Object.keys(SUITES)) {
  const suite = SUITES[name];
  if (suite === undefined) throw new Error(`no benchmark "${name}"; there are: ${Object.keys(SUITES).join(", ")}`);
  await suite();
}
