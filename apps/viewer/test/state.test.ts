import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, readState, writeState, type ViewState } from "../src/state.ts";

describe("the view's state in the URL", () => {
  it("round-trips every field", () => {
    const state: ViewState = {
      dataset: "h2020-health",
      mode: "table",
      colour: "country",
      size: "pagerank",
      labels: "many",
      scales: ["local", "national"],
      years: { from: 2016, to: 2018 },
      stages: [
        { name: "start-up", from: 2014, to: 2015 },
        { name: "development phase", from: 2016, to: 2018 },
      ],
      types: ["firm", "university"],
      countries: ["DE", "unknown"],
      minWeight: 2.5,
      selected: "999993953",
      minDegree: 3,
      neighbourhood: true,
      hideIsolated: true,
      sameCity: false,
      admin1: true,
      withinKm: 25.5,
      clusterBy: "geo",
      selectedCluster: "Bern, CH",
      arrangement: "network",
      layoutSeed: 7,
      gravity: 0.02,
      scalingRatio: 4,
      linLog: true,
      edgeWeightInfluence: 0.5,
    };
    expect(readState(writeState(state))).toEqual(state);
  });

  it("writes nothing for the defaults, and an empty list for a filter that hides all", () => {
    expect(writeState(DEFAULT_STATE)).toBe("");
    expect(readState(writeState({ ...DEFAULT_STATE, types: [] })).types).toEqual([]);
  });

  it("falls back to the defaults on malformed parameters", () => {
    const state = readState("?mode=globe&years=2016&minWeight=heavy&stages=start-up:2016-2014&labels=lots&arrange=globe&clusterBy=");
    expect(state.mode).toBe("graph");
    expect(state.arrangement).toBeUndefined();
    expect(state.clusterBy).toBeUndefined();
    expect(state.labels).toBe("some");
    expect(state.stages).toBeUndefined();
    expect(state.years).toBeUndefined();
    expect(state.minWeight).toBeUndefined();
  });

  it("keeps the same-city rule on and the distance rule off unless the URL says otherwise", () => {
    expect(readState("").sameCity).toBeUndefined();
    expect(readState("?sameCity=off&withinKm=50")).toMatchObject({ sameCity: false, withinKm: 50 });
    expect(readState("?sameCity=maybe&withinKm=-3&").sameCity).toBeUndefined();
    expect(readState("?withinKm=-3").withinKm).toBeUndefined();
    expect(readState("?withinKm=far").withinKm).toBeUndefined();
  });

  it("keeps the admin1 rule off unless the URL turns it on", () => {
    expect(readState("").admin1).toBeUndefined();
    expect(readState("?admin1=on").admin1).toBe(true);
    expect(readState("?admin1=yes").admin1).toBeUndefined();
    expect(writeState({ ...DEFAULT_STATE, admin1: true })).toBe("?admin1=on");
  });

  it("keeps the layout's seed and settings, and drops malformed ones", () => {
    expect(readState("?seed=3&gravity=0.5&scaling=2&linlog=off&weightInfluence=0")).toMatchObject({ layoutSeed: 3, gravity: 0.5, scalingRatio: 2, linLog: false, edgeWeightInfluence: 0 });
    const malformed = readState("?seed=1.5&gravity=&scaling=0&linlog=maybe&weightInfluence=-1");
    expect([malformed.layoutSeed, malformed.gravity, malformed.scalingRatio, malformed.linLog, malformed.edgeWeightInfluence]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(writeState({ ...DEFAULT_STATE, layoutSeed: 2, linLog: true })).toBe("?seed=2&linlog=on");
  });
});
