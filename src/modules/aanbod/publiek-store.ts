/**
 * All SQL of the public (no login) side of the aanbod module: the school finder, the school and SWV pages and the
 * comparison. Public pages run as the app role without a tenant, so RLS already limits the aanbod tables to adopted
 * versions and published profiles. Every query here ALSO filters `status = 'vastgesteld'` / `is_gepubliceerd`
 * itself: a logged-in member of staff reads through their own tenant, which can see its concepts, and a concept
 * must never appear on a public page whoever looks at it.
 *
 * Indexes: the lateral "current version" lookup walks the unique index (vestiging_code, schooljaar, volgnummer)
 * backwards and stops at the first adopted row, so it needs no index of its own. The box filter on vestiging scans
 * about 8,700 rows (all Dutch school locations): cheaper than keeping a spatial index up to date.
 */
import { sql, type SQL } from 'drizzle-orm';
import { first, rows, type Executor } from '../../platform/db/client.js';
import { omhullendeBox, type Box } from './rules/afstand.js';
import type { AanbodInhoud, BasisBevestiging, BasisOnderdeel, DomeinAanbod } from './rules/typen.js';
import type { VoorzieningCode } from './rules/domeinen.js';
import type { ProfielInhoud } from './store.js';

// -- types ----------------------------------------------------------------------------------------------------------

/** A school location as the public pages show it (register data). */
export interface SchoolBasis {
  code: string;
  naam: string;
  soort: string;
  onderwijsstructuur: string | null;
  denominatie: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  plaats: string | null;
  lat: number | null;
  lon: number | null;
  swvPo: string | null;
  swvVo: string | null;
}

/** The compact current offer the finder needs to judge a school. */
export interface AanbodKort {
  id: string;
  schooljaar: string;
  volgnummer: number;
  vastgesteldOp: string;
  domeinen: DomeinAanbod[];
  basisOnderdelen: BasisBevestiging[];
  voorzieningen: VoorzieningCode[];
  isDemo: boolean;
}

/** A finder candidate: the school and its current adopted offer (null when it has none). */
export interface KandidaatRij extends SchoolBasis {
  aanbod: AanbodKort | null;
}

/** Everything of an adopted version that is public (who adopted it is not: that is a staff member's id). */
export interface PubliekeVersie extends AanbodInhoud {
  id: string;
  swvId: string;
  vestigingCode: string;
  schooljaar: string;
  volgnummer: number;
  mrAdviesDatum: string | null;
  mrAdvies: string | null;
  mrAdviesToelichting: string | null;
  reactieOpAdvies: string | null;
  vastgesteldOp: string;
  isDemo: boolean;
  /** Always 'vastgesteld' (the queries select nothing else); carried for the version rules. */
  status: 'vastgesteld';
}

/** A school location with its board, website and the names of its SWVs. */
export interface SchoolDetail extends SchoolBasis {
  gemeente: string | null;
  internet: string | null;
  bestuurNummer: string | null;
  bestuurNaam: string | null;
  swvPoNaam: string | null;
  swvVoNaam: string | null;
}

/** A school on the compare page: details, the current adopted offer and the latest DUO pupil count. */
export interface VergelijkSchool extends SchoolDetail {
  aanbod: PubliekeVersie | null;
  /** Latest count; null when unknown or when DUO published "<5" (see `leerlingenKlein`). */
  leerlingen: number | null;
  leerlingenKlein: boolean;
  leerlingenTeljaar: number | null;
}

/** A school of an SWV for the SWV page and its map. */
export interface SwvSchoolRij {
  code: string;
  naam: string;
  soort: string;
  onderwijsstructuur: string | null;
  plaats: string | null;
  lat: number | null;
  lon: number | null;
  /** Adoption date of the newest adopted version (any school year), or null. */
  laatstVastgesteldOp: string | null;
  /** School year of that newest version. */
  laatsteSchooljaar: string | null;
  /** The school has an adopted version for the current school year. */
  huidigJaarVastgesteld: boolean;
}

/** A PC4 area for the region map. */
export interface RegioPc4 {
  pc4: string;
  lat: number;
  lon: number;
  inRegio: boolean;
}

