/**
 * The viewer: opens the dataset the URL names (or the first bundled one), or files the user
 * drops or picks, and shows the network with the controls, the legend, the visible counts and
 * the organisation panel. The view's state lives in the URL. Everything runs in the page, but
 * for the layout, which runs in a worker (layout.ts) from the first frame until it settles.
 */
import { UNKNOWN } from "@linkscale/core";
import "./styles.css";
import { fitViewportToNodes } from "@sigma/utils";
import { categoryColouring, REST, scaleColouring } from "./colours.ts";
import { showCluster } from "./cluster-panel.ts";
import { defaultArrangement } from "./cluster-display.ts";
import { ClusterView } from "./cluster-view.ts";
import { shownClusters, type ShownClusters } from "./clusters.ts";
import { buildControls, syncScaleFilter } from "./controls.ts";
import { append, fill, formatCount, h } from "./dom.ts";
import { download, gexfOf, pngOf } from "./export.ts";
import { hasCoordinates, visibility, type Visibility } from "./filters.ts";
import { whenDrawn } from "./frame-timing.ts";
import { GraphView, sizesFrom, type Look } from "./graph-view.ts";
import { showGroupLabels } from "./group-labels.ts";
import { drawnLabels } from "./label-placement.ts";
import { ForceLayout } from "./layout.ts";
import { buildLayoutPanel, type LayoutPanel } from "./layout-controls.ts";
import { defaultLayoutChoice, layoutChoiceOf } from "./layout-settings.ts";
import { clusterLegend, nodeLegend, scaleLegend } from "./legend.ts";
import { fetchDataset, fetchIndex, readLocalFiles, type LoadedNetwork } from "./load.ts";
import { localRuleLine } from "./local-rule.ts";
import { placesLegend } from "./map-place-list.ts";
import { prepareNetwork, type LocalRule, type Network } from "./network.ts";
import { organisationTable, type OrganisationTable } from "./organisation-table.ts";
import { showOrganisation } from "./panel.ts";
import { attachSearch } from "./search.ts";
import { readState, writeState, type StateChange, type ViewState } from "./state.ts";
import { shownStatistics, statisticsTable } from "./statistics.ts";

const PROBLEMS_SHOWN = 200;
/** Communities named on the network, the largest first: more would cover it. */
const COMMUNITY_LABELS = 12;
/** What another dataset resets: its filters and selection would not apply. */
const CLEARED: StateChange = {
  selected: undefined,
  selectedCluster: undefined,
  scales: undefined,
  types: undefined,
  countries: undefined,
  years: undefined,
  minWeight: undefined,
  minDegree: undefined,
  neighbourhood: undefined,
  hideIsolated: undefined,
};
/** What lays the network out anew, from the seeded positions. */
const LAYOUT_KEYS = ["layoutSeed", "gravity", "scalingRatio", "linLog", "edgeWeightInfluence"] as const;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const stage = element<HTMLDivElement>("graph");
const clusterStage = element<HTMLDivElement>("clusters");
const controls = element<HTMLDivElement>("controls");
const panel = element<HTMLElement>("panel");
const status = element<HTMLDivElement>("status");
const problems = element<HTMLElement>("problems");
const legend = element<HTMLDivElement>("legend");
const counts = element<HTMLDivElement>("counts");
const unplaced = element<HTMLElement>("unplaced");
const statistics = element<HTMLDetailsElement>("statistics");
const datasetSelect = element<HTMLSelectElement>("dataset");
const main = document.querySelector("main") as HTMLElement;

let state: ViewState = readState(location.search);
let network: Network | undefined;
let view: GraphView | undefined;
let shown: Visibility | undefined;
let layout: ForceLayout | undefined;
let layoutPanel: LayoutPanel | undefined;
/** Takes the community labels off the network, while they are shown. */
let hideGroupLabels: (() => void) | undefined;
/** Clusters mode's clusters of the network shown and their view, with what they were made for; none in other modes. */
let clusters: { shown: ShownClusters | { why: string }; view: ClusterView | undefined; key: string } | undefined;
/** The table mode's table of the network shown, made when first asked for. */
let table: OrganisationTable | undefined;
/** The layout should run whenever the graph is shown: false once the user stopped it, or for a file's own positions. */
let layoutWanted = false;
/** When the layout (the one shown now) first ran, and when it settled, in performance.now() time. */
const layoutTimes = { startedMs: NaN, settledMs: NaN };

