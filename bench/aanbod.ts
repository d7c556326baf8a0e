/**
 * Bench-only (never part of the product): the data and the in-process timing for the school-finder scenario.
 *
 * The demo gives offers to the ~80 schools of PO2603 only; a parent's search near an SWV border, and the finder's
 * lateral "current version" lookup, should be measured against a country where every school has an offer. So
 * before measuring, every primary and special-education location of the register (~7,000) gets an adopted offer for
 * the current school year, with the demo's content generator (maakDemoInhoud).
 */
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../src/platform/db/client.js';
import type { Clock } from '../src/platform/clock.js';
import { schoolYearOf } from '../src/platform/civil-date.js';
import { findPc4 } from '../src/modules/register/store.js';
import { ondersteuningsaanbod } from '../src/modules/aanbod/schema.js';
import { zoekKandidatenSql, type KandidatenVraag } from '../src/modules/aanbod/publiek-store.js';
import { omhullendeBox } from '../src/modules/aanbod/rules/afstand.js';
import { soortenVoorSql } from '../src/modules/aanbod/rules/schooltype.js';
import { leesZoekvraag, type Zoekvraag } from '../src/modules/aanbod/rules/zoekvraag.js';
import { zoekScholen } from '../src/modules/aanbod/zoeken.js';
import { AANBOD_SOORTEN, DEMO_BASIS, demoVaststelling, maakDemoInhoud, vastgesteldeVersie, zaadVan } from '../src/demo/aanbod.js';
import { prng } from '../src/demo/seed.js';

/** The query of the finder scenario, as the page and the API get it. */
export const ZOEK_QUERY = 'postcode=3701AB&behoefte=gedrag&behoefte=taal-lezen&soort=bao&afstand=10';

/** Rows per INSERT statement: large enough to save round trips, small enough for PGlite's message size. */
const BATCH = 400;

/**
 * Gives every bao/sbo/(v)so location that has an SWV an adopted offer for the current school year, unless it has
 * a version for that year already (the demo schools). One owner transaction; the tenant is set per SWV, because on
 * PostgreSQL the owner is not a superuser and FORCE ROW LEVEL SECURITY binds it too (on PGlite it is, and skips RLS).
 * Returns how many versions were added and how long it took.
 */
export async function vulAanbodLandelijk(db: Database, clock: Clock): Promise<{ versies: number; scholen: number; ms: number }> {
  const t0 = performance.now();
  const vandaag = clock.today();
  const huidig = schoolYearOf(vandaag);
  const beginjaar = Number(huidig.slice(0, 4));
  const scholen = await rows<{ code: string; soort: string; swv: string }>(
    db.owner,
    sql`select v.code, v.soort, coalesce(v.swv_po, v.swv_vo) as swv from vestiging v
        where v.soort = any(${sql.param([...AANBOD_SOORTEN])}::text[]) and coalesce(v.swv_po, v.swv_vo) is not null
          and not exists (select 1 from ondersteuningsaanbod a where a.vestiging_code = v.code and a.schooljaar = ${huidig})
        order by 3, 1`,
  );
  const perSwv = new Map<string, typeof scholen>();
  for (const s of scholen) perSwv.set(s.swv, [...(perSwv.get(s.swv) ?? []), s]);
  let versies = 0;
  await db.owner.transaction(async (tx) => {
    for (const [swv, lijst] of perSwv) {
      await tx.execute(sql`select set_config('app.swv_id', ${swv}, true)`);
      for (let i = 0; i < lijst.length; i += BATCH) {
        const waarden = lijst.slice(i, i + BATCH).map((s) => vastgesteldeVersie({
          swvId: swv, vestigingCode: s.code, schooljaar: huidig, inhoud: maakDemoInhoud(s.code, s.soort, DEMO_BASIS),
          vaststelling: demoVaststelling(prng(zaadVan(`${s.code}:${huidig}`)), beginjaar, vandaag),
        }));
        const r = await tx.insert(ondersteuningsaanbod).values(waarden).onConflictDoNothing().returning({ id: ondersteuningsaanbod.id });
        versies += r.length;
      }
    }
  });
  // Fresh statistics, as autovacuum would give a real database after a while: the planner should see ~7,000 rows.
  await db.owner.execute(sql`analyze ondersteuningsaanbod`);
  const totaal = await rows<{ n: number }>(db.owner, sql`select count(distinct vestiging_code)::int as n from ondersteuningsaanbod
    where status = 'vastgesteld' and schooljaar = ${huidig}`);
  return { versies, scholen: totaal[0]?.n ?? 0, ms: performance.now() - t0 };
}

