/**
 * The OPP's versions, content, views and exports as pure rules (issue 6): which version applies; that consent, OOGO
 * and the pupil's view count from the previous adoption on (WPO 40a lid 4: a revision follows the same procedure);
 * the deadline's signal; the form that fits the pupil's age; the exit destinations per kind of education (Besluit
 * bekostiging WPO 34.7); the ROD line (start = first adoption); and property tests over arbitrary histories.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../../src/platform/civil-date.js';
import { oppDeadline, termijnStand, OPP_WAARSCHUWING_DAGEN } from '../../../src/modules/opp/rules/termijn.js';
import {
  controleerConcept, gewijzigdeOnderdelen, isVerouderd, normaliseer, LEGE_INHOUD, type VersieInhoud,
} from '../../../src/modules/opp/rules/inhoud.js';
import {
  alsVaststellingsversie, eersteVaststelling, geldendeVersie, ontbrekendVoorVaststelling, oppStand, versieStatus, volgnummerVoorNieuwRecord,
  vorigeVaststelling, type OppFeiten,
} from '../../../src/modules/opp/rules/versies.js';
import { instemmingVoor, magLeerlingZelfInstemmen, sindsVorigeVaststelling } from '../../../src/modules/opp/rules/vaststelling.js';
import { evaluatieStand } from '../../../src/modules/opp/rules/evaluatie.js';
import { aanleidingVoor, soortenVoorSchool } from '../../../src/modules/opp/rules/termijn.js';
import {
  antwoordenVan, controleerMening, controleerPortaalLeeftijd, magLeerlingPortaal, vragenVoor, LEERLING_PORTAAL_STANDAARD,
} from '../../../src/modules/opp/rules/hoorrecht.js';
import { uitstroomKeuzes, uitstroomLabel } from '../../../src/modules/opp/rules/uitstroom.js';
import { rodRegel } from '../../../src/modules/opp/rules/rod.js';
import { DOMEIN_CODES } from '../../../src/modules/aanbod/rules/domeinen.js';

const datum = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const INHOUD: VersieInhoud = {
  uitstroom: 'havo',
  uitstroomToelichting: 'Leert snel.',
  factoren: [{ domein: 'gedrag', soort: 'belemmerend', tekst: 'Botst.' }, { domein: 'gedrag', soort: 'bevorderend', tekst: 'Vaste juf helpt.' }],
  handelingsdeel: [{ domein: 'gedrag', doel: 'Rustig werken.', ondersteuning: 'Time-out plek.', wie: 'Leerkracht', hoeVaak: 'Dagelijks' }],
  afwijkingen: '',
};

/** An OPP whose versions are adopted on the given dates (null: not adopted), with no other records. */
function feiten(vastgesteld: (string | null)[], extra: Partial<OppFeiten> = {}): OppFeiten {
  return {
    uiterlijk: '2025-10-13', afgeslotenOp: null, isWec: false,
    versies: vastgesteld.map((v, i) => ({ volgnummer: i + 1, vastgesteldOp: v, uitstroomLabel: 'Havo', factoren: INHOUD.factoren, handelingsdeel: INHOUD.handelingsdeel })),
    oogos: [], instemmingen: [], leerlingMeningen: [], evaluaties: [], ...extra,
  };
}

test('the adopted version applies until a later one is adopted; newer ones are proposals, older unadopted ones stay "not adopted"', () => {
  const v = feiten([null, '2025-03-01', null, '2025-06-01', null]).versies;
  assert.equal(geldendeVersie(v)?.volgnummer, 4);
  assert.deepEqual([1, 2, 3, 4, 5].map((n) => versieStatus(v, n)), ['niet-vastgesteld', 'vervangen', 'niet-vastgesteld', 'geldend', 'concept']);
  assert.equal(vorigeVaststelling(v, 5), 4);
  assert.equal(vorigeVaststelling(v, 4), 2);
  assert.equal(vorigeVaststelling(v, 1), 0);
  assert.equal(eersteVaststelling(v), '2025-03-01', 'the ROD start date is the first adoption');
});

test('property: at most one version applies, and it is the newest adopted one; every later version is a proposal', () => {
  fc.assert(fc.property(fc.array(fc.option(datum, { nil: null }), { minLength: 1, maxLength: 12 }), (data) => {
    const v = feiten(data).versies;
    const statussen = v.map((x) => versieStatus(v, x.volgnummer));
    const geldend = statussen.indexOf('geldend');
    assert.ok(statussen.filter((s) => s === 'geldend').length <= 1);
    if (data.some((d) => d !== null)) {
      assert.equal(geldend, data.map((d) => d !== null).lastIndexOf(true));
      assert.ok(statussen.slice(geldend + 1).every((s) => s === 'concept'));
    } else {
      assert.ok(statussen.every((s) => s === 'concept'));
    }
  }));
});

