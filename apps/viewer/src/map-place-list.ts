/**
 * A place's members, by name, beside its bubble on the map: shown while the pointer is on the
 * bubble, kept open by a click on it (until the close button, a click on the map, or another
 * place); a click on a name opens that organisation's panel. Moved with every frame, as the
 * community labels are (group-labels.ts); names are text, never HTML.
 */
import type Sigma from "sigma";
import { fill, formatCount, h } from "./dom.ts";
import { MIXED_PLACE_COLOUR, type ShownPlace } from "./map-places.ts";
import { PLACE_DECIMALS } from "./places.ts";

/** The legend's line in map mode: what a bubble is, and a line between places. */
export function placesLegend(): HTMLElement {
  return h(
    "p",
    { className: "note places", "data-testid": "legend-places" },
    h("span", { className: "swatch place", style: `background:${MIXED_PLACE_COLOUR}` }),
    ` places: the organisations at the same coordinates (to ${(10 ** -PLACE_DECIMALS).toFixed(PLACE_DECIMALS)}°) are one ringed bubble, its area by their number, ` +
      "in their colour where they share one, else grey; between two places, a line per scale, its links' weights summed. Point at or click a place for its organisations.",
  );
}

export class PlaceList {
  private readonly renderer: Sigma;
  private readonly element: HTMLElement;
  private readonly nameOf: (node: string) => string;
  private readonly cityOf: (node: string) => string | undefined;
  private readonly open: (node: string) => void;
  private shown: { place: ShownPlace; pinned: boolean } | undefined;
  private readonly follow = () => this.place();

  /** `nameOf`: an organisation's name (its id where it has none); `open`: opens its panel. */
  constructor(renderer: Sigma, nameOf: (node: string) => string, cityOf: (node: string) => string | undefined, open: (node: string) => void) {
    this.renderer = renderer;
    this.nameOf = nameOf;
    this.cityOf = cityOf;
    this.open = open;
    // In sigma's container, whose own mouse events come from its mouse layer only: clicks and
    // wheels here stay here.
    this.element = h("section", { className: "place-list", "data-testid": "place-list", hidden: true });
    renderer.getContainer().append(this.element);
    renderer.on("afterRender", this.follow);
  }

  /** Shows a place's members; `pinned`: kept open when the pointer leaves the bubble. */
  show(place: ShownPlace, pinned: boolean): void {
    if (this.shown?.pinned === true && !pinned && this.shown.place.node !== place.node) return;
    this.shown = { place, pinned: pinned || (this.shown?.pinned === true && this.shown.place.node === place.node) };
    const members = place.members.map((node) => ({ node, name: this.nameOf(node), city: this.cityOf(node) })).sort((a, b) => a.name.localeCompare(b.name));
    const within = place.linksWithin === 1 ? "1 link among them" : `${formatCount(place.linksWithin)} links among them`;
    fill(
      this.element,
      this.shown.pinned ? h("button", { type: "button", className: "close", title: "close", "aria-label": "close", onclick: () => this.hide(true) }, "×") : null,
      h("h3", { "data-testid": "place-list-name" }, place.name),
      h("p", { className: "note" }, `${formatCount(members.length)} organisations here, ${within}`, this.shown.pinned ? "" : "; click the place to keep this list"),
      h(
        "ul",
        {},
        // Where the members' cities differ (a place named by its coordinates), each says its own.
        ...members.map(({ node, name, city }) =>
          h("li", {}, h("button", { type: "button", "data-id": node, onclick: () => this.open(node) }, name, place.city === undefined && city !== undefined ? h("span", { className: "note" }, ` · ${city}`) : null)),
        ),
      ),
    );
    this.element.dataset["place"] = place.node;
    this.element.hidden = false;
    this.place();
  }

  /** Hides the list, unless it is pinned and `evenPinned` is not set. */
  hide(evenPinned = false): void {
    if (this.shown === undefined || (this.shown.pinned && !evenPinned)) return;
    this.shown = undefined;
    this.element.hidden = true;
  }

  kill(): void {
    this.renderer.off("afterRender", this.follow);
    this.element.remove();
  }

  /** Beside the bubble, on whichever side has room, and within the map's height. */
  private place(): void {
    if (this.shown === undefined) return;
    const display = this.renderer.getNodeDisplayData(this.shown.place.node);
    if (display === undefined) return this.hide(true);
    const at = this.renderer.framedGraphToViewport(display);
    const gap = this.renderer.scaleSize(display.size) + 8;
    const { width, height } = this.renderer.getDimensions();
    const [listWidth, listHeight] = [this.element.offsetWidth, this.element.offsetHeight];
    const left = at.x + gap + listWidth <= width ? at.x + gap : at.x - gap - listWidth;
    const top = Math.max(4, Math.min(at.y - listHeight / 2, height - listHeight - 4));
    this.element.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }
}
