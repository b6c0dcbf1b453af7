/**
 * The network on screen: sigma.js draws, with WebGL, a display graph of every organisation's
 * position and the links the filters let through; what each looks like (colour, size, hidden,
 * highlighted) comes from reducers over the current look, so a change of colouring is one
 * refresh, and a change of filter one new display graph. Positions come from the layout
 * (layout.ts, which runs ForceAtlas2 in a worker) as it reports them; map mode moves
 * organisations to their projected coordinates, and back to the layout's positions; there,
 * organisations at one place are one bubble (map-places.ts), and the view opens on where the
 * organisations are (map-extent.ts).
 *
 * Links are drawn by scale, finest on top (local above national above transnational, unknown
 * beneath all), so that the few local and national links are not buried under the many
 * transnational ones; each in its scale's colour, stronger the heavier it is (colours.ts).
 * Organisations are named as many as the look's density asks, placed so that no two names
 * overlap (label-placement.ts).
 */
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import Graph from "graphology";
import type { Attributes } from "graphology-types";
import Sigma from "sigma";
import { EdgeLineProgram } from "sigma/rendering";
import { faded, linkStrength, type Colouring } from "./colours.ts";
import { floatingBoxes, placeRendererLabels, PLACED_LABELS } from "./label-placement.ts";
import { formatCount } from "./dom.ts";
import { GesturePreview } from "./gesture-preview.ts";
import { hasCoordinates, type Visibility } from "./filters.ts";
import { attachMap, isPlaceNode, mapPosition } from "./map.ts";
import { centralBox, inBox } from "./map-extent.ts";
import { PlaceList } from "./map-place-list.ts";
import { DISC_PX } from "./overlap.ts";
import { addPlaces, MIXED_PLACE_COLOUR, NO_PLACES, type MapPlaces, type ShownPlace } from "./map-places.ts";
import type { Network } from "./network.ts";
import type { LabelDensity, Mode } from "./state.ts";

export interface Look {
  mode: Mode;
  visibility: Visibility;
  nodeColour: Colouring;
  /** The attribute nodeColour reads. */
  colourBy: string;
  linkColour: Colouring;
  /** Node id → display size. */
  sizes: Map<string, number>;
  labels: LabelDensity;
  selected?: string;
}

/**
 * Sigma's label settings per density: labels per cell of its 100-pixel grid (the largest nodes'
 * first; 0 names only the selected and hovered organisation) and the smallest node, in pixels on
 * screen, that is named. Labels are then placed so that none overlaps another (label-placement.ts).
 */
const LABEL_SETTINGS: Record<LabelDensity, { labelDensity: number; labelRenderedSizeThreshold: number }> = {
  none: { labelDensity: 0, labelRenderedSizeThreshold: Infinity },
  few: { labelDensity: 0.15, labelRenderedSizeThreshold: 10 },
  some: { labelDensity: 0.5, labelRenderedSizeThreshold: 8 },
  many: { labelDensity: 2, labelRenderedSizeThreshold: 5 },
  all: { labelDensity: Infinity, labelRenderedSizeThreshold: 0 },
};
const MIN_SIZE = 2;
const MAX_SIZE = 14;
const DIMMED = "#e4e4e4";
/** Link colour strengths are rounded to this many steps, so that a look makes few colours. */
const STRENGTH_STEPS = 16;
/** The strength of the hovered organisation's links, whatever their weight. */
const HOVERED_STRENGTH = 0.9;
/** Where frames are slow, how long the pointer rests on an organisation before it is highlighted. */
const HOVER_REST_MS = 150;
/** Above this many links shown, links (and labels) are hidden while the camera moves. */
const LINKS_DRAWN_MOVING = 20_000;
/** The map's first view leaves this share of its width (or height) free on each side. */
const MAP_MARGIN = 0.05;
const WHOLE_VIEW = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