test('a new view or talk belongs to the proposal, or after an adoption to the next version', () => {
  assert.equal(volgnummerVoorNieuwRecord([]), 1);
  assert.equal(volgnummerVoorNieuwRecord(feiten([null]).versies), 1);
  assert.equal(volgnummerVoorNieuwRecord(feiten(['2025-03-01']).versies), 2);
  assert.equal(volgnummerVoorNieuwRecord(feiten(['2025-03-01', null]).versies), 2);
});

test('WPO 40a lid 4: the OOGO and the pupil\'s view of the first adoption do not count for a revision', () => {
  const f = feiten(['2025-03-01', null], {
    oogos: [{ volgnummer: 1, op: '2025-02-20' }],
    leerlingMeningen: [{ volgnummer: 1, soort: 'mening', tekst: 'Ik vind het fijn.', gegevenOp: '2025-02-21' }],
    instemmingen: [{ versie: 1, uitkomst: 'ingestemd', op: '2025-02-25' }, { versie: 2, uitkomst: 'ingestemd', op: '2025-09-10' }],
  });
  const v2 = alsVaststellingsversie(f, 2);
  assert.equal(v2.oogoOp, null);
  assert.equal(v2.hoorrecht, null);
  const ontbreekt = ontbrekendVoorVaststelling(f, 2, '2025-09-15');
  assert.deepEqual(Object.keys(ontbreekt).sort(), ['hoorrecht', 'oogoOp']);
  // Records about version 2 (given after the first adoption) count.
  const verder = { ...f, oogos: [...f.oogos, { volgnummer: 2, op: '2025-09-05' }], leerlingMeningen: [...f.leerlingMeningen, { volgnummer: 2, soort: 'niet-gehoord' as const, tekst: 'Ziek tijdens de gesprekken.', gegevenOp: '2025-09-06' }] };
  assert.deepEqual(ontbrekendVoorVaststelling(verder, 2, '2025-09-15'), {});
  assert.deepEqual(alsVaststellingsversie(verder, 2).hoorrecht, { nietGehoordOmdat: 'Ziek tijdens de gesprekken.' });
});

test('rule 14 through the state: consent to version 1 is not consent to version 2; the newest decision per version counts', () => {
  const f = feiten([null, null], {
    oogos: [{ volgnummer: 1, op: '2025-02-20' }],
    leerlingMeningen: [{ volgnummer: 1, soort: 'mening', tekst: 'Goed.', gegevenOp: '2025-02-21' }],
    instemmingen: [{ versie: 1, uitkomst: 'ingestemd', op: '2025-02-25' }],
  });
  const s = oppStand(f, '2025-03-01');
  assert.equal(s.voorstel, 2);
  assert.equal(s.instemmingVoorstel, null);
  assert.match(s.ontbreekt.instemming!, /versie 2/);
  const later = oppStand({ ...f, instemmingen: [...f.instemmingen, { versie: 2, uitkomst: 'geweigerd', op: '2025-03-02', reden: 'Te veel.' }, { versie: 2, uitkomst: 'ingestemd', op: '2025-03-05' }] }, '2025-03-06');
  assert.deepEqual(later.ontbreekt, {});
  assert.equal(later.instemmingVoorstel?.uitkomst, 'ingestemd');
});

test('(v)so: adoption needs the advice of the commissie voor de begeleiding (WEC 41a lid 1, 40b)', () => {
  const f = feiten([null], {
    isWec: true, oogos: [{ volgnummer: 1, op: '2025-02-20' }], instemmingen: [{ versie: 1, uitkomst: 'ingestemd', op: '2025-02-25' }],
    leerlingMeningen: [{ volgnummer: 1, soort: 'mening', tekst: 'Goed.', gegevenOp: '2025-02-21' }],
  });
  assert.deepEqual(Object.keys(ontbrekendVoorVaststelling(f, 1, '2025-03-01')), ['cvbAdviesOp']);
  assert.deepEqual(ontbrekendVoorVaststelling(f, 1, '2025-03-01', '2025-02-28'), {});
  assert.deepEqual(ontbrekendVoorVaststelling({ ...f, isWec: false }, 1, '2025-03-01'), {});
});

