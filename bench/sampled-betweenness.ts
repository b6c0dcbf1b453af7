/**
 * How good is betweenness from k sampled pivots? Spearman's rank correlation with exact
 * betweenness on the bundled h2020-health network, for k = 50, 200, 1000 (seeded pivots).
 */
import { betweenness, seededRandom } from "@linkscale/core";
import { bundled } from "./networks.ts";
import { printTable } from "./table.ts";

/** Ranks with ties averaged, then Pearson's correlation of the ranks. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ranks = (values: readonly number[]) => {
    const order = values.map((value, i) => [value, i] as const).sort((x, y) => x[0] - y[0]);
    const rank = new Float64Array(values.length);
    for (let start = 0; start < order.length; ) {
      let end = start;
      while (end + 1 < order.length && order[end + 1]?.[0] === order[start]?.[0]) end++;
      for (let k = start; k <= end; k++) rank[order[k]?.[1] as number] = (start + end) / 2 + 1;
      start = end + 1;
    }
    return rank;
  };
  const x = ranks(a);
  const y = ranks(b);
  const mean = (v: Float64Array) => v.reduce((s, t) => s + t, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export function benchSampledBetweenness(): void {
  const graph = bundled("h2020-health");
  process.stderr.write("sampled betweenness: exact on h2020-health…\n");
  const exact = betweenness(graph);
  const nodes = Object.keys(exact);
  const rows = [50, 200, 1000].map((k) => {
    const start = performance.now();
    const sampled = betweenness(graph, { samples: k, rng: seededRandom(1) });
    const seconds = (performance.now() - start) / 1000;
    const rho = spearman(
      nodes.map((node) => exact[node] as number),
      nodes.map((node) => sampled[node] as number),
    );
    return [String(k), rho.toFixed(4), seconds.toFixed(2)];
  });
  console.log(`\nSampled betweenness on h2020-health (${graph.order} organisations, ${graph.size} links): Spearman rank correlation with exact`);
  printTable(["pivots k", "Spearman", "seconds"], rows);
}
