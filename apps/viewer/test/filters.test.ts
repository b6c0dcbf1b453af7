import { createAllianceGraph } from "@linkscale/core";
import { describe, expect, it } from "vitest";
import { defaultMinWeight, LINK_BUDGET, visibility } from "../src/filters.ts";
import { localSummary, noLocalReason } from "../src/local-rule.ts";
import { prepareNetwork } from "../src/network.ts";
import { DEFAULT_STATE } from "../src/state.ts";

// Hand-made: a (DE firm) – b (DE university) weight 1, 2015–2016: national;
// b – c (FR firm) weight 3, 2018: transnational; d (JP, no links).
function network() {
  const graph = createAllianceGraph();
  graph.addNode("a", { type: "firm", country: "DE" });
  graph.addNode("b", { type: "university", country: "DE" });
  graph.addNode("c", { type: "firm", country: "FR" });
  graph.addNode("d", { type: "government", country: "JP" });
  graph.addEdge("a", "b", { weight: 1, firstYear: 2015, lastYear: 2016 });
  graph.addEdge("b", "c", { weight: 3, firstYear: 2018 });
  return prepareNetwork(graph);
}

describe("visibility", () => {
  it("shows everything by default", () => {
    const shown = visibility(network(), DEFAULT_STATE);
    expect([shown.organisations, shown.links]).toEqual([4, 2]);
  });

  it("hides the links of a hidden organisation, and links of other scales, years or lighter weight", () => {
    const net = network();
    const count = (change: object) => visibility(net, { ...DEFAULT_STATE, ...change }).links;
    expect(count({ types: ["university", "firm", "government"] })).toBe(2);
    expect(count({ types: ["firm", "government"] })).toBe(0); // b hidden: both links go
    expect(count({ countries: ["DE", "JP"] })).toBe(1); // c hidden
    expect(count({ scales: ["national"] })).toBe(1);
    expect(count({ years: { from: 2017, to: 2018 } })).toBe(1);
    expect(count({ minWeight: 2 })).toBe(1);
  });

  it("shows under a year window only the organisations with a link in it", () => {
    const net = network();
    const shown = (from: number, to: number) => {
      const visible = visibility(net, { ...DEFAULT_STATE, years: { from, to } });
      return net.graph.filterNodes((node) => visible.node(node));
    };
    expect(shown(2015, 2015)).toEqual(["a", "b"]); // a–b only
    expect(shown(2017, 2018)).toEqual(["b", "c"]); // b–c only
    expect(shown(2019, 2020)).toEqual([]); // d never has a link
  });

  it("counts each scale's links under every filter but the scales' (a–b national, b–c transnational; local has none)", () => {
    const net = network();
    const byScale = (change: object) => Object.fromEntries(visibility(net, { ...DEFAULT_STATE, ...change }).linksByScale);
    expect(byScale({})).toEqual({ local: 0, national: 1, transnational: 1 });
    expect(byScale({ scales: ["national"] })).toEqual({ local: 0, national: 1, transnational: 1 });
    expect(byScale({ years: { from: 2017, to: 2018 } })).toEqual({ local: 0, national: 0, transnational: 1 });
    expect(byScale({ minWeight: 2, scales: ["transnational"] })).toEqual({ local: 0, national: 0, transnational: 1 });
    expect(byScale({ types: ["university", "firm"], countries: ["DE"] })).toEqual({ local: 0, national: 1, transnational: 0 });
  });

  it("hides organisations with fewer partners, outside the selected one's neighbourhood, or left without a link shown", () => {
    const net = network();
    const shown = (change: object) => {
      const visible = visibility(net, { ...DEFAULT_STATE, ...change });
      return [net.graph.filterNodes((node) => visible.node(node)), visible.links];
    };
    expect(shown({ minDegree: 2 })).toEqual([["b"], 0]); // only b has two partners
    expect(shown({ neighbourhood: true, selected: "a" })).toEqual([["a", "b"], 1]);
    expect(shown({ neighbourhood: true })).toEqual([["a", "b", "c", "d"], 2]); // nobody selected: no effect
    expect(shown({ hideIsolated: true })).toEqual([["a", "b", "c"], 2]); // d has no link
    // Only transnational links shown: a is left without one.
    expect(shown({ hideIsolated: true, scales: ["transnational"] })).toEqual([["b", "c"], 1]);
    expect(shown({ minDegree: 1, types: ["firm", "government"] })).toEqual([["a", "c"], 0]);
  });

  it("keys equal filters alike, whatever the colours", () => {
    const net = network();
    expect(visibility(net, { ...DEFAULT_STATE, colour: "country" }).key).toBe(visibility(net, DEFAULT_STATE).key);
    expect(visibility(net, { ...DEFAULT_STATE, minWeight: 2 }).key).not.toBe(visibility(net, DEFAULT_STATE).key);
  });
});

