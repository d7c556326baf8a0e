/**
 * Input of an aanmelding, with plain-Dutch messages; one schema for the form and the API. The law asks an
 * application in writing with the other schools applied to (WPO 40 lid 2, WVO 27 lid 2a, WEC 40 lid 3) and lets
 * the parents say whether extra support may be needed (WPO 40 lid 3); no BSN here (legal-rules §9.5).
 */
import { z } from 'zod';
import { fields } from '../../platform/http/forms.js';
import { isCivilDate } from '../../platform/civil-date.js';
import { ZLeerlingGegevens } from '../leerlingen/schemas.js';

const datum = (label: string) => fields.civilDate(label, '2025-03-03');

const jaNee = (vraag: string) => z.enum(['ja', 'nee'], { error: vraag }).transform((v) => v === 'ja');

export const SECTOREN = ['po', 'vo', 'wec'] as const;
export const SECTOR_LABEL: Record<(typeof SECTOREN)[number], string> = {
  po: 'Basisonderwijs (ook sbo)',
  vo: 'Voortgezet onderwijs',
  wec: 'Speciaal onderwijs (so of vso)',
};

export const ZNieuweAanmelding = ZLeerlingGegevens.extend({
  sector: z.enum(SECTOREN, { error: 'Kies het soort onderwijs.' }),
  vestigingCode: z.string().trim().toUpperCase().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[0-9A-Z]{4}\d{2}$/.test(v), { error: 'Kies de school.' }),
  ontvangenOp: datum('de datum waarop de school de aanmelding ontving'),
  gewensteStartdatum: z.string().trim().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isCivilDate(v), { error: 'Vul de gewenste startdatum in als jaar-maand-dag, bijvoorbeeld 2025-08-25.' }),
  andereScholen: fields.optionalText('de andere scholen', 500),
  isEersteVoorkeur: jaNee('Geef aan of deze school de eerste keus van de ouders is.'),
  extraOndersteuningVerwacht: jaNee('Geef aan of de ouders denken dat hun kind extra ondersteuning nodig heeft.'),
  ouderInformatie: fields.optionalText('de informatie over de ondersteuning', 4000),
  doofOfSlechthorend: z.string().optional().transform((v) => v === 'ja'),
});
export type TNieuweAanmelding = z.infer<typeof ZNieuweAanmelding>;

export const ZVerlenging = z.object({
  versie: z.coerce.number({ error: 'De versie ontbreekt; laad de pagina opnieuw.' }).int().min(1).max(2_000_000_000),
  nieuweTermijn: z.string().trim().default(''),
  reden: z.string().trim().max(2000, { error: 'De reden mag hoogstens 2000 tekens zijn.' }).default(''),
});

export const ZBeoordeling = z.object({
  versie: z.coerce.number({ error: 'De versie ontbreekt; laad de pagina opnieuw.' }).int().min(1).max(2_000_000_000),
  nodig: jaNee('Geef aan of het kind extra ondersteuning nodig heeft.'),
  uitzondering: z.enum(['geen', 'geen-plaatsruimte', 'grondslag-geweigerd', 'toelatingseisen-vo'], { error: 'Kies of de zorgplicht geldt.' })
    .transform((v) => (v === 'geen' ? null : v)),
  uitzonderingToelichting: z.string().trim().max(2000, { error: 'De toelichting mag hoogstens 2000 tekens zijn.' }).default(''),
});

export const ZBesluit = z.object({
  versie: z.coerce.number({ error: 'De versie ontbreekt; laad de pagina opnieuw.' }).int().min(1).max(2_000_000_000),
  besluit: z.string().trim().default(''),
  besluitOp: z.string().trim().default(''),
  besluitToelichting: z.string().trim().max(4000, { error: 'De toelichting mag hoogstens 4000 tekens zijn.' }).default(''),
});

const versie = z.coerce.number({ error: 'De versie ontbreekt; laad de pagina opnieuw.' }).int().min(1).max(2_000_000_000);
const tekst = (max: number) => z.string().trim().max(max, { error: `De tekst mag hoogstens ${max} tekens zijn.` }).default('');

export const ZPlaatsingsverzoek = z.object({
  vestigingCode: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{4}\d{2}$/, { error: 'Kies de school die u wilt vragen.' }),
  vraag: tekst(4000),
});

export const ZAntwoord = z.object({ versie, antwoord: z.string().trim().default(''), toelichting: tekst(4000) });

export const ZAdviesvraag = z.object({ vraag: tekst(4000) });
export const ZAdvies = z.object({ advies: tekst(4000) });

export const ZOpschorting = z.object({ versie, van: z.string().trim().default(''), tot: z.string().trim().default(''), reden: tekst(2000) });

export const ZIntrekking = z.object({ versie, op: z.string().trim().default(''), reden: tekst(2000) });

/**
 * The parents' own online application: the child, the application and the parent who applies (with gezag — only
 * a parent with gezag applies for the child, WPO 40 lid 2 "de ouders"); an e-mail address to follow it.
 */
export const ZOuderAanmelding = ZLeerlingGegevens.extend({
  gewensteStartdatum: ZNieuweAanmelding.shape.gewensteStartdatum,
  andereScholen: ZNieuweAanmelding.shape.andereScholen,
  isEersteVoorkeur: jaNee('Geef aan of deze school uw eerste keus is.'),
  extraOndersteuningVerwacht: jaNee('Geef aan of u denkt dat uw kind extra ondersteuning nodig heeft.'),
  ouderInformatie: ZNieuweAanmelding.shape.ouderInformatie,
  doofOfSlechthorend: ZNieuweAanmelding.shape.doofOfSlechthorend,
  ouderNaam: fields.requiredText('uw naam', 200),
  ouderEmail: fields.email(),
  relatie: z.enum(['ouder', 'voogd'], { error: 'Kies of u de ouder of de voogd bent.' }),
  // An unticked checkbox sends nothing at all, and an optional field skips its refinement: so not .optional().
  gezag: z.unknown().refine((v) => v === 'ja', { error: 'Alleen een ouder of voogd met gezag kan een kind aanmelden. Vink aan dat u het gezag heeft.' }),
});
export type TOuderAanmelding = z.infer<typeof ZOuderAanmelding>;
