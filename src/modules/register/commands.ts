/**
 * Use cases of the register: load the shipped snapshot (on an empty database at start) and import DUO/CBS files as
 * published (`passend import-duo <map>`). Both upsert idempotently, record the run in register_import and return the
 * same report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Executor, Tx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { bouwRegister } from './duo.js';
import { leesBestand, vindCsvBestanden } from './bestanden.js';
import { leesSnapshot } from './snapshot-format.js';
import { TABEL_SPECS } from './tabellen.js';
import {
  finishRegisterImport,
  isRegisterLeeg,
  leesRegisterContext,
  startRegisterImport,
  upsertRegisterRijen,
} from './store.js';
import {
  REGISTER_TABELLEN,
  type Afwijzing,
  type ImportRapport,
  type ImportVoortgang,
  type RegisterData,
  type RegisterTabel,
  type Telling,
} from './types.js';

/** The snapshot shipped with the app (data/register at the repository root). */
export const SNAPSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/register');

/** Where an import writes: a Database (its owner handle) or, in tests, an owner transaction that is rolled back. */
export interface RegisterDoel {
  readonly owner: Executor;
}

export interface ImportOpties {
  onProgress?: (voortgang: ImportVoortgang) => void;
}

const STAP: Record<RegisterTabel, string> = {
  swv: 'samenwerkingsverbanden',
  bestuur: 'besturen',
  pc4: 'postcodegebieden',
  vestiging: 'vestigingen',
  vestiging_leerlingen: 'leerlingen',
};

function leegPerTabel(): Record<RegisterTabel, Telling> {
  return Object.fromEntries(REGISTER_TABELLEN.map((t) => [t, { ingevoegd: 0, bijgewerkt: 0, ongewijzigd: 0 }])) as Record<
    RegisterTabel,
    Telling
  >;
}

/** Runs `fn` in a transaction (a savepoint when `ex` already is one), so an import lands whole or not at all. */
function inTransactie<T>(ex: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return (ex as Db).transaction((tx) => fn(tx as unknown as Tx));
}

async function schrijf(tx: Tx, data: RegisterData, onProgress?: ImportOpties['onProgress']) {
  const perTabel = leegPerTabel();
  const rijen: Record<RegisterTabel, readonly object[] | undefined> = {
    swv: data.swvs,
    bestuur: data.besturen,
    pc4: data.pc4s,
    vestiging: data.vestigingen,
    vestiging_leerlingen: data.leerlingen,
  };
  for (const tabel of REGISTER_TABELLEN) {
    const lijst = rijen[tabel];
    if (!lijst?.length) continue;
    onProgress?.({ stap: STAP[tabel], gedaan: 0, totaal: lijst.length });
    perTabel[tabel] = await upsertRegisterRijen(tx, tabel, lijst, (gedaan, totaal) =>
      onProgress?.({ stap: STAP[tabel], gedaan, totaal }),
    );
  }
  return perTabel;
}

function rapport(
  soort: ImportRapport['soort'],
  bron: string,
  bestanden: string[],
  perTabel: Record<RegisterTabel, Telling>,
  afgewezen: Afwijzing[],
  opmerkingen: string[],
  start: number,
): ImportRapport {
  const som = (k: keyof Telling) => REGISTER_TABELLEN.reduce((n, t) => n + perTabel[t][k], 0);
  return {
    soort,
    bron,
    bestanden,
    ingevoegd: som('ingevoegd'),
    bijgewerkt: som('bijgewerkt'),
    ongewijzigd: som('ongewijzigd'),
    afgewezen,
    perTabel,
    opmerkingen,
    duurMs: Math.round(performance.now() - start),
  };
}

/** Records the run; the summary is JSON so a beheerder page can show it without parsing Dutch. */
function samenvatting(r: ImportRapport): string {
  return JSON.stringify({
    soort: r.soort,
    bestanden: r.bestanden,
    ingevoegd: r.ingevoegd,
    bijgewerkt: r.bijgewerkt,
    ongewijzigd: r.ongewijzigd,
    afgewezen: r.afgewezen.length,
    perTabel: r.perTabel,
    duurMs: r.duurMs,
  });
}

async function metImportRecord(doel: RegisterDoel, bron: string, fn: () => Promise<ImportRapport>): Promise<ImportRapport> {
  const id = await startRegisterImport(doel.owner, bron);
  try {
    const r = await fn();
    await finishRegisterImport(doel.owner, id, samenvatting(r));
    return r;
  } catch (err) {
    await finishRegisterImport(doel.owner, id, JSON.stringify({ mislukt: (err as Error).message })).catch(() => {});
    throw err;
  }
}

/**
 * Loads the register snapshot (data/register) into the database: SWVs, boards, PC4 areas, vestigingen and pupil
 * counts. Idempotent: a second run reports everything `ongewijzigd`. Called by `npm start` on an empty database.
 * @throws Error when the snapshot is missing, of another format, or damaged (sha256 differs from the manifest)
 */
