import { type } from "arktype";
import { describe, expect, it } from "vitest";
import { organisation } from "../../src/model/organisation.ts";
import { link } from "../../src/model/link.ts";

function problems(result: unknown): string {
  return result instanceof type.errors ? result.summary : "valid";
}

describe("organisation schema", () => {
  it("accepts a full record and keeps extra attributes", () => {
    const record = { id: "999", name: "Uni", type: "university", country: "DE", city: "Berlin", lat: 52.5, lon: 13.4, sme: true };
    expect(organisation(record)).toEqual(record);
  });

  it("names the allowed types", () => {
    expect(problems(organisation({ id: "1", type: "company" }))).toBe(
      'type must be "firm", "government", "intermediary", "other", "research" or "university" (was "company")',
    );
  });

  it("rejects CORDIS country codes with the ISO code to use", () => {
    expect(problems(organisation({ id: "1", country: "UK" }))).toBe(
      "country must be an ISO 3166-1 alpha-2 country code: GB (UK is CORDIS's code for the United Kingdom) (was \"UK\")",
    );
    expect(problems(organisation({ id: "1", country: "de" }))).toBe(
      'country must be an ISO 3166-1 alpha-2 country code, in capitals (DE) (was "de")',
    );
    expect(problems(organisation({ id: "1", country: "NA" }))).toBe("valid"); // Namibia
  });

  it("wants lat and lon together, in range", () => {
    expect(problems(organisation({ id: "1", lat: 40 }))).toBe("lon must be given together with lat (was missing)");
    expect(problems(organisation({ id: "1", lat: 91, lon: 0 }))).toBe("lat must be at most 90 (was 91)");
  });
});

describe("link schema", () => {
  it("rejects a negative weight and years out of order", () => {
    expect(problems(link({ source: "a", target: "b", weight: -1 }))).toBe("weight must be positive (was -1)");
    expect(problems(link({ source: "a", target: "b", weight: 1, firstYear: 2020, lastYear: 2019 }))).toBe(
      "lastYear must be at least firstYear (2020) (was 2019)",
    );
  });
});
