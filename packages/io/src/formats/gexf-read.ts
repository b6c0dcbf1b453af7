/**
 * GEXF's vocabulary, read from the stream of elements (xml-stream.ts) into the items that
 * `loadGraphItems` checks. The rules are graphology-gexf 0.13's, which linkscale read GEXF with
 * until issue 20 (its DOM did not fit in memory at full scale), so that a file reads as it did:
 * - a node's id is its key, an edge's source and target its ends; `label`, `weight` (a number)
 *   and `kind`, when given, are attributes of the node or edge;
 * - each `<attvalue>` is typed by the `<attribute>` it names (gexf-values.ts) and named by that
 *   attribute's title when its id is a number (Gephi's `id="0" title="country"`), by its id
 *   otherwise; an attribute the file does not declare is read as text, named by its id;
 * - a declared `<default>` fills in for an item that has no value of its own;
 * - Gephi's layout and looks (`viz:position` x, y, z; `viz:size`; `viz:color` as "#hex",
 *   "rgb(r,g,b)" or "rgba(r,g,b,a)"; `viz:shape`; `viz:thickness`) become the attributes of those
 *   names, over any attribute value of the same name; unprefixed `<color>` and the like are read
 *   where no `viz:` one is;
 * - an edge is directed when its `type`, or else the first `<graph>`'s `defaultedgetype`, is
 *   "directed" (graph-load.ts reads directed files as undirected);
 * - `<meta>`, spells and hierarchy are not read: a node inside a node is a node of its own.
 * Where the library's DOM gave odd answers, this reads what the file says: attribute blocks are
 * all read (it kept only the last block of each class), and an element belongs to its innermost
 * node or edge (it gave a parent node its children's values too).
 *
 * GEXF declares attributes before the nodes; a file that declares one after (no schema allows
 * it, but the DOM read it) is read a second time, knowing every declaration from the start.
 */
import { defineField } from "../records.ts";
import type { GraphItems } from "./graph-load.ts";
import { gexfValue } from "./gexf-values.ts";
import { XmlGraphItems, type OpenItem } from "./xml-items.ts";
import { walkXml, type XmlElementStart, type XmlVisitor } from "./xml-stream.ts";

const GEXF = { format: "GEXF", root: "gexf" };

type Domain = "node" | "edge";

interface Declaration {
  /** The attribute's name in the graph. */
  title: string;
  type: string;
  /** The `<default>` read by the type, once the file gives one. */
  fallback?: { value: unknown };
}

type Declarations = Record<Domain, Map<string, Declaration>>;

interface Draft {
  /** The item's first element of each viz name (`viz:color`, `color`…), by name. */
  viz?: Map<string, Readonly<Record<string, string>>>;
}

const VIZ_PROPERTIES = ["color", "size", "position", "shape", "thickness"] as const;
const VIZ_NAMES = new Set(VIZ_PROPERTIES.flatMap((property) => [`viz:${property}`, property]));

/** The nodes and edges of a GEXF text, in file order, or why the file is refused. */
export function readGexfItems(text: string): GraphItems | { error: string } {
  const reader = new GexfReader();
  const error = walkXml(text, GEXF, reader);
  if (error !== undefined) return { error };
  if (!reader.declaredAfterItems) return reader.items();
  const again = new GexfReader(reader.declarations);
  const secondError = walkXml(text, GEXF, again);
  return secondError === undefined ? again.items() : { error: secondError };
}

class GexfReader implements XmlVisitor {
  readonly declarations: Declarations;
  /** Set when an `<attribute>` comes after the first node or edge. */
  declaredAfterItems = false;
  // Declarations known from a first reading: the file's own are then passed over.
  private readonly declarationsGiven: boolean;
  private readonly graphItems = new XmlGraphItems<Draft>();
  private defaultEdgeType: string | undefined;
  private declaringFor: Domain | undefined;
  private declaring: Declaration | undefined;

  constructor(declarations?: Declarations) {
    this.declarationsGiven = declarations !== undefined;
    this.declarations = declarations ?? { node: new Map(), edge: new Map() };
  }

  items(): GraphItems {
    return { nodes: this.graphItems.nodes, edges: this.graphItems.edges };
  }

