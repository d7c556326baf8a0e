/**
 * The zorgplicht clock's background jobs (issue 5), on every database kind: reminders 14 and 7 days before the
 * deadline (once, again after an extension, caught up after a missed day), the provisional placement by law on the
 * day after 10 weeks (legal-rules §10 rules 3–5: not before the 4th birthday, not when enrolled elsewhere, not when
 * decided in time) with its enrolment, audit event and mails, the weekly overview for the SWV, the schedule, a
 * reminder delivered over a real SMTP server, and a property: the job places exactly on max(day after 10 weeks,
 * 4th birthday).
 *
 * On a shared PostgreSQL database the job only runs for this file's own tenants (the `swvIds` option) and every
 * assertion reads this file's rows by id or by this file's unique e-mail addresses.
 */
import crypto from 'node:crypto';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db.js';
import { buildTenant, buildUser, type TestTenant, type TestUser } from '../support/app.js';
import { startSmtpServer } from '../support/smtp.js';
import { first, rows } from '../../src/platform/db/client.js';
import { manualClock } from '../../src/platform/clock.js';
import { runDueJobs } from '../../src/platform/jobs/queue.js';
import { mailJobHandler } from '../../src/platform/mail/outbox.js';
import { insertInschrijving, insertLeerling, insertOuder } from '../../src/modules/leerlingen/store.js';
import type { Sector } from '../../src/modules/zorgplicht/rules/termijnen.js';
import {
  amsterdamTijdstip, planWeekoverzichten, planZorgplichtTaken, stuurWeekoverzicht, voerDagelijkseControleUit, volgendeDagrun,
  volgendeWeekrun, zorgplichtJobHandlers, GRONDSLAG_TIJDELIJKE_PLAATSING, type TakenDeps,
} from '../../src/modules/zorgplicht/taken.js';

const PUBLIC_URL = 'https://passend.test';

interface Mail { id: string; aan: string; onderwerp: string; tekst: string }

describe('zorgplicht-taken: schedule (pure)', () => {
  it('06:00 and Monday 07:00 in Europe/Amsterdam, across the daylight-saving changes', () => {
    assert.equal(amsterdamTijdstip('2025-01-15', 6).toISOString(), '2025-01-15T05:00:00.000Z');
    assert.equal(amsterdamTijdstip('2025-07-15', 6).toISOString(), '2025-07-15T04:00:00.000Z');
    // Summer time starts on 30 March 2025, ends on 26 October 2025.
    assert.deepEqual(volgendeDagrun(new Date('2025-03-29T12:00:00Z')), { datum: '2025-03-30', op: new Date('2025-03-30T04:00:00Z') });
    assert.deepEqual(volgendeDagrun(new Date('2025-10-25T12:00:00Z')), { datum: '2025-10-26', op: new Date('2025-10-26T05:00:00Z') });
    // Before 06:00 the next run is today's; at 06:00 exactly it is tomorrow's.
    assert.equal(volgendeDagrun(new Date('2025-01-15T04:59:00Z')).datum, '2025-01-15');
    assert.equal(volgendeDagrun(new Date('2025-01-15T05:00:00Z')).datum, '2025-01-16');
    assert.equal(volgendeDagrun(new Date('2025-12-31T23:30:00Z')).datum, '2026-01-01', 'already 1 January in Amsterdam, before 06:00');
    // 2025-05-13 is a Tuesday; 2025-05-19 a Monday.
    assert.deepEqual(volgendeWeekrun(new Date('2025-05-13T10:00:00Z')), { datum: '2025-05-19', op: new Date('2025-05-19T05:00:00Z') });
    assert.equal(volgendeWeekrun(new Date('2025-05-19T04:59:00Z')).datum, '2025-05-19');
    assert.equal(volgendeWeekrun(new Date('2025-05-19T05:00:00Z')).datum, '2025-05-26');
  });
});

