/**
 * The viewer's analytical views in a real browser (the harness in browser.ts): communities
 * coloured, the table of organisations with ranks and brokerage roles, the statistics panel,
 * navigation to a search result, and the filters by partners and neighbourhood.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { betweenness, brokerage, classifyLinks, connectedComponents, createAllianceGraph, degree, eiIndex, gatekeepers, louvain, modularity, seededRandom } from "@linkscale/core";
import { parse } from "csv-parse/sync";
import type Sigma from "sigma";
import { describe, expect, it } from "vitest";
import { count, open, reference, SCREENSHOTS, useBrowser } from "./browser.ts";

useBrowser();

describe("the viewer's communities, table, statistics, navigation and filters", () => {
  it("colours by the seeded Louvain communities the core finds", async () => {
    const { page } = await open();
    await page.selectOption("[data-testid=colour]", "community");
    await page.waitForFunction(() => document.querySelector("[data-testid=legend-node] h3")?.textContent === "community");
    const graph = reference();
    const { communities, count: found } = louvain(graph, { seed: 1 });
    const legend = await page.locator("[data-testid=legend-node] .entry").count();
    expect(legend).toBe(found <= 20 ? found : 21); // twenty colours, then "other"
    // Each community named by its member with the most partners (ties: the smallest id).
    const members = (community: number) => graph.filterNodes((node) => communities[node] === community);
    const leader = (community: number) => members(community).sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : 1))[0] as string;
    const largest = [...new Set(Object.values(communities))].sort((a, b) => members(b).length - members(a).length || a - b)[0] as number;
    const leaderName = graph.getNodeAttribute(leader(largest), "name") as string;
    expect(await page.textContent(`[data-testid=legend-node-${largest}] .name`)).toBe(` ${largest} · ${leaderName} `);
    // The largest communities' names over the network, the largest first.
    const labels = await page.locator("[data-testid=group-labels] .group-label").allTextContents();
    expect(labels).toHaveLength(Math.min(found, 12));
    expect(labels[0]).toBe(leaderName);
    // A click on a community's colour fits the view to its members.
    await page.click(`[data-testid=legend-node-${largest}]`);
    await page.waitForFunction(() => !(window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer.getCamera().isAnimated());
    const outside = await page.evaluate((ids) => {
      const renderer = (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer;
      const { width, height } = renderer.getDimensions();
      return ids.filter((id) => {
        const display = renderer.getNodeDisplayData(id);
        if (display === undefined) return true;
        const at = renderer.framedGraphToViewport(display);
        return at.x < 0 || at.y < 0 || at.x > width || at.y > height;
      });
    }, members(largest));
    expect(outside).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "communities.png") });
    await page.fill("[data-testid=search]", "infineon technologies austria");
    await page.click("[data-testid=search-results] button");
    const node = new URL(page.url()).searchParams.get("selected") as string;
    const row = page.locator("[data-testid=panel] tr", { hasText: "community" });
    expect(await row.locator("td").textContent()).toBe(String(communities[node]));
    await page.close();
  });

  it("lists the organisations in table mode: ranked by any measure, with brokerage roles and gatekeepers over the colour's groups, searched, filtered and exported", async () => {
    // Expected: the core run here in Node with the viewer's settings (betweenness from 200
    // pivots seeded with 1 past 200 organisations; roles and gatekeepers over organisation type,
    // the default colour).
    const graph = reference();
    const { page } = await open("?mode=table");
    const rows = async () => Number(await page.getAttribute("[data-testid=table]", "data-rows"));
    const firstRow = () => page.getAttribute("[data-testid=table] tbody tr", "data-id");
    expect(await rows()).toBe(graph.order);
    const top = (values: Record<string, number>) => Object.keys(values).sort((a, b) => (values[b] as number) - (values[a] as number) || a.localeCompare(b))[0] as string;
    expect(await firstRow()).toBe(top(degree(graph)));

    await page.click("[data-testid=table-sort-betweenness]");
    const between = betweenness(graph, { samples: 200, rng: seededRandom(1) });
    const broker = top(between);
    expect(await firstRow()).toBe(broker);
    const cells = await page.locator("[data-testid=table] tbody tr").first().locator("td").allTextContents();
    const heads = await page.locator("[data-testid=table] thead th").allTextContents();
    const cell = (title: string) => cells[heads.findIndex((head) => head.startsWith(title))];
    expect(cell("betweenness")).toBe(`${(between[broker] as number).toPrecision(4)} #1 · p${Math.floor((100 * (graph.order - 1)) / graph.order)}`);
    const roles = brokerage(graph, { groupBy: "type" }).raw[broker];
    expect(roles).toBeDefined();
    expect([cell("coordinator"), cell("itinerant"), cell("gatekeeper"), cell("liaison"), cell("brokerage")]).toEqual(
      [roles?.w_I, roles?.w_O, roles?.b_OI, roles?.b_O, roles?.t].map((n) => (n as number).toLocaleString("en-GB")),
    );
    const gatekeeperOf = Object.entries(gatekeepers(graph, { groupBy: "type" })).find(([, { core }]) => core.includes(broker))?.[0] ?? "";
    expect(cell("gatekeeper of")).toBe(gatekeeperOf);
    await page.screenshot({ path: join(SCREENSHOTS, "table.png") });

    // A click opens the organisation's panel.
    await page.click("[data-testid=table] tbody tr");
    expect(new URL(page.url()).searchParams.get("selected")).toBe(broker);

    // The CSV holds the rows shown, in the order shown, with every measure, rank and role.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=table-export]")]);
    const file = join(mkdtempSync(join(tmpdir(), "linkscale-table-")), "table.csv");
    await download.saveAs(file);
    const records = parse(readFileSync(file, "utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(await rows());
    expect(records[0]?.["id"]).toBe(await firstRow());
    const exported = records.find(({ id }) => id === broker);
    expect(exported && [Number(exported["betweenness"]), Number(exported["betweenness_rank"]), Number(exported["brokerage"])]).toEqual([between[broker], 1, roles?.t]);

    // Searched by name or id; filtered as the network is.
    await page.fill("[data-testid=table-search]", "universit");
    const named = graph.filterNodes((id, { name }) => `${name ?? id}`.toLowerCase().includes("universit") || id.toLowerCase().includes("universit"));
    expect(await rows()).toBe(named.length);
    await page.fill("[data-testid=table-search]", "");
    await page.uncheck("[data-testid=type-firm]");
    expect(await rows()).toBe(graph.filterNodes((_id, { type }) => type !== "firm").length);

    await page.close();
  });

  it("gives the statistics of the network shown, following the filters", async () => {
    // Expected: the core in Node on the same part of the network (universities and research
    // organisations, the links between them), the communities of the whole network's seeded
    // Louvain, the scales of the whole network's classification.
    const graph = reference();
    const kept = new Set(["university", "research"]);
    const part = createAllianceGraph();
    graph.forEachNode((node, attributes) => void (kept.has(attributes.type as string) && part.addNode(node, attributes)));
    graph.forEachEdge((_edge, attributes, source, target) => void (part.hasNode(source) && part.hasNode(target) && part.addEdge(source, target, attributes)));
    const { page } = await open("?types=university,research");
    await page.click("[data-testid=statistics] summary");
    const stat = (name: string) => page.textContent(`[data-testid=stat-${name}]`);
    expect(await stat("organisations")).toBe(part.order.toLocaleString("en-GB"));
    expect(await stat("links")).toBe(part.size.toLocaleString("en-GB"));
    expect(await stat("density")).toBe(((2 * part.size) / (part.order * (part.order - 1))).toFixed(5));
    const { count, sizes } = connectedComponents(part);
    const isolated = part.filterNodes((node) => part.degree(node) === 0).length;
    expect(await stat("components")).toBe(`${count}; the largest ${Math.max(...sizes).toLocaleString("en-GB")}, ${isolated} without a link`);
    expect(await stat("modularity")).toBe(modularity(part, louvain(graph, { seed: 1 }).communities).toFixed(3));
    const national = classifyLinks(graph).filter(({ source, target, scale }) => scale === "national" && part.hasNode(source) && part.hasNode(target)).length;
    expect(await stat("scale-national")).toBe(`${national.toLocaleString("en-GB")} (${((100 * national) / part.size).toFixed(1)}%)`);
    const { counted } = eiIndex(part, { groupBy: "country" }).network;
    expect(await stat("ei-country")).toMatch(new RegExp(`^${(counted.EI as number).toFixed(3)}: ${counted.E.toLocaleString("en-GB")} links out, ${counted.I.toLocaleString("en-GB")} in`));
    await page.screenshot({ path: join(SCREENSHOTS, "statistics.png") });
    // Another filter: the numbers follow.
    await page.uncheck("[data-testid=type-research]");
    const universities = part.filterNodes((_node, { type }) => type === "university").length;
    await page.waitForFunction((n) => document.querySelector("[data-testid=stat-organisations]")?.textContent === n, universities.toLocaleString("en-GB"));
    // The legend counts what is shown, and the network's count beside it where they differ.
    const research = graph.filterNodes((_node, { type }) => type === "research").length;
    expect(await page.textContent("[data-testid=legend-node-research] .count")).toBe(`0 of ${research}`);
    expect(await page.textContent("[data-testid=legend-node-university] .count")).toBe(String(universities));
    await page.close();
  });

  it("centres on an organisation found by search, and zooms in, out and back to the whole network", async () => {
    const { page } = await open();
    type Camera = { x: number; y: number; ratio: number };
    const camera = () => page.evaluate(() => (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer.getCamera().getState() as Camera);
    const settledCamera = async () => {
      await page.waitForFunction(() => !(window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer.getCamera().isAnimated());
      return camera();
    };
    // Once the layout has settled, so that the organisation stays where the camera went.
    await page.waitForFunction(() => (window as unknown as { linkscale: { layout?: { phase: string } } }).linkscale.layout?.phase === "settled", null, { timeout: 100_000 });
    await page.fill("[data-testid=search]", "infineon technologies austria");
    await page.click("[data-testid=search-results] button");
    const node = new URL(page.url()).searchParams.get("selected") as string;
    const at = await settledCamera();
    const shown = await page.evaluate((id) => (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer.getNodeDisplayData(id), node);
    expect([at.x, at.y, at.ratio]).toEqual([shown?.x, shown?.y, 0.25]);
    await page.click("[data-testid=zoom-out]");
    expect((await settledCamera()).ratio).toBeGreaterThan(0.25);
    await page.click("[data-testid=zoom-fit]");
    expect(await settledCamera()).toMatchObject({ x: 0.5, y: 0.5, ratio: 1 });
    await page.click("[data-testid=zoom-in]");
    expect((await settledCamera()).ratio).toBeLessThan(1);
    await page.close();
  });

  it("filters organisations by partners, by the selected one's neighbourhood, and hides those left without a link", async () => {
    // Expected: the core's graph in Node, filtered by hand.
    const graph = reference();
    const busy = new Set(graph.filterNodes((node) => graph.degree(node) >= 40));
    const linked = [...busy].filter((node) => graph.neighbors(node).some((other) => busy.has(other)));
    const { page } = await open("?minDegree=40&isolated=hide");
    expect(await count(page, "organisations")).toBe(linked.length);
    expect(await count(page, "links")).toBe(graph.filterEdges((_edge, _attributes, a, b) => busy.has(a) && busy.has(b)).length);
    await page.fill("[data-testid=min-degree]", "0");
    await page.dispatchEvent("[data-testid=min-degree]", "change");
    await page.uncheck("[data-testid=hide-isolated]");
    expect(await count(page, "organisations")).toBe(graph.order);
    // The neighbourhood follows the selection.
    await page.check("[data-testid=neighbourhood]");
    const [first, second] = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a));
    for (const node of [first, second] as string[]) {
      await page.fill("[data-testid=search]", node);
      await page.click("[data-testid=search-results] button");
      expect(await count(page, "organisations")).toBe(graph.degree(node) + 1);
      expect(await count(page, "links")).toBe(graph.filterEdges((_edge, _attributes, a, b) => [a, b].every((end) => end === node || graph.areNeighbors(end, node))).length);
    }
    await page.close();
  });
});
