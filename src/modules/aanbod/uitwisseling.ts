/**
 * Export and import of an ondersteuningsaanbod version: JSON (the whole content, for moving an offer between
 * installations or keeping a copy) and CSV (only the domains, for schools that prefer to write in a spreadsheet).
 *
 * This is a file format, not a rule, so it lives outside rules/; it is still pure (no database, no web). Files come
 * from outside, so the readers never throw: every problem becomes one plain Dutch message naming the first fault.
 *
 * CSV: written by platform/http/csv.ts `toCsv` (UTF-8 with BOM, `;`, RFC 4180 quoting) so Dutch Excel opens it;
 * read by the register's `parseDsv` (RFC 4180). `toCsv` puts an apostrophe before a cell that starts with
 * = + - @ tab or CR, so a spreadsheet never runs it as a formula (CSV injection, OWASP "CSV Injection"). To make
 * export → import give back the exact text, the reader removes that apostrophe again, and the writer doubles an
 * apostrophe that the reader would otherwise mistake for the protective one (a text that itself starts with `'=`
 * or `''`). So a cell `'=x` in a hand-made file is read as `=x`: harmless, we only store it as text.
 */
import { z } from 'zod';
import { toCsv } from '../../platform/http/csv.js';
import { parseDsv } from '../register/rules/csv.js';
import { DOMEIN_CODES, DOMEINEN, NIVEAU_CODES, NIVEAUS, VOORZIENING_CODES, type DomeinCode, type Niveau } from './rules/domeinen.js';
import type { AanbodInhoud, BasisBevestiging, DomeinAanbod } from './rules/typen.js';

/** Marks our JSON files; a later incompatible format gets /2. */
export const JSON_FORMAAT = 'passend-ondersteuningsaanbod/1';
/** Longest free text we accept in any field. */
export const MAX_TEKST_TEKENS = 4000;
/** Most basisondersteuning items one version can hold (SWV lists have tens, not hundreds). */
export const MAX_BASIS_ONDERDELEN = 200;
/** Longest code of a basisondersteuning item. */
export const MAX_CODE_TEKENS = 100;
/** Largest file we read, in characters; a real offer is far smaller, this keeps a stray upload cheap. */
export const MAX_BESTAND_TEKENS = 5_000_000;

/** The version details exported beside the content. */
export interface ExportMeta {
  vestigingCode: string;
  vestigingNaam: string;
  schooljaar: string;
  volgnummer: number;
  status: string;
  vastgesteldOp: string | null;
  mrAdvies: string | null;
  mrAdviesDatum: string | null;
}

function domeinNaarJson(d: DomeinAanbod): DomeinAanbod {
  return { domein: d.domein, niveau: d.niveau, watWijDoen: d.watWijDoen, expertise: d.expertise, grenzen: d.grenzen };
}

function basisNaarJson(b: BasisBevestiging): BasisBevestiging {
  return { code: b.code, domein: b.domein, omschrijving: b.omschrijving, geboden: b.geboden };
}

/** The content with its keys in a fixed order (and nothing else), so two exports of one version are identical. */
function inhoudNaarJson(inhoud: AanbodInhoud): AanbodInhoud {
  return {
    toelichting: inhoud.toelichting,
    contactNaam: inhoud.contactNaam,
    contactEmail: inhoud.contactEmail,
    contactTelefoon: inhoud.contactTelefoon,
    domeinen: inhoud.domeinen.map(domeinNaarJson),
    voorzieningen: [...inhoud.voorzieningen],
    voorzieningenToelichting: inhoud.voorzieningenToelichting,
    basisOnderdelen: inhoud.basisOnderdelen.map(basisNaarJson),
    basisToelichting: inhoud.basisToelichting,
  };
}

