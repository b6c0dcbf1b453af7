/**
 * Betweenness across worker threads, for Node: the CSR goes to each worker once, in shared memory;
 * the fixed chunks of sources are handed out as workers become free, and the chunk sums are added
 * in chunk order, so the result equals `betweenness` to the last bit whatever the thread count.
 * Lives in the Node entry point (`@linkscale/core/node`) because the core itself stays free of
 * Node APIs; in a browser, run `accumulateBetweenness` on chunks in Web Workers the same way.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ReadableGraph } from "../model/graph.ts";
import { byNode } from "../model/csr.ts";
import {
  betweennessSources,
  DEFAULTS,
  scaleBetweenness,
  sourceChunks,
  sumChunks,
  type BetweennessOptions,
} from "../centrality/betweenness.ts";
import { lengths, weightedCsr } from "../centrality/options.ts";
import type { WorkerInput, WorkerMessage } from "./betweenness-worker.ts";

export interface ParallelOptions {
  /** Worker threads; default: the machine's available parallelism. */
  threads: number;
}

function shared<T extends Uint32Array | Float64Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  return copy;
}

/**
 * Starts a worker on betweenness-worker. Run from TypeScript sources (no build step), the worker
 * first registers tsx's loader, as the `linkscale` bin does, then imports the worker module.
 */
function startWorker(workerData: WorkerInput): Worker {
  const fromSources = import.meta.url.endsWith(".ts");
  const worker = new URL(fromSources ? "./betweenness-worker.ts" : "./betweenness-worker.js", import.meta.url).href;
  if (!fromSources) return new Worker(new URL(worker), { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(code, { eval: true, workerData });
}

export async function betweennessParallel(
  graph: ReadableGraph,
  options: Partial<BetweennessOptions & ParallelOptions> = {},
): Promise<Record<string, number>> {
  const settings = { ...DEFAULTS, threads: availableParallelism(), ...options };
  const csr = weightedCsr(graph, settings);
  const n = csr.nodes.length;
  const sources = betweennessSources(n, settings);
  const chunks = sourceChunks(sources);
  const length = lengths(csr, settings);
  const input: WorkerInput = {
    offsets: shared(csr.offsets),
    targets: shared(csr.targets),
    lengths: length && shared(length),
    n,
  };
  const workers = Array.from({ length: Math.max(1, Math.min(settings.threads, chunks.length)) }, () => startWorker(input));
  const partials: Float64Array[] = new Array<Float64Array>(chunks.length);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= chunks.length) return resolve();
              const chunk = next++;
              worker.postMessage({ chunk, sources: chunks[chunk] });
            };
            worker.on("message", (message: WorkerMessage) => {
              if (message.kind === "progress") {
                done += message.sources;
                settings.onProgress?.(done, sources.length);
              } else {
                partials[message.chunk] = message.partial;
                give();
              }
            });
            worker.on("error", reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return byNode(csr.nodes, scaleBetweenness(sumChunks(n, partials), n, settings));
}
