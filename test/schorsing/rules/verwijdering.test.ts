/**
 * Verwijdering (removal): legal-rules §10 rule 10 and §1.14–1.16 — a removal stays "voorgenomen" until the hearing
 * and (po, leerplichtig vo/(v)so) a willing school are on record, in vo for a leerplichtig pupil also the
 * consultation of the inspectie, and for (v)so cluster 1/2 alternatively 8 weeks of searching (WPO art. 40 lid 11,
 * WVO art. 27 lid 1 with Inrichtingsbesluit WVO art. 14, WEC art. 40 lid 18).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ontbrekendVoorDefinitieveVerwijdering, verwijderingsstatus, type VerwijderingFeiten } from '../../../src/modules/schorsing/rules/verwijdering.js';

const po: VerwijderingFeiten = {
  sector: 'po', gehoordOp: '2025-03-01', leerplichtig: true, andereSchoolBereid: false, inspectieGeraadpleegdOp: null,
  cluster12ZoektochtSinds: null, vandaag: '2025-03-10',
};

test('rule 10 (WPO 40 lid 11): po without a receiving school that agreed → the removal stays "voorgenomen"', () => {
  assert.equal(verwijderingsstatus(po), 'voorgenomen');
  assert.equal(verwijderingsstatus({ ...po, andereSchoolBereid: true }), 'definitief');
  assert.equal(verwijderingsstatus({ ...po, andereSchoolBereid: true, gehoordOp: null }), 'voorgenomen', 'the teacher is heard first');
  assert.equal(verwijderingsstatus({ ...po, leerplichtig: false }), 'voorgenomen', 'in po always another school');
});

test('§1.15 vo: a leerplichtig pupil needs another school AND consultation of the inspectie; otherwise only hearing', () => {
  const vo = { ...po, sector: 'vo' as const };
  assert.equal(ontbrekendVoorDefinitieveVerwijdering({ ...vo, andereSchoolBereid: true }).length, 1);
  assert.equal(verwijderingsstatus({ ...vo, andereSchoolBereid: true, inspectieGeraadpleegdOp: '2025-03-05' }), 'definitief');
  assert.equal(verwijderingsstatus({ ...vo, leerplichtig: false }), 'definitief');
  assert.match(ontbrekendVoorDefinitieveVerwijdering({ ...vo, gehoordOp: null, leerplichtig: false })[0]!, /leerling/);
});

test('§1.16 (v)so: another school for a leerplichtig pupil, or for cluster 1/2 after 8 weeks of searching', () => {
  const wec = { ...po, sector: 'wec' as const };
  assert.equal(verwijderingsstatus(wec), 'voorgenomen');
  assert.equal(verwijderingsstatus({ ...wec, cluster12ZoektochtSinds: '2025-01-13', vandaag: '2025-03-09' }), 'voorgenomen', '8 weeks minus a day');
  assert.equal(verwijderingsstatus({ ...wec, cluster12ZoektochtSinds: '2025-01-13', vandaag: '2025-03-10' }), 'definitief', '8 weeks');
  assert.equal(verwijderingsstatus({ ...wec, leerplichtig: false }), 'definitief');
});