/** The public profile of an SWV (only when published). */
export interface PubliekProfiel extends Omit<ProfielInhoud, 'isGepubliceerd'> {
  swvId: string;
  isDemo: boolean;
}

/** An adopted basisondersteuning. */
export interface PubliekeBasis {
  schooljaar: string;
  onderdelen: BasisOnderdeel[];
  toelichting: string;
  vastgesteldOp: string;
  isDemo: boolean;
}

/** An SWV with its published ouder- en jeugdsteunpunt (fields empty when the profile is not published). */
export interface SwvSteunpunt {
  code: string;
  naam: string;
  sector: string;
  gepubliceerd: boolean;
  steunpuntNaam: string;
  steunpuntTelefoon: string;
  steunpuntEmail: string;
  steunpuntWebsite: string;
  telefoon: string;
  email: string;
  website: string;
}

// -- SQL fragments --------------------------------------------------------------------------------------------------

/** The register columns of a school location `v`, camelCased. */
const SCHOOL_KOLOMMEN = sql`v.code, v.naam, v.soort, v.onderwijsstructuur, v.denominatie, v.straat, v.huisnummer,
  v.postcode, v.plaats, v.lat, v.lon, v.swv_po as "swvPo", v.swv_vo as "swvVo"`;

/**
 * The public columns of an adopted version `a`. Dates go out as text: the two database drivers would otherwise
 * return a JS Date at midnight UTC, which shifts a day in some time zones.
 */
const VERSIE_KOLOMMEN = sql`a.id, a.swv_id as "swvId", a.vestiging_code as "vestigingCode", a.schooljaar, a.volgnummer,
  a.toelichting, a.contact_naam as "contactNaam", a.contact_email as "contactEmail", a.contact_telefoon as "contactTelefoon",
  a.domeinen, a.voorzieningen, a.voorzieningen_toelichting as "voorzieningenToelichting",
  a.basis_onderdelen as "basisOnderdelen", a.basis_toelichting as "basisToelichting",
  a.mr_advies_datum::text as "mrAdviesDatum", a.mr_advies as "mrAdvies", a.mr_advies_toelichting as "mrAdviesToelichting",
  a.reactie_op_advies as "reactieOpAdvies", a.vastgesteld_op::text as "vastgesteldOp", a.is_demo as "isDemo", a.status`;

/** Register columns plus board and SWV names of a school location `v`. */
const DETAIL_KOLOMMEN = sql`${SCHOOL_KOLOMMEN}, v.gemeente, v.internet, v.bestuur_nummer as "bestuurNummer",
  b.naam as "bestuurNaam", sp.naam as "swvPoNaam", sv.naam as "swvVoNaam"`;

const DETAIL_JOINS = sql`left join bestuur b on b.nummer = v.bestuur_nummer
  left join swv sp on sp.code = v.swv_po
  left join swv sv on sv.code = v.swv_vo`;

/** A JS array as ONE text[] parameter (drizzle would otherwise spread it into a list of parameters). */
function tekstArray(waarden: readonly string[]): SQL {
  return sql`${sql.param([...waarden])}::text[]`;
}

// -- (a) finder -----------------------------------------------------------------------------------------------------

/** What the finder asks the database for. */
export interface KandidatenVraag {
  /** Prefilter box around the parent's postcode (omhullendeBox); the exact distance is computed afterwards. */
  box: Box;
  /** Register soort values (soortenVoorSql); an empty list finds nothing. */
  soorten: readonly string[];
  /** Part of the denominatie, case-insensitive ("katholiek" finds "Rooms-Katholiek"), or null for any. */
  denominatie: string | null;
  /** The current school year: a version adopted for a later year is not current yet. */
  huidigSchooljaar: string;
}

/**
 * The finder's query as an SQL object: school locations in the box with the wanted soort (and denominatie), each with
 * its current adopted version through a lateral join. Exported on its own so the benchmark can time the raw query.
 */
