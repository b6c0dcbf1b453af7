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
 * - `<meta>` and hierarchy are not read: a node inside a node is a node of its own.
 * Two rules of its own, where graphology-gexf's reading lost what a file says:
 * - a dynamic file is read into years, not as static: gexf-dynamics.ts folds each link's times
 *   (read as years by gexf-time.ts), spells and weights over time into its `firstYear`, `lastYear`
 *   and `weight`, rejects a link whose times cannot be read so (naming the element and its line
 *   and column), refuses a file whose time format cannot be read as years, and names in the load's
 *   `rules` each rule it needed and what it left out (organisations' times, values that change);
 * - a `viz:color` and an attribute value `color` naming the same colour keep the value's text
 *   ("#FF0010" beside r, g, b: the writer, gexf-viz.ts, puts it there when GEXF 1.2's r, g, b
 *   would come back written otherwise); and where every `viz:position` has z = 0 the layout is
 *   2-D (Gephi then writes no z at all; GEXF 1.2 needs one) and no z is read, a rule named.
 * Where the library's DOM gave odd answers, this reads what the file says: attribute blocks are
 * all read (it kept only the last block of each class), and an element belongs to its innermost
 * node or edge (it gave a parent node its children's values too).
 *
 * GEXF declares attributes before the nodes; a file that declares one after (no schema allows
 * it, but the DOM read it) is read a second time, knowing every declaration from the start.
 */
import { defineField } from "../records.ts";
import type { AttributeMap, GraphItems } from "./graph-load.ts";
import { addTimedValue, addTimedWeight, DynamicsTally, newItemDynamics, type ItemDynamics } from "./gexf-dynamics.ts";
import { elementAt, hasTime, timeAxis, type GraphTimeSettings, type TimeAxis, type Where } from "./gexf-time.ts";
import { gexfValue } from "./gexf-values.ts";
import { sameColour } from "./gexf-viz.ts";
import { XmlGraphItems, type OpenItem } from "./xml-items.ts";
import { walkXml, type XmlElementStart, type XmlVisitor } from "./xml-stream.ts";

const GEXF = { format: "GEXF", root: "gexf" };

/** The rules of this file's own that a load names when a file needed them. */
export const gexfReadRules = {
  flatLayout: () => "GEXF: every viz:position has z = 0, a 2-D layout (Gephi writes no z for one): no z is read",
};

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
  /** Its times and values over time, once it has one. */
  dynamics?: ItemDynamics;
  /** An edge's index among the edges, for its problems' path (`edges[3]`). */
  index?: number;
}

/** Thrown inside the walk to refuse a file whose times cannot be read; never leaves readGexfItems. */
class TimeRefusal {
  constructor(readonly message: string) {}
}

const VIZ_PROPERTIES = ["color", "size", "position", "shape", "thickness"] as const;
const VIZ_NAMES = new Set(VIZ_PROPERTIES.flatMap((property) => [`viz:${property}`, property]));

/**
 * The nodes and edges of a GEXF text, in file order, with the rules the reading needed, or why
 * the file is refused.
 */
export function readGexfItems(text: string): (GraphItems & { rules?: string[] }) | { error: string } {
  let reader = new GexfReader();
  const error = walk(text, reader);
  if (error !== undefined) return { error };
  if (reader.declaredAfterItems) {
    reader = new GexfReader(reader.declarations);
    const secondError = walk(text, reader);
    if (secondError !== undefined) return { error: secondError };
  }
  return reader.items();
}

function walk(text: string, reader: GexfReader): string | undefined {
  try {
    return walkXml(text, GEXF, reader);
  } catch (error) {
    if (error instanceof TimeRefusal) return error.message;
    throw error;
  }
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
  // The first <graph>'s time settings, and the axis they give once a time has to be read.
  private timeSettings: GraphTimeSettings | undefined;
  private sliceMode = false;
  private timeAxis: TimeAxis | undefined;
  private readonly dynamics = new DynamicsTally();
  // Attributes given z = 0 by a viz:position, set only if some position has another z.
  private readonly zeroDepth: AttributeMap[] = [];
  private sawDepth = false;

  constructor(declarations?: Declarations) {
    this.declarationsGiven = declarations !== undefined;
    this.declarations = declarations ?? { node: new Map(), edge: new Map() };
  }

  items(): GraphItems & { rules?: string[] } {
    const rules: string[] = [];
    if (this.sawDepth) for (const attributes of this.zeroDepth) defineField(attributes, "z", 0);
    else if (this.zeroDepth.length > 0) rules.push(gexfReadRules.flatLayout());
    rules.push(...this.dynamics.rules(this.timeSettings?.format));
    const items = { nodes: this.graphItems.nodes, edges: this.graphItems.edges };
    return rules.length > 0 ? { ...items, rules } : items;
  }

  /** The graph's time format, read once a time has to be read as a year; refuses the file if it cannot be. */
  private axis(): TimeAxis {
    if (this.timeAxis !== undefined) return this.timeAxis;
    const axis = timeAxis(this.timeSettings ?? { format: "double", where: "<graph>", attributes: {} });
    if ("error" in axis) throw new TimeRefusal(axis.error);
    return (this.timeAxis = axis);
  }

  open(element: XmlElementStart): boolean {
    const { name, attributes } = element;
    switch (name) {
      case "graph": {
        if (this.defaultEdgeType === undefined) {
          const type = attributes["defaultedgetype"] || "undirected";
          this.defaultEdgeType = type === "mutual" ? "undirected" : type;
        }
        if (this.timeSettings === undefined) {
          // GEXF 1.1 names the format timetype; GEXF's default is double.
          const format = attributes["timeformat"] || attributes["timetype"] || "double";
          this.timeSettings = { format, where: elementAt("graph", element.line, element.column), attributes: { ...attributes } };
          this.sliceMode = attributes["mode"] === "slice";
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
        const draft: Draft = {};
        const item = this.graphItems.openNode(element, draft);
        if (item === undefined) return false;
        readItemAttributes(item.attributes, attributes);
        if (hasTime(attributes)) draft.dynamics = { ...newItemDynamics(), timed: true };
        return false;
      }
      case "edge": {
        const type = attributes["type"] || this.defaultEdgeType || "undirected";
        const draft: Draft = { index: this.graphItems.edges.length };
        const item = this.graphItems.openEdge(element, type === "directed", draft);
        if (item === undefined) return false;
        readItemAttributes(item.attributes, attributes);
        if (hasTime(attributes)) this.readTimes(draft, attributes, element);
        return false;
      }
      case "spell":
      case "slice": {
        // A time of the innermost item (GEXF 1.1 names spells slices).
        const open = this.graphItems.current;
        if (open === undefined) return false;
        if (open.kind === "edge") this.readTimes(open.draft, attributes, element);
        else (open.draft.dynamics ??= newItemDynamics()).timed = true;
        return false;
      }
      case "attvalue": {
        const open = this.graphItems.current;
        if (open !== undefined) {
          const id = attributes["id"] || attributes["for"] || "";
          const declared = this.declarations[open.kind].get(id);
          const title = declared?.title ?? id;
          const value = gexfValue(declared?.type ?? "string", attributes["value"] ?? "");
          if (!hasTime(attributes)) defineField(open.item.attributes, title, value);
          else if (open.kind === "edge" && title === "weight") this.readTimedWeight(open.draft, attributes, element);
          else addTimedValue((open.draft.dynamics ??= newItemDynamics()), title, value);
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

  /** An edge's own times, or a spell's: their years, or the problem that rejects the edge. */
  private readTimes(draft: Draft, attributes: Readonly<Record<string, string>>, element: XmlElementStart): void {
    const dynamics = (draft.dynamics ??= newItemDynamics());
    const times = this.axis().spansOf(attributes, located(element));
    if ("problem" in times) dynamics.problems.push({ column: `${pathOf(draft)}.${times.field}`, message: times.problem });
    else dynamics.spans.push(...times.spans);
  }

  /** An edge's weight over time: summed, its time kept for an edge that has none of its own. */
  private readTimedWeight(draft: Draft, attributes: Readonly<Record<string, string>>, element: XmlElementStart): void {
    const dynamics = (draft.dynamics ??= newItemDynamics());
    const where = located(element);
    const times = this.axis().spansOf(attributes, where);
    if ("problem" in times) dynamics.problems.push({ column: `${pathOf(draft)}.${times.field}`, message: times.problem });
    else addTimedWeight(dynamics, attributes["value"] ?? "", times.spans, where, pathOf(draft));
  }

  /** Times and values over time settled, defaults where the item has no value, then the viz elements over any value. */
  private finish({ item, kind, draft }: OpenItem<Draft>): void {
    const { attributes } = item;
    // In a slice (GEXF 1.3), every link is of the graph's one time.
    if (kind === "edge" && this.sliceMode && (draft.dynamics?.spans.length ?? 0) === 0) {
      draft.dynamics = { ...(draft.dynamics ?? newItemDynamics()), spans: [{ first: undefined, last: undefined }], ofSlice: true };
    }
    const { dynamics } = draft;
    if (dynamics !== undefined) {
      const problems = this.dynamics.settle(kind, attributes, dynamics, pathOf(draft), () => this.axis());
      if (problems.length > 0) item.problems = [...(item.problems ?? []), ...problems];
    }
    for (const { title, fallback } of this.declarations[kind].values()) {
      if (fallback === undefined || Object.hasOwn(attributes, title) || dynamics?.changing?.has(title)) continue;
      defineField(attributes, title, fallback.value);
    }
    if (draft.viz === undefined) return;
    for (const property of VIZ_PROPERTIES) {
      const viz = draft.viz.get(`viz:${property}`) ?? draft.viz.get(property);
      if (viz === undefined) continue;
      if (property === "position") this.readPosition(attributes, viz);
      else readViz(attributes, property, viz);
    }
  }

  /** x and y as given; z where some position in the file has another z than 0 (see the banner). */
  private readPosition(attributes: AttributeMap, viz: Readonly<Record<string, string>>): void {
    for (const axis of ["x", "y"]) {
      const value = viz[axis];
      if (value) attributes[axis] = +value;
    }
    const z = viz["z"];
    if (!z) return;
    if (+z === 0) {
      this.zeroDepth.push(attributes);
    } else {
      attributes["z"] = +z;
      this.sawDepth = true;
    }
  }
}

/**
 * Where an element is, as a message would name it. Its line and column are read now, since the
 * element object serves the next element next; the text is made only for a message.
 */
function located(element: XmlElementStart): Where {
  const { name, line, column } = element;
  return () => elementAt(name, line, column);
}

/** An edge's path among the edges, as problems name it. */
function pathOf({ index }: Draft): string {
  return `edges[${index ?? 0}]`;
}

/** The XML attributes a GEXF node or edge carries as graph attributes, when given. */
function readItemAttributes(attributes: Record<string, unknown>, xml: Readonly<Record<string, string>>): void {
  const { label, weight, kind } = xml;
  if (label) attributes["label"] = label;
  if (weight) attributes["weight"] = +weight;
  if (kind) attributes["kind"] = kind;
}

function readViz(attributes: Record<string, unknown>, property: Exclude<(typeof VIZ_PROPERTIES)[number], "position">, viz: Readonly<Record<string, string>>): void {
  switch (property) {
    case "color": {
      const { hex, r = "", g = "", b = "", a } = viz;
      const colour = hex ? hex : a ? `rgba(${r},${g},${b},${a})` : `rgb(${r},${g},${b})`;
      // The writer's text of the same colour, where GEXF 1.2's r, g, b would give another (gexf-viz.ts).
      const own = attributes["color"];
      if (!(typeof own === "string" && sameColour(own, colour))) attributes["color"] = colour;
      return;
    }
    case "shape":
      attributes["shape"] = viz["value"] ?? "";
      return;
    default:
      attributes[property] = +(viz["value"] ?? "");
  }
}
