/**
 * linkscale's cluster network in the shape datasets/reference/clusters.py writes (keys "A|B",
 * carriers as id → weight), and the comparisons the reference tests make.
 */
import { expect } from "vitest";
import type { ClusterNetwork } from "../../src/clusters/cluster-network.ts";

export interface ReferenceNetwork {
  excluded: { organisations: number; links: number; weight: number };
  clusters: Record<string, Record<string, unknown> & { gatekeepers: string[] }>;
  links: Record<string, Record<string, unknown> & { carriers: Record<string, Record<string, number>> }>;
}

export interface Reference {
  byCountry: ReferenceNetwork;
  byCity: ReferenceNetwork;
  geo: Record<string, { labels: Record<string, number>; withCoordinates: number; sharedPoint: number; noise: number; clusters: number }>;
}

/** linkscale's network in the reference's shape (keys "A|B", carriers as id → weight). */
export function asReference({ excluded, clusters, links }: ClusterNetwork): ReferenceNetwork {
  return {
    excluded: { organisations: excluded.organisations, links: excluded.links, weight: excluded.weight },
    clusters: Object.fromEntries(
      Object.entries(clusters).map(([name, { openness: _openness, gatekeepers, ...counts }]) => [name, { ...counts, gatekeepers: gatekeepers.map((g) => g.organisation) }]),
    ),
    links: Object.fromEntries(
      // toJSON: a spread of a cluster link copies only its counts (cluster-links.ts).
      links.map((link) => link.toJSON()).map(({ source, target, carriers, ...rest }) => [
        `${source}|${target}`,
        {
          ...rest,
          carriers: {
            [source]: Object.fromEntries(carriers.source.map((c) => [c.organisation, c.weight])),
            [target]: Object.fromEntries(carriers.target.map((c) => [c.organisation, c.weight])),
          },
        },
      ]),
    ),
  };
}

/** Weights to 1e-12 relative, everything else exact: numbers compared after rounding. */
export function close(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(close);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, close(v)]));
  return value;
}


/** Our membership (id → cluster name) and the reference's labels (id → label, −1 noise): one partition up to renaming. */
export function expectSamePartition(membership: Readonly<Record<string, string>>, labels: Readonly<Record<string, number>>): void {
  const renaming = new Map<string, number>();
  const seen = new Map<number, string>();
  for (const [id, label] of Object.entries(labels)) {
    const name = membership[id];
    if (label === -1) {
      expect(name, id).toBeUndefined();
      continue;
    }
    expect(name, id).toBeDefined();
    expect(renaming.get(name as string) ?? label, id).toBe(label);
    expect(seen.get(label) ?? name, id).toBe(name);
    renaming.set(name as string, label);
    seen.set(label, name as string);
  }
  expect(Object.keys(membership).length).toBe(Object.values(labels).filter((label) => label !== -1).length);
}