export function zoekKandidatenSql(v: KandidatenVraag): SQL {
  return sql`select ${SCHOOL_KOLOMMEN},
      a.id as "aanbodId", a.schooljaar as "aanbodSchooljaar", a.volgnummer as "aanbodVolgnummer",
      a.vastgesteld_op::text as "aanbodVastgesteldOp", a.domeinen as "aanbodDomeinen",
      a.basis_onderdelen as "aanbodBasisOnderdelen", a.voorzieningen as "aanbodVoorzieningen", a.is_demo as "aanbodIsDemo"
    from vestiging v
    left join lateral (
      select o.id, o.schooljaar, o.volgnummer, o.vastgesteld_op, o.domeinen, o.basis_onderdelen, o.voorzieningen, o.is_demo
      from ondersteuningsaanbod o
      where o.vestiging_code = v.code and o.status = 'vastgesteld' and o.schooljaar <= ${v.huidigSchooljaar}
      order by o.schooljaar desc, o.volgnummer desc
      limit 1
    ) a on true
    where v.lat between ${v.box.minLat} and ${v.box.maxLat}
      and v.lon between ${v.box.minLon} and ${v.box.maxLon}
      and v.soort = any(${tekstArray(v.soorten)})
      and (${v.denominatie}::text is null or strpos(lower(v.denominatie), lower(${v.denominatie}::text)) > 0)
    order by v.code`;
}

interface KandidaatRuw extends SchoolBasis {
  aanbodId: string | null;
  aanbodSchooljaar: string | null;
  aanbodVolgnummer: number | null;
  aanbodVastgesteldOp: string | null;
  aanbodDomeinen: DomeinAanbod[] | null;
  aanbodBasisOnderdelen: BasisBevestiging[] | null;
  aanbodVoorzieningen: VoorzieningCode[] | null;
  aanbodIsDemo: boolean | null;
}

/** Runs {@link zoekKandidatenSql}: schools in the box with their current adopted offer (or null). */
export async function zoekKandidaten(ex: Executor, v: KandidatenVraag): Promise<KandidaatRij[]> {
  if (v.soorten.length === 0) return [];
  const ruw = await rows<KandidaatRuw>(ex, zoekKandidatenSql(v));
  return ruw.map((r) => ({
    code: r.code, naam: r.naam, soort: r.soort, onderwijsstructuur: r.onderwijsstructuur, denominatie: r.denominatie,
    straat: r.straat, huisnummer: r.huisnummer, postcode: r.postcode, plaats: r.plaats,
    lat: r.lat === null ? null : Number(r.lat), lon: r.lon === null ? null : Number(r.lon), swvPo: r.swvPo, swvVo: r.swvVo,
    aanbod: r.aanbodId === null
      ? null
      : {
          id: r.aanbodId, schooljaar: r.aanbodSchooljaar!, volgnummer: Number(r.aanbodVolgnummer),
          vastgesteldOp: r.aanbodVastgesteldOp!, domeinen: r.aanbodDomeinen ?? [], basisOnderdelen: r.aanbodBasisOnderdelen ?? [],
          voorzieningen: r.aanbodVoorzieningen ?? [], isDemo: r.aanbodIsDemo === true,
        },
  }));
}

/** The distinct denominaties of the register, for the finder's select. */
export async function denominaties(ex: Executor): Promise<string[]> {
  const r = await rows<{ denominatie: string }>(
    ex,
    sql`select distinct denominatie from vestiging where denominatie is not null and denominatie <> '' order by denominatie`,
  );
  return r.map((x) => x.denominatie);
}

/**
 * The SWVs for the finder's empty state, with their published ouder- en jeugdsteunpunt. The profile join checks
 * `is_gepubliceerd` itself (see the top of this file); an SWV without a published profile comes back with empty
 * contact fields.
 */
export async function swvsMetSteunpunt(ex: Executor, codes: readonly string[]): Promise<SwvSteunpunt[]> {
  if (codes.length === 0) return [];
  return rows<SwvSteunpunt>(
    ex,
    sql`select s.code, s.naam, s.sector, (p.swv_id is not null) as gepubliceerd,
          coalesce(p.steunpunt_naam, '') as "steunpuntNaam", coalesce(p.steunpunt_telefoon, '') as "steunpuntTelefoon",
          coalesce(p.steunpunt_email, '') as "steunpuntEmail", coalesce(p.steunpunt_website, '') as "steunpuntWebsite",
          coalesce(p.telefoon, '') as telefoon, coalesce(p.email, '') as email, coalesce(p.website, '') as website
        from swv s
        left join swv_profiel p on p.swv_id = s.code and p.is_gepubliceerd
        where s.code = any(${tekstArray(codes)})
        order by s.code`,
  );
}

