/**
 * What the JSON graph formats (graphology's, NetworkX's node-link) share: parsing with a byte
 * order mark allowed, the shapes they check, and the one guard against a silent loss they both
 * need: a top-level list the format does not know (edges under another name) refuses the file
 * rather than leaving its items out.
 */
import type { AttributeMap } from "./graph-load.ts";

export const jsonValueMessages = {
  syntax: (message: string) => `JSON syntax: ${message}`,
  unknownList: (format: string, field: string, known: readonly string[]) =>
    `${format} has no "${field}": its ${field} would be left out unread (the format's lists are ${known.map((name) => `"${name}"`).join(", ")})`,
};

export function parseJson(text: string): { data: unknown } | { error: string } {
  try {
    return { data: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    return { error: jsonValueMessages.syntax(error instanceof Error ? error.message : String(error)) };
  }
}

export function isObject(value: unknown): value is AttributeMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** graphology and NetworkX take numbers as keys too; both are read as text. */
export function isKey(value: unknown): value is string | number {
  return typeof value === "string" || typeof value === "number";
}

/** Why the file is refused, when a top-level field other than `lists` holds a list. */
export function unknownList(data: AttributeMap, format: string, lists: readonly string[]): string | undefined {
  const field = Object.keys(data).find((name) => Array.isArray(data[name]) && !lists.includes(name));
  return field === undefined ? undefined : jsonValueMessages.unknownList(format, field, lists);
}
