/**
 * Coordinates that organisations of two or more cities share are no place of any of them: CORDIS
 * gives a country's centre where it has no address (seven Spanish cities at 39.33, −4.84; seven
 * Italian ones at 42.64, 12.67). Such points are left out of whatever reads coordinates as a
 * place (geographic clusters, the administrative region derived from coordinates), and counted.
 * Cities are compared by their city key (city.ts), so two spellings of one city are one city.
 */
import type { Attributes } from "graphology-types";
import { cityKey } from "../scales/city.ts";

/** "lat,lon" of every point that organisations of two or more cities share. */
export function pointsSharedByCities(organisations: Iterable<Attributes>): Set<string> {
  const citiesAt = new Map<string, Set<string>>();
  for (const { lat, lon, city, country } of organisations) {
    const key = cityKey(city, country);
    if (!isCoordinate(lat) || !isCoordinate(lon) || key === undefined) continue;
    const point = pointKey(lat, lon);
    const cities = citiesAt.get(point);
    if (cities === undefined) citiesAt.set(point, new Set([key]));
    else cities.add(key);
  }
  return new Set([...citiesAt].filter(([, cities]) => cities.size > 1).map(([point]) => point));
}

export const pointKey = (lat: number, lon: number): string => `${lat},${lon}`;

export const isCoordinate = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