/** The finder question of the scenario (the same as {@link ZOEK_QUERY}). */
export function benchZoekvraag(): Zoekvraag {
  const q = new URLSearchParams(ZOEK_QUERY);
  const r = leesZoekvraag({ postcode: q.get('postcode') ?? '', behoefte: q.getAll('behoefte'), soort: q.getAll('soort'), afstand: q.get('afstand') ?? '' });
  if (!r.ok) throw new Error(`bench: ongeldige zoekvraag ${JSON.stringify(r.fouten)}`);
  return r.vraag;
}

interface Timing {
  n: number;
  ms: number;
  /** Rows the candidate query returned (the same on every call). */
  kandidaten: number;
}

/**
 * The finder's database work alone, sequential, in this process, time-boxed: (1) "raw": the PC4-centroid lookup and
 * the candidate query (zoekKandidatenSql) on the owner connection, no transaction — what the API runs against the
 * database, with nothing around it; (2) the same two queries in the public transaction (app role, no tenant, so
 * under RLS), as zoekScholen runs them; (3) zoekScholen itself (2 + the matching rules in JS). The three run in
 * turn for 3 × `budgetMs`.
 */
export async function timeZoeken(db: Database, clock: Clock, budgetMs: number) {
  const vraag = benchZoekvraag();
  const huidigSchooljaar = schoolYearOf(clock.today());
  let kandidaten = 0;
  const tweeQueries = async (ex: Parameters<typeof findPc4>[0]) => {
    const gebied = await findPc4(ex, vraag.pc4);
    if (!gebied || gebied.lat === null || gebied.lon === null) throw new Error(`bench: PC4 ${vraag.pc4} onbekend`);
    const v: KandidatenVraag = {
      box: omhullendeBox({ lat: gebied.lat, lon: gebied.lon }, vraag.maxKm),
      soorten: soortenVoorSql(vraag.schooltypen), denominatie: vraag.denominatie, huidigSchooljaar,
    };
    kandidaten = (await rows(ex, zoekKandidatenSql(v))).length;
  };
  const metingen = {
    raw: () => tweeQueries(db.owner),
    publiek: () => db.withTenant({ swvId: null, userId: null }, (tx) => tweeQueries(tx)),
    command: () => zoekScholen(db, clock, vraag),
  };
  type Meting = keyof typeof metingen;
  const totaal: Record<Meting, { n: number; ms: number }> = { raw: { n: 0, ms: 0 }, publiek: { n: 0, ms: 0 }, command: { n: 0, ms: 0 } };
  for (const fn of Object.values(metingen)) for (let i = 0; i < 5; i++) await fn();
  // Round robin, so a burst of other work on the machine hits the three alike instead of whichever ran then.
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs * 3 && totaal.raw.n < 20_000) {
    for (const [naam, fn] of Object.entries(metingen) as [Meting, () => Promise<unknown>][]) {
      const t = performance.now();
      await fn();
      totaal[naam].ms += performance.now() - t;
      totaal[naam].n += 1;
    }
  }
  const uit = (k: Meting): Timing => ({ n: totaal[k].n, ms: totaal[k].ms / totaal[k].n, kandidaten });
  return { raw: uit('raw'), publiek: uit('publiek'), command: uit('command') };
}