/** Quoted-printable or base64 body of a raw message, decoded (nodemailer encodes non-ASCII text). */
function decodeer(raw: string): string {
  const [headers, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(headers!)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const soft = body.replace(/=\r?\n/g, '');
  return Buffer.from(soft.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

/** The placement date independently of rules/toelating.ts: Date.UTC rolls 29 February into 1 March by itself. */
function verwachtePlaatsing(sector: Sector, ontvangen: string, geboorte: string): string {
  const [y, m, d] = ontvangen.split('-').map(Number) as [number, number, number];
  const naTienWeken = new Date(Date.UTC(y, m - 1, d + 10 * 7 + 1)).toISOString().slice(0, 10);
  if (sector === 'vo') return naTienWeken;
  const [by, bm, bd] = geboorte.split('-').map(Number) as [number, number, number];
  const vier = new Date(Date.UTC(by + 4, bm - 1, bd)).toISOString().slice(0, 10);
  return vier > naTienWeken ? vier : naTienWeken;
}

for (const kind of databaseKinds()) {
  describe(`zorgplicht-taken [${kind}]`, () => {
    let db: TestDatabase;
    let t: TestTenant;
    let ib: TestUser;
    let sl: TestUser;
    let ibAnder: TestUser;
    let slInactief: TestUser;
    let swvMw: TestUser;
    const clock = manualClock(new Date('2025-03-01T10:00:00Z'));
    let deps: TakenDeps;
    const waarschuwingen: object[] = [];
    /** Every e-mail address this file creates (for the clean-up of its mail jobs on a shared database). */
    const adressen = new Set<string>();
    const gebruiker = async (...args: Parameters<typeof buildUser>) => {
      const u = await buildUser(...args);
      adressen.add(u.email);
      return u;
    };

    const dag = (d: string) => clock.set(new Date(`${d}T10:00:00Z`));
    const draai = (...tenants: TestTenant[]) => voerDagelijkseControleUit(deps, { swvIds: (tenants.length ? tenants : [t]).map((x) => x.swvId) });
    const lees = <T,>(q: ReturnType<typeof sql>, tenant = t) => db.withTenant({ swvId: tenant.swvId, userId: null }, (tx) => first<T>(tx, q));
    const alle = <T,>(q: ReturnType<typeof sql>, tenant = t) => db.withTenant({ swvId: tenant.swvId, userId: null }, (tx) => rows<T>(tx, q));
    const mailsOver = (aanmeldingId: string) => db.withSystem((tx) => rows<Mail>(tx, sql`select id, aan, onderwerp, tekst from mail_bericht
      where tekst like ${`%/aanmeldingen/${aanmeldingId}%`} order by created_at, aan`));
    const mailsAan = (adres: string) => db.withSystem((tx) => rows<Mail>(tx, sql`select id, aan, onderwerp, tekst from mail_bericht where aan = ${adres} order by created_at`));
    const status = (id: string, tenant = t) => lees<{ status: string; vanaf: string | null; inschrijving_id: string | null; versie: number }>(
      sql`select status, tijdelijk_geplaatst_vanaf::text as vanaf, inschrijving_id, versie from aanmelding where id = ${id}`, tenant);

    /** A child and its application, written directly (the pages are tested in aanmelding.test.ts). */
    async function aanmelding(o: { ontvangenOp: string; geboortedatum?: string; sector?: Sector; vestigingCode?: string; tenant?: TestTenant; achternaam?: string }) {
      const tenant = o.tenant ?? t;
      return db.withTenant({ swvId: tenant.swvId, userId: null }, async (tx) => {
        const leerlingId = await insertLeerling(tx, {
          swvId: tenant.swvId, voornaam: 'Noor', achternaam: o.achternaam ?? 'Klokvertrouwen', geboortedatum: o.geboortedatum ?? '2020-01-15', woonPc4: '3701',
        });
        // Only the columns the job reads (store.ts's insert is someone else's, and its fields grow with the pages).
        const r = await first<{ id: string }>(tx, sql`insert into aanmelding (swv_id, leerling_id, vestiging_code, sector, ontvangen_op, geregistreerd_door)
          values (${tenant.swvId}, ${leerlingId}, ${o.vestigingCode ?? tenant.vestigingCode}, ${o.sector ?? 'po'}, ${o.ontvangenOp}, ${ib.id}) returning id`);
        return { id: r!.id, leerlingId };
      });
    }

    async function extraVestiging(tenant: TestTenant): Promise<string> {
      for (;;) {
        const brin = crypto.randomBytes(4).toString('hex').toUpperCase().slice(0, 4);
        const r = await rows(db.owner, sql`insert into vestiging (code, instellingscode, naam, soort, bestuur_nummer, plaats, swv_po)
            values (${`${brin}00`}, ${brin}, 'Testschool Zonder Personeel', 'bao', ${tenant.bestuurNummer}, 'Teststad', ${tenant.swvId})
            on conflict (code) do nothing returning code`);
        if (r.length === 1) return `${brin}00`;
      }
    }

    before(async () => {
      db = await openTestDatabase(kind);
      t = await buildTenant(db);
      ib = await gebruiker(db, t, 'intern-begeleider');
      sl = await gebruiker(db, t, 'schoolleider');
      ibAnder = await gebruiker(db, t, 'intern-begeleider', { vestigingCode: t.andereVestigingCode });
      slInactief = await gebruiker(db, t, 'schoolleider');
      await db.withSystem((tx) => tx.execute(sql`update gebruiker set is_actief = false where id = ${slInactief.id}`));
      swvMw = await gebruiker(db, t, 'swv-medewerker');
      deps = {
        db, clock, publicUrl: PUBLIC_URL,
        logger: { info: () => {}, warn: (o) => { waarschuwingen.push(o); }, error: () => {} },
      };
    });
    after(async () => {
      if (kind === 'postgres') {
        // This file's mails are test mails: their delivery jobs are closed here, so another test's SMTP worker on the
        // shared database does not send them around. Only jobs of mails to this file's own addresses are touched.
        await db.withSystem((tx) => tx.execute(sql`update job set status = 'klaar', klaar_op = now()
          where soort = 'mail' and status = 'wachtend' and payload->>'id' in (
            select id::text from mail_bericht where aan in (${sql.join([...adressen].map((a) => sql`${a}`), sql`, `)}))`));
      }
      await db.close();
    });

    it('reminders exactly from deadline−14 and −7 (not the day before), once, and again after an extension', async () => {
      const { id } = await aanmelding({ ontvangenOp: '2025-03-03' }); // deadline 2025-04-14 (rule 1)
      dag('2025-03-30');
      await draai();
      assert.equal((await mailsOver(id)).length, 0, 'deadline−15: nothing');

      dag('2025-03-31');
      await draai();
      const veertien = await mailsOver(id);
      assert.deepEqual(veertien.map((m) => m.aan), [ib.email, sl.email].sort(), 'the active intern begeleider and school leader of that school only');
      for (const m of veertien) {
        assert.equal(m.onderwerp, 'Herinnering: nog 14 dagen om te beslissen over een aanmelding');
        assert.match(m.tekst, /heeft op 3 maart 2025 een aanmelding ontvangen/);
        assert.match(m.tekst, /uiterlijk op 14 april 2025 beslissen\. Dat is over 14 dagen\./);
        assert.match(m.tekst, /tot uiterlijk 12 mei 2025/);
        assert.match(m.tekst, /vanaf 13 mei 2025 tijdelijk ingeschreven/);
        assert.ok(m.tekst.includes(`${PUBLIC_URL}/aanmeldingen/${id}`));
        assert.doesNotMatch(m.tekst, /Noor|Klokvertrouwen|2020/, 'no name and no birth date in the mail');
      }
      for (const niet of [ibAnder, slInactief, swvMw]) assert.equal((await mailsAan(niet.email)).filter((m) => m.tekst.includes(id)).length, 0);

      await draai();
      assert.equal((await mailsOver(id)).length, 2, 'a re-run the same day sends nothing');
      dag('2025-04-06');
      await draai();
      assert.equal((await mailsOver(id)).length, 2, 'deadline−8: nothing new');
      dag('2025-04-07');
      await draai();
      await draai();
      const zeven = (await mailsOver(id)).slice(2);
      assert.equal(zeven.length, 2, 'deadline−7: one more per person, once');
      assert.equal(zeven[0]!.onderwerp, 'Herinnering: nog 7 dagen om te beslissen over een aanmelding');

      // The school extends to 12 May (the pages do this; here the row): the new deadline gets its own reminders.
      await db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`update aanmelding set verlengd_tot = '2025-05-12',
        verlenging_reden = 'Wij wachten op het onderzoek.', verlengd_op = '2025-04-10', status = 'verlengd', versie = versie + 1 where id = ${id}`));
      dag('2025-04-27');
      await draai();
      assert.equal((await mailsOver(id)).length, 4);
      dag('2025-04-28');
      await draai();
      const na = (await mailsOver(id)).slice(4);
      assert.equal(na.length, 2);
      assert.match(na[0]!.tekst, /uiterlijk op 12 mei 2025 beslissen/);
      assert.match(na[0]!.tekst, /al een keer verlengd/);
      const herinneringen = await alle<{ soort: string; termijn: string }>(sql`select soort, termijn::text as termijn from aanmelding_herinnering
        where aanmelding_id = ${id} order by termijn, soort`);
      assert.deepEqual(herinneringen, [
        { soort: '14-dagen', termijn: '2025-04-14' }, { soort: '7-dagen', termijn: '2025-04-14' }, { soort: '14-dagen', termijn: '2025-05-12' },
      ]);
    });

    it('a missed week is caught up with one mail; a school without staff still gets its reminder recorded (and logged)', async () => {
      const { id } = await aanmelding({ ontvangenOp: '2025-03-03' });
      dag('2025-04-09'); // deadline−5: both reminders due, never sent
      await draai();
      const mails = await mailsOver(id);
      assert.equal(mails.length, 2, 'one mail per person, not two');
      assert.equal(mails[0]!.onderwerp, 'Herinnering: nog 5 dagen om te beslissen over een aanmelding');
      assert.equal((await alle(sql`select 1 from aanmelding_herinnering where aanmelding_id = ${id}`)).length, 2, 'both recorded');
      dag('2025-04-15');
      await draai();
      assert.equal((await mailsOver(id)).length, 2, 'after the deadline: no reminder');

      const leeg = await extraVestiging(t);
      const zonder = await aanmelding({ ontvangenOp: '2025-03-03', vestigingCode: leeg });
      dag('2025-03-31');
      await draai();
      assert.equal((await mailsOver(zonder.id)).length, 0);
      assert.equal((await alle(sql`select 1 from aanmelding_herinnering where aanmelding_id = ${zonder.id}`)).length, 1);
      assert.ok(waarschuwingen.some((w) => (w as { aanmeldingId?: string }).aanmeldingId === zonder.id), 'logged for the beheerder');
    });

    it('rule 3: no decision by 2025-05-12 → placed by law from 2025-05-13, with enrolment, audit event and mails to school and parents with gezag', async () => {
      const { id, leerlingId } = await aanmelding({ ontvangenOp: '2025-03-03', geboortedatum: '2020-01-15' });
      const ouders = { gezag: `ouder-gezag-${crypto.randomUUID()}@test.passend.test`, zonderGezag: `ouder-zonder-${crypto.randomUUID()}@test.passend.test` };
      adressen.add(ouders.gezag).add(ouders.zonderGezag);
      await db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
        await insertOuder(tx, { swvId: t.swvId, leerlingId, naam: 'Ouder Een', email: ouders.gezag, relatie: 'ouder', heeftGezag: true });
        await insertOuder(tx, { swvId: t.swvId, leerlingId, naam: 'Ouder Twee', email: ouders.zonderGezag, relatie: 'ouder', heeftGezag: false });
        await insertOuder(tx, { swvId: t.swvId, leerlingId, naam: 'Voogd Zonder Mail', relatie: 'voogd', heeftGezag: true });
      });
      dag('2025-05-12');
      await draai();
      assert.equal((await status(id))!.vanaf, null, 'on the last day of the 10 weeks: not yet');

      dag('2025-05-13');
      const versie = (await status(id))!.versie;
      await draai();
      const a = (await status(id))!;
      assert.equal(a.status, 'tijdelijk-geplaatst');
      assert.equal(a.vanaf, '2025-05-13');
      assert.equal(a.versie, versie + 1);
      const inschrijvingen = await alle<{ id: string; vestiging_code: string; startdatum: string; einddatum: string | null }>(sql`select id,
        vestiging_code, startdatum::text as startdatum, einddatum::text as einddatum from inschrijving where leerling_id = ${leerlingId}`);
      assert.deepEqual(inschrijvingen, [{ id: a.inschrijving_id, vestiging_code: t.vestigingCode, startdatum: '2025-05-13', einddatum: null }]);

      const audit = await alle<{ actie: string; object_type: string; actor_rol: string; actor_gebruiker_id: string | null; grondslag: string; resultaat: string }>(
        sql`select actie, object_type, actor_rol, actor_gebruiker_id, grondslag, resultaat from audit_event
            where swv_id = ${t.swvId} and leerling_id = ${leerlingId} order by seq`);
      assert.deepEqual(audit.map((e) => [e.actie, e.object_type]), [['aanmaken', 'inschrijving'], ['wijzigen', 'aanmelding']]);
      for (const e of audit) {
        assert.equal(e.actor_rol, 'systeem');
        assert.equal(e.actor_gebruiker_id, null);
        assert.equal(e.grondslag, GRONDSLAG_TIJDELIJKE_PLAATSING);
        assert.equal(e.resultaat, 'ok');
      }

      const mails = await mailsOver(id);
      assert.deepEqual(mails.map((m) => m.aan).sort(), [ib.email, sl.email, ouders.gezag].sort(), 'school staff and the parent with gezag and an e-mail address');
      const ouderMail = mails.find((m) => m.aan === ouders.gezag)!;
      assert.equal(ouderMail.onderwerp, 'Uw kind staat tijdelijk ingeschreven op de school van uw aanmelding');
      assert.match(ouderMail.tekst, /vanaf 13 mei 2025 tijdelijk ingeschreven op deze school \(artikel 40 lid 7 van de Wet op het primair onderwijs\)/);
      assert.match(mails.find((m) => m.aan === ib.email)!.onderwerp, /volgens de wet tijdelijk ingeschreven op uw school/);
      for (const m of mails) assert.doesNotMatch(m.tekst, /Noor|Klokvertrouwen|2020/);

      dag('2025-05-14');
      await draai();
      assert.equal((await alle(sql`select 1 from inschrijving where leerling_id = ${leerlingId}`)).length, 1, 'never placed twice');
      assert.equal((await mailsOver(id)).length, 3);
      assert.equal((await status(id))!.versie, versie + 1);
    });

    it('rule 4: a child that turns 4 on 2025-06-01 is placed from 2025-06-01, not before', async () => {
      const { id, leerlingId } = await aanmelding({ ontvangenOp: '2025-03-03', geboortedatum: '2021-06-01' });
      for (const d of ['2025-05-13', '2025-05-31']) {
        dag(d);
        await draai();
        assert.equal((await status(id))!.vanaf, null, d);
      }
      dag('2025-06-01');
      await draai();
      assert.equal((await status(id))!.vanaf, '2025-06-01');
      assert.equal((await lees<{ startdatum: string }>(sql`select startdatum::text as startdatum from inschrijving where leerling_id = ${leerlingId}`))!.startdatum, '2025-06-01');
    });

    it('rule 5: enrolled at another school on the lapse date → no placement; an enrolment that ended before it does not count', async () => {
      const cases = [
        { einddatum: null, geplaatst: false },
        { einddatum: '2025-05-13', geplaatst: false },
        { einddatum: '2025-05-12', geplaatst: true },
      ];
      const ids: string[] = [];
      for (const c of cases) {
        const { id, leerlingId } = await aanmelding({ ontvangenOp: '2025-03-03' });
        await db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
          await insertInschrijving(tx, { swvId: t.swvId, leerlingId, vestigingCode: t.andereVestigingCode, startdatum: '2024-08-20' });
          if (c.einddatum) await tx.execute(sql`update inschrijving set einddatum = ${c.einddatum} where leerling_id = ${leerlingId}`);
        });
        ids.push(id);
      }
      dag('2025-05-13');
      const v = await draai();
      assert.ok(v.eldersIngeschreven >= 2);
      for (const [i, c] of cases.entries()) {
        const a = (await status(ids[i]!))!;
        assert.equal(a.status === 'tijdelijk-geplaatst', c.geplaatst, `einddatum ${c.einddatum}`);
        if (!c.geplaatst) assert.equal(a.inschrijving_id, null);
      }
    });

    it('decided in time or withdrawn: no placement, no enrolment', async () => {
      const besloten = await aanmelding({ ontvangenOp: '2025-03-03' });
      const ingetrokken = await aanmelding({ ontvangenOp: '2025-03-03' });
      await db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
        await tx.execute(sql`update aanmelding set besluit = 'toegelaten', besluit_op = '2025-05-01', status = 'besluit-genomen' where id = ${besloten.id}`);
        await tx.execute(sql`update aanmelding set ingetrokken_op = '2025-04-01', intrekking_reden = 'Ouders kozen een andere school.', status = 'ingetrokken' where id = ${ingetrokken.id}`);
      });
      dag('2025-05-13');
      await draai();
      for (const x of [besloten, ingetrokken]) {
        assert.equal((await status(x.id))!.vanaf, null);
        assert.equal((await alle(sql`select 1 from inschrijving where leerling_id = ${x.leerlingId}`)).length, 0);
        assert.equal((await mailsOver(x.id)).length, 0);
      }
    });

    it('vo: a suspension (WVO 27 lid 2g) moves the reminders and the placement by its days', async () => {
      const { id } = await aanmelding({ ontvangenOp: '2025-03-03', sector: 'vo', geboortedatum: '2013-04-01' });
      await db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`update aanmelding set opgeschort_van = '2025-03-10',
        opgeschort_tot = '2025-03-16', opschorting_reden = 'Wachten op het onderwijskundig rapport.' where id = ${id}`));
      dag('2025-04-06');
      await draai();
      assert.equal((await mailsOver(id)).length, 0);
      dag('2025-04-07'); // deadline 2025-04-21 (6 weeks + 7 days) − 14
      await draai();
      const mails = await mailsOver(id);
      assert.equal(mails.length, 2);
      assert.match(mails[0]!.tekst, /uiterlijk op 21 april 2025 beslissen/);
      assert.match(mails[0]!.tekst, /artikel 27 lid 2f van de Wet op het voortgezet onderwijs/);
      dag('2025-05-19');
      await draai();
      assert.equal((await status(id))!.vanaf, null);
      dag('2025-05-20');
      await draai();
      assert.equal((await status(id))!.vanaf, '2025-05-20');
    });

    it('the weekly overview: counts only, to the SWV staff only', async () => {
      const t2 = await buildTenant(db);
      const mw = await gebruiker(db, t2, 'swv-medewerker');
      const dir = await gebruiker(db, t2, 'swv-directeur');
      const school = await gebruiker(db, t2, 'intern-begeleider');
      const maak = (ontvangenOp: string) => aanmelding({ ontvangenOp, tenant: t2, achternaam: 'Weektelling' });
      await maak('2025-05-01'); // deadline 2025-06-12: on time
      await maak('2025-04-10'); // deadline 2025-05-22: 3 days left on 19 May → at risk
      await maak('2025-04-01'); // deadline 2025-05-13: overdue (lapses only after 2025-06-10)
      const geplaatst = await maak('2025-03-03'); // placed by law on 2025-05-13
      const besloten = await maak('2025-03-20');
      const eerder = await maak('2025-03-20');
      await db.withTenant({ swvId: t2.swvId, userId: null }, async (tx) => {
        await tx.execute(sql`update aanmelding set besluit = 'toegelaten', besluit_op = '2025-05-14', status = 'besluit-genomen' where id = ${besloten.id}`);
        await tx.execute(sql`update aanmelding set besluit = 'geweigerd', besluit_op = '2025-05-09', status = 'besluit-genomen' where id = ${eerder.id}`);
      });
      dag('2025-05-13');
      await draai(t2);
      assert.equal((await status(geplaatst.id, t2))!.vanaf, '2025-05-13');

      dag('2025-05-19');
      const r = await stuurWeekoverzicht(deps, t2.swvId, '2025-05-19');
      assert.deepEqual(r.cijfers, { lopend: 3, bijna: 1, verlopen: 1, geplaatst: 1, besluiten: 1 });
      assert.equal(r.mails, 2);
      for (const u of [mw, dir]) {
        const [m, ...meer] = await mailsAan(u.email);
        assert.equal(meer.length, 0);
        assert.equal(m!.onderwerp, 'Weekoverzicht aanmeldingen 19 mei 2025');
        assert.match(m!.tekst, /Lopende termijnen \(nog geen besluit\): 3/);
        assert.match(m!.tekst, /bijna verlopen \(7 dagen of minder\): 1/);
        assert.match(m!.tekst, /te laat \(termijn voorbij, nog geen besluit\): 1/);
        assert.match(m!.tekst, /tijdelijk ingeschreven van 12 mei 2025 tot en met 18 mei 2025: 1/);
        assert.match(m!.tekst, /Besluiten genomen van 12 mei 2025 tot en met 18 mei 2025: 1/);
        assert.ok(m!.tekst.includes(`${PUBLIC_URL}/aanmeldingen\n`));
        assert.doesNotMatch(m!.tekst, /Noor|Weektelling/);
      }
      assert.equal((await mailsAan(school.email)).filter((m) => m.onderwerp.startsWith('Weekoverzicht')).length, 0, 'not to the school');
    });

    it('scheduling at boot: today, the next day and the next Monday, once; a finished run is never set back', async () => {
      class Terug extends Error {}
      // 29 March 2031 is a Saturday before the switch to summer time (like 2025): far from any real run's keys.
      const nu = new Date('2031-03-29T12:00:00Z');
      await assert.rejects(db.withSystem(async (tx) => {
        await planZorgplichtTaken(tx, nu);
        await planZorgplichtTaken(tx, nu);
        const jobs = await rows<{ sleutel: string; soort: string; op: string; status: string }>(tx, sql`select sleutel, soort,
          to_char(uitvoeren_op at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as op, status from job
          where sleutel in ('zorgplicht-dagelijks:2031-03-29', 'zorgplicht-dagelijks:2031-03-30', 'zorgplicht-weekoverzicht:2031-03-31') order by sleutel`);
        assert.deepEqual(jobs, [
          { sleutel: 'zorgplicht-dagelijks:2031-03-29', soort: 'zorgplicht-dagelijks', op: '2031-03-29T05:00', status: 'wachtend' },
          { sleutel: 'zorgplicht-dagelijks:2031-03-30', soort: 'zorgplicht-dagelijks', op: '2031-03-30T04:00', status: 'wachtend' },
          { sleutel: 'zorgplicht-weekoverzicht:2031-03-31', soort: 'zorgplicht-weekoverzicht', op: '2031-03-31T05:00', status: 'wachtend' },
        ]);
        await tx.execute(sql`update job set status = 'klaar' where sleutel = 'zorgplicht-dagelijks:2031-03-29'`);
        await planZorgplichtTaken(tx, nu);
        const na = await first<{ status: string }>(tx, sql`select status from job where sleutel = 'zorgplicht-dagelijks:2031-03-29'`);
        assert.equal(na!.status, 'klaar', 'a restart does not run a finished run again');
        throw new Terug(); // leaves nothing behind in a shared database
      }), Terug);
    });

    it('a reminder is delivered over SMTP to a real SMTP server by the mail job', async () => {
      const smtp = await startSmtpServer();
      try {
        const { id } = await aanmelding({ ontvangenOp: '2025-06-02' }); // deadline 2025-07-14
        dag('2025-06-30');
        await draai();
        const mails = await mailsOver(id);
        assert.equal(mails.length, 2);
        // The mail job as the worker runs it, for exactly these mails (a shared database has other people's mail jobs).
        const handler = mailJobHandler(db, { smtpUrl: smtp.url, from: 'Passend <noreply@passend.test>' });
        for (const m of mails) await handler({ id: m.id }, { id: 0, soort: 'mail', payload: { id: m.id }, pogingen: 1 });
        const got = smtp.received.find((r) => r.to === ib.email);
        assert.ok(got, 'the SMTP server received the reminder');
        assert.match(got!.data.replace(/\r?\n[ \t]+/g, ' '), /Subject: Herinnering: nog 14 dagen om te beslissen over een aanmelding/);
        const body = decodeer(got!.data);
        assert.match(body, /uiterlijk op 14 juli 2025 beslissen/);
        assert.ok(body.includes(`${PUBLIC_URL}/aanmeldingen/${id}`));
        assert.doesNotMatch(body, /Noor|Klokvertrouwen/);
        const statussen = await db.withSystem((tx) => rows<{ status: string }>(tx, sql`select status from mail_bericht
          where id in (${sql.join(mails.map((m) => sql`${m.id}::uuid`), sql`, `)})`));
        assert.deepEqual(statussen.map((s) => s.status), ['verzonden', 'verzonden']);
      } finally {
        await smtp.close();
      }
    });

    it('property: the job places exactly on max(day after 10 weeks, 4th birthday) — nothing the day before', async () => {
      const tp = await buildTenant(db);
      const dagen = (van: string, n: number) => new Date(Date.UTC(+van.slice(0, 4), +van.slice(5, 7) - 1, +van.slice(8, 10) + n)).toISOString().slice(0, 10);
      const willekeurig = fc.record({
        sector: fc.constantFrom<Sector>('po', 'wec', 'vo'),
        ontvangen: fc.integer({ min: 0, max: 36_500 }).map((n) => dagen('2000-01-01', n)),
        leeftijdDagen: fc.integer({ min: 2 * 365, max: 14 * 365 }),
      }).map((r) => ({ sector: r.sector, ontvangen: r.ontvangen, geboorte: dagen(r.ontvangen, -r.leeftijdDagen) }));
      const randen = fc.constantFrom(
        { sector: 'po' as Sector, ontvangen: '2024-02-29', geboorte: '2020-02-29' }, // leap day, 4th birthday on a leap day
        { sector: 'po' as Sector, ontvangen: '2023-12-22', geboorte: '2020-03-01' }, // 10 weeks across the year end
        { sector: 'wec' as Sector, ontvangen: '2099-12-01', geboorte: '2096-02-29' }, // 2100 is no leap year: 4 on 1 March
        { sector: 'po' as Sector, ontvangen: '2027-11-30', geboorte: '2024-02-29' }, // 4th birthday 2028-02-29
        { sector: 'vo' as Sector, ontvangen: '2025-12-31', geboorte: '2013-12-31' },
      );
      await fc.assert(fc.asyncProperty(fc.oneof(willekeurig, randen), async (g) => {
        const { id } = await aanmelding({ ontvangenOp: g.ontvangen, geboortedatum: g.geboorte, sector: g.sector, tenant: tp });
        const d = verwachtePlaatsing(g.sector, g.ontvangen, g.geboorte);
        dag(dagen(d, -1));
        await draai(tp);
        assert.equal((await status(id, tp))!.vanaf, null, `nothing on ${dagen(d, -1)}`);
        dag(d);
        await draai(tp);
        assert.equal((await status(id, tp))!.vanaf, d);
        const ins = await lees<{ startdatum: string }>(sql`select i.startdatum::text as startdatum from inschrijving i
          join aanmelding a on a.inschrijving_id = i.id where a.id = ${id}`, tp);
        assert.equal(ins!.startdatum, d);
      }), { numRuns: kind === 'pglite' ? 40 : 25 });
    });

    if (kind === 'pglite') {
      it('through the worker (private database only): boot schedule → daily run → next day scheduled; Monday → one overview job per SWV', async () => {
        const t4 = await buildTenant(db);
        const mw = await gebruiker(db, t4, 'swv-medewerker');
        const { id } = await aanmelding({ ontvangenOp: '2025-03-03', tenant: t4 });
        await aanmelding({ ontvangenOp: '2025-05-01', tenant: t4 }); // a running clock: the SWV has something to report
        dag('2025-05-13');
        await db.withSystem((tx) => planZorgplichtTaken(tx, clock.now()));
        // The scheduled instants lie in the (real) past, so everything is due now; the handlers see the test clock.
        await runDueJobs(db, zorgplichtJobHandlers(deps), 'test-worker');
        assert.equal((await status(id, t4))!.vanaf, '2025-05-13');
        const jobs = await db.withSystem((tx) => rows<{ sleutel: string; status: string }>(tx, sql`select sleutel, status from job
          where sleutel like 'zorgplicht-%' order by sleutel`));
        assert.deepEqual(jobs.filter((j) => !j.sleutel.includes(':2025-05-13:') || j.sleutel.endsWith(t4.swvId)), [
          { sleutel: 'zorgplicht-dagelijks:2025-05-13', status: 'klaar' },
          { sleutel: 'zorgplicht-dagelijks:2025-05-14', status: 'klaar' },
          { sleutel: `zorgplicht-weekoverzicht:2025-05-13:${t4.swvId}`, status: 'klaar' },
          { sleutel: 'zorgplicht-weekoverzicht:2025-05-19', status: 'klaar' },
        ]);
        const [m] = await mailsAan(mw.email);
        assert.match(m!.tekst, /Lopende termijnen \(nog geen besluit\): 1/);
        assert.match(m!.tekst, /tijdelijk ingeschreven van 6 mei 2025 tot en met 12 mei 2025: 0/);
        // Running the fan-out again the same day plans nothing new for this SWV (no second overview).
        const opnieuw = await planWeekoverzichten(deps, { swvIds: [t4.swvId] });
        assert.deepEqual(opnieuw, []);
        await runDueJobs(db, zorgplichtJobHandlers(deps), 'test-worker');
        assert.equal((await mailsAan(mw.email)).length, 1);
      });
    }
  });
}
