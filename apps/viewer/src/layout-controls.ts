/**
 * The layout's controls: run and stop, the seed and the ForceAtlas2 settings a user may change
 * (gravity, scaling ratio, LinLog mode, edge-weight influence), and the run's progress: its
 * iterations, the criterion's value (the relative step, layout-settle.ts) against the settled
 * threshold, whether it has settled, and the overlaps parted then. A change of seed or setting
 * lays the network out anew from the seeded positions, so that the URL it goes into gives the
 * same picture again. Built once per layout run; `showProgress` updates it after each batch
 * without building it again.
 */
import { formatCount, h } from "./dom.ts";
import type { LayoutProgress } from "./layout.ts";
import { SETTLED_BATCHES, SETTLED_STEP } from "./layout-settle.ts";
import { OVERLAP_FREE_ZOOM, type Parting } from "./overlap.ts";
import type { LayoutChoice } from "./layout-settings.ts";
import type { StateChange } from "./state.ts";

export interface LayoutPanel {
  element: HTMLElement;
  showProgress(progress: LayoutProgress): void;
}

export interface LayoutActions {
  /** Runs a layout that is not running, stops one that is. */
  toggle(): void;
  change(partial: StateChange): void;
}

const step = (value: number | undefined) => (value === undefined ? "–" : value.toExponential(1));

/**
 * What the progress line says, for a layout in this state: short enough for the two lines the
 * panel keeps for it, so the controls below never move while the layout runs (a click aimed at
 * a filter would land on its neighbour).
 */
export function progressText({ phase, iterations, step: last, calmBatches, parted }: LayoutProgress, positioned: boolean): string {
  const count = formatCount(iterations);
  switch (phase) {
    case "waiting":
      return positioned ? "not run: the organisations are where the file puts them" : "waiting to start";
    case "running":
      return `running: ${count} iterations, step ${step(last)} (${calmBatches} of ${SETTLED_BATCHES} calm batches)`;
    case "paused":
      return `stopped at ${count} iterations, step ${step(last)}`;
    case "settled":
      return `settled after ${count} iterations: step ${step(last)}; ${partedText(parted)}`;
    case "capped":
      return `not settled after ${count} iterations (step ${step(last)}): run on to go further`;
  }
}

function partedText(parted: Parting | undefined): string {
  if (parted === undefined || parted.overlapping === 0) return "no overlaps to part";
  const left = parted.left === 0 ? "" : `, ${formatCount(parted.left)} left`;
  return `${formatCount(parted.overlapping)} overlaps parted${left}`;
}

function buttonText(phase: LayoutProgress["phase"]): string {
  return phase === "running" ? "stop" : phase === "settled" ? "settled" : phase === "capped" ? "run on" : "run";
}

export function buildLayoutPanel(choice: LayoutChoice, defaults: LayoutChoice, positioned: boolean, actions: LayoutActions): LayoutPanel {
  const button = h("button", { type: "button", "data-testid": "layout", onclick: actions.toggle }, "run");
  const progress = h("p", { className: "note", "data-testid": "layout-progress", "aria-live": "polite" });

  /** A number the layout runs with; the default leaves the URL. */
  const numberInput = (label: string, testId: string, key: "layoutSeed" | "gravity" | "scalingRatio" | "edgeWeightInfluence", value: number, fallback: number, attributes: { min: number; step: string }, title: string) => {
    const input = h("input", { type: "number", ...attributes, value, className: "setting", "data-testid": testId, "aria-label": label });
    input.addEventListener("change", () => {
      const next = Number(input.value);
      const valid = input.value.trim() !== "" && Number.isFinite(next) && next >= attributes.min && (key !== "layoutSeed" || Number.isSafeInteger(next));
      if (!valid || (key === "scalingRatio" && next === 0)) {
        input.value = String(value);
        return;
      }
      actions.change({ [key]: next === fallback ? undefined : next });
    });
    return h("label", { title }, `${label} `, input);
  };
  const seed = numberInput("seed", "layout-seed", "layoutSeed", choice.seed, defaults.seed, { min: 0, step: "1" }, positioned ? "not used: the layout starts from the file's positions" : "the seed of the initial positions: the same data, seed and settings give the same picture");
  if (positioned) (seed.querySelector("input") as HTMLInputElement).disabled = true;
  const linLog = h("input", { type: "checkbox", checked: choice.linLog, "data-testid": "layout-linlog" });
  linLog.addEventListener("change", () => actions.change({ linLog: linLog.checked === defaults.linLog ? undefined : linLog.checked }));

  const element = h(
    "section",
    { "data-testid": "layout-panel" },
    h("h2", {}, "Layout (ForceAtlas2)"),
    button,
    progress,
    h(
      "p",
      { className: "note" },
      `settled: a step under ${step(SETTLED_STEP)} of the spread per iteration for ${SETTLED_BATCHES} batches in a row; ` +
        `then organisations with links are moved apart until, zoomed in ${OVERLAP_FREE_ZOOM}×, no two overlap`,
    ),
    seed,
    numberInput("gravity", "layout-gravity", "gravity", choice.gravity, defaults.gravity, { min: 0, step: "any" }, "pull towards the centre (strong gravity): lower lets communities drift further apart"),
    numberInput("scaling", "layout-scaling", "scalingRatio", choice.scalingRatio, defaults.scalingRatio, { min: 0, step: "any" }, "repulsion between organisations: higher spreads the picture"),
    numberInput("weight influence", "layout-weight-influence", "edgeWeightInfluence", choice.edgeWeightInfluence, defaults.edgeWeightInfluence, { min: 0, step: "any" }, "attraction grows with a link's weight to this power: 0 ignores weights, 1 is linear"),
    h("label", { title: "LinLog mode: logarithmic attraction, tighter clusters" }, linLog, " LinLog"),
    h("p", { className: "note" }, "a change lays the network out anew from the seed; filters hide organisations, never move them"),
  );
  return {
    element,
    showProgress(state) {
      button.textContent = buttonText(state.phase);
      button.disabled = state.phase === "settled";
      button.setAttribute("aria-pressed", String(state.phase === "running"));
      progress.textContent = progressText(state, positioned);
      progress.dataset["phase"] = state.phase;
      progress.dataset["iterations"] = String(state.iterations);
      progress.dataset["step"] = String(state.step ?? "");
    },
  };
}
