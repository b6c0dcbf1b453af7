/**
 * The network on screen: sigma.js draws, with WebGL, a display graph of every organisation's
 * position and the links the filters let through; what each looks like (colour, size, hidden,
 * highlighted) comes from reducers over the current look, so a change of colouring is one
 * refresh, and a change of filter one new display graph. ForceAtlas2 runs in a web worker
 * (graphology-layout-forceatlas2/worker) from seeded initial positions; map mode moves
 * organisations to their projected coordinates, and back.
 */
import { seededRandom } from "@linkscale/core";
import Graph from "graphology";
import type { Attributes } from "graphology-types";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";
import { faded, type Colouring } from "./colours.ts";
import { GesturePreview } from "./gesture-preview.ts";
import { hasCoordinates, type Visibility } from "./filters.ts";
import { attachMap, mapPosition } from "./map.ts";
import { SEED, type Network } from "./network.ts";
import type { Mode } from "./state.ts";

export interface Look {
  mode: Mode;
  visibility: Visibility;
  nodeColour: Colouring;
  /** The attribute nodeColour reads. */
  colourBy: string;
  linkColour: Colouring;
  /** Node id → display size. */
  sizes: Map<string, number>;
  selected?: string;
}

const MIN_SIZE = 2;
const MAX_SIZE = 14;
const DIMMED = "#e4e4e4";
/** Seconds the layout runs on after a filter changed the links while it ran. */
const LAYOUT_AFTER_FILTER_SECONDS = 5;
/** Where frames are slow, how long the pointer rests on an organisation before it is highlighted. */
const HOVER_REST_MS = 150;
/** Above this many links shown, links (and labels) are hidden while the camera moves. */
const LINKS_DRAWN_MOVING = 20_000;

/** Display sizes from a centrality: area grows with the value, from MIN_SIZE to MAX_SIZE. */
export function sizesFrom(values: Record<string, number> | undefined, nodes: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  let max = 0;
  if (values !== undefined) for (const node of nodes) max = Math.max(max, values[node] ?? 0);
  for (const node of nodes) {
    const value = values?.[node] ?? 0;
    sizes.set(node, max > 0 && Number.isFinite(value) ? MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(value, 0) / max) : MIN_SIZE + 1);
  }
  return sizes;
}

/**
 * ForceAtlas2 on a mirror of the display graph keyed by position ("0", "1", …), its positions
 * copied back after each step: graphology-layout-forceatlas2 indexes nodes in a plain object,
 * where an organisation id such as `__proto__` or `constructor` reads Object.prototype and the
 * layout goes to NaN (issue 22). The display graph is made anew when the links shown change, and
 * its layout with it, so the mirror never has to follow a change of structure.
 */
function layoutOf(display: Graph): FA2Layout {
  const nodes = display.nodes();
  const keyOf = new Map(nodes.map((node, i) => [node, String(i)]));
  const mirror = new Graph({ type: "undirected" });
  nodes.forEach((node, i) => mirror.addNode(String(i), { x: display.getNodeAttribute(node, "x") as number, y: display.getNodeAttribute(node, "y") as number }));
  display.forEachEdge((_edge, attributes, source, target) => mirror.addEdge(keyOf.get(source), keyOf.get(target), { weight: attributes["weight"] as number }));
  mirror.on("eachNodeAttributesUpdated", () => {
    let i = 0;
    display.updateEachNodeAttributes(
      (_node, attributes) => {
        const { x, y } = mirror.getNodeAttributes(String(i++)) as { x: number; y: number };
        return { ...attributes, x, y };
      },
      { attributes: ["x", "y"] },
    );
  });
  return new FA2Layout(mirror, { settings: { ...forceAtlas2.inferSettings(mirror), barnesHutOptimize: mirror.order > 2000 } });
}

export class GraphView {
  readonly renderer: Sigma;
  private look: Look;
  private hovered: { node: string; neighbours: Set<string> } | undefined;
  private pendingHover: number | undefined;
  private layout: FA2Layout | undefined;
  private detachMap: (() => void) | undefined;
  private readonly network: Network;
  /** What sigma draws: every organisation (positions only) and the links shown, nothing else. */
  private display: Graph;
  private shownLinks: string | undefined;
  private linkColours = new Map<string, string>();
  /** Pan and zoom that move the last picture while frames are slow. */
  readonly gestures: GesturePreview;

