/**
 * Input of the OPP forms, with plain-Dutch messages. Here only the shape (texts within limits, choices from their
 * lists, versions); the legal checks (what adoption needs, dates in the law's order, whose consent) are in the rules
 * and run in the commands, so one submit shows every problem at once.
 *
 * The version form is flat (it works without JavaScript): a hindering and a supporting text per support domain
 * (`factor.<domein>.belemmerend|bevorderend`), numbered rows for the goals (`doel.<n>.doel` …). `leesVersieFormulier`
 * turns it into the content of a version.
 */
import { z } from 'zod';
import { DOMEIN_CODES, isDomeinCode, type DomeinCode } from '../aanbod/rules/domeinen.js';
import type { FormValues } from '../../platform/http/forms.js';
import type { Factor, Handeling, VersieInhoud } from './rules/inhoud.js';

/** The kinds of education an OPP is for (rules/termijn.ts Onderwijssoort). */
export const SOORTEN = ['bao', 'sbo', 'vo', 'pro', 'so', 'vso'] as const;
export const SOORT_LABEL: Record<(typeof SOORTEN)[number], string> = {
  bao: 'Basisschool', sbo: 'Speciaal basisonderwijs (sbo)', vo: 'Voortgezet onderwijs (vmbo, havo, vwo)', pro: 'Praktijkonderwijs',
  so: 'Speciaal onderwijs (so)', vso: 'Voortgezet speciaal onderwijs (vso)',
};

/** The OPP's kind suggested from the school's DUO kind (vestiging.soort). */
export function soortVanSchool(schoolsoort: string): (typeof SOORTEN)[number] {
  if (schoolsoort === 'sbo' || schoolsoort === 'so' || schoolsoort === 'vso' || schoolsoort === 'pro' || schoolsoort === 'vo') return schoolsoort;
  if (schoolsoort === 'so/vso') return 'so';
  return 'bao';
}

/** Most goals a handelingsdeel can have: a short, usable OPP (M18) has a few. */
export const MAX_DOELEN = 20;
/** Empty goal rows the form adds (without JavaScript, "Nog een doel" adds more). */
export const LEGE_DOELRIJEN = 2;

const tekst = (label: string, max: number) => z.string().trim().max(max, { error: `${label} mag hoogstens ${max} tekens zijn.` }).default('');
const nummer = (wat: string, min = 1) => z.coerce.number({ error: `${wat} ontbreekt; laad de pagina opnieuw.` }).int().min(min).max(2_000_000_000);
const versie = nummer('De versie');
/** A date as typed; the command checks it (valid, not in the future, in the right order). */
const datum = z.string().trim().max(20, { error: 'Vul de datum in als jaar-maand-dag, bijvoorbeeld 2025-03-03.' }).default('');
const jaNee = (vraag: string) => z.enum(['ja', 'nee'], { error: vraag }).transform((v) => v === 'ja');

export const ZStart = z.object({
  soort: z.enum(SOORTEN, { error: 'Kies het soort onderwijs.' }),
  aanleiding: z.enum(['inschrijving', 'later'], { error: 'Geef aan waarom de school een ontwikkelingsperspectief maakt.' }),
  extraOndersteuning: jaNee('Geef aan of de leerling extra ondersteuning krijgt, meer dan de basisondersteuning.'),
  alleenLwoo: z.string().optional().transform((v) => v === 'ja'),
});
export type TStart = z.infer<typeof ZStart>;

export interface VersieFormulier {
  basis: number;
  inhoud: VersieInhoud;
  wijziging: string;
  evaluatieId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The goal row numbers present in the form (`doel.<n>.…`), sorted. */
export function doelRijen(values: FormValues): number[] {
  const n = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = /^doel\.(\d{1,3})\./.exec(k);
    if (m) n.add(Number(m[1]));
  }
  return [...n].sort((a, b) => a - b);
}

