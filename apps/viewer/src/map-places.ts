/**
 * Map mode's places on the display graph: the organisations shown at one place (places.ts) are
 * drawn as one bubble, a node of its own, its area proportional to its members; a place with one
 * organisation is that organisation's own dot. Members stay in the display graph at their own
 * positions, hidden, so that search, focus and export find them where they are.
 *
 * Links between places: the links shown between organisations at two different places, of one
 * scale, are one line between the two places, their weights summed, in that scale's colour; the
 * links of one pair at several scales are as many lines on one path, the finest on top as
 * everywhere in the view, so that no line's colour says a scale its links do not have. A link
 * between two organisations alone at their places is drawn as it is. Links within a place would be
 * a point: the place's list counts them. The header counts organisations and links, never bubbles
 * and lines.
 */
import type Graph from "graphology";
import { hasCoordinates, type Visibility } from "./filters.ts";
import { mapPosition } from "./map.ts";
import type { Network } from "./network.ts";
import { groupPlaces, placeName, type Place } from "./places.ts";

/** A bubble's radius (px at the camera's ratio 1; zoomed as every node is) is this times the square root of its members… */
const RADIUS_PER_ROOT_MEMBER = 8;
/** …unless the largest place would be wider than this: then all shrink alike, areas still proportional. */
const LARGEST_RADIUS = 48;

export interface ShownPlace extends Place {
  /** The bubble's node in the display graph. */
  node: string;
  name: string;
  /** Links shown between two of its members. */
  linksWithin: number;
}

export interface MapPlaces {
  /** Bubble node → its place. */
  places: Map<string, ShownPlace>;
  /** Organisation → the bubble that stands for it. */
  bubbleOf: Map<string, string>;
}

/** A place's bubble where its members' colours differ. */
export const MIXED_PLACE_COLOUR = "#5f6670";

export const NO_PLACES: MapPlaces = { places: new Map(), bubbleOf: new Map() };

/**
 * Adds the bubbles of the places with more than one organisation shown, and the links shown
 * between places, to a display graph holding the organisations (multi: a pair of places may have
 * a line per scale).
 */
export function addPlaces(display: Graph, network: Network, visibility: Visibility): MapPlaces {
  const { graph } = network;
  const located = graph.filterNodes((node, attributes) => visibility.node(node) && hasCoordinates(attributes));
  const grouped = groupPlaces(
    located.map((id) => {
      const { lat, lon, city } = graph.getNodeAttributes(id);
      return { id, lat: lat as number, lon: lon as number, city: typeof city === "string" ? city : undefined };
    }),
  );
  const shared = grouped.filter(({ members }) => members.length > 1);
  const largest = Math.max(1, ...shared.map(({ members }) => members.length));
  const radius = Math.min(RADIUS_PER_ROOT_MEMBER, LARGEST_RADIUS / Math.sqrt(largest));
  const mapped: MapPlaces = { places: new Map(), bubbleOf: new Map() };
  for (const place of shared) {
    // Prefixed with a character no data file's id holds, so that no organisation's key is taken.
    const node = `\u0000place ${place.key}`;
    const { x, y } = mapPosition(place.lon, place.lat);
    // `place: true`: what map.ts's isPlaceNode tells bubbles by.
    display.addNode(node, { x, y, mapX: x, mapY: y, place: true, members: place.members.length, size: radius * Math.sqrt(place.members.length) });
    mapped.places.set(node, { ...place, node, name: placeName(place), linksWithin: 0 });
    for (const member of place.members) mapped.bubbleOf.set(member, node);
  }
  const lines = new Map<string, string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!visibility.link(edge, attributes, source, target)) return;
    const scale = network.scaleOf(edge);
    const [from, to] = [mapped.bubbleOf.get(source), mapped.bubbleOf.get(target)];
    if (from === undefined && to === undefined) return void display.addEdgeWithKey(edge, source, target, { weight: attributes.weight, scale });
    if (from === to) return void (mapped.places.get(from as string) as ShownPlace).linksWithin++;
    const [a, b] = [from ?? source, to ?? target].sort();
    const pair = `${a}\u0000${b}\u0000${scale}`;
    const line = lines.get(pair);
    if (line === undefined) return void lines.set(pair, display.addEdgeWithKey(`\u0000line ${pair}`, a as string, b as string, { weight: attributes.weight, scale, links: 1 }));
    display.updateEdgeAttributes(line, (drawn) => ({ ...drawn, weight: (drawn["weight"] as number) + attributes.weight, links: (drawn["links"] as number) + 1 }));
  });
  return mapped;
}
