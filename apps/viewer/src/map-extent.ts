/**
 * The part of the map a view opens on: where the network's organisations are, not the whole
 * world, and not the whole world either because of a few far-off partners or an address geocoded
 * on the wrong continent (in semiconductor-ev a Vienna firm sits in Melbourne).
 *
 * The rule: take the box from the 1st to the 99th percentile of the organisations' projected x,
 * and the same of y (percentiles by linear interpolation, as NumPy's default), and widen it by half
 * its width and half its height on each side. Organisations inside are fitted; those beyond are far
 * off. A network spread evenly over the world keeps every organisation (its percentile box is the
 * world already); one European network with a handful of partners in Korea and Australia opens on
 * Europe, and the fit button, or zooming out, shows the rest.
 */

/** The share of organisations at each end of each axis that may lie beyond the box before widening. */
export const EXTENT_QUANTILE = 0.01;
/** How far the percentile box is widened on each side, as a share of its width (or height). */
export const EXTENT_SLACK = 0.5;

export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The value below which a share `q` of the sorted values lie, interpolated between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (at - below);
}

/** The box the view fits (see the rule above); undefined without points. */
export function centralBox(points: ReadonlyArray<{ x: number; y: number }>): Box | undefined {
  if (points.length === 0) return undefined;
  const range = (values: number[]) => {
    values.sort((a, b) => a - b);
    const [low, high] = [quantile(values, EXTENT_QUANTILE), quantile(values, 1 - EXTENT_QUANTILE)];
    const slack = (high - low) * EXTENT_SLACK;
    return [low - slack, high + slack] as const;
  };
  const [minX, maxX] = range(points.map(({ x }) => x));
  const [minY, maxY] = range(points.map(({ y }) => y));
  return { minX, maxX, minY, maxY };
}

export const inBox = (box: Box, { x, y }: { x: number; y: number }) => x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;
