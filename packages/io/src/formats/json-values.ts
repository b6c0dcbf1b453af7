/**
 * What the JSON graph formats (graphology's, NetworkX's node-link) share: parsing with a byte
 * order mark allowed, the shapes they check, and the one guard against a silent loss they both
 * need: a top-level list the format does not know (edges under another name) refuses the file
 * rather than leaving its items out.
 */
import type { AttributeMap } from "./graph-load.ts";

export const jsonValueMessages = {
  syntax: (message: string) => `JSON syntax: ${message}`,
  tooDeep: (path: string) => `a value nests deeper than ${MAX_DEPTH} levels (at ${path.slice(0, 200)}…); no network file holds one, and reading it would overflow the stack`,
  unknownList: (format: string, field: string, known: readonly string[]) =>
    `${format} has no "${field}": its ${field} would be left out unread (the format's lists are ${known.map((name) => `"${name}"`).join(", ")})`,
};

/**
 * How deep a value may nest. JSON.parse takes any depth, but every recursive step after it
 * (JSON.stringify, arktype's messages) overflows the stack near 5,000 levels; no network file
 * nests a value past a handful.
 */
export const MAX_DEPTH = 100;

export function parseJson(text: string): { data: unknown } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { error: jsonValueMessages.syntax(error instanceof Error ? error.message : String(error)) };
  }
  const deep = pathDeeperThan(data, MAX_DEPTH);
  return deep === undefined ? { data } : { error: jsonValueMessages.tooDeep(deep) };
}

/** The path of the first value nested deeper than `limit`, found without recursion; undefined when none is. */
function pathDeeperThan(data: unknown, limit: number): string | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: data, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value !== "object" || value === null) continue;
    if (depth >= limit) return path;
    if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
    else for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
  }
  return undefined;
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
