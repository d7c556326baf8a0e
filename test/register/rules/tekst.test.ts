import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeerWindows1252, decodeerTekst, decodeerWindows1252 } from '../../../src/modules/register/rules/tekst.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

test('decodeerTekst: CP1252 with CRLF as DUO publishes it', () => {
  // "’t Kompas;Hindoeïstisch\r\nFryslân\r\n" in Windows-1252: ’ = 0x92, ï = 0xEF, â = 0xE2.
  const bytes = Uint8Array.from([0x92, ...utf8('t Kompas;Hindoe'), 0xef, ...utf8('stisch\r\nFrysl'), 0xe2, ...utf8('n\r\n')]);
  const { tekst, codering } = decodeerTekst(bytes);
  assert.equal(codering, 'windows-1252');
  assert.equal(tekst, '’t Kompas;Hindoeïstisch\nFryslân\n');
});

test('decodeerTekst: UTF-8 with and without BOM, LF and CRLF', () => {
  assert.deepEqual(decodeerTekst(utf8('SÚDWEST-FRYSLÂN;1\n')), { tekst: 'SÚDWEST-FRYSLÂN;1\n', codering: 'utf-8' });
  assert.deepEqual(decodeerTekst(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a;b\r\nc;d\r\n')])), { tekst: 'a;b\nc;d\n', codering: 'utf-8-bom' });
  assert.deepEqual(decodeerTekst(utf8('')), { tekst: '', codering: 'utf-8' });
});

test('decodeerWindows1252 maps 0x80–0x9F as Windows does (not Latin-1)', () => {
  assert.equal(decodeerWindows1252(Uint8Array.from([0x80, 0x92, 0x93, 0x94, 0x96, 0x85])), '€’“”–…');
  assert.equal(decodeerWindows1252(Uint8Array.from([0xe9, 0xeb, 0xfc])), 'éëü');
});

test('Windows-1252 encode/decode round-trips every mappable string (property)', () => {
  const teken = fc.constantFrom(...'abcXYZ09 ;,"\n’‘“”€–—…éëïöüâÂÚûçñß'.split(''));
  const isUtf8 = (b: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  };
  fc.assert(
    fc.property(fc.array(teken, { maxLength: 60 }).map((a) => a.join('')), (s) => {
      const bytes = codeerWindows1252(s);
      if (decodeerWindows1252(bytes) !== s) return false;
      // The detection is only ambiguous where the CP1252 bytes happen to be valid UTF-8 as well (e.g. "Â…" = C2 85).
      return isUtf8(bytes) || decodeerTekst(bytes).tekst === s;
    }),
  );
  assert.throws(() => codeerWindows1252('中'), /Windows-1252/);
});

test('decodeerTekst: Dutch CP1252 text is never mistaken for UTF-8 (an accent before a plain letter)', () => {
  const bytes = codeerWindows1252('Â… en café ’t Kompas');
  assert.deepEqual(decodeerTekst(bytes), { tekst: 'Â… en café ’t Kompas', codering: 'windows-1252' });
});

test('decodeerTekst: UTF-8 text survives regardless of line ends (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)), { maxLength: 8 }), fc.boolean(), (regels, crlf) => {
      const tekst = regels.map((r) => r + (crlf ? '\r\n' : '\n')).join('');
      return decodeerTekst(utf8(tekst)).tekst === regels.map((r) => `${r}\n`).join('');
    }),
  );
});
