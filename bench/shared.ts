/** Where benchmarks find the real data: ../shared/data beside the checkout, or $LINKSCALE_SHARED. */
import { fileURLToPath } from "node:url";

export const SHARED_DATA = process.env["LINKSCALE_SHARED"] ?? fileURLToPath(new URL("../../shared/data/", import.meta.url));
export const H2020_PARTICIPATIONS = `${SHARED_DATA}/cordis-h2020-participations/h2020.csv.gz`;

/**
 * The linkscale command as its users run it: the bin through its shebang (which sets malloc's
 * threshold, see packages/cli/bin/linkscale.js), not `node bin`, which would skip that setting.
 */
export const LINKSCALE = fileURLToPath(new URL("../packages/cli/bin/linkscale.js", import.meta.url));

/** Debian's python3, which sees python3-networkx (the first python3 on PATH may not). */
export const PYTHON = process.env["LINKSCALE_PYTHON"] ?? "/usr/bin/python3";

/**
 * Runs `step` `warmUps` times (the engine compiles its optimised code over the first few calls),
 * collects the garbage, then runs it `runs` times timed. Loading the network leaves hundreds of
 * MB of garbage, whose collection would otherwise land in whichever step came next (`npm run
 * bench` gives node --expose-gc).
 */
export function repeat<T>(step: () => T, warmUps = 3, runs = 11): { result: T; seconds: number[] } {
  const seconds: number[] = [];
  let result = step();
  for (let run = 1; run < warmUps; run++) result = step();
  (globalThis as { gc?: () => void }).gc?.();
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = step();
    seconds.push((performance.now() - start) / 1000);
  }
  return { result, seconds };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