// -- (b) one school and its history ---------------------------------------------------------------------------------

/** One school location with board and SWV names, or undefined. */
export async function vindSchool(ex: Executor, code: string): Promise<SchoolDetail | undefined> {
  const r = await first<SchoolDetail>(ex, sql`select ${DETAIL_KOLOMMEN} from vestiging v ${DETAIL_JOINS} where v.code = ${code}`);
  return r && { ...r, lat: r.lat === null ? null : Number(r.lat), lon: r.lon === null ? null : Number(r.lon) };
}

/** Every adopted version of a school location, newest first (school year, then volgnummer). */
export async function vastgesteldeVersies(ex: Executor, code: string): Promise<PubliekeVersie[]> {
  return rows<PubliekeVersie>(
    ex,
    sql`select ${VERSIE_KOLOMMEN} from ondersteuningsaanbod a
        where a.vestiging_code = ${code} and a.status = 'vastgesteld'
        order by a.schooljaar desc, a.volgnummer desc`,
  );
}

/** One adopted version, or undefined (a concept is never found here). */
export async function vindVastgesteldeVersie(ex: Executor, code: string, schooljaar: string, volgnummer: number): Promise<PubliekeVersie | undefined> {
  return first<PubliekeVersie>(
    ex,
    sql`select ${VERSIE_KOLOMMEN} from ondersteuningsaanbod a
        where a.vestiging_code = ${code} and a.schooljaar = ${schooljaar} and a.volgnummer = ${volgnummer} and a.status = 'vastgesteld'`,
  );
}

// -- (c) the schools of an SWV --------------------------------------------------------------------------------------

/** The schools of an SWV (PO or VO by its code) with their newest adoption and whether this year's is adopted. */
export async function scholenVanSwv(ex: Executor, swvCode: string, huidigSchooljaar: string): Promise<SwvSchoolRij[]> {
  const r = await rows<SwvSchoolRij>(
    ex,
    sql`select v.code, v.naam, v.soort, v.onderwijsstructuur, v.plaats, v.lat, v.lon,
          l.vastgesteld_op::text as "laatstVastgesteldOp", l.schooljaar as "laatsteSchooljaar",
          exists (select 1 from ondersteuningsaanbod h where h.vestiging_code = v.code and h.status = 'vastgesteld'
                  and h.schooljaar = ${huidigSchooljaar}) as "huidigJaarVastgesteld"
        from vestiging v
        left join lateral (
          select a.vastgesteld_op, a.schooljaar from ondersteuningsaanbod a
          where a.vestiging_code = v.code and a.status = 'vastgesteld'
          order by a.vastgesteld_op desc, a.schooljaar desc, a.volgnummer desc limit 1
        ) l on true
        where v.swv_po = ${swvCode} or v.swv_vo = ${swvCode}
        order by v.naam, v.code`,
  );
  return r.map((s) => ({ ...s, lat: s.lat === null ? null : Number(s.lat), lon: s.lon === null ? null : Number(s.lon) }));
}

// -- (d) region map -------------------------------------------------------------------------------------------------

/**
 * The PC4 areas of an SWV's region (`inRegio`) plus the areas within about `margeKm` around them, for the region
 * map. The surrounding areas come from one bounding box around the region widened by `margeKm` on each side (the
 * map only needs context at its edges, not an exact ring). Empty for an SWV without region (the national ones).
 */
export async function regioPc4s(ex: Executor, swvCode: string, margeKm = 10): Promise<RegioPc4[]> {
  const hoeken = await first<{ minLat: number | null; maxLat: number | null; minLon: number | null; maxLon: number | null }>(
    ex,
    sql`select min(lat) as "minLat", max(lat) as "maxLat", min(lon) as "minLon", max(lon) as "maxLon"
        from pc4 where (swv_po = ${swvCode} or swv_vo = ${swvCode}) and lat is not null and lon is not null`,
  );
  if (!hoeken || hoeken.minLat === null || hoeken.maxLat === null || hoeken.minLon === null || hoeken.maxLon === null) return [];
  // The box around the south-west corner gives the lower bounds, the one around the north-east corner the upper.
  const zw = omhullendeBox({ lat: Number(hoeken.minLat), lon: Number(hoeken.minLon) }, margeKm);
  const no = omhullendeBox({ lat: Number(hoeken.maxLat), lon: Number(hoeken.maxLon) }, margeKm);
  const r = await rows<RegioPc4>(
    ex,
    sql`select pc4, lat, lon, coalesce(swv_po = ${swvCode} or swv_vo = ${swvCode}, false) as "inRegio"
        from pc4
        where lat between ${zw.minLat} and ${no.maxLat} and lon between ${zw.minLon} and ${no.maxLon}
        order by pc4`,
  );
  return r.map((p) => ({ pc4: p.pc4, lat: Number(p.lat), lon: Number(p.lon), inRegio: p.inRegio }));
}

