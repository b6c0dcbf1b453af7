/**
 * The links of a projection while they are counted: each organisation pair's slot, found by
 * hashing its two node numbers into a typed table (open addressing, linear probing, at most two
 * thirds full), and the pair's tallies in typed arrays by slot, in the order the pairs first came.
 *
 * A Map from a number per pair to its slot, beside plain arrays of the tallies, held about 150 MB
 * for the 800,000 links of the full Horizon 2020 data; these arrays hold 52 MB, and their
 * columns become the typed-array graph's link columns as they are. Written here: JavaScript's
 * Map keys each pair by a heap entry, and no maintained package on npm keeps a hash of integer
 * pairs in typed arrays.
 */
export class LinkTally {
  /** The pair of each slot: lo < hi, node numbers in the order the projection met them. */
  lo: Uint32Array;
  hi: Uint32Array;
  weight: Float64Array;
  projectCount: Float64Array;
  /** The first and last year of the pair's projects; Infinity and -Infinity while none has a year. */
  firstYear: Float64Array;
  lastYear: Float64Array;
  /** How many slots are taken. */
  size = 0;
  /** Slot + 1 of the pair hashed there, 0 where none is; at least 1.5 places a slot, so probes stay short. */
  #table: Uint32Array;

  /**
   * Room for `capacity` pairs, doubled whenever it runs out. The projection gives its count of
   * pair instances, a bound no tally passes: growing, the old arrays stood beside the new, with
   * the garbage of every earlier growth, until the next collection.
   */
  constructor(capacity = 1024) {
    this.lo = new Uint32Array(capacity);
    this.hi = new Uint32Array(capacity);
    this.weight = new Float64Array(capacity);
    this.projectCount = new Float64Array(capacity);
    this.firstYear = new Float64Array(capacity).fill(Infinity);
    this.lastYear = new Float64Array(capacity).fill(-Infinity);
    this.#table = new Uint32Array(tableLength(capacity));
  }

  /** The slot of the pair lo < hi, added with zero tallies if it is new. */
  slot(lo: number, hi: number): number {
    const mask = this.#table.length - 1;
    let at = hash(lo, hi) & mask;
    for (let held = this.#table[at] as number; held !== 0; held = this.#table[at] as number) {
      if (this.lo[held - 1] === lo && this.hi[held - 1] === hi) return held - 1;
      at = (at + 1) & mask;
    }
    if (this.size === this.lo.length) {
      this.#grow();
      return this.slot(lo, hi);
    }
    const slot = this.size++;
    this.#table[at] = slot + 1;
    this.lo[slot] = lo;
    this.hi[slot] = hi;
    return slot;
  }

  #grow(): void {
    const capacity = Math.max(1, 2 * this.lo.length);
    const grown = <T extends Uint32Array | Float64Array>(old: T, empty: T): T => {
      empty.set(old);
      return empty;
    };
    this.lo = grown(this.lo, new Uint32Array(capacity));
    this.hi = grown(this.hi, new Uint32Array(capacity));
    this.weight = grown(this.weight, new Float64Array(capacity));
    this.projectCount = grown(this.projectCount, new Float64Array(capacity));
    this.firstYear = grown(this.firstYear, new Float64Array(capacity).fill(Infinity));
    this.lastYear = grown(this.lastYear, new Float64Array(capacity).fill(-Infinity));
    const table = new Uint32Array(tableLength(capacity));
    const mask = table.length - 1;
    for (let slot = 0; slot < this.size; slot++) {
      let at = hash(this.lo[slot] as number, this.hi[slot] as number) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = slot + 1;
    }
    this.#table = table;
  }
}

/** The power of two at or above 1.5 places a slot. */
function tableLength(capacity: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(2, 1.5 * capacity)));
}

/** Mixes the two numbers so that neighbouring pairs spread over the table (murmur3's finaliser). */
function hash(lo: number, hi: number): number {
  let h = Math.imul(lo, 0x9e3779b1) ^ hi;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
