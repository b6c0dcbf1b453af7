/**
 * Golden files: each writer's output for the fixture, in out/, compared byte for byte. They are
 * rewritten only on purpose (REGEN=1 npx vitest run packages/io/test/formats) and reviewed in the
 * diff like code.
 */
import { describe, it } from "vitest";
import { writeGexf } from "../../src/formats/gexf.ts";
import { writeGraphml } from "../../src/formats/graphml.ts";
import { writeGraphologyJson } from "../../src/formats/graphology-json.ts";
import { writePajek } from "../../src/formats/pajek.ts";
import { expectGolden, loadFixture } from "./fixture.ts";

describe("writers on the fixture", () => {
  it("write GEXF as in out/fixture.gexf", () => expectGolden("fixture.gexf", writeGexf(loadFixture())));
  it("write GraphML as in out/fixture.graphml", () => expectGolden("fixture.graphml", writeGraphml(loadFixture())));
  it("write graphology JSON as in out/fixture.json", () => expectGolden("fixture.json", writeGraphologyJson(loadFixture())));
  it("write Pajek as in out/fixture.net", () => expectGolden("fixture.net", writePajek(loadFixture())));
});
