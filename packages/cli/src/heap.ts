/**
 * How `analyze` and `check` keep their peak memory down; both are batch runs that hold results
 * between phases, so they trade a little time for memory where a server would not.
 *
 * - The heap grows by half past what survived V8's last full collection, not by up to four
 *   times, its default (V8 reads the flag at each collection, so setting it when the command
 *   starts is enough). On the full Horizon 2020 data, in runs taken in turn: analyze peaked at
 *   361-382 MB with a half, 331-376 MB with a quarter and 383-401 MB with a tenth; V8's default
 *   had given 570-580 MB. A quarter is not taken: its gain is inside the spread of single runs.
 * - A full collection runs between phases (reading and projecting, each section, each report
 *   file) on a network of 100,000 links or more. Each phase drops the typed arrays it built (its
 *   CSRs, the projection's tallies), and V8 frees an array buffer only when a collection finds
 *   it dead: the JavaScript heap stays small while they pile up, so dead ones had reached 88 MB
 *   beside 23 MB live, and the next phase's arrays were allocated beside them. One collection
 *   takes 10-50 ms on that network; on a small one it would cost more than the little it frees.
 *
 * validate, convert and view keep V8's defaults: their one pass over a large graph file takes
 * 6-8 % longer under a lower heap growth (the 220 MB GEXF: 9.2 s against 8.7 s).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The network size (links, or participations before the projection) from which a collection between phases is worth its time. */
const COLLECT_FROM = 100_000;

let collect: (() => void) | undefined;

export function keepHeapLean(): void {
  setFlagsFromString("--heap-growing-percent=50");
  // The gc function is exposed to contexts made after the flag is set: one made here hands it over.
  setFlagsFromString("--expose-gc");
  // Dead array buffers are freed by the collection itself, not by a background sweep that the
  // next phase's first arrays would often outrun.
  setFlagsFromString("--no-concurrent-array-buffer-sweeping");
  collect ??= runInNewContext("gc") as () => void;
}

/** A full collection, after `keepHeapLean`, where the network (`size` links or participations) is large enough to be worth it. */
export function collectBetweenPhases(size: number): void {
  if (collect !== undefined && size >= COLLECT_FROM) collect();
}
