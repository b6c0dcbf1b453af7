/**
 * GraphML's vocabulary, read from the stream of elements (xml-stream.ts) into the items that
 * `loadGraphItems` checks. The rules are graphology-graphml 0.5's, which linkscale read GraphML
 * with until issue 20 (its DOM did not fit in memory at full scale), with the fixes linkscale made
 * to the files before handing them to it:
 * - a node's id is its key, an edge's source and target its ends;
 * - each `<data>` of a node or edge is named and typed by its `<key>`: `attr.name` (the key's id
 *   when it has none, as yEd's graphics keys), and `attr.type` boolean ("true" in any case is
 *   true), int, long, float or double (a number, `+text`), else text (string, and any type
 *   GraphML does not define); data whose key is not declared for nodes (or edges) is text named by
 *   its key id;
 * - a key `for="all"` is a key for nodes and for edges; a key's `<default>` fills in, typed, for a
 *   node or edge that has no data of that key;
 * - numeric attributes r, g and b become one `color` ("#rrggbb"), as Gephi stores colours;
 * - an edge is directed when it says `directed="true"`, undirected when it says "false", and
 *   otherwise as the first `<graph>`'s `edgedefault` says (graph-load.ts reads directed files as
 *   undirected);
 * - graph data, hyperedges and ports are not read: only a `<data>` that is a child of a node or
 *   edge counts (the library's DOM also gave a node the data of its ports and nested graphs).
 *
 * GraphML declares keys before the graph; a file that declares one after a node or edge (no schema
 * allows it, but the DOM read it) is read a second time, knowing every key from the start.
 */
import { defineField } from "../records.ts";
import type { AttributeMap, GraphItems } from "./graph-load.ts";
import { asIgraphMeantThem, writtenByIgraph } from "./graphml-igraph.ts";
import { XmlGraphItems, type OpenItem } from "./xml-items.ts";
import { walkXml, type XmlElementStart, type XmlVisitor } from "./xml-stream.ts";

const GRAPHML = { format: "GraphML", root: "graphml" };

type Domain = "node" | "edge";
type KeyType = "boolean" | "int" | "long" | "float" | "double" | "string";

interface Key {
  /** The attribute's name in the graph. */
  name: string;
  type: KeyType;
  /** The `<default>`'s text, once the file gives one. */
  fallback?: string;
}

type Keys = Record<Domain, Map<string, Key>>;

interface Draft {
  /** The key ids the item has data for, tracked only where some key has a default. */
  keysGiven?: Set<string>;
}

const KEY_TYPES: ReadonlySet<string> = new Set(["boolean", "int", "long", "float", "double", "string"]);

/**
 * The nodes and edges of a GraphML text, in file order (keyed by igraph's identifiers where igraph
 * wrote it, graphml-igraph.ts, with the rule used), or why the file is refused.
 */
export function readGraphmlItems(text: string): (GraphItems & { rules?: string[] }) | { error: string } {
  let reader = new GraphmlReader();
  const error = walkXml(text, GRAPHML, reader);
  if (error !== undefined) return { error };
  if (reader.declaredAfterItems) {
    reader = new GraphmlReader(reader.keys);
    const secondError = walkXml(text, GRAPHML, reader);
    if (secondError !== undefined) return { error: secondError };
  }
  const items = reader.items();
  if (!writtenByIgraph(items.nodes, [...reader.keys.node.keys()])) return items;
  const { items: keyed, rule } = asIgraphMeantThem(items);
  return { ...keyed, rules: [rule] };
}

class GraphmlReader implements XmlVisitor {
  readonly keys: Keys;
  /** Set when a `<key>` comes after the first node or edge. */
  declaredAfterItems = false;
  // Keys known from a first reading: the file's own are then passed over.
  private readonly keysGiven: boolean;
  private readonly graphItems = new XmlGraphItems<Draft>();
  private edgeDefault: string | undefined;
  // The key (one per domain for "all") whose <default> may come, while inside its <key>.
  private declaring: Key[] | undefined;
  // The key id of the <data> being read, when it is a node's or an edge's.
  private dataKey: string | undefined;
  // Per domain, the keys that have a default: computed once the items start.
  private readonly withDefaults: Partial<Record<Domain, Array<[id: string, key: Key]>>> = {};

  constructor(keys?: Keys) {
    this.keysGiven = keys !== undefined;
    this.keys = keys ?? { node: new Map(), edge: new Map() };
  }