/** The JSON export of a version: `{ formaat, vestigingCode, …, inhoud }`, keys always in this order. */
export function naarJson(meta: ExportMeta, inhoud: AanbodInhoud): object {
  return {
    formaat: JSON_FORMAAT,
    vestigingCode: meta.vestigingCode,
    vestigingNaam: meta.vestigingNaam,
    schooljaar: meta.schooljaar,
    volgnummer: meta.volgnummer,
    status: meta.status,
    vastgesteldOp: meta.vastgesteldOp,
    mrAdvies: meta.mrAdvies,
    mrAdviesDatum: meta.mrAdviesDatum,
    inhoud: inhoudNaarJson(inhoud),
  };
}

const tekst = z.string().max(MAX_TEKST_TEKENS);

const domeinAanbodSchema = z.strictObject({
  domein: z.enum(DOMEIN_CODES),
  niveau: z.enum(NIVEAU_CODES),
  watWijDoen: tekst.default(''),
  expertise: tekst.default(''),
  grenzen: tekst.default(''),
});

const basisSchema = z.strictObject({
  code: z.string().min(1).max(MAX_CODE_TEKENS),
  domein: z.enum(DOMEIN_CODES),
  omschrijving: tekst,
  geboden: z.boolean().nullable().default(null),
});

const inhoudSchema = z.strictObject({
  toelichting: tekst.default(''),
  contactNaam: tekst.default(''),
  contactEmail: tekst.default(''),
  contactTelefoon: tekst.default(''),
  domeinen: z
    .array(domeinAanbodSchema)
    .max(DOMEIN_CODES.length)
    .superRefine((lijst, ctx) => {
      const eerder = new Map<string, number>();
      lijst.forEach((d, i) => {
        const j = eerder.get(d.domein);
        if (j !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'domein'],
            message: `Het onderwerp van ondersteuning '${d.domein}' staat twee keer in domeinen (domeinen[${j}] en domeinen[${i}]).`,
          });
        } else eerder.set(d.domein, i);
      });
    })
    .default([]),
  // A facility listed twice is harmless: keep it once.
  voorzieningen: z
    .array(z.enum(VOORZIENING_CODES))
    .max(VOORZIENING_CODES.length * 4)
    .transform((lijst) => [...new Set(lijst)])
    .default([]),
  voorzieningenToelichting: tekst.default(''),
  basisOnderdelen: z
    .array(basisSchema)
    .max(MAX_BASIS_ONDERDELEN)
    .superRefine((lijst, ctx) => {
      // Codes identify an item when next year's list is compared (rules/versie.ts kopieerInhoud).
      const eerder = new Map<string, number>();
      lijst.forEach((b, i) => {
        const j = eerder.get(b.code);
        if (j !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'code'],
            message: `De code '${b.code.slice(0, 40)}' staat twee keer in basisOnderdelen (basisOnderdelen[${j}] en basisOnderdelen[${i}]).`,
          });
        } else eerder.set(b.code, i);
      });
    })
    .default([]),
  basisToelichting: tekst.default(''),
});

const bestandSchema = z.object({ formaat: z.unknown().optional(), inhoud: inhoudSchema });

/** A value from the file, short and safe to put in a message (never calls a method of the value). */
function toonWaarde(w: unknown): string {
  if (typeof w === 'string') return `'${w.length > 40 ? `${w.slice(0, 40)}…` : w}'`;
  if (typeof w === 'number' || typeof w === 'boolean') return `'${String(w)}'`;
  if (w === null) return 'null';
  if (Array.isArray(w)) return 'een lijst';
  return typeof w === 'object' ? 'een object' : 'een onbekende waarde';
}

/** `['inhoud', 'domeinen', 2, 'domein']` → `domeinen[2].domein` (JSON notation; lists count from 0). */
function toonPad(pad: readonly PropertyKey[]): string {
  const delen = pad.length > 1 && pad[0] === 'inhoud' ? pad.slice(1) : pad;
  let uit = '';
  for (const deel of delen) {
    if (typeof deel === 'number') uit += `[${deel}]`;
    else uit += uit === '' ? String(deel) : `.${String(deel)}`;
  }
  return uit === '' ? 'het bestand' : uit;
}