/** Reads the version form; field messages for texts that are too long or a form that is not ours. */
export function leesVersieFormulier(values: FormValues): { ok: true; data: VersieFormulier } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const lang = (veld: string, label: string, max: number): string => {
    const v = (values[veld] ?? '').trim();
    if (v.length > max) errors[veld] = `${label} mag hoogstens ${max} tekens zijn.`;
    return v.slice(0, max);
  };
  const basis = Number(values.basis ?? '');
  if (!Number.isInteger(basis) || basis < 0 || basis > 1_000_000) errors.basis = 'De versie ontbreekt; laad de pagina opnieuw.';
  const factoren: Factor[] = [];
  for (const domein of DOMEIN_CODES) {
    for (const soort of ['belemmerend', 'bevorderend'] as const) {
      const t = lang(`factor.${domein}.${soort}`, soort === 'belemmerend' ? 'Een belemmerende factor' : 'Een bevorderende factor', 4000);
      if (t) factoren.push({ domein, soort, tekst: t });
    }
  }
  const rijen = doelRijen(values);
  if (rijen.length > MAX_DOELEN + LEGE_DOELRIJEN) errors.handelingsdeel = `Een handelingsdeel heeft hoogstens ${MAX_DOELEN} doelen.`;
  const handelingsdeel: Handeling[] = rijen.slice(0, MAX_DOELEN + LEGE_DOELRIJEN).map((n) => {
    const d = (values[`doel.${n}.domein`] ?? '').trim();
    return {
      domein: d === '' ? null : ((isDomeinCode(d) ? d : d.slice(0, 40)) as DomeinCode),
      doel: lang(`doel.${n}.doel`, 'Een doel', 2000),
      ondersteuning: lang(`doel.${n}.ondersteuning`, 'De ondersteuning', 4000),
      wie: lang(`doel.${n}.wie`, 'Wie het doet', 500),
      hoeVaak: lang(`doel.${n}.hoeVaak`, 'Hoe vaak', 500),
    };
  });
  const evaluatieId = (values.evaluatieId ?? '').trim();
  if (evaluatieId && !UUID.test(evaluatieId)) errors.evaluatieId = 'De evaluatie ontbreekt; laad de pagina opnieuw.';
  const inhoud: VersieInhoud = {
    uitstroom: lang('uitstroom', 'De uitstroombestemming', 40),
    uitstroomToelichting: lang('uitstroomToelichting', 'De toelichting', 4000),
    factoren,
    handelingsdeel,
    afwijkingen: lang('afwijkingen', 'De afwijkingen', 4000),
  };
  const wijziging = lang('wijziging', 'Wat er veranderd is', 2000);
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { basis, inhoud, wijziging, evaluatieId: evaluatieId ? evaluatieId.toLowerCase() : null } };
}

/** The form values of a version's content (to fill the form from a saved version). */
export function alsFormulier(i: VersieInhoud): FormValues {
  const v: FormValues = { uitstroom: i.uitstroom, uitstroomToelichting: i.uitstroomToelichting, afwijkingen: i.afwijkingen };
  for (const f of i.factoren) {
    const k = `factor.${f.domein}.${f.soort}`;
    v[k] = v[k] ? `${v[k]}\n${f.tekst}` : f.tekst;
  }
  i.handelingsdeel.forEach((h, n) => {
    v[`doel.${n}.domein`] = h.domein ?? '';
    v[`doel.${n}.doel`] = h.doel;
    v[`doel.${n}.ondersteuning`] = h.ondersteuning;
    v[`doel.${n}.wie`] = h.wie;
    v[`doel.${n}.hoeVaak`] = h.hoeVaak;
  });
  return v;
}

export const ZOogo = z.object({
  op: datum,
  deelnemers: z.string().trim().min(2, { error: 'Schrijf op wie er bij het overleg waren.' }).max(500, { error: 'Wie er waren mag hoogstens 500 tekens zijn.' }),
  uitkomst: z.enum(['overeenstemming', 'deels', 'geen-overeenstemming'], { error: 'Kies de uitkomst van het overleg.' }),
  verslag: tekst('Het verslag', 4000),
});
export type TOogo = z.infer<typeof ZOogo>;

const uitkomst = z.enum(['gezien', 'ingestemd', 'geweigerd'], { error: 'Kies wat de ouders besluiten.' });

/** The school records a decision the parents gave on paper or in a meeting. */
export const ZInstemmingSchool = z.object({
  volgnummer: nummer('Het versienummer'),
  uitkomst,
  op: datum,
  namens: z.string().trim().min(2, { error: 'Vul in wie besliste (de naam van de ouder of de leerling).' }).max(200, { error: 'De naam mag hoogstens 200 tekens zijn.' }),
  reden: tekst('De reden', 4000),
});
export type TInstemmingSchool = z.infer<typeof ZInstemmingSchool>;

