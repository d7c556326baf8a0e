/**
 * Form and API input of the staff side → validated content. Drafts may be incomplete (completeness is a rule of
 * adoption, rules/versie.ts); here we only refuse what can never be right: unknown codes, overlong text, a
 * malformed e-mail address, a domain ticked without a level.
 */
import type { FormValues } from '../../platform/http/forms.js';
import { DOMEIN_CODES, DOMEINEN, isNiveau, VOORZIENING_CODES } from './rules/domeinen.js';
import type { AanbodInhoud, BasisBevestiging, BasisOnderdeel, DomeinAanbod, SwvDocument } from './rules/typen.js';
import type { ProfielInhoud } from './store.js';
import { isCivilDate } from '../../platform/civil-date.js';
import { isEmailadres } from '../../platform/email.js';

export const MAX_TEKST = 4000;
const MAX_KORT = 200;

type Uitkomst<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

function tekst(values: FormValues, naam: string, label: string, fouten: Record<string, string>, max = MAX_TEKST): string {
  const v = (values[naam] ?? '').trim();
  if (v.length > max) fouten[naam] = `${label} mag hoogstens ${max} tekens zijn.`;
  return v;
}

/** Field names of the content form, shared by the page and the parser. */
export const veld = {
  domeinAan: (d: string) => `d.${d}.aan`,
  domeinNiveau: (d: string) => `d.${d}.niveau`,
  domeinTekst: (d: string, deel: 'watWijDoen' | 'expertise' | 'grenzen') => `d.${d}.${deel}`,
  voorziening: (v: string) => `v.${v}`,
  basis: (code: string) => `b.${code}`,
};

/** Reads the content form of a concept. `basis` is the version's current list of basis items (the SWV's). */
export function leesInhoudFormulier(values: FormValues, basis: readonly BasisBevestiging[]): Uitkomst<AanbodInhoud> {
  const fouten: Record<string, string> = {};
  const domeinen: DomeinAanbod[] = [];
  for (const d of DOMEIN_CODES) {
    if (values[veld.domeinAan(d)] !== 'ja') continue;
    const niveau = values[veld.domeinNiveau(d)] ?? '';
    if (!isNiveau(niveau)) fouten[veld.domeinNiveau(d)] = `Kies het niveau van de ondersteuning bij ${DOMEINEN[d].label.toLowerCase()}.`;
    domeinen.push({
      domein: d,
      niveau: isNiveau(niveau) ? niveau : 'basis',
      watWijDoen: tekst(values, veld.domeinTekst(d, 'watWijDoen'), 'Wat de school doet', fouten),
      expertise: tekst(values, veld.domeinTekst(d, 'expertise'), 'De deskundigheid', fouten),
      grenzen: tekst(values, veld.domeinTekst(d, 'grenzen'), 'De grenzen', fouten),
    });
  }
  const contactEmail = tekst(values, 'contactEmail', 'Het e-mailadres', fouten, 254);
  if (contactEmail && !isEmailadres(contactEmail)) fouten.contactEmail = 'Vul een geldig e-mailadres in, zoals naam@school.nl.';
  const inhoud: AanbodInhoud = {
    toelichting: tekst(values, 'toelichting', 'De uitleg', fouten),
    contactNaam: tekst(values, 'contactNaam', 'De naam', fouten, MAX_KORT),
    contactEmail,
    contactTelefoon: tekst(values, 'contactTelefoon', 'Het telefoonnummer', fouten, 40),
    domeinen,
    voorzieningen: VOORZIENING_CODES.filter((v) => values[veld.voorziening(v)] === 'ja'),
    voorzieningenToelichting: tekst(values, 'voorzieningenToelichting', 'De uitleg over voorzieningen', fouten),
    basisOnderdelen: basis.map((b) => {
      const v = values[veld.basis(b.code)];
      return { ...b, geboden: v === 'ja' ? true : v === 'nee' ? false : null };
    }),
    basisToelichting: tekst(values, 'basisToelichting', 'De uitleg over de basisondersteuning', fouten),
  };
  return Object.keys(fouten).length ? { ok: false, errors: fouten } : { ok: true, data: inhoud };
}

/** The form values that show a stored content (for the first render of the edit page). */
export function inhoudAlsFormulier(i: AanbodInhoud): FormValues {
  const v: FormValues = {
    toelichting: i.toelichting, contactNaam: i.contactNaam, contactEmail: i.contactEmail, contactTelefoon: i.contactTelefoon,
    voorzieningenToelichting: i.voorzieningenToelichting, basisToelichting: i.basisToelichting,
  };
  for (const d of i.domeinen) {
    v[veld.domeinAan(d.domein)] = 'ja';
    v[veld.domeinNiveau(d.domein)] = d.niveau;
    v[veld.domeinTekst(d.domein, 'watWijDoen')] = d.watWijDoen;
    v[veld.domeinTekst(d.domein, 'expertise')] = d.expertise;
    v[veld.domeinTekst(d.domein, 'grenzen')] = d.grenzen;
  }
  for (const x of i.voorzieningen) v[veld.voorziening(x)] = 'ja';
  for (const b of i.basisOnderdelen) if (b.geboden !== null) v[veld.basis(b.code)] = b.geboden ? 'ja' : 'nee';
  return v;
}

