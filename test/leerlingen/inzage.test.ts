/**
 * The access log in plain words (issue 6): every kind of object the app writes to the audit log about a pupil has
 * its own words for parents — the test reads the object types from the source, so a new one without words fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { heeftWoorden, inzageZin } from '../../src/modules/leerlingen/inzage.js';

function bronbestanden(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? bronbestanden(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Object types that never name a pupil (routes refused by role, SWV settings). */
const GEEN_LEERLING = new Set(['route', 'opp-instelling', 'versie', 'basisondersteuning', 'profiel']);

test('every object type written to the audit log has plain words for the parents', () => {
  const typen = new Set<string>();
  for (const f of bronbestanden('src/modules')) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/objectType: '([a-z-]+)'/g)) typen.add(m[1]!);
  }
  assert.ok(typen.size > 10, `found ${typen.size} object types`);
  const zonder = [...typen].filter((t) => !GEEN_LEERLING.has(t) && !heeftWoorden(t));
  assert.deepEqual(zonder, [], `add words in leerlingen/inzage.ts for: ${zonder.join(', ')}`);
});

test('sentences: what was done with which part; a refusal says so', () => {
  assert.equal(inzageZin({ actie: 'lezen', objectType: 'opp', resultaat: 'ok' }), 'bekeek het ontwikkelingsperspectief');
  assert.equal(inzageZin({ actie: 'aanmaken', objectType: 'opp-instemming', resultaat: 'ok' }), 'maakte het besluit over het handelingsdeel');
  assert.equal(inzageZin({ actie: 'lezen', objectType: 'aanmelding', resultaat: 'geweigerd' }), 'probeerde de aanmelding te bekijken, maar had geen toegang');
  assert.equal(inzageZin({ actie: 'wijzigen', objectType: null, resultaat: 'geweigerd' }), 'probeerde het dossier te wijzigen, maar had geen toegang');
  assert.equal(inzageZin({ actie: 'lijst', objectType: 'leerlingenlijst', resultaat: 'ok' }), 'zag de naam van uw kind in een lijst met leerlingen');
});
