/**
 * Clusters mode, in a real browser (the harness in browser.ts): one bubble per cluster and one
 * line per pair of clusters that collaborate, each cluster's panel, and filters that carry through,
 * all against the core's cluster network computed here in Node on the same files.
 */
import { classifyLinks, clusterGrouping, clusterNetwork, clusterPositions, defaultHierarchy, mainScale, type AllianceGraph, type ClusterGrouping, type GroupBy } from "@linkscale/core";
import type { Page } from "playwright-core";
import type Sigma from "sigma";
import { describe, expect, it } from "vitest";
import { clusterDisplay } from "../src/cluster-display.ts";
import { shownClusters } from "../src/clusters.ts";
import { opennessColour, scaleColouring } from "../src/colours.ts";
import { visibility } from "../src/filters.ts";
import { prepareNetwork } from "../src/network.ts";
import { readState } from "../src/state.ts";
import { open, reference, SCREENSHOTS, useBrowser } from "./browser.ts";

useBrowser();

/** The viewer's default rule for local links: the same city where a region is unknown. */
const VIEWER_RULE = { hierarchy: defaultHierarchy({ sameCity: true, admin1: false }) };

function grouping(graph: AllianceGraph, by = "auto"): ClusterGrouping {
  const found = clusterGrouping(graph, { by });
  if (found.by === null) throw new Error(found.why);
  return found;
}

/** What the cluster view draws: its clusters with colour and position, its links with their scale. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const renderer = (window as unknown as { linkscale: { clusterRenderer: Sigma } }).linkscale.clusterRenderer;
    const graph = renderer.getGraph();
    return {
      clusters: graph.mapNodes((node, { color, x, y }) => ({ node, color: String(color), x: Number(x), y: Number(y) })),
      links: graph.mapEdges((_edge, { scale }, source, target) => ({ pair: [source, target].sort().join(" | "), scale: String(scale) })),
    };
  });

/** Clicks a cluster's bubble where it is drawn. */
async function clickCluster(page: Page, name: string): Promise<void> {
  const at = await page.evaluate((cluster) => {
    const renderer = (window as unknown as { linkscale: { clusterRenderer: Sigma } }).linkscale.clusterRenderer;
    return renderer.framedGraphToViewport(renderer.getNodeDisplayData(cluster) as { x: number; y: number });
  }, name);
  const box = await page.locator("#clusters").boundingBox();
  if (box === null) throw new Error("the clusters' canvas is not shown");
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await page.waitForSelector("[data-testid=cluster-members]");
}