test('sindsVorigeVaststelling keeps exactly the records after the previous adoption up to this version', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 20 })), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), (nrs, vorige, versie) => {
    const uit = sindsVorigeVaststelling(nrs.map((volgnummer) => ({ volgnummer })), vorige, versie);
    assert.deepEqual(uit.map((r) => r.volgnummer), nrs.filter((n) => n > vorige && n <= versie));
  }));
});

test('(v)so only: the adult pupil may consent instead of the parents (WEC 41a lid 1)', () => {
  assert.equal(magLeerlingZelfInstemmen('vso', 18), true);
  assert.equal(magLeerlingZelfInstemmen('so', 19), true);
  assert.equal(magLeerlingZelfInstemmen('vso', 17), false);
  assert.equal(magLeerlingZelfInstemmen('vo', 18), false);
});

test('the deadline: 6 weeks from the start when the need arose later (our target); the law\'s 6 weeks for a new pupil', () => {
  assert.equal(oppDeadline({ aanleiding: 'later', ingeschrevenOp: '2020-08-20', gestartOp: '2026-03-02' }), '2026-04-13');
  assert.equal(oppDeadline({ aanleiding: 'inschrijving', ingeschrevenOp: '2025-09-01', gestartOp: '2025-09-20' }), '2025-10-13');
  assert.equal(oppDeadline({ aanleiding: 'inschrijving', ingeschrevenOp: '2025-03-01', definitiefOp: '2025-06-02', gestartOp: '2025-06-05' }), '2025-07-14');
});

test('the signal before the deadline lapses: due within two weeks, overdue the day after, adopted in time or late', () => {
  assert.deepEqual(termijnStand('2025-10-13', '2025-09-28', null), { stand: 'op-tijd', dagen: 15 });
  assert.deepEqual(termijnStand('2025-10-13', '2025-09-29', null), { stand: 'binnenkort', dagen: 14 });
  assert.deepEqual(termijnStand('2025-10-13', '2025-10-13', null), { stand: 'binnenkort', dagen: 0 });
  assert.deepEqual(termijnStand('2025-10-13', '2025-10-14', null), { stand: 'te-laat', dagen: -1 });
  assert.deepEqual(termijnStand('2025-10-13', '2025-12-01', '2025-10-20'), { stand: 'vastgesteld', dagen: -7 });
  fc.assert(fc.property(datum, fc.integer({ min: -400, max: 400 }), (uiterlijk, n) => {
    const vandaag = addDays(uiterlijk, -n);
    const s = termijnStand(uiterlijk, vandaag, null);
    assert.equal(s.dagen, daysBetween(vandaag, uiterlijk));
    assert.equal(s.stand, n < 0 ? 'te-laat' : n <= OPP_WAARSCHUWING_DAGEN ? 'binnenkort' : 'op-tijd');
  }));
});

test('content: empty rows are dropped, half a goal is a typing slip, the same content is not a change', () => {
  const n = normaliseer({ ...INHOUD, factoren: [...INHOUD.factoren, { domein: 'rekenen', soort: 'belemmerend', tekst: '   ' }], handelingsdeel: [...INHOUD.handelingsdeel, { domein: null, doel: '', ondersteuning: '', wie: '', hoeVaak: '' }] });
  assert.equal(n.factoren.length, 2);
  assert.equal(n.handelingsdeel.length, 1);
  assert.deepEqual(controleerConcept({ ...INHOUD, handelingsdeel: [{ domein: null, doel: 'Lezen', ondersteuning: '', wie: '', hoeVaak: '' }] }), { 'doel.0.ondersteuning': 'Beschrijf de ondersteuning bij doel 1.' });
  assert.deepEqual(controleerConcept({ ...INHOUD, handelingsdeel: [{ domein: null, doel: '', ondersteuning: 'Hulp', wie: '', hoeVaak: '' }] }), { 'doel.0.doel': 'Schrijf doel 1 op, of maak de rij leeg.' });
  assert.deepEqual(controleerConcept(LEGE_INHOUD), {}, 'an empty draft may be saved');
  assert.deepEqual(gewijzigdeOnderdelen(INHOUD, { ...INHOUD, uitstroomToelichting: ' Leert snel. ' }), []);
  assert.deepEqual(gewijzigdeOnderdelen(INHOUD, { ...INHOUD, handelingsdeel: [{ ...INHOUD.handelingsdeel[0]!, hoeVaak: 'Twee keer per week' }] }), ['handelingsdeel']);
  assert.deepEqual(gewijzigdeOnderdelen(INHOUD, { ...INHOUD, uitstroom: 'vwo', afwijkingen: 'Eigen leerlijn rekenen.' }), ['uitstroom', 'afwijkingen']);
  assert.equal(isVerouderd(2, 2), false);
  assert.equal(isVerouderd(1, 2), true);
});

