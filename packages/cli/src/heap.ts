/**
 * How far V8 lets the heap grow past what survived its last full collection. Its default, up to
 * four times, is a server's trade of memory for throughput; an analysis holds results between
 * sections and is a batch run, so `analyze` and `check` let it grow by half (V8 reads the flag at
 * each collection, so setting it when the command starts is enough). On the full Horizon 2020
 * data, in runs taken in turn: analyze peaked at 361-382 MB with a half, 331-376 MB with a quarter
 * and 383-401 MB with a tenth; V8's default had given 570-580 MB. A quarter is not taken: its
 * gain is inside the spread of single runs, and both bench runs under it missed the CPU target
 * (56 s), though on a busy machine. validate, convert and view keep V8's default: their one pass
 * over a large graph file takes 6-8 % longer under a lower one (the 220 MB GEXF: 9.2 s against
 * 8.7 s).
 */
import { setFlagsFromString } from "node:v8";

export function keepHeapLean(): void {
  setFlagsFromString("--heap-growing-percent=50");
}
