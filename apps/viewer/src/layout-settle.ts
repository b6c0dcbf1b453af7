/**
 * When a ForceAtlas2 run has settled. ForceAtlas2 has no end of its own: its adaptive speed keeps
 * nodes creeping long after the picture has stopped changing to the eye, so the viewer names one.
 *
 * The criterion, "relative step": over a batch of iterations, the mean distance an organisation
 * moved, per iteration, divided by the layout's spread (the root-mean-square distance of the
 * organisations from their centroid). Relative, so that it means the same whatever scale the
 * layout ends at; measured from the batch's start to its end, so that back-and-forth jitter
 * partly cancels. The layout has settled when the relative step stays under SETTLED_STEP for
 * SETTLED_BATCHES batches in a row. Batches have a fixed length, so where a run settles depends
 * on the data, the seed and the settings only, never on the machine's speed.
 *
 * Why these values: on h2020-health (4,000 organisations, 85,000 links) the step falls from 5e-2
 * to 2e-3 in the first 200 iterations, while communities pull apart, then creeps below 1e-3 by
 * about 340, when a batch moves an organisation by a pixel or two on screen; waiting for 5e-4
 * takes thousands of iterations more for a picture that no longer changes.
 */

/** Iterations per batch: the worker reports (and the page redraws) once a batch. */
export const BATCH_ITERATIONS = 20;
/** Settled: a relative step under this (a thousandth of the spread per iteration)… */
export const SETTLED_STEP = 1e-3;
/** …for this many batches in a row. */
export const SETTLED_BATCHES = 3;
/** A run that has not settled after this many iterations stops, saying so; the user can run it on. */
export const MAX_ITERATIONS = 3000;

/**
 * The relative step between two sets of positions (x, y interleaved) `iterations` apart; 0 where
 * the positions have no spread (one organisation, or all at one point).
 */
export function relativeStep(before: Float32Array, after: Float32Array, iterations: number): number {
  const count = after.length / 2;
  if (count === 0 || iterations <= 0) return 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < count; i++) {
    cx += after[2 * i] as number;
    cy += after[2 * i + 1] as number;
  }
  cx /= count;
  cy /= count;
  let squares = 0;
  let moved = 0;
  for (let i = 0; i < count; i++) {
    const x = after[2 * i] as number;
    const y = after[2 * i + 1] as number;
    squares += (x - cx) ** 2 + (y - cy) ** 2;
    moved += Math.hypot(x - (before[2 * i] as number), y - (before[2 * i + 1] as number));
  }
  const spread = Math.sqrt(squares / count);
  return spread === 0 ? 0 : moved / count / iterations / spread;
}

/** Counts the batches in a row under SETTLED_STEP; `observe` is true once there are enough. */
export class SettleCriterion {
  calmBatches = 0;

  constructor(
    readonly threshold = SETTLED_STEP,
    readonly batches = SETTLED_BATCHES,
  ) {}

  observe(step: number): boolean {
    this.calmBatches = step < this.threshold ? this.calmBatches + 1 : 0;
    return this.holds();
  }

  holds(): boolean {
    return this.calmBatches >= this.batches;
  }
}
