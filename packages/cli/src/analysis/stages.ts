/**
 * The stages section: the network window by window (yearly, cumulative, rolling, or the stages a
 * user names) and what changes from one window to the next (core's `stages`). Its windows come from
 * linkscale.json's `stages` or `--stages`; without either the section says so instead of guessing.
 */
import { InvalidArgumentError } from "commander";
import { stages, type Grouping, type Organisation, type Windowing } from "@linkscale/core";
import { InputError } from "../input.ts";
import type { Progress } from "../progress.ts";
import type { AnalysisInput } from "./analyse.ts";
import type { ResolvedConfig } from "./config.ts";

type StagesConfig = "yearly" | "cumulative" | { rolling: { width: number; step?: number } } | Record<string, readonly [number, number]>;

export const NOT_CONFIGURED =
  'no windows are configured: set "stages" in linkscale.json ("yearly", "cumulative", {"rolling": {"width": 3, "step": 1}} or named stages such as {"start-up": [2007, 2010]}) or pass --stages';

/** linkscale.json's `stages` as windows; `where` names it in errors. */
export function windowingOf(value: StagesConfig, where: string): Windowing {
  if (value === "yearly" || value === "cumulative") return { kind: value };
  if ("rolling" in value && !Array.isArray(value["rolling"])) {
    const { width, step = 1 } = value.rolling as { width: number; step?: number };
    return { kind: "rolling", width, step };
  }
  const named = value as Record<string, readonly [number, number]>;
  if (Object.keys(named).length === 0) throw new InputError(`${where}: names no stage`);
  for (const [name, [from, to]] of Object.entries(named)) {
    if (from > to) throw new InputError(`${where}.${name} runs from ${from} to ${to}: the first year comes after the last`);
  }
  return { kind: "stages", stages: named };
}

/** --stages: yearly, cumulative, rolling:WIDTH[,STEP], or NAME=FROM-TO,NAME=FROM-TO… */
export function parseStagesFlag(value: string): Windowing {
  if (value === "yearly" || value === "cumulative") return { kind: value };
  const rolling = /^rolling:(\d+)(?:,(\d+))?$/.exec(value);
  if (rolling !== null) {
    const [width, step] = [Number(rolling[1]), Number(rolling[2] ?? 1)];
    if (width < 1 || step < 1) throw new InvalidArgumentError(`rolling:WIDTH,STEP needs whole numbers of years of at least 1, not "${value}"`);
    return { kind: "rolling", width, step };
  }
  const named: Record<string, [number, number]> = {};
  for (const part of value.split(",")) {
    const stage = /^(.+)=(\d{4})[-–](\d{4})$/.exec(part.trim());
    if (stage === null) throw new InvalidArgumentError(`"${part}" is not NAME=FROM-TO (e.g. start-up=2007-2010); give yearly, cumulative, rolling:WIDTH[,STEP] or NAME=FROM-TO,…`);
    const [, name, from, to] = stage as unknown as [string, string, string, string];
    if (Number(from) > Number(to)) throw new InvalidArgumentError(`stage "${name}" runs from ${from} to ${to}: the first year comes after the last`);
    named[name] = [Number(from), Number(to)];
  }
  return { kind: "stages", stages: named };
}

/** Why a change's value is undefined, short enough for a table column; UNDEFINED_LEGEND spells the short forms out. */
export function briefWhy(why: string | undefined): string {
  if (why?.startsWith("fewer than 2")) return "<2 in both";
  if (why?.startsWith("the measure is the same")) return "all equal";
  return why ?? "undefined";
}

export const UNDEFINED_LEGEND = "n/a (<2 in both): fewer than 2 organisations in both windows; n/a (all equal): a window gives every organisation the same value";

/** A window's T(UIG), saying why it is 0 (a helix in every project or none) or undefined. */
export function tripleHelixText(helix: { counted: number; T: { UIG: number } | null; constant: Record<string, string> } | null): string {
  if (helix === null) return "n/a (no projects: links given)";
  if (helix.T === null) return "n/a (no project with every type known)";
  const constant = Object.entries(helix.constant).map(([letter, where]) => `${letter} in ${where}`);
  return constant.length > 0 ? `${helix.T.UIG.toFixed(4)} (${constant.join(", ")})` : helix.T.UIG.toFixed(4);
}

/** In words, for the progress line and the summary. */
export function describeWindowing(windowing: Windowing): string {
  switch (windowing.kind) {
    case "yearly":
    case "cumulative":
      return `${windowing.kind} windows`;
    case "rolling":
      return `rolling windows of ${windowing.width} years, every ${windowing.step}`;
    case "stages":
      return `stages ${Object.keys(windowing.stages).join(", ")}`;
  }
}

export function stagesSection({ graph, participations, windows }: AnalysisInput, config: ResolvedConfig, grouping: Grouping, places: object, progress: Progress) {
  if (config.stages === null) return { windowing: null, why: NOT_CONFIGURED };
  progress.step(`stages: ${describeWindowing(config.stages)}`);
  const organisations: Organisation[] = [];
  graph.forEachNode((id, attributes) => void organisations.push({ ...attributes, id } as Organisation));
  const input = participations !== undefined ? { participations, organisations } : windows !== undefined ? { projected: windows } : { graph };
  const { counting, seed, groupBy, permutations } = config;
  // Each window's cluster network groups its organisations as the clusters section groups them all.
  const clusterBy = grouping.by === null ? {} : { clusterBy: grouping.groupBy };
  const clusters = grouping.by === null ? { by: null, why: grouping.why } : { by: grouping.by, rule: grouping.rule };
  return { windowing: config.stages, clusters, ...stages(input, { windowing: config.stages, counting, seed, places, groupBy, permutations, ...clusterBy }) };
}
