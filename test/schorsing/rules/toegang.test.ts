/**
 * Who records and sees a schorsing or verwijdering: the school (its own location), its board (read and record), SWV
 * staff (read only, for the region; WPO art. 18a / WVO art. 17a); nobody else. Deny by default.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Rol } from '../../../src/platform/auth/roles.js';
import { grondslag, magVastleggen, schorsingRelatie, SCHORSING_ROLLEN, VASTLEG_ROLLEN } from '../../../src/modules/schorsing/rules/toegang.js';

const grant = (rol: Rol, extra: { vestigingCode?: string; bestuurNummer?: string } = {}) => ({
  rol, vestigingCode: extra.vestigingCode ?? null, bestuurNummer: extra.bestuurNummer ?? null,
});

test('school staff: their own location, and they record', () => {
  for (const rol of ['intern-begeleider', 'schoolleider'] as const) {
    const r = schorsingRelatie(grant(rol, { vestigingCode: '08LE00' }));
    assert.deepEqual(r, { soort: 'school', vestigingCode: '08LE00' });
    assert.equal(magVastleggen(r), true);
    assert.deepEqual(schorsingRelatie(grant(rol)), { soort: 'geen' }, 'without a location nothing');
  }
  assert.match(grondslag({ soort: 'school', vestigingCode: '08LE00' }), /40c/);
});

test('the board: its own schools, reads and records (it is the bevoegd gezag that decides)', () => {
  const r = schorsingRelatie(grant('bestuur', { bestuurNummer: '41234' }));
  assert.deepEqual(r, { soort: 'bestuur', bestuurNummer: '41234' });
  assert.equal(magVastleggen(r), true);
  assert.deepEqual(schorsingRelatie(grant('bestuur')), { soort: 'geen' });
  assert.match(grondslag(r), /bevoegd gezag/);
});

test('SWV staff: the whole region, read only (Wpo 18a / Wvo 17a)', () => {
  for (const rol of ['swv-medewerker', 'swv-directeur'] as const) {
    const r = schorsingRelatie(grant(rol));
    assert.deepEqual(r, { soort: 'swv' });
    assert.equal(magVastleggen(r), false);
  }
  assert.match(grondslag({ soort: 'swv' }), /18a/);
});

test('everyone else: nothing (deny by default); the route lists agree with the rule', () => {
  for (const rol of ROLES) {
    const r = schorsingRelatie(grant(rol, { vestigingCode: '08LE00', bestuurNummer: '41234' }));
    assert.equal(SCHORSING_ROLLEN.includes(rol), r.soort !== 'geen', rol);
    assert.equal(VASTLEG_ROLLEN.includes(rol), magVastleggen(r), rol);
  }
  assert.equal(grondslag({ soort: 'geen' }), 'geen relatie met leerling');
});
