/**
 * Records keyed by a file's own names (columns, attributes). Such a name is data: "__proto__"
 * assigned to a plain object sets its prototype instead of a field, and "constructor" is found
 * `in` any object before it is set. The records stay plain objects, as graphology users expect;
 * names are defined, never assigned, and looked up as own properties only.
 */

/** Sets `name` on `record` as an own, enumerable field, whatever the name. */
export function defineField(record: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
}
