/**
 * The public side of the ondersteuningsaanbod, through HTTP: the school finder (page and API), the comparison, a
 * school's page with history and exports, and the SWV page, on every database kind. The region is made up and lies
 * in the North Sea, so no school of a real register can fall inside the search box. On a shared PostgreSQL database
 * each run takes a random spot at sea and free PC4 codes, and moves its schools off the map when it is done, so runs
 * never see each other's schools.
 *
 * The rule every test keeps an eye on: a concept is never public — not on a page, not in the API, not through the
 * finder's matching — also not for a logged-in member of the SWV's own staff, whose tenant can read its concepts.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { databaseKinds } from '../support/db.js';
import { makeTestApp, buildTenant, buildUser, login, Client, type TestContext, type TestTenant } from '../support/app.js';
import { schoolYearOf } from '../../src/platform/civil-date.js';
import { vorigSchooljaar } from '../../src/modules/aanbod/rules/schooljaar.js';
import { leesJson } from '../../src/modules/aanbod/uitwisseling.js';
import type { DomeinAanbod } from '../../src/modules/aanbod/rules/typen.js';
import { rows, type Tx } from '../../src/platform/db/client.js';

const GEHEIM = 'GEHEIM-CONCEPT-TEKST';
/** 1 km of latitude in degrees (≈ 1/111.2). */
const KM = 1 / 111.19;

interface Versie {
  code: string;
  schooljaar: string;
  volgnummer?: number;
  status?: 'concept' | 'vastgesteld';
  domeinen: DomeinAanbod[];
  isDemo?: boolean;
  vastgesteldOp?: string;
  basis?: { code: string; domein: string; omschrijving: string; geboden: boolean | null }[];
}

function domein(d: DomeinAanbod['domein'], niveau: DomeinAanbod['niveau'], watWijDoen: string, grenzen = ''): DomeinAanbod {
  return { domein: d, niveau, watWijDoen, expertise: 'Twee gedragsspecialisten', grenzen };
}

async function insertVersie(tx: Tx, t: TestTenant, v: Versie): Promise<void> {
  const vast = (v.status ?? 'vastgesteld') === 'vastgesteld';
  await tx.execute(sql`insert into ondersteuningsaanbod (swv_id, vestiging_code, schooljaar, volgnummer, status, toelichting,
      contact_naam, contact_email, contact_telefoon, domeinen, voorzieningen, basis_onderdelen, basis_toelichting,
      mr_advies, mr_advies_datum, vastgesteld_op, is_demo)
    values (${t.swvId}, ${v.code}, ${v.schooljaar}, ${v.volgnummer ?? 1}, ${v.status ?? 'vastgesteld'},
      ${vast ? 'Wij zijn een school voor iedereen.' : GEHEIM}, 'Mevrouw Intern', 'ib@school.test', '030 123 45 67',
      ${JSON.stringify(v.domeinen)}::jsonb, '["lift","rustplek"]'::jsonb, ${JSON.stringify(v.basis ?? [])}::jsonb, '',
      ${vast ? 'positief' : null}, ${vast ? '2025-06-01' : null}, ${vast ? (v.vastgesteldOp ?? '2025-06-15') : null}, ${v.isDemo ?? false})`);
}

