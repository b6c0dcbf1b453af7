// Real CORDIS files from ../shared/data; expected counts come from each folder's README.md
// (profiles computed there with python3).
import { describe, expect, it } from "vitest";
import {
  readCordisOrganisationsCsv,
  readCordisOrganisationsJson,
  readCordisParticipationsCsv,
  readCordisProjectYears,
} from "../../src/cordis/read-cordis.ts";
import { assembleDataset } from "../../src/dataset.ts";
import { sharedText } from "../shared-data.ts";

describe("CORDIS participations (eunets h2020.csv)", () => {
  const load = readCordisParticipationsCsv(sharedText("cordis-h2020-participations/h2020.csv.gz"), { file: "h2020.csv" });

  it("accepts all 144,726 rows, maps codes, and reads NA as Namibia in the country column only", () => {
    expect(load.rowsRead).toBe(144726);
    expect(load.rejected).toEqual([]);
    const first = load.accepted[0]?.record;
    expect(first).toMatchObject({
      participation: { project: "221856", org: "998616262", role: "participant", year: 2019 },
      organisation: { id: "998616262", type: "firm", country: "BE" },
    });
    // README: country = NA in 11 rows; contribution = NA (missing) in 13,754 rows.
    expect(load.accepted.filter((a) => a.record.organisation?.country === "NA")).toHaveLength(11);
    expect(load.accepted.filter((a) => a.record.participation["contribution"] === undefined)).toHaveLength(13754);
    expect(load.accepted.some((a) => a.record.organisation?.country === "UK" || a.record.organisation?.country === "EL")).toBe(false);
    // Rows by country, counted with python3's csv module over h2020.csv.gz: UK 15,292, EL 4,530,
    // KO 0 (this table already writes Kosovo XK, 21 rows).
    expect(load.readAs.map(({ from, to, rows }) => [from, to, rows]).sort()).toEqual([
      ["EL", "GR", 4530],
      ["UK", "GB", 15292],
    ]);
  });

  it("projects to 35,871 organisations and 796,670 links, as the README's profile says", () => {
    const { graph, projects } = assembleDataset({ participations: [load] });
    expect(graph.order).toBe(35871);
    expect(projects).toBe(31451);
    expect(graph.size).toBe(796670);
  });
});

describe("CORDIS current organisation CSV", () => {
  it("reads names, CORDIS types and geolocation split into lat and lon", () => {
    const load = readCordisOrganisationsCsv(
      sharedText("cordis-h2020-org-records-2023/h2020_organizations_out_formatted_latest.2023-06-12.csv.gz"),
      { file: "organization.csv" },
    );
    expect(load.rowsRead).toBe(2722); // README: 2,722 rows
    expect(load.rejected).toEqual([]);
    expect(load.accepted[0]?.record.organisation).toEqual({
      id: "930078002",
      name: "OPTIQGAIN LTD",
      type: "firm",
      city: expect.any(String),
      country: "IL",
      lat: expect.any(Number),
      lon: expect.any(Number),
    });
  });

  it("reads the same layout ;-separated, as CORDIS publishes it", () => {
    const text = 'projectID;organisationID;name;activityType;country;geolocation;role\n1;2;"Müller; Söhne";PRC;EL;"37.9,23.7";coordinator\n';
    const load = readCordisOrganisationsCsv(text, { file: "organization.csv", projectYears: new Map([["1", 2016]]) });
    expect(load.accepted[0]?.record).toEqual({
      participation: { project: "1", org: "2", role: "coordinator", year: 2016 },
      organisation: { id: "2", name: "Müller; Söhne", type: "firm", country: "GR", lat: 37.9, lon: 23.7 },
    });
  });
});

describe("CORDIS JSON export", () => {
  const years = readCordisProjectYears(sharedText("cordis-h2020-semiconductor-ev/project.json.gz"));
  const load = readCordisOrganisationsJson(sharedText("cordis-h2020-semiconductor-ev/organization.json.gz"), {
    file: "organization.json",
    projectYears: years as Map<string, number>,
  });

  it("reads all 1,076 participations, with project years, and PRC;PRC as one type", () => {
    expect(years).toBeInstanceOf(Map);
    expect((years as Map<string, number>).size).toBe(26);
    expect(load.rowsRead).toBe(1076);
    expect(load.rejected).toEqual([]);
    const metso = load.accepted.filter((a) => a.record.participation.org === "998387051");
    expect(metso.map((a) => [a.row, a.record.organisation?.type, a.record.organisation?.country])).toEqual([
      [283, "firm", "FI"],
      [284, "firm", "FI"],
    ]);
  });

  it("rejects the second participation of METSO in project 737459 and projects 765 organisations, 38,733 links", () => {
    const { graph, tables } = assembleDataset({ participations: [load] });
    expect(tables[0]?.rejected).toEqual([
      {
        file: "organization.json",
        row: 284,
        problems: [{ column: "organisationID", message: 'organisation "998387051" already takes part in project "737459" at organization.json:283', repeats: "organization.json:283" }],
      },
    ]);
    expect(graph.order).toBe(765);
    expect(graph.size).toBe(38733);
  });
});
