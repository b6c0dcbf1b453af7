/**
 * The sidebar's controls, built for one network: view (mode, colours, sizes), the layout's own
 * section (layout-controls.ts, in graph mode), clusters mode's (what makes a cluster, where
 * clusters go), filters (scales, with the rules that make a link
 * local, years, minimum link weight, types, countries) and exports. Each control reports a change
 * of the view's state; nothing here draws or computes.
 */
import { UNKNOWN } from "@linkscale/core";
import { formatCount, h } from "./dom.ts";
import { clusterChoices } from "./clusters.ts";
import { NO_SCALE } from "./legend.ts";
import { defaultMinWeight } from "./filters.ts";
import { localRuleLine, rulesInForce } from "./local-rule.ts";
import type { Network } from "./network.ts";
import { ARRANGEMENTS, LABEL_DENSITIES, MODES, type StateChange, type ViewState } from "./state.ts";

/** How long play shows each window. */
export const PLAY_STEP_MS = 1200;

export interface ControlActions {
  change(partial: StateChange): void;
  exportPng(): void;
  exportGexf(): void;
}

/** `layout`: the layout's section, shown in graph mode. */
export function buildControls(network: Network, state: ViewState, layout: HTMLElement, actions: ControlActions): HTMLElement {
  const section = (title: string, ...children: Array<Node | null>) => h("section", {}, h("h2", {}, title), ...children);
  const select = (label: string, testId: string, options: string[], value: string, onChange: (value: string) => void) =>
    h(
      "label",
      {},
      `${label} `,
      h(
        "select",
        { "data-testid": testId, onchange: (event: Event) => onChange((event.target as HTMLSelectElement).value) },
        ...options.map((option) => h("option", { value: option, selected: option === value }, option)),
      ),
    );

  const mode = h(
    "div",
    { className: "segmented", role: "group", "aria-label": "mode" },
    ...MODES.map((m) =>
      h("button", { type: "button", "data-testid": `mode-${m}`, "aria-pressed": String(state.mode === m), onclick: () => actions.change({ mode: m }) }, m),
    ),
  );

  return h(
    "div",
    {},
    section(
      "View",
      mode,
      // Clusters are coloured by their openness and sized by their members, and all named.
      ...(state.mode === "clusters"
        ? []
        : [
            select("colour by", "colour", network.colourings, state.colour, (colour) => actions.change({ colour })),
            select("size by", "size", ["none", ...network.centralities], state.size, (size) => actions.change({ size })),
            select("names shown", "labels", [...LABEL_DENSITIES], state.labels, (labels) => actions.change({ labels: labels as ViewState["labels"] })),
          ]),
    ),
    state.mode === "graph" ? layout : null,
    state.mode === "clusters"
      ? section(
          "Clusters",
          select("clusters by", "cluster-by", clusterChoices(network), state.clusterBy ?? "auto", (by) => actions.change({ clusterBy: by === "auto" ? undefined : by, selectedCluster: undefined })),
          select("arrange", "arrangement", ["as the data allows", ...ARRANGEMENTS], state.arrangement ?? "as the data allows", (arrangement) =>
            actions.change({ arrangement: ARRANGEMENTS.find((known) => known === arrangement) }),
          ),
          h("p", { className: "note" }, "auto: the data's cluster column, else geographic clusters, else cities (the legend names the rule); on the map where every cluster has a place"),
        )
      : null,
    section(
      "Filters",
      checkList("link scale", "scale", network.scales.map((s) => [s, network.linksByScale.get(s) ?? 0]), state.scales, (scales) => actions.change({ scales }), NO_SCALE),
      localRule(network, actions),
      yearRange(network, state, actions),
      minWeight(network, state, actions),
      organisationFilters(state, actions),
      checkList("organisation type", "type", network.types, state.types, (types) => actions.change({ types }), "no type"),
      checkList("country", "country", network.countries, state.countries, (countries) => actions.change({ countries }), "no country", true),
    ),
    section(
      "Export",
      h("button", { type: "button", "data-testid": "export-png", onclick: actions.exportPng }, "view as PNG"),
      h("button", { type: "button", "data-testid": "export-gexf", onclick: actions.exportGexf }, "shown network as GEXF"),
    ),
  );
}

/**
 * Checkboxes for the values of a category; all checked reports undefined (no filter). Those
 * without a value are named by `absent`, as the legend names them ("no type"), never as a value.
 */
