/**
 * SYNTHETIC data: a seeded consortium network's participation table, for the scale bench (issue
 * 21), written as CSV (project,org,year). Nothing in it is real. Organisations sit in communities
 * (a region's cluster, say); each project draws 2 to 12 participants (a consortium's size), most
 * from one community and some from anywhere, so pairs recur across projects as real partners
 * do and the organisation network is much smaller than the table. Same arguments, same bytes.
 *
 *   node --import tsx bench/synthetic-participations.ts <out.csv> <rows> [organisations] [seed]
 */
import { createWriteStream } from "node:fs";
import { seededRandom } from "@linkscale/core";

export interface SyntheticOptions {
  rows: number;
  organisations: number;
  /** Organisations per community. */
  community: number;
  /** Share of a project's participants drawn from anywhere rather than its community. */
  outside: number;
  seed: number;
}

export const SYNTHETIC_DEFAULTS: Omit<SyntheticOptions, "rows"> = { organisations: 20_000, community: 40, outside: 0.2, seed: 1 };

/** Writes the table to `path`; resolves with the number of projects. */
export async function writeSyntheticParticipations(path: string, options: SyntheticOptions): Promise<number> {
  const { rows, organisations, community, outside, seed } = options;
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  const communities = Math.max(1, Math.floor(organisations / community));
  let written = 0;
  let project = 0;
  let buffer = "project,org,year\n";
  while (written < rows) {
    project++;
    const size = Math.min(rows - written, 2 + Math.floor(random() * 11));
    const home = Math.floor(random() * communities);
    const year = 2000 + Math.floor(random() * 24);
    const members = new Set<number>();
    while (members.size < size) {
      members.add(random() < outside ? Math.floor(random() * organisations) : home * community + Math.floor(random() * community));
    }
    for (const member of members) buffer += `P${project},O${member},${year}\n`;
    written += size;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      buffer = "";
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return project;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, rows, organisations, seed] = process.argv.slice(2);
  if (path === undefined || rows === undefined) throw new Error("usage: synthetic-participations.ts <out.csv> <rows> [organisations] [seed]");
  const projects = await writeSyntheticParticipations(path, {
    ...SYNTHETIC_DEFAULTS,
    rows: Number(rows),
    ...(organisations === undefined ? {} : { organisations: Number(organisations) }),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
  });
  process.stderr.write(`${path}: ${rows} synthetic participations in ${projects} projects\n`);
}
