/**
 * Clusters mode on screen: sigma draws the clusters' display graph (cluster-display.ts), over the
 * country outlines where clusters sit at their places (map.ts), every cluster named where its
 * name fits (label-placement.ts) and ringed, so that a bubble of openness near 0, near white, does
 * not vanish. A click on a cluster selects it: its links and partners stay, the rest fades.
 */
import Sigma from "sigma";
import { clusterDisplay } from "./cluster-display.ts";
import type { ShownClusters } from "./clusters.ts";
import type { Colouring } from "./colours.ts";
import { floatingBoxes, placeRendererLabels, PLACED_LABELS } from "./label-placement.ts";
import { attachLayer, attachMap } from "./map.ts";
import type { Arrangement } from "./state.ts";

const DIMMED = "#e4e4e4";

export class ClusterView {
  readonly renderer: Sigma;
  /** On the map, the clusters without a place (no member with coordinates): not drawn. */
  readonly unplaced: readonly string[];
  readonly arrangement: Arrangement;
  private selected: { cluster: string; partners: Set<string> } | undefined;
  private readonly detach: Array<() => void> = [];

  /** `scales`: the network's scale names, finest first. */
  constructor(container: HTMLElement, shown: ShownClusters, arrangement: Arrangement, scales: readonly string[], linkColour: Colouring, onClick: (cluster: string) => void) {
    this.arrangement = arrangement;
    const { display, unplaced } = clusterDisplay(shown, arrangement, scales, linkColour);
    this.unplaced = unplaced;

    this.renderer = new Sigma(display, container, {
      ...PLACED_LABELS,
      zIndex: true,
      labelDensity: 1,
      labelRenderedSizeThreshold: 0,
      nodeReducer: (node, attributes) => {
        if (this.selected === undefined) return attributes;
        if (node === this.selected.cluster) return { ...attributes, highlighted: true, forceLabel: true };
        return this.selected.partners.has(node) ? attributes : { ...attributes, color: DIMMED, label: null };
      },
      edgeReducer: (edge, attributes) => {
        if (this.selected === undefined) return attributes;
        return display.hasExtremity(edge, this.selected.cluster) ? attributes : { ...attributes, hidden: true };
      },
    });
    this.detach.push(placeRendererLabels(this.renderer, () => floatingBoxes(container)));
    if (arrangement === "map") this.detach.push(attachMap(this.renderer));
    this.detach.push(attachLayer(this.renderer, "clusterRings", { afterLayer: "nodes" }, (context) => drawRings(this.renderer, context)));
    // Sigma frames the clusters themselves: on the map too, the view opens on them, not on the world.
    this.renderer.on("clickNode", ({ node }) => onClick(node));
  }

  /** Selects a cluster (its links and partners stay, the rest fades), or none. */
  select(cluster: string | undefined): void {
    const display = this.renderer.getGraph();
    this.selected = cluster !== undefined && display.hasNode(cluster) ? { cluster, partners: new Set(display.neighbors(cluster)) } : undefined;
    this.renderer.refresh({ skipIndexation: true });
  }

  kill(): void {
    for (const undo of this.detach) undo();
    this.renderer.kill();
  }
}

/** A dark ring around each bubble: openness near 0 is near white, and would vanish on the page. */
function drawRings(renderer: Sigma, context: CanvasRenderingContext2D): void {
  renderer.getGraph().forEachNode((node) => {
    const shown = renderer.getNodeDisplayData(node);
    if (shown === undefined || shown.hidden) return;
    const { x, y } = renderer.framedGraphToViewport(shown);
    context.beginPath();
    context.arc(x, y, renderer.scaleSize(shown.size), 0, 2 * Math.PI);
    context.lineWidth = 1;
    context.strokeStyle = shown.color === DIMMED ? "#cccccc" : "#333333";
    context.stroke();
  });
}