const inhoudArb = fc.record({
  uitstroom: fc.constantFrom('', 'havo', 'vwo'),
  uitstroomToelichting: fc.string({ maxLength: 20 }),
  factoren: fc.array(fc.record({ domein: fc.constantFrom(...DOMEIN_CODES), soort: fc.constantFrom('belemmerend' as const, 'bevorderend' as const), tekst: fc.string({ maxLength: 20 }) }), { maxLength: 4 }),
  handelingsdeel: fc.array(fc.record({ domein: fc.constantFrom(null, ...DOMEIN_CODES), doel: fc.string({ maxLength: 20 }), ondersteuning: fc.string({ maxLength: 20 }), wie: fc.string({ maxLength: 10 }), hoeVaak: fc.string({ maxLength: 10 }) }), { maxLength: 4 }),
  afwijkingen: fc.string({ maxLength: 20 }),
});

test('property: content never differs from itself, normalising is idempotent, and a changed goal is always a change of the handelingsdeel', () => {
  fc.assert(fc.property(inhoudArb, fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim().length > 0), (i, extra) => {
    assert.deepEqual(gewijzigdeOnderdelen(i, i), []);
    assert.deepEqual(normaliseer(normaliseer(i)), normaliseer(i));
    const meer = { ...i, handelingsdeel: [...i.handelingsdeel, { domein: null, doel: extra, ondersteuning: extra, wie: '', hoeVaak: '' }] };
    assert.ok(gewijzigdeOnderdelen(i, meer).includes('handelingsdeel'));
  }));
});

test('hoorrecht: a form that fits the pupil\'s age, the portal from the SWV\'s age (default 12, 8–18), answers in their words', () => {
  assert.ok(vragenVoor('leerling', 11).some((v) => v.tekst === 'Wat helpt jou?'));
  assert.ok(!vragenVoor('leerling', 11).some((v) => v.code === 'later'));
  assert.ok(vragenVoor('leerling', 12).some((v) => v.code === 'later'));
  assert.ok(vragenVoor('ouder', 30).some((v) => v.code === 'thuis'));
  assert.equal(LEERLING_PORTAAL_STANDAARD, 12);
  assert.equal(magLeerlingPortaal(11, 12), false);
  assert.equal(magLeerlingPortaal(12, 12), true);
  assert.equal(controleerPortaalLeeftijd(12), null);
  for (const fout of [7, 19, 12.5, Number.NaN]) assert.match(controleerPortaalLeeftijd(fout)!, /Kies een leeftijd van 8 tot en met 18 jaar/);
  const vragen = vragenVoor('leerling', 9);
  assert.deepEqual(antwoordenVan(vragen, { helpt: '  Een rustig plekje. ', goed: '', onbekend: 'x' }), [{ vraag: 'Wat helpt jou?', antwoord: 'Een rustig plekje.' }]);
  assert.deepEqual(controleerMening({ soort: 'mening', antwoorden: [] }, 'vraag.goed'), { 'vraag.goed': 'Beantwoord ten minste één vraag.' });
  assert.deepEqual(controleerMening({ soort: 'niet-gehoord', antwoorden: [], reden: ' ' }, 'vraag.goed'), { reden: 'Schrijf op waarom de mening van de leerling niet gevraagd kon worden.' });
  assert.deepEqual(controleerMening({ soort: 'niet-gehoord', antwoorden: [], reden: 'Langdurig ziek.' }, 'vraag.goed'), {});
});

test('Besluit bekostiging WPO 34.7 c.s.: the exit destinations fit the kind of education', () => {
  const po = uitstroomKeuzes('bao').map((k) => k.code);
  assert.ok(po.includes('havo') && po.includes('vso-arbeid') && !po.includes('mbo-2'));
  assert.equal(uitstroomKeuzes('so')[0]!.code, 'vso-vervolgonderwijs', 'so: the vso profiles first');
  const vso = uitstroomKeuzes('vso').map((k) => k.code);
  assert.ok(vso.includes('dagbesteding') && vso.includes('arbeid') && !vso.includes('havo'));
  assert.equal(uitstroomLabel('pro', 'havo'), null, 'a destination that does not fit is refused');
});

