/**
 * The `<node>` and `<edge>` elements of a GEXF or GraphML file, gathered as the items
 * `loadGraphItems` checks: in file order, each with the line and column where its element starts
 * (its `row` and `character`), so that a rejected item is found in an editor at once. Each format
 * reader fills in the attributes from its own vocabulary; what both share lives here.
 *
 * A `<node>` or `<edge>` inside an `<edge>` (which holds neither, in GEXF as in GraphML) is an item
 * of its own, rejected with its position, and nothing inside it is read. Items may nest otherwise
 * (a hierarchical file's nodes inside a node): an element inside belongs to the innermost item.
 * Attribute tables are plain objects whose names are defined, never assigned (records.ts), so a
 * file's attribute named "__proto__" or "constructor" is kept as any other.
 */
import type { EdgeItem, NodeItem } from "./graph-load.ts";
import type { XmlElementStart } from "./xml-stream.ts";
import { xmlMessages } from "./xml.ts";

/** An item being read, with what its format reader keeps beside it until the element closes. */
export interface OpenItem<Draft> {
  item: NodeItem | EdgeItem;
  kind: "node" | "edge";
  /** The depth of the item's element, to tell its children from deeper elements. */
  depth: number;
  draft: Draft;
}

export class XmlGraphItems<Draft> {
  readonly nodes: NodeItem[] = [];
  readonly edges: EdgeItem[] = [];
  // One entry per open <node> or <edge>: undefined for one set aside as misplaced.
  private readonly open: Array<OpenItem<Draft> | undefined> = [];
  private openEdges = 0;

  /** Whether any node or edge has been met yet. */
  get started(): boolean {
    return this.nodes.length + this.edges.length > 0;
  }

  /** The innermost open item; undefined outside every item, or inside one set aside. */
  get current(): OpenItem<Draft> | undefined {
    return this.open[this.open.length - 1];
  }

  /** A `<node>`: its item, or undefined when it is inside an `<edge>` and so rejected. */
  openNode(element: XmlElementStart, draft: Draft): NodeItem | undefined {
    const key = element.attributes["id"] || undefined;
    if (this.openEdges > 0) {
      const problem = { column: `nodes[${this.nodes.length}]`, message: xmlMessages.insideEdge("node", element.line, element.column) };
      this.nodes.push({ key, attributes: {}, row: element.line, character: element.column, problems: [problem] });
      this.open.push(undefined);
      return undefined;
    }
    const item: NodeItem = { key, attributes: {}, row: element.line, character: element.column };
    this.nodes.push(item);
    this.open.push({ item, kind: "node", depth: element.depth, draft });
    return item;
  }

  /** An `<edge>`: its item, or undefined when it is inside another `<edge>` and so rejected. */
  openEdge(element: XmlElementStart, directed: boolean, draft: Draft): EdgeItem | undefined {
    const source = element.attributes["source"] || undefined;
    const target = element.attributes["target"] || undefined;
    const row = element.line;
    const character = element.column;
    if (this.openEdges++ > 0) {
      const problem = { column: `edges[${this.edges.length}]`, message: xmlMessages.insideEdge("edge", element.line, element.column) };
      this.edges.push({ source, target, attributes: {}, directed: false, row, character, problems: [problem] });
      this.open.push(undefined);
      return undefined;
    }
    const item: EdgeItem = { source, target, attributes: {}, directed, row, character };
    this.edges.push(item);
    this.open.push({ item, kind: "edge", depth: element.depth, draft });
    return item;
  }

  /** Closes the innermost `<node>` or `<edge>`; gives it back unless it was set aside. */
  close(name: "node" | "edge"): OpenItem<Draft> | undefined {
    if (name === "edge") this.openEdges--;
    return this.open.pop();
  }
}
