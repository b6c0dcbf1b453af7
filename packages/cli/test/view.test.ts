import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO } from "./run.ts";

const BIN = fileURLToPath(new URL("../bin/linkscale.js", import.meta.url));

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
