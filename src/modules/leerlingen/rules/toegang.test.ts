import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '../../../platform/auth/roles.js';
import { bepaalRelatie, grondslagVan, magLeerlingRegistreren, magLeerlingWijzigen } from './toegang.js';

const grant = (rol: (typeof ROLES)[number], extra: Partial<{ vestigingCode: string; bestuurNummer: string; leerlingId: string }> = {}) => ({
  rol, vestigingCode: extra.vestigingCode ?? null, bestuurNummer: extra.bestuurNummer ?? null, leerlingId: extra.leerlingId ?? null,
});

describe('who may open which pupil file', () => {
  it('SWV staff: the whole SWV (Wpo 18a lid 13)', () => {
    assert.deepEqual(bepaalRelatie(grant('swv-medewerker'), 'u'), { soort: 'swv' });
    assert.deepEqual(bepaalRelatie(grant('swv-directeur'), 'u'), { soort: 'swv' });
    assert.match(grondslagVan({ soort: 'swv' }), /18a/);
  });
  it('school roles: only their own location; without a location nothing', () => {
    assert.deepEqual(bepaalRelatie(grant('intern-begeleider', { vestigingCode: '00AA00' }), 'u'), { soort: 'school', vestigingCode: '00AA00' });
    assert.deepEqual(bepaalRelatie(grant('schoolleider'), 'u'), { soort: 'geen' });
  });
  it('parents through gezag, pupils their own file, board through its schools', () => {
    assert.deepEqual(bepaalRelatie(grant('ouder'), 'u1'), { soort: 'ouder-met-gezag', gebruikerId: 'u1' });
    assert.deepEqual(bepaalRelatie(grant('leerling', { leerlingId: 'l1' }), 'u'), { soort: 'eigen', leerlingId: 'l1' });
    assert.deepEqual(bepaalRelatie(grant('bestuur', { bestuurNummer: '123' }), 'u'), { soort: 'bestuur', bestuurNummer: '123' });
  });
  it('roles without a case relation see no files (deny by default)', () => {
    for (const r of ['deskundige', 'steunpunt', 'leerplichtambtenaar', 'opr-lid', 'controller', 'inspectie', 'beheerder'] as const) {
      assert.deepEqual(bepaalRelatie(grant(r), 'u'), { soort: 'geen' }, r);
    }
  });
  it('only schools and the SWV register and change; parents and boards read', () => {
    assert.deepEqual(ROLES.filter(magLeerlingRegistreren), ['intern-begeleider', 'schoolleider', 'swv-medewerker', 'swv-directeur']);
    assert.equal(magLeerlingWijzigen({ soort: 'ouder-met-gezag', gebruikerId: 'u' }), false);
    assert.equal(magLeerlingWijzigen({ soort: 'bestuur', bestuurNummer: '1' }), false);
    assert.equal(magLeerlingWijzigen({ soort: 'school', vestigingCode: 'x' }), true);
  });
});
