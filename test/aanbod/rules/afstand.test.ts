import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AARDSTRAAL_KM, afstandKm, formatAfstand, omhullendeBox, type Punt } from '../../../src/modules/aanbod/rules/afstand.js';

const punt = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});

/** Points in and around the Netherlands (with some margin). */
const nlPunt = fc.record({
  lat: fc.double({ min: 50.5, max: 53.7, noNaN: true }),
  lon: fc.double({ min: 3.2, max: 7.3, noNaN: true }),
});

/** Destination from `start` after `km` along initial bearing `koers` (radians), on the same sphere. */
function bestemming(start: Punt, koers: number, km: number): Punt {
  const g = Math.PI / 180;
  const d = km / AARDSTRAAL_KM;
  const f1 = start.lat * g;
  const l1 = start.lon * g;
  const f2 = Math.asin(Math.sin(f1) * Math.cos(d) + Math.cos(f1) * Math.sin(d) * Math.cos(koers));
  const l2 = l1 + Math.atan2(Math.sin(koers) * Math.sin(d) * Math.cos(f1), Math.cos(d) - Math.sin(f1) * Math.sin(f2));
  return { lat: f2 / g, lon: l2 / g };
}

test('afstandKm: Utrecht Dom to Amsterdam Dam is about 35 km', () => {
  const dom = { lat: 52.0907, lon: 5.1214 };
  const dam = { lat: 52.3731, lon: 4.8926 };
  const km = afstandKm(dom, dam);
  assert.ok(Math.abs(km - 35) <= 0.5, `got ${km}`);
});

test('afstandKm: a quarter meridian from the equator to the pole is R·π/2', () => {
  assert.ok(Math.abs(afstandKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 }) - (AARDSTRAAL_KM * Math.PI) / 2) < 1e-6);
  // One degree of longitude on the equator.
  assert.ok(Math.abs(afstandKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }) - (AARDSTRAAL_KM * Math.PI) / 180) < 1e-6);
});

test('afstandKm: non-negative, symmetric, zero for the same point, at most half the circumference (property)', () => {
  fc.assert(
    fc.property(punt, punt, (a, b) => {
      const ab = afstandKm(a, b);
      return ab >= 0 && ab === afstandKm(b, a) && afstandKm(a, a) === 0 && ab <= Math.PI * AARDSTRAAL_KM + 1e-9;
    }),
    { numRuns: 2000 },
  );
});

test('afstandKm: triangle inequality (property)', () => {
  fc.assert(
    fc.property(punt, punt, punt, (a, b, c) => afstandKm(a, c) <= afstandKm(a, b) + afstandKm(b, c) + 1e-6),
    { numRuns: 2000 },
  );
});

test('omhullendeBox: every point within km of the centre lies inside the box (property)', () => {
  fc.assert(
    fc.property(
      nlPunt,
      fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      fc.double({ min: 0, max: 300, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (midden, koers, km, deel) => {
        const p = bestemming(midden, koers, km * deel);
        const box = omhullendeBox(midden, km);
        // The generated point really is within km (sanity check of the generator).
        assert.ok(afstandKm(midden, p) <= km + 1e-6);
        return p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon;
      },
    ),
    { numRuns: 5000 },
  );
});

test('omhullendeBox: exactly on the edge (due north, east, south, west) is inside', () => {
  const midden = { lat: 52.0907, lon: 5.1214 };
  for (const km of [0.001, 1, 10, 100]) {
    const box = omhullendeBox(midden, km);
    for (const koers of [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2]) {
      const p = bestemming(midden, koers, km);
      assert.ok(p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon, `${km} ${koers}`);
    }
  }
});

test('omhullendeBox: tight enough to be a useful prefilter', () => {
  const box = omhullendeBox({ lat: 52, lon: 5 }, 10);
  // 10 km is about 0.09° of latitude and 0.146° of longitude at 52° N.
  assert.ok(Math.abs(box.maxLat - 52 - 0.0899) < 0.001, String(box.maxLat));
  assert.ok(Math.abs(box.maxLon - 5 - 0.146) < 0.001, String(box.maxLon));
  assert.ok(Math.abs(52 - box.minLat - (box.maxLat - 52)) < 1e-9);
});

test('omhullendeBox: never NaN, clamps at the poles and for odd input', () => {
  const gevallen: [Punt, number][] = [
    [{ lat: 89.9, lon: 0 }, 50],
    [{ lat: -89.9, lon: 179.9 }, 50],
    [{ lat: 52, lon: 179.99 }, 10],
    [{ lat: 52, lon: 5 }, 30_000],
    [{ lat: 52, lon: 5 }, -5],
    [{ lat: 52, lon: 5 }, Number.NaN],
    [{ lat: Number.NaN, lon: 5 }, 10],
    [{ lat: 52, lon: 5 }, Number.POSITIVE_INFINITY],
  ];
  for (const [midden, km] of gevallen) {
    const box = omhullendeBox(midden, km);
    for (const v of Object.values(box)) assert.ok(Number.isFinite(v), `${JSON.stringify(midden)} ${km}`);
    assert.ok(box.minLat >= -90 && box.maxLat <= 90 && box.minLon >= -180 && box.maxLon <= 180);
    assert.ok(box.minLat <= box.maxLat && box.minLon <= box.maxLon);
  }
  // Near the pole the circle contains the pole: all longitudes.
  const pool = omhullendeBox({ lat: 89.9, lon: 0 }, 50);
  assert.deepEqual([pool.maxLat, pool.minLon, pool.maxLon], [90, -180, 180]);
  assert.ok(Math.abs(pool.minLat - (89.9 - (50 / AARDSTRAAL_KM) * (180 / Math.PI))) < 1e-6);
  // A negative distance is a point-sized box at the centre.
  const nul = omhullendeBox({ lat: 52, lon: 5 }, -5);
  assert.ok(nul.maxLat - nul.minLat < 1e-6 && nul.maxLon - nul.minLon < 1e-6);
});

test('formatAfstand: one decimal with a comma', () => {
  assert.equal(formatAfstand(2.44), '2,4 km');
  assert.equal(formatAfstand(2.45001), '2,5 km');
  assert.equal(formatAfstand(0.6), '0,6 km');
  assert.equal(formatAfstand(0.04), '0,0 km');
  assert.equal(formatAfstand(12), '12,0 km');
  assert.equal(formatAfstand(35.01), '35,0 km');
  assert.equal(formatAfstand(Number.NaN), 'afstand onbekend');
});

test('formatAfstand: always "<digits>,<digit> km" and within 0.05 of the value (property)', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (km) => {
      const s = formatAfstand(km);
      const m = /^(\d+),(\d) km$/.exec(s);
      return m !== null && Math.abs(Number(`${m[1]}.${m[2]}`) - km) <= 0.05 + 1e-9;
    }),
  );
});
