/**
 * The scale shares' pass over the CSR (src/scales/shares.ts, `tallyLinks`), compiled to
 * WebAssembly: the same tallies in the same order, so equal to the last bit. Written here, in
 * AssemblyScript, because the JavaScript pass, however written, ran at 4–5 times one plain pass
 * over the links on the full Horizon 2020 network, and this runs at about 2 (`npm run bench --
 * scales`). Built by `npm run build:wasm -w @linkscale/core` into src/scales/tally-links.wasm.ts;
 * the JavaScript pass stays where WebAssembly may not run (a page whose Content Security Policy
 * forbids it).
 *
 * Everything lives in one linear memory laid out by the caller (src/scales/tally-kernel.ts);
 * the arguments are byte offsets into it. A call takes the CSR rows of nodes `from` to `to` − 1:
 * their targets and weights from CSR slot `slotBase` on, and the years of their links from
 * edge-list index `e0` on. It returns the edge-list index after them. Tallies are written in the
 * layout of Tally (src/scales/tally.ts: rows × scales × [count, weight], rows × levels flag
 * counts) and of MixingCells (src/groups/mixing-matrix.ts).
 */

/** The key of two signatures, or its complement when the distance rule must decide (LinkClasses.pairKey). */
@external("env", "pairKey")
declare function pairKey(s: i32, t: i32): i32;

/** The key of a link whose signatures' key came back complemented (LinkClasses.distanceKey). */
@external("env", "distanceKey")
declare function distanceKey(u: i32, v: i32, complement: i32): i32;

/** A pair-table cell not filled yet: the same value as UNSET in src/scales/classify.ts. */
const UNSET: i32 = -0x80000000;

/**
 * The bytes of each grouping's entry in `groupings`: its node groups (−1: none), group count,
 * tally cells and flags, matrix cells (0: none), and the links left out for an end without a
 * group ([count, weight] per group, by the grouped end; both ends ungrouped in the last cell).
 */
export const GROUPING_BYTES: i32 = 24;

export function tallyLinks(
  from: i32, to: i32, slotBase: i32, e0: i32,
  offsets: usize, targets: usize, weights: usize,
  signature: usize, signatureCount: i32, table: usize, tableCells: i32,
  keys: i32, levels: i32, scales: i32, scaleOf: usize,
  yearRow: usize, yearCells: usize,
  nodeCells: usize, nodeFlags: usize,
  groupingCount: i32, groupings: usize,
  row: usize, keysInRow: usize,
): i32 {
  let e = e0;
  for (let u = from; u < to; u++) {
    let seen: i32 = 0;
    const s = load<i32>(signature + (<usize>u << 2));
    const end = load<i32>(offsets + (<usize>(u + 1) << 2));
    for (let k = load<i32>(offsets + (<usize>u << 2)); k < end; k++) {
      const v = load<i32>(targets + (<usize>(k - slotBase) << 2));
      const w = load<f64>(weights + (<usize>(k - slotBase) << 3));
      const t = load<i32>(signature + (<usize>v << 2));
      let key: i32;
      if (tableCells > 0) {
        const cell = table + (<usize>(s * signatureCount + t) << 2);
        key = load<i32>(cell);
        if (key == UNSET) {
          key = pairKey(s, t);
          store<i32>(cell, key);
        }
      } else key = pairKey(s, t);
      if (key < 0) key = distanceKey(u, v, key);

      const slot = row + (<usize>key << 4);
      if (load<f64>(slot) == 0) {
        store<i32>(keysInRow + (<usize>seen << 2), key);
        seen++;
      }
      add(slot, 1, w);
      if (v < u) continue;
      if (v == u) add(slot, 1, w); // a self-loop: its second end
      add(yearCells + (<usize>(load<i32>(yearRow + (<usize>(e - e0) << 2)) * keys + key) << 4), 1, w);
      e++;
      for (let i: i32 = 0; i < groupingCount; i++) {
        const grouping = groupings + <usize>(i * GROUPING_BYTES);
        const groupOf = load<usize>(grouping);
        const a = load<i32>(groupOf + (<usize>u << 2));
        const b = load<i32>(groupOf + (<usize>v << 2));
        if (a < 0 || b < 0) {
          const grouped = a < 0 ? (b < 0 ? load<i32>(grouping, 4) : b) : a;
          add(load<usize>(grouping, 20) + (<usize>grouped << 4), 1, w);
          continue;
        }
        if (a == b) addKey(load<usize>(grouping, 8), load<usize>(grouping, 12), a, key, 1, w, levels, scales, scaleOf);
        const matrix = load<usize>(grouping, 16);
        if (matrix != 0) add(matrix + (<usize>(a * load<i32>(grouping, 4) + b) << 4), 1, w);
      }
    }
    for (let i: i32 = 0; i < seen; i++) {
      const key = load<i32>(keysInRow + (<usize>i << 2));
      const slot = row + (<usize>key << 4);
      addKey(nodeCells, nodeFlags, u, key, load<f64>(slot), load<f64>(slot, 8), levels, scales, scaleOf);
      store<f64>(slot, 0);
      store<f64>(slot, 0, 8);
    }
  }
  return e;
}

/** Adds a count and a weight to the [count, weight] cell at `cell`. */
@inline
function add(cell: usize, count: f64, weight: f64): void {
  store<f64>(cell, load<f64>(cell) + count);
  store<f64>(cell, load<f64>(cell, 8) + weight, 8);
}

/** Tally.addKey: `count` links of class `key` weighing `weight` to `row`, by scale, and to its flags. */
@inline
function addKey(cells: usize, flags: usize, row: i32, key: i32, count: f64, weight: f64, levels: i32, scales: i32, scaleOf: usize): void {
  add(cells + (<usize>(row * scales + <i32>load<u8>(scaleOf + <usize>key)) << 4), count, weight);
  for (let l: i32 = 0; l < levels; l++) {
    if ((key & (1 << l)) != 0) {
      const flag = flags + (<usize>(row * levels + l) << 3);
      store<f64>(flag, load<f64>(flag) + count);
    }
  }
}
