import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDuoAantal, telDuoAantallenOp } from '../../../src/modules/register/rules/aantal.js';

test('parseDuoAantal: <5 is a flag, never a number', () => {
  assert.deepEqual(parseDuoAantal('<5'), { ok: true, waarde: { aantal: null, isKlein: true } });
  assert.deepEqual(parseDuoAantal(' < 5 '), { ok: true, waarde: { aantal: null, isKlein: true } });
});

test('parseDuoAantal: numbers, thousands dot, empty', () => {
  assert.deepEqual(parseDuoAantal('0'), { ok: true, waarde: { aantal: 0, isKlein: false } });
  assert.deepEqual(parseDuoAantal(' 704 '), { ok: true, waarde: { aantal: 704, isKlein: false } });
  assert.deepEqual(parseDuoAantal('1.444'), { ok: true, waarde: { aantal: 1444, isKlein: false } });
  assert.deepEqual(parseDuoAantal(''), { ok: true, waarde: null });
  assert.deepEqual(parseDuoAantal('   '), { ok: true, waarde: null });
});

test('parseDuoAantal: rejects what is not a count, in Dutch', () => {
  for (const cel of ['abc', '-3', '2,5', '<4', '12.5', '1.2345', '999999']) {
    const r = parseDuoAantal(cel);
    assert.equal(r.ok, false, cel);
    if (!r.ok) assert.match(r.reden, /aantal leerlingen/);
  }
});

test('parseDuoAantal: every whole number round-trips (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
      const r = parseDuoAantal(String(n));
      return r.ok && r.waarde?.aantal === n && r.waarde.isKlein === false;
    }),
  );
});

test('telDuoAantallenOp: sums, and a total with a suppressed part is unknown', () => {
  const n = (aantal: number) => ({ aantal, isKlein: false });
  const klein = { aantal: null, isKlein: true };
  assert.deepEqual(telDuoAantallenOp([n(3), n(4), null]), n(7));
  assert.deepEqual(telDuoAantallenOp([klein, n(0)]), klein);
  assert.deepEqual(telDuoAantallenOp([klein, n(10)]), { aantal: null, isKlein: false });
  assert.deepEqual(telDuoAantallenOp([klein, klein]), { aantal: null, isKlein: false });
  assert.equal(telDuoAantallenOp([null, null]), null);
});