for (const kind of databaseKinds()) describe(`publieke schoolzoeker, schoolpagina en SWV-pagina [${kind}]`, () => {
  // North Sea, 54.2–56.2° N, 2.6–5.4° E: no Dutch school or postcode area lies there.
  const MIDDEN = { lat: 54.2 + Math.random() * 2, lon: 2.6 + Math.random() * 2.8 };
  let ctx: TestContext;
  let t: TestTenant;
  /** A: 1 km, fits gedrag + taal-lezen; B: 3 km, only gedrag (+ a concept with taal-lezen); C: 5 km, only a concept; D: 30 km. */
  let A: string;
  let B: string;
  let C: string;
  let D: string;
  let huidig: string;
  let vorig: string;
  /** Four free PC4 codes: the first is the parent's, the last lies outside the region. */
  let PCS: string[];
  let PC: string;

  before(async () => {
    ctx = await makeTestApp(kind);
    t = await buildTenant(ctx.db);
    const bezet = new Set((await rows<{ pc4: string }>(ctx.db.owner, sql`select pc4 from pc4`)).map((r) => r.pc4));
    const vrij = Array.from({ length: 9000 }, (_, i) => String(1000 + i)).filter((c) => !bezet.has(c));
    const start = Math.floor(Math.random() * (vrij.length - 4));
    PCS = vrij.slice(start, start + 4);
    PC = PCS[0]!;
    A = t.vestigingCode;
    B = t.andereVestigingCode;
    C = `${A.slice(0, 4)}01`;
    D = `${A.slice(0, 4)}02`;
    huidig = schoolYearOf(ctx.clock.today());
    vorig = vorigSchooljaar(huidig);
    const o = ctx.db.owner;
    for (const [code, naam] of [[C, 'Testschool De Brug'], [D, 'Testschool Verweg']] as const) {
      await o.execute(sql`insert into vestiging (code, instellingscode, naam, soort, bestuur_nummer, plaats, swv_po)
          values (${code}, ${code.slice(0, 4)}, ${naam}, 'bao', ${t.bestuurNummer}, 'Teststad', ${t.swvId})`);
    }
    const plek: [string, number, string][] = [[A, 1, 'Openbaar'], [B, 3, 'Rooms-Katholiek'], [C, 5, 'Protestants-Christelijk'], [D, 30, 'Openbaar']];
    for (const [code, km, denominatie] of plek) {
      await o.execute(sql`update vestiging set lat = ${MIDDEN.lat + km * KM}, lon = ${MIDDEN.lon}, denominatie = ${denominatie},
          straat = 'Schoolstraat', huisnummer = '1', postcode = ${`${PC}AB`}, internet = 'www.school.test' where code = ${code}`);
    }
    // Three PC4 areas in the region and one next to it (for the map), all at sea.
    for (const [pc4, dLat, inRegio] of [[PCS[0]!, 0, true], [PCS[1]!, 0.03, true], [PCS[2]!, -0.03, true], [PCS[3]!, 0.2, false]] as const) {
      await o.execute(sql`insert into pc4 (pc4, gemeente, plaats, swv_po, lat, lon)
          values (${pc4}, 'Testgemeente', 'Zeedorp', ${inRegio ? t.swvId : null}, ${MIDDEN.lat + dLat}, ${MIDDEN.lon + dLat})`);
    }
    await o.execute(sql`insert into vestiging_leerlingen (vestiging_code, teljaar, aantal, is_klein)
        values (${A}, 2022, 200, false), (${A}, 2023, null, true), (${A}, 2024, 214, false)`);

    await ctx.db.withTenant({ swvId: t.swvId, userId: null }, async (tx) => {
      await insertVersie(tx, t, { code: A, schooljaar: vorig, domeinen: [domein('gedrag', 'basis', 'Oude tekst van vorig jaar')], vastgesteldOp: '2024-06-15' });
      await insertVersie(tx, t, {
        code: A, schooljaar: huidig,
        domeinen: [domein('gedrag', 'extra', 'Een rustige plek en een vaste begeleider', 'Geen één-op-één begeleiding de hele dag')],
        basis: [{ code: 'tl1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol', geboden: true }, { code: 'r1', domein: 'rekenen', omschrijving: 'Rekenprotocol', geboden: false }],
        vastgesteldOp: '2025-07-01',
      });
      await insertVersie(tx, t, { code: B, schooljaar: huidig, domeinen: [domein('gedrag', 'specialistisch', 'Gedragsklas')], isDemo: true });
      // Concepts: B's would make it fit fully, C's would give it an offer. Neither may ever count.
      await insertVersie(tx, t, { code: B, schooljaar: huidig, volgnummer: 2, status: 'concept', domeinen: [domein('gedrag', 'extra', GEHEIM), domein('taal-lezen', 'extra', GEHEIM)] });
      await insertVersie(tx, t, { code: C, schooljaar: huidig, status: 'concept', domeinen: [domein('gedrag', 'extra', GEHEIM), domein('taal-lezen', 'extra', GEHEIM)] });
      await tx.execute(sql`insert into swv_profiel (swv_id, telefoon, steunpunt_naam, steunpunt_telefoon, steunpunt_email, documenten, is_gepubliceerd)
          values (${t.swvId}, '030 999 99 99', 'Steunpunt Zeedorp', '0800 123 4567', 'steunpunt@zeedorp.test',
          ${JSON.stringify([{ titel: 'Ondersteuningsplan 2026', url: 'https://zeedorp.test/plan.pdf', datum: '2026-01-10' }])}::jsonb, false)`);
      await tx.execute(sql`insert into basisondersteuning (swv_id, schooljaar, status, onderdelen, vastgesteld_op)
          values (${t.swvId}, ${huidig}, 'vastgesteld',
          ${JSON.stringify([{ code: 'g1', domein: 'gedrag', omschrijving: 'Een gedragsaanpak voor de hele school' }, { code: 't1', domein: 'taal-lezen', omschrijving: 'Dyslexieprotocol' }])}::jsonb, '2025-05-01')`);
    });
  });
  after(async () => {
    // Off the map for later runs on a shared database (adopted versions themselves can never be deleted).
    await ctx.db.owner.execute(sql`update vestiging set lat = null, lon = null where code in (${A}, ${B}, ${C}, ${D})`);
    await ctx.db.owner.execute(sql`delete from pc4 where pc4 in (${PCS[0]!}, ${PCS[1]!}, ${PCS[2]!}, ${PCS[3]!})`);
    await ctx.db.close();
  });

  const anon = () => new Client(ctx.app);
  const pos = (text: string, needle: string) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, `"${needle}" ontbreekt`);
    return i;
  };
  /** The part of a page between two headings (to check in which list a school is). */
  const deel = (text: string, van: string, tot?: string) => text.slice(pos(text, van), tot && text.includes(tot) ? text.indexOf(tot) : undefined);

  describe('de schoolzoeker (pagina)', () => {
    it('zonder vraag: alleen het formulier, met postcode-autocomplete en de onderwerpen', async () => {
      const r = await anon().get('/scholen/zoeken');
      assert.equal(r.status, 200);
      assert.match(r.text, /autocomplete="postal-code"/);
      assert.match(r.text, /inputmode="numeric"/);
      assert.match(r.text, /name="behoefte" value="gedrag"/);
      assert.match(r.text, /Voor kinderen die vaak botsen met anderen/);
      assert.match(r.text, /Maakt niet uit/);
      assert.match(r.text, /name="afstand"/);
      assert.doesNotMatch(r.text, /Scholen die passen/);
    });

    it('met behoeften: passend, deels en onbekend, elk op afstand; een concept telt nooit mee', async () => {
      const r = await anon().get(`/scholen/zoeken?postcode=${PC}&behoefte=gedrag&behoefte=taal-lezen`);
      assert.equal(r.status, 200, r.text.slice(0, 500));
      const passend = deel(r.text, 'Scholen die passen', 'Scholen die een deel bieden');
      const deels = deel(r.text, 'Scholen die een deel bieden', 'Scholen die hun ondersteuning nog niet');
      const onbekend = deel(r.text, 'Scholen die hun ondersteuning nog niet');
      assert.match(passend, /Testschool De Linde/);
      assert.match(passend, /1,0 km hemelsbreed/);
      assert.match(passend, /Extra ondersteuning|extra ondersteuning/);
      assert.match(passend, /Een rustige plek en een vaste begeleider/);
      assert.match(passend, /basisondersteuning\. Dyslexieprotocol/, 'een bevestigd basisonderdeel telt als reden');
      assert.match(passend, new RegExp(`laatst vastgesteld op 1 juli 2025, schooljaar ${huidig}`));
      assert.doesNotMatch(passend, /Het Anker|De Brug/);
      assert.match(deels, /Testschool Het Anker/);
      assert.match(deels, /3,0 km hemelsbreed/);
      assert.match(deels, /Niet beschreven door de school: Taal, lezen en dyslexie/);
      assert.match(deels, /Demo: verzonnen voorbeeld/);
      assert.match(onbekend, /Testschool De Brug/);
      assert.match(onbekend, /nog niet in Passend gezet/);
      assert.doesNotMatch(r.text, /Verweg/, 'een school op 30 km valt buiten 10 km');
      assert.doesNotMatch(r.text, new RegExp(GEHEIM));
      // What "hemelsbreed" means, and the comparison form with a checkbox per school and the question to go back to.
      assert.match(r.text, /<p class="utrecht-paragraph">De afstand is hemelsbreed: in een rechte lijn/);
      assert.match(r.text, /action="\/scholen\/vergelijken"/);
      assert.match(r.text, new RegExp(`name="school" value="${A}"`));
      assert.match(r.text, new RegExp(`name="terug" value="postcode=${PC}&amp;behoefte=gedrag&amp;behoefte=taal-lezen&amp;afstand=10"`));
    });

    it('zonder behoeften: alle scholen in de eerste lijst, dichtstbij eerst; de afstand is instelbaar', async () => {
      const r = await anon().get(`/scholen/zoeken?postcode=${PC}`);
      assert.equal(r.status, 200);
      assert.match(r.text, /Alle scholen binnen 10 km \(3\)/);
      assert.ok(pos(r.text, 'De Linde') < pos(r.text, 'Het Anker') && pos(r.text, 'Het Anker') < pos(r.text, 'De Brug'), 'op afstand gesorteerd');
      assert.doesNotMatch(r.text, /Scholen die een deel bieden/);
      const ver = await anon().get(`/scholen/zoeken?postcode=${PC}&afstand=50`);
      assert.match(ver.text, /Alle scholen binnen 50 km \(4\)/);
      assert.match(ver.text, /Testschool Verweg/);
    });

    it('filtert op richting (deel van de naam, hoofdletters maken niet uit) en op soort school', async () => {
      const r = await anon().get(`/scholen/zoeken?postcode=${PC}&denominatie=katholiek`);
      assert.equal(r.status, 200);
      assert.match(r.text, /Het Anker/);
      assert.doesNotMatch(r.text, /De Linde|De Brug/);
      const vo = await anon().get(`/scholen/zoeken?postcode=${PC}&soort=havo`);
      assert.equal(vo.status, 200);
      assert.doesNotMatch(vo.text, /De Linde/);
    });

    it('niemand biedt het: de melding noemt het ouder- en jeugdsteunpunt zodra het profiel gepubliceerd is', async () => {
      const url = `/scholen/zoeken?postcode=${PC}&behoefte=zintuiglijk`;
      const voor = await anon().get(url);
      assert.equal(voor.status, 200);
      assert.match(voor.text, /Geen school binnen 10 km biedt volgens Passend ondersteuning bij ‘Zien en horen’/);
      assert.match(voor.text, /contactgegevens nog niet in Passend gezet/);
      assert.doesNotMatch(voor.text, /Steunpunt Zeedorp/, 'een niet-gepubliceerd profiel blijft verborgen');
      await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`update swv_profiel set is_gepubliceerd = true where swv_id = ${t.swvId}`));
      try {
        const na = await anon().get(url);
        assert.match(na.text, /Neem contact op met het ouder- en jeugdsteunpunt van/);
        assert.match(na.text, /Steunpunt Zeedorp/);
        assert.match(na.text, /href="tel:08001234567"/);
      } finally {
        await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`update swv_profiel set is_gepubliceerd = false where swv_id = ${t.swvId}`));
      }
    });

    it('foute invoer: 422 met foutsamenvatting, meldingen bij de velden en de invoer blijft staan', async () => {
      const r = await anon().get('/scholen/zoeken?postcode=12a&behoefte=vliegen&afstand=999');
      assert.equal(r.status, 422);
      assert.match(r.text, /<title>Fout: /);
      assert.match(r.text, /passend-error-summary/);
      assert.match(r.text, /href="#postcode"/);
      assert.match(r.text, /href="#behoefte"/);
      assert.match(r.text, /href="#afstand"/);
      assert.match(r.text, /Deze postcode klopt niet/);
      assert.match(r.text, /Kies ondersteuning uit de lijst/);
      assert.match(r.text, /Kies een afstand van 1 tot en met 100 kilometer/);
      assert.match(r.text, /name="postcode" value="12a"/);
      assert.match(r.text, /name="afstand" value="999"/);
      assert.match(r.text, /id="behoefte" name="behoefte"[^>]*/);
      assert.match(r.text, /aria-invalid="true"/);
      const leeg = await anon().get('/scholen/zoeken?postcode=');
      assert.equal(leeg.status, 422);
      assert.match(leeg.text, /Vul een postcode in/);
    });

    it('een postcode die niet bestaat: vriendelijke melding', async () => {
      const r = await anon().get('/scholen/zoeken?postcode=1234&behoefte=gedrag');
      assert.equal(r.status, 422);
      assert.match(r.text, /We kennen postcode 1234 niet\. Controleer de postcode of probeer een postcode in de buurt\./);
      assert.match(r.text, /name="behoefte" value="gedrag" checked/);
    });

    it('rare invoer geeft nooit een 500', async () => {
      for (const q of ['postcode=%00', 'postcode=%ED%A0%80', `postcode=${PC}&behoefte=%00`, `postcode=${PC}&afstand=1e9`, `postcode=${PC}&denominatie=` + 'x'.repeat(500), `postcode=${PC}&soort=vo%27--`, 'behoefte=gedrag']) {
        const r = await anon().get(`/scholen/zoeken?${q}`);
        assert.ok(r.status === 200 || r.status === 422, `${q} → ${r.status}`);
      }
    });
  });

  describe('de schoolzoeker (API)', () => {
    it('geeft de drie lijsten met afstand (1 decimaal), dekking, redenen en url', async () => {
      const r = await anon().get(`/api/scholen/zoeken?postcode=${PC}&behoefte=gedrag&behoefte=taal-lezen`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /application\/json/);
      assert.doesNotMatch(r.text, new RegExp(GEHEIM));
      const j = JSON.parse(r.text) as {
        passend: { totaal: number; scholen: { code: string; afstandKm: number; dekking: string; redenen: { domein: string; niveau: string }[]; url: string }[] };
        deels: { scholen: { code: string; dekking: string; ontbreekt: string[]; aanbod: { isDemo: boolean } }[] };
        onbekend: { scholen: { code: string; dekking: string; aanbod: unknown }[] };
      };
      assert.deepEqual(j.passend.scholen.map((s) => s.code), [A]);
      assert.equal(j.passend.scholen[0]!.afstandKm, 1);
      assert.equal(j.passend.scholen[0]!.dekking, 'volledig');
      assert.deepEqual(j.passend.scholen[0]!.redenen.map((x) => [x.domein, x.niveau]), [['gedrag', 'extra'], ['taal-lezen', 'basis']]);
      assert.equal(j.passend.scholen[0]!.url, `/scholen/${A}`);
      assert.deepEqual(j.deels.scholen.map((s) => [s.code, s.dekking]), [[B, 'deels']]);
      assert.deepEqual(j.deels.scholen[0]!.ontbreekt, ['taal-lezen']);
      assert.equal(j.deels.scholen[0]!.aanbod.isDemo, true);
      assert.deepEqual(j.onbekend.scholen.map((s) => [s.code, s.dekking, s.aanbod]), [[C, 'onbekend', null]]);
    });

    it('foute invoer: 422 application/problem+json met een melding per veld', async () => {
      const r = await anon().get('/api/scholen/zoeken?postcode=abc&soort=universiteit&afstand=0');
      assert.equal(r.status, 422);
      assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
      const p = JSON.parse(r.text) as { title: string; velden: Record<string, string> };
      assert.equal(p.title, 'De invoer klopt niet');
      assert.deepEqual(Object.keys(p.velden).sort(), ['afstand', 'postcode', 'soort']);
      assert.match(p.velden.soort!, /Kies een soort school uit de lijst/);
    });

    it('een onbekende postcode: 422 met de Nederlandse melding', async () => {
      const r = await anon().get('/api/scholen/zoeken?postcode=1234');
      assert.equal(r.status, 422);
      const p = JSON.parse(r.text) as { velden: Record<string, string> };
      assert.match(p.velden.postcode!, /We kennen postcode 1234 niet/);
    });
  });

  it('een ingelogde medewerker van het SWV ziet publiek ook geen concepten (zijn tenant kan ze wel lezen)', async () => {
    const staff = await login(ctx, await buildUser(ctx.db, t, 'swv-medewerker'));
    const api = await staff.get(`/api/scholen/zoeken?postcode=${PC}&behoefte=gedrag&behoefte=taal-lezen`);
    assert.equal(api.status, 200);
    assert.doesNotMatch(api.text, new RegExp(GEHEIM));
    const j = JSON.parse(api.text) as { passend: { scholen: { code: string }[] }; onbekend: { scholen: { code: string }[] } };
    assert.deepEqual(j.passend.scholen.map((s) => s.code), [A], 'het concept van B maakt B niet passend');
    assert.deepEqual(j.onbekend.scholen.map((s) => s.code), [C], 'het concept van C geeft C geen aanbod');
    for (const path of [`/scholen/zoeken?postcode=${PC}&behoefte=gedrag&behoefte=taal-lezen`, `/scholen/${B}`, `/scholen/${C}`, `/api/scholen/${B}`, `/api/scholen/${C}`, `/scholen/vergelijken?school=${B}&school=${C}`]) {
      const r = await staff.get(path);
      assert.equal(r.status, 200, path);
      assert.doesNotMatch(r.text, new RegExp(GEHEIM), path);
    }
    assert.equal((await staff.get(`/scholen/${B}/aanbod/${huidig}/2`)).status, 404, 'de conceptversie heeft geen publieke pagina');
    assert.equal((await staff.get(`/scholen/${B}/aanbod/${huidig}/2.json`)).status, 404);
  });

  describe('vergelijken', () => {
    it('twee scholen naast elkaar in een toegankelijke tabel, met een link terug naar dezelfde zoekvraag', async () => {
      const terug = encodeURIComponent(`postcode=${PC}&behoefte=gedrag&afstand=10&evil=javascript:alert(1)`);
      const r = await anon().get(`/scholen/vergelijken?school=${A}&school=${B.toLowerCase()}&terug=${terug}`);
      assert.equal(r.status, 200);
      assert.match(r.text, /<caption[^>]*>Vergelijking van Testschool De Linde, Testschool Het Anker<\/caption>/);
      assert.match(r.text, /<th scope="col"[^>]*>Onderwerp<\/th>/);
      assert.match(r.text, /<th scope="row"[^>]*>Gedrag<\/th>/);
      assert.match(r.text, /Een rustige plek en een vaste begeleider/);
      assert.match(r.text, /Gedragsklas/);
      assert.match(r.text, /Geen één-op-één begeleiding/, 'de grenzen staan erin');
      assert.match(r.text, /Biedt 1 van de 2 onderdelen/);
      assert.match(r.text, /214 \(1 oktober 2024\)/);
      assert.match(r.text, /Demo: verzonnen voorbeeld/);
      assert.match(r.text, new RegExp(`href="/scholen/zoeken\\?postcode=${PC}&amp;behoefte=gedrag&amp;afstand=10&amp;school=${A}&amp;school=${B}#resultaten"`));
      assert.doesNotMatch(r.text, /evil|javascript:/);
    });

    it('0, 1 of 4 scholen: 422 met uitleg; een onbekende school: 404', async () => {
      const nul = await anon().get('/scholen/vergelijken');
      assert.equal(nul.status, 422);
      assert.match(nul.text, /U heeft geen scholen gekozen/);
      assert.match(nul.text, /href="\/scholen\/zoeken"/);
      const een = await anon().get(`/scholen/vergelijken?school=${A}`);
      assert.equal(een.status, 422);
      assert.match(een.text, /U heeft 1 school gekozen/);
      const vier = await anon().get(`/scholen/vergelijken?school=${A}&school=${B}&school=${C}&school=${D}&terug=postcode%3D${PC}`);
      assert.equal(vier.status, 422);
      assert.match(vier.text, /U heeft 4 scholen gekozen\. U kunt hoogstens 3 scholen tegelijk vergelijken/);
      assert.match(vier.text, /Terug naar uw zoekresultaten/);
      const onbekend = await anon().get(`/scholen/vergelijken?school=${A}&school=ZZZZ99`);
      assert.equal(onbekend.status, 404);
      assert.match(onbekend.text, /We kennen deze school niet: ZZZZ99/);
      const raar = await anon().get(`/scholen/vergelijken?school=${A}&school=%00%27`);
      assert.equal(raar.status, 404);
    });
  });

  describe('de pagina van een school', () => {
    it('toont gegevens, het huidige aanbod in zijn geheel, eerdere versies, leerlingen en downloads', async () => {
      const r = await anon().get(`/scholen/${A}`);
      assert.equal(r.status, 200);
      assert.match(r.text, /<h1[^>]*>Testschool De Linde<\/h1>/);
      assert.match(r.text, new RegExp(`Schoolstraat 1, ${PC} AB Teststad`));
      assert.match(r.text, /href="https:\/\/www\.school\.test"/);
      assert.match(r.text, new RegExp(`href="/samenwerkingsverbanden/${t.swvId}"`));
      assert.match(r.text, new RegExp(`Vastgesteld op 1 juli 2025 \\(schooljaar ${huidig}\\)`));
      assert.match(r.text, /MR-advies: positief advies/);
      assert.match(r.text, /Wij zijn een school voor iedereen/);
      assert.match(r.text, /Geen één-op-één begeleiding de hele dag/);
      assert.match(r.text, /Toegankelijk met een rolstoel|Lift/);
      assert.match(r.text, /Rekenprotocol<\/td><td[^>]*>Rekenen en dyscalculie<\/td><td[^>]*>Nee/);
      assert.match(r.text, /mailto:ib@school\.test/);
      assert.match(r.text, new RegExp(`href="/scholen/${A}/aanbod/${vorig}/1"`), 'de eerdere versie staat erbij');
      assert.match(r.text, new RegExp(`href="/scholen/${A}/aanbod/${huidig}/1\\.json"`));
      assert.match(r.text, new RegExp(`href="/scholen/${A}/aanbod/${huidig}/1\\.csv"`));
      assert.match(r.text, /minder dan 5/);
      assert.match(r.text, /<svg[^>]*role="img"/, 'staafdiagram van de leerlingen');
      assert.doesNotMatch(r.text, /Oude tekst van vorig jaar/);
    });

    it('een school zonder vastgesteld aanbod zegt dat duidelijk (het concept blijft verborgen)', async () => {
      const r = await anon().get(`/scholen/${C}`);
      assert.equal(r.status, 200);
      assert.match(r.text, /Nog geen ondersteuningsaanbod in Passend/);
      assert.doesNotMatch(r.text, new RegExp(GEHEIM));
    });

    it('een eerdere versie: alleen lezen, met de melding dat er een nieuwere is', async () => {
      const r = await anon().get(`/scholen/${A}/aanbod/${vorig}/1`);
      assert.equal(r.status, 200);
      assert.match(r.text, /Er is een nieuwere versie/);
      assert.match(r.text, /Oude tekst van vorig jaar/);
      assert.doesNotMatch(r.text, /<form[^>]*method="post"[^>]*action="\/scholen/);
      const nu = await anon().get(`/scholen/${A}/aanbod/${huidig}/1`);
      assert.match(nu.text, /Dit is het aanbod dat nu geldt/);
    });

    it('downloads: JSON (leesbaar voor de import) en CSV, als bijlage', async () => {
      const j = await anon().get(`/scholen/${A}/aanbod/${huidig}/1.json`);
      assert.equal(j.status, 200);
      assert.match(j.headers.get('content-type') ?? '', /^application\/json; charset=utf-8/);
      assert.match(j.headers.get('content-disposition') ?? '', new RegExp(`^attachment; filename="ondersteuningsaanbod-${A}-${huidig}-1\\.json"$`));
      const data = JSON.parse(j.text) as { vestigingCode: string; status: string; inhoud: { domeinen: DomeinAanbod[] } };
      assert.equal(data.vestigingCode, A);
      assert.equal(data.status, 'vastgesteld');
      const terug = leesJson(j.text);
      assert.ok(terug.ok, terug.ok ? '' : terug.fout);
      assert.deepEqual(terug.inhoud.domeinen, data.inhoud.domeinen);
      assert.equal(terug.inhoud.domeinen[0]!.watWijDoen, 'Een rustige plek en een vaste begeleider');
      const c = await anon().get(`/scholen/${A}/aanbod/${huidig}/1.csv`);
      assert.equal(c.status, 200);
      assert.equal(c.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.match(c.headers.get('content-disposition') ?? '', /^attachment; filename=".+\.csv"$/);
      assert.match(c.text, /^domein;niveau;wat_wij_doen;expertise;grenzen\r\ngedrag;extra;Een rustige plek/);
      // The text decoder drops the BOM; Dutch Excel needs it to read UTF-8, so look at the bytes.
      const bytes = new Uint8Array(await (await ctx.app.request(`/scholen/${A}/aanbod/${huidig}/1.csv`)).arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal((await anon().get(`/scholen/${C}/aanbod/${huidig}/1.json`)).status, 404, 'een concept is niet te downloaden');
      assert.equal((await anon().get(`/scholen/${A}/aanbod/${huidig}/1.xml`)).status, 404);
    });

    it('API: gegevens, huidig aanbod en historie', async () => {
      const r = await anon().get(`/api/scholen/${A}`);
      assert.equal(r.status, 200);
      const j = JSON.parse(r.text) as { code: string; aanbod: { schooljaar: string; inhoud: { domeinen: unknown[] } }; historie: { schooljaar: string; huidig: boolean; json: string }[] };
      assert.equal(j.code, A);
      assert.equal(j.aanbod.schooljaar, huidig);
      assert.equal(j.aanbod.inhoud.domeinen.length, 1);
      assert.deepEqual(j.historie.map((h) => [h.schooljaar, h.huidig]), [[huidig, true], [vorig, false]]);
      const c = JSON.parse((await anon().get(`/api/scholen/${C}`)).text) as { aanbod: unknown; historie: unknown[] };
      assert.equal(c.aanbod, null);
      assert.deepEqual(c.historie, []);
    });

    it('onbekende of vreemde codes: 404 (pagina en API)', async () => {
      for (const path of ['/scholen/ZZZZ99', '/scholen/%00', '/scholen/abc', `/scholen/${A}/aanbod/2025/1`, `/scholen/${A}/aanbod/${huidig}/99`, '/api/scholen/ZZZZ99', '/api/scholen/..%2F..']) {
        const r = await anon().get(path);
        assert.equal(r.status, 404, path);
      }
      const api = await anon().get('/api/scholen/ZZZZ99');
      assert.match(api.headers.get('content-type') ?? '', /application\/problem\+json/);
    });
  });

  describe('de pagina van een samenwerkingsverband', () => {
    it('toont de kaart, de basisondersteuning per onderwerp en de scholen; het profiel pas na publiceren', async () => {
      const r = await anon().get(`/samenwerkingsverbanden/${t.swvId}`);
      assert.equal(r.status, 200);
      assert.match(r.text, /<svg[^>]*class="passend-kaart[^"]*"[^>]*role="img"/);
      assert.match(r.text, /De regio bestaat uit 3 postcodegebieden/);
      assert.match(r.text, /nog niet ingevuld/);
      assert.doesNotMatch(r.text, /Steunpunt Zeedorp|Ondersteuningsplan 2026/);
      assert.match(r.text, new RegExp(`Basisondersteuning in schooljaar ${huidig}`));
      assert.match(r.text, /<h3[^>]*>Gedrag<\/h3>\s*<ul[^>]*><li[^>]*>Een gedragsaanpak voor de hele school/);
      assert.match(r.text, new RegExp(`<a[^>]*href="/scholen/${A}">Testschool De Linde</a>`));
      assert.match(r.text, /Vastgesteld op 1 juli 2025/);
      assert.match(r.text, /Nog niet in Passend/);
      assert.match(r.text, /href="\/scholen\/zoeken"/);
      await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`update swv_profiel set is_gepubliceerd = true where swv_id = ${t.swvId}`));
      try {
        const na = await anon().get(`/samenwerkingsverbanden/${t.swvId}`);
        assert.match(na.text, /Steunpunt Zeedorp/);
        assert.match(na.text, /href="https:\/\/zeedorp\.test\/plan\.pdf"/);
        assert.match(na.text, /Ondersteuningsplan 2026<\/a> \(10 januari 2026\)/);
      } finally {
        await ctx.db.withTenant({ swvId: t.swvId, userId: null }, (tx) => tx.execute(sql`update swv_profiel set is_gepubliceerd = false where swv_id = ${t.swvId}`));
      }
    });

    it('een SWV zonder regio krijgt tekst in plaats van een kaart; onbekende codes zijn 404', async () => {
      const code = `POT${Date.now().toString(36)}`;
      await ctx.db.owner.execute(sql`insert into swv (code, sector, naam, is_landelijk) values (${code}, 'po', 'Landelijk test-SWV', true)`);
      const r = await anon().get(`/samenwerkingsverbanden/${code}`);
      assert.equal(r.status, 200);
      assert.match(r.text, /landelijk samenwerkingsverband/);
      assert.doesNotMatch(r.text, /<svg/);
      for (const path of [`/samenwerkingsverbanden/POTX${Date.now().toString(36)}`, '/samenwerkingsverbanden/%00', '/samenwerkingsverbanden/a-b']) {
        assert.equal((await anon().get(path)).status, 404, path);
      }
    });
  });

  it('lange lijsten: 25 scholen met een link naar allemaal; "alleen extra ondersteuning" zonder onderwerp filtert ook', async () => {
    // Codes starting with a letter are never DUO codes (a BRIN starts with two digits): safe on a shared database.
    const extra = Array.from({ length: 27 }, (_, i) => `Z${A.slice(0, 2)}${String.fromCharCode(65 + Math.floor(i / 10))}${i % 10}0`);
    try {
      for (const code of extra) {
        await ctx.db.owner.execute(sql`insert into vestiging (code, instellingscode, naam, soort, bestuur_nummer, plaats, swv_po, lat, lon)
            values (${code}, ${code.slice(0, 4)}, ${`Extra school ${code}`}, 'bao', ${t.bestuurNummer}, 'Teststad', ${t.swvId}, ${MIDDEN.lat + 2 * KM}, ${MIDDEN.lon})
            on conflict (code) do update set lat = excluded.lat, lon = excluded.lon`);
      }
      const r = await anon().get(`/scholen/zoeken?postcode=${PC}`);
      assert.match(r.text, /Alle scholen binnen 10 km \(30\)/);
      assert.match(r.text, /We tonen de 25 scholen die het dichtstbij zijn, van de 30/);
      const link = /href="(\/scholen\/zoeken\?[^"]*toon=alle[^"]*)"/.exec(r.text)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(link, 'link naar alle scholen');
      const alle = await anon().get(link!);
      assert.equal((alle.text.match(/name="school" value=/g) ?? []).length, 30);
      const api = JSON.parse((await anon().get(`/api/scholen/zoeken?postcode=${PC}&toon=alle`)).text) as { passend: { getoond: number } };
      assert.equal(api.passend.getoond, 30);
      // Only extra support, no subject named: A (gedrag extra) and B (gedrag specialistisch) fit; the rest have no offer.
      const extraNiveau = await anon().get(`/scholen/zoeken?postcode=${PC}&niveau=extra`);
      assert.match(extraNiveau.text, /Scholen met extra ondersteuning \(2\)/);
      assert.match(extraNiveau.text, /Scholen die hun ondersteuning nog niet in Passend hebben gezet \(28\)/);
    } finally {
      for (const code of extra) await ctx.db.owner.execute(sql`update vestiging set lat = null, lon = null where code = ${code}`);
    }
  });
});
