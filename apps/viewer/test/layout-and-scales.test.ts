/**
 * The settled layout and the scales at a glance, on h2020-health in a real browser (the harness
 * in browser.ts). The layout must settle (layout-settle.ts's criterion) within 30 s on a machine
 * without a GPU, to the same positions every time for the same seed, with the
 * communities apart; the legend's scales must show one scale alone, with counts that follow the
 * filters. Communities and scale counts come from @linkscale/core run here in Node on the same
 * files, never from the page. Screenshots (1400 x 900) go to test-output/viewer/.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { classifyLinks, isActiveIn, louvain } from "@linkscale/core";
import { readGexf } from "@linkscale/io";
import type { Page } from "playwright-core";
import type Sigma from "sigma";
import { describe, expect, it } from "vitest";
import type { LayoutProgress } from "../src/layout.ts";
import { SETTLED_BATCHES, SETTLED_STEP } from "../src/layout-settle.ts";
import { DISC_PX, OVERLAP_FREE_ZOOM } from "../src/overlap.ts";
import { count, open as openPage, reference, SCREENSHOTS, useBrowser } from "./browser.ts";

const DATASET = "h2020-health";
/**
 * How long a test waits for the layout to settle. The time it takes is a figure of the viewer
 * bench (`npm run bench -- viewer`, against the 30 s), never a test's pass mark: a test
 * that times it fails on a loaded machine.
 */
const SETTLE_WAIT_MS = 100_000;

type Probe = { linkscale: { ready: boolean; renderer: Sigma; layout?: LayoutProgress & { startedMs: number; settledMs: number } } };

useBrowser();

/** The page on h2020-health (or `dataset`), with the rest of the URL's query. */
const open = (query: string, dataset = DATASET) => openPage(`?dataset=${dataset}${query}`);

/** Waits for the layout to settle (with room past the bound, so that a slow run fails saying how slow); its progress then. */
async function settled(page: Page) {
  await page.waitForFunction(() => (window as unknown as Probe).linkscale.layout?.phase === "settled", null, { timeout: SETTLE_WAIT_MS });
  return page.evaluate(() => (window as unknown as Probe).linkscale.layout as NonNullable<Probe["linkscale"]["layout"]>);
}

/** Every organisation's position as drawn (the display graph), by id. */
const positions = (page: Page) =>
  page.evaluate(() => (window as unknown as Probe).linkscale.renderer.getGraph().mapNodes((node, { x, y }) => [node, x as number, y as number] as const));

/** Mean distance between members of one community over that between members of different ones, over all pairs of `nodes`. */
function separation(at: ReadonlyArray<readonly [string, number, number]>, community: Record<string, number>, keep: (node: string) => boolean): number {
  const kept = at.filter(([node]) => keep(node));
  let [within, withinPairs, between, betweenPairs] = [0, 0, 0, 0];
  for (let a = 0; a < kept.length; a++) {
    const [nodeA, xa, ya] = kept[a] as readonly [string, number, number];
    for (let b = a + 1; b < kept.length; b++) {
      const [nodeB, xb, yb] = kept[b] as readonly [string, number, number];
      const distance = Math.hypot(xa - xb, ya - yb);
      if (community[nodeA] === community[nodeB]) [within, withinPairs] = [within + distance, withinPairs + 1];
      else [between, betweenPairs] = [between + distance, betweenPairs + 1];
    }
  }
  return within / withinPairs / (between / betweenPairs);
}

