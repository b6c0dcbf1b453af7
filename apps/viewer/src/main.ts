/**
 * The viewer: opens the dataset the URL names (or the first bundled one), or files the user
 * drops or picks, and shows the network with the controls, the legend, the visible counts and
 * the organisation panel. The view's state lives in the URL. Everything runs in the page.
 */
import "./styles.css";
import { categoryColouring, scaleColouring, type Legend } from "./colours.ts";
import { buildControls } from "./controls.ts";
import { append, fill, formatCount, h } from "./dom.ts";
import { download, gexfOf, pngOf } from "./export.ts";
import { hasCoordinates, visibility, type Visibility } from "./filters.ts";
import { whenDrawn } from "./frame-timing.ts";
import { GraphView, sizesFrom, type Look } from "./graph-view.ts";
import { fetchDataset, fetchIndex, readLocalFiles, type LoadedNetwork } from "./load.ts";
import { localRuleLine } from "./local-rule.ts";
import { prepareNetwork, type LocalRule, type Network } from "./network.ts";
import { showOrganisation } from "./panel.ts";
import { attachSearch } from "./search.ts";
import { readState, writeState, type StateChange, type ViewState } from "./state.ts";

const PROBLEMS_SHOWN = 200;
/** What another dataset resets: its filters and selection would not apply. */
const CLEARED: StateChange = { selected: undefined, scales: undefined, types: undefined, countries: undefined, years: undefined, minWeight: undefined };

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const stage = element<HTMLDivElement>("graph");
const controls = element<HTMLDivElement>("controls");
const panel = element<HTMLElement>("panel");
const status = element<HTMLDivElement>("status");
const problems = element<HTMLElement>("problems");
const legend = element<HTMLDivElement>("legend");
const counts = element<HTMLDivElement>("counts");
const unplaced = element<HTMLElement>("unplaced");
const datasetSelect = element<HTMLSelectElement>("dataset");

let state: ViewState = readState(location.search);
let network: Network | undefined;
let view: GraphView | undefined;
let shown: Visibility | undefined;

/** What tests and benchmarks read: state, counts, the first frame's time, renderer, gestures, layout. */
const probe = {
  ready: false,
  firstFrameMs: NaN,
  get state() {
    return state;
  },
  get counts() {
    return { organisations: shown?.organisations ?? 0, links: shown?.links ?? 0 };
  },
  get renderer() {
    return view?.renderer;
  },
  get gestures() {
    return view?.gestures;
  },
  get layoutRunning() {
    return view?.isLayoutRunning() ?? false;
  },
};
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
  const shownView = (view = new GraphView(stage, network, look, select));
  rebuildControls(network);
  refreshSidebar(network, look);
  attachSearch(element("search"), element("search-results"), network, select);
  if (state.selected !== undefined && network.graph.hasNode(state.selected)) select(state.selected);
  else delete state.selected;
  // Sigma drew its first frame as the view was made; the time it is ready counts from the page's
  // navigation (performance.now's origin), loading included. The layout starts then: where WebGL
  // runs on the CPU, its worker would slow that first frame down.
  void whenDrawn(shownView.renderer).then((time) => {
    if (view !== shownView) return;
    probe.firstFrameMs = time;
    if (state.mode === "graph" && !network.positioned) runLayout(network);
    probe.ready = true;
  });
}

function runLayout(network: Network): void {
  // Longer for larger networks; the layout button runs it again or stops it.
  const seconds = Math.min(20, 2 + network.graph.order / 1000);
  view?.startLayout(seconds);
}

function lookOf(network: Network): Look {
  if (state.colour === "community") network.communities();
  shown = visibility(network, state);
  return {
    mode: state.mode,
    visibility: shown,
    nodeColour: categoryColouring(state.colour, network.countsOf(state.colour)),
    colourBy: state.colour,
    linkColour: scaleColouring(network.scales, network.linksByScale),
    sizes: sizesFrom(state.size === "none" ? undefined : network.centrality(state.size), network.graph.nodes()),
    ...(state.selected === undefined ? {} : { selected: state.selected }),
  };
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
  if (modeChanged || reclassified) rebuildControls(network);
  refreshSidebar(network, look);
  // The panel's links by scale follow the rule.
  if (reclassified && state.selected !== undefined && !panel.hidden) showPanel(network, state.selected);
}

function localRuleOf({ sameCity, admin1, withinKm }: ViewState): LocalRule {
  return { sameCity: sameCity ?? true, admin1: admin1 ?? false, ...(withinKm === undefined ? {} : { withinKm }) };
}

function rebuildControls(network: Network): void {
  fill(
    controls,
    buildControls(network, state, {
      change,
      toggleLayout: () => (view?.isLayoutRunning() ? view.stopLayout() : view?.startLayout(10)),
      exportPng: () => view !== undefined && void pngOf(view.renderer, state.mode).then((blob) => download(blob, `${fileStem()}.png`)),
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
  fill(legend, legendOf(look.nodeColour.legend, "node"), legendOf(look.linkColour.legend, "link"), localRuleLine(network, "local-rule-legend"));
  const missing = state.mode === "map" ? total.filterNodes((_node, attributes) => !hasCoordinates(attributes)) : [];
  unplaced.hidden = missing.length === 0;
  fill(
    unplaced,
    h("h2", {}, `${formatCount(missing.length)} organisations without coordinates, not on the map`),
    h("ul", { "data-testid": "unplaced" }, ...missing.slice(0, PROBLEMS_SHOWN).map((node) => h("li", {}, String(total.getNodeAttribute(node, "name") ?? node)))),
  );
}

function legendOf({ title, entries }: Legend, kind: "node" | "link"): HTMLElement {
  return h(
    "div",
    { className: "legend", "data-testid": `legend-${kind}` },
    h("h3", {}, title),
    ...entries.map(({ label, colour, count }) =>
      h("div", { className: "entry" }, h("span", { className: `swatch ${kind}`, style: `background:${colour}` }), ` ${label} `, h("span", { className: "count" }, formatCount(count))),
    ),
  );
}

function select(node: string): void {
  if (network === undefined) return;
  state.selected = node;
  history.replaceState(null, "", writeState(state));
  showPanel(network, node);
  if (view !== undefined) view.setLook(lookOf(network));
}

function showPanel(network: Network, node: string): void {
  showOrganisation(panel, network, node, (other) => (select(other), view?.focus(other)), () => {
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