  items(): GraphItems {
    return { nodes: this.graphItems.nodes, edges: this.graphItems.edges };
  }

  open(element: XmlElementStart): boolean {
    const { name, attributes } = element;
    switch (name) {
      case "data": {
        const open = this.graphItems.current;
        if (open === undefined || element.depth !== open.depth + 1) return false;
        this.dataKey = attributes["key"] ?? "";
        return true;
      }
      case "node": {
        this.graphItems.openNode(element, this.draftFor("node"));
        return false;
      }
      case "edge": {
        const { directed } = attributes;
        const isDirected = directed === "true" || (directed !== "false" && this.edgeDefault === "directed");
        this.graphItems.openEdge(element, isDirected, this.draftFor("edge"));
        return false;
      }
      case "key":
        if (!this.keysGiven) this.declare(attributes);
        return false;
      case "default":
        return this.declaring !== undefined && this.declaring[0]?.fallback === undefined;
      case "graph":
        this.edgeDefault ??= attributes["edgedefault"] || "undirected";
        return false;
      default:
        return false;
    }
  }

  close(name: string, text: string): void {
    switch (name) {
      case "data": {
        const open = this.graphItems.current;
        if (this.dataKey === undefined || open === undefined) return;
        const key = this.keys[open.kind].get(this.dataKey);
        if (key === undefined) defineField(open.item.attributes, this.dataKey, text);
        else defineField(open.item.attributes, key.name, typedValue(key.type, text));
        open.draft.keysGiven?.add(this.dataKey);
        this.dataKey = undefined;
        return;
      }
      case "node":
      case "edge": {
        const open = this.graphItems.close(name);
        if (open !== undefined) this.finish(open);
        return;
      }
      case "key":
        this.declaring = undefined;
        return;
      case "default":
        if (this.declaring !== undefined) for (const key of this.declaring) key.fallback ??= text;
        return;
    }
  }

  private declare(attributes: Readonly<Record<string, string>>): void {
    const id = attributes["id"] ?? "";
    const domain = attributes["for"] || "node";
    // Graph data is not read, nor are hyperedges and ports: their keys are passed over.
    const domains: Domain[] = domain === "all" ? ["node", "edge"] : domain === "node" || domain === "edge" ? [domain] : [];
    const declaredType = attributes["attr.type"] ?? "string";
    const type = (KEY_TYPES.has(declaredType) ? declaredType : "string") as KeyType;
    const declared = domains.map((each) => {
      const key: Key = { name: attributes["attr.name"] || id, type };
      this.keys[each].set(id, key);
      return key;
    });
    this.declaring = declared.length > 0 ? declared : undefined;
    if (this.graphItems.started) this.declaredAfterItems = true;
  }

  private draftFor(domain: Domain): Draft {
    const withDefaults = (this.withDefaults[domain] ??= [...this.keys[domain]].filter(([, key]) => key.fallback !== undefined));
    return withDefaults.length === 0 ? {} : { keysGiven: new Set() };
  }

  /** Defaults for the keys the item has no data of, then r, g and b as one colour. */
  private finish({ item, kind, draft }: OpenItem<Draft>): void {
    if (draft.keysGiven !== undefined) {
      for (const [id, key] of this.withDefaults[kind] ?? []) {
        if (!draft.keysGiven.has(id)) defineField(item.attributes, key.name, typedValue(key.type, key.fallback as string));
      }
    }
    item.attributes = withColour(item.attributes);
  }
}

function typedValue(type: KeyType, text: string): unknown {
  if (type === "string") return text;
  if (type === "boolean") return text.toLowerCase() === "true";
  return +text;
}

/** graphology-graphml's DEFAULT_FORMATTER: numeric r, g and b as one "#rrggbb" `color`. */
function withColour(attributes: AttributeMap): AttributeMap {
  const { r, g, b } = attributes;
  if (typeof r !== "number" || typeof g !== "number" || typeof b !== "number") return attributes;
  const coloured: AttributeMap = {};
  for (const name of Object.keys(attributes)) if (name !== "r" && name !== "g" && name !== "b") defineField(coloured, name, attributes[name]);
  defineField(coloured, "color", `#${byteToHex(r)}${byteToHex(g)}${byteToHex(b)}`);
  return coloured;
}

function byteToHex(value: number): string {
  return `0${(value | 0).toString(16)}`.slice(-2);
}