  open(element: XmlElementStart): boolean {
    const { name, attributes } = element;
    switch (name) {
      case "graph": {
        if (this.defaultEdgeType === undefined) {
          const type = attributes["defaultedgetype"] || "undirected";
          this.defaultEdgeType = type === "mutual" ? "undirected" : type;
        }
        return false;
      }
      case "attributes": {
        const kind = attributes["class"];
        this.declaringFor = kind === "node" || kind === "edge" ? kind : undefined;
        return false;
      }
      case "attribute":
        if (this.declaringFor !== undefined && !this.declarationsGiven) this.declare(this.declaringFor, attributes);
        return false;
      case "default":
        // Its text, read by the attribute's type when it closes; only the first counts.
        return this.declaring !== undefined && this.declaring.fallback === undefined;
      case "node": {
        const item = this.graphItems.openNode(element, {});
        if (item !== undefined) readItemAttributes(item.attributes, attributes);
        return false;
      }
      case "edge": {
        const type = attributes["type"] || this.defaultEdgeType || "undirected";
        const item = this.graphItems.openEdge(element, type === "directed", {});
        if (item !== undefined) readItemAttributes(item.attributes, attributes);
        return false;
      }
      case "attvalue": {
        const open = this.graphItems.current;
        if (open !== undefined) {
          const id = attributes["id"] || attributes["for"] || "";
          const declared = this.declarations[open.kind].get(id);
          defineField(open.item.attributes, declared?.title ?? id, gexfValue(declared?.type ?? "string", attributes["value"] ?? ""));
        }
        return false;
      }
      default: {
        const open = this.graphItems.current;
        if (open !== undefined && VIZ_NAMES.has(name)) {
          const viz = (open.draft.viz ??= new Map());
          if (!viz.has(name)) viz.set(name, attributes);
        }
        return false;
      }
    }
  }

  close(name: string, text: string): void {
    switch (name) {
      case "node":
      case "edge": {
        const open = this.graphItems.close(name);
        if (open !== undefined) this.finish(open);
        return;
      }
      case "attributes":
        this.declaringFor = undefined;
        return;
      case "attribute":
        this.declaring = undefined;
        return;
      case "default":
        if (this.declaring !== undefined && this.declaring.fallback === undefined) {
          this.declaring.fallback = { value: gexfValue(this.declaring.type, text) };
        }
        return;
    }
  }

  private declare(domain: Domain, attributes: Readonly<Record<string, string>>): void {
    const id = attributes["id"] || attributes["for"] || "";
    // graphology-gexf's rule: Gephi numbers its attributes and titles them; other files name them by id.
    const title = Number.isNaN(Number(id)) ? id : attributes["title"] || id;
    this.declaring = { title, type: attributes["type"] || "string" };
    this.declarations[domain].set(id, this.declaring);
    if (this.graphItems.started) this.declaredAfterItems = true;
  }

  /** Defaults where the item has no value, then the viz elements over any value. */
  private finish({ item, kind, draft }: OpenItem<Draft>): void {
    const { attributes } = item;
    for (const { title, fallback } of this.declarations[kind].values()) {
      if (fallback !== undefined && !Object.hasOwn(attributes, title)) defineField(attributes, title, fallback.value);
    }
    if (draft.viz === undefined) return;
    for (const property of VIZ_PROPERTIES) {
      const viz = draft.viz.get(`viz:${property}`) ?? draft.viz.get(property);
      if (viz !== undefined) readViz(attributes, property, viz);
    }
  }
}

/** The XML attributes a GEXF node or edge carries as graph attributes, when given. */
function readItemAttributes(attributes: Record<string, unknown>, xml: Readonly<Record<string, string>>): void {
  const { label, weight, kind } = xml;
  if (label) attributes["label"] = label;
  if (weight) attributes["weight"] = +weight;
  if (kind) attributes["kind"] = kind;
}

function readViz(attributes: Record<string, unknown>, property: (typeof VIZ_PROPERTIES)[number], viz: Readonly<Record<string, string>>): void {
  switch (property) {
    case "color": {
      const { hex, r = "", g = "", b = "", a } = viz;
      attributes["color"] = hex ? hex : a ? `rgba(${r},${g},${b},${a})` : `rgb(${r},${g},${b})`;
      return;
    }
    case "position":
      for (const axis of ["x", "y", "z"]) {
        const value = viz[axis];
        if (value) attributes[axis] = +value;
      }
      return;
    case "shape":
      attributes["shape"] = viz["value"] ?? "";
      return;
    default:
      attributes[property] = +(viz["value"] ?? "");
  }
}
