/**
 * Input schemas for pupils and parents, with plain-Dutch messages. One schema serves the HTML form and the API.
 */
import { z } from 'zod';
import { fields } from '../../platform/http/forms.js';

const datum = (label: string) => fields.civilDate(label, '2016-03-21');

export const ZLeerlingGegevens = z.object({
  voornaam: fields.requiredText('de voornaam', 100),
  tussenvoegsel: fields.optionalText('het tussenvoegsel', 20),
  achternaam: fields.requiredText('de achternaam', 100),
  geboortedatum: datum('de geboortedatum'),
  woonPc4: z.string().trim().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[1-9]\d{3}$/.test(v), { error: 'Vul de vier cijfers van de postcode in, bijvoorbeeld 3511.' }),
});
export type TLeerlingGegevens = z.infer<typeof ZLeerlingGegevens>;

export const ZNieuweLeerling = ZLeerlingGegevens.extend({
  vestigingCode: z.string({ error: 'Kies de school.' }).trim().toUpperCase()
    .regex(/^[0-9A-Z]{4}\d{2}$/, { error: 'Kies de school (vestigingscode van 6 tekens, zoals 12AB00).' }),
  startdatum: datum('de datum van inschrijving'),
});
export type TNieuweLeerling = z.infer<typeof ZNieuweLeerling>;

export const ZWijzigLeerling = ZLeerlingGegevens.extend({
  versie: z.coerce.number({ error: 'De versie ontbreekt; laad de pagina opnieuw.' }).int().min(1),
});

export const RELATIES = ['ouder', 'voogd', 'verzorger'] as const;

export const ZNieuweOuder = z.object({
  naam: fields.requiredText('de naam', 200),
  email: fields.email(),
  relatie: z.enum(RELATIES, { error: 'Kies of dit een ouder, voogd of verzorger is.' }),
  heeftGezag: z.enum(['ja', 'nee'], { error: 'Geef aan of deze ouder gezag heeft.' }).transform((v) => v === 'ja'),
  // An unticked checkbox sends nothing: a missing field means "no".
  uitnodigen: z.string().optional().transform((v) => v === 'ja' || v === 'on'),
});
export type TNieuweOuder = z.infer<typeof ZNieuweOuder>;