test('ROD (legal-rules §2.8): only start and end date, start = first adoption; never adopted → nothing to register', () => {
  const bron = { vestigingCode: '08LE00', leerlingId: 'x', voornaam: 'Sem', tussenvoegsel: 'de', achternaam: 'Vries', geboortedatum: '2015-01-02', startdatum: '2025-10-01', einddatum: null };
  assert.deepEqual(rodRegel(bron), ['08LE', '00', 'x', 'de Vries', 'Sem', '2015-01-02', '2025-10-01', '']);
  assert.equal(rodRegel({ ...bron, startdatum: null }), null);
});

test('two parents with gezag: one parent\'s refusal stands until that parent changes it (BW 1:245, 1:253a; our reading)', () => {
  const a = { versie: 2, uitkomst: 'geweigerd' as const, op: '2025-03-01', reden: 'Te veel.', wie: 'Moeder' };
  const b = { versie: 2, uitkomst: 'ingestemd' as const, op: '2025-03-05', wie: 'Vader' };
  assert.equal(instemmingVoor(2, [a, b])?.uitkomst, 'geweigerd');
  assert.equal(instemmingVoor(2, [a, b, { ...a, uitkomst: 'ingestemd', op: '2025-03-06', reden: undefined }])?.uitkomst, 'ingestemd');
  assert.equal(instemmingVoor(2, [b, { versie: 2, uitkomst: 'gezien', op: '2025-03-07', wie: 'Moeder' }])?.uitkomst, 'ingestemd', '"gezien" is no refusal');
  assert.equal(instemmingVoor(3, [a, b]), null, 'a decision on version 2 is none on version 3');
});

test('property: with one person the newest decision counts; a standing refusal always wins over any consent', () => {
  const rec = fc.record({ uitkomst: fc.constantFrom('gezien' as const, 'ingestemd' as const, 'geweigerd' as const), op: datum, wie: fc.constantFrom('Moeder', 'Vader') });
  fc.assert(fc.property(fc.array(rec, { minLength: 1, maxLength: 8 }), (rs) => {
    const records = rs.map((r) => ({ ...r, versie: 1 }));
    const laatste = new Map<string, (typeof records)[number]>();
    for (const r of records) if (!laatste.has(r.wie) || r.op >= laatste.get(r.wie)!.op) laatste.set(r.wie, r);
    const uit = instemmingVoor(1, records)!;
    const standen = [...laatste.values()].map((r) => r.uitkomst);
    assert.equal(uit.uitkomst, standen.includes('geweigerd') ? 'geweigerd' : standen.includes('ingestemd') ? 'ingestemd' : 'gezien');
  }));
});

test('the evaluation with the parents: an OPP first adopted in June or July is evaluated from the next school year (our reading)', () => {
  assert.equal(evaluatieStand([], '2026-07-31', '2026-06-10'), 'nog-niet');
  assert.equal(evaluatieStand([], '2026-07-31', '2026-05-31'), 'achterstallig');
  assert.equal(evaluatieStand([], '2027-06-01', '2026-06-10'), 'binnenkort', 'next school year it is due as usual');
  assert.equal(evaluatieStand([], '2026-07-31'), 'achterstallig', 'rule 15 as written, without an adoption date');
});

test('WPO 40a lid 2: within the 6 weeks after enrolment the law\'s deadline applies, "later" may not move it', () => {
  assert.equal(aanleidingVoor('later', { ingeschrevenOp: '2025-09-01' }, '2025-10-13'), 'inschrijving');
  assert.equal(aanleidingVoor('later', { ingeschrevenOp: '2025-09-01' }, '2025-10-14'), 'later');
  assert.equal(aanleidingVoor('later', { ingeschrevenOp: '2025-03-01', definitiefOp: '2025-06-02' }, '2025-07-01'), 'inschrijving');
  assert.equal(aanleidingVoor('inschrijving', { ingeschrevenOp: '2020-08-20' }, '2026-03-02'), 'inschrijving');
});

test('the kind of education follows the school: (v)so schools make (v)so OPPs, a basisschool bao', () => {
  assert.deepEqual(soortenVoorSchool('bao'), ['bao']);
  assert.deepEqual(soortenVoorSchool('so/vso'), ['so', 'vso']);
  assert.deepEqual(soortenVoorSchool('vo'), ['vo', 'pro']);
  assert.equal(soortenVoorSchool('onbekend').length, 6);
});
