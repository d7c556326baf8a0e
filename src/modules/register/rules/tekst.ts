/**
 * Decoding text files as DUO and CBS publish them.
 *
 * Source: DUO open onderwijsdata CSV downloads are Windows-1252 (CP1252) with CRLF line ends; some newer downloads
 * and our own copies are UTF-8, sometimes with a byte-order mark (BOM). A file is only CP1252 when it is not valid
 * UTF-8: real CP1252 text with accents (é = 0xE9 followed by ASCII) is never valid UTF-8, so the test is safe.
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
      tekst = new TextDecoder('windows-1252').decode(buffer);
      codering = 'windows-1252';
    }
  }
  return { tekst: tekst.replace(/\r\n?/g, '\n'), codering };
}

/** Encodes text as Windows-1252 (for test fixtures that must look like DUO's originals). Throws on unmappable characters. */
export function codeerWindows1252(tekst: string): Uint8Array {
  const terug = new Map<string, number>();
  const decoder = new TextDecoder('windows-1252');
  for (let b = 0; b < 256; b++) terug.set(decoder.decode(Uint8Array.of(b)), b);
  const uit: number[] = [];
  for (const teken of tekst) {
    const b = terug.get(teken);
    if (b === undefined) throw new Error(`Teken '${teken}' bestaat niet in Windows-1252`);
    uit.push(b);
  }
  return Uint8Array.from(uit);
}
