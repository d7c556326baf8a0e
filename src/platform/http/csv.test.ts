import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toCsv } from './csv.js';

/** A minimal RFC 4180 reader for the round trip (semicolon separator). */
function parse(csv: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { row.push(cell); cell = ''; } else if (ch === '\r' && s[i + 1] === '\n') { row.push(cell); out.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  return out;
}

describe('CSV export', () => {
  it('round-trips any text except that formula starts get a quote (property)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ maxLength: 20 }), { minLength: 2, maxLength: 2 }), { maxLength: 10 }), (data) => {
      const back = parse(toCsv(['a', 'b'], data));
      assert.deepEqual(back[0], ['a', 'b']);
      back.slice(1).forEach((r, i) => r.forEach((c, j) => {
        const orig = data[i]![j]!;
        assert.equal(c, /^[=+\-@\t\r]/.test(orig) ? `'${orig}` : orig);
      }));
    }));
  });
  it('neutralises spreadsheet formulas (CSV injection) and starts with a BOM for Excel', () => {
    const csv = toCsv(['naam'], [['=HYPERLINK("http://x")'], ['@SUM(A1)']]);
    assert.ok(csv.startsWith('\uFEFF'));
    assert.match(csv, /'=HYPERLINK/);
    assert.match(csv, /'@SUM/);
  });
});