/**
 * What tests and benchmarks read: state, counts, the first frame's time, renderer, gestures, and
 * the layout (its progress as last drawn: a settled layout's positions are those on screen).
 */
const probe = {
  ready: false,
  firstFrameMs: NaN,
  /** Frames the view drew between its first (drawn as it was made) and that frame's being done: none, or the first frame costs twice. */
  redrawsBeforeFirstFrame: NaN,
  get state() {
    return state;
  },
  get counts() {
    return { organisations: shown?.organisations ?? 0, links: shown?.links ?? 0 };
  },
  get renderer() {
    return view?.renderer;
  },
  get clusterRenderer() {
    return clusters?.view?.renderer;
  },
  get labels() {
    return view === undefined ? [] : drawnLabels(view.renderer);
  },
  get gestures() {
    return view?.gestures;
  },
  get layoutRunning() {
    return layout?.isRunning() ?? false;
  },
  layout: undefined as (ReturnType<typeof layoutProbe> | undefined),
};
const layoutProbe = (shownLayout: ForceLayout) => ({ ...shownLayout.progress, choice: shownLayout.choice, laidOut: shownLayout.laidOut, ...layoutTimes });
(window as unknown as { linkscale: typeof probe }).linkscale = probe;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function setStatus(message: string, busy = true): void {
  fill(status, busy ? h("progress", {}) : null, message);
}

async function open(load: () => Promise<LoadedNetwork>): Promise<void> {
  probe.ready = false;
  try {
    setStatus("loading…");
    await nextFrame();
    const loaded = await load();
    performance.mark("linkscale:loaded");
    showProblems(loaded);
    setStatus(`classifying the links of ${formatCount(loaded.graph.order)} organisations…`);
    await nextFrame();
    view?.kill();
    view = undefined;
    layout?.kill();
    layout = undefined;
    network = prepareNetwork(loaded.graph, localRuleOf(state));
    performance.mark("linkscale:prepared");
    show(network);
    performance.mark("linkscale:shown");
    setStatus(`${loaded.name}: ${formatCount(network.graph.order)} organisations, ${formatCount(network.graph.size)} links`, false);
  } catch (error) {
    setStatus("", false);
    fill(problems, h("h2", {}, "Could not open the data"), h("p", { className: "error" }, (error as Error).message));
    problems.hidden = false;
  }
}

function showProblems(loaded: LoadedNetwork): void {
  problems.hidden = loaded.rejected.length === 0 && loaded.notes.length === 0;
  fill(problems);
  if (loaded.rejected.length > 0) {
    append(
      problems,
      h("h2", {}, `${formatCount(loaded.rejected.length)} rejected rows`),
      h("ul", { "data-testid": "rejected" }, ...loaded.rejected.slice(0, PROBLEMS_SHOWN).map((row) => h("li", {}, row))),
      loaded.rejected.length > PROBLEMS_SHOWN ? h("p", { className: "note" }, `the first ${PROBLEMS_SHOWN} shown; linkscale validate lists them all`) : null,
    );
  }
  if (loaded.notes.length > 0) append(problems, h("h2", {}, "Notes"), h("ul", {}, ...loaded.notes.map((note) => h("li", {}, note))));
}

