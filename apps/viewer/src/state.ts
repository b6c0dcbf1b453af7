/**
 * The view's state, and its round trip through the URL's query string, so that a view can be
 * shared: which dataset, how nodes and links are coloured and sized, the filters, the mode (and,
 * in clusters mode, what makes a cluster and where clusters are put), the rules that make a link local, and the layout's seed and settings (so that a shared view, or a
 * reloaded one, is laid out to the same picture).
 * Unknown or malformed parameters fall back to the defaults rather than break the page.
 */

export type Mode = "graph" | "map" | "clusters" | "table";
export const MODES: readonly Mode[] = ["graph", "map", "clusters", "table"];

/** Where clusters mode puts its clusters: at their places on the map, or laid out as a network. */
export type Arrangement = "map" | "network";
export const ARRANGEMENTS: readonly Arrangement[] = ["map", "network"];

/** How many organisations are named on the canvas (graph-view.ts gives each its sigma settings). */
export type LabelDensity = "none" | "few" | "some" | "many" | "all";
export const LABEL_DENSITIES: readonly LabelDensity[] = ["none", "few", "some", "many", "all"];

export interface ViewState {
  dataset: string;
  mode: Mode;
  /** Node attribute the colours come from: "type", "country", "region", "cluster", "community". */
  colour: string;
  /** Centrality the sizes come from, or "none". */
  size: string;
  /** How many organisations are named on the canvas. */
  labels: LabelDensity;
  /** Link scales shown; undefined: all. */
  scales?: string[];
  /** Year window; undefined: all years, links without years included. */
  years?: { from: number; to: number };
  /** Named stages (start-up 2014–2015, …) to choose a window from and to play through; undefined: the years. */
  stages?: Array<{ name: string; from: number; to: number }>;
  /** Organisation types shown; undefined: all. */
  types?: string[];
  /** Countries shown; undefined: all. */
  countries?: string[];
  /** Links lighter than this are hidden; undefined: the default for the network's size. */
  minWeight?: number;
  /** The organisation whose panel is open. */
  selected?: string;
  /** Organisations with fewer partners (in the whole network) are hidden; undefined: none. */
  minDegree?: number;
  /** Only the selected organisation and its partners are shown; undefined: off. */
  neighbourhood?: boolean;
  /** Organisations without a link shown are hidden; undefined: off. */
  hideIsolated?: boolean;
  /** Where a region is unknown, organisations in the same city are local; undefined: on (the core's default). */
  sameCity?: boolean;
  /** Where a region is unknown, organisations with the same `admin1` value are local; undefined: off (the core's default). */
  admin1?: boolean;
  /** Where a region is unknown, ends within this many km are local; undefined: off. */
  withinKm?: number;
  /** What makes a cluster in clusters mode: "auto" (the core's choice), "geo", "city" or an attribute; undefined: "auto". */
  clusterBy?: string;
  /** The cluster whose panel is open in clusters mode. */
  selectedCluster?: string;
  /** Where clusters mode puts its clusters; undefined: on the map where they have places, else as a network. */
  arrangement?: Arrangement;
  /** The seed of the layout's initial positions; undefined: the viewer's seed (1). */
  layoutSeed?: number;
  /** ForceAtlas2's gravity, scaling ratio, LinLog mode and edge-weight influence; undefined: the defaults (layout-settings.ts). */
  gravity?: number;
  scalingRatio?: number;
  linLog?: boolean;
  edgeWeightInfluence?: number;
}

/** A change of state; a key set to undefined is removed (e.g. a filter back to "all"). */
export type StateChange = { [K in keyof ViewState]?: ViewState[K] | undefined };

export const DEFAULT_STATE: ViewState = { dataset: "", mode: "graph", colour: "type", size: "degree", labels: "some" };

/** A number parameter; NaN where it is missing or empty (Number("") would read 0). */
const numberParam = (params: URLSearchParams, name: string) => {
  const value = params.get(name) ?? "";
  return value.trim() === "" ? NaN : Number(value);
};

const list = (value: string | null) => (value === null ? undefined : value === "" ? [] : value.split(","));