// Two settled layouts and a third run: room for a machine that runs other tests beside these.
describe("the layout on h2020-health", { timeout: 360_000 }, () => {
  it("settles, to the same positions for the same seed, through a stop, a filter and the GEXF export, with communities apart", async () => {
    const graph = reference(DATASET);
    const first = await open("&colour=community&size=none");
    // The filters stay put at every frame while the progress line changes: a click aimed at one
    // lands on it (the mouse going down on a box and up beside it, once the panel grew, clicked
    // nothing, and a browser test failed so on a loaded machine).
    await first.page.evaluate(() => {
      const box = document.querySelector("[data-testid=scale-transnational]") as HTMLElement;
      const tops = new Set<number>();
      (window as unknown as { filterTops: Set<number> }).filterTops = tops;
      const sample = () => {
        tops.add(box.getBoundingClientRect().top);
        requestAnimationFrame(sample);
      };
      sample();
    });
    const run = await settled(first.page);
    expect(await first.page.evaluate(() => [...(window as unknown as { filterTops: Set<number> }).filterTops])).toHaveLength(1);
    const ms = run.settledMs - run.startedMs;
    console.log(`${DATASET}: settled after ${run.iterations} iterations in ${(ms / 1000).toFixed(1)} s (relative step ${run.step?.toExponential(2)})`);
    // The criterion holds: the last batches' relative steps under the threshold, and the page says so.
    expect(run.step).toBeLessThan(SETTLED_STEP);
    expect(run.calmBatches).toBeGreaterThanOrEqual(SETTLED_BATCHES);
    expect(await first.page.textContent("[data-testid=layout-progress]")).toMatch(/^settled after [\d,]+ iterations: step /);
    const laidOut = await positions(first.page);
    expect(laidOut.length).toBe(graph.order);
    expect(laidOut.every(([, x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    // Overlaps parted: zoomed in 4x, no two organisations with a link overlap, where thousands of
    // pairs did as ForceAtlas2 left them (overlap.ts). sigma draws a disc's size growing with
    // the square root of the zoom, so two discs of the one size overlap at zoom Z when their
    // centres are under 2 * DISC_PX / sqrt(Z) apart on the fitted view.
    expect(run.parted?.overlapping).toBeGreaterThan(1000);
    expect(run.parted?.left).toBe(0);
    expect(await first.page.textContent("[data-testid=layout-progress]")).toContain(`${run.parted?.overlapping.toLocaleString("en-GB")} overlaps parted`);
    const onScreen = await first.page.evaluate(() => {
      const { renderer } = (window as unknown as Probe).linkscale;
      return renderer.getGraph().mapNodes((node, { x, y }) => [node, renderer.graphToViewport({ x: x as number, y: y as number })] as const);
    });
    const linked = onScreen.filter(([node]) => graph.degree(node) > 0).map(([, at]) => at);
    const apart = (2 * DISC_PX) / Math.sqrt(OVERLAP_FREE_ZOOM);
    let overlapping = 0;
    for (let a = 0; a < linked.length; a++) {
      for (let b = a + 1; b < linked.length; b++) {
        const [p, q] = [linked[a], linked[b]] as [{ x: number; y: number }, { x: number; y: number }];
        if (Math.hypot(p.x - q.x, p.y - q.y) < apart) overlapping++;
      }
    }
    expect(overlapping).toBe(0);
    await first.page.screenshot({ path: join(SCREENSHOTS, "layout-communities.png") });
    await first.page.close();

    // Communities apart: the core's seeded Louvain, as the page colours them, measured on the
    // positions drawn. Over every organisation, as the issue asks; and over those with a link,
    // where the organisations without one (each a community of its own, on the outer ring) do
    // not count.
    const { communities } = louvain(graph, { seed: 1 });
    const overAll = separation(laidOut, communities, () => true);
    const overLinked = separation(laidOut, communities, (node) => graph.degree(node) > 0);
    console.log(`${DATASET}: mean distance within communities / between them ${overAll.toFixed(3)} over every organisation, ${overLinked.toFixed(3)} over those with a link`);
    expect(overAll).toBeLessThan(0.5);

    // The same URL again: the same positions, even with a stop and a run on in between (a pause
    // falls between batches), and a year filter set once it settles moves nobody.
    const again = await open("");
    await again.page.click("[data-testid=layout]");
    expect(await again.page.getAttribute("[data-testid=layout-progress]", "data-phase")).toBe("paused");
    expect(await again.page.textContent("[data-testid=layout-progress]")).toMatch(/^stopped at [\d,]+ iterations/);
    await again.page.click("[data-testid=layout]");
    await settled(again.page);
    expect(await positions(again.page)).toEqual(laidOut);
    await again.page.screenshot({ path: join(SCREENSHOTS, "layout-scales.png") });
    await again.page.fill("[data-testid=year-from]", "2017");
    await again.page.fill("[data-testid=year-to]", "2018");
    expect(await count(again.page, "organisations")).toBeLessThan(graph.order);
    expect(await positions(again.page)).toEqual(laidOut);

    // The export holds the organisations shown where they are drawn.
    const [download] = await Promise.all([again.page.waitForEvent("download"), again.page.click("[data-testid=export-gexf]")]);
    const file = join(mkdtempSync(join(tmpdir(), "linkscale-layout-gexf-")), "view.gexf");
    await download.saveAs(file);
    const exported = readGexf(readFileSync(file, "utf8"), { file }).graph;
    const drawn = new Map(laidOut.map(([node, x, y]) => [node, [x, y]]));
    expect(exported.order).toBe(await count(again.page, "organisations"));
    expect(exported.mapNodes((node, { x, y }) => [x, y])).toEqual(exported.mapNodes((node) => drawn.get(node)));
    expect([...first.errors, ...again.errors]).toEqual([]);
    await again.page.close();
  });
});

describe("the layout's settings", () => {
  it("lay the network out anew when changed, go into the URL, and give the same picture again from it", async () => {
    // semiconductor-ev: 765 organisations, settled in about a second.
    const first = await open("", "semiconductor-ev");
    await settled(first.page);
    const byDefault = await positions(first.page);
    const settledWith = (page: Page, key: string, value: number) =>
      page.waitForFunction(
        ({ key, value }) => {
          const layout = (window as unknown as Probe).linkscale.layout as unknown as { phase: string; choice: Record<string, number> } | undefined;
          return layout?.phase === "settled" && layout.choice[key] === value;
        },
        { key, value },
        { timeout: 60_000 },
      );
    const setting = async (testId: string, value: string) => {
      await first.page.fill(`[data-testid=${testId}]`, value);
      await first.page.dispatchEvent(`[data-testid=${testId}]`, "change");
    };
    await setting("layout-gravity", "0.02");
    await settledWith(first.page, "gravity", 0.02);
    await setting("layout-seed", "2");
    await settledWith(first.page, "seed", 2);
    const url = new URL(first.page.url());
    expect([url.searchParams.get("gravity"), url.searchParams.get("seed")]).toEqual(["0.02", "2"]);
    const changed = await positions(first.page);
    expect(changed).not.toEqual(byDefault);
    await first.page.close();

    const again = await open(url.search.replace(/^\?dataset=[^&]*/, ""), "semiconductor-ev");
    expect([await again.page.inputValue("[data-testid=layout-gravity]"), await again.page.inputValue("[data-testid=layout-seed]")]).toEqual(["0.02", "2"]);
    await settled(again.page);
    expect(await positions(again.page)).toEqual(changed);
    await again.page.check("[data-testid=layout-linlog]");
    expect(new URL(again.page.url()).searchParams.get("linlog")).toBe("on");
    expect([...first.errors, ...again.errors]).toEqual([]);
    await again.page.close();
  });
});

describe("the scales at a glance, on h2020-health", () => {
  it("shows one scale alone from the legend, with counts per scale that follow the filters, finest on top and heavier links stronger", async () => {
    const graph = reference(DATASET);
    const years = { from: 2016, to: 2018 };
    const links = classifyLinks(graph).map((link) => ({ ...link, attributes: graph.getEdgeAttributes(graph.edge(link.source, link.target) as string) }));
    /** The core's links per scale under the year window (h2020-health opens with no minimum weight), and types shown. */
    const expected = (types?: (type: unknown) => boolean) => {
      const counts: Record<string, number> = Object.fromEntries([...new Set(["local", ...links.map(({ scale }) => scale)])].map((scale) => [scale, 0]));
      for (const { source, target, scale, attributes } of links) {
        if (!isActiveIn(attributes, years)) continue;
        if (types !== undefined && !(types(graph.getNodeAttribute(source, "type")) && types(graph.getNodeAttribute(target, "type")))) continue;
        counts[scale] = (counts[scale] ?? 0) + 1;
      }
      return counts;
    };
    const legendCounts = async (page: Page) =>
      Object.fromEntries(
        await page.$$eval("[data-testid=legend-link] button[data-testid^=legend-scale-]", (buttons) =>
          buttons.map((button) => [(button as HTMLElement).dataset["testid"]?.slice("legend-scale-".length), Number((button as HTMLElement).dataset["count"])]),
        ),
      );
    const drawnScales = (page: Page) =>
      page.evaluate(() => {
        const shown = (window as unknown as Probe).linkscale.renderer.getGraph();
        return { size: shown.size, scales: [...new Set(shown.mapEdges((_edge, attributes) => String(attributes["scale"])))] };
      });

    const { page, errors } = await open(`&years=${years.from}-${years.to}`);
    await settled(page);
    const inWindow = expected();
    expect(Object.keys(inWindow).sort()).toEqual(["local", "national", "transnational"]);
    expect(await legendCounts(page)).toEqual(inWindow);

    // Drawn finest on top (sigma draws a higher zIndex later), and a heavier link in a stronger colour.
    const order = await page.evaluate(() => {
      const { renderer } = (window as unknown as Probe).linkscale;
      const zIndex: Record<string, number> = {};
      let [light, heavy] = [{ weight: Infinity, colour: "" }, { weight: -Infinity, colour: "" }];
      renderer.getGraph().forEachEdge((edge, { scale, weight }) => {
        const data = renderer.getEdgeDisplayData(edge);
        if (data === undefined) return;
        zIndex[scale as string] = data.zIndex;
        if (scale === "transnational" && weight < light.weight) light = { weight, colour: data.color };
        if (scale === "transnational" && weight > heavy.weight) heavy = { weight, colour: data.color };
      });
      return { zIndex, light, heavy };
    });
    expect(order.zIndex["local"]).toBeGreaterThan(order.zIndex["national"] as number);
    expect(order.zIndex["national"]).toBeGreaterThan(order.zIndex["transnational"] as number);
    const whiteness = (rgb: string) => (rgb.match(/\d+/g) ?? []).map(Number).reduce((sum, channel) => sum + channel, 0);
    expect(order.heavy.weight).toBeGreaterThan(order.light.weight);
    expect(whiteness(order.heavy.colour)).toBeLessThan(whiteness(order.light.colour));

    // National alone: the core's national links in the window, and nothing else drawn; the legend
    // keeps every scale's count, the others greyed.
    await page.click("[data-testid=legend-scale-national]");
    expect(await count(page, "links")).toBe(inWindow["national"]);
    expect(await drawnScales(page)).toEqual({ size: inWindow["national"], scales: ["national"] });
    expect(await legendCounts(page)).toEqual(inWindow);
    expect(await page.getAttribute("[data-testid=legend-scale-transnational]", "aria-pressed")).toBe("false");
    expect([await page.isChecked("[data-testid=scale-national]"), await page.isChecked("[data-testid=scale-transnational]")]).toEqual([true, false]);
    expect(new URL(page.url()).searchParams.get("scales")).toBe("national");
    await page.screenshot({ path: join(SCREENSHOTS, "layout-national-alone.png") });

    // Another filter: firms hidden; the counts follow, and national stays alone.
    await page.uncheck("[data-testid=type-firm]");
    const withoutFirms = expected((type) => type !== "firm");
    expect(await legendCounts(page)).toEqual(withoutFirms);
    expect(await count(page, "links")).toBe(withoutFirms["national"]);

    // A click on the scale shown alone shows them all again.
    await page.click("[data-testid=legend-scale-national]");
    const all = Object.values(withoutFirms).reduce((sum, n) => sum + n, 0);
    expect(await count(page, "links")).toBe(all);
    expect(new URL(page.url()).searchParams.get("scales")).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
