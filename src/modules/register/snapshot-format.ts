/**
 * The register snapshot shipped in data/register: one gzip'd CSV per table (UTF-8, LF, comma, RFC 4180 quoting;
 * columns as in tabellen.ts) plus manifest.json. Built by scripts/build-register-snapshot.ts from the DUO/CBS files
 * with the same reader as `passend import-duo`; loaded by importRegisterSnapshot on a fresh database.
 *
 * Deterministic: rows are sorted by key, gzip runs without timestamp, and the manifest's date is that of the newest
 * input file, so building twice from the same inputs gives identical bytes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseDsv, schrijfCsv, type CsvWaarde } from './rules/csv.js';
import { bouwRegister, type DuoBestandSoort } from './duo.js';
import { leesBestand, vindCsvBestanden } from './bestanden.js';
import { TABEL_SPECS, type KolomSpec, type TabelSpec } from './tabellen.js';
import { REGISTER_TABELLEN, type Afwijzing, type RegisterData, type RegisterTabel } from './types.js';

export const SNAPSHOT_FORMAT = 1;

/** manifest.json of a snapshot. */
export interface SnapshotManifest {
  format: number;
  /**
   * Short digest of the input files' sha256 values: identifies the inputs without depending on the clock or on
   * file modification times (a fresh copy of the shared data must rebuild byte-identical files).
   */
  sourcesDigest: string;
  builtBy: string;
  sources: { file: string; kind: DuoBestandSoort; bytes: number; sha256: string; rows: number }[];
  files: { file: string; table: RegisterTabel; columns: string[]; rows: number; bytes: number; sha256: string }[];
  rejected: Afwijzing[];
  notes: string[];
}

/** Rows of each table, keyed as in the row types. */
type Rijen = Record<RegisterTabel, Record<string, unknown>[]>;

function alsRijen(data: RegisterData): Rijen {
  return {
    swv: (data.swvs ?? []) as unknown as Record<string, unknown>[],
    bestuur: data.besturen as unknown as Record<string, unknown>[],
    pc4: (data.pc4s ?? []) as unknown as Record<string, unknown>[],
    vestiging: data.vestigingen as unknown as Record<string, unknown>[],
    vestiging_leerlingen: data.leerlingen as unknown as Record<string, unknown>[],
  };
}

function naarCsv(spec: TabelSpec, rijen: Record<string, unknown>[]): string {
  const regels: CsvWaarde[][] = [spec.kolommen.map((k) => k.kolom)];
  for (const r of rijen) regels.push(spec.kolommen.map((k) => r[k.veld] as CsvWaarde));
  return schrijfCsv(regels);
}

function leesWaarde(k: KolomSpec, tekst: string, bestand: string, regel: number): unknown {
  if (tekst === '') return k.type === 'bool' ? false : null;
  switch (k.type) {
    case 'text':
      return tekst;
    case 'bool':
      if (tekst === 'true' || tekst === 'false') return tekst === 'true';
      break;
    case 'int4':
      if (/^-?\d+$/.test(tekst)) return Number(tekst);
      break;
    case 'float8': {
      const n = Number(tekst);
      if (Number.isFinite(n)) return n;
      break;
    }
  }
  throw new Error(`${bestand} regel ${regel}: '${tekst}' is geen geldige waarde voor ${k.kolom} (${k.type})`);
}

function uitCsv(spec: TabelSpec, tekst: string): Record<string, unknown>[] {
  const records = parseDsv(tekst, ',');
  const kop = records.shift()?.velden ?? [];
  const verwacht = spec.kolommen.map((k) => k.kolom);
  if (kop.join(',') !== verwacht.join(',')) {
    throw new Error(`${spec.bestand}: kolommen ${kop.join(',')} wijken af van ${verwacht.join(',')}`);
  }
  return records.map((r) => {
    if (r.velden.length !== verwacht.length) throw new Error(`${spec.bestand} regel ${r.regel}: ${r.velden.length} velden`);
    const rij: Record<string, unknown> = {};
    spec.kolommen.forEach((k, i) => (rij[k.veld] = leesWaarde(k, r.velden[i]!, spec.bestand, r.regel)));
    return rij;
  });
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** gzip without file name or timestamp in the header (both are left out by zlib.gzipSync), maximum compression. */
function gzip(tekst: string): Buffer {
  return zlib.gzipSync(Buffer.from(tekst, 'utf8'), { level: 9 });
}

/** What a snapshot build produced. */
export interface SnapshotBouw {
  manifest: SnapshotManifest;
  /** Absolute paths of the files written. */
  geschreven: string[];
}

/**
 * Builds the snapshot from a shared-data directory (with duo/ and geo/, or flat) into `uitDir`. Every recognised
 * DUO/CBS file is used; derived and unknown files are skipped (listed in the manifest notes).
 */
export function bouwSnapshot(bronDir: string, uitDir: string): SnapshotBouw {
  const gelezen = vindCsvBestanden(bronDir).map((rel) => leesBestand(bronDir, rel));
  const opbouw = bouwRegister(gelezen);
  const gebruikt = new Map(opbouw.gebruikt.map((g) => [g.bestand, g]));
  const bronnen = gelezen.filter((b) => gebruikt.has(b.naam));
  if (!bronnen.length) throw new Error(`Geen DUO- of CBS-bestanden gevonden in ${bronDir}`);

  fs.mkdirSync(uitDir, { recursive: true });
  const rijen = alsRijen(opbouw.data);
  const files: SnapshotManifest['files'] = [];
  const geschreven: string[] = [];
  for (const tabel of REGISTER_TABELLEN) {
    const spec = TABEL_SPECS[tabel];
    const inhoud = gzip(naarCsv(spec, rijen[tabel]));
    const pad = path.join(uitDir, spec.bestand);
    fs.writeFileSync(pad, inhoud);
    geschreven.push(pad);
    files.push({
      file: spec.bestand,
      table: tabel,
      columns: spec.kolommen.map((k) => k.kolom),
      rows: rijen[tabel].length,
      bytes: inhoud.length,
      sha256: sha256(inhoud),
    });
  }
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    sourcesDigest: sha256(Buffer.from(bronnen.map((b) => b.sha256).sort().join('\n'))).slice(0, 16),
    builtBy: 'scripts/build-register-snapshot.ts',
    sources: bronnen.map((b) => ({
      file: b.naam,
      kind: gebruikt.get(b.naam)!.soort,
      bytes: b.bytes,
      sha256: b.sha256,
      rows: gebruikt.get(b.naam)!.rijen,
    })),
    files,
    rejected: opbouw.afgewezen,
    notes: opbouw.opmerkingen,
  };
  const manifestPad = path.join(uitDir, 'manifest.json');
  fs.writeFileSync(manifestPad, `${JSON.stringify(manifest, null, 2)}\n`);
  geschreven.push(manifestPad);
  const leesMij = path.join(uitDir, 'README.md');
  fs.writeFileSync(leesMij, leesMijTekst(manifest));
  geschreven.push(leesMij);
  return { manifest, geschreven };
}

