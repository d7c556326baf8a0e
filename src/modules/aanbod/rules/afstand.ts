/**
 * Distances for the school finder. The finder shows the straight-line ("hemelsbreed") distance between the
 * centre of the parent's postcode and the school; it does not know routes, so it never calls it travel distance.
 *
 * Sources: the haversine formula for the great-circle distance on a sphere (R. W. Sinnott, "Virtues of the
 * Haversine", Sky and Telescope 68(2), 1984, p. 159); the mean Earth radius R1 = 6371.0088 km of the IUGG
 * (H. Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74 (2000), p. 128–133, R1 = (2a + b) / 3).
 * On a sphere the error against the GRS80 ellipsoid stays below 0.5 %, far below what a parent cares about.
 */

/** A point in WGS84 degrees. */
export interface Punt {
  lat: number;
  lon: number;
}

/** Mean Earth radius R1 of the IUGG (GRS80), in km — see the sources at the top of this file. */
export const AARDSTRAAL_KM = 6371.0088;

const GRADEN = Math.PI / 180;

/**
 * Great-circle ("hemelsbreed") distance between two points in km, by the haversine formula. It is exactly
 * symmetric and exactly 0 for the same point; the result never exceeds half the circumference.
 */
export function afstandKm(a: Punt, b: Punt): number {
  const f1 = a.lat * GRADEN;
  const f2 = b.lat * GRADEN;
  const sf = Math.sin(((b.lat - a.lat) * GRADEN) / 2);
  const cf = Math.cos(((b.lat - a.lat) * GRADEN) / 2);
  const sl = Math.sin(((b.lon - a.lon) * GRADEN) / 2);
  const cl = Math.cos(((b.lon - a.lon) * GRADEN) / 2);
  const ss = Math.sin((f1 + f2) / 2);
  // h = hav(θ) = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2). Its complement 1 − h is computed from its own sum of
  // squares, cos²(Δφ/2) · cos²(Δλ/2) + sin²((φ1+φ2)/2) · sin²(Δλ/2), not by subtraction: plain "1 − h" loses all
  // precision for nearly opposite points. Every term is the same with a and b swapped (squares of odd functions,
  // commutative products), so the result is exactly symmetric.
  const h = sf * sf + Math.cos(f1) * Math.cos(f2) * sl * sl;
  const rest = cf * cf * cl * cl + ss * ss * sl * sl;
  return 2 * AARDSTRAAL_KM * Math.atan2(Math.sqrt(Math.max(0, h)), Math.sqrt(Math.max(0, rest)));
}

/** A latitude/longitude rectangle in degrees. */
export interface Box {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

const HELE_WERELD: Box = { minLat: -90, maxLat: 90, minLon: -180, maxLon: 180 };

/**
 * A box that contains every point within `km` of `midden`, for a cheap SQL prefilter (`lat between … and lon
 * between …`) before the exact distance is computed. Latitude spreads by the angular radius d = km / R; longitude
 * by asin(sin d / cos φ), the widest point of a circle on the sphere (J. P. Matuschek, "Finding Points Within a
 * Distance of a Latitude/Longitude Using Bounding Coordinates", 2010). A small margin absorbs rounding.
 *
 * Near a pole or across the 180° meridian the box simply widens to all longitudes; that never happens in the
 * Netherlands but keeps the result finite (no NaN). A negative distance counts as 0; a non-finite one (or a
 * non-finite centre) gives the whole world.
 */
export function omhullendeBox(midden: Punt, km: number): Box {
  if (!Number.isFinite(km) || !Number.isFinite(midden.lat) || !Number.isFinite(midden.lon)) return { ...HELE_WERELD };
  // Angular radius in radians, with a relative and an absolute margin against floating-point rounding.
  const d = (Math.max(0, km) / AARDSTRAAL_KM) * (1 + 1e-9) + 1e-12;
  const lat = Math.min(90, Math.max(-90, midden.lat));
  const f = lat * GRADEN;
  const minLat = Math.max(-90, lat - d / GRADEN);
  const maxLat = Math.min(90, lat + d / GRADEN);
  if (d >= Math.PI / 2 || minLat <= -90 || maxLat >= 90) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  const verhouding = Math.sin(d) / Math.cos(f);
  if (!(verhouding < 1)) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  const dl = Math.asin(verhouding) / GRADEN + 1e-9;
  const minLon = midden.lon - dl;
  const maxLon = midden.lon + dl;
  if (minLon < -180 || maxLon > 180) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  return { minLat, maxLat, minLon, maxLon };
}

/**
 * A distance the Dutch way: one decimal with a comma and "km" ("2,4 km", "0,6 km", "12,0 km"). A distance that
 * is not a number shows as "afstand onbekend" rather than "NaN km".
 */
export function formatAfstand(km: number): string {
  if (!Number.isFinite(km)) return 'afstand onbekend';
  const afgerond = Math.round(Math.max(0, km) * 10) / 10;
  return `${afgerond.toFixed(1).replace('.', ',')} km`;
}
