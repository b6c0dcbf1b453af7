/**
 * Clusters by city: organisations under one city key (city.ts: the same country, the city's name
 * compared without case, accents, postal numbers and CEDEX, with transliteration and exonyms)
 * form one cluster, so "MUENCHEN" and "München" are one place and the Cambridges of GB and US two.
 * A cluster is named "<city>, <country>", the city written as most of its members write it (ties:
 * the smaller spelling). Organisations without a city or a country are in no cluster.
 */
import type { Attributes } from "graphology-types";
import type { ReadableGraph } from "../model/graph.ts";
import { nodeTable } from "../model/csr.ts";
import { cityKey } from "../scales/city.ts";

interface City {
  members: number;
  country: string;
  spellings: Map<string, number>;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each organisation's city cluster, a grouping for `clusterNetwork`. */
export function cityClusters(graph: ReadableGraph): Record<string, string> {
  const { nodes, attributes } = nodeTable(graph);
  const cities = tallyCities(attributes);
  const names = new Map([...cities].map(([key, city]) => [key, nameOf(city)]));
  const membership = Object.create(null) as Record<string, string>;
  attributes.forEach((node, i) => {
    const key = cityKey(node["city"], node["country"]);
    if (key !== undefined) membership[nodes[i] as string] = names.get(key) as string;
  });
  return membership;
}

/** The name of the city most of these organisations share (ties: the smaller key); undefined when none has a city. */
export function largestCity(members: readonly Attributes[]): string | undefined {
  const [largest] = [...tallyCities(members)].sort(([a, x], [b, y]) => y.members - x.members || compare(a, b));
  return largest && nameOf(largest[1]);
}

function tallyCities(organisations: readonly Attributes[]): Map<string, City> {
  const cities = new Map<string, City>();
  for (const attributes of organisations) {
    const key = cityKey(attributes["city"], attributes["country"]);
    if (key === undefined) continue;
    let city = cities.get(key);
    if (city === undefined) cities.set(key, (city = { members: 0, country: attributes["country"] as string, spellings: new Map() }));
    city.members++;
    const spelling = attributes["city"] as string;
    city.spellings.set(spelling, (city.spellings.get(spelling) ?? 0) + 1);
  }
  return cities;
}

function nameOf({ country, spellings }: City): string {
  const [[spelling]] = [...spellings].sort(([a, x], [b, y]) => y - x || compare(a, b)) as [[string, number]];
  return `${spelling}, ${country}`;
}
