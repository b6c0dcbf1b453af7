/**
 * Names over the network where groups gather: each group's label at the centroid of its members
 * as drawn, moved with every frame (pan, zoom, layout). Sigma labels nodes only, so the labels are
 * text elements in a layer over its canvas, placed through its own coordinate conversion. Where
 * two would overlap, the one listed first (the larger group) is shown and the other hidden until
 * a zoom parts them.
 */
import type Sigma from "sigma";
import { h } from "./dom.ts";

export interface Group {
  /** What the label says. */
  label: string;
  colour: string;
  members: readonly string[];
}

/** Shows the groups' labels over the renderer's container; returns what takes them away. */
export function showGroupLabels(renderer: Sigma, groups: readonly Group[]): () => void {
  const layer = h("div", { className: "group-labels", "data-testid": "group-labels" });
  const labels = groups.map((group) => {
    const element = h("span", { className: "group-label", style: `border-color:${group.colour}` }, group.label);
    layer.append(element);
    return { group, element };
  });
  renderer.getContainer().append(layer);
  const place = () => {
    const shown: Array<{ left: number; top: number; right: number; bottom: number }> = [];
    for (const { group, element } of labels) {
      let [x, y, counted] = [0, 0, 0];
      for (const member of group.members) {
        const display = renderer.getNodeDisplayData(member);
        if (display === undefined || display.hidden) continue;
        [x, y, counted] = [x + display.x, y + display.y, counted + 1];
      }
      element.hidden = counted === 0;
      if (counted === 0) continue;
      const at = renderer.framedGraphToViewport({ x: x / counted, y: y / counted });
      // Measured shown: a hidden element has no size.
      element.hidden = false;
      const [halfWidth, halfHeight] = [element.offsetWidth / 2, element.offsetHeight / 2];
      const box = { left: at.x - halfWidth, top: at.y - halfHeight, right: at.x + halfWidth, bottom: at.y + halfHeight };
      element.hidden = shown.some((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom);
      if (element.hidden) continue;
      shown.push(box);
      element.style.transform = `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)`;
      element.dataset["x"] = String(at.x);
      element.dataset["y"] = String(at.y);
    }
  };
  renderer.on("afterRender", place);
  place();
  return () => {
    renderer.off("afterRender", place);
    layer.remove();
  };
}