/** Display sizes from a centrality: area grows with the value, from MIN_SIZE to MAX_SIZE. */
export function sizesFrom(values: Record<string, number> | undefined, nodes: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  let max = 0;
  if (values !== undefined) for (const node of nodes) max = Math.max(max, values[node] ?? 0);
  for (const node of nodes) {
    const value = values?.[node] ?? 0;
    sizes.set(node, max > 0 && Number.isFinite(value) ? MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(value, 0) / max) : DISC_PX);
  }
  return sizes;
}

export class GraphView {
  readonly renderer: Sigma;
  private look: Look;
  private hovered: { node: string; neighbours: Set<string> } | undefined;
  private pendingHover: number | undefined;
  /** The layout's positions (x, y interleaved, in the network graph's node order), kept through map mode. */
  private layoutPositions: Float64Array;
  private detachMap: (() => void) | undefined;
  private readonly network: Network;
  /** What sigma draws: every organisation (positions only) and the links shown, nothing else. */
  private display: Graph;
  private shownLinks: string | undefined;
  private linkColours = new Map<string, string>();
  /** Scale → its place in the drawing order: the finest highest. */
  private scaleRanks = new Map<string, number>();
  /** Pan and zoom that move the last picture while frames are slow. */
  readonly gestures: GesturePreview;
  /** In map mode, the places drawn as bubbles; none otherwise. */
  private mapPlaces: MapPlaces = NO_PLACES;
  private readonly placeList: PlaceList;
  private readonly unplaceLabels: () => void;

