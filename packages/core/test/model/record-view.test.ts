import { describe, expect, it } from "vitest";
import { recordView } from "../../src/model/record-view.ts";

// Hand-made keys: ids in sorted text order as the metrics give them, with integer-like ones
// (PICs), one past the array index range, and the names a plain object treats specially.
const KEYS = ["10", "2", "4294967295", "__proto__", "a", "constructor", "toString"];

/** The plain record the view stands for, made as a result is: each key defined in turn. */
function plainRecord<V>(keys: readonly string[], valueAt: (i: number) => V): Record<string, V> {
  const record: Record<string, V> = {};
  keys.forEach((key, i) => Object.defineProperty(record, key, { value: valueAt(i), enumerable: true, configurable: true, writable: true }));
  return record;
}

describe("recordView", () => {
  const valueAt = (i: number) => ({ rank: i, share: i / 10 });
  const view = recordView(KEYS, valueAt);

  it("reads as the plain record of the same keys: keys in its order, entries and JSON alike", () => {
    const plain = plainRecord(KEYS, valueAt);
    expect(Object.keys(view)).toEqual(["2", "10", "4294967295", "__proto__", "a", "constructor", "toString"]);
    expect(Object.keys(view)).toEqual(Object.keys(plain));
    expect(Object.entries(view)).toEqual(Object.entries(plain));
    expect(JSON.stringify(view)).toBe(JSON.stringify(plain));
  });

  it("answers each key, an id named like Object's own members as any other, and nothing else", () => {
    expect(view["__proto__"]).toEqual({ rank: 3, share: 0.3 });
    expect(view["constructor"]).toEqual({ rank: 5, share: 0.5 });
    expect(Object.hasOwn(view, "toString")).toBe(true);
    expect("a" in view).toBe(true);
    expect(view["b"]).toBeUndefined();
    expect(Object.hasOwn(view, "hasOwnProperty")).toBe(false);
  });

  it("is read-only", () => {
    expect(() => {
      (view as Record<string, unknown>)["a"] = 1;
    }).toThrow(TypeError);
    expect(() => delete (view as Record<string, unknown>)["a"]).toThrow(TypeError);
    expect(view["a"]).toEqual({ rank: 4, share: 0.4 });
  });
});