export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...DEFAULT_STATE };
  state.dataset = params.get("dataset") ?? "";
  const mode = MODES.find((known) => known === params.get("mode"));
  if (mode !== undefined) state.mode = mode;
  state.colour = params.get("colour") ?? state.colour;
  state.size = params.get("size") ?? state.size;
  const labels = LABEL_DENSITIES.find((known) => known === params.get("labels"));
  if (labels !== undefined) state.labels = labels;
  const scales = list(params.get("scales"));
  if (scales !== undefined) state.scales = scales;
  const types = list(params.get("types"));
  if (types !== undefined) state.types = types;
  const countries = list(params.get("countries"));
  if (countries !== undefined) state.countries = countries;
  const years = /^(-?\d+)-(-?\d+)$/.exec(params.get("years") ?? "");
  if (years !== null) state.years = { from: Number(years[1]), to: Number(years[2]) };
  const stages = (list(params.get("stages")) ?? []).map((stage) => /^(.+):(-?\d+)-(-?\d+)$/.exec(stage));
  if (stages.length > 0 && stages.every((stage) => stage !== null && Number(stage[2]) <= Number(stage[3]))) {
    state.stages = stages.map((stage) => ({ name: stage?.[1] as string, from: Number(stage?.[2]), to: Number(stage?.[3]) }));
  }
  const minWeight = Number(params.get("minWeight") ?? NaN);
  if (Number.isFinite(minWeight)) state.minWeight = minWeight;
  const minDegree = numberParam(params, "minDegree");
  if (Number.isSafeInteger(minDegree) && minDegree > 0) state.minDegree = minDegree;
  if (params.get("neighbourhood") === "on") state.neighbourhood = true;
  if (params.get("isolated") === "hide") state.hideIsolated = true;
  const selected = params.get("selected");
  if (selected !== null) state.selected = selected;
  const sameCity = params.get("sameCity");
  if (sameCity === "off") state.sameCity = false;
  else if (sameCity === "on") state.sameCity = true;
  if (params.get("admin1") === "on") state.admin1 = true;
  const withinKm = Number(params.get("withinKm") ?? NaN);
  if (Number.isFinite(withinKm) && withinKm >= 0) state.withinKm = withinKm;
  const clusterBy = params.get("clusterBy");
  if (clusterBy !== null && clusterBy !== "") state.clusterBy = clusterBy;
  const selectedCluster = params.get("cluster");
  if (selectedCluster !== null) state.selectedCluster = selectedCluster;
  const arrangement = ARRANGEMENTS.find((known) => known === params.get("arrange"));
  if (arrangement !== undefined) state.arrangement = arrangement;
  const seed = numberParam(params, "seed");
  if (Number.isSafeInteger(seed)) state.layoutSeed = seed;
  const gravity = numberParam(params, "gravity");
  if (Number.isFinite(gravity) && gravity >= 0) state.gravity = gravity;
  const scalingRatio = numberParam(params, "scaling");
  if (Number.isFinite(scalingRatio) && scalingRatio > 0) state.scalingRatio = scalingRatio;
  const linLog = params.get("linlog");
  if (linLog === "on") state.linLog = true;
  else if (linLog === "off") state.linLog = false;
  const influence = numberParam(params, "weightInfluence");
  if (Number.isFinite(influence) && influence >= 0) state.edgeWeightInfluence = influence;
  return state;
}

export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.dataset !== "") params.set("dataset", state.dataset);
  if (state.mode !== DEFAULT_STATE.mode) params.set("mode", state.mode);
  if (state.colour !== DEFAULT_STATE.colour) params.set("colour", state.colour);
  if (state.size !== DEFAULT_STATE.size) params.set("size", state.size);
  if (state.labels !== DEFAULT_STATE.labels) params.set("labels", state.labels);
  if (state.scales !== undefined) params.set("scales", state.scales.join(","));
  if (state.years !== undefined) params.set("years", `${state.years.from}-${state.years.to}`);
  if (state.stages !== undefined) params.set("stages", state.stages.map(({ name, from, to }) => `${name}:${from}-${to}`).join(","));
  if (state.types !== undefined) params.set("types", state.types.join(","));
  if (state.countries !== undefined) params.set("countries", state.countries.join(","));
  if (state.minWeight !== undefined) params.set("minWeight", String(state.minWeight));
  if (state.selected !== undefined) params.set("selected", state.selected);
  if (state.minDegree !== undefined) params.set("minDegree", String(state.minDegree));
  if (state.neighbourhood === true) params.set("neighbourhood", "on");
  if (state.hideIsolated === true) params.set("isolated", "hide");
  if (state.sameCity !== undefined) params.set("sameCity", state.sameCity ? "on" : "off");
  if (state.admin1 === true) params.set("admin1", "on");
  if (state.withinKm !== undefined) params.set("withinKm", String(state.withinKm));
  if (state.clusterBy !== undefined) params.set("clusterBy", state.clusterBy);
  if (state.selectedCluster !== undefined) params.set("cluster", state.selectedCluster);
  if (state.arrangement !== undefined) params.set("arrange", state.arrangement);
  if (state.layoutSeed !== undefined) params.set("seed", String(state.layoutSeed));
  if (state.gravity !== undefined) params.set("gravity", String(state.gravity));
  if (state.scalingRatio !== undefined) params.set("scaling", String(state.scalingRatio));
  if (state.linLog !== undefined) params.set("linlog", state.linLog ? "on" : "off");
  if (state.edgeWeightInfluence !== undefined) params.set("weightInfluence", String(state.edgeWeightInfluence));
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}
