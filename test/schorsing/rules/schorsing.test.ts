/**
 * Schorsing (suspension): legal-rules §10 rule 9 and §1.13 — at most one week, with reasons, in writing to the
 * parents; a suspension of more than one day is reported to the inspectie in writing (WPO art. 40c, WEC art. 40a,
 * Inrichtingsbesluit WVO art. 13).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../../../src/platform/civil-date.js';
import { controleerSchorsing, inspectieMeldingNodig, schorsingsdagen } from '../../../src/modules/schorsing/rules/schorsing.js';

test('rule 9 (WPO 40c, WEC 40a, Inrichtingsbesluit WVO art. 13): at most one week, reasons, in writing; > 1 day → inspectie', () => {
  const ok = { van: '2025-03-03', tot: '2025-03-09', reden: 'Ernstig geweld tegen een medeleerling.', schriftelijkAanOuders: true };
  assert.deepEqual(controleerSchorsing(ok), {});
  assert.match(controleerSchorsing({ ...ok, tot: '2025-03-10' }).tot!, /hoogstens een week/);
  assert.match(controleerSchorsing({ ...ok, tot: '2025-03-02' }).tot!, /voor de eerste dag/);
  assert.match(controleerSchorsing({ ...ok, reden: '' }).reden!, /waarom/);
  assert.match(controleerSchorsing({ ...ok, schriftelijkAanOuders: false }).schriftelijkAanOuders!, /schriftelijk/);
  assert.match(controleerSchorsing({ ...ok, van: '2025-02-30' }).van!, /geldige/);
  assert.equal(inspectieMeldingNodig('2025-03-03', '2025-03-03'), false, 'one day: no report');
  assert.equal(inspectieMeldingNodig('2025-03-03', '2025-03-04'), true, 'two days: report to the inspectie');
});

test('property: a suspension is allowed exactly for 1 to 7 days, across month and year ends', () => {
  const datum = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  fc.assert(fc.property(datum, fc.integer({ min: -3, max: 12 }), (van, n) => {
    const tot = addDays(van, n);
    const fout = controleerSchorsing({ van, tot, reden: 'Een reden die lang genoeg is.', schriftelijkAanOuders: true });
    return (Object.keys(fout).length === 0) === (n >= 0 && n <= 6) && (n < 0 || schorsingsdagen(van, tot) === n + 1);
  }));
});