  constructor(container: HTMLElement, network: Network, look: Look, onClick: (node: string) => void) {
    this.network = network;
    this.look = { ...look, mode: "graph" };
    this.display = new Graph({ type: "undirected" });
    // Seeded initial positions, and each organisation's map position once.
    const random = seededRandom(SEED);
    network.graph.forEachNode((node, attributes) => {
      const angle = 2 * Math.PI * random();
      const radius = Math.sqrt(random()) * 100;
      const map = hasCoordinates(attributes) ? mapPosition(attributes.lon as number, attributes.lat as number) : undefined;
      // A file with a layout (Gephi's x and y) opens as laid out there.
      const [x, y] = network.positioned ? [attributes["x"] as number, attributes["y"] as number] : [radius * Math.cos(angle), radius * Math.sin(angle)];
      this.display.addNode(node, { x, y, ...(map === undefined ? {} : { mapX: map.x, mapY: map.y }) });
    });
    this.addLinks(this.display, look.visibility);
    this.shownLinks = look.visibility.key;
    const heavy = look.visibility.links > LINKS_DRAWN_MOVING;
    // Sigma indexes and draws the display graph as it is made: that is the first frame.
    this.renderer = new Sigma(this.display, container, {
      nodeReducer: (node, attributes) => this.reduceNode(node, attributes),
      edgeReducer: (edge, attributes) => this.reduceEdge(edge, attributes),
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.5,
      zIndex: true,
      // sigma's default "line" is its rectangle program (antialiased quads); links of one pixel
      // are plain GL lines, drawn about three times faster where WebGL runs on the CPU.
      defaultEdgeType: "line",
      edgeProgramClasses: { line: EdgeLineProgram },
      hideEdgesOnMove: heavy,
      hideLabelsOnMove: heavy,
    });
    this.gestures = new GesturePreview(this.renderer);
    // A hover restyles every node and link: not while the mouse drags the camera across nodes,
    // and not while a gesture moves the picture (it is drawn anew when the gesture rests). Where
    // frames are slow, it waits for the pointer to rest, so that sweeping across nodes draws none.
    const captor = this.renderer.getMouseCaptor();
    const hover = (hovered: typeof this.hovered) => {
      window.clearTimeout(this.pendingHover);
      if (hovered?.node === this.hovered?.node) return;
      const show = () => {
        this.hovered = hovered;
        if (!this.gestures.active) this.renderer.refresh({ skipIndexation: true });
      };
      if (this.gestures.slow) this.pendingHover = window.setTimeout(show, HOVER_REST_MS);
      else show();
    };
    this.renderer.on("enterNode", ({ node }) => {
      if (captor.isMouseDown || this.gestures.active) return;
      hover({ node, neighbours: new Set(this.display.neighbors(node)) });
    });
    this.renderer.on("leaveNode", () => hover(undefined));
    this.renderer.on("clickNode", ({ node }) => {
      if (!this.gestures.dragged) onClick(node);
    });
    if (look.mode === "map") this.setLook(look);
  }

  /**
   * A new display graph when the links shown change: sigma allocates, indexes and draws every
   * edge of the graph it holds, hidden or not, so the full Horizon 2020 network's 800,000 links
   * would cost each frame even with most filtered out. Positions carry over. Sigma indexes and
   * draws a graph as it takes it: true when it did.
   */
  private showLinks(visibility: Visibility): boolean {
    if (visibility.key === this.shownLinks) return false;
    this.shownLinks = visibility.key;
    const running = this.isLayoutRunning();
    this.layout?.kill();
    this.layout = undefined;
    const display = this.display.emptyCopy();
    this.addLinks(display, visibility);
    this.display = display;
    this.renderer.setGraph(display);
    if (running) this.startLayout(LAYOUT_AFTER_FILTER_SECONDS);
    return true;
  }

  private addLinks(display: Graph, visibility: Visibility): void {
    this.network.graph.forEachEdge((edge, attributes, source, target) => {
      if (visibility.link(edge, attributes, source, target)) display.addEdgeWithKey(edge, source, target, { weight: attributes.weight, scale: this.network.scaleOf(edge) });
    });
  }

