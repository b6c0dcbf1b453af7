/**
 * Local links in the viewer, in a real browser (the harness in browser.ts): the links the core
 * calls local by the same-city or same-region rule drawn as such, and the rule named.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { classifyLinks, defaultHierarchy } from "@linkscale/core";
import { loadFiles } from "@linkscale/io";
import type Sigma from "sigma";
import { describe, expect, it } from "vitest";
import { count, linkPixels, open, ready, reference, SCREENSHOTS, serverUrl, useBrowser } from "./browser.ts";
import { NO_ADMIN1 } from "../src/controls.ts";

useBrowser();

describe("local links, and the rule that made them", () => {
  // semiconductor-ev has cities and no region: local comes from the same-city rule alone, and with
  // it off from nothing. The counts are the core's, run here in Node on the same files. (Run on
  // h2020-health too until the DuckDB engine's tests needed the time: the same rule, 40 s more;
  // its scales are drawn and counted in layout-and-scales.test.ts.)
  for (const dataset of ["semiconductor-ev"]) {
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
      const shared = await open(url.href.slice(serverUrl().length));
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