const VERWACHT: Record<string, string> = {
  string: 'een tekst',
  array: 'een lijst',
  object: 'een object',
  boolean: 'true, false of null',
  number: 'een getal',
};

/** The first zod issue in plain Dutch. */
function beschrijfProbleem(issue: z.core.$ZodIssue): string {
  const pad = issue.path;
  const laatste = pad[pad.length - 1];
  const ouder = pad.slice(0, -1);
  switch (issue.code) {
    case 'invalid_value':
      if (laatste === 'domein') return `Onbekend onderwerp van ondersteuning ${toonWaarde(issue.input)} in ${toonPad(ouder)}.`;
      if (laatste === 'niveau') {
        return `Onbekend niveau ${toonWaarde(issue.input)} in ${toonPad(ouder)}. Kies ${NIVEAU_CODES.join(', ')}.`;
      }
      if (ouder[ouder.length - 1] === 'voorzieningen') return `Onbekende voorziening ${toonWaarde(issue.input)} in ${toonPad(pad)}.`;
      return `Ongeldige waarde ${toonWaarde(issue.input)} in ${toonPad(pad)}.`;
    case 'invalid_type':
      if (issue.input === undefined) return `Het veld ${toonPad(pad)} ontbreekt.`;
      return `Het veld ${toonPad(pad)} moet ${VERWACHT[issue.expected] ?? `van het soort ${issue.expected}`} zijn, niet ${toonWaarde(issue.input)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `De tekst in ${toonPad(pad)} is te lang: hoogstens ${String(issue.maximum)} tekens.`;
      return `In ${toonPad(pad)} staan te veel onderdelen: hoogstens ${String(issue.maximum)}.`;
    case 'too_small':
      return `Het veld ${toonPad(pad)} is leeg.`;
    case 'unrecognized_keys':
      return `Onbekend veld '${(issue.keys[0] ?? '').slice(0, 40)}' in ${pad.length === 0 ? 'het bestand' : toonPad(pad)}.`;
    case 'custom':
      return issue.message;
    default:
      return `Ongeldige waarde in ${toonPad(pad)}.`;
  }
}

/**
 * Reads a JSON export (naarJson's output, or just `{ "inhoud": … }`). Missing text fields and lists count as
 * empty; unknown fields inside `inhoud` are refused (a typo would otherwise silently lose text). Never throws.
 */
export function leesJson(tekstInvoer: string): { ok: true; inhoud: AanbodInhoud } | { ok: false; fout: string } {
  try {
    if (typeof tekstInvoer !== 'string') return { ok: false, fout: 'Het bestand is geen tekst.' };
    if (tekstInvoer.length > MAX_BESTAND_TEKENS) return { ok: false, fout: 'Het bestand is te groot.' };
    let data: unknown;
    try {
      data = JSON.parse(tekstInvoer.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, fout: 'Dit is geen geldig JSON-bestand.' };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return { ok: false, fout: "Het bestand bevat geen ondersteuningsaanbod: verwacht een object met 'inhoud'." };
    }
    const formaat = (data as Record<string, unknown>).formaat;
    if (formaat !== undefined && formaat !== JSON_FORMAAT) {
      return { ok: false, fout: `Onbekend formaat ${toonWaarde(formaat)}; verwacht '${JSON_FORMAAT}'.` };
    }
    const r = bestandSchema.safeParse(data, { reportInput: true });
    if (!r.success) {
      const eerste = r.error.issues[0];
      return { ok: false, fout: eerste ? beschrijfProbleem(eerste) : 'Het bestand bevat een fout.' };
    }
    return { ok: true, inhoud: inhoudNaarJson(r.data.inhoud) };
  } catch {
    // Input from outside must never crash the request; the checks above cover every case we know.
    return { ok: false, fout: 'Het bestand kon niet worden gelezen.' };
  }
}

/** CSV columns, in order. */
export const CSV_KOLOMMEN = ['domein', 'niveau', 'wat_wij_doen', 'expertise', 'grenzen'] as const;

/** The cells toCsv protects with an apostrophe — keep in step with platform/http/csv.ts. */
const ZOU_BESCHERMD_WORDEN = /^'[=+\-@\t\r']/;

/** Doubles a leading apostrophe the reader would otherwise take for toCsv's protection (see the top). */
function beschermTekst(s: string): string {
  return ZOU_BESCHERMD_WORDEN.test(s) ? `'${s}` : s;
}

/** Removes the protective apostrophe that toCsv (or beschermTekst) put in front. */
function herstelTekst(s: string): string {
  return ZOU_BESCHERMD_WORDEN.test(s) ? s.slice(1) : s;
}

/** The domains as CSV (header + one row per domain), codes for domain and level, for Dutch Excel. */
export function naarCsv(domeinen: DomeinAanbod[]): string {
  return toCsv(
    [...CSV_KOLOMMEN],
    domeinen.map((d) => [d.domein, d.niveau, beschermTekst(d.watWijDoen), beschermTekst(d.expertise), beschermTekst(d.grenzen)]),
  );
}

function sleutel(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, '_');
}

