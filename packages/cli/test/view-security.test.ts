/**
 * `linkscale view` against a hostile page and an unlucky disk (issue 22, point 5): the server
 * answers only to its own Host, serves no file through a symlink out of its roots, and answers
 * every I/O error with a status code, living on. Each test runs a real server on 127.0.0.1 over
 * a small build and a user's folder made in a temporary directory.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { foreignHostMessage, serveViewer, type ViewerServer } from "@linkscale/viewer/serve";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

interface Answer {
  status: number;
  body: string;
}

/** One GET to the server's address, with the Host given (null: none at all); never waits past 5 s. */
function get(url: string, path: string, options: { host?: string | null; agent?: Agent } = {}): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        hostname,
        port,
        path,
        ...(options.host === undefined ? {} : options.host === null ? { setHost: false } : { headers: { host: options.host } }),
        ...(options.agent === undefined ? { agent: false } : { agent: options.agent }),
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", reject);
      },
    );
    sent.setTimeout(5000, () => sent.destroy(new Error(`no answer to ${path} within 5 s`)));
    sent.on("error", reject);
    sent.end();
  });
}

/** A bare HTTP/1.0 request, which may leave out the Host; the whole answer as text. */
async function rawHttp10(port: number, path: string): Promise<string> {
  const socket = connect(port, "127.0.0.1");
  socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${path} within 5 s`)));
  socket.end(`GET ${path} HTTP/1.0\r\n\r\n`);
  let text = "";
  for await (const chunk of socket.setEncoding("utf8")) text += chunk as string;
  return text;
}

const SECRET = "root:x:0:0:a file outside every served folder\n";
const APP = 'console.log("app");\n';
const ORGANISATIONS = "id,name\na,Alpha\n";

let work: string;
let dist: string;
let user: string;
let server: ViewerServer;
let port: number;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), "linkscale-view-"));
  dist = join(work, "dist");
  user = join(work, "user");
  const outside = join(work, "outside");
  for (const folder of [dist, join(dist, "data"), join(dist, "assets"), user, outside]) mkdirSync(folder, { recursive: true });
  writeFileSync(join(dist, "index.html"), "<title>linkscale viewer</title>\n");
  writeFileSync(join(dist, "data", "index.json"), JSON.stringify({ datasets: [] }));
  writeFileSync(join(dist, "assets", "app.js"), APP);
  writeFileSync(join(dist, "churn.txt"), "churn\n");
  writeFileSync(join(outside, "secret.txt"), SECRET);
  // Links out of the build: a file and a folder; and one that stays inside it, which is served.
  symlinkSync(join(outside, "secret.txt"), join(dist, "leak.txt"));
  symlinkSync(outside, join(dist, "linked"));
  symlinkSync(join(dist, "assets", "app.js"), join(dist, "inner.js"));
  // The user's folder: a real table and a link out of the folder posing as one.
  writeFileSync(join(user, "organisations.csv"), ORGANISATIONS);
  symlinkSync(join(outside, "secret.txt"), join(user, "links.csv"));
  server = await serveViewer({
    dist,
    dataset: { name: "user", paths: [join(user, "organisations.csv"), join(user, "links.csv")], roots: [user] },
  });
  port = Number(new URL(server.url).port);
});

afterEach(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe("linkscale view: who may ask", () => {
  it("answers 421 with a short message to a Host that is not this server, 200 to each of its own", async () => {
    const foreign = ["evil.example", `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `127.0.0.2:${port}`, `127.0.0.1:${port + 1}`, `localhost:${port}0`, "127.0.0.1", "localhost"];
    for (const host of foreign) {
      for (const path of ["/", "/data/index.json", "/data/user/0/organisations.csv"]) {
        expect({ host, path, ...(await get(server.url, path, { host })) }).toEqual({ host, path, status: 421, body: foreignHostMessage(host, port) });
      }
    }
    // No Host at all: Node refuses it in HTTP/1.1 (400, requireHostHeader); HTTP/1.0 reaches our check.
    expect(await get(server.url, "/data/index.json", { host: null })).toEqual({ status: 400, body: "" });
    const [head = "", body] = (await rawHttp10(port, "/data/index.json")).split("\r\n\r\n");
    expect({ status: head.split("\r\n")[0], body }).toEqual({ status: "HTTP/1.1 421 Misdirected Request", body: foreignHostMessage(undefined, port) });
    expect(foreignHostMessage("evil.example", 8080)).toBe(
      'misdirected request: Host "evil.example"; this server answers to 127.0.0.1:8080, localhost:8080 and [::1]:8080 only\n',
    );
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      expect({ host, ...(await get(server.url, "/data/user/0/organisations.csv", { host })) }).toEqual({ host, status: 200, body: ORGANISATIONS });
    }
  });
});

