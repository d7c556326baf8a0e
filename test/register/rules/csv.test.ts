import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDsv, schrijfCsv } from '../../../src/modules/register/rules/csv.js';

const velden = (tekst: string, sep = ';') => parseDsv(tekst, sep).map((r) => r.velden);

test('parseDsv: DUO semicolons, padded fields stay as they are (trimming is the caller’s)', () => {
  assert.deepEqual(velden('A;B\n1; x ;\n'), [['A', 'B'], ['1', ' x ', '']]);
});

test('parseDsv: RFC 4180 quotes, doubled quotes, separators and newlines inside quotes', () => {
  const tekst = 'naam,plaats\n"Sg ""De Brug"", locatie 2","Amsterdam\nNoord"\nx,\n';
  assert.deepEqual(parseDsv(tekst, ','), [
    { regel: 1, velden: ['naam', 'plaats'] },
    { regel: 2, velden: ['Sg "De Brug", locatie 2', 'Amsterdam\nNoord'] },
    { regel: 4, velden: ['x', ''] },
  ]);
});

test('parseDsv: CRLF, blank lines, no final newline, line numbers', () => {
  assert.deepEqual(parseDsv('a;b\r\n\r\n1;2', ';'), [
    { regel: 1, velden: ['a', 'b'] },
    { regel: 3, velden: ['1', '2'] },
  ]);
  assert.deepEqual(parseDsv('', ';'), []);
  assert.deepEqual(parseDsv('\n\n', ';'), []);
});

test('parseDsv: lenient with DUO’s sloppy quoting', () => {
  assert.deepEqual(velden('"a"b;"open\n'), [['ab', 'open\n']]);
  assert.deepEqual(velden('5"a;b'), [['5"a', 'b']]);
});

test('parseDsv refuses a separator it cannot use', () => {
  assert.throws(() => parseDsv('a', '"'));
  assert.throws(() => parseDsv('a', ';;'));
});

test('schrijfCsv: quotes only where needed, LF, null as empty', () => {
  assert.equal(schrijfCsv([['a', 'b,c', 'd"e', null, 1.5, true], ['']]), 'a,"b,c","d""e",,1.5,true\n""\n');
});

test('schrijfCsv → parseDsv round-trips any table of strings (property)', () => {
  const veld = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ',', '"', '\n', '\r\n', ' a ', '""', 'x,"y"\n'));
  fc.assert(
    fc.property(fc.array(fc.array(veld, { minLength: 1, maxLength: 6 }), { maxLength: 12 }), (rijen) => {
      const terug = parseDsv(schrijfCsv(rijen), ',').map((r) => r.velden);
      assert.deepEqual(terug, rijen);
    }),
    { numRuns: 500 },
  );
});
