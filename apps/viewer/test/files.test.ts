/**
 * The viewer's files in a real browser (the harness in browser.ts): GEXF and PNG exports, a graph
 * file dropped on the page, and hostile content (ids Object.prototype has, names holding HTML).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAllianceGraph, UNKNOWN } from "@linkscale/core";
import { readGexf, writeGexf } from "@linkscale/io";
import type Sigma from "sigma";
import { describe, expect, it } from "vitest";
import { count, open, useBrowser } from "./browser.ts";

useBrowser();

describe("the viewer's files: export, drop, and hostile content", () => {
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

  it("opens a graph file dropped on the page, with the layout it holds, naming what a value is missing from", async () => {
    const graph = createAllianceGraph();
    graph.addNode("x", { name: "Dropped University", type: "university", country: "JP", x: -40, y: 10 });
    graph.addNode("y", { name: "Dropped Firm", type: "firm", country: "KR", x: 0, y: 0 });
    graph.addNode("z", { name: "Dropped Institute", type: "research", country: "KR", x: 35, y: -20 });
    graph.addNode("w", { name: "Dropped Partner", x: 10, y: 30 });
    graph.addEdge("x", "y", { weight: 3 });
    graph.addEdge("y", "z", { weight: 1 });
    graph.addEdge("w", "y", { weight: 1 });
    const { page } = await open();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "sea-belt.gexf", { type: "application/xml" }));
      document.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, writeGexf(graph));
    await page.waitForFunction(() => document.querySelector("[data-testid=visible-organisations]")?.getAttribute("data-count") === "4");
    expect(await count(page, "links")).toBe(3);
    // The filters name an organisation without a type or country, and a link without a scale, as
    // the legend does: never as a value "unknown".
    const label = (testId: string) => page.$eval(`[data-testid=${testId}]`, (box) => (box.parentElement as HTMLElement).textContent?.trim());
    expect([await label(`type-${UNKNOWN}`), await label(`country-${UNKNOWN}`), await label(`scale-${UNKNOWN}`)]).toEqual([
      "no type 1",
      "no country 1",
      "no scale (an end without country) 1",
    ]);
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