/** The parent (or adult pupil) decides online. */
export const ZInstemmingOnline = z.object({
  volgnummer: nummer('Het versienummer'),
  uitkomst: z.enum(['gezien', 'ingestemd', 'geweigerd'], { error: 'Kies wat u besluit.' }),
  reden: tekst('De reden', 4000),
});
export type TInstemmingOnline = z.infer<typeof ZInstemmingOnline>;

/** The school records the pupil's view, heard in a talk or on a paper form (answers: `vraag.<code>`). */
export const ZMeningSchool = z.object({
  soort: z.enum(['mening', 'niet-gehoord'], { error: 'Kies of de leerling zijn of haar mening heeft gegeven.' }),
  vorm: z.enum(['gesprek', 'formulier'], { error: 'Kies hoe de leerling de mening gaf.' }),
  gegevenOp: datum,
  reden: tekst('De reden', 2000),
});

/** Answers to the view questions, keyed by question code (`vraag.<code>`). */
export function leesAntwoorden(values: FormValues): { ok: true; data: Record<string, string> } | { ok: false; errors: Record<string, string> } {
  const data: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const m = /^vraag\.([a-z]{1,20})$/.exec(k);
    if (!m) continue;
    if (v.trim().length > 4000) errors[k] = 'Een antwoord mag hoogstens 4000 tekens zijn.';
    data[m[1]!] = v;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

export const ZReactie = z.object({
  versie,
  reactie: z.string().trim().min(2, { error: 'Schrijf op wat de school met deze mening heeft gedaan.' }).max(4000, { error: 'De reactie mag hoogstens 4000 tekens zijn.' }),
});

export const ZVaststellen = z.object({
  volgnummer: nummer('Het versienummer'),
  op: datum,
  cvbAdviesOp: datum,
});

export const ZEvaluatie = z.object({
  op: datum,
  deelnemers: z.string().trim().min(2, { error: 'Schrijf op wie er bij de evaluatie waren.' }).max(500, { error: 'Wie er waren mag hoogstens 500 tekens zijn.' }),
  metOuders: jaNee('Geef aan of de ouders bij de evaluatie waren.'),
  conclusie: z.enum(['doorgaan', 'bijstellen', 'afsluiten'], { error: 'Kies wat er na de evaluatie gebeurt.' }),
  toelichting: tekst('De toelichting', 4000),
});

/** Results per goal of the evaluation form (`resultaat.<n>.uitkomst|toelichting`). */
export function leesResultaten(values: FormValues, doelen: readonly string[]):
  { ok: true; data: { doel: string; uitkomst: 'behaald' | 'deels' | 'niet-behaald'; toelichting: string }[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const data = doelen.map((doel, n) => {
    const u = values[`resultaat.${n}.uitkomst`] ?? '';
    const toelichting = (values[`resultaat.${n}.toelichting`] ?? '').trim();
    if (u !== 'behaald' && u !== 'deels' && u !== 'niet-behaald') errors[`resultaat.${n}.uitkomst`] = `Kies het resultaat van doel ${n + 1}.`;
    if (toelichting.length > 2000) errors[`resultaat.${n}.toelichting`] = 'Een toelichting mag hoogstens 2000 tekens zijn.';
    return { doel, uitkomst: u as 'behaald' | 'deels' | 'niet-behaald', toelichting };
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

export const ZAfsluiten = z.object({
  versie,
  op: datum,
  reden: z.string().trim().min(5, { error: 'Schrijf op waarom het ontwikkelingsperspectief stopt.' }).max(1000, { error: 'De reden mag hoogstens 1000 tekens zijn.' }),
});

export const ZInstemmingDoor = z.object({
  versie,
  door: z.enum(['ouders', 'leerling'], { error: 'Kies wie instemt met het handelingsdeel.' }),
});

export const ZInstelling = z.object({
  versie: nummer('De versie', 0),
  vanaf: z.coerce.number({ error: 'Vul een leeftijd in, bijvoorbeeld 12.' }),
});
