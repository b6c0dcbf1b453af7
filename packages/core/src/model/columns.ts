/**
 * Attributes stored by column: a typed array per numeric attribute (NaN where a row has none), a
 * dictionary of distinct strings and an Int32Array of codes per string attribute (-1 where a row
 * has none), a plain array for anything else (arrays, booleans, a column of mixed kinds). A
 * million links with a weight, a project count and two years take 32 MB this way, against the
 * hundreds of bytes per link of an attribute object each (DESIGN.md, "Large data").
 *
 * A column's kind is that of its first value; a later value that does not fit turns the column
 * into a plain array, so nothing stored is ever changed. Columns made whole (`ofNumbers`, a
 * projection's link tallies) are stored in the narrowest array that holds every value exactly:
 * counts and years in 4 or 2 bytes, not 8, with the array's largest value marking "none"; a
 * value set later that such an array cannot hold widens it to 8 bytes first. Written here: the column stores on npm
 * (apache-arrow, for one) are built for files and batches, not for rows set one at a time while a
 * graph is built, and none is small enough to ship to the browser beside the core.
 */
/** A numeric column's values; `none` marks a row without one (NaN in a Float64Array). */
type NumberValues = Float64Array | Uint32Array | Uint16Array;

type Column =
  | { kind: "number"; values: NumberValues; none: number }
  | { kind: "string"; codes: Int32Array; dictionary: string[]; codeOf: Map<string, number> }
  | { kind: "value"; values: unknown[] };

export class Columns {
  #columns = new Map<string, Column>();
  #capacity: number;
  #rows = 0;

  constructor(capacity = 16) {
    this.#capacity = Math.max(1, capacity);
  }

  /**
   * Columns of numbers over the first `rows` rows of the arrays given (NaN where a row has none),
   * in the order given, each copied into the narrowest array that holds its values exactly: a
   * projection's tallies become a graph's link columns with no room to spare.
   */
  static ofNumbers(rows: number, columns: ReadonlyArray<readonly [string, Float64Array]>): Columns {
    const capacity = Math.min(...columns.map(([, values]) => values.length));
    if (!(rows <= capacity)) throw new Error(`linkscale/columns: ${rows} rows given in columns of ${capacity}`);
    const made = new Columns(rows);
    made.#rows = rows;
    for (const [name, values] of columns) made.#columns.set(name, narrowest(values.subarray(0, rows)));
    return made;
  }

  get rows(): number {
    return this.#rows;
  }