describe("clusters mode", () => {
  it("on semiconductor-ev: draws the core's clusters on the map, coloured by openness, and their links by main scale", async () => {
    const graph = reference("semiconductor-ev");
    const found = grouping(graph);
    const network = clusterNetwork(graph, { ...VIEWER_RULE, groupBy: found.groupBy });
    const names = Object.keys(network.clusters);
    // The data has coordinates and no cluster column: geographic clusters, each with a place.
    expect(found.by).toBe("geo");
    expect(names.length).toBeGreaterThan(10);

    const { page, errors } = await open("?dataset=semiconductor-ev&mode=clusters");
    const { clusters, links } = await drawn(page);
    expect(clusters.map(({ node }) => node).sort()).toEqual([...names].sort());
    for (const { node, color } of clusters) expect(color, node).toBe(opennessColour(network.clusters[node]?.openness.weighted.EI ?? null));
    expect(links.map(({ pair }) => pair).sort()).toEqual(network.links.map(({ source, target }) => [source, target].sort().join(" | ")).sort());
    const scaleOf = new Map(network.links.map((link) => [[link.source, link.target].sort().join(" | "), mainScale(link)]));
    for (const { pair, scale } of links) expect(scale, pair).toBe(scaleOf.get(pair));
    // The legend counts them, names the rule and who is left out.
    expect(Number(await page.getAttribute("[data-testid=cluster-count]", "data-count"))).toBe(names.length);
    expect(Number(await page.getAttribute("[data-testid=cluster-count]", "data-links"))).toBe(network.links.length);
    expect(Number(await page.getAttribute("[data-testid=cluster-excluded]", "data-count"))).toBe(network.excluded.organisations);
    expect(await page.textContent("[data-testid=cluster-rule]")).toContain(found.rule);
    // Placed by their members' coordinates: as on the map, west of another is left of it.
    const positions = clusterPositions(graph, found.groupBy);
    const [west, east] = [...names].sort((a, b) => (positions[a]?.lon ?? 0) - (positions[b]?.lon ?? 0)).filter((_, i, all) => i === 0 || i === all.length - 1);
    const x = (name: string | undefined) => clusters.find(({ node }) => node === name)?.x ?? NaN;
    expect(x(west)).toBeLessThan(x(east));
    await page.screenshot({ path: `${SCREENSHOTS}/clusters-map.png` });
    expect(errors).toEqual([]);
  });

  it("opens a cluster's panel on a click: members, openness and gatekeepers as the core counts them, kept in the URL", async () => {
    const graph = reference("semiconductor-ev");
    const network = clusterNetwork(graph, { ...VIEWER_RULE, groupBy: grouping(graph).groupBy });
    // The cluster with the most members.
    const [name, cluster] = Object.entries(network.clusters).sort(([, a], [, b]) => b.members - a.members)[0] ?? [];
    if (name === undefined || cluster === undefined) throw new Error("no cluster");

    const { page, errors } = await open("?dataset=semiconductor-ev&mode=clusters&arrange=network");
    await clickCluster(page, name);
    expect(await page.textContent("[data-testid=panel-name]")).toBe(name);
    expect(Number(await page.getAttribute("[data-testid=cluster-members]", "data-count"))).toBe(cluster.members);
    expect(Number(await page.getAttribute("[data-testid=cluster-openness]", "data-weighted"))).toBeCloseTo(cluster.openness.weighted.EI as number, 12);
    expect(Number(await page.getAttribute("[data-testid=cluster-openness]", "data-counted"))).toBeCloseTo(cluster.openness.counted.EI as number, 12);
    const partners = network.links.filter(({ source, target }) => source === name || target === name);
    expect(Number(await page.getAttribute("[data-testid=cluster-partners]", "data-count"))).toBe(partners.length);
    const gatekeepers = await page.locator("[data-testid=cluster-gatekeepers] li a").allTextContents();
    expect(gatekeepers).toEqual(cluster.gatekeepers.map(({ organisation }) => String(graph.getNodeAttribute(organisation, "name"))));
    expect(await page.locator("[data-testid=cluster-member-list] li").count()).toBe(cluster.members);
    expect(new URL(page.url()).searchParams.get("cluster")).toBe(name);
    await page.screenshot({ path: `${SCREENSHOTS}/clusters-panel.png` });

    // A gatekeeper's name opens its organisation, in graph mode.
    const first = cluster.gatekeepers[0]?.organisation as string;
    await page.locator("[data-testid=cluster-gatekeepers] li a").first().click();
    await page.waitForFunction(() => (window as unknown as { linkscale: { state: { mode: string } } }).linkscale.state.mode === "graph");
    expect(new URL(page.url()).searchParams.get("selected")).toBe(first);
    expect(await page.textContent("[data-testid=panel-name]")).toBe(String(graph.getNodeAttribute(first, "name")));
    expect(errors).toEqual([]);
  });

  it("carries the filters through: national links alone give the core's cluster network of those links", async () => {
    const graph = reference("semiconductor-ev");
    const { groupBy } = grouping(graph);
    const national = graph.nullCopy() as AllianceGraph;
    graph.forEachNode((node, attributes) => void national.addNode(node, attributes));
    const scales = new Map(classifyLinks(graph, VIEWER_RULE).map(({ source, target, scale }) => [[source, target].sort().join(" "), scale]));
    graph.forEachEdge((edge, attributes, source, target) => {
      if (scales.get([source, target].sort().join(" ")) === "national") national.addEdgeWithKey(edge, source, target, attributes);
    });
    const network = clusterNetwork(national, { ...VIEWER_RULE, groupBy: groupBy as GroupBy });
    const whole = clusterNetwork(graph, { ...VIEWER_RULE, groupBy });
    expect(network.links.length).toBeLessThan(whole.links.length);

    const { page, errors } = await open("?dataset=semiconductor-ev&mode=clusters&scales=national");
    expect(Number(await page.getAttribute("[data-testid=cluster-count]", "data-links"))).toBe(network.links.length);
    const { clusters } = await drawn(page);
    for (const { node, color } of clusters) expect(color, node).toBe(opennessColour(network.clusters[node]?.openness.weighted.EI ?? null));
    expect(errors).toEqual([]);
  });

  it("lays the cluster network out as the same seeded run does in Node, and says which clusters the map cannot place", async () => {
    const graph = reference("semiconductor-ev");
    const query = "?dataset=semiconductor-ev&mode=clusters&arrange=network";
    const network = prepareNetwork(graph);
    const shown = visibility(network, readState(query));
    const clusters = shownClusters(network, shown, "auto");
    if ("why" in clusters) throw new Error(clusters.why);
    const { display } = clusterDisplay(clusters, "network", network.scales, scaleColouring(network.scales, shown.linksByScale));
    const first = await open(query);
    const laidOut = (await drawn(first.page)).clusters;
    expect(laidOut.length).toBeGreaterThan(10);
    for (const { node, x, y } of laidOut) {
      expect(x, node).toBeCloseTo(display.getNodeAttribute(node, "x") as number, 9);
      expect(y, node).toBeCloseTo(display.getNodeAttribute(node, "y") as number, 9);
    }

    // Cities as clusters: those without a member with coordinates have no place on the map.
    const byCity = grouping(graph, "city");
    const cities = clusterNetwork(graph, { ...VIEWER_RULE, groupBy: byCity.groupBy });
    const positions = clusterPositions(graph, byCity.groupBy);
    const unplaced = Object.keys(cities.clusters).filter((name) => !Object.hasOwn(positions, name));
    expect(unplaced.length).toBeGreaterThan(0);
    const { page, errors } = await open("?dataset=semiconductor-ev&mode=clusters&clusterBy=city&arrange=map");
    expect(Number(await page.getAttribute("[data-testid=clusters-unplaced]", "data-count"))).toBe(unplaced.length);
    expect((await drawn(page)).clusters.length).toBe(Object.keys(cities.clusters).length - unplaced.length);
    expect([...first.errors, ...errors]).toEqual([]);
  });
});
