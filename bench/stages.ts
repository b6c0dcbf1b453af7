/**
 * Stages on the FULL Horizon 2020 data (issue 18): linkscale's stages() with yearly windows over
 * the whole span of project start years (issue 18 says 2014–2020, the programme's years; the data's
 * start years run 2014–2022, and every year gets its window), every per-window measure but
 * betweenness (each window projected
 * from its projects; organisations, links, weight, density, components, largest component share,
 * transitivity, Louvain communities and modularity, degree, strength and PageRank; from each
 * window to the next turnover, persistence, rank stability and community continuity), beside the
 * same computed with NetworkX, scipy and scikit-learn (bench/peers/stages_networkx.py) on the same
 * participations in the same run, with a check that both find the same windows.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { stages, type Organisation, type Participation, type Stages } from "@linkscale/core";
import { assembleDataset, readCordisParticipationsCsv } from "@linkscale/io";
import { H2020_PARTICIPATIONS, median, PYTHON, repeat } from "./shared.ts";
import { printTable } from "./table.ts";

const SEED = 0;
const WARM_UPS = 1;
const RUNS = 3;

interface PeerWindow {
  name: string;
  projects: number;
  organisations: number;
  links: number;
  weight: number;
  density: number | null;
  components: number;
  largestComponentShare: number | null;
  transitivity: number;
  communities: number;
  modularity: number | null;
}

interface PeerChange {
  from: string;
  to: string;
  organisations: { entered: number; stayed: number; left: number };
  links: { entered: number; stayed: number; left: number };
  persistence: number | null;
  rankStability: Record<"degree" | "strength" | "pagerank", number | null>;
  continuity: { organisations: number; nmi: number | null };
}

interface Peer {
  compute: number;
  withRead: number;
  maxRssMB: number;
  participations: number;
  span: { from: number; to: number } | null;
  windows: PeerWindow[];
  changes: PeerChange[];
}

export function benchStages(): void {
  process.stderr.write("stages: loading the full H2020 participations…\n");
  const input = h2020Participations();
  const options = { windowing: { kind: "yearly" as const }, seed: SEED };

  process.stderr.write(`stages: linkscale stages, yearly windows (${WARM_UPS} warm-up, ${RUNS} timed)…\n`);
  const peakBefore = process.resourceUsage().maxRSS / 1024;
  const runs = repeat(() => stages(input, options), WARM_UPS, RUNS);
  const peakAfter = process.resourceUsage().maxRSS / 1024;
  const ours = runs.result;
  const span = ours.span === null ? "none" : `${ours.span.from}–${ours.span.to}`;
  process.stderr.write(`stages: span ${span}, ${ours.windows.length} windows; runs ${runs.seconds.map((s) => s.toFixed(2)).join(", ")} s\n`);

  const folder = mkdtempSync(join(tmpdir(), "linkscale-bench-"));
  const script = fileURLToPath(new URL("./peers/stages_networkx.py", import.meta.url));
  let peer: Peer;
  let peerProcess: number;
  try {
    const file = join(folder, "participations.tsv");
    writeFileSync(file, input.participations.map(({ project, org, year }) => `${clean(project)}\t${clean(org)}\t${year ?? ""}`).join("\n") + "\n");
    process.stderr.write("stages: NetworkX…\n");
    const start = performance.now();
    peer = JSON.parse(execFileSync(PYTHON, [script, file, String(SEED)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
    peerProcess = (performance.now() - start) / 1000;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const seconds = median(runs.seconds);
  const vs = (s: number) => `${(s / seconds).toFixed(1)}x`;
  const projects = new Set(input.participations.map(({ project }) => project)).size;
  console.log(
    `\nStages of the full H2020 data: ${input.participations.length} participations of ${input.organisations.length} organisations in ${projects} projects; ` +
      `yearly windows over the span ${span} (NetworkX: ${peer.span === null ? "none" : `${peer.span.from}–${peer.span.to}`}), ` +
      `${ours.windows.length} windows, ${ours.changes.length} changes; projects without a year ${"projects" in ours.withoutYear ? ours.withoutYear.projects : "n/a"}`,
  );
  console.log(
    "Both: each window projected from its projects (full counting); organisations, links, weight, density, components, largest component share, transitivity, " +
      `Louvain (seed ${SEED}) communities and modularity, degree, strength, PageRank; between windows turnover, persistence (Jaccard), Spearman of degree, strength and PageRank, ` +
      "community continuity (NMI, matched, new, ended, splits, merges). No betweenness. linkscale's stages() also gives each window's link scale shares, " +
      "E-I openness by country and triple-helix transmission, which the NetworkX script does not compute: its time includes them.",
  );
  printTable(
    ["step", "seconds", "vs linkscale"],
    [
      [`linkscale stages(), yearly windows (median of ${RUNS}, after ${WARM_UPS} warm-up)`, seconds.toFixed(3), "1x"],
      ["NetworkX + scipy + scikit-learn: compute only", peer.compute.toFixed(3), vs(peer.compute)],
      ["  with reading the participations", peer.withRead.toFixed(3), vs(peer.withRead)],
      ["  the whole python process (imports included)", peerProcess.toFixed(3), vs(peerProcess)],
    ],
  );
  console.log(
    `memory: peak RSS of this process ${peakBefore.toFixed(0)} MB after loading, ${peakAfter.toFixed(0)} MB after the stages runs ` +
      `(+${(peakAfter - peakBefore).toFixed(0)} MB); the python process's peak RSS ${peer.maxRssMB.toFixed(0)} MB`,
  );
  printChecks(ours, peer);
}

/** The per-window counts, which must be equal, and how far the other measures are apart (Louvain's need not agree). */
function printChecks(ours: Stages, peer: Peer): void {
  const names = ours.windows.map((w) => w.name);
  const counts = ours.windows.map((w, i) => {
    const p = peer.windows[i];
    return `${w.name} ${w.organisations}/${p?.organisations ?? "–"} orgs, ${w.links}/${p?.links ?? "–"} links`;
  });
  const same =
    ours.windows.length === peer.windows.length &&
    ours.windows.every((w, i) => {
      const p = peer.windows[i] as PeerWindow;
      return p.name === w.name && p.organisations === w.organisations && p.links === w.links;
    });
  console.log(`check, per window (linkscale/NetworkX): ${counts.join("; ")}: ${same ? "equal" : "DIFFER"}`);

  const gap = (pairs: Array<[number | null | undefined, number | null | undefined]>) =>
    pairs.reduce((worst, [a, b]) => (a == null || b == null ? (a == b ? worst : Infinity) : Math.max(worst, Math.abs(a - b))), 0);
  const pw = (i: number) => peer.windows[i] as PeerWindow;
  const pc = (i: number) => peer.changes[i] as PeerChange;
  const deterministic: Array<[string, number]> = [
    ["weight", gap(ours.windows.map((w, i) => [w.weight, pw(i).weight]))],
    ["density", gap(ours.windows.map((w, i) => [w.density, pw(i).density]))],
    ["components", gap(ours.windows.map((w, i) => [w.components, pw(i).components]))],
    ["largest component share", gap(ours.windows.map((w, i) => [w.largestComponentShare, pw(i).largestComponentShare]))],
    ["transitivity", gap(ours.windows.map((w, i) => [w.transitivity, pw(i).transitivity]))],
    ["turnover", gap(ours.changes.flatMap((c, i) => (["entered", "stayed", "left"] as const).flatMap((k) => [[c.organisations[k], pc(i).organisations[k]], [c.links[k], pc(i).links[k]]] as Array<[number, number]>)))],
    ["persistence", gap(ours.changes.map((c, i) => [c.persistence, pc(i).persistence]))],
    ...(["degree", "strength", "pagerank"] as const).map((k): [string, number] => [`Spearman of ${k}`, gap(ours.changes.map((c, i) => [c.rankStability[k].spearman, pc(i).rankStability[k]]))]),
  ];
  const comparable = peer.windows.length === names.length && peer.changes.length === ours.changes.length;
  console.log(
    `check, the other measures that do not depend on Louvain, largest difference: ` +
      (comparable ? deterministic.map(([what, d]) => `${what} ${d === 0 ? "0" : d.toExponential(1)}`).join(", ") : "not comparable (different windows)") +
      " (Spearman of PageRank: PageRanks equal in exact arithmetic come out a few last bits apart, in an order that differs between the tools, so such organisations are not ranked as ties alike)",
  );
  console.log(
    "Louvain (linkscale's own against networkx louvain_communities, same seed number, different generators and visiting orders) need not and does not give the same partitions: " +
      `communities ${ours.windows.map((w, i) => `${w.communities}/${peer.windows[i]?.communities ?? "–"}`).join(", ")}; ` +
      `modularity ${ours.windows.map((w, i) => `${fixed(w.modularity)}/${fixed(peer.windows[i]?.modularity)}`).join(", ")}; ` +
      `NMI between windows ${ours.changes.map((c, i) => `${fixed(c.continuity.nmi)}/${fixed(peer.changes[i]?.continuity.nmi)}`).join(", ")} (linkscale/NetworkX)`,
  );
}

/** The full H2020 participations, read and checked as fullH2020() reads them, and the organisations they describe. */
function h2020Participations(): { participations: Participation[]; organisations: Organisation[] } {
  const text = gunzipSync(readFileSync(H2020_PARTICIPATIONS)).toString("utf8");
  const dataset = assembleDataset({ participations: [readCordisParticipationsCsv(text, { file: "h2020.csv" })] });
  const organisations = dataset.graph.mapNodes((id, attributes) => ({ ...attributes, id }) as Organisation);
  return { participations: dataset.participations ?? [], organisations };
}

const fixed = (value: number | null | undefined) => (value == null ? "–" : value.toFixed(3));
const clean = (value: string) => value.replace(/[\t\n]/g, " ");
