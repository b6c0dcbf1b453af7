/**
 * What the command says when something goes wrong (issue 22, points 6-8): one line naming the path
 * and the problem, the exit code that says which kind of failure it was (0 ok, 1 rejected rows or
 * drift, 2 bad input or usage, 70 a bug in linkscale), no stack trace unless --debug, and no
 * terminal control character from the data reaching the terminal.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isLinkscaleJunit, junitXml } from "../src/check/junit.ts";
import { isLinkscaleReport } from "../src/analysis/report.ts";
import { ReportFolder } from "../src/commands/analyze.ts";
import { printable } from "../src/input.ts";
import { EXIT, reportError } from "../src/main.ts";
import { linkscale, type Run } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "linkscale-errors-"));
/** A triangle and a pendant: four organisations, four links, small enough to analyse in a moment. */
const links = join(dir, "links.csv");
writeFileSync(links, "source,target\na,b\nb,c\nc,a\nc,d\n");

/** The run failed with exactly one line on stderr, and no stack trace. */
function expectOneLine(run: Run, status: number, line: string): void {
  expect(run.stderr).toBe(`${line}\n`);
  expect(run.status).toBe(status);
}

describe("output problems are bad input: one line naming the path, exit 2 (point 6)", () => {
  it("analyze --out naming an existing file", () => {
    const out = join(dir, "a-file");
    writeFileSync(out, "mine");
    expectOneLine(
      linkscale(["analyze", links, "--out", out, "-q"]),
      2,
      `linkscale: ${out} is a file: --out names the folder to write report.json and report.html in; nothing written`,
    );
    expect(readFileSync(out, "utf8")).toBe("mine");
  });

  it("analyze --out naming a folder whose report.json is a folder, even with --force", () => {
    const out = join(dir, "json-is-folder");
    mkdirSync(join(out, "report.json"), { recursive: true });
    expectOneLine(linkscale(["analyze", links, "--out", out, "--force", "-q"]), 2, `linkscale: ${join(out, "report.json")} is a folder, not a file: nothing written`);
  });

  it("check --junit naming a folder", () => {
    const expected = join(dir, "expected.json");
    writeFileSync(expected, JSON.stringify({ metrics: { "counts.organisations": { expected: 4 } } }));
    const junit = join(dir, "junit-folder");
    mkdirSync(junit);
    expectOneLine(linkscale(["check", links, "--expected", expected, "--junit", junit, "-q"]), 2, `linkscale: ${junit} is a folder: --junit names the file to write; nothing written`);
  });

  it("convert of an id holding a quote to Pajek, which cannot hold it", () => {
    const quoted = join(dir, "quoted.csv");
    writeFileSync(quoted, 'source,target\n"say ""hi""",b\n');
    const out = join(dir, "quoted.net");
    expectOneLine(
      linkscale(["convert", "--links", quoted, out, "-q"]),
      2,
      `linkscale: ${out}: cannot be written as pajek: organisation id "say \\"hi\\"" holds a quote or a line break, which a Pajek label cannot hold; nothing written (another format may hold it)`,
    );
  });

  it("any other file system error: the path and what is wrong, in words", () => {
    const out = join(dir, "not-a-folder");
    writeFileSync(out, "");
    // A report folder inside a file: the operating system refuses (ENOTDIR); no check of ours names it.
    const run = linkscale(["analyze", links, "--out", join(out, "reports"), "-q"]);
    expectOneLine(run, 2, `linkscale: ${join(out, "reports")}: a part of the path is a file, not a folder`);
  });
});

describe("an internal error exits 70 with one line, the stack only under --debug (point 6)", () => {
  afterEach(() => vi.restoreAllMocks());

  function report(error: unknown, debug: boolean): [number, string] {
    let written = "";
    vi.spyOn(process.stderr, "write").mockImplementation((text) => ((written += String(text)), true));
    const code = reportError(error, debug);
    vi.restoreAllMocks();
    return [code, written];
  }

  it("one line without --debug", () => {
    const [code, written] = report(new TypeError("x is undefined\nsecond line"), false);
    expect(code).toBe(EXIT.software);
    expect(code).toBe(70);
    expect(written).toBe("linkscale: internal error (a bug in linkscale; --debug prints the stack): TypeError: x is undefined\n");
  });

  it("the stack under --debug", () => {
    const error = new TypeError("x is undefined");
    const [, written] = report(error, true);
    expect(written).toContain(`\n${error.stack}\n`);
  });

  it("--debug is a global option, accepted after the command too", () => {
    expect(linkscale(["validate", links, "--debug", "-q"]).status).toBe(0);
    expect(linkscale(["--debug", "validate", links, "-q"]).status).toBe(0);
  });
});

