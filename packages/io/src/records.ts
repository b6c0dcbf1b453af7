/**
 * Records keyed by a file's own names (columns, attributes). Such a name is data: "__proto__"
 * assigned to a plain object sets its prototype instead of a field, and "constructor" is found
 * `in` any object before it is set. The records stay plain objects, as graphology users expect;
 * names are set through `defineField`, never assigned directly, and looked up as own properties
 * only.
 */

/** Sets `name` on `record` as an own, enumerable field, whatever the name. */
export function defineField(record: Record<string, unknown>, name: string, value: unknown): void {
  // Only "__proto__" is an accessor on Object.prototype; every other name assigned to a plain
  // object becomes an own field, and assigning is several times faster than defining.
  if (name === "__proto__") Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}
