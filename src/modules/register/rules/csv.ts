/**
 * A small delimiter-separated-values reader and a CSV writer.
 *
 * Source: RFC 4180 (fields may be quoted with `"`, a quote inside is doubled, quoted fields may hold the separator
 * and line breaks). DUO's originals use `;` as separator (Dutch Excel); the snapshot in data/register uses `,`.
 * Input is expected with LF line ends (see decodeerTekst); a CR before LF is tolerated.
 */

/** One record and the line (1-based) on which it starts in the file, for error reports. */
export interface DsvRecord {
  regel: number;
  velden: string[];
}

/**
 * Parses DSV text into records. Completely empty lines are skipped (trailing newline, blank lines at the end).
 * Lenient where DUO's exports are sloppy: text after a closing quote is kept, an unterminated quote runs to the end.
 */
export function parseDsv(tekst: string, scheiding: string): DsvRecord[] {
  if (scheiding.length !== 1 || scheiding === '"' || scheiding === '\n' || scheiding === '\r') {
    throw new Error(`Ongeldig scheidingsteken: ${JSON.stringify(scheiding)}`);
  }
  const records: DsvRecord[] = [];
  let velden: string[] = [];
  let veld = '';
  let regel = 1;
  let startRegel = 1;
  let isLeegRecord = true; // nothing seen yet on this record (to skip blank lines)
  let i = 0;
  const n = tekst.length;
  const sluitRecord = () => {
    velden.push(veld);
    if (!(isLeegRecord && velden.length === 1 && veld === '')) records.push({ regel: startRegel, velden });
    velden = [];
    veld = '';
    isLeegRecord = true;
  };
  while (i < n) {
    const c = tekst[i]!;
    if (isLeegRecord) startRegel = regel;
    if (c === '"' && veld === '' ) {
      // Quoted field: runs to the next quote that is not doubled.
      isLeegRecord = false;
      i++;
      let stuk = '';
      while (i < n) {
        const q = tekst[i]!;
        if (q === '"') {
          if (tekst[i + 1] === '"') {
            stuk += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') regel++;
        stuk += q;
        i++;
      }
      veld += stuk;
      continue;
    }
    if (c === scheiding) {
      isLeegRecord = false;
      velden.push(veld);
      veld = '';
      i++;
      continue;
    }
    if (c === '\n' || (c === '\r' && tekst[i + 1] === '\n')) {
      i += c === '\r' ? 2 : 1;
      sluitRecord();
      regel++;
      continue;
    }
    isLeegRecord = false;
    veld += c;
    i++;
  }
  if (!isLeegRecord || veld !== '' || velden.length > 0) sluitRecord();
  return records;
}

/** A value the writer accepts: null and undefined become an empty field. */
export type CsvWaarde = string | number | boolean | null | undefined;

function csvVeld(waarde: CsvWaarde): string {
  if (waarde === null || waarde === undefined) return '';
  const tekst = typeof waarde === 'string' ? waarde : String(waarde);
  // Quote when the reader would otherwise split or lose it (RFC 4180 §2.6–2.7).
  return /[",\r\n]/.test(tekst) ? `"${tekst.replaceAll('"', '""')}"` : tekst;
}

/**
 * Writes rows as CSV: comma-separated, LF line ends, a final LF, RFC 4180 quoting only where needed. A row that is
 * one empty field is written as `""` so that the reader (which skips blank lines) keeps it.
 */
export function schrijfCsv(rijen: readonly (readonly CsvWaarde[])[]): string {
  let uit = '';
  for (const rij of rijen) {
    const regel = rij.map(csvVeld).join(',');
    uit += (regel === '' ? '""' : regel) + '\n';
  }
  return uit;
}