describe("ownership of an output by linkscale's own marker, not a substring (point 7)", () => {
  it("analyze refuses a report.json that merely holds the generator's name", () => {
    const out = join(dir, "foreign");
    mkdirSync(out);
    const foreign = '{ "tool": { "name": "linkscale" }, "mine": true }\n';
    writeFileSync(join(out, "report.json"), foreign);
    expectOneLine(
      linkscale(["analyze", links, "--out", out, "-q"]),
      2,
      `linkscale: ${join(out, "report.json")} exists and was not written by linkscale: nothing written (--force overwrites)`,
    );
    expect(readFileSync(join(out, "report.json"), "utf8")).toBe(foreign);
  });

  it("analyze refuses a foreign report before it reads its input, not after the analysis", () => {
    const out = join(dir, "foreign-first");
    mkdirSync(out);
    writeFileSync(join(out, "report.html"), "<p>mine</p>\n");
    // Without -q the first progress line would be "reading …": the refusal is the only line.
    expectOneLine(
      linkscale(["analyze", links, "--out", out]),
      2,
      `linkscale: ${join(out, "report.html")} exists and was not written by linkscale: nothing written (--force overwrites)`,
    );
  });

  it("analyze reads a report file again if it changed after the first check", { timeout: 30_000 }, () => {
    const out = join(dir, "changed");
    expect(linkscale(["analyze", links, "--out", out, "-q"]).status).toBe(0);
    const target = new ReportFolder(out, false);
    const json = join(out, "report.json");
    writeFileSync(json, '{ "generator": { "name": "linkscale" } }\n');
    expect(() => target.check([[json, isLinkscaleReport]])).toThrow(`${json} exists and was not written by linkscale`);
  });

  it("analyze overwrites its own reports", { timeout: 30_000 }, () => {
    const out = join(dir, "own");
    expect(linkscale(["analyze", links, "--out", out, "-q"]).status).toBe(0);
    expect(isLinkscaleReport(readFileSync(join(out, "report.json"), "utf8"))).toBe(true);
    const again = linkscale(["analyze", links, "--out", out, "-q"]);
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
  });

  it("tells a report by its envelope", () => {
    const ours = { schemaVersion: 1, generator: { name: "linkscale", version: "0.1.0" }, input: {}, results: {} };
    expect(isLinkscaleReport(JSON.stringify(ours))).toBe(true);
    expect(isLinkscaleReport(JSON.stringify({ ...ours, generator: { name: "other", version: "1" } }))).toBe(false);
    expect(isLinkscaleReport(JSON.stringify({ ...ours, schemaVersion: "1" }))).toBe(false);
    expect(isLinkscaleReport(JSON.stringify({ notes: ['"name": "linkscale"'], schemaVersion: 1 }))).toBe(false);
    expect(isLinkscaleReport('"name": "linkscale"')).toBe(false);
  });

  it("tells a JUnit file by how it opens, not by the suite's name somewhere in it", () => {
    expect(isLinkscaleJunit(junitXml([], "expected.json"))).toBe(true);
    expect(isLinkscaleJunit('<?xml version="1.0"?>\n<!-- <testsuites name="linkscale check" -->\n<testsuites name="mine"/>\n')).toBe(false);
  });

  it("convert refuses to write over one of its inputs, whatever --force says, and however the path is spelled", () => {
    const gexf = join(dir, "own.gexf");
    expect(linkscale(["convert", "--links", links, gexf, "-q"]).status).toBe(0);
    const before = readFileSync(gexf, "utf8");
    expectOneLine(linkscale(["convert", gexf, gexf, "--force", "-q"]), 2, `linkscale: ${gexf} is also an input (${gexf}): nothing written; give another output`);
    const other = join(dir, ".", "..", dir.split("/").at(-1) as string, "own.gexf");
    expect(linkscale(["convert", gexf, other, "--force", "-q"]).status).toBe(2);
    const link = join(dir, "link.gexf");
    symlinkSync(gexf, link);
    expect(linkscale(["convert", link, gexf, "--force", "-q"]).status).toBe(2);
    expect(readFileSync(gexf, "utf8")).toBe(before);
  });

  it("convert refuses a CSV output folder that is the input folder", () => {
    const folder = join(dir, "tables");
    expect(linkscale(["convert", "--links", links, folder, "-q"]).status).toBe(0);
    const run = linkscale(["convert", folder, folder, "--force", "-q"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is also an input/);
  });
});

describe("control characters from the data are escaped on the terminal (point 8)", () => {
  it("an ESC in an id, in the message that names it", () => {
    const escaped = join(dir, "escape.csv");
    writeFileSync(escaped, "source,target\na\u001b[31mX,b\n");
    const out = join(dir, "escape.gexf");
    const run = linkscale(["convert", "--links", escaped, out, "-q"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('node "a\\x1b[31mX" holds U+001B');
    expect(run.stderr).not.toContain("\u001b");
  });

  it("an ESC in a file name", () => {
    const run = linkscale(["validate", join(dir, "no\u001b]0;owned\u0007such.csv")]);
    expectOneLine(run, 2, `linkscale: ${join(dir, "no\\x1b]0;owned\\x07such.csv")}: no such file or directory`);
  });

  it("C0 (but tab and line feed), DEL and C1 as \\xNN", () => {
    expect(printable("a\u0000b\rc\u007fd\u009be\tf\ng")).toBe("a\\x00b\\x0dc\\x7fd\\x9be\tf\ng");
  });
});

describe("the summaries escape control characters from the data too (point 8)", () => {
  it("validate and analyze print an ESC in an id as \\x1b, never the byte", () => {
    // Two links a–b<ESC>[31mX: the second a duplicate, so validate lists it as rejected.
    const file = join(dir, "escapes.csv");
    writeFileSync(file, "source,target\na,b\u001b[31mX\na,b\u001b[31mX\n");
    const validate = linkscale(["validate", file, "-q"]);
    expect(validate.stdout).toContain("b\\x1b[31mX");
    expect(validate.stdout).not.toContain("\u001b");
    const config = join(dir, "escapes.json");
    writeFileSync(config, JSON.stringify({ sections: ["counts", "centrality"] }));
    const analyze = linkscale(["analyze", file, "--config", config, "--allow-rejects", "--out", join(dir, "escapes-report"), "-q"]);
    expect(analyze.status).toBe(0);
    expect(analyze.stdout).toContain("b\\x1b[31mX");
    expect(analyze.stdout).not.toContain("\u001b");
  });
});
