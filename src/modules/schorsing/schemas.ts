/**
 * Input of the schorsing and verwijdering forms, with plain-Dutch messages. Dates and the legal checks come from
 * the rules (rules/schorsing.ts, rules/verwijdering.ts, platform/datum.ts) in the commands, so one submit shows every
 * problem at once; here only the shape: texts within limits, choices from their lists, the record's version, and
 * the reasons of a removal (which no rule covers).
 */
import { z } from 'zod';
import type { Sector } from '../zorgplicht/rules/termijnen.js';
import { SECTOREN } from '../zorgplicht/schemas.js';

/** The sector of a school location from its DUO kind (vestiging.soort), to suggest it on the form. */
export function sectorVanSoort(soort: string): Sector {
  if (soort === 'vo') return 'vo';
  if (soort === 'so' || soort === 'vso' || soort === 'so/vso') return 'wec';
  return 'po';
}

const versie = z.coerce.number({ error: 'De versie ontbreekt; laad de pagina opnieuw.' }).int().min(1).max(2_000_000_000);
/** A date as typed; the command checks it (valid, not in the future, in the right order). */
const datum = z.string().trim().max(20, { error: 'Vul de datum in als jaar-maand-dag, bijvoorbeeld 2025-03-03.' }).default('');
const tekst = (label: string, max: number) => z.string().trim().max(max, { error: `${label} mag hoogstens ${max} tekens zijn.` }).default('');
const jaNee = (vraag: string) => z.enum(['ja', 'nee'], { error: vraag }).transform((v) => v === 'ja');

export const ZNieuweSchorsing = z.object({
  van: datum,
  tot: datum,
  reden: tekst('De redenen', 4000),
  besluitOp: datum,
  // An unticked checkbox sends nothing: a missing field means "no" (and the rule then asks for it).
  schriftelijkAanOuders: z.string().optional().transform((v) => v === 'ja'),
});
export type TNieuweSchorsing = z.infer<typeof ZNieuweSchorsing>;

export const ZInspectieMelding = z.object({ versie, inspectieGemeldOp: datum });

export const ZVersie = z.object({ versie });

export const ZNieuweVerwijdering = z.object({
  sector: z.enum(SECTOREN, { error: 'Kies het soort onderwijs.' }),
  leerplichtig: jaNee('Geef aan of de leerling leerplichtig is.'),
  voornemenOp: datum,
  reden: z.string().trim()
    .min(10, { error: 'Schrijf op waarom de school de leerling wil verwijderen. Dat moet in het besluit staan.' })
    .max(4000, { error: 'De redenen mogen hoogstens 4000 tekens zijn.' }),
});
export type TNieuweVerwijdering = z.infer<typeof ZNieuweVerwijdering>;

export const ZHoren = z.object({
  versie,
  gehoordOp: datum,
  hoorVerslag: z.string().trim()
    .min(10, { error: 'Schrijf kort op wat er bij het horen is gezegd.' })
    .max(4000, { error: 'Het verslag mag hoogstens 4000 tekens zijn.' }),
});

export const ZAndereSchool = z.object({
  versie,
  andereSchoolCode: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{4}\d{2}$/, { error: 'Kies de school die de leerling wil toelaten.' }),
  andereSchoolBereidOp: datum,
});

export const ZInspectieRaadpleging = z.object({ versie, inspectieGeraadpleegdOp: datum });

export const ZZoektocht = z.object({ versie, cluster12ZoektochtSinds: datum });

export const ZDefinitief = z.object({ versie, besluitOp: datum });
