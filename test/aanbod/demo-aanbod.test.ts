/**
 * The demo's ondersteuningsaanbod (src/demo/aanbod.ts): written only on a demo database, once, with complete adopted
 * versions, and with the content the browser tests search for (Zeist, gedrag + taal-lezen at 'extra').
 *
 * PGlite only: the seed needs the real register (PO2603 and its schools) and marks the database as a demo. On the
 * shared PostgreSQL test database that mark would turn every other test's database into a demo, and the register
 * import tests there expect to own the register rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../support/db.js';
import { first, rows, type Database } from '../../src/platform/db/client.js';
import { fixedDateClock } from '../../src/platform/clock.js';
import { importRegisterSnapshot } from '../../src/modules/register/commands.js';
import { seedDemo } from '../../src/demo/seed.js';
import { DEMO_BASIS, DEMO_AANBOD_MARK, maakDemoInhoud, seedDemoAanbod } from '../../src/demo/aanbod.js';
import { DEMO_SWV, DEMO_VESTIGING } from '../../src/demo/logins.js';
import { DOMEIN_CODES, NIVEAU_CODES, VOORZIENING_CODES } from '../../src/modules/aanbod/rules/domeinen.js';
import type { AanbodInhoud } from '../../src/modules/aanbod/rules/typen.js';

const VANDAAG = '2026-11-24';
const HUIDIG = '2026-2027';
const VORIG = '2025-2026';
const SECRET = 'demo-aanbod-test-secret-0123456789-abcdefgh';

async function tellingen(db: Database) {
  return (await first<{ versies: number; basis: number; profiel: number }>(db.owner, sql`select
    (select count(*)::int from ondersteuningsaanbod) as versies,
    (select count(*)::int from basisondersteuning) as basis,
    (select count(*)::int from swv_profiel) as profiel`))!;
}

/** What adoption needs in the app (and in the rules the pages rely on), beyond the database's own check. */
function inhoudProblemen(code: string, v: AanbodInhoud): string[] {
  const p: string[] = [];
  if (v.domeinen.length < 2 || v.domeinen.length > 5) p.push(`${code}: ${v.domeinen.length} domeinen`);
  if (new Set(v.domeinen.map((d) => d.domein)).size !== v.domeinen.length) p.push(`${code}: dubbel domein`);
  for (const d of v.domeinen) {
    if (!(DOMEIN_CODES as readonly string[]).includes(d.domein)) p.push(`${code}: domein ${d.domein}`);
    if (!(NIVEAU_CODES as readonly string[]).includes(d.niveau)) p.push(`${code}: niveau ${d.niveau}`);
    if (!d.watWijDoen || !d.expertise || !d.grenzen) p.push(`${code}: lege tekst bij ${d.domein}`);
  }
  for (const z of v.voorzieningen) if (!(VOORZIENING_CODES as readonly string[]).includes(z)) p.push(`${code}: voorziening ${z}`);
  if (v.basisOnderdelen.length !== DEMO_BASIS.length) p.push(`${code}: ${v.basisOnderdelen.length} basisonderdelen`);
  if (v.basisOnderdelen.some((b) => typeof b.geboden !== 'boolean')) p.push(`${code}: basisonderdeel zonder antwoord`);
  if (v.basisOnderdelen.some((b) => b.geboden === false) && !v.basisToelichting) p.push(`${code}: niet geboden zonder toelichting`);
  if (!v.toelichting || !v.contactNaam.includes('(demo)')) p.push(`${code}: toelichting of contact ontbreekt`);
  if (/Demo: dit aanbod is verzonnen/.test(v.toelichting)) p.push(`${code}: demotekst in de toelichting`);
  return p;
}

test('maakDemoInhoud: deterministic per school code, complete, fixed domains kept', () => {
  const a = maakDemoInhoud('03KW00', 'bao', DEMO_BASIS);
  assert.deepEqual(maakDemoInhoud('03KW00', 'bao', DEMO_BASIS), a, 'same code, same content');
  assert.notDeepEqual(maakDemoInhoud('05WU00', 'bao', DEMO_BASIS), a);
  const alle = ['bao', 'sbo', 'so', 'vso', 'so/vso'].flatMap((soort) =>
    Array.from({ length: 300 }, (_, i) => [`${soort}${i}`, maakDemoInhoud(`X${i}${soort}`, soort, DEMO_BASIS)] as const));
  assert.deepEqual(alle.flatMap(([c, v]) => inhoudProblemen(c, v)), []);
  // Special schools offer specialised support more often than regular primary schools.
  const aandeel = (soort: string) => {
    const d = alle.filter(([c]) => c.startsWith(soort) && !c.startsWith(`${soort}/`)).flatMap(([, v]) => v.domeinen);
    return d.filter((x) => x.niveau === 'specialistisch').length / d.length;
  };
  assert.ok(aandeel('so') > aandeel('sbo') && aandeel('sbo') > aandeel('bao'), `${aandeel('bao')} ${aandeel('sbo')} ${aandeel('so')}`);
  for (let i = 0; i < 200; i++) {
    const v = maakDemoInhoud(`V${i}`, 'bao', DEMO_BASIS, undefined, [{ domein: 'gedrag', niveau: 'extra' }, { domein: 'taal-lezen', niveau: 'extra' }]);
    assert.deepEqual(inhoudProblemen(`V${i}`, v), []);
    assert.equal(v.domeinen.find((d) => d.domein === 'gedrag')?.niveau, 'extra');
    assert.equal(v.domeinen.find((d) => d.domein === 'taal-lezen')?.niveau, 'extra');
  }
});

