/**
 * Issue: load and project the FULL Horizon 2020 participations (144,726 rows) — linkscale beside
 * NetworkX in the same run, each in a process of its own so peak memory (max RSS) is comparable.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { H2020_PARTICIPATIONS, PYTHON } from "./shared.ts";
import { printTable } from "./table.ts";

interface Run {
  participations: number;
  organisations: number;
  links: number;
  readSeconds: number;
  projectSeconds: number;
  peakMB: number;
}

function run(command: string, args: string[]): Run {
  return JSON.parse(execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })) as Run;
}

export function benchProjection(): void {
  const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  for (const counting of ["full", "fractional"]) {
    process.stderr.write(`projection (${counting} counting): linkscale…\n`);
    const linkscale = run(process.execPath, ["--import", "tsx", here("./projection-linkscale.ts"), counting]);
    process.stderr.write(`projection (${counting} counting): NetworkX…\n`);
    const networkx = run(PYTHON, [here("./projection_networkx.py"), H2020_PARTICIPATIONS, counting]);
    const rows = [
      ["linkscale", linkscale],
      ["NetworkX", networkx],
    ] as const;
    console.log(
      `\nLoad + project the full H2020 participations, ${counting} counting ` +
        `(${linkscale.participations} participations -> ${linkscale.organisations} organisations, ${linkscale.links} links; ` +
        `NetworkX: ${networkx.organisations} organisations, ${networkx.links} links)`,
    );
    printTable(
      ["tool", "read s", "project s", "total s", "participations/s", "peak MB"],
      rows.map(([tool, r]) => [
        tool,
        r.readSeconds.toFixed(2),
        r.projectSeconds.toFixed(2),
        (r.readSeconds + r.projectSeconds).toFixed(2),
        Math.round(r.participations / (r.readSeconds + r.projectSeconds)).toLocaleString("en-GB"),
        Math.round(r.peakMB).toLocaleString("en-GB"),
      ]),
    );
    const ratio = (networkx.readSeconds + networkx.projectSeconds) / (linkscale.readSeconds + linkscale.projectSeconds);
    console.log(`linkscale is ${ratio.toFixed(1)}x NetworkX's speed, at ${(linkscale.peakMB / networkx.peakMB).toFixed(2)}x its peak memory`);
  }
}