  /** The attribute names, in the order they first appeared. */
  names(): string[] {
    return [...this.#columns.keys()];
  }

  /** Appends a row with the given attributes (undefined values are not stored). */
  push(attributes: Readonly<Record<string, unknown>>): number {
    const row = this.#rows++;
    if (row === this.#capacity) this.#grow(this.#capacity * 2);
    for (const name in attributes) this.set(row, name, attributes[name]);
    return row;
  }

  set(row: number, name: string, value: unknown): void {
    if (value === undefined) return;
    let column = this.#columns.get(name);
    if (column === undefined) {
      column = this.#emptyColumn(value);
      this.#columns.set(name, column);
    }
    if (column.kind === "number" && typeof value === "number" && !Number.isNaN(value)) {
      if (!fits(column, value)) Object.assign(column, widened(column, this.#capacity));
      column.values[row] = value;
    }
    else if (column.kind === "string" && typeof value === "string") {
      let code = column.codeOf.get(value);
      if (code === undefined) {
        code = column.dictionary.length;
        column.codeOf.set(value, code);
        column.dictionary.push(value);
      }
      column.codes[row] = code;
    } else {
      const plain = column.kind === "value" ? column : this.#toPlain(name, column);
      plain.values[row] = value;
    }
  }

  get(row: number, name: string): unknown {
    const column = this.#columns.get(name);
    if (column === undefined) return undefined;
    return valueAt(column, row);
  }

  /** One row as an attribute object, keys in column order. */
  row(row: number): Record<string, unknown> {
    const attributes: Record<string, unknown> = {};
    for (const [name, column] of this.#columns) {
      const value = valueAt(column, row);
      if (value !== undefined) attributes[name] = value;
    }
    return attributes;
  }

  /**
   * A numeric column as a Float64Array over the rows, `missing` (NaN unless given) where a row
   * has no number: the column's own array where it is one and NaN marks none, else a copy.
   */
  numbers(name: string, missing = NaN): Float64Array {
    const column = this.#columns.get(name);
    if (column?.kind === "number" && column.values instanceof Float64Array && Number.isNaN(missing)) return column.values.subarray(0, this.#rows);
    const numbers = new Float64Array(this.#rows);
    for (let row = 0; row < this.#rows; row++) {
      const value = column === undefined ? undefined : valueAt(column, row);
      numbers[row] = typeof value === "number" ? value : missing;
    }
    return numbers;
  }

  /** Every row's value of one attribute (undefined where a row has none). */
  values(name: string): unknown[] {
    const column = this.#columns.get(name);
    return Array.from({ length: this.#rows }, (_, row) => (column === undefined ? undefined : valueAt(column, row)));
  }

  /** New columns holding the rows at `rows`, in that order. */
  select(rows: ArrayLike<number>): Columns {
    const selected = new Columns(rows.length);
    selected.#rows = rows.length;
    for (const [name, column] of this.#columns) selected.#columns.set(name, selectColumn(column, rows, selected.#capacity));
    return selected;
  }

  #emptyColumn(value: unknown): Column {
    if (typeof value === "number" && !Number.isNaN(value)) return { kind: "number", values: new Float64Array(this.#capacity).fill(NaN), none: NaN };
    if (typeof value === "string") return { kind: "string", codes: new Int32Array(this.#capacity).fill(-1), dictionary: [], codeOf: new Map() };
    return { kind: "value", values: new Array<unknown>(this.#capacity) };
  }

  #toPlain(name: string, column: Column): Extract<Column, { kind: "value" }> {
    const plain: Column = { kind: "value", values: Array.from({ length: this.#capacity }, (_, row) => (row < this.#rows ? valueAt(column, row) : undefined)) };
    this.#columns.set(name, plain);
    return plain;
  }

  #grow(capacity: number): void {
    for (const column of this.#columns.values()) {
      if (column.kind === "number") {
        const values = sameKind(column.values, capacity).fill(column.none);
        values.set(column.values);
        column.values = values;
      } else if (column.kind === "string") {
        const codes = new Int32Array(capacity).fill(-1);
        codes.set(column.codes);
        column.codes = codes;
      } else column.values.length = capacity;
    }
    this.#capacity = capacity;
  }
}

function valueAt(column: Column, row: number): unknown {
  if (column.kind === "number") {
    const value = column.values[row] as number;
    return value === column.none || Number.isNaN(value) ? undefined : value;
  }
  if (column.kind === "string") {
    const code = column.codes[row] as number;
    return code < 0 ? undefined : column.dictionary[code];
  }
  return column.values[row];
}

function selectColumn(column: Column, rows: ArrayLike<number>, capacity: number): Column {
  const n = rows.length;
  if (column.kind === "number") {
    const values = sameKind(column.values, capacity).fill(column.none);
    for (let i = 0; i < n; i++) values[i] = column.values[rows[i] as number] as number;
    return { kind: "number", values, none: column.none };
  }
  if (column.kind === "string") {
    const codes = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < n; i++) codes[i] = column.codes[rows[i] as number] as number;
    return { kind: "string", codes, dictionary: column.dictionary, codeOf: column.codeOf };
  }
  const values = new Array<unknown>(capacity);
  for (let i = 0; i < n; i++) values[i] = column.values[rows[i] as number];
  return { kind: "value", values };
}

/** The unsigned integer arrays a column may narrow to, smallest first; each one's largest value marks "none". */
const NARROW = [
  { make: (length: number) => new Uint16Array(length), none: 0xffff },
  { make: (length: number) => new Uint32Array(length), none: 0xffffffff },
];

/** A column of `values` in the narrowest array that holds each one exactly (NaN: none). */
function narrowest(values: Float64Array): Extract<Column, { kind: "number" }> {
  let largest = 0;
  let whole = true;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    if (!(Number.isInteger(value) && value >= 0)) {
      whole = false;
      break;
    }
    if (value > largest) largest = value;
  }
  const narrow = whole ? NARROW.find(({ none }) => largest < none) : undefined;
  if (narrow === undefined) return { kind: "number", values: values.slice(), none: NaN };
  const narrowed = narrow.make(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as number;
    narrowed[row] = Number.isNaN(value) ? narrow.none : value;
  }
  return { kind: "number", values: narrowed, none: narrow.none };
}

/** Whether the column's array holds `value` exactly (a number, not NaN). */
function fits(column: Extract<Column, { kind: "number" }>, value: number): boolean {
  return column.values instanceof Float64Array || (Number.isInteger(value) && value >= 0 && value < column.none);
}

/** The column over `capacity` rows in a Float64Array (NaN where none), the array itself if it is one. */
function widened(column: Extract<Column, { kind: "number" }>, capacity: number): { values: Float64Array; none: number } {
  if (column.values instanceof Float64Array) return { values: column.values, none: NaN };
  const values = new Float64Array(capacity).fill(NaN);
  for (let row = 0; row < Math.min(capacity, column.values.length); row++) {
    const value = column.values[row] as number;
    if (value !== column.none) values[row] = value;
  }
  return { values, none: NaN };
}

function sameKind(values: NumberValues, length: number): NumberValues {
  if (values instanceof Uint16Array) return new Uint16Array(length);
  if (values instanceof Uint32Array) return new Uint32Array(length);
  return new Float64Array(length);
}