export async function importRegisterSnapshot(
  database: RegisterDoel,
  { dir = SNAPSHOT_DIR, onProgress }: ImportOpties & { dir?: string } = {},
): Promise<ImportRapport> {
  const start = performance.now();
  onProgress?.({ stap: 'lezen', gedaan: 0, totaal: 1 });
  const { manifest, data } = leesSnapshot(dir);
  onProgress?.({ stap: 'lezen', gedaan: 1, totaal: 1 });
  return metImportRecord(database, `snapshot ${dir} (${manifest.sourcesDigest})`, async () => {
    const perTabel = await inTransactie(database.owner, (tx) => schrijf(tx, data, onProgress));
    const bestanden = ['manifest.json', ...REGISTER_TABELLEN.map((t) => TABEL_SPECS[t].bestand)];
    return rapport('snapshot', dir, bestanden, perTabel, [], [`Snapshot (kenmerk ${manifest.sourcesDigest}) uit ${manifest.sources.length} DUO/CBS-bestanden.`], start);
  });
}

/** Imports the snapshot when the register holds no vestiging yet; returns null when there was nothing to do. */
export async function ensureRegister(database: RegisterDoel, opties: ImportOpties & { dir?: string } = {}): Promise<ImportRapport | null> {
  if (!(await isRegisterLeeg(database.owner))) return null;
  return importRegisterSnapshot(database, opties);
}

/**
 * Imports DUO/CBS files as published from a directory (and its duo/ and geo/ subfolders): Windows-1252 or UTF-8,
 * CRLF or LF, `;` or `,`. Files are recognised by their columns; what the files do not say is kept from the
 * database. Rows that cannot be used are reported in `afgewezen` with a Dutch reason; the rest is imported in one
 * transaction. Idempotent.
 * @throws AppError('bad_request') when the directory does not exist or holds no recognisable file
 */
export async function importDuoDirectory(database: RegisterDoel, dir: string, { onProgress }: ImportOpties = {}): Promise<ImportRapport> {
  const start = performance.now();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError('bad_request', { detail: `De map ${dir} bestaat niet.` });
  }
  const namen = vindCsvBestanden(dir);
  const bestanden = namen.map((naam, i) => {
    onProgress?.({ stap: 'lezen', gedaan: i, totaal: namen.length });
    return leesBestand(dir, naam);
  });
  onProgress?.({ stap: 'lezen', gedaan: namen.length, totaal: namen.length });
  return metImportRecord(database, `duo ${path.resolve(dir)}`, () =>
    inTransactie(database.owner, async (tx) => {
      const context = await leesRegisterContext(tx);
      const opbouw = bouwRegister(bestanden, context);
      if (!opbouw.gebruikt.length) {
        throw new AppError('bad_request', {
          detail: `In ${dir} staat geen bestand dat Passend herkent (DUO-adressen, leerlingen, regio-indeling of PC4).`,
        });
      }
      const perTabel = await schrijf(tx, opbouw.data, onProgress);
      const codering = bestanden
        .filter((b) => opbouw.gebruikt.some((g) => g.bestand === b.naam) && b.codering === 'windows-1252')
        .map((b) => b.naam);
      const opmerkingen = [...opbouw.opmerkingen];
      if (codering.length) opmerkingen.unshift(`Gelezen als Windows-1252: ${codering.join(', ')}.`);
      return rapport('duo', dir, opbouw.gebruikt.map((g) => g.bestand), perTabel, opbouw.afgewezen, opmerkingen, start);
    }),
  );
}

const getal = (n: number) => n.toLocaleString('nl-NL');

/** At most this many rejected rows are listed; the rest is counted. */
const MAX_AFGEWEZEN_GETOOND = 50;

/** The report as plain Dutch text for the CLI. */
export function formatImportReport(r: ImportRapport): string {
  const regels: string[] = [];
  const wat = r.soort === 'snapshot' ? 'Registersnapshot' : 'DUO-bestanden';
  regels.push(`${wat} geïmporteerd uit ${r.bron} in ${(r.duurMs / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} s.`);
  regels.push(`Bestanden (${r.bestanden.length}): ${r.bestanden.join(', ')}`);
  regels.push(`Nieuw: ${getal(r.ingevoegd)} · bijgewerkt: ${getal(r.bijgewerkt)} · ongewijzigd: ${getal(r.ongewijzigd)} · afgewezen: ${getal(r.afgewezen.length)}`);
  for (const t of REGISTER_TABELLEN) {
    const p = r.perTabel[t];
    if (p.ingevoegd + p.bijgewerkt + p.ongewijzigd === 0) continue;
    regels.push(`  ${STAP[t].padEnd(24)} ${getal(p.ingevoegd).padStart(9)} nieuw ${getal(p.bijgewerkt).padStart(9)} bijgewerkt ${getal(p.ongewijzigd).padStart(9)} ongewijzigd`);
  }
  if (r.afgewezen.length) {
    regels.push(`Afgewezen regels (${getal(r.afgewezen.length)}):`);
    for (const a of r.afgewezen.slice(0, MAX_AFGEWEZEN_GETOOND)) {
      regels.push(`  ${a.bestand}${a.regel ? `, regel ${a.regel}` : ''}: ${a.reden}`);
    }
    if (r.afgewezen.length > MAX_AFGEWEZEN_GETOOND) regels.push(`  … en nog ${getal(r.afgewezen.length - MAX_AFGEWEZEN_GETOOND)}.`);
  }
  if (r.opmerkingen.length) {
    regels.push('Opmerkingen:');
    for (const o of r.opmerkingen) regels.push(`  - ${o}`);
  }
  return regels.join('\n');
}
