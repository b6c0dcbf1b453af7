/** Worker side of `betweennessParallel`: accumulates betweenness for the chunks of sources it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { accumulateBetweenness } from "../centrality/betweenness.ts";
import type { Csr } from "../model/csr.ts";

export interface WorkerInput {
  offsets: Uint32Array;
  targets: Uint32Array;
  lengths: Float64Array | undefined;
  n: number;
}

export type WorkerMessage = { kind: "progress"; sources: number } | { kind: "done"; chunk: number; partial: Float64Array };

const { offsets, targets, lengths, n } = workerData as WorkerInput;
const csr: Csr = { nodes: new Array<string>(n), offsets, targets, weights: new Float64Array(0) };
const port = parentPort;
if (port === null) throw new Error("linkscale/node/betweenness-worker: not started as a worker");

port.on("message", ({ chunk, sources }: { chunk: number; sources: Int32Array }) => {
  let reported = 0;
  const partial = accumulateBetweenness(csr, lengths, sources, (done) => {
    if (done - reported >= 16) {
      port.postMessage({ kind: "progress", sources: done - reported } satisfies WorkerMessage);
      reported = done;
    }
  });
  port.postMessage({ kind: "progress", sources: sources.length - reported } satisfies WorkerMessage);
  port.postMessage({ kind: "done", chunk, partial } satisfies WorkerMessage, [partial.buffer as ArrayBuffer]);
});
