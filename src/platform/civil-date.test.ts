import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, addWeeks, ageOn, civilDateAt, daysBetween, formatDutch, isCivilDate, schoolYearOf } from './civil-date.js';

const civil = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('civil dates', () => {
  it('rejects impossible dates and accepts real ones', () => {
    assert.equal(isCivilDate('2025-02-29'), false);
    assert.equal(isCivilDate('2024-02-29'), true);
    assert.equal(isCivilDate('2025-13-01'), false);
    assert.equal(isCivilDate('25-01-01'), false);
  });

  it('adding n days then subtracting n returns the same date; daysBetween agrees (property)', () => {
    fc.assert(fc.property(civil, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
      assert.equal(addDays(addDays(d, n), -n), d);
      assert.equal(daysBetween(d, addDays(d, n)), n);
    }));
  });

  it('integer day arithmetic agrees with Date (the oracle) from year 0001 to 9999, and validation too (property)', () => {
    const wide = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(wide, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
      const viaDate = new Date(`${d}T00:00:00Z`);
      viaDate.setUTCDate(viaDate.getUTCDate() + n);
      const y = viaDate.getUTCFullYear();
      if (y < 0 || y > 9999) {
        assert.throws(() => addDays(d, n), RangeError);
        return;
      }
      assert.equal(addDays(d, n), viaDate.toISOString().slice(0, 10));
      assert.equal(daysBetween(d, addDays(d, n)), n);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const viaDate = new Date(0);
      viaDate.setUTCFullYear(y, m - 1, d); // not Date.UTC: it maps years 0–99 to 1900–1999
      assert.equal(isCivilDate(s), m >= 1 && m <= 12 && d >= 1 && viaDate.toISOString().slice(0, 10) === s, s);
    }), { numRuns: 3000 });
    assert.equal(isCivilDate('2100-02-29'), false, '2100 is not a leap year');
    assert.equal(isCivilDate('2000-02-29'), true, '2000 is');
    assert.equal(isCivilDate('0000-02-29'), true, 'so is year 0 (proleptic Gregorian)');
    assert.throws(() => addDays('2025-02-30', 1), RangeError);
  });

  it('a week is 7 calendar days, also across the DST change (property)', () => {
    fc.assert(fc.property(civil, fc.integer({ min: -60, max: 60 }), (d, w) => {
      assert.equal(daysBetween(d, addWeeks(d, w)), 7 * w);
    }));
    // 6 weeks from 1 March 2026 crosses the switch to summer time on 29 March.
    assert.equal(addWeeks('2026-03-01', 6), '2026-04-12');
  });

  it('the school year runs 1 August – 31 July', () => {
    assert.equal(schoolYearOf('2025-07-31'), '2024-2025');
    assert.equal(schoolYearOf('2025-08-01'), '2025-2026');
  });

  it('age counts whole years; a 29 February birthday ages on 1 March in other years', () => {
    assert.equal(ageOn('2016-05-04', '2020-05-03'), 3);
    assert.equal(ageOn('2016-05-04', '2020-05-04'), 4);
    assert.equal(ageOn('2016-02-29', '2021-02-28'), 4);
    assert.equal(ageOn('2016-02-29', '2021-03-01'), 5);
  });

  it('the civil date is taken in Europe/Amsterdam, not UTC', () => {
    assert.equal(civilDateAt(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
    assert.equal(civilDateAt(new Date('2026-12-31T22:59:00Z')), '2026-12-31');
    assert.equal(civilDateAt(new Date('2026-12-31T23:00:00Z')), '2027-01-01');
  });

  it('formats in Dutch', () => {
    assert.equal(formatDutch('2026-03-03'), '3 maart 2026');
  });
});
