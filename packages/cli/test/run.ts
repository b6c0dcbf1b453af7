/** Runs the `linkscale` bin as a user would, in a child process. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = fileURLToPath(new URL("../bin/linkscale.js", import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function linkscale(args: readonly string[], cwd = REPO): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { status, stdout, stderr };
}
