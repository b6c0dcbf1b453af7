// The cluster network by country and by city, and the geographic clusters, on the bundled
// datasets against datasets/<name>/reference/clusters.json.gz, written by
// datasets/reference/clusters.py: pandas group-bys for the networks, scikit-learn's DBSCAN with
// the haversine metric for the geographic clusters, computed from the definitions and
// never from this code. Counts must be equal, weights equal to 1e-12; DBSCAN's labels equal up
// to renaming.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cityClusters } from "../../src/clusters/city-clusters.ts";
import { clusterNetwork } from "../../src/clusters/cluster-network.ts";
import { geographicClusters } from "../../src/clusters/geographic.ts";
import type { GroupBy } from "../../src/groups/group-index.ts";
import type { AnyGraph } from "../../src/model/graph.ts";
import { bundledDataset, datasetFolder } from "../bundled.ts";
import { asReference, close, expectSamePartition, type Reference } from "./reference-shape.ts";

describe.each(["semiconductor-ev", "h2020-health", "h2020-eastasia"])("%s", (dataset) => {
  const reference = JSON.parse(gunzipSync(readFileSync(datasetFolder(dataset) + "reference/clusters.json.gz")).toString("utf8")) as Reference;
  let graph: AnyGraph;
  const network = (groupBy: GroupBy) => asReference(clusterNetwork((graph ??= bundledDataset(dataset)), { groupBy }));

  it("has the reference's cluster network by country", () => {
    expect(close(network("country"))).toEqual(close(reference.byCountry));
  });

  it("has the reference's cluster network by city", () => {
    graph ??= bundledDataset(dataset);
    expect(close(network(cityClusters(graph)))).toEqual(close(reference.byCity));
  });

  it.each(Object.keys(reference.geo))("has scikit-learn's DBSCAN clusters at %s, up to renaming", (key) => {
    graph ??= bundledDataset(dataset);
    const [, km, minSize] = /^(.+)km-(\d+)$/.exec(key) as RegExpExecArray;
    const ours = geographicClusters(graph, { radiusKm: Number(km), minSize: Number(minSize) });
    const { labels, withCoordinates, sharedPoint, noise, clusters } = reference.geo[key] as Reference["geo"][string];
    expect([ours.withCoordinates, ours.sharedPoint, ours.noise, Object.keys(ours.clusters).length]).toEqual([withCoordinates, sharedPoint, noise, clusters]);
    expectSamePartition(ours.membership, labels);
  });
});
