import { describe, expect, it } from "vitest";
import { readLinksCsv, readOrganisationsCsv, readParticipationsCsv } from "../../src/csv/read.ts";
import { messages } from "../../src/problems.ts";

const file = "orgs.csv";

describe("readOrganisationsCsv", () => {
  it("reads typed records and numbers rows as a spreadsheet does (header = row 1)", () => {
    const load = readOrganisationsCsv("id,name,type,country,lat,lon,postCode\n1,Acme,firm,DE,52.5,13.4,00912\n2,Uni,university,FR,,,\n", { file });
    expect(load).toEqual({
      file,
      rowsRead: 2,
      accepted: [
        // Extra columns are kept as text: the postcode keeps its leading zeros.
        { row: 2, record: { id: "1", name: "Acme", type: "firm", country: "DE", lat: 52.5, lon: 13.4, postCode: "00912" } },
        { row: 3, record: { id: "2", name: "Uni", type: "university", country: "FR" } },
      ],
      rejected: [],
      columns: { id: "id", name: "name", type: "type", country: "country", lat: "lat", lon: "lon" },
      readAs: [],
    });
  });

  it("rejects unknown types and country codes naming the allowed values, and keeps count", () => {
    const load = readOrganisationsCsv("id,type,country\n1,spaceship,DE\n2,firm,XX\n3,firm,DE\n", { file });
    expect(load.rowsRead).toBe(3);
    expect(load.accepted.map((a) => a.row)).toEqual([4]);
    expect(load.rejected).toEqual([
      {
        file,
        row: 2,
        problems: [{ column: "type", message: 'must be "firm", "government", "intermediary", "other", "research" or "university" (was "spaceship")' }],
      },
      {
        file,
        row: 3,
        problems: [{ column: "country", message: 'must be an ISO 3166-1 alpha-2 country code such as DE, FR, GB, JP (was "XX")' }],
      },
    ]);
    expect(load.readAs).toEqual([]);
  });

  it("reads CORDIS's UK, EL and KO as GB, GR and XK, counting the rows read so", () => {
    // Hand-made: UK twice (one row also rejected, for its type: counted all the same, as read),
    // EL once, KO once; "uk" is no CORDIS code and stays a rejected row.
    const load = readOrganisationsCsv("id,type,country\n1,firm,UK\n2,firm,EL\n3,spaceship,UK\n4,firm,KO\n5,firm,uk\n6,firm,GB\n", { file });
    expect(load.accepted.map(({ record }) => [record.id, record.country])).toEqual([
      ["1", "GB"],
      ["2", "GR"],
      ["4", "XK"],
      ["6", "GB"],
    ]);
    expect(load.rejected.map(({ row, problems }) => [row, problems[0]?.column])).toEqual([
      [4, "type"],
      [6, "country"],
    ]);
    expect(load.readAs).toEqual([
      { field: "country", from: "UK", to: "GB", rows: 2, source: "CORDIS codes" },
      { field: "country", from: "EL", to: "GR", rows: 1, source: "CORDIS codes" },
      { field: "country", from: "KO", to: "XK", rows: 1, source: "CORDIS codes" },
    ]);
  });

  it("reads a user's own headers through a mapping", () => {
    const load = readOrganisationsCsv("PIC;Legal name;Kind\n999;Acme;firm\n", { file, mapping: { id: "PIC", name: "Legal name", type: "Kind" } });
    expect(load.accepted).toEqual([{ row: 2, record: { id: "999", name: "Acme", type: "firm" } }]);
  });

  it("refuses a file without a required column, naming the columns it has", () => {
    expect(readOrganisationsCsv("name,type\nAcme,firm\n", { file }).error).toBe(messages.missingColumn("id", "id", ["name", "type"]));
  });

  it("reads a file with a BOM and CRLF line ends", () => {
    const load = readOrganisationsCsv("\ufeffid,name\r\n1,Acme\r\n2,Beta\r\n", { file });
    expect(load.accepted).toEqual([
      { row: 2, record: { id: "1", name: "Acme" } },
      { row: 3, record: { id: "2", name: "Beta" } },
    ]);
  });

  it("sniffs a semicolon delimiter, and names a wrong given one", () => {
    const text = "id;name\n1;Acme\n";
    expect(readOrganisationsCsv(text, { file }).accepted).toHaveLength(1);
    expect(readOrganisationsCsv(text, { file, delimiter: "," }).error).toBe(
      'the header "id;name" is one column when split on ",": the file looks ";"-separated; give that delimiter',
    );
  });

  it("refuses an empty file", () => {
    expect(readOrganisationsCsv("", { file })).toEqual({ file, rowsRead: 0, accepted: [], rejected: [], columns: {}, readAs: [], error: messages.emptyFile() });
    expect(readOrganisationsCsv("\n\n", { file }).error).toBe(messages.emptyFile());
  });

  it("rejects a row with the wrong number of fields, and numbers rows after a quoted line break", () => {
    const load = readOrganisationsCsv('id,name\n1,"Acme\nEurope"\n2\n3,Gamma\n', { file });
    expect(load.accepted.map(({ row, record }) => [row, record.name])).toEqual([
      [2, "Acme\nEurope"],
      [5, "Gamma"],
    ]);
    expect(load.rejected).toEqual([{ file, row: 4, problems: [{ message: messages.fieldCount(1, 2) }] }]);
  });

  it("treats the dialect's missing markers as unknown", () => {
    const load = readOrganisationsCsv("id,city\n1,NA\n", { file, missing: ["", "NA"] });
    expect(load.accepted[0]?.record).toEqual({ id: "1" });
  });
});

