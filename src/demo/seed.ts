/**
 * Seeds the demo samenwerkingsverband: accounts for every role and fictitious pupils enrolled at real schools of
 * PO2603. Deterministic (seeded PRNG), idempotent (skips when the demo mark exists), and marks the database as
 * demo so every page shows the banner.
 */
import { sql } from 'drizzle-orm';
import { first, rows, type Database } from '../platform/db/client.js';
import type { Clock } from '../platform/clock.js';
import { addDays } from '../platform/civil-date.js';
import { createAccount } from '../platform/auth/service.js';
import { seal } from '../platform/auth/secrets.js';
import { recordAudit } from '../platform/audit/audit.js';
import { insertInschrijving, insertLeerling, insertOuder } from '../modules/leerlingen/store.js';
import { DEMO_LOGINS, DEMO_SWV, DEMO_VESTIGING } from './logins.js';

/** True when this database was seeded as a demo. */
export async function isDemoDatabase(db: Database): Promise<boolean> {
  const row = await first<{ waarde: string }>(db.owner, sql`select waarde from app_meta where sleutel = 'demo'`);
  return row?.waarde === 'true';
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo data on every install. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOORNAMEN = ['Noah', 'Emma', 'Luca', 'Julia', 'Sem', 'Mila', 'Liam', 'Tess', 'Finn', 'Sophie', 'Daan', 'Zoë', 'Milan',
  'Nora', 'Levi', 'Sara', 'Mees', 'Evi', 'Adam', 'Lotte', 'Noud', 'Yara', 'Bram', 'Fenna', 'Mohammed', 'Saar', 'Jesse',
  'Lina', 'Thijs', 'Anna', 'Ayoub', 'Fleur', 'Ravi', 'Nina', 'Teun', 'Isa', 'Omar', 'Lieke', 'Jens', 'Hiba'];
const ACHTERNAMEN: [string | null, string][] = [[null, 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], ['van', 'Dijk'],
  [null, 'Bakker'], [null, 'Janssen'], [null, 'Visser'], [null, 'Smit'], [null, 'Meijer'], ['de', 'Boer'], [null, 'Mulder'],
  ['de', 'Groot'], [null, 'Bos'], [null, 'Vos'], [null, 'Peters'], [null, 'Hendriks'], ['van', 'Leeuwen'], [null, 'Dekker'],
  [null, 'Brouwer'], ['de', 'Wit'], [null, 'Yilmaz'], ['El', 'Idrissi'], [null, 'Kaya'], [null, 'Nguyen'], [null, 'Pinas']];

export interface SeedReport {
  accounts: number;
  leerlingen: number;
  swv: string;
}

/**
 * Seeds the demo. Requires the register (the demo SWV and its schools) to be imported first.
 * @throws when the demo SWV is not in the register
 */
export async function seedDemo(db: Database, clock: Clock, secret: string): Promise<SeedReport | null> {
  if (await isDemoDatabase(db)) return null;
  const swv = await first<{ code: string }>(db.owner, sql`select code from swv where code = ${DEMO_SWV}`);
  if (!swv) throw new Error(`Het register bevat samenwerkingsverband ${DEMO_SWV} niet; importeer eerst het register.`);
  const scholen = await rows<{ code: string; bestuurNummer: string | null; soort: string }>(
    db.owner,
    sql`select code, bestuur_nummer as "bestuurNummer", soort from vestiging where swv_po = ${DEMO_SWV} and soort in ('bao', 'sbo')
        order by (code = ${DEMO_VESTIGING}) desc, code limit 6`,
  );
  const pc4s = (await rows<{ pc4: string }>(db.owner, sql`select pc4 from pc4 where swv_po = ${DEMO_SWV} order by pc4`)).map((r) => r.pc4);
  const hoofdschool = scholen[0]!;

  for (const d of DEMO_LOGINS) {
    // The pupil's account needs its pupil: the OPP demo makes it (demo/opp.ts).
    if (d.rol === 'leerling') continue;
    const id = await createAccount({ db }, {
      email: d.email, naam: d.naam, wachtwoord: d.wachtwoord ?? undefined, rol: d.rol,
      swvId: d.swv ? DEMO_SWV : null, vestigingCode: d.vestiging ? hoofdschool.code : null,
      bestuurNummer: d.rol === 'bestuur' ? hoofdschool.bestuurNummer : null,
    });
    if (d.totpSecret) {
      await db.withSystem((tx) =>
        tx.execute(sql`update gebruiker set totp_secret = ${seal(secret, 'totp', d.totpSecret!)}, totp_bevestigd_op = now() where id = ${id}`),
      );
    }
  }

  const rnd = prng(2603);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const today = clock.today();
  const ouderEmail = DEMO_LOGINS.find((d) => d.rol === 'ouder')!.email;
  let aantal = 0;
  await db.withTenant({ swvId: DEMO_SWV, userId: null }, async (tx) => {
    const ouderId = (await first<{ id: string }>(tx, sql`select id from gebruiker where email = ${ouderEmail}`))!.id;
    for (let i = 0; i < 120; i++) {
      const [tussenvoegsel, achternaam] = pick(ACHTERNAMEN);
      const leeftijdDagen = Math.floor((4 + rnd() * 8) * 365.25);
      const school = i < 60 ? hoofdschool : pick(scholen);
      const id = await insertLeerling(tx, {
        swvId: DEMO_SWV, voornaam: pick(VOORNAMEN), tussenvoegsel: tussenvoegsel ?? undefined, achternaam,
        geboortedatum: addDays(today, -leeftijdDagen), woonPc4: pc4s.length ? pick(pc4s) : undefined,
      });
      await insertInschrijving(tx, { swvId: DEMO_SWV, leerlingId: id, vestigingCode: school.code, startdatum: addDays(today, -Math.min(leeftijdDagen - 4 * 365, Math.floor(rnd() * 2000))) });
      // The demo parent has two children at the main school: one with gezag, one (a stepchild) without.
      if (i === 0 || i === 1) {
        await insertOuder(tx, { swvId: DEMO_SWV, leerlingId: id, naam: 'Sanne Vermeulen (demo)', email: ouderEmail, relatie: i === 0 ? 'ouder' : 'verzorger', heeftGezag: i === 0, gebruikerId: ouderId });
      }
      await recordAudit(tx, { swvId: DEMO_SWV, actorGebruikerId: null, actorRol: 'systeem', actie: 'aanmaken', objectType: 'leerling', objectId: id, leerlingId: id, grondslag: 'demo-gegevens', resultaat: 'ok' });
      aantal += 1;
    }
  });
  await db.owner.execute(sql`insert into app_meta (sleutel, waarde) values ('demo', 'true') on conflict (sleutel) do update set waarde = 'true'`);
  return { accounts: DEMO_LOGINS.length, leerlingen: aantal, swv: DEMO_SWV };
}