  setLook(look: Look): void {
    const toMap = look.mode === "map" && this.look.mode !== "map";
    const toGraph = look.mode !== "map" && this.look.mode === "map";
    this.look = look;
    this.linkColours.clear();
    // Many links are drawn when the camera rests, not while it moves: panning stays fluid. Sigma
    // indexes every node and link again on any change of a setting: set only when it changes.
    const heavy = look.visibility.links > LINKS_DRAWN_MOVING;
    if (this.renderer.getSetting("hideEdgesOnMove") !== heavy) {
      this.renderer.setSetting("hideEdgesOnMove", heavy);
      this.renderer.setSetting("hideLabelsOnMove", heavy);
    }
    this.gestures.remeasure();
    const drawn = this.showLinks(look.visibility);
    if (toMap) {
      this.stopLayout();
      this.placeOnMap();
      this.detachMap = attachMap(this.renderer);
    } else if (toGraph) {
      this.detachMap?.();
      this.detachMap = undefined;
      this.display.updateEachNodeAttributes((_node, a) => ({ ...a, x: a["layoutX"] as number, y: a["layoutY"] as number }), { attributes: ["x", "y"] });
    }
    if (toMap || toGraph) this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    if (!drawn || toMap || toGraph) this.renderer.refresh();
  }

  /**
   * Moves organisations to their map positions, keeping the layout's to come back to. Those
   * without coordinates are hidden in map mode, and wait at the centre of the others.
   */
  private placeOnMap(): void {
    const graph = this.display;
    let sumX = 0;
    let sumY = 0;
    let placed = 0;
    graph.forEachNode((_node, a) => {
      if (typeof a["mapX"] !== "number") return;
      sumX += a["mapX"];
      sumY += a["mapY"] as number;
      placed++;
    });
    const centre = { x: placed > 0 ? sumX / placed : 0, y: placed > 0 ? sumY / placed : 0 };
    graph.updateEachNodeAttributes(
      (_node, a) => ({ ...a, layoutX: a.x, layoutY: a.y, x: (a["mapX"] as number | undefined) ?? centre.x, y: (a["mapY"] as number | undefined) ?? centre.y }),
      { attributes: ["x", "y"] },
    );
  }

  /**
   * Runs ForceAtlas2 in its worker for `seconds` from its first step (the worker may take a while
   * to start on a large network), or until stopped.
   */
  startLayout(seconds: number): void {
    if (this.look.mode === "map") return;
    const graph = this.display;
    const layout = (this.layout ??= layoutOf(graph));
    layout.start();
    graph.once("eachNodeAttributesUpdated", () => window.setTimeout(() => layout.stop(), seconds * 1000));
  }

  stopLayout(): void {
    this.layout?.stop();
  }

  isLayoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /** Where the view has an organisation now (the layout's or the map's position). */
  position(node: string): { x: number; y: number } {
    const { x, y } = this.display.getNodeAttributes(node) as { x: number; y: number };
    return { x, y };
  }

  focus(node: string): void {
    const display = this.renderer.getNodeDisplayData(node);
    if (display === undefined) return;
    void this.renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.25 }, { duration: 400 });
  }

  kill(): void {
    this.layout?.kill();
    this.detachMap?.();
    window.clearTimeout(this.pendingHover);
    this.gestures.kill();
    this.renderer.kill();
  }

  /** A node's look, from its data in the network (the display graph holds only positions). */
  private reduceNode(node: string, position: Attributes): Attributes {
    const { visibility, nodeColour, colourBy, sizes, selected } = this.look;
    if (!visibility.node(node)) return { ...position, hidden: true };
    const data = this.network.graph.getNodeAttributes(node);
    const highlighted = this.hovered === undefined || this.hovered.node === node || this.hovered.neighbours.has(node);
    const focused = node === selected || node === this.hovered?.node;
    return {
      ...position,
      label: String(data.name ?? node),
      size: sizes.get(node) ?? MIN_SIZE,
      color: highlighted ? nodeColour.colour(data[colourBy]) : DIMMED,
      zIndex: focused ? 2 : highlighted ? 1 : 0,
      highlighted: focused,
      forceLabel: focused,
    };
  }

  private reduceEdge(edge: string, attributes: Attributes): Attributes {
    const { hovered } = this;
    if (hovered !== undefined && !this.display.hasExtremity(edge, hovered.node)) return { ...attributes, hidden: true };
    return { ...attributes, color: this.linkColour(String(attributes["scale"]), hovered === undefined ? 0.35 : 0.9), size: 1 };
  }

  /** A scale's link colour at a strength, made once per look rather than once per link. */
  private linkColour(scale: string, strength: number): string {
    const key = `${scale} ${strength}`;
    let colour = this.linkColours.get(key);
    if (colour === undefined) this.linkColours.set(key, (colour = faded(this.look.linkColour.colour(scale), strength)));
    return colour;
  }
}
