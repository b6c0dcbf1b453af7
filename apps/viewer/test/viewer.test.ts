/**
 * The viewer in a real browser: the app is built with Vite, served on 127.0.0.1 by the same
 * server `linkscale view` uses, and driven in Debian's Chromium through playwright-core (never a
 * downloaded browser). Expected counts come from @linkscale/core run here in Node on the same
 * files, not from the page. Without Chromium these tests fail and say how to install it.
 * Screenshots of each mode go to test-output/viewer/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { betweenness, brokerage, classifyLinks, connectedComponents, createAllianceGraph, defaultHierarchy, degree, eiIndex, gatekeepers, linkWindow, louvain, modularity, seededRandom, timeSlice, type AllianceGraph } from "@linkscale/core";
import { parse } from "csv-parse/sync";
import { loadFiles, readGexf, writeGexf } from "@linkscale/io";
import { geoEqualEarth } from "d3-geo";
import { chromium, type Browser, type Page } from "playwright-core";
import type Sigma from "sigma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildViewer, serveViewer, type ViewerServer } from "../serve/index.ts";
import { NO_ADMIN1, PLAY_STEP_MS } from "../src/controls.ts";

const CHROMIUM = process.env["LINKSCALE_CHROMIUM"] ?? "/usr/bin/chromium";
const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const SCREENSHOTS = join(REPO, "test-output", "viewer");
const DATASETS = join(REPO, "datasets");

let browser: Browser;
let server: ViewerServer;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `the viewer tests need Debian's Chromium at ${CHROMIUM}, which is missing: run \`bash scripts/ensure-chromium.sh\` as root, ` +
        "or set LINKSCALE_CHROMIUM to a Chromium binary. Never `playwright install`.",
    );
  }
  // A fresh build of the sources under test, never a stale dist/.
  const dist = await buildViewer(mkdtempSync(join(tmpdir(), "linkscale-viewer-")));
  server = await serveViewer({ dist });
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

async function open(query = ""): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const opened: Opened = { page, requests: [], dialogs: [], errors: [] };
  page.on("request", (request) => opened.requests.push(request.url()));
  page.on("dialog", (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => opened.errors.push(error.message));
  await page.goto(`${server.url}${query}`);
  await ready(page);
  return opened;
}

const ready = (page: Page) => page.waitForFunction(() => (window as unknown as { linkscale?: { ready: boolean } }).linkscale?.ready === true, null, { timeout: 60_000 });
const count = async (page: Page, what: "organisations" | "links") => Number(await page.getAttribute(`[data-testid=visible-${what}]`, "data-count"));

/**
 * The share of the link layer's pixels that show as colour over the page's white, read in the
 * task that renders it (a translucent colour that sigma does not premultiply shows as white).
 */