  /** `positions`: the layout's, x and y interleaved in the network graph's node order. */
  constructor(container: HTMLElement, network: Network, look: Look, positions: Float64Array, onClick: (node: string) => void) {
    this.network = network;
    this.look = { ...look, mode: "graph" };
    this.rankScales();
    this.layoutPositions = positions;
    this.display = new Graph({ type: "undirected" });
    // Each organisation's map position, once.
    let i = 0;
    network.graph.forEachNode((node, attributes) => {
      const map = hasCoordinates(attributes) ? mapPosition(attributes.lon as number, attributes.lat as number) : undefined;
      this.display.addNode(node, { x: positions[2 * i] as number, y: positions[2 * i + 1] as number, ...(map === undefined ? {} : { mapX: map.x, mapY: map.y }) });
      i++;
    });
    this.addLinks(this.display, look.visibility);
    // Opened in map mode, setLook below makes the map's display graph.
    this.shownLinks = look.mode === "map" ? undefined : look.visibility.key;
    const heavy = look.visibility.links > LINKS_DRAWN_MOVING;
    // Sigma indexes and draws the display graph as it is made: that is the first frame.
    this.renderer = new Sigma(this.display, container, {
      nodeReducer: (node, attributes) => this.reduceNode(node, attributes),
      edgeReducer: (edge, attributes) => this.reduceEdge(edge, attributes),
      ...LABEL_SETTINGS[look.labels],
      ...PLACED_LABELS,
      zIndex: true,
      // sigma's default "line" is its rectangle program (antialiased quads); links of one pixel
      // are plain GL lines, drawn about three times faster where WebGL runs on the CPU.
      defaultEdgeType: "line",
      edgeProgramClasses: { line: EdgeLineProgram },
      hideEdgesOnMove: heavy,
      hideLabelsOnMove: heavy,
    });
    this.gestures = new GesturePreview(this.renderer);
    this.unplaceLabels = placeRendererLabels(this.renderer, () => floatingBoxes(container));
    const { graph } = network;
    const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
    this.placeList = new PlaceList(this.renderer, (node) => text(graph.getNodeAttribute(node, "name")) ?? node, (node) => text(graph.getNodeAttribute(node, "city")), onClick);
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
      const place = this.mapPlaces.places.get(node);
      if (place !== undefined) this.placeList.show(place, false);
    });
    this.renderer.on("leaveNode", () => {
      hover(undefined);
      this.placeList.hide();
    });
    this.renderer.on("clickNode", ({ node }) => {
      if (this.gestures.dragged) return;
      const place = this.mapPlaces.places.get(node);
      if (place !== undefined) this.placeList.show(place, true);
      else onClick(node);
    });
    this.renderer.on("clickStage", () => void (this.gestures.dragged || this.placeList.hide(true)));
    if (look.mode === "map") this.setLook(look);
  }

  /**
   * A new display graph when the links shown change: sigma allocates, indexes and draws every
   * edge of the graph it holds, hidden or not, so the full Horizon 2020 network's 800,000 links
   * would cost each frame even with most filtered out. Positions carry over: the layout runs on
   * the whole network, whatever is shown. Sigma indexes and draws a graph as it takes it: true
   * when it did.
   */
  private showLinks(visibility: Visibility): boolean {
    if (visibility.key === this.shownLinks) return false;
    this.shownLinks = visibility.key;
    // The map's is a multigraph, where two places may have a line per scale; bubbles are the map's alone.
    const map = this.look.mode === "map";
    const display = new Graph({ type: "undirected", multi: map });
    this.display.forEachNode((node, attributes) => void (isPlaceNode(attributes) || display.addNode(node, { ...attributes })));
    this.placeList.hide(true);
    if (map) this.mapPlaces = addPlaces(display, this.network, visibility);
    else {
      this.mapPlaces = NO_PLACES;
      this.addLinks(display, visibility);
    }
    this.display = display;
    this.renderer.setGraph(display);
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
    this.rankScales();
    // Many links are drawn when the camera rests, not while it moves: panning stays fluid. Sigma
    // indexes every node and link again on any change of a setting: set only when it changes.
    const heavy = look.visibility.links > LINKS_DRAWN_MOVING;
    if (this.renderer.getSetting("hideEdgesOnMove") !== heavy) {
      this.renderer.setSetting("hideEdgesOnMove", heavy);
      this.renderer.setSetting("hideLabelsOnMove", heavy);
    }
    const labels = LABEL_SETTINGS[look.labels];
    if (this.renderer.getSetting("labelDensity") !== labels.labelDensity) {
      this.renderer.setSetting("labelDensity", labels.labelDensity);
      this.renderer.setSetting("labelRenderedSizeThreshold", labels.labelRenderedSizeThreshold);
    }
    this.gestures.remeasure();
    const drawn = this.showLinks(look.visibility);
    if (toMap) {
      this.placeOnMap();
      this.detachMap = attachMap(this.renderer);
    } else if (toGraph) {
      this.detachMap?.();
      this.detachMap = undefined;
      this.placeNodes(this.layoutPositions);
      this.renderer.getCamera().setState(WHOLE_VIEW);
    }
    if (!drawn || toMap || toGraph) this.renderer.refresh();
    // Once sigma has the map positions: the fit reads them as it draws them.
    if (toMap) this.fitMap();
  }

  /**
   * The map's first view: the organisations shown, less those far off (map-extent.ts), with a
   * margin. The fit button and zooming out reach the rest.
   */
  private fitMap(): void {
    const camera = this.renderer.getCamera();
    const placed = this.display.filterNodes((node, a) => typeof a["mapX"] === "number" && !isPlaceNode(a) && this.look.visibility.node(node));
    const box = centralBox(placed.map((node) => this.position(node)));
    const fitted = box === undefined ? [] : placed.filter((node) => inBox(box, this.position(node)));
    if (fitted.length === 0) return void camera.setState(WHOLE_VIEW);
    const fit = getCameraStateToFitViewportToNodes(this.renderer, fitted);
    camera.setState({ ...fit, ratio: fit.ratio * (1 + 2 * MAP_MARGIN) });
  }

  /**
   * The layout's positions (x, y interleaved, in the network graph's node order): drawn in graph
   * mode, kept for it in map mode.
   */
  placeNodes(positions: Float64Array): void {
    this.layoutPositions = positions;
    if (this.look.mode === "map") return;
    let i = 0;
    this.display.updateEachNodeAttributes(
      (_node, attributes) => {
        const x = positions[2 * i] as number;
        const y = positions[2 * i + 1] as number;
        i++;
        return { ...attributes, x, y };
      },
      { attributes: ["x", "y"] },
    );
  }

  /**
   * Moves organisations to their map positions; the layout's stay in layoutPositions. Those
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
      (_node, a) => ({ ...a, x: (a["mapX"] as number | undefined) ?? centre.x, y: (a["mapY"] as number | undefined) ?? centre.y }),
      { attributes: ["x", "y"] },
    );
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
    this.unplaceLabels();
    this.detachMap?.();
    this.placeList.kill();
    window.clearTimeout(this.pendingHover);
    this.gestures.kill();
    this.renderer.kill();
  }

  /** A node's look, from its data in the network (the display graph holds only positions). */
  private reduceNode(node: string, position: Attributes): Attributes {
    if (isPlaceNode(position)) return this.reducePlace(node, position);
    const { visibility, nodeColour, colourBy, sizes, selected } = this.look;
    if (!visibility.node(node) || this.mapPlaces.bubbleOf.has(node)) return { ...position, hidden: true };
    const data = this.network.graph.getNodeAttributes(node);
    const highlighted = this.hovered === undefined || this.hovered.node === node || this.hovered.neighbours.has(node);
    const focused = node === selected || node === this.hovered?.node;
    const size = sizes.get(node) ?? MIN_SIZE;
    return {
      ...position,
      label: String(data.name ?? node),
      size,
      color: highlighted ? nodeColour.colour(data[colourBy]) : DIMMED,
      zIndex: (focused ? 2 : highlighted ? 1 : 0) + this.smallerAbove(size),
      highlighted: focused,
      forceLabel: focused,
    };
  }

  /** A place's bubble: its name and members counted, in its members' colour where they share one. */
  private reducePlace(node: string, attributes: Attributes): Attributes {
    const { nodeColour, colourBy, selected } = this.look;
    const place = this.mapPlaces.places.get(node) as ShownPlace;
    const colours = new Set(place.members.map((member) => nodeColour.colour(this.network.graph.getNodeAttribute(member, colourBy))));
    const highlighted = this.hovered === undefined || this.hovered.node === node || this.hovered.neighbours.has(node);
    const focused = node === this.hovered?.node || (selected !== undefined && this.mapPlaces.bubbleOf.get(selected) === node);
    return {
      ...attributes,
      label: `${place.name} · ${formatCount(place.members.length)}`,
      color: !highlighted ? DIMMED : colours.size === 1 ? ([...colours][0] as string) : MIXED_PLACE_COLOUR,
      zIndex: (focused ? 2 : highlighted ? 1 : 0) + this.smallerAbove(attributes["size"] as number),
      highlighted: focused,
      forceLabel: focused,
    };
  }

  /**
   * On the map, where bubbles and organisations alone at their places overlap, the smaller is
   * drawn above the larger (within the same tier of highlighting), so that none hides another.
   */
  private smallerAbove(size: number): number {
    return this.look.mode === "map" ? 1 / (2 + size) : 0;
  }

  private reduceEdge(edge: string, attributes: Attributes): Attributes {
    const { hovered } = this;
    if (hovered !== undefined && !this.display.hasExtremity(edge, hovered.node)) return { ...attributes, hidden: true };
    const scale = String(attributes["scale"]);
    const strength = hovered === undefined ? linkStrength(attributes["weight"] as number, this.network.maxWeight) : HOVERED_STRENGTH;
    return { ...attributes, color: this.linkColour(scale, strength), size: 1, zIndex: this.scaleRanks.get(scale) ?? 0 };
  }

  /** Each scale's place in the drawing order (sigma draws higher zIndex later, on top): the finest highest, unknown lowest. */
  private rankScales(): void {
    const { scales } = this.network;
    this.scaleRanks = new Map(scales.map((scale, i) => [scale, scales.length - 1 - i]));
  }

  /** A scale's link colour at a strength (rounded to STRENGTH_STEPS), made once per look rather than once per link. */
  private linkColour(scale: string, exactStrength: number): string {
    const strength = Math.round(exactStrength * STRENGTH_STEPS) / STRENGTH_STEPS;
    const key = `${scale} ${strength}`;
    let colour = this.linkColours.get(key);
    if (colour === undefined) this.linkColours.set(key, (colour = faded(this.look.linkColour.colour(scale), strength)));
    return colour;
  }
}