describe("linkscale view: what may be read", () => {
  it("serves no file through a symlink out of the build or the user's folder: 404", async () => {
    for (const path of ["/leak.txt", "/linked/secret.txt", "/linked/", "/data/user/1/links.csv"]) {
      const answer = await get(server.url, path);
      expect({ path, ...answer }).toEqual({ path, status: 404, body: "not found" });
    }
    // A link that stays inside a root is served, and the user's real files are.
    expect(await get(server.url, "/inner.js")).toEqual({ status: 200, body: APP });
    expect(await get(server.url, "/data/user/0/organisations.csv")).toEqual({ status: 200, body: ORGANISATIONS });
    expect((await get(server.url, "/")).body).toContain("<title>linkscale viewer</title>");
  });

  it("answers 404 for a file deleted while it runs, and lives on", async () => {
    unlinkSync(join(dist, "assets", "app.js"));
    expect(await get(server.url, "/assets/app.js")).toEqual({ status: 404, body: "not found" });
    // The inside link now dangles.
    expect(await get(server.url, "/inner.js")).toEqual({ status: 404, body: "not found" });
    unlinkSync(join(user, "organisations.csv"));
    expect(await get(server.url, "/data/user/0/organisations.csv")).toEqual({ status: 404, body: "not found" });
    expect((await get(server.url, "/data/index.json")).status).toBe(200);
    expect((await get(server.url, "/")).status).toBe(200);
  });
});

describe("linkscale view: under load", () => {
  it("answers all of 2,000 requests at 20 concurrent, while a served file is deleted and written again", { timeout: 60_000 }, async () => {
    const targets: Array<{ path: string; body: string }> = [
      { path: "/", body: "<title>linkscale viewer</title>\n" },
      { path: "/assets/app.js", body: APP },
      { path: "/data/user/0/organisations.csv", body: ORGANISATIONS },
      { path: "/leak.txt", body: "not found" },
    ];
    const churn = join(dist, "churn.txt");
    let present = true;
    const churning = setInterval(() => {
      if (present) unlinkSync(churn);
      else writeFileSync(churn, "churn\n");
      present = !present;
    }, 2);
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const answers: Answer[] = [];
    const wrong: string[] = [];
    let next = 0;
    try {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (next < 2000) {
            const i = next++;
            if (i % 5 === 4) {
              const answer = await get(server.url, "/churn.txt", { agent });
              answers.push(answer);
              if (!(answer.status === 200 && answer.body === "churn\n") && !(answer.status === 404 && answer.body === "not found")) wrong.push(`churn: ${answer.status}`);
            } else {
              const target = targets[i % 4]!;
              const answer = await get(server.url, target.path, { agent });
              answers.push(answer);
              if (answer.body !== target.body) wrong.push(`${target.path}: ${answer.status}`);
            }
          }
        }),
      );
    } finally {
      clearInterval(churning);
      agent.destroy();
    }
    expect(answers.length).toBe(2000);
    expect(wrong).toEqual([]);
    expect((await get(server.url, "/data/index.json")).status).toBe(200);
  });
});