/** README.md beside the snapshot: what it is, where it comes from, and the attribution CBS's licence asks for. */
function leesMijTekst(m: SnapshotManifest): string {
  const tabel = m.files.map((f) => `| ${f.file} | ${f.rows} | ${f.columns.join(', ')} |`).join('\n');
  const bronnen = m.sources.map((s) => `- \`${s.file}\` (${s.kind}, ${s.rows} rijen, sha256 ${s.sha256.slice(0, 12)}…)`).join('\n');
  return `# Registersnapshot (gegenereerd)

Het DUO-register van scholen, besturen, samenwerkingsverbanden en postcodegebieden dat Passend bij de eerste start
inleest. Gemaakt met \`npx tsx scripts/build-register-snapshot.ts\` uit de bronbestanden hieronder (kenmerk ${m.sourcesDigest});
niet met de hand wijzigen (manifest.json bevat de sha256 van elk bestand en de import controleert die).

| bestand | rijen | kolommen |
| --- | ---: | --- |
${tabel}

CSV: UTF-8, LF, komma, aanhalingstekens volgens RFC 4180, gzip. Een leeg veld is NULL. \`is_klein = true\` betekent
dat DUO \`<5\` publiceerde (1 tot 4 leerlingen); \`aantal\` is dan leeg. Namen van samenwerkingsverbanden zijn
afgeleid uit de gemeenten van hun gebied (DUO publiceert ze niet in deze bestanden); namen van besturen ontbreken.

Bronnen:
${bronnen}

Licentie: DUO open onderwijsdata (CC-0) en de Regeling regio-indeling samenwerkingsverbanden passend onderwijs
(wettelijke regeling, geen auteursrecht). Coördinaten en namen van postcodegebieden: Bron: CBS (CC BY 4.0).
Geocodering van de schooladressen: EduGIS op basis van de BAG (CC-0).
`;
}

/** A snapshot read from disk. */
export interface GelezenSnapshot {
  manifest: SnapshotManifest;
  data: Required<RegisterData>;
}

/**
 * Reads a snapshot directory: checks the manifest format and each file's sha256 (a damaged or hand-edited snapshot
 * is refused rather than half-imported), then parses the CSVs.
 */
export function leesSnapshot(dir: string): GelezenSnapshot {
  const manifestPad = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPad)) throw new Error(`Geen registersnapshot gevonden: ${manifestPad} ontbreekt`);
  const manifest = JSON.parse(fs.readFileSync(manifestPad, 'utf8')) as SnapshotManifest;
  if (manifest.format !== SNAPSHOT_FORMAT) {
    throw new Error(`Registersnapshot heeft formaat ${manifest.format}; deze versie van Passend leest formaat ${SNAPSHOT_FORMAT}`);
  }
  const rijen = {} as Rijen;
  for (const tabel of REGISTER_TABELLEN) {
    const spec = TABEL_SPECS[tabel];
    const inhoud = fs.readFileSync(path.join(dir, spec.bestand));
    const vermeld = manifest.files.find((f) => f.file === spec.bestand);
    if (!vermeld || vermeld.sha256 !== sha256(inhoud)) {
      throw new Error(`Registersnapshot ${spec.bestand} is beschadigd of gewijzigd (sha256 klopt niet met manifest.json)`);
    }
    rijen[tabel] = uitCsv(spec, zlib.gunzipSync(inhoud).toString('utf8'));
  }
  return {
    manifest,
    data: {
      swvs: rijen.swv as never,
      besturen: rijen.bestuur as never,
      pc4s: rijen.pc4 as never,
      vestigingen: rijen.vestiging as never,
      leerlingen: rijen.vestiging_leerlingen as never,
    },
  };
}