const DOMEIN_OP_NAAM = new Map<string, DomeinCode>();
for (const code of DOMEIN_CODES) {
  DOMEIN_OP_NAAM.set(code, code);
  DOMEIN_OP_NAAM.set(DOMEINEN[code].label.toLowerCase(), code);
}

const NIVEAU_OP_NAAM = new Map<string, Niveau>();
for (const code of NIVEAU_CODES) {
  NIVEAU_OP_NAAM.set(code, code);
  NIVEAU_OP_NAAM.set(NIVEAUS[code].label.toLowerCase(), code);
}

const TOEGESTANE_SCHEIDING = new Set([';', ',', '\t', '|']);

/**
 * Reads the domains from CSV: `;` (Dutch Excel) or `,` separated (Excel's `sep=;` first line is understood too),
 * with or without a UTF-8 BOM. The header row is required and holds the column names of CSV_KOLOMMEN in any order
 * and case (`wat wij doen` also works). Domain and level may be a code or the Dutch label. Rows that are entirely
 * empty are skipped. Texts are kept exactly as written. Row numbers in messages count like a spreadsheet: the header
 * is row 1. Never throws.
 */
export function leesCsv(tekstInvoer: string): { ok: true; domeinen: DomeinAanbod[] } | { ok: false; fout: string } {
  try {
    if (typeof tekstInvoer !== 'string') return { ok: false, fout: 'Het bestand is geen tekst.' };
    if (tekstInvoer.length > MAX_BESTAND_TEKENS) return { ok: false, fout: 'Het bestand is te groot.' };
    let tekst = tekstInvoer.replace(/^\uFEFF/, '');
    let rijOffset = 1;
    let scheiding: string | null = null;
    const sep = /^sep=(.)\r?\n/i.exec(tekst);
    if (sep) {
      scheiding = sep[1]!;
      if (!TOEGESTANE_SCHEIDING.has(scheiding)) return { ok: false, fout: `Onbekend scheidingsteken '${scheiding}' in de eerste regel.` };
      tekst = tekst.slice(sep[0].length);
      rijOffset = 2;
    }
    const regeleinde = tekst.indexOf('\n');
    const eersteRegel = regeleinde === -1 ? tekst : tekst.slice(0, regeleinde);
    if (scheiding === null) {
      const puntkomma = eersteRegel.split(';').length - 1;
      const komma = eersteRegel.split(',').length - 1;
      scheiding = puntkomma >= komma ? ';' : ',';
    }
    const records = parseDsv(tekst, scheiding);
    const kop = records[0];
    if (!kop) return { ok: false, fout: `Het bestand is leeg. De eerste rij moet de kolomnamen bevatten: ${CSV_KOLOMMEN.join(', ')}.` };

    // Map each known column to its position; columns without a name are ignored (Excel's empty trailing columns).
    const positie = new Map<string, number>();
    for (const [i, naam] of kop.velden.entries()) {
      const s = sleutel(naam);
      if (s === '') continue;
      if (!(CSV_KOLOMMEN as readonly string[]).includes(s)) {
        return { ok: false, fout: `Onbekende kolom '${naam.trim().slice(0, 40)}' in de eerste rij. Gebruik de kolommen ${CSV_KOLOMMEN.join(', ')}.` };
      }
      if (positie.has(s)) return { ok: false, fout: `De kolom '${s}' staat twee keer in de eerste rij.` };
      positie.set(s, i);
    }
    const ontbrekend = CSV_KOLOMMEN.filter((k) => !positie.has(k));
    if (ontbrekend.length > 0) {
      return { ok: false, fout: `De eerste rij mist de kolom${ontbrekend.length > 1 ? 'men' : ''} ${ontbrekend.join(', ')}.` };
    }

    const gebruikt = new Set(positie.values());
    const domeinen: DomeinAanbod[] = [];
    const rijVan = new Map<DomeinCode, number>();
    for (let r = 1; r < records.length; r++) {
      const velden = records[r]!.velden;
      const rij = r + rijOffset;
      if (velden.every((v) => v.trim() === '')) continue;
      const cel = (k: string) => velden[positie.get(k)!] ?? '';
      if (velden.some((v, i) => !gebruikt.has(i) && v.trim() !== '')) {
        return {
          ok: false,
          fout: `Rij ${rij} heeft meer kolommen dan de eerste rij. Staat er een ${scheiding === ';' ? 'puntkomma' : scheiding === ',' ? 'komma' : 'scheidingsteken'} in een tekst zonder aanhalingstekens eromheen?`,
        };
      }
      const domeinTekst = cel('domein').trim();
      if (domeinTekst === '') return { ok: false, fout: `Rij ${rij}: vul een onderwerp van ondersteuning in.` };
      const domein = DOMEIN_OP_NAAM.get(domeinTekst.toLowerCase());
      if (!domein) return { ok: false, fout: `Rij ${rij}: onbekend onderwerp van ondersteuning ${toonWaarde(domeinTekst)}.` };
      const eerder = rijVan.get(domein);
      if (eerder !== undefined) {
        return { ok: false, fout: `Rij ${rij}: het onderwerp '${DOMEINEN[domein].label}' staat ook al in rij ${eerder}.` };
      }
      const niveauTekst = cel('niveau').trim();
      if (niveauTekst === '') return { ok: false, fout: `Rij ${rij}: vul een niveau in (${NIVEAU_CODES.join(', ')}).` };
      const niveau = NIVEAU_OP_NAAM.get(niveauTekst.toLowerCase());
      if (!niveau) return { ok: false, fout: `Rij ${rij}: onbekend niveau ${toonWaarde(niveauTekst)}. Kies ${NIVEAU_CODES.join(', ')}.` };
      const teksten: Record<'watWijDoen' | 'expertise' | 'grenzen', string> = {
        watWijDoen: herstelTekst(cel('wat_wij_doen')),
        expertise: herstelTekst(cel('expertise')),
        grenzen: herstelTekst(cel('grenzen')),
      };
      for (const [veld, kolom] of [['watWijDoen', 'wat_wij_doen'], ['expertise', 'expertise'], ['grenzen', 'grenzen']] as const) {
        if (teksten[veld].length > MAX_TEKST_TEKENS) {
          return { ok: false, fout: `Rij ${rij}: de tekst in kolom ${kolom} is te lang: hoogstens ${MAX_TEKST_TEKENS} tekens.` };
        }
      }
      rijVan.set(domein, rij);
      domeinen.push({ domein, niveau, ...teksten });
    }
    return { ok: true, domeinen };
  } catch {
    // Input from outside must never crash the request; the checks above cover every case we know.
    return { ok: false, fout: 'Het bestand kon niet worden gelezen.' };
  }
}
