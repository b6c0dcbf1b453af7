/**
 * Great-circle distance between two points on a sphere of the Earth's mean radius (6,371.0088 km,
 * IUGG), by the haversine formula: accurate to about 0.5 % against the ellipsoid, well within the
 * precision of geocoded organisation addresses.
 */
export const EARTH_RADIUS_KM = 6371.0088;

export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
