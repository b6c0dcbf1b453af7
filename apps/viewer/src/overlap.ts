/**
 * Overlaps parted once the layout settles. ForceAtlas2 stacks organisations with the same
 * partners on one spot: on h2020-health's settled layout, 6,462 pairs of discs overlap zoomed in
 * 4x, and 1,718 still do at 32x, so no zoom tells them apart. This pass moves both discs of each
 * overlapping pair apart along the line between them (RELAXATION says how far), sweep after
 * sweep, until no two overlap.
 *
 * What it promises: zoomed in OVERLAP_FREE_ZOOM times on a view REFERENCE_PX across (the whole
 * picture, the ring of organisations without links included), no two discs of the one size
 * (DISC_PX) overlap. sigma draws a disc's size growing with the square root of the zoom, so at
 * that zoom a disc takes DISC_PX / sqrt(OVERLAP_FREE_ZOOM) of the fitted view. At the fitted view
 * itself discs may still touch: there the dense core of h2020-health holds about as much disc
 * area as it has room for, and parting it would blow the core up.
 *
 * Written here rather than taken from graphology-layout-noverlap: on that settled layout noverlap
 * left about 800 of the 6,462 pairs overlapping after 2,000 iterations (9 s; it moves one node of
 * each pair, and pushes past), and it parts nodes on one spot with Math.random, where the viewer's
 * layouts are seeded. Here two nodes on one spot part along the golden angle of their pair, so the
 * same layout always gives the same positions. A uniform grid of cells two radii wide finds the
 * pairs, so a sweep takes time in proportion to the organisations.
 *
 * The organisations without a link in the layout are not parted: they wait on a ring outside the
 * others (layout.ts), where the full network's 31,000 of them could not be apart.
 */

/** The zoom from which no two discs overlap. */
export const OVERLAP_FREE_ZOOM = 4;
/** The width of the view (in pixels) the promise is made for; a wider view parts discs further. */
export const REFERENCE_PX = 700;
/** The one size of a disc, in pixels at the fitted view: the size drawn when sizes show no measure. */
export const DISC_PX = 3;
/** Sweeps after which the pass stops, whatever is left (counted in its result). */
const MAX_SWEEPS = 500;
/**
 * How far each disc of an overlapping pair moves: 0.9 of the overlap, not half. Half each (the
 * pair just touching) jams in the dense stacks: on h2020-health 3,178 of 6,552 pairs were left
 * after 500 sweeps. Over-relaxed by 1.8 it parts h2020-health in 41 sweeps (0.2 s; the farthest
 * move 22 px of a 700 px view) and the full network's 4,790 laid-out organisations in 149 (0.7 s;
 * 73 px, a stack of organisations on one spot spread out); 1.6 and 1.7 jam on one of the two.
 */
const RELAXATION = 1.8;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** A disc's radius in layout units, for a picture `extent` layout units across. */
export function discRadius(extent: number): number {
  return ((DISC_PX / Math.sqrt(OVERLAP_FREE_ZOOM)) * extent) / REFERENCE_PX;
}

export interface Parting {
  /** Pairs of discs that overlapped before the pass. */
  overlapping: number;
  /** Pairs still overlapping when it stopped: 0 unless it ran MAX_SWEEPS. */
  left: number;
  /** Sweeps that moved discs. */
  sweeps: number;
}

/** Moves the discs of `radius` at `xy` (x, y interleaved) apart until none overlaps; changes `xy` in place. */
export function partOverlaps(xy: Float64Array, radius: number): Parting {
  const overlapping = sweep(xy, 2 * radius, false);
  let sweeps = 0;
  // A sweep that finds no pair has moved nothing: the pass is done.
  while (overlapping > 0 && sweeps < MAX_SWEEPS && sweep(xy, 2 * radius, true) > 0) sweeps++;
  return { overlapping, left: sweeps < MAX_SWEEPS ? 0 : sweep(xy, 2 * radius, false), sweeps };
}

/**
 * One pass over every pair of discs closer than `gap` (centre to centre), found through a grid of
 * cells `gap` wide; each such pair is moved apart when `move` is set. Returns how many there were.
 */
function sweep(xy: Float64Array, gap: number, move: boolean): number {
  const count = xy.length / 2;
  if (count < 2 || !(gap > 0)) return 0;
  const cellOf = (i: number) => [Math.floor((xy[2 * i] as number) / gap), Math.floor((xy[2 * i + 1] as number) / gap)] as const;
  // A cell keyed by one number: columns and rows are far inside ±2^20.
  const key = (column: number, row: number) => (column + 2 ** 20) * 2 ** 21 + (row + 2 ** 20);
  const cells = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const cell = key(...cellOf(i));
    const members = cells.get(cell);
    if (members === undefined) cells.set(cell, [i]);
    else members.push(i);
  }
  let found = 0;
  for (let i = 0; i < count; i++) {
    const [column, row] = cellOf(i);
    for (let dc = -1; dc <= 1; dc++) {
      for (let dr = -1; dr <= 1; dr++) {
        for (const j of cells.get(key(column + dc, row + dr)) ?? []) {
          if (j <= i) continue;
          const dx = (xy[2 * j] as number) - (xy[2 * i] as number);
          const dy = (xy[2 * j + 1] as number) - (xy[2 * i + 1] as number);
          const distance = Math.hypot(dx, dy);
          if (distance >= gap) continue;
          found++;
          if (!move) continue;
          const angle = GOLDEN_ANGLE * (i + j);
          const [ux, uy] = distance === 0 ? [Math.cos(angle), Math.sin(angle)] : [dx / distance, dy / distance];
          const push = ((gap - distance) / 2) * RELAXATION;
          xy[2 * i] = (xy[2 * i] as number) - ux * push;
          xy[2 * i + 1] = (xy[2 * i + 1] as number) - uy * push;
          xy[2 * j] = (xy[2 * j] as number) + ux * push;
          xy[2 * j + 1] = (xy[2 * j + 1] as number) + uy * push;
        }
      }
    }
  }
  return found;
}