function show(network: Network): void {
  if (!network.colourings.includes(state.colour)) state.colour = network.colourings[0] as string;
  const look = lookOf(network);
  const shownLayout = newLayout(network);
  hideGroupLabels?.();
  hideGroupLabels = undefined;
  const shownView = (view = new GraphView(stage, network, look, shownLayout.positions, select));
  showCommunityLabels(network, look);
  table?.element.remove();
  table = undefined;
  rebuildControls(network);
  showClusters(network, look);
  refreshSidebar(network, look);
  showTable(network);
  attachSearch(element("search"), element("search-results"), network, (node) => {
    // An organisation is found in the network: clusters mode has none to centre on.
    if (state.mode === "clusters") change({ mode: "graph" });
    select(node);
    view?.focus(node);
  });
  if (state.selected !== undefined && network.graph.hasNode(state.selected) && state.mode !== "clusters") select(state.selected);
  else if (state.mode !== "clusters") delete state.selected;
  showClusterPanel(network);
  // Sigma drew its first frame as the view was made; the time it is ready counts from the page's
  // navigation (performance.now's origin), loading included. The layout starts then: where WebGL
  // runs on the CPU, its worker would slow that first frame down.
  layoutWanted = !network.positioned;
  let redraws = 0;
  const redrawn = () => void redraws++;
  shownView.renderer.on("beforeRender", redrawn);
  void whenDrawn(shownView.renderer).then((time) => {
    shownView.renderer.off("beforeRender", redrawn);
    if (view !== shownView) return;
    probe.firstFrameMs = time;
    probe.redrawsBeforeFirstFrame = redraws;
    runLayoutIfWanted();
    probe.ready = true;
  });
}

/**
 * A layout of the network with the URL's seed and settings, from its initial positions, not yet
 * running; it replaces the one before. Each batch it reports is drawn at the next animation frame
 * (only the last one, where frames are slower than batches), with its progress.
 */
function newLayout(network: Network): ForceLayout {
  layout?.kill();
  let frame: number | undefined;
  const created = new ForceLayout(network, layoutChoiceOf(state, network.graph.order), (reported) => {
    if (reported !== layout || frame !== undefined) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      if (reported !== layout) return;
      view?.placeNodes(reported.positions);
      if (reported.progress.phase === "settled" && Number.isNaN(layoutTimes.settledMs)) layoutTimes.settledMs = performance.now();
      showLayoutProgress(reported);
    });
  });
  layout = created;
  layoutTimes.startedMs = NaN;
  layoutTimes.settledMs = NaN;
  layoutPanel = buildLayoutPanel(created.choice, defaultLayoutChoice(network.graph.order), network.positioned, {
    toggle: () => {
      if (created.isRunning()) {
        layoutWanted = false;
        created.pause();
        showLayoutProgress(created);
      } else {
        // Also past the iteration cap, which only this button runs on from.
        layoutWanted = true;
        runLayoutIfWanted(true);
      }
    },
    change,
  });
  showLayoutProgress(created);
  return created;
}

/**
 * Runs the layout where the graph is shown, it has not settled and nobody stopped it; past the
 * iteration cap only when `pastCap` (the user asked).
 */
function runLayoutIfWanted(pastCap = false): void {
  if (layout === undefined || !layoutWanted || state.mode !== "graph" || layout.isRunning()) return;
  const { phase } = layout.progress;
  if (phase === "settled" || (phase === "capped" && !pastCap)) return;
  if (Number.isNaN(layoutTimes.startedMs)) layoutTimes.startedMs = performance.now();
  layout.run();
  showLayoutProgress(layout);
}

function showLayoutProgress(shownLayout: ForceLayout): void {
  layoutPanel?.showProgress(shownLayout.progress);
  probe.layout = layoutProbe(shownLayout);
}

function lookOf(network: Network): Look {
  if (state.colour === "community") network.communities();
  shown = visibility(network, state);
  return {
    mode: state.mode,
    visibility: shown,
    nodeColour: categoryColouring(state.colour, network.countsOf(state.colour), shownCounts(network, shown, state.colour)),
    colourBy: state.colour,
    linkColour: scaleColouring(network.scales, shown.linksByScale),
    sizes: sizesFrom(state.size === "none" ? undefined : network.centrality(state.size), network.graph.nodes()),
    labels: state.labels,
    ...(state.selected === undefined ? {} : { selected: state.selected }),
  };
}

/** The organisations shown with this value of an attribute, keyed as `network.countsOf` keys them. */
function membersOf(network: Network, visible: Visibility, attribute: string, value: string): string[] {
  return network.graph.filterNodes((node, attributes) => visible.node(node) && categoryOf(attributes[attribute]) === value);
}

