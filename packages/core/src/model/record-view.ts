/**
 * A per-organisation result read as a plain record (`result[id]`, `Object.entries`, JSON), while
 * its values stay in the typed arrays they were computed in: each value is made when it is read.
 * Brokerage roles and scale shares hold six or more numbers per organisation; as an object each
 * they took 50 MB of heap on the full Horizon 2020 network, kept from the analysis to the report.
 *
 * A Proxy over a prototype-free target, read-only. Its own keys come in the order a plain object
 * gives the same keys (integer-like ones ascending by value, then the rest in the order given), so
 * that JSON and `Object.keys` read as they would from the record it stands for; an id such as
 * `__proto__` or `constructor` is a key like any other. Written here: no library gives a lazy
 * record view over columns.
 */

// Per list of keys, shared by the views over it (a result's raw counts and z-scores): each key's
// position, and the keys in a plain object's order; built on first use.
const positionsOf = new WeakMap<readonly string[], Map<string, number>>();
const orderOf = new WeakMap<readonly string[], readonly string[]>();
// Each view's keys in order, for `recordViewKeys`.
const keysOfView = new WeakMap<object, () => readonly string[]>();

/** The record of `keys[i]` → `valueAt(i)`; `keys` must be distinct and must not change. */
export function recordView<V>(keys: readonly string[], valueAt: (index: number) => V): Readonly<Record<string, V>> {
  const indexOf = (key: string | symbol): number | undefined => {
    if (typeof key !== "string") return undefined;
    let positions = positionsOf.get(keys);
    if (positions === undefined) positionsOf.set(keys, (positions = new Map(keys.map((k, i) => [k, i]))));
    return positions.get(key);
  };
  const ordered = (): readonly string[] => {
    let order = orderOf.get(keys);
    if (order === undefined) orderOf.set(keys, (order = plainObjectOrder(keys)));
    return order;
  };
  const handler: ProxyHandler<object> = {
    get: (_target, key) => {
      const index = indexOf(key);
      return index === undefined ? undefined : valueAt(index);
    },
    has: (_target, key) => indexOf(key) !== undefined,
    ownKeys: () => [...ordered()],
    getOwnPropertyDescriptor: (_target, key) => {
      const index = indexOf(key);
      return index === undefined ? undefined : { value: valueAt(index), enumerable: true, configurable: true, writable: false };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  const view = new Proxy(Object.create(null) as object, handler) as Readonly<Record<string, V>>;
  keysOfView.set(view, ordered);
  return view;
}

/**
 * A record view's own keys, in `Object.keys` order, as the list the view holds (read-only, not a
 * copy); undefined for any other object. `Reflect.ownKeys` copies them and checks them for
 * repeats: on the full Horizon 2020 network each call left over a megabyte of lists that only a
 * full collection frees, and the report's tables read them dozens of times.
 */
export function recordViewKeys(record: object): readonly string[] | undefined {
  return keysOfView.get(record)?.();
}

/** The largest array index, 2^32 − 2: keys up to it that read as integers come first, as numbers. */
const MAX_INDEX = 4294967294;

function isArrayIndex(key: string): boolean {
  const value = Number(key);
  return Number.isInteger(value) && value >= 0 && value <= MAX_INDEX && String(value) === key;
}

function plainObjectOrder(keys: readonly string[]): string[] {
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return indices.length === 0 ? [...keys] : [...indices, ...keys.filter((key) => !isArrayIndex(key))];
}
