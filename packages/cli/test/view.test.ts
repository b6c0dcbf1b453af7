import { spawn } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { linkscale, REPO } from "./run.ts";

const BIN = fileURLToPath(new URL("../bin/linkscale.js", import.meta.url));

/** The status of a GET sent with the Host given (fetch cannot set it); never waits past 5 s. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers: { host }, agent: false }, (response) => {
      response.resume().on("end", () => resolve(response.statusCode ?? 0));
    });
    sent.setTimeout(5000, () => sent.destroy(new Error(`no answer from ${url} within 5 s`)));
    sent.on("error", reject);
    sent.end();
  });
}

describe("linkscale view", () => {
  it("serves the app and the named files on 127.0.0.1, prints the address and stops on Ctrl-C", async () => {
    const child = spawn(process.execPath, [BIN, "view", "datasets/semiconductor-ev", "-q"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    while (!stdout.includes("\n") && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 100));
    const url = stdout.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const index = (await (await fetch(`${url}data/index.json`)).json()) as { datasets: Array<{ name: string; files: Array<{ name: string; url: string }> }> };
    expect(index.datasets[0]?.name).toBe("semiconductor-ev");
    const files = index.datasets[0]?.files ?? [];
    expect(files.map(({ name }) => name)).toEqual(["datasets/semiconductor-ev/organisations.csv", "datasets/semiconductor-ev/participations.csv"]);
    expect((await fetch(`${url}${files[0]?.url}`)).status).toBe(200);
    expect(await (await fetch(url)).text()).toContain("<title>linkscale viewer</title>");
    // Nothing else from the disk: only the files listed are served.
    expect((await fetch(`${url}data/user/0/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(url, { method: "POST" })).status).toBe(405);

    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(stderr).toBe("");
  });

  it("hands named stages to the viewer in the address it prints, and refuses other windows", async () => {
    const child = spawn(process.execPath, [BIN, "view", "datasets/semiconductor-ev", "--stages", "start-up=2014-2015,development=2016-2018", "-q"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    while (!stdout.includes("\n") && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(new URL(stdout.trim()).searchParams.get("stages")).toBe("start-up:2014-2015,development:2016-2018");
    child.kill("SIGINT");
    await once(child, "exit");
    const yearly = linkscale(["view", "--stages", "yearly", "-q"]);
    expect(yearly.status).toBe(2);
    expect(yearly.stderr).toContain("--stages takes named stages");
  });

  it("answers only to its own Host, serves no symlink out of a named folder, and outlives a file deleted under it", async () => {
    const work = mkdtempSync(join(tmpdir(), "linkscale-view-cli-"));
    try {
      const folder = join(work, "network");
      mkdirSync(folder);
      writeFileSync(join(work, "secret.txt"), "not for the page\n");
      copyFileSync(join(REPO, "datasets/semiconductor-ev/organisations.csv"), join(folder, "organisations.csv"));
      symlinkSync(join(work, "secret.txt"), join(folder, "participations.csv"));
      const child = spawn(process.execPath, [BIN, "view", folder, "-q"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      try {
        while (!stdout.includes("\n") && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 100));
        const url = stdout.trim();
        const port = Number(new URL(url).port);
        const index = (await (await fetch(`${url}data/index.json`)).json()) as { datasets: Array<{ files: Array<{ name: string; url: string }> }> };
        const [organisations, participations] = (index.datasets[0]?.files ?? []).map((file) => `${url}${file.url}`);
        // A page reaching the server by a rebound name: refused, whatever the path.
        expect(await statusWithHost(`${url}data/index.json`, `rebound.example:${port}`)).toBe(421);
        expect(await statusWithHost(`${url}data/index.json`, `localhost:${port}`)).toBe(200);
        expect((await fetch(participations ?? url)).status).toBe(404);
        expect((await fetch(organisations ?? url)).status).toBe(200);
        unlinkSync(join(folder, "organisations.csv"));
        expect((await fetch(organisations ?? url)).status).toBe(404);
        expect((await fetch(`${url}data/index.json`)).status).toBe(200);
        expect(child.exitCode).toBe(null);
      } finally {
        child.kill("SIGINT");
      }
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(stderr).toBe("");
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("refuses a port in use, exit 2, naming it", async () => {
    const { createServer } = await import("node:net");
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    const child = spawn(process.execPath, [BIN, "view", "--port", String(port), "-q"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const [code] = await once(child, "exit");
    taken.close();
    expect(code).toBe(2);
    expect(stderr).toBe(`linkscale: --port ${port}: in use; leave it out for a free port\n`);
  });
});