test('seedDemoAanbod on PGlite: not on a non-demo database, then once on the demo, complete and public', async () => {
  const db = await openTestDatabase('pglite');
  const clock = fixedDateClock(VANDAAG);
  try {
    await importRegisterSnapshot(db);
    const leeg = await tellingen(db);
    assert.deepEqual(leeg, { versies: 0, basis: 0, profiel: 0 });

    // A database with the register but without the demo mark: nothing is written, not even the mark.
    assert.equal(await seedDemoAanbod(db, clock), null);
    assert.deepEqual(await tellingen(db), leeg);
    assert.equal(await first(db.owner, sql`select 1 from app_meta where sleutel = ${DEMO_AANBOD_MARK}`), undefined);

    await seedDemo(db, clock, SECRET);
    const t0 = performance.now();
    const r = await seedDemoAanbod(db, clock);
    const ms = performance.now() - t0;
    assert.ok(r && r.versies > 100, JSON.stringify(r));
    const na = await tellingen(db);
    assert.deepEqual(na, { versies: r.versies, basis: 2, profiel: 1 });
    assert.ok(ms < 5000, `seeding took ${ms} ms`);

    // Idempotent through the mark, and even without it (a second run inserts nothing new).
    assert.equal(await seedDemoAanbod(db, clock), null);
    assert.deepEqual(await tellingen(db), na);
    await db.owner.execute(sql`delete from app_meta where sleutel = ${DEMO_AANBOD_MARK}`);
    assert.deepEqual(await seedDemoAanbod(db, clock), { versies: 0 });
    assert.deepEqual(await tellingen(db), na);

    const versies = await rows<{
      vestigingCode: string; soort: string; plaats: string | null; pc4: string | null; schooljaar: string; volgnummer: number;
      status: string; isDemo: boolean; swvId: string; mrAdvies: string | null; mrAdviesToelichting: string | null;
      mrAdviesDatum: string | null; vastgesteldOp: string | null; inhoud: AanbodInhoud;
    }>(db.owner, sql`select a.vestiging_code as "vestigingCode", v.soort, v.plaats, v.pc4, a.schooljaar, a.volgnummer, a.status,
        a.is_demo as "isDemo", a.swv_id as "swvId", a.mr_advies as "mrAdvies", a.mr_advies_toelichting as "mrAdviesToelichting",
        a.mr_advies_datum::text as "mrAdviesDatum", a.vastgesteld_op::text as "vastgesteldOp",
        jsonb_build_object('toelichting', a.toelichting, 'contactNaam', a.contact_naam, 'contactEmail', a.contact_email,
          'contactTelefoon', a.contact_telefoon, 'domeinen', a.domeinen, 'voorzieningen', a.voorzieningen,
          'voorzieningenToelichting', a.voorzieningen_toelichting, 'basisOnderdelen', a.basis_onderdelen,
          'basisToelichting', a.basis_toelichting) as inhoud
      from ondersteuningsaanbod a join vestiging v on v.code = a.vestiging_code order by a.vestiging_code, a.schooljaar`);
    const scholen = await rows<{ code: string }>(db.owner, sql`select code from vestiging
      where swv_po = ${DEMO_SWV} and soort in ('bao', 'sbo', 'so', 'vso', 'so/vso')`);

    // Every school has an adopted version for last year; the demo school and about 15 % of the others not for this one.
    const vorig = new Set(versies.filter((v) => v.schooljaar === VORIG).map((v) => v.vestigingCode));
    const huidig = new Set(versies.filter((v) => v.schooljaar === HUIDIG).map((v) => v.vestigingCode));
    assert.deepEqual([...vorig].sort(), scholen.map((s) => s.code).sort());
    assert.equal(versies.length, vorig.size + huidig.size);
    assert.ok(vorig.has(DEMO_VESTIGING));
    assert.ok(!huidig.has(DEMO_VESTIGING), 'the demo school leader adopts this year himself');
    const zonder = scholen.length - 1 - huidig.size;
    assert.ok(zonder >= 4 && zonder <= scholen.length * 0.3, `${zonder} of ${scholen.length - 1} schools without this year's offer`);

    // Complete adopted versions: the database check (re-evaluated here), dates, the MR's advice, the content.
    for (const v of versies) {
      const wie = `${v.vestigingCode} ${v.schooljaar}`;
      assert.equal(v.status, 'vastgesteld', wie);
      assert.equal(v.volgnummer, 1, wie);
      assert.equal(v.isDemo, true, wie);
      assert.equal(v.swvId, DEMO_SWV, wie);
      assert.ok(v.vastgesteldOp && v.mrAdvies && v.mrAdviesDatum, wie);
      assert.ok(v.mrAdviesDatum < v.vastgesteldOp && v.vastgesteldOp <= VANDAAG, `${wie}: ${v.mrAdviesDatum} → ${v.vastgesteldOp}`);
      const begin = Number(v.schooljaar.slice(0, 4));
      assert.match(v.vastgesteldOp, new RegExp(`^(${begin}-0[67]|${begin}-(09|10))-`), wie);
      assert.ok(['positief', 'positief-met-opmerkingen'].includes(v.mrAdvies), wie);
      assert.equal(v.mrAdvies === 'positief-met-opmerkingen', Boolean(v.mrAdviesToelichting), wie);
      assert.deepEqual(inhoudProblemen(wie, v.inhoud), []);
    }
    const check = await first<{ n: number }>(db.owner, sql`select count(*)::int as n from ondersteuningsaanbod where not (
      status = 'concept' or (vastgesteld_op is not null and mr_advies is not null and mr_advies_datum is not null))`);
    assert.equal(check?.n, 0);

    // The guarantee the browser tests rely on: ≥ 4 bao schools in Zeist with gedrag and taal-lezen at 'extra' now.
    const zeist = versies.filter((v) => v.schooljaar === HUIDIG && v.soort === 'bao' && v.plaats === 'Zeist' && v.pc4?.startsWith('37')
      && ['gedrag', 'taal-lezen'].every((d) => v.inhoud.domeinen.some((x) => x.domein === d && x.niveau === 'extra')));
    assert.ok(zeist.length >= 4, zeist.map((v) => v.vestigingCode).join(', '));

    // Adopted and published rows are public: the finder runs without a tenant.
    const publiek = await db.withTenant({ swvId: null, userId: null }, (tx) => first<{ versies: number; basis: number; profiel: number }>(tx, sql`select
      (select count(*)::int from ondersteuningsaanbod) as versies, (select count(*)::int from basisondersteuning where status = 'vastgesteld') as basis,
      (select count(*)::int from swv_profiel) as profiel`));
    assert.deepEqual(publiek, na);

    const profiel = await first<{ telefoon: string; email: string; steunpuntNaam: string; steunpuntToelichting: string; documenten: { titel: string; url: string; datum: string | null }[]; isGepubliceerd: boolean; isDemo: boolean }>(
      db.owner, sql`select telefoon, email, steunpunt_naam as "steunpuntNaam", steunpunt_toelichting as "steunpuntToelichting", documenten,
        is_gepubliceerd as "isGepubliceerd", is_demo as "isDemo" from swv_profiel where swv_id = ${DEMO_SWV}`);
    assert.ok(profiel && profiel.isGepubliceerd && profiel.isDemo);
    assert.match(profiel.telefoon, /\(demo\)/);
    assert.match(profiel.steunpuntNaam, /\(demo\)/);
    assert.ok(profiel.steunpuntToelichting.length > 100);
    assert.equal(profiel.documenten.length, 2);
    for (const d of profiel.documenten) {
      assert.ok(d.url.startsWith('https://example.org/'), d.url);
      assert.match(d.titel, /\(demo\)/);
      assert.ok(d.datum && d.datum <= VANDAAG);
    }
    const basis = await rows<{ schooljaar: string; status: string; vastgesteldOp: string; n: number; isDemo: boolean }>(db.owner, sql`select schooljaar, status,
      vastgesteld_op::text as "vastgesteldOp", jsonb_array_length(onderdelen)::int as n, is_demo as "isDemo" from basisondersteuning order by schooljaar`);
    assert.deepEqual(basis.map((b) => [b.schooljaar, b.status, b.n, b.isDemo]), [[VORIG, 'vastgesteld', 8, true], [HUIDIG, 'vastgesteld', 8, true]]);
    assert.match(basis[0]!.vastgesteldOp, /^2025-06-/);
    assert.match(basis[1]!.vastgesteldOp, /^2026-06-/);
  } finally {
    await db.close();
  }
});