// -- (f) SWV profile and basisondersteuning -------------------------------------------------------------------------

/** The SWV's profile when it is published, else undefined. */
export async function gepubliceerdProfiel(ex: Executor, swvCode: string): Promise<PubliekProfiel | undefined> {
  return first<PubliekProfiel>(
    ex,
    sql`select swv_id as "swvId", telefoon, email, website, adres, steunpunt_naam as "steunpuntNaam",
          steunpunt_telefoon as "steunpuntTelefoon", steunpunt_email as "steunpuntEmail",
          steunpunt_website as "steunpuntWebsite", steunpunt_toelichting as "steunpuntToelichting", documenten,
          is_demo as "isDemo"
        from swv_profiel where swv_id = ${swvCode} and is_gepubliceerd`,
  );
}

/** The SWV's adopted basisondersteuning of one school year, or undefined. */
export async function vastgesteldeBasis(ex: Executor, swvCode: string, schooljaar: string): Promise<PubliekeBasis | undefined> {
  return first<PubliekeBasis>(
    ex,
    sql`select schooljaar, onderdelen, toelichting, vastgesteld_op::text as "vastgesteldOp", is_demo as "isDemo"
        from basisondersteuning where swv_id = ${swvCode} and schooljaar = ${schooljaar} and status = 'vastgesteld'`,
  );
}

// -- (g) compare ----------------------------------------------------------------------------------------------------

interface VergelijkRuw extends SchoolDetail {
  aanbod: PubliekeVersie | null;
  leerlingen: number | null;
  leerlingenKlein: boolean | null;
  leerlingenTeljaar: number | null;
}

/**
 * Several schools by code, in the order asked, each with its current adopted version (school year up to
 * `huidigSchooljaar`) and the latest DUO pupil count. Unknown codes are left out; the caller compares the counts.
 */
export async function scholenOpCode(ex: Executor, codes: readonly string[], huidigSchooljaar: string): Promise<VergelijkSchool[]> {
  if (codes.length === 0) return [];
  const r = await rows<VergelijkRuw>(
    ex,
    sql`select ${DETAIL_KOLOMMEN},
          (select to_jsonb(x) from (
             select ${VERSIE_KOLOMMEN} from ondersteuningsaanbod a
             where a.vestiging_code = v.code and a.status = 'vastgesteld' and a.schooljaar <= ${huidigSchooljaar}
             order by a.schooljaar desc, a.volgnummer desc limit 1) x) as aanbod,
          t.aantal as leerlingen, t.is_klein as "leerlingenKlein", t.teljaar as "leerlingenTeljaar"
        from vestiging v ${DETAIL_JOINS}
        left join lateral (
          select l.aantal, l.is_klein, l.teljaar from vestiging_leerlingen l where l.vestiging_code = v.code
          order by l.teljaar desc limit 1
        ) t on true
        where v.code = any(${tekstArray(codes)})`,
  );
  const perCode = new Map(r.map((s) => [s.code, s]));
  return codes.flatMap((code) => {
    const s = perCode.get(code);
    if (!s) return [];
    return [{
      ...s,
      lat: s.lat === null ? null : Number(s.lat),
      lon: s.lon === null ? null : Number(s.lon),
      leerlingen: s.leerlingen === null ? null : Number(s.leerlingen),
      leerlingenKlein: s.leerlingenKlein === true,
      leerlingenTeljaar: s.leerlingenTeljaar === null ? null : Number(s.leerlingenTeljaar),
    }];
  });
}