describe("readLinksCsv", () => {
  it("defaults the weight to 1 and splits project lists", () => {
    const load = readLinksCsv("source,target,projects,firstYear\na,b,P1;P2,2015\n", { file: "links.csv" });
    expect(load.accepted[0]?.record).toEqual({ source: "a", target: "b", weight: 1, projects: ["P1", "P2"], firstYear: 2015 });
  });

  it("rejects a negative and a non-numeric weight", () => {
    const load = readLinksCsv("source,target,weight\na,b,-2\na,c,heavy\na,d,1.5\n", { file: "links.csv" });
    expect(load.rowsRead).toBe(3);
    expect(load.rejected).toEqual([
      { file: "links.csv", row: 2, problems: [{ column: "weight", message: "must be positive (was -2)" }] },
      { file: "links.csv", row: 3, problems: [{ column: "weight", message: 'must be a number (was "heavy")' }] },
    ]);
  });
});

describe("readParticipationsCsv", () => {
  it("reads organisation columns beside participations as the organisation's description", () => {
    const load = readParticipationsCsv("project,org,year,type,country\nP1,7,2016,research,IT\nP1,8,x,firm,IT\n", { file: "p.csv" });
    expect(load.accepted).toEqual([
      { row: 2, record: { participation: { project: "P1", org: "7", year: 2016 }, organisation: { id: "7", type: "research", country: "IT" } } },
    ]);
    expect(load.rejected).toEqual([{ file: "p.csv", row: 3, problems: [{ column: "year", message: 'must be a number (was "x")' }] }]);
  });

  it("reads CORDIS country codes in a participation table's organisation columns, under a mapped column", () => {
    const load = readParticipationsCsv("projectKey,orgKey,Land\nP1,7,EL\nP1,8,KO\n", { file: "p.csv", mapping: { project: "projectKey", org: "orgKey", country: "Land" } });
    expect(load.rejected).toEqual([]);
    expect(load.accepted.map(({ record }) => record.organisation?.country)).toEqual(["GR", "XK"]);
    expect(load.readAs.map(({ from, rows }) => [from, rows])).toEqual([
      ["EL", 1],
      ["KO", 1],
    ]);
  });
});