const categoryOf = (value: unknown) => (typeof value === "string" && value !== "" ? value : UNKNOWN);

/** In graph mode, coloured by community: the largest communities' names where their members gather. */
function showCommunityLabels(network: Network, look: Look): void {
  hideGroupLabels?.();
  hideGroupLabels = undefined;
  if (view === undefined || state.colour !== "community" || state.mode !== "graph") return;
  const groups = look.nodeColour.legend.entries
    .filter(({ label }) => label !== REST && label !== UNKNOWN)
    .slice(0, COMMUNITY_LABELS)
    .map(({ label, colour }) => ({ label: network.communityName(label) ?? label, colour, members: membersOf(network, look.visibility, "community", label) }));
  hideGroupLabels = showGroupLabels(view.renderer, groups);
}

/** The organisations shown per value of an attribute, as `network.countsOf` keys them. */
function shownCounts(network: Network, visible: Visibility, attribute: string): Map<string, number> {
  const counts = new Map<string, number>();
  network.graph.forEachNode((node, attributes) => {
    if (!visible.node(node)) return;
    const key = categoryOf(attributes[attribute]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

function change(partial: StateChange): void {
  // Louvain takes seconds on the largest networks: say so before the page is busy with it.
  if (partial.colour === "community" && network !== undefined && !network.hasCommunities()) {
    const done = status.textContent ?? "";
    setStatus("finding communities (Louvain, seeded)…");
    void nextFrame().then(() => {
      network?.communities();
      setStatus(done, false);
      change(partial);
    });
    return;
  }
  const modeChanged = partial.mode !== undefined && partial.mode !== state.mode;
  const relayout = LAYOUT_KEYS.some((key) => key in partial);
  const next: Record<string, unknown> = { ...state, ...partial };
  for (const [key, value] of Object.entries(partial)) if (value === undefined) delete next[key];
  state = next as unknown as ViewState;
  history.replaceState(null, "", writeState(state));
  if (network === undefined || view === undefined) return;
  const reclassified = "sameCity" in partial || "admin1" in partial || "withinKm" in partial;
  if (reclassified) {
    performance.mark("linkscale:classify");
    network.classify(localRuleOf(state));
    performance.measure("linkscale:classified", "linkscale:classify");
  }
  const look = lookOf(network);
  view.setLook(look);
  showCommunityLabels(network, look);
  if (relayout) {
    // Anew from the initial positions: the URL now names this run, and gives it again on a reload.
    view.placeNodes(newLayout(network).positions);
    layoutWanted = true;
  }
  if (state.mode !== "graph" && layout?.isRunning()) {
    // Paused while the map or the table is shown, and run on when the graph is back (layoutWanted stays).
    layout.pause();
    showLayoutProgress(layout);
  } else runLayoutIfWanted();
  if (modeChanged || reclassified || relayout || "clusterBy" in partial) rebuildControls(network);
  showClusters(network, look);
  refreshSidebar(network, look);
  showTable(network);
  // The panel's partners follow the filters, its links by scale the rule; a cluster's, its clusters.
  if (state.mode === "clusters") showClusterPanel(network);
  else if (state.selected !== undefined && (!panel.hidden || modeChanged)) showPanel(network, state.selected);
  else if (modeChanged) panel.hidden = true;
}

/**
 * In clusters mode, the clusters of the network shown, drawn anew when the filters, the rule that
 * makes a link local, the grouping or the arrangement change; nothing in other modes.
 */
function showClusters(network: Network, look: Look): void {
  clusterStage.hidden = state.mode !== "clusters";
  const key = [look.visibility.key, JSON.stringify(network.localRule), state.clusterBy ?? "auto", state.arrangement ?? ""].join("|");
  if (state.mode === "clusters" && clusters?.key === key) return;
  clusters?.view?.kill();
  clusters = undefined;
  if (state.mode !== "clusters") return;
  const shown = shownClusters(network, look.visibility, state.clusterBy ?? "auto");
  const drawn = "why" in shown ? undefined : new ClusterView(clusterStage, shown, state.arrangement ?? defaultArrangement(shown), network.scales, look.linkColour, selectCluster);
  clusters = { shown, view: drawn, key };
}

function selectCluster(name: string | undefined): void {
  if (name === undefined) delete state.selectedCluster;
  else state.selectedCluster = name;
  history.replaceState(null, "", writeState(state));
  if (network !== undefined) showClusterPanel(network);
}

/** The selected cluster's panel, where it is shown; the panel closed otherwise. */
function showClusterPanel(network: Network): void {
  const shown = clusters?.shown;
  const name = state.selectedCluster;
  const open = shown !== undefined && !("why" in shown) && name !== undefined && Object.hasOwn(shown.network.clusters, name);
  clusters?.view?.select(open ? name : undefined);
  if (!open) {
    if (state.mode === "clusters") panel.hidden = true;
    return;
  }
  const nameOf = (node: string) => {
    const named = network.graph.getNodeAttribute(node, "name");
    return typeof named === "string" && named.trim() !== "" ? named : `${node} (no name)`;
  };
  showCluster(panel, shown, name, nameOf, {
    organisation: (node) => {
      change({ mode: "graph", selected: node });
      view?.focus(node);
    },
    cluster: selectCluster,
    close: () => selectCluster(undefined),
  });
}

/** The statistics of the network shown, computed while their section is open. */
function showStatistics(network: Network, visibility: Visibility): void {
  if (!statistics.open) return;
  fill(statistics.querySelector("div") as HTMLElement, statisticsTable(shownStatistics(network, visibility)));
  statistics.dataset["key"] = visibility.key;
}

/** In table mode, the table over the graph, with the rows the filters show; hidden otherwise. */
function showTable(network: Network): void {
  if (state.mode !== "table") {
    if (table !== undefined) table.element.hidden = true;
    return;
  }
  if (table === undefined) {
    table = organisationTable(network, (node) => select(node), (csv) => download(new Blob([csv], { type: "text/csv" }), `${fileStem()}-organisations.csv`));
    main.append(table.element);
  }
  table.element.hidden = false;
  if (shown !== undefined) table.update(shown, state.colour);
}

function localRuleOf({ sameCity, admin1, withinKm }: ViewState): LocalRule {
  return { sameCity: sameCity ?? true, admin1: admin1 ?? false, ...(withinKm === undefined ? {} : { withinKm }) };
}

function rebuildControls(network: Network): void {
  fill(
    controls,
    buildControls(network, state, layoutPanel?.element ?? h("div"), {
      change,
      exportPng: () => {
        const renderer = state.mode === "clusters" ? clusters?.view?.renderer : view?.renderer;
        const onMap = state.mode === "map" || (state.mode === "clusters" && clusters?.view?.arrangement === "map");
        if (renderer !== undefined) void pngOf(renderer, onMap).then((blob) => download(blob, `${fileStem()}.png`));
      },
      exportGexf: () => {
        const [current, links] = [view, shown];
        if (current !== undefined && links !== undefined) download(gexfOf(network, links, (node) => current.position(node)), `${fileStem()}.gexf`);
      },
    }),
  );
}

function refreshSidebar(network: Network, look: Look): void {
  const total = network.graph;
  fill(
    counts,
    h("span", { "data-testid": "visible-organisations", "data-count": look.visibility.organisations }, `${formatCount(look.visibility.organisations)} of ${formatCount(total.order)} organisations`),
    h("span", { "data-testid": "visible-links", "data-count": look.visibility.links }, `${formatCount(look.visibility.links)} of ${formatCount(total.size)} links`),
  );
  fill(
    legend,
    state.mode === "clusters" ? clustersLegend(look) : null,
    state.mode === "clusters" ? null : nodeLegend(look.nodeColour.legend, {
      ...(state.colour === "community" ? { nameOf: (value: string) => network.communityName(value) } : {}),
      pick: (value) => {
        if (view !== undefined && shown !== undefined) void fitViewportToNodes(view.renderer, membersOf(network, shown, state.colour, value), { animate: true });
      },
    }),
    scaleLegend(look.linkColour.legend, state.scales, network.maxWeight, (scales) => change({ scales })),
    localRuleLine(network, "local-rule-legend"),
    state.mode === "map" ? placesLegend() : null,
  );
  syncScaleFilter(controls, state.scales, look.visibility.linksByScale);
  showStatistics(network, look.visibility);
  const missing = state.mode === "map" ? total.filterNodes((_node, attributes) => !hasCoordinates(attributes)) : [];
  unplaced.hidden = missing.length === 0;
  fill(
    unplaced,
    h("h2", {}, `${formatCount(missing.length)} organisations without coordinates, not on the map`),
    h("ul", { "data-testid": "unplaced" }, ...missing.slice(0, PROBLEMS_SHOWN).map((node) => h("li", {}, String(total.getNodeAttribute(node, "name") ?? node)))),
  );
}

/** Clusters mode's legend, or why there are no clusters. */
function clustersLegend(look: Look): HTMLElement | null {
  if (clusters === undefined) return null;
  const { shown, view: drawn } = clusters;
  if ("why" in shown) return h("div", { className: "legend", "data-testid": "legend-clusters" }, h("h3", {}, "clusters"), h("p", { "data-testid": "no-clusters" }, `none: ${shown.why}`));
  return clusterLegend(shown, drawn?.unplaced ?? [], look.linkColour);
}

function select(node: string): void {
  if (network === undefined) return;
  // Showing the selected organisation's neighbourhood: the filters follow the selection.
  if (state.neighbourhood === true) return change({ selected: node });
  state.selected = node;
  history.replaceState(null, "", writeState(state));
  showPanel(network, node);
  if (view !== undefined) view.setLook(lookOf(network));
}

function showPanel(network: Network, node: string): void {
  if (shown === undefined) return;
  showOrganisation(panel, network, node, shown, (other) => (select(other), view?.focus(other)), () => {
    panel.hidden = true;
    change({ selected: undefined });
  });
}

function fileStem(): string {
  return `linkscale-${(state.dataset || "view").replace(/[^a-z0-9-]+/gi, "-")}`;
}

async function start(): Promise<void> {
  const input = element<HTMLInputElement>("files");
  input.addEventListener("change", () => {
    if (input.files !== null && input.files.length > 0) openFiles([...input.files]);
  });
  const camera = () => (state.mode === "clusters" ? clusters?.view?.renderer : view?.renderer)?.getCamera();
  element("zoom").addEventListener("click", (event) => {
    const action = (event.target as HTMLElement).dataset["testid"];
    if (action === "zoom-in") void camera()?.animatedZoom({ duration: 200 });
    else if (action === "zoom-out") void camera()?.animatedUnzoom({ duration: 200 });
    else if (action === "zoom-fit") void camera()?.animatedReset({ duration: 300 });
  });
  statistics.addEventListener("toggle", () => {
    if (network !== undefined && shown !== undefined) showStatistics(network, shown);
  });
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) openFiles(files);
  });

  const index = await fetchIndex();
  fill(datasetSelect, ...index.datasets.map(({ name }) => h("option", { value: name }, name)));
  datasetSelect.addEventListener("change", () => {
    change({ dataset: datasetSelect.value, ...CLEARED });
    void open(() => fetchDataset(index, datasetSelect.value));
  });
  const named = index.datasets.find(({ name }) => name === state.dataset) ?? index.datasets[0];
  if (named === undefined) return setStatus("no dataset to open: drop files here or pick them", false);
  const missing = state.dataset !== "" && state.dataset !== named.name ? state.dataset : undefined;
  state.dataset = named.name;
  datasetSelect.value = named.name;
  history.replaceState(null, "", writeState(state));
  await open(() => fetchDataset(index, named.name));
  if (missing !== undefined) {
    append(problems, h("p", {}, `"${missing}" is not here (a file opened from disk is not kept in the URL): ${named.name} opened instead`));
    problems.hidden = false;
  }
}

function openFiles(files: File[]): void {
  panel.hidden = true;
  change({ dataset: `file:${files.map((f) => f.name).join("+")}`, ...CLEARED });
  void open(() => readLocalFiles(files));
}

void start().catch((error: Error) => setStatus(error.message, false));
