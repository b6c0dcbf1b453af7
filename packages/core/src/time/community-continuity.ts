/**
 * Community continuity between two windows: each community of the later window is matched to its
 * predecessor, the earlier community holding most of its members present in both windows, and
 * each earlier community to its successor the same way (ties go to the community whose smallest
 * member id comes first, so the matching does not depend on labels). A community that is the
 * predecessor of two or more is a split; one that is the successor of two or more, a merge. The
 * normalised mutual information of the two partitions over the organisations in both windows
 * (communities/nmi.ts) says how much of the earlier partition the later one keeps.
 */
import { normalizedMutualInformation } from "../communities/nmi.ts";
import type { Partition } from "../communities/partition.ts";

export interface Continuity {
  /** Organisations in both windows, over which the partitions are compared. */
  organisations: number;
  /** NMI of the two partitions over them; null with fewer than 2. */
  nmi: number | null;
  undefinedBecause?: string;
  /** Communities of the later window with a predecessor, and with no member in the earlier window. */
  matched: number;
  new: number;
  /** Communities of the earlier window with no member in the later one. */
  ended: number;
  /** Earlier communities that are the predecessor of two or more later ones, and later communities that are the successor of two or more earlier ones. */
  splits: string[];
  merges: string[];
  /** Each later community's predecessor, null for a new one. */
  predecessors: Record<string, string | null>;
}

export function communityContinuity(before: Partition, after: Partition): Continuity {
  const shared = Object.keys(after)
    .filter((id) => Object.hasOwn(before, id))
    .sort();
  const earlier = communities(before);
  const later = communities(after);
  // Overlaps of each later community with the earlier ones, and the reverse, over shared members.
  const overlap = new Map<string, Map<string, number>>();
  const reverse = new Map<string, Map<string, number>>();
  for (const id of shared) {
    const a = String(before[id]);
    const b = String(after[id]);
    bump(overlap, b, a);
    bump(reverse, a, b);
  }
  const predecessors: Record<string, string | null> = {};
  for (const b of later.keys()) predecessors[b] = largest(overlap.get(b), earlier);
  const successors = new Map([...reverse.keys()].map((a) => [a, largest(reverse.get(a), later) as string]));
  const predecessorCounts = countValues(Object.values(predecessors).filter((a): a is string => a !== null));
  const successorCounts = countValues(successors.values());
  const nmi =
    shared.length < 2
      ? { nmi: null, undefinedBecause: "fewer than 2 organisations are in both windows" }
      : { nmi: normalizedMutualInformation(shared.map((id) => String(before[id])), shared.map((id) => String(after[id]))) };
  return {
    organisations: shared.length,
    ...nmi,
    matched: Object.values(predecessors).filter((a) => a !== null).length,
    new: Object.values(predecessors).filter((a) => a === null).length,
    ended: [...earlier.keys()].filter((a) => !reverse.has(a)).length,
    splits: [...predecessorCounts].filter(([, count]) => count > 1).map(([a]) => a),
    merges: [...successorCounts].filter(([, count]) => count > 1).map(([b]) => b),
    predecessors,
  };
}

/** Each community's smallest member id, communities in order of it. */
function communities(partition: Partition): Map<string, string> {
  const smallest = new Map<string, string>();
  for (const [id, label] of Object.entries(partition)) {
    const community = String(label);
    const known = smallest.get(community);
    if (known === undefined || id < known) smallest.set(community, id);
  }
  return new Map([...smallest].sort(([, x], [, y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** The community with the most shared members; ties to the one whose smallest member comes first. */
function largest(overlaps: ReadonlyMap<string, number> | undefined, order: ReadonlyMap<string, string>): string | null {
  let best: string | null = null;
  for (const [community, count] of overlaps ?? []) {
    const bestCount = best === null ? 0 : (overlaps?.get(best) as number);
    if (count > bestCount || (count === bestCount && (order.get(community) as string) < (order.get(best as string) as string))) best = community;
  }
  return best;
}

function bump(table: Map<string, Map<string, number>>, row: string, column: string): void {
  const cells = table.get(row) ?? new Map<string, number>();
  table.set(row, cells);
  cells.set(column, (cells.get(column) ?? 0) + 1);
}

function countValues(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
