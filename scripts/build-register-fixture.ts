/**
 * Builds the small DUO test directory test/register/fixtures/duo-map from the real files: a few rows of each,
 * written back as DUO publishes them (Windows-1252, CRLF), with a handful of deliberate faults for the import
 * report. The faults are listed in test/register/fixtures/README.md; the test asserts exactly those.
 *
 *   npx tsx scripts/build-register-fixture.ts [sharedDataDir=../shared/data]
 *
 * Run it only to change the fixture; the test reads the committed files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeerWindows1252 } from '../src/modules/register/rules/tekst.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bron = path.resolve(process.argv[2] ?? path.join(repo, '..', 'shared', 'data'));
const doel = path.join(repo, 'test', 'register', 'fixtures', 'duo-map');

/** Header plus the lines whose key (text before the n-th separator) is wanted, in the order asked. */
function kies(rel: string, sleutel: (regel: string) => string, wil: string[]): string[] {
  const regels = fs.readFileSync(path.join(bron, rel), 'utf8').split(/\r?\n/).filter((r) => r !== '');
  const uit = [regels[0]!];
  for (const w of wil) {
    const gevonden = regels.slice(1).filter((r) => sleutel(r) === w);
    if (!gevonden.length) throw new Error(`${rel}: geen regel voor ${w}`);
    uit.push(...gevonden);
  }
  return uit;
}

function schrijf(rel: string, regels: string[], codering: 'cp1252' | 'utf8' = 'cp1252') {
  const pad = path.join(doel, rel);
  fs.mkdirSync(path.dirname(pad), { recursive: true });
  const tekst = regels.map((r) => `${r}\r\n`).join('');
  fs.writeFileSync(pad, codering === 'cp1252' ? codeerWindows1252(tekst) : tekst);
}

const veld = (sep: string, ...i: number[]) => (r: string) => i.map((n) => r.split(sep)[n]).join('');
const vervang = (r: string, sep: string, i: number, waarde: string) => {
  const v = r.split(sep);
  v[i] = waarde;
  return v.join(sep);
};

fs.rmSync(doel, { recursive: true, force: true });

// Regio-indeling: real rows, then a bad PC4 and an unknown SWV code (letter O in PO27O7).
const regio = kies('duo/swv_regio_indeling_pc4_2015.csv', veld(',', 0), ['1013', '2727', '3079', '3197', '3198', '3199', '3705', '8031', '9306', '9514', '3704']);
regio[regio.length - 1] = vervang(regio[regio.length - 1]!, ',', 2, 'PO27O7');
regio.push('37AB,Zeist,PO2603,VO2604');
schrijf('duo/swv_regio_indeling_pc4_2015.csv', regio);

schrijf('geo/pc4_centroids_cbs2020.csv', kies('geo/pc4_centroids_cbs2020.csv', veld(',', 0), ['1013', '2727', '3079', '3198', '3705', '5028', '8031', '9306', '9514']));

// Geocoded: 14YX00 twice (the known duplicate), a VO school, the VO0001 school, an sbo, two bao.
schrijf('duo/schoolvestigingen_geocoded_2024.csv', kies('duo/schoolvestigingen_geocoded_2024.csv', veld(',', 0), ['00BZ00', '00PG00', '05OC00', '08LE00', '14YX00', '30GC00']));

// DUO bo addresses: four real rows; 05OC00 keeps its CP1252 quote (’). Then three faulty copies.
const bo = kies('duo/bo_schoolvestigingen_adressen.csv', veld(';', 3), ['05OC00', '08LE00', '14YX00', '32JK00']);
const kopie = (code: string) => bo.find((r) => r.split(';')[3] === code)!;
bo.push(vervang(vervang(vervang(kopie('32JK00'), ';', 3, '32JK01'), ';', 7, '93O6 TC'), ';', 4, 'Kopie met foute postcode'));
bo.push(vervang(vervang(kopie('08LE00'), ';', 2, ''), ';', 3, ''));
bo.push(vervang(vervang(vervang(kopie('08LE00'), ';', 3, '08LE01'), ';', 7, '3198 LB'), ';', 4, 'Kopie in Europoort'));
schrijf('duo/bo_schoolvestigingen_adressen.csv', bo);

schrijf('duo/vo_vestigingen_adressen_2020.csv', kies('duo/vo_vestigingen_adressen_2020.csv', veld(';', 3), ['00PG00', '30GC00']));

// Historical PO counts: 00BZ00 has `<5` in 1996; 00GU00 has closed (0 in 2025).
schrijf('duo/po_leerlingen_historisch_per_vestiging_1996_2025.csv',
  kies('duo/po_leerlingen_historisch_per_vestiging_1996_2025.csv', veld(';', 1), ['00BZ00', '00GU00', '05OC00', '08LE00', '14YX00', '32JK00']));

schrijf('duo/vo_leerlingen_per_vestiging_onderwijstype_2019.csv',
  kies('duo/vo_leerlingen_per_vestiging_onderwijstype_2019.csv', veld(';', 0, 1), ['00PG00', '30GC00']));

// vsv 2015 (VO-SWV membership): the VO0001 school, the Amsterdam school, and an SWV code that does not exist.
const vsv = kies('duo/vo_vestigingen_per_swv_vsv_2015.csv', veld(';', 1, 2), ['00PG00', '30GC00']);
vsv.push(vervang(vsv[2]!, ';', 0, 'VO9999').replace(';30GC;00;', ';30GC;01;'));
// This one is UTF-8 with LF, as some newer DUO downloads are: the importer must take both in one directory.
fs.mkdirSync(path.join(doel, 'duo'), { recursive: true });
fs.writeFileSync(path.join(doel, 'duo/vo_vestigingen_per_swv_vsv_2015.csv'), vsv.map((r) => `${r}\n`).join(''));

console.log(`Fixture geschreven in ${doel}`);