function checkList(
  title: string,
  testId: string,
  values: ReadonlyArray<readonly [string, number]>,
  chosen: readonly string[] | undefined,
  onChange: (chosen: string[] | undefined) => void,
  absent: string,
  scroll = false,
): HTMLElement {
  const boxes = values.map(([value, count]) => {
    const box = h("input", { type: "checkbox", value, checked: chosen === undefined || chosen.includes(value), "data-testid": `${testId}-${value}` });
    return { box, label: h("label", {}, box, ` ${value === UNKNOWN ? absent : value} `, h("span", { className: "count" }, formatCount(count))) };
  });
  const report = () => {
    const checked = boxes.filter(({ box }) => box.checked).map(({ box }) => box.value);
    onChange(checked.length === boxes.length ? undefined : checked);
  };
  for (const { box } of boxes) box.addEventListener("change", report);
  const setAll = (checked: boolean) => () => {
    for (const { box } of boxes) box.checked = checked;
    report();
  };
  return h(
    "fieldset",
    {},
    h("legend", {}, title, " ", h("button", { type: "button", className: "small", onclick: setAll(true) }, "all"), h("button", { type: "button", className: "small", onclick: setAll(false) }, "none")),
    h("div", { className: scroll ? "checks scroll" : "checks" }, ...boxes.map(({ label }) => label)),
  );
}

/** The domain's default distance when the user first turns "within N km" on. */
const DEFAULT_KM = 50;

/** Why the admin1 rule cannot be turned on, where no organisation has an admin1 value. */
export const NO_ADMIN1 = "no organisation has an admin1 value; `linkscale convert <input> <folder> --admin1` writes it, derived from coordinates";

/**
 * What makes a link local where a region is unknown: the same city (on by default, as in
 * `linkscale analyze`), the same admin1 region (off by default, and only where the data has
 * admin1 values: the page cannot derive them) and ends within N km (off by default); the links
 * each rule decided.
 */
function localRule(network: Network, actions: ControlActions): HTMLElement {
  const { sameCity, admin1, withinKm } = network.localRule;
  const description = (rule: string) => network.rules.find((r) => r.rule === rule)?.description;
  const city = h("input", { type: "checkbox", checked: sameCity, "data-testid": "same-city" });
  city.addEventListener("change", () => actions.change({ sameCity: city.checked ? undefined : false }));
  const noAdmin1 = network.admin1Known === 0;
  const region = h("input", { type: "checkbox", checked: admin1, disabled: noAdmin1, "data-testid": "admin1" });
  region.addEventListener("change", () => actions.change({ admin1: region.checked ? true : undefined }));
  const near = h("input", { type: "checkbox", checked: withinKm !== undefined, "data-testid": "within-km-on", "aria-label": "within a distance" });
  const km = h("input", { type: "number", min: 0, step: "any", value: withinKm ?? DEFAULT_KM, className: "km", "data-testid": "within-km", "aria-label": "distance in km" });
  const reportKm = () => {
    const value = Number(km.value);
    if (km.value.trim() !== "" && Number.isFinite(value) && value >= 0) actions.change({ withinKm: value });
    else km.value = String(withinKm ?? DEFAULT_KM);
  };
  near.addEventListener("change", () => (near.checked ? reportKm() : actions.change({ withinKm: undefined })));
  km.addEventListener("change", reportKm);
  return h(
    "fieldset",
    { "data-testid": "local-rule" },
    h("legend", {}, "local, where a region is unknown"),
    h("label", { title: description("city") ?? "region unknown at an end; same city" }, city, " same city"),
    h(
      "label",
      { title: noAdmin1 ? NO_ADMIN1 : (description("admin1") ?? "region unknown at an end; same first-level administrative region (the admin1 attribute)"), className: noAdmin1 ? "disabled" : undefined },
      region,
      " same administrative region (admin1)",
    ),
    h("label", { title: description("distance") ?? "region unknown at an end; ends within this many km (great circle)" }, near, " within ", km, " km"),
    localRuleLine(network, "local-rule-filter"),
    rulesInForce(network),
  );
}

