/**
 * SYNTHETIC data: a seeded consortium network's participation table, for the scale bench (issue
 * 21), written as CSV (project,org,year). Nothing in it is real. Organisations sit in communities
 * (a region's cluster, say); each project draws 2 to 12 participants (a consortium's size), most
 * from one community and some from anywhere, so pairs recur across projects as real partners
 * do and the organisation network is much smaller than the table. Same arguments, same bytes.
 *
 * `writeSyntheticOrganisations` describes the same organisations (id,type,country): a community
 * sits in one country, types are drawn in the shares of Horizon 2020's participants.
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

/** Horizon 2020's participant types, roughly in their shares (firms most, then universities, research…). */
const TYPES = ["firm", "firm", "firm", "firm", "university", "university", "research", "research", "government", "other"] as const;
const COUNTRIES = ["DE", "FR", "IT", "ES", "NL", "BE", "AT", "SE", "DK", "FI", "PL", "PT", "GR", "IE", "CZ", "HU", "RO", "SI", "NO", "CH", "GB", "IL", "TR", "JP", "KR", "CN", "TW", "SG", "US", "CA"];

/** The organisations of a synthetic table, one row each: its community's country and a drawn type. */
export async function writeSyntheticOrganisations(path: string, options: Omit<SyntheticOptions, "rows">): Promise<void> {
  const { organisations, community, seed } = options;
  const random = seededRandom(seed + 1);
  const out = createWriteStream(path);
  let buffer = "id,type,country\n";
  for (let org = 0; org < organisations; org++) {
    const type = TYPES[Math.floor(random() * TYPES.length)] as string;
    buffer += `O${org},${type},${COUNTRIES[Math.floor(org / community) % COUNTRIES.length]}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      buffer = "";
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
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
