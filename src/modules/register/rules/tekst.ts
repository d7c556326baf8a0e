/**
 * Decoding text files as DUO and CBS publish them.
 *
 * Source: DUO open onderwijsdata CSV downloads are Windows-1252 (CP1252) with CRLF line ends; some newer downloads
 * and our own copies are UTF-8, sometimes with a byte-order mark (BOM). A file is read as CP1252 when it is not valid
 * UTF-8. Dutch CP1252 text always has an accented letter before a plain one somewhere (é = 0xE9, then ASCII), which
 * is never valid UTF-8; only a file whose every non-ASCII byte pair happens to be a UTF-8 sequence (just "Â…", say)
 * would be misread, and DUO's files are far longer than that.
 */

/** The encoding a buffer was read as. */
export type Tekstcodering = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';

/** Decodes a file buffer to a string with LF line ends, and tells which encoding it found. */
export function decodeerTekst(buffer: Uint8Array): { tekst: string; codering: Tekstcodering } {
  let tekst: string;
  let codering: Tekstcodering;
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    tekst = new TextDecoder('utf-8').decode(buffer.subarray(3));
    codering = 'utf-8-bom';
  } else if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    // Excel's "Unicode text" export; DUO does not publish it, but a beheerder may save a file that way.
    tekst = new TextDecoder('utf-16le').decode(buffer.subarray(2));
    codering = 'utf-16le';
  } else {
    try {
      tekst = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
      codering = 'utf-8';
    } catch {
      tekst = decodeerWindows1252(buffer);
      codering = 'windows-1252';
    }
  }
  return { tekst: tekst.replace(/\r\n?/g, '\n'), codering };
}

/**
 * Windows-1252 bytes 0x80–0x9F (the rest equals Latin-1 / the first 256 Unicode code points). Source: WHATWG
 * Encoding Standard, index-windows-1252; unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the same code point.
 * Written out because Node 20's TextDecoder('windows-1252') decodes this range as Latin-1 (’ became U+0092).
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 bytes. */
export function decodeerWindows1252(buffer: Uint8Array): string {
  let uit = '';
  const stuk: number[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const b = buffer[i]!;
    stuk.push(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : b);
    // String.fromCharCode takes its arguments on the stack: flush in pieces.
    if (stuk.length === 8192) uit += String.fromCharCode(...stuk.splice(0));
  }
  return uit + String.fromCharCode(...stuk);
}

/** Encodes text as Windows-1252 (for test fixtures that must look like DUO's originals). Throws on unmappable characters. */
export function codeerWindows1252(tekst: string): Uint8Array {
  const uit = new Uint8Array(tekst.length);
  let n = 0;
  for (const teken of tekst) {
    const c = teken.codePointAt(0)!;
    const hoog = CP1252_80_9F.indexOf(c);
    if (hoog >= 0) uit[n++] = 0x80 + hoog;
    else if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) uit[n++] = c;
    else throw new Error(`Teken '${teken}' bestaat niet in Windows-1252`);
  }
  return uit.slice(0, n);
}
