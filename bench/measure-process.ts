/**
 * One command in a process of its own, under bench/peers/peak_rss.py: its wall-clock and CPU
 * seconds, peak memory and output, measured the same way for linkscale's CLI and the peer tools
 * (each tool's start and imports included).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, PYTHON } from "./shared.ts";

export interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  status: number;
  stdout: string;
}

const PEAK_RSS = fileURLToPath(new URL("./peers/peak_rss.py", import.meta.url));

export function measure(suite: string, label: string, command: readonly string[]): Measured {
  process.stderr.write(`${suite}: ${label}…\n`);
  const line = execFileSync(PYTHON, [PEAK_RSS, ...command], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 30 });
  const measured = JSON.parse(line) as Measured;
  if (measured.status !== 0) throw new Error(`${label}: ${command.join(" ")} exited ${measured.status}`);
  return measured;
}

/** Nodes and links a command printed as JSON (linkscale's summary or a peer's counts). */
export function counts({ stdout }: Measured): string {
  const parsed = JSON.parse(stdout) as { organisations?: number; nodes?: number; links: number };
  return `${(parsed.organisations ?? parsed.nodes ?? 0).toLocaleString("en-GB")} / ${parsed.links.toLocaleString("en-GB")}`;
}

/** Values of one measure over repeated runs of a step: their median, lowest and highest. */
export interface Spread {
  median: number;
  low: number;
  high: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), low: Math.min(...values), high: Math.max(...values) };
}

/** "9.1 (9.0–10.4)": the median, then the range. */
export function formatSpread({ median: middle, low, high }: Spread, digits = 1, format = (value: number) => value.toFixed(digits)): string {
  return `${format(middle)} (${format(low)}–${format(high)})`;
}