function yearRange(network: Network, state: ViewState, actions: ControlActions): HTMLElement | null {
  const { years } = network;
  if (years === undefined) return null;
  const range = state.years ?? { from: years.first, to: years.last };
  const slider = (name: "from" | "to") =>
    h("input", { type: "range", min: years.first, max: years.last, step: 1, value: range[name], "data-testid": `year-${name}`, "aria-label": `year ${name}` });
  const from = slider("from");
  const to = slider("to");
  const output = h("output", { "data-testid": "years" }, `${range.from}–${range.to}`);
  const show = (a: number, b: number) => {
    from.value = String(a);
    to.value = String(b);
    output.textContent = `${a}–${b}`;
    const select = picked();
    if (select !== null) select.value = String(stageOf(a, b));
    actions.change({ years: a === years.first && b === years.last ? undefined : { from: a, to: b } });
  };
  const report = (event: Event) => {
    stop();
    const [a, b] = [Number(from.value), Number(to.value)];
    if (a > b) show(...((event.target === from ? [a, a] : [b, b]) as [number, number]));
    else show(a, b);
  };
  from.addEventListener("input", report);
  to.addEventListener("input", report);

  // Named stages, where the URL gives them: a window to choose, and what play steps through.
  const stages = state.stages ?? [];
  const stageOf = (a: number, b: number) => stages.findIndex((stage) => stage.from === a && stage.to === b);
  const stagePicker =
    stages.length === 0
      ? null
      : h(
          "label",
          {},
          "stage ",
          h(
            "select",
            {
              "data-testid": "stage",
              onchange: (event: Event) => {
                stop();
                const stage = stages[Number((event.target as HTMLSelectElement).value)];
                if (stage === undefined) show(years.first, years.last);
                else show(stage.from, stage.to);
              },
            },
            h("option", { value: "-1", selected: stageOf(range.from, range.to) === -1 }, "all years"),
            ...stages.map((stage, i) => h("option", { value: String(i), selected: stageOf(range.from, range.to) === i }, `${stage.name} (${stage.from}–${stage.to})`)),
          ),
        );
  const picked = () => stagePicker?.querySelector("select") ?? null;

  // Play steps the window through the stages, or else through the years, a year at a time, keeping
  // its width (one year when it spans them all); nothing moves but what the window shows.
  const play = h("button", { type: "button", "data-testid": "year-play", "aria-pressed": "false" }, "▶ play");
  let timer: ReturnType<typeof setInterval> | undefined;
  function stop(): void {
    if (timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
    play.textContent = "▶ play";
    play.setAttribute("aria-pressed", "false");
  }
  play.addEventListener("click", () => {
    if (timer !== undefined) return stop();
    const [a, b] = [Number(from.value), Number(to.value)];
    if (stages.length > 0) {
      // From the stage shown, or from the first.
      let next = Math.max(0, stageOf(a, b));
      const step = () => {
        const stage = stages[next++];
        if (stage === undefined || !play.isConnected) return stop();
        show(stage.from, stage.to);
      };
      step();
      play.textContent = "❚❚ pause";
      play.setAttribute("aria-pressed", "true");
      timer = setInterval(step, PLAY_STEP_MS);
      return;
    }
    const width = a === years.first && b === years.last ? 0 : b - a;
    let start = a === years.first && b === years.last ? years.first : a;
    // A window at the end starts again from the first year.
    if (start + width >= years.last && !(a === years.first && b === years.last)) start = years.first;
    show(start, start + width);
    play.textContent = "❚❚ pause";
    play.setAttribute("aria-pressed", "true");
    timer = setInterval(() => {
      start += 1;
      if (start + width > years.last || !play.isConnected) return stop();
      show(start, start + width);
    }, PLAY_STEP_MS);
  });
  return h(
    "fieldset",
    {},
    h("legend", {}, "years of the links"),
    from,
    to,
    output,
    stagePicker,
    play,
    h("p", { className: "note" }, "links whose projects' years overlap the window, and the organisations with one; links without years show only at the full range"),
  );
}

function minWeight(network: Network, state: ViewState, actions: ControlActions): HTMLElement {
  const value = state.minWeight ?? defaultMinWeight(network);
  const input = h("input", { type: "number", min: 0, step: "any", value, "data-testid": "min-weight", "aria-label": "minimum link weight" });
  input.addEventListener("change", () => {
    const weight = Number(input.value);
    if (Number.isFinite(weight) && weight >= 0) actions.change({ minWeight: weight });
  });
  return h(
    "fieldset",
    {},
    h("legend", {}, "minimum link weight"),
    input,
    h("span", { className: "count" }, ` max ${formatCount(network.maxWeight)}`),
  );
}

/** Organisations by their partners: a minimum count, the selected one's neighbourhood, and those left without a link. */
function organisationFilters(state: ViewState, actions: ControlActions): HTMLElement {
  const degree = h("input", { type: "number", min: 0, step: 1, value: state.minDegree ?? 0, className: "km", "data-testid": "min-degree", "aria-label": "minimum partners" });
  degree.addEventListener("change", () => {
    const value = Number(degree.value);
    if (Number.isSafeInteger(value) && value >= 0) actions.change({ minDegree: value === 0 ? undefined : value });
  });
  const around = h("input", { type: "checkbox", checked: state.neighbourhood === true, "data-testid": "neighbourhood" });
  around.addEventListener("change", () => actions.change({ neighbourhood: around.checked ? true : undefined }));
  const isolated = h("input", { type: "checkbox", checked: state.hideIsolated === true, "data-testid": "hide-isolated" });
  isolated.addEventListener("change", () => actions.change({ hideIsolated: isolated.checked ? true : undefined }));
  return h(
    "fieldset",
    {},
    h("legend", {}, "organisations"),
    h("label", { title: "partners in the whole network, whatever the other filters show" }, "at least ", degree, " partners"),
    h("label", { title: "takes effect while an organisation's panel is open" }, around, " only the selected one and its partners"),
    h("label", {}, isolated, " hide those without a link shown"),
  );
}

/**
 * Brings the scale checkboxes in line with the scales chosen elsewhere (the legend) and their
 * counts with the other filters, without building the controls again.
 */
export function syncScaleFilter(root: HTMLElement, chosen: readonly string[] | undefined, counts: ReadonlyMap<string, number>): void {
  for (const box of root.querySelectorAll<HTMLInputElement>("input[data-testid^=scale-]")) {
    box.checked = chosen === undefined || chosen.includes(box.value);
    const count = box.parentElement?.querySelector(".count");
    if (count) count.textContent = formatCount(counts.get(box.value) ?? 0);
  }
}