/** Number of empty rows the basisondersteuning form offers for new items. */
export const NIEUWE_BASIS_REGELS = 3;

/**
 * Reads the basisondersteuning form: rows `o.<i>.domein` / `o.<i>.omschrijving` (an empty omschrijving removes the
 * row). Codes stay stable for existing rows (schools' answers hang on them); new rows get the next free code.
 */
export function leesBasisFormulier(values: FormValues, bestaand: readonly BasisOnderdeel[]): Uitkomst<{ onderdelen: BasisOnderdeel[]; toelichting: string }> {
  const fouten: Record<string, string> = {};
  const onderdelen: BasisOnderdeel[] = [];
  let volgende = bestaand.reduce((m, o) => Math.max(m, Number(o.code.replace(/\D/g, '')) || 0), 0) + 1;
  const totaal = bestaand.length + NIEUWE_BASIS_REGELS;
  for (let i = 0; i < totaal; i++) {
    const omschrijving = tekst(values, `o.${i}.omschrijving`, 'De omschrijving', fouten, 1000);
    if (!omschrijving) continue;
    const domein = values[`o.${i}.domein`] ?? '';
    if (!(DOMEIN_CODES as readonly string[]).includes(domein)) {
      fouten[`o.${i}.domein`] = 'Kies bij elk onderdeel het onderwerp.';
      continue;
    }
    const code = i < bestaand.length ? bestaand[i]!.code : `b${volgende++}`;
    onderdelen.push({ code, domein: domein as BasisOnderdeel['domein'], omschrijving });
  }
  const toelichting = tekst(values, 'toelichting', 'De toelichting', fouten);
  return Object.keys(fouten).length ? { ok: false, errors: fouten } : { ok: true, data: { onderdelen, toelichting } };
}

/** Number of document rows on the profile form. */
export const DOCUMENT_REGELS = 5;

/** Reads the SWV profile form. */
export function leesProfielFormulier(values: FormValues): Uitkomst<ProfielInhoud> {
  const fouten: Record<string, string> = {};
  const email = (naam: string) => {
    const v = tekst(values, naam, 'Het e-mailadres', fouten, 254);
    if (v && !isEmailadres(v)) fouten[naam] = 'Vul een geldig e-mailadres in, zoals info@swv.nl.';
    return v;
  };
  const url = (naam: string, label: string) => {
    const v = tekst(values, naam, label, fouten, 500);
    if (v && !/^https?:\/\/[^\s]+\.[^\s]+$/i.test(v)) fouten[naam] = `${label} moet een volledige link zijn die begint met https:// (bijvoorbeeld https://www.swv.nl).`;
    return v;
  };
  const documenten: SwvDocument[] = [];
  for (let i = 0; i < DOCUMENT_REGELS; i++) {
    const titel = tekst(values, `doc.${i}.titel`, 'De titel', fouten, MAX_KORT);
    const link = url(`doc.${i}.url`, 'De link');
    const datum = (values[`doc.${i}.datum`] ?? '').trim();
    if (!titel && !link) continue;
    if (!titel) fouten[`doc.${i}.titel`] = 'Geef het document een titel.';
    if (!link) fouten[`doc.${i}.url`] = 'Vul de link naar het document in.';
    if (datum && !isCivilDate(datum)) fouten[`doc.${i}.datum`] = 'Vul een geldige datum in.';
    documenten.push({ titel, url: link, datum: datum || null });
  }
  const data: ProfielInhoud = {
    telefoon: tekst(values, 'telefoon', 'Het telefoonnummer', fouten, 40),
    email: email('email'),
    website: url('website', 'De website'),
    adres: tekst(values, 'adres', 'Het adres', fouten, 300),
    steunpuntNaam: tekst(values, 'steunpuntNaam', 'De naam van het steunpunt', fouten, MAX_KORT),
    steunpuntTelefoon: tekst(values, 'steunpuntTelefoon', 'Het telefoonnummer', fouten, 40),
    steunpuntEmail: email('steunpuntEmail'),
    steunpuntWebsite: url('steunpuntWebsite', 'De website van het steunpunt'),
    steunpuntToelichting: tekst(values, 'steunpuntToelichting', 'De uitleg', fouten, 2000),
    documenten,
    isGepubliceerd: values.isGepubliceerd === 'ja',
  };
  return Object.keys(fouten).length ? { ok: false, errors: fouten } : { ok: true, data };
}

/** Reads a version number from a hidden field; junk → -1, which never matches a stored version (a 409, not a 500). */
export function leesVersie(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n < 1e9 ? n : -1;
}