describe("defaultMinWeight", () => {
  it("is 0 under the link budget", () => {
    expect(defaultMinWeight(network())).toBe(0);
  });

  it("is the smallest whole weight leaving at most LINK_BUDGET links", () => {
    // LINK_BUDGET + 10 links of weight 1, and 10 of weight 2: weight 2 leaves 10.
    const graph = createAllianceGraph();
    const n = Math.ceil(Math.sqrt(2 * (LINK_BUDGET + 20))) + 1;
    for (let i = 0; i < n; i++) graph.addNode(String(i));
    let links = 0;
    for (let i = 0; i < n && links < LINK_BUDGET + 20; i++) {
      for (let j = i + 1; j < n && links < LINK_BUDGET + 20; j++) graph.addEdge(String(i), String(j), { weight: links++ < 10 ? 2 : 1 });
    }
    expect(defaultMinWeight({ graph, maxWeight: 2 } as never)).toBe(2);
  });
});

// Hand-made, no regions: p and q in one city ("München" and "Munich", one key after the core's
// normalising), 3 km apart; r in Garching, 14 km from p; s in Paris. p–q local by same city;
// p–r national, local within 20 km; r–s transnational.
function cities() {
  const graph = createAllianceGraph();
  graph.addNode("p", { type: "firm", country: "DE", city: "München", lat: 48.137, lon: 11.575 });
  graph.addNode("q", { type: "university", country: "DE", city: "Munich", lat: 48.15, lon: 11.58 + 0.035 });
  graph.addNode("r", { type: "research", country: "DE", city: "Garching", lat: 48.249, lon: 11.651 });
  graph.addNode("s", { type: "firm", country: "FR", city: "Paris", lat: 48.857, lon: 2.352 });
  graph.addEdge("p", "q", { weight: 1 });
  graph.addEdge("p", "r", { weight: 1 });
  graph.addEdge("r", "s", { weight: 1 });
  return graph;
}

describe("the local rule", () => {
  const localOf = (net: ReturnType<typeof prepareNetwork>) => visibility(net, { ...DEFAULT_STATE, scales: ["local"] }).links;

  it("makes the same city local by default, naming the rule, and each link has its rule", () => {
    const net = prepareNetwork(cities());
    expect(localOf(net)).toBe(1);
    const [pq, pr] = [net.graph.edge("p", "q") as string, net.graph.edge("p", "r") as string];
    expect([net.scaleOf(pq), net.ruleOf(pq), net.scaleOf(pr), net.ruleOf(pr)]).toEqual(["local", "city", "national", "country"]);
    expect(localSummary(net)).toBe("local: same region 0, same city 1");
    expect(noLocalReason(net)).toBeUndefined();
  });

  it("reclassifies under another rule: same city off makes nothing local, and says why; within 20 km adds p–r", () => {
    const net = prepareNetwork(cities());
    const before = visibility(net, DEFAULT_STATE).key;
    net.classify({ sameCity: false, admin1: false });
    expect(localOf(net)).toBe(0);
    expect(net.scales).toEqual(["local", "national", "transnational"]);
    expect(net.linksByScale.get("local")).toBe(0);
    expect(noLocalReason(net)).toBe("no link is local: regions are unknown and the same-city rule is off");
    expect(visibility(net, DEFAULT_STATE).key).not.toBe(before);
    net.classify({ sameCity: false, admin1: false, withinKm: 20 });
    expect(localOf(net)).toBe(2);
    expect(localSummary(net)).toBe("local: same region 0, within 20 km 2");
    net.classify({ sameCity: true, admin1: false, withinKm: 20 });
    expect(localSummary(net)).toBe("local: same region 0, same city 1, within 20 km 1");
    expect(net.ruleOf(net.graph.edge("p", "r") as string)).toBe("distance");
    expect(net.sharesOf("p")?.counts["local"]).toBe(2);
    net.classify({ sameCity: true, admin1: false, withinKm: 1 });
    expect(localSummary(net)).toBe("local: same region 0, same city 1, within 1 km 0");
  });

  // Hand-made, no regions: Bilbao and Donostia, different cities in one autonomous community
  // (ES-PV), and Madrid (ES-MD). By hand: no link is local by same city; bio–don by admin1.
  function basque() {
    const graph = createAllianceGraph();
    graph.addNode("bio", { type: "firm", country: "ES", city: "Bilbao", admin1: "ES-PV" });
    graph.addNode("don", { type: "research", country: "ES", city: "Donostia", admin1: "ES-PV" });
    graph.addNode("mad", { type: "university", country: "ES", city: "Madrid", admin1: "ES-MD" });
    graph.addEdge("bio", "don", { weight: 2 });
    graph.addEdge("bio", "mad", { weight: 1 });
    graph.addEdge("don", "mad", { weight: 1 });
    return graph;
  }

  it("makes the same admin1 region local where asked, after the same city, and says when it is off", () => {
    const net = prepareNetwork(basque());
    expect(net.admin1Known).toBe(3);
    expect(noLocalReason(net)).toBe("no link is local: regions are unknown, no two partners share a city where a region is unknown and the admin1 rule is off");
    net.classify({ sameCity: true, admin1: true });
    expect(localOf(net)).toBe(1);
    expect(net.ruleOf(net.graph.edge("bio", "don") as string)).toBe("admin1");
    expect(localSummary(net)).toBe("local: same region 0, same city 0, same admin1 region 1");
  });

  it("puts the admin1 rule in force only where some organisation has an admin1 value", () => {
    const net = prepareNetwork(cities(), { sameCity: true, admin1: true });
    expect(net.admin1Known).toBe(0);
    expect(net.localRule.admin1).toBe(false);
    expect(localSummary(net)).toBe("local: same region 0, same city 1");
  });
});