const linkPixels = (page: Page) =>
  page.evaluate(() => {
    const renderer = (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer;
    renderer.refresh();
    const layer = renderer.getCanvases()["edges"] as HTMLCanvasElement;
    const copy = document.createElement("canvas");
    [copy.width, copy.height] = [layer.width, layer.height];
    const context = copy.getContext("2d") as CanvasRenderingContext2D;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(layer, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.min(data[i] as number, data[i + 1] as number, data[i + 2] as number) < 235) painted++;
    return painted / (copy.width * copy.height);
  });

/** A bundled dataset (the one opened by default unless named), loaded here in Node by the core. */
function reference(dataset = "semiconductor-ev"): AllianceGraph {
  const texts = ["organisations.csv", "participations.csv"].map((name) => ({ name, text: readFileSync(join(DATASETS, dataset, name), "utf8") }));
  const loaded = loadFiles(texts);
  if (loaded.form !== "tables") throw new Error("expected tables");
  return loaded.dataset.graph;
}

describe("the viewer", () => {
  it("opens the bundled dataset with every organisation and link, and no request leaves 127.0.0.1", async () => {
    const { page, requests, errors } = await open();
    const graph = reference();
    expect(await count(page, "organisations")).toBe(graph.order);
    expect(await count(page, "links")).toBe(graph.size);
    expect(await page.inputValue("[data-testid=dataset]")).toBe("semiconductor-ev");
    expect(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith("blob:") && !url.startsWith("data:"))).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "graph.png") });
    await page.close();
  });

  it("draws the links: the link layer is not blank, and a filter that hides every link blanks it", async () => {
    const { page } = await open();
    expect(await linkPixels(page)).toBeGreaterThan(0.05);
    await page.fill("[data-testid=min-weight]", "1000");
    await page.dispatchEvent("[data-testid=min-weight]", "change");
    expect(await count(page, "links")).toBe(0);
    expect(await linkPixels(page)).toBe(0);
    await page.close();
  });

  it("shows as many links as the core classifies at the scales left checked", async () => {
    const { page } = await open();
    const national = classifyLinks(reference()).filter(({ scale }) => scale === "national").length;
    expect(national).toBeGreaterThan(0);
    await page.uncheck("[data-testid=scale-transnational]");
    await page.uncheck("[data-testid=scale-local]");
    expect(await count(page, "links")).toBe(national);
    expect(new URL(page.url()).searchParams.get("scales")).toBe("national");
    await page.close();
  });

  it("shows as many links as the core's time slice holds for a year range", async () => {
    const { page } = await open();
    const expected = timeSlice(reference(), { from: 2016, to: 2017 }).size;
    await page.fill("[data-testid=year-from]", "2016");
    await page.fill("[data-testid=year-to]", "2017");
    expect(await page.textContent("[data-testid=years]")).toBe("2016–2017");
    expect(await count(page, "links")).toBe(expected);
    await page.close();
  });

  it("plays the years one by one, showing what the core's time slice holds for each, and pauses", async () => {
    const { page } = await open();
    const graph = reference();
    const first = Number(await page.getAttribute("[data-testid=year-from]", "min"));
    const last = Number(await page.getAttribute("[data-testid=year-from]", "max"));
    // Each year's links (the core's time slice) and organisations (only those with a link in the
    // window, as the core's linkWindow keeps them), computed before the play starts.
    const byYears = new Map<string, { years: string; links: number; organisations: number }>();
    for (let year = first; year <= last; year++) {
      const years = `${year}–${year}`;
      byYears.set(years, { years, links: timeSlice(graph, { from: year, to: year }).size, organisations: linkWindow(graph, { from: year, to: year }).order });
    }
    const [atFirst, atSecond] = [byYears.get(`${first}–${first}`), byYears.get(`${first + 1}–${first + 1}`)];
    // The window and its counts read at once: the play steps on while the test runs.
    const shown = () =>
      page.evaluate(() => {
        const read = (what: string) => Number(document.querySelector(`[data-testid=visible-${what}]`)?.getAttribute("data-count"));
        return { years: document.querySelector("[data-testid=years]")?.textContent ?? "", links: read("links"), organisations: read("organisations") };
      });
    await page.click("[data-testid=year-play]");
    const now = await shown();
    expect([atFirst?.years, atSecond?.years]).toContain(now.years);
    expect(now).toEqual(byYears.get(now.years));
    await page.waitForFunction((years) => document.querySelector("[data-testid=years]")?.textContent === years, atSecond?.years, { timeout: PLAY_STEP_MS * 3 });
    const next = await shown();
    expect(next).toEqual(byYears.get(next.years));
    await page.click("[data-testid=year-play]");
    expect(await page.getAttribute("[data-testid=year-play]", "aria-pressed")).toBe("false");
    const paused = await page.textContent("[data-testid=years]");
    await page.waitForTimeout(PLAY_STEP_MS * 1.5);
    expect(await page.textContent("[data-testid=years]")).toBe(paused);
    await page.close();
  });

  it("offers the stages the URL names, and plays through them", async () => {
    const { page } = await open("?stages=start-up:2015-2016,growth:2017-2018");
    const slice = (from: number, to: number) => timeSlice(reference(), { from, to }).size;
    expect(await page.$$eval("[data-testid=stage] option", (options) => options.map((o) => o.textContent))).toEqual(["all years", "start-up (2015–2016)", "growth (2017–2018)"]);
    await page.selectOption("[data-testid=stage]", "0");
    expect(await page.textContent("[data-testid=years]")).toBe("2015–2016");
    expect(await count(page, "links")).toBe(slice(2015, 2016));
    // Play goes on from the stage shown to the next, and stops after the last.
    await page.click("[data-testid=year-play]");
    await page.waitForFunction(() => document.querySelector("[data-testid=years]")?.textContent === "2017–2018", null, { timeout: PLAY_STEP_MS * 3 });
    expect(await count(page, "links")).toBe(slice(2017, 2018));
    expect(await page.inputValue("[data-testid=stage]")).toBe("1");
    await page.waitForFunction(() => document.querySelector("[data-testid=year-play]")?.getAttribute("aria-pressed") === "false", null, { timeout: PLAY_STEP_MS * 3 });
    await page.close();
  });

  it("keeps the view in the URL: a shared link opens the same filters", async () => {
    const first = await open();
    await first.page.uncheck("[data-testid=type-firm]");
    await first.page.selectOption("[data-testid=colour]", "country");
    const url = first.page.url();
    const counts = [await count(first.page, "organisations"), await count(first.page, "links")];
    await first.page.close();
    const { page } = await open(url.slice(server.url.length));
    expect([await count(page, "organisations"), await count(page, "links")]).toEqual(counts);
    expect(await page.inputValue("[data-testid=colour]")).toBe("country");
    expect(await page.isChecked("[data-testid=type-firm]")).toBe(false);
    const graph = reference();
    expect(counts[0]).toBe(graph.filterNodes((_node, { type }) => type !== "firm").length);
    await page.close();
  });

  it("finds an organisation by name and opens its panel, where the page lets the scale shares' WebAssembly pass compile", async () => {
    const { page } = await open();
    await page.fill("[data-testid=search]", "infineon technologies austria");
    await page.click("[data-testid=search-results] button");
    const graph = reference();
    const node = graph.findNode((_node, { name }) => /^INFINEON TECHNOLOGIES AUSTRIA\s+AG$/.test(String(name))) as string;
    expect(await page.textContent("[data-testid=panel-name]")).toBe(graph.getNodeAttribute(node, "name"));
    expect(await page.isVisible("[data-testid=panel]")).toBe(true);
    expect(new URL(page.url()).searchParams.get("selected")).toBe(node);
    const partners = graph.degree(node);
    expect(await page.textContent("[data-testid=panel-partners]")).toBe(`Partners (${partners})`);
    // Its rank among all organisations by degree, as the core counts partners.
    const higher = graph.filterNodes((other) => graph.degree(other) > partners).length;
    const lower = graph.filterNodes((other) => graph.degree(other) < partners).length;
    const degreeRow = page.locator("[data-testid=panel] tr", { hasText: "degree" }).first().locator("td");
    expect(await degreeRow.textContent()).toBe(`${partners} · #${higher + 1} of ${graph.order}, p${Math.floor((100 * lower) / graph.order)}`);
    // The partners follow the filters: universities hidden, the partners that are universities go.
    await page.uncheck("[data-testid=type-university]");
    const left = graph.neighbors(node).filter((other) => graph.getNodeAttribute(other, "type") !== "university").length;
    expect(await page.textContent("[data-testid=panel-partners]")).toBe(`Partners shown (${left} of ${partners})`);
    expect(await page.locator("[data-testid=panel] .partners li").count()).toBe(Math.min(left, 50));
    // Under a policy without 'wasm-unsafe-eval' the shares would fall back to JavaScript, silently.
    const compiles = await page.evaluate(() => {
      try {
        return new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0)) instanceof WebAssembly.Module;
      } catch (error) {
        return String(error);
      }
    });
    expect(compiles).toBe(true);
    await page.close();
  });

  it("pans and zooms a view too slow to redraw by moving its picture, landing where sigma's own pan and zoom land", async () => {
    const { page } = await open();
    await page.waitForFunction(() => !(window as unknown as { linkscale: { layoutRunning: boolean } }).linkscale.layoutRunning, null, { timeout: 60_000 });
    type Probe = { linkscale: { renderer: Sigma; gestures: { frameBudgetMs: number; active: boolean } } };
    const camera = () => page.evaluate(() => (window as unknown as Probe).linkscale.renderer.getCamera().getState());
    const start = await camera();
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number; width: number; height: number };
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const transforms = () => page.evaluate(() => Object.values((window as unknown as Probe).linkscale.renderer.getCanvases()).map((canvas) => canvas.style.transform));
    /** A drag of (120, -80) px, then one wheel notch in at another point; the camera after each. */
    async function gestures(frameBudgetMs: number) {
      await page.evaluate(
        ({ budget, state }) => {
          const { renderer, gestures } = (window as unknown as Probe).linkscale;
          gestures.frameBudgetMs = budget;
          renderer.getCamera().setState(state);
        },
        { budget: frameBudgetMs, state: start },
      );
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 60, y - 40, { steps: 3 });
      await page.mouse.move(x + 120, y - 80, { steps: 3 });
      const moving = await transforms();
      // Still before the release: sigma's inertia, which carries a fast release on, stays out of it.
      await page.waitForTimeout(300);
      await page.mouse.up();
      const settled = async () => {
        await page.waitForFunction(() => {
          const { renderer, gestures } = (window as unknown as Probe).linkscale;
          return !gestures.active && !renderer.getCamera().isAnimated();
        });
        return camera();
      };
      const dragged = await settled();
      await page.mouse.move(x - 200, y + 100);
      await page.mouse.wheel(0, -100);
      const zoomed = await settled();
      return { moving, dragged, zoomed, after: await transforms() };
    }
    const live = await gestures(Infinity);
    const previewed = await gestures(0);
    // Sigma redrew the live gesture at every step; the previewed one moved the picture.
    expect(live.moving.every((transform) => transform === "")).toBe(true);
    expect(previewed.moving.some((transform) => transform.startsWith("translate(120px, -80px)"))).toBe(true);
    expect(previewed.after.every((transform) => transform === "")).toBe(true);
    // The same drag moved the camera, and the same notch zoomed it, equally both ways: to a
    // millionth of the graph's extent (camera x and y are fractions of it), far under a pixel.
    expect(live.dragged.ratio).toBe(start.ratio);
    expect(live.zoomed.ratio).toBeCloseTo(start.ratio / 1.7, 12);
    for (const key of ["x", "y", "ratio"] as const) {
      expect(previewed.dragged[key]).toBeCloseTo(live.dragged[key], 6);
      expect(previewed.zoomed[key]).toBeCloseTo(live.zoomed[key], 6);
    }
    expect(previewed.dragged.x).not.toBeCloseTo(start.x, 3);
    await page.close();
  });

  it("highlights a hovered organisation at once where frames are fast, and once the pointer rests where they are slow", async () => {
    const { page } = await open();
    await page.waitForFunction(() => !(window as unknown as { linkscale: { layoutRunning: boolean } }).linkscale.layoutRunning, null, { timeout: 60_000 });
    type Probe = { linkscale: { renderer: Sigma; gestures: { frameBudgetMs: number } }; renders: number };
    const graph = reference();
    const hub = graph.nodes().reduce((best, node) => (graph.degree(node) > graph.degree(best) ? node : best));
    // Where the best-connected organisation is on screen, and where nothing is.
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number };
    const at = await page.evaluate((node) => {
      const global = window as unknown as Probe;
      global.renders = 0;
      global.linkscale.renderer.on("afterRender", () => global.renders++);
      const { renderer } = global.linkscale;
      return renderer.framedGraphToViewport(renderer.getNodeDisplayData(node) as { x: number; y: number });
    }, hub);
    const highlighted = () => page.evaluate((node) => (window as unknown as Probe).linkscale.renderer.getNodeDisplayData(node)?.highlighted === true, hub);
    const renders = () => page.evaluate(() => (window as unknown as Probe).renders);
    const budget = (ms: number) => page.evaluate((value) => ((window as unknown as Probe).linkscale.gestures.frameBudgetMs = value), ms);
    const sweep = async () => {
      await page.mouse.move(box.x + 5, box.y + 5);
      await page.waitForTimeout(400);
      const before = await renders();
      await page.mouse.move(box.x + at.x, box.y + at.y);
      await page.mouse.move(box.x + 5, box.y + 5);
      await page.waitForTimeout(400);
      return (await renders()) - before;
    };
    // Fast frames: crossing the organisation highlights it and lets it go, a frame each.
    await budget(Infinity);
    expect(await sweep()).toBeGreaterThanOrEqual(2);
    // Slow frames: crossing it draws nothing; resting on it highlights it.
    await budget(0);
    expect(await sweep()).toBe(0);
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.waitForFunction((node) => (window as unknown as Probe).linkscale.renderer.getNodeDisplayData(node)?.highlighted === true, hub, { timeout: 5_000 });
    expect(await highlighted()).toBe(true);
    await page.close();
  });

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

  it("places an organisation at its projected position in map mode, over the country outlines", async () => {
    const { page } = await open();
    await page.click("[data-testid=mode-map]");
    const graph = reference();
    const node = "891270824"; // SIEMENS INDUSTRY SOFTWARE NETHERLANDS BV, Eindhoven
    const { lat, lon } = graph.getNodeAttributes(node) as { lat: number; lon: number };
    // Only organisations with coordinates are on the map; the others are listed, not dropped.
    const placed = graph.filterNodes((_n, a) => typeof a.lat === "number" && typeof a.lon === "number").length;
    expect(await count(page, "organisations")).toBe(placed);
    if (placed < graph.order) expect(await page.locator("[data-testid=unplaced] li").count()).toBe(graph.order - placed);
    // The Equal Earth projection of its coordinates, computed here with d3-geo, taken to the
    // screen by sigma's camera, against where sigma drew the node.
    const [x, y] = geoEqualEarth().scale(1000).translate([0, 0])([lon, lat]) as [number, number];
    const { expected, drawn } = await page.evaluate(
      ({ node, x, y }) => {
        const renderer = (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer;
        const display = renderer.getNodeDisplayData(node) as { x: number; y: number };
        return { expected: renderer.graphToViewport({ x, y: -y }), drawn: renderer.framedGraphToViewport(display) };
      },
      { node, x, y },
    );
    expect(Math.hypot(expected.x - drawn.x, expected.y - drawn.y)).toBeLessThan(3);
    await page.screenshot({ path: join(SCREENSHOTS, "map.png") });
    expect(new URL(page.url()).searchParams.get("mode")).toBe("map");
    // A drag that moves the drawn picture lands the organisation where the pointer took it, still
    // at its projected position under the new camera.
    type Probe = { linkscale: { renderer: Sigma; gestures: { frameBudgetMs: number; active: boolean } } };
    await page.evaluate(() => ((window as unknown as Probe).linkscale.gestures.frameBudgetMs = 0));
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2 + 50, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => !(window as unknown as Probe).linkscale.gestures.active);
    const moved = await page.evaluate(
      ({ node, x, y }) => {
        const renderer = (window as unknown as Probe).linkscale.renderer;
        const display = renderer.getNodeDisplayData(node) as { x: number; y: number };
        return { expected: renderer.graphToViewport({ x, y: -y }), drawn: renderer.framedGraphToViewport(display) };
      },
      { node, x, y },
    );
    expect(moved.drawn.x - drawn.x).toBeCloseTo(100, 0);
    expect(moved.drawn.y - drawn.y).toBeCloseTo(50, 0);
    expect(Math.hypot(moved.expected.x - moved.drawn.x, moved.expected.y - moved.drawn.y)).toBeLessThan(3);
    await page.close();
  });

  it("gathers the organisations at one place into a bubble sized by its members, lists them by name, and opens on where they are", async () => {
    // Expected, from the core's graph in Node by the rules restated: organisations are at one place
    // when their coordinates are equal rounded to 0.001° (places.ts); a place is named by the city
    // its members share (compared without case), else by its members' mean coordinates.
    const graph = reference();
    const coordinates = (node: string) => graph.getNodeAttributes(node) as { lat: number; lon: number; city?: string; name?: string };
    const placed = graph.filterNodes((_n, a) => typeof a.lat === "number" && typeof a.lon === "number");
    const placeOf = new Map(placed.map((node) => [node, `${Math.round(coordinates(node).lat * 1000)},${Math.round(coordinates(node).lon * 1000)}`]));
    const byPlace = new Map<string, string[]>();
    for (const [node, place] of placeOf) byPlace.set(place, [...(byPlace.get(place) ?? []), node]);
    const shared = [...byPlace.values()].filter((members) => members.length > 1);
    const inBubbles = new Set(shared.flat());
    const sharedCity = (members: string[]) => {
      const cities = new Set(members.map((node) => coordinates(node).city?.trim().toLowerCase()));
      const city = coordinates(members[0] as string).city?.trim();
      return cities.size === 1 && city !== undefined && city !== "" ? city : undefined;
    };
    const nameOf = (members: string[]) => {
      const city = sharedCity(members);
      if (city !== undefined) return city;
      const mean = (key: "lat" | "lon") => members.reduce((sum, node) => sum + coordinates(node)[key], 0) / members.length;
      const [lat, lon] = [mean("lat"), mean("lon")];
      return `${Math.abs(lat).toFixed(3)}° ${lat < 0 ? "S" : "N"}, ${Math.abs(lon).toFixed(3)}° ${lon < 0 ? "W" : "E"}`;
    };
    const links = graph.filterEdges((_edge, _attributes, source, target) => placeOf.has(source) && placeOf.has(target));
    const within = links.filter((edge) => placeOf.get(graph.source(edge)) === placeOf.get(graph.target(edge))).length;
    expect(shared.length).toBeGreaterThan(10);

    const { page, errors } = await open("?mode=map");
    type Probe = { linkscale: { renderer: Sigma } };
    // The header counts organisations and links, not bubbles and lines.
    expect(await count(page, "organisations")).toBe(placed.length);
    expect(await count(page, "links")).toBe(links.length);
    expect(await page.isVisible("[data-testid=legend-places]")).toBe(true);
    const drawn = await page.evaluate(() => {
      const { renderer } = (window as unknown as Probe).linkscale;
      const display = renderer.getGraph();
      const bubbles = display
        .filterNodes((_node, attributes) => attributes["place"] === true)
        .map((node) => {
          const shown = renderer.getNodeDisplayData(node) as { size: number; label: string; hidden: boolean; x: number; y: number };
          return { node, members: display.getNodeAttribute(node, "members") as number, size: shown.size, label: shown.label, hidden: shown.hidden, at: renderer.framedGraphToViewport(shown) };
        });
      const dots = display.filterNodes((node, attributes) => attributes["place"] !== true && renderer.getNodeDisplayData(node)?.hidden !== true);
      const lines = display.reduceEdges((sum, _edge, attributes) => sum + ((attributes["links"] as number | undefined) ?? 1), 0);
      return { bubbles, dots, lines };
    });
    // One bubble per place of two or more, labelled with its name and members; every other
    // organisation its own dot; area proportional to members.
    const descending = (values: number[]) => values.sort((a, b) => b - a);
    expect(descending(drawn.bubbles.map(({ members }) => members))).toEqual(descending(shared.map((members) => members.length)));
    expect(drawn.bubbles.every(({ hidden }) => !hidden)).toBe(true);
    expect(drawn.bubbles.map(({ label }) => label).sort()).toEqual(shared.map((members) => `${nameOf(members)} · ${members.length}`).sort());
    expect(new Set(drawn.dots)).toEqual(new Set(placed.filter((node) => !inBubbles.has(node))));
    const [first] = drawn.bubbles;
    for (const { size, members } of drawn.bubbles) expect(size ** 2 / members).toBeCloseTo((first?.size ?? 0) ** 2 / (first?.members ?? 1), 6);
    // Every link shown is on a line between places, but those within one.
    expect(drawn.lines).toBe(links.length - within);

    // The first view: the organisations within the 1st–99th percentile box of projected x and y,
    // widened by half its size each side (map-extent.ts), are on screen and fill most of it; the
    // far-off ones (here a Vienna firm geocoded in Melbourne) are not, until the fit button.
    const project = geoEqualEarth().scale(1000).translate([0, 0]);
    const projected = placed.map((node) => {
      const [x, y] = project([coordinates(node).lon, coordinates(node).lat]) as [number, number];
      return { node, x, y: -y };
    });
    const range = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q: number) => {
        const i = q * (sorted.length - 1);
        const below = Math.floor(i);
        return (sorted[below] as number) + ((sorted[Math.min(below + 1, sorted.length - 1)] as number) - (sorted[below] as number)) * (i - below);
      };
      const [low, high] = [at(0.01), at(0.99)];
      return [low - (high - low) / 2, high + (high - low) / 2] as const;
    };
    const [xs, ys] = [range(projected.map(({ x }) => x)), range(projected.map(({ y }) => y))];
    const far = projected.filter(({ x, y }) => x < xs[0] || x > xs[1] || y < ys[0] || y > ys[1]).map(({ node }) => node);
    expect(far).toContain("898498391");
    expect(far.length).toBeLessThan(placed.length * 0.05);
    // Under the camera's state: sigma's own transform is the last frame's, and a frame may be late.
    const onScreen = () =>
      page.evaluate((points) => {
        const { renderer } = (window as unknown as Probe).linkscale;
        const { width, height } = renderer.getDimensions();
        const cameraState = renderer.getCamera().getState();
        return { width, height, points: points.map(({ node, x, y }) => ({ node, ...renderer.graphToViewport({ x, y }, { cameraState }) })) };
      }, projected);
    const view = await onScreen();
    const inside = ({ x, y }: { x: number; y: number }) => x >= 0 && y >= 0 && x <= view.width && y <= view.height;
    const farSet = new Set(far);
    const fitted = view.points.filter(({ node }) => !farSet.has(node));
    expect(fitted.filter((point) => !inside(point)).map(({ node }) => node)).toEqual([]);
    const span = (key: "x" | "y") => Math.max(...fitted.map((point) => point[key])) - Math.min(...fitted.map((point) => point[key]));
    expect(Math.max(span("x") / view.width, span("y") / view.height)).toBeGreaterThan(0.75);
    expect(inside(view.points.find(({ node }) => node === "898498391") as { x: number; y: number })).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, "map-places.png") });

    // The largest place: its members listed by name while the pointer is on it, kept by a click;
    // a click on a name opens that organisation's panel.
    const largest = [...drawn.bubbles].sort((a, b) => b.members - a.members || (a.label < b.label ? -1 : 1))[0] as (typeof drawn.bubbles)[number];
    // Its node is named after its place's key ("\u0000place lat,lon" in thousandths of a degree).
    const members = byPlace.get(largest.node.slice("\u0000place ".length)) as string[];
    expect(largest.label).toBe(`${nameOf(members)} · ${members.length}`);
    const name = (node: string) => String(coordinates(node).name ?? node);
    const sameCity = sharedCity(members) !== undefined;
    const sorted = [...members].sort((a, b) => name(a).localeCompare(name(b)));
    // Named by its coordinates, the place lists each member's own city.
    const listed = sorted.map((node) => (sameCity || coordinates(node).city === undefined ? name(node) : `${name(node)} · ${coordinates(node).city}`));
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { x: number; y: number };
    // A point of the bubble that no smaller dot drawn above it covers.
    const free = await page.evaluate((bubble) => {
      const { renderer } = (window as unknown as Probe).linkscale;
      const shown = renderer.getNodeDisplayData(bubble) as { x: number; y: number; size: number };
      const [centre, radius] = [renderer.framedGraphToViewport(shown), renderer.scaleSize(shown.size)];
      const others = renderer
        .getGraph()
        .filterNodes((node) => node !== bubble && renderer.getNodeDisplayData(node)?.hidden === false)
        .map((node) => {
          const data = renderer.getNodeDisplayData(node) as { x: number; y: number; size: number };
          return { ...renderer.framedGraphToViewport(data), radius: renderer.scaleSize(data.size) };
        });
      for (const share of [0, 0.3, 0.6, 0.85])
        for (let angle = 0; angle < 360; angle += 30) {
          const at = { x: centre.x + share * radius * Math.cos((angle * Math.PI) / 180), y: centre.y + share * radius * Math.sin((angle * Math.PI) / 180) };
          if (others.every((other) => Math.hypot(other.x - at.x, other.y - at.y) > other.radius + 1)) return at;
        }
      return undefined;
    }, largest.node);
    expect(free).toBeDefined();
    const at = free as { x: number; y: number };
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.waitForSelector("[data-testid=place-list]:not([hidden])", { timeout: 5_000 });
    expect(await page.textContent("[data-testid=place-list-name]")).toBe(nameOf(members));
    expect(await page.locator("[data-testid=place-list] li").allTextContents()).toEqual(listed);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.mouse.move(box.x + 5, box.y + 5);
    expect(await page.isVisible("[data-testid=place-list]")).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "map-place-list.png") });
    const member = sorted[0] as string;
    await page.click(`[data-testid=place-list] li button[data-id="${member}"]`);
    expect(await page.textContent("[data-testid=panel-name]")).toBe(name(member));
    expect(new URL(page.url()).searchParams.get("selected")).toBe(member);

    // The organisations without coordinates are listed by name (every one has a name here).
    const unplaced = graph.filterNodes((node) => !placeOf.has(node));
    expect(await page.locator("[data-testid=unplaced] li").allTextContents()).toEqual(unplaced.map((node) => String(coordinates(node).name ?? node)));

    // The fit button shows every organisation placed, the far-off ones too.
    await page.click("[data-testid=zoom-fit]");
    await page.waitForFunction(() => {
      const camera = (window as unknown as Probe).linkscale.renderer.getCamera();
      return !camera.isAnimated() && camera.getState().ratio === 1;
    });
    expect((await onScreen()).points.filter((point) => !inside(point)).map(({ node }) => node)).toEqual([]);

    // Back to the graph: no bubble, no line between places, every organisation and link as before.
    await page.click("[data-testid=mode-graph]");
    const back = await page.evaluate(() => {
      const display = (window as unknown as Probe).linkscale.renderer.getGraph();
      return { bubbles: display.filterNodes((_node, attributes) => attributes["place"] === true).length, multi: display.multi, order: display.order, size: display.size };
    });
    expect(back).toEqual({ bubbles: 0, multi: false, order: graph.order, size: graph.size });
    expect(await page.locator("[data-testid=legend-places]").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("exports the shown network as GEXF", async () => {
    const { page } = await open();
    await page.uncheck("[data-testid=type-firm]");
    // Positions settle once the layout has stopped; the export takes them as they are.
    await page.waitForFunction(() => !(window as unknown as { linkscale: { layoutRunning: boolean } }).linkscale.layoutRunning, null, { timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-gexf]")]);
    const file = join(mkdtempSync(join(tmpdir(), "linkscale-gexf-")), "view.gexf");
    await download.saveAs(file);
    const { graph } = readGexf(readFileSync(file, "utf8"), { file });
    expect(graph.order).toBe(await count(page, "organisations"));
    expect(graph.size).toBe(await count(page, "links"));
    // Each organisation where the view has it, so that Gephi opens the layout.
    const node = graph.nodes()[0] as string;
    const shownAt = await page.evaluate((id) => (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer.getGraph().getNodeAttributes(id), node);
    expect([graph.getNodeAttribute(node, "x"), graph.getNodeAttribute(node, "y")]).toEqual([shownAt["x"], shownAt["y"]]);
    await page.close();
  });

  it("exports the view as a PNG of the page's size", async () => {
    const { page } = await open();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-png]")]);
    const file = join(mkdtempSync(join(tmpdir(), "linkscale-png-")), "view.png");
    await download.saveAs(file);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const box = (await page.locator("[data-testid=graph]").boundingBox()) as { width: number; height: number };
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.round(box.width), Math.round(box.height)]);
    await page.close();
  });

  it("opens a graph file dropped on the page, with the layout it holds", async () => {
    const graph = createAllianceGraph();
    graph.addNode("x", { name: "Dropped University", type: "university", country: "JP", x: -40, y: 10 });
    graph.addNode("y", { name: "Dropped Firm", type: "firm", country: "KR", x: 0, y: 0 });
    graph.addNode("z", { name: "Dropped Institute", type: "research", country: "KR", x: 35, y: -20 });
    graph.addEdge("x", "y", { weight: 3 });
    graph.addEdge("y", "z", { weight: 1 });
    const { page } = await open();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "sea-belt.gexf", { type: "application/xml" }));
      document.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, writeGexf(graph));
    await page.waitForFunction(() => document.querySelector("[data-testid=visible-organisations]")?.getAttribute("data-count") === "3");
    expect(await count(page, "links")).toBe(2);
    expect(new URL(page.url()).searchParams.get("dataset")).toBe("file:sea-belt.gexf");
    // A file laid out elsewhere (Gephi's x and y) opens as laid out there, with no layout run.
    const at = await page.evaluate(() => {
      const { renderer, layoutRunning } = (window as unknown as { linkscale: { renderer: Sigma; layoutRunning: boolean } }).linkscale;
      return { x: renderer.getGraph().getNodeAttributes("x"), layoutRunning };
    });
    expect([at.x["x"], at.x["y"], at.layoutRunning]).toEqual([-40, 10, false]);
    await page.close();
  });

  it("lays out organisations whose ids are names Object.prototype has (issue 22): every position a number", async () => {
    // A ring of five: before, ForceAtlas2's worker indexed nodes in a plain object, where
    // "__proto__" read Object.prototype, and the layout put four of the five at NaN.
    const folder = mkdtempSync(join(tmpdir(), "linkscale-viewer-reserved-"));
    const ids = ["constructor", "__proto__", "toString", "hasOwnProperty", "a"];
    writeFileSync(join(folder, "organisations.csv"), `id,name\n${ids.map((id) => `${id},Org ${id}`).join("\n")}\n`);
    writeFileSync(join(folder, "links.csv"), `source,target\n${ids.map((id, i) => `${id},${ids[(i + 1) % ids.length]}`).join("\n")}\n`);
    const { page, errors } = await open();
    await page.setInputFiles("[data-testid=files]", [join(folder, "organisations.csv"), join(folder, "links.csv")]);
    await page.waitForFunction(() => document.querySelector("[data-testid=visible-organisations]")?.getAttribute("data-count") === "5");
    // The layout starts once the first frame is drawn; let it take a few steps.
    await page.waitForTimeout(3000);
    const positions = await page.evaluate(() => {
      const { renderer } = (window as unknown as { linkscale: { renderer: Sigma } }).linkscale;
      return renderer.getGraph().mapNodes((node, attributes) => [node, attributes["x"], attributes["y"]] as const);
    });
    expect(positions.map(([node]) => node)).toEqual(ids);
    for (const [node, x, y] of positions) expect([node, Number.isFinite(x), Number.isFinite(y)]).toEqual([node, true, true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a name holding HTML as text, runs no script, and lists rejected rows by row", async () => {
    const folder = mkdtempSync(join(tmpdir(), "linkscale-viewer-xss-"));
    const name = "<img src=x onerror=alert(1)>";
    // A city holding HTML too, shared by both, so that the same-city rule names it local.
    const city = "<img src=y onerror=alert(2)>";
    writeFileSync(join(folder, "organisations.csv"), `id,name,type,country,city\na,"${name}",firm,DE,"${city}"\nb,Plain GmbH,firm,DE,"${city}"\nc,Bad Row,spaceship,FR,\n`);
    writeFileSync(join(folder, "links.csv"), "source,target,weight\na,b,2\n");
    const { page, dialogs, errors } = await open();
    await page.setInputFiles("[data-testid=files]", [join(folder, "organisations.csv"), join(folder, "links.csv")]);
    await page.waitForFunction(() => document.querySelector("[data-testid=visible-organisations]")?.getAttribute("data-count") === "2");
    await page.fill("[data-testid=search]", "img");
    await page.click("[data-testid=search-results] button");
    expect(await page.textContent("[data-testid=panel-name]")).toBe(name);
    expect(await page.locator("[data-testid=panel] tr", { hasText: "city" }).first().locator("td").textContent()).toBe(city);
    expect(await page.textContent("[data-testid=local-rule-legend]")).toBe("local: same region 0, same city 1");
    expect(await page.locator("[data-testid=panel-scales] tr", { hasText: "local by" }).locator("td").textContent()).toBe("same city 1");
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.textContent("[data-testid=rejected]")).toContain("organisations.csv:4: column \"type\"");
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("local links, and the rule that made them", () => {
  // Both bundled datasets have cities (h2020-health for about a quarter of its organisations) and
  // no region: local comes from the same-city rule alone, and with it off from nothing. The counts
  // are the core's, run here in Node on the same files.
  for (const dataset of ["semiconductor-ev", "h2020-health"]) {
    it(`on ${dataset}: the local filter draws the links the same city makes local, names the rule, and shows none with the rule off`, async () => {
      const graph = reference(dataset);
      const links = classifyLinks(graph);
      const local = links.filter(({ scale }) => scale === "local");
      expect(local.length).toBeGreaterThan(0);
      expect(local.every(({ rule }) => rule === "city")).toBe(true);
      const { page, errors } = await open(`?dataset=${dataset}&scales=local`);
      expect(await count(page, "links")).toBe(local.length);
      // Drawn: sigma holds exactly those links, all local, and they colour the link layer.
      const display = await page.evaluate(() => {
        const shown = (window as unknown as { linkscale: { renderer: Sigma } }).linkscale.renderer.getGraph();
        return { size: shown.size, scales: [...new Set(shown.mapEdges((_edge, attributes) => String(attributes["scale"])))] };
      });
      expect(display).toEqual({ size: local.length, scales: ["local"] });
      expect(await linkPixels(page)).toBeGreaterThan(0);
      // The rule is named where local links are counted: beside the filter and under the legend,
      // with the core's description of it as the tooltip.
      const named = `local: same region 0, same city ${local.length.toLocaleString("en-GB")}`;
      expect(await page.textContent("[data-testid=local-rule-filter]")).toBe(named);
      expect(await page.textContent("[data-testid=local-rule-legend]")).toBe(named);
      expect(await page.getAttribute("[data-testid=local-rule-legend] [data-rule=city]", "title")).toMatch(/^region unknown at an end; same city \(/);
      await page.screenshot({ path: `/tmp/viewer-${dataset}-local-city.png` });

      // An organisation's panel: its local links, by the rule that made them.
      const degrees = new Map<string, number>();
      for (const { source, target } of local) for (const node of [source, target]) degrees.set(node, (degrees.get(node) ?? 0) + 1);
      const [node, localLinks] = [...degrees].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0] as [string, number];
      await page.evaluate((id) => {
        const url = new URL(location.href);
        url.searchParams.set("selected", id);
        history.replaceState(null, "", url);
      }, node);
      await page.reload();
      await ready(page);
      const scales = page.locator("[data-testid=panel-scales]");
      expect(await scales.locator("tr", { hasText: "local by" }).locator("td").textContent()).toBe(`same city ${localLinks.toLocaleString("en-GB")}`);
      expect(await scales.locator("tr").first().locator("td").textContent()).toMatch(new RegExp(`^${localLinks.toLocaleString("en-GB")} links `));
      await page.screenshot({ path: `/tmp/viewer-${dataset}-panel-city.png` });

      // Same city off: nothing is local, and the page says why, in the filter, the legend and the panel.
      await page.uncheck("[data-testid=same-city]");
      expect(await count(page, "links")).toBe(0);
      expect(await linkPixels(page)).toBe(0);
      const why = "no link is local: regions are unknown and the same-city rule is off";
      expect(await page.textContent("[data-testid=local-rule-filter]")).toBe(why);
      expect(await page.textContent("[data-testid=local-rule-legend]")).toBe(why);
      expect(await page.textContent("label:has([data-testid=scale-local]) .count")).toBe("0");
      expect(await scales.locator("tr", { hasText: "local by" }).locator("td").textContent()).toBe(why);
      expect(new URL(page.url()).searchParams.get("sameCity")).toBe("off");
      await page.screenshot({ path: `/tmp/viewer-${dataset}-local-off.png` });

      // Within 50 km instead: the core's distance rule, the number in the URL, and a shared link
      // opens the same classification.
      const near = classifyLinks(graph, { hierarchy: defaultHierarchy({ sameCity: false }), localWithinKm: 50 }).filter(({ scale }) => scale === "local");
      expect(near.length).toBeGreaterThan(0);
      await page.check("[data-testid=within-km-on]");
      expect(await count(page, "links")).toBe(near.length);
      expect(await page.textContent("[data-testid=local-rule-filter]")).toBe(`local: same region 0, within 50 km ${near.length.toLocaleString("en-GB")}`);
      await page.fill("[data-testid=within-km]", "10");
      await page.dispatchEvent("[data-testid=within-km]", "change");
      const within10 = classifyLinks(graph, { hierarchy: defaultHierarchy({ sameCity: false }), localWithinKm: 10 }).filter(({ scale }) => scale === "local").length;
      expect(await count(page, "links")).toBe(within10);
      const url = new URL(page.url());
      expect([url.searchParams.get("sameCity"), url.searchParams.get("withinKm")]).toEqual(["off", "10"]);
      const reclassified = await page.evaluate(() => performance.getEntriesByName("linkscale:classified").map(({ duration }) => Math.round(duration)));
      console.log(`${dataset}: local by same city ${local.length}, none with it off, within 50 km ${near.length}, within 10 km ${within10}; reclassified in ${reclassified.join(", ")} ms`);
      await page.close();
      const shared = await open(url.href.slice(server.url.length));
      expect(await count(shared.page, "links")).toBe(within10);
      expect(await shared.page.isChecked("[data-testid=same-city]")).toBe(false);
      expect(await shared.page.inputValue("[data-testid=within-km]")).toBe("10");
      expect([...errors, ...shared.errors]).toEqual([]);
      await shared.page.close();
    });
  }

  it("on data with an admin1 column: the same administrative region makes two cities local, kept in the URL; disabled, saying why, where no organisation has one", async () => {
    // Hand-made: Bilbao and Donostia, different cities in one autonomous community (ES-PV), and
    // Madrid (ES-MD); no regions. By hand: no link local by same city, bio–don local by admin1.
    const folder = mkdtempSync(join(tmpdir(), "linkscale-viewer-admin1-"));
    const organisations = "id,name,type,country,city,admin1\nbio,Bilbao Tech,firm,ES,Bilbao,ES-PV\ndon,Donostia Lab,research,ES,Donostia,ES-PV\nmad,Madrid Uni,university,ES,Madrid,ES-MD\n";
    const linksCsv = "source,target,weight\nbio,don,2\nbio,mad,1\ndon,mad,1\n";
    writeFileSync(join(folder, "organisations.csv"), organisations);
    writeFileSync(join(folder, "links.csv"), linksCsv);
    const files = [join(folder, "organisations.csv"), join(folder, "links.csv")];
    const loaded = loadFiles([
      { name: "organisations.csv", text: organisations },
      { name: "links.csv", text: linksCsv },
    ]);
    if (loaded.form !== "tables") throw new Error("expected tables");
    const localBy = (admin1: boolean) =>
      classifyLinks(loaded.dataset.graph, { hierarchy: defaultHierarchy({ admin1 }) }).filter(({ scale }) => scale === "local");
    expect(localBy(false).length).toBe(0);
    expect(localBy(true).map(({ source, target, rule }) => [source, target, rule])).toEqual([["bio", "don", "admin1"]]);

    // semiconductor-ev has no admin1 column: the box is off and disabled, and its tooltip says why.
    const { page, errors } = await open();
    const box = "[data-testid=admin1]";
    expect([await page.isDisabled(box), await page.isChecked(box)]).toEqual([true, false]);
    expect(await page.getAttribute(`label:has(${box})`, "title")).toBe(NO_ADMIN1);
    await page.locator("[data-testid=local-rule]").screenshot({ path: join(SCREENSHOTS, "admin1-disabled.png") });

    await page.setInputFiles("[data-testid=files]", files);
    await page.waitForFunction(() => document.querySelector("[data-testid=visible-organisations]")?.getAttribute("data-count") === "3");
    expect([await page.isDisabled(box), await page.isChecked(box)]).toEqual([false, false]);
    expect(await page.textContent("label:has([data-testid=scale-local]) .count")).toBe("0");
    expect(await page.textContent("[data-testid=local-rule-filter]")).toBe(
      "no link is local: regions are unknown, no two partners share a city where a region is unknown and the admin1 rule is off",
    );

    await page.check(box);
    expect(await page.textContent("label:has([data-testid=scale-local]) .count")).toBe("1");
    const named = "local: same region 0, same city 0, same admin1 region 1";
    expect(await page.textContent("[data-testid=local-rule-filter]")).toBe(named);
    expect(await page.textContent("[data-testid=local-rule-legend]")).toBe(named);
    expect(await page.getAttribute("[data-testid=local-rule-legend] [data-rule=admin1]", "title")).toMatch(/^region unknown at an end; same first-level administrative region \(/);
    expect(new URL(page.url()).searchParams.get("admin1")).toBe("on");
    await page.uncheck("[data-testid=scale-national]");
    expect(await count(page, "links")).toBe(1);
    await page.fill("[data-testid=search]", "bilbao");
    await page.click("[data-testid=search-results] button");
    expect(await page.locator("[data-testid=panel-scales] tr", { hasText: "local by" }).locator("td").textContent()).toBe("same admin1 region 1");
    await page.screenshot({ path: join(SCREENSHOTS, "admin1.png") });
    await page.close();

    // A shared link with admin1=on: on semiconductor-ev the rule cannot decide anything and is not
    // in force (the box stays off, the rule line as before); the files opened there are classified with it.
    const shared = await open("?admin1=on");
    const byCity = classifyLinks(reference()).filter(({ scale }) => scale === "local").length;
    expect([await shared.page.isDisabled(box), await shared.page.isChecked(box)]).toEqual([true, false]);
    expect(await shared.page.textContent("[data-testid=local-rule-filter]")).toBe(`local: same region 0, same city ${byCity.toLocaleString("en-GB")}`);
    await shared.page.setInputFiles("[data-testid=files]", files);
    await shared.page.waitForFunction(() => document.querySelector("[data-testid=visible-organisations]")?.getAttribute("data-count") === "3");
    expect([await shared.page.isDisabled(box), await shared.page.isChecked(box)]).toEqual([false, true]);
    expect(await shared.page.textContent("[data-testid=local-rule-filter]")).toBe(named);
    expect([...errors, ...shared.errors]).toEqual([]);
    await shared.page.close();
  });
});
