/** Form schemas of the pupil record: an unticked checkbox (no field at all) is a plain "no", not an error. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../src/platform/http/forms.js';
import { ZNieuweOuder } from '../../src/modules/leerlingen/schemas.js';
import { ZNieuweAanmelding } from '../../src/modules/zorgplicht/schemas.js';

test('a parent added without ticking "uitnodigen" is valid and not invited', () => {
  const r = validate(ZNieuweOuder, { naam: 'Anna de Vries', email: 'anna@example.org', relatie: 'ouder', heeftGezag: 'ja' });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.data.uitnodigen, false);
  const ja = validate(ZNieuweOuder, { naam: 'Anna de Vries', email: 'anna@example.org', relatie: 'ouder', heeftGezag: 'ja', uitnodigen: 'ja' });
  assert.ok(ja.ok && ja.data.uitnodigen);
});

test('an aanmelding without the "doof of slechthorend" checkbox is valid', () => {
  const r = validate(ZNieuweAanmelding, {
    voornaam: 'Sem', achternaam: 'Jansen', geboortedatum: '2020-02-03', sector: 'po', ontvangenOp: '2025-03-03',
    isEersteVoorkeur: 'ja', extraOndersteuningVerwacht: 'nee',
  });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.data.doofOfSlechthorend, false);
});
