/**
 * ForceAtlas2's settings, as the user sets them and as the layout runs with them. The defaults are
 * graphology's `inferSettings` for the network's size (strong gravity 0.05, scaling ratio 10, a
 * slow-down growing with the number of organisations, Barnes-Hut past 2,000 organisations, here
 * with Gephi's theta of 1.2 rather than graphology's 0.5) and
 * the seed of every other random choice the viewer makes; the user may change the seed, gravity,
 * scaling ratio, LinLog mode and the influence of link weights, each kept in the URL, so that a
 * shared view is laid out to the same picture.
 */
import forceAtlas2, { type ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { SEED } from "./network.ts";
import type { ViewState } from "./state.ts";

/** What the user chooses of a layout run: the seed of its initial positions and four forces. */
export interface LayoutChoice {
  seed: number;
  gravity: number;
  scalingRatio: number;
  linLog: boolean;
  /** Attraction along a link grows with its weight to this power: 0 ignores weights, 1 is linear. */
  edgeWeightInfluence: number;
}

/** Barnes-Hut's approximation of repulsion, past this many organisations (graphology's choice). */
const BARNES_HUT_FROM = 2000;
/**
 * Barnes-Hut's theta: Gephi's default. Against graphology's 0.5, an iteration on h2020-health
 * takes about half the time, and the settled picture separates its communities as well (the
 * ratio of mean distances within and between communities 0.47 against 0.465).
 */
const BARNES_HUT_THETA = 1.2;

export function defaultLayoutChoice(order: number): LayoutChoice {
  const inferred = forceAtlas2.inferSettings(order);
  return { seed: SEED, gravity: inferred.gravity ?? 1, scalingRatio: inferred.scalingRatio ?? 1, linLog: false, edgeWeightInfluence: 1 };
}

/** The URL's choices over the defaults for a network of `order` organisations. */
export function layoutChoiceOf(state: ViewState, order: number): LayoutChoice {
  const defaults = defaultLayoutChoice(order);
  return {
    seed: state.layoutSeed ?? defaults.seed,
    gravity: state.gravity ?? defaults.gravity,
    scalingRatio: state.scalingRatio ?? defaults.scalingRatio,
    linLog: state.linLog ?? defaults.linLog,
    edgeWeightInfluence: state.edgeWeightInfluence ?? defaults.edgeWeightInfluence,
  };
}

/** Everything ForceAtlas2 runs with, for `order` organisations laid out: the inferred settings, with the user's choices over them. */
export function forceAtlas2Settings(choice: LayoutChoice, order: number): Required<ForceAtlas2Settings> {
  const inferred = forceAtlas2.inferSettings(order);
  return {
    linLogMode: choice.linLog,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: choice.edgeWeightInfluence,
    scalingRatio: choice.scalingRatio,
    strongGravityMode: inferred.strongGravityMode ?? true,
    gravity: choice.gravity,
    slowDown: inferred.slowDown ?? 1,
    barnesHutOptimize: order > BARNES_HUT_FROM,
    barnesHutTheta: BARNES_HUT_THETA,
  };
}
