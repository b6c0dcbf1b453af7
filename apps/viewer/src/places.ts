/**
 * Places: organisations at one spot, gathered so that the map draws one bubble where many
 * organisations would stack on one dot. CORDIS and most geocoders place an organisation on its
 * city's centre, or a country's when the town is not found, so co-located organisations share
 * coordinates to the last digit, or nearly.
 *
 * The rule: two organisations are at the same place when their latitudes and their longitudes are
 * equal once rounded to PLACE_DECIMALS decimals of a degree (0.001°: about 110 m north–south, 70 m
 * east–west at 50° N). A grid, so two points a metre apart across a cell's edge stay two places;
 * rare, and then drawn as two dots, not wrongly merged.
 */

/** Decimals of a degree that two organisations' coordinates share at one place. */
export const PLACE_DECIMALS = 3;
const SCALE = 10 ** PLACE_DECIMALS;

export interface Located {
  id: string;
  lat: number;
  lon: number;
  city?: string | undefined;
}

export interface Place {
  /** The rounded coordinates, "lat,lon" in thousandths of a degree: equal for the same place. */
  key: string;
  /** The members' mean coordinates. */
  lat: number;
  lon: number;
  /** Organisation ids, in the order given. */
  members: string[];
  /** The city every member names (spelled as the first does, compared without case); undefined where they differ or one has none. */
  city: string | undefined;
}

/** The key two organisations share when they are at the same place. */
export function placeKey(lat: number, lon: number): string {
  return `${Math.round(lat * SCALE)},${Math.round(lon * SCALE)}`;
}

/** The organisations grouped by place: the most members first, then by key. */
export function groupPlaces(organisations: Iterable<Located>): Place[] {
  const byKey = new Map<string, { members: Located[] }>();
  for (const organisation of organisations) {
    const key = placeKey(organisation.lat, organisation.lon);
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { members: [organisation] });
    else group.members.push(organisation);
  }
  const places: Place[] = [];
  for (const [key, { members }] of byKey) {
    const first = members[0] as Located;
    const city = first.city?.trim();
    const shared = city !== undefined && city !== "" && members.every((m) => m.city?.trim().toLowerCase() === city.toLowerCase());
    places.push({
      key,
      lat: members.reduce((sum, m) => sum + m.lat, 0) / members.length,
      lon: members.reduce((sum, m) => sum + m.lon, 0) / members.length,
      members: members.map((m) => m.id),
      city: shared ? city : undefined,
    });
  }
  return places.sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** What a place is called: its members' city, or else its coordinates (to the rule's precision). */
export function placeName(place: Place): string {
  if (place.city !== undefined) return place.city;
  const degrees = (value: number, positive: string, negative: string) => `${Math.abs(value).toFixed(PLACE_DECIMALS)}° ${value < 0 ? negative : positive}`;
  return `${degrees(place.lat, "N", "S")}, ${degrees(place.lon, "E", "W")}`;
}
