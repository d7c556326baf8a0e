import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBestuurNummer, parseVestigingscode } from '../../../src/modules/register/rules/vestigingscode.js';

test('parseVestigingscode: full code, split code, mismatch, missing', () => {
  assert.deepEqual(parseVestigingscode('00ao01'), { ok: true, waarde: { code: '00AO01', instellingscode: '00AO' } });
  assert.deepEqual(parseVestigingscode('01', '00AO'), { ok: true, waarde: { code: '00AO01', instellingscode: '00AO' } });
  assert.deepEqual(parseVestigingscode('1', '00AO'), { ok: true, waarde: { code: '00AO01', instellingscode: '00AO' } });
  assert.deepEqual(parseVestigingscode(' 32JK00 ', '32JK'), { ok: true, waarde: { code: '32JK00', instellingscode: '32JK' } });
  const mis = parseVestigingscode('32JK00', '08LE');
  assert.equal(mis.ok, false);
  if (!mis.ok) assert.match(mis.reden, /hoort niet bij/);
  const leeg = parseVestigingscode('', '');
  assert.deepEqual(leeg, { ok: false, reden: 'vestigingscode ontbreekt' });
  for (const c of ['0AO01', 'AOAO01', '00AO1X', '00AO011']) assert.equal(parseVestigingscode(c).ok, false, c);
});

test('parseBestuurNummer: 0 and empty mean no board; leading zeros dropped', () => {
  assert.deepEqual(parseBestuurNummer('40631'), { ok: true, waarde: '40631' });
  assert.deepEqual(parseBestuurNummer('040631'), { ok: true, waarde: '40631' });
  assert.deepEqual(parseBestuurNummer('0'), { ok: true, waarde: null });
  assert.deepEqual(parseBestuurNummer(' '), { ok: true, waarde: null });
  assert.equal(parseBestuurNummer('4063X').ok, false);
});
