/**
 * The letters as data (pure): the suspension letter has the period, the reasons, the inspectie sentence (only for
 * more than one day) and the objection term; the removal letter has the reasons, the hearing, the willing school,
 * the objection term (6 weeks after the decision; legal-rules §10 rule 23 arithmetic), the GPO and the
 * onderwijsconsulenten (legal-rules §1.13–1.17, §8).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schorsingsbrief, verwijderingsbrief, type SchorsingVoorBrief, type VerwijderingVoorBrief } from '../../src/modules/schorsing/brieven.js';

const tekst = (b: { alineas: { kop?: string; tekst: string }[] }) => b.alineas.map((a) => `${a.kop ?? ''} ${a.tekst}`).join('\n');

const leerling = { voornaam: 'Sem', tussenvoegsel: 'de', achternaam: 'Vries', geboortedatum: '2015-06-01', vestigingNaam: 'De Linde', plaats: 'Zeist' };

test('suspension letter: period, reasons, inspectie when > 1 day, objection term from the day the letter goes out', () => {
  const s: SchorsingVoorBrief = { ...leerling, van: '2025-03-03', tot: '2025-03-04', reden: 'Geweld tegen een medeleerling.', besluitOp: '2025-03-03', ouderGeinformeerdOp: '2025-03-03', inspectieMeldingNodig: true };
  const b = schorsingsbrief(s);
  assert.equal(b.onderwerp, 'Schorsing van Sem de Vries');
  assert.equal(b.datumregel, 'Zeist, 3 maart 2025');
  assert.equal(b.aanhef, 'Beste ouder of verzorger,');
  assert.match(tekst(b), /duurt 2 dagen: van 3 maart 2025 tot en met 4 maart 2025/);
  assert.match(tekst(b), /De redenen Geweld tegen een medeleerling\./);
  assert.match(tekst(b), /Inspectie van het Onderwijs/);
  assert.match(tekst(b), /tot en met 14 april 2025 bezwaar maken/);
  assert.equal(b.bestandsnaam, 'schorsing-sem-de-vries-2025-03-03');
  const eenDag = schorsingsbrief({ ...s, tot: '2025-03-03', inspectieMeldingNodig: false });
  assert.match(tekst(eenDag), /duurt 1 dag: op 3 maart 2025\./);
  assert.doesNotMatch(tekst(eenDag), /inspectie/i);
});

test('a pupil of 18 or older gets the letter too', () => {
  const s: SchorsingVoorBrief = { ...leerling, geboortedatum: '2006-01-01', van: '2025-03-03', tot: '2025-03-03', reden: 'Redenen.', besluitOp: '2025-03-03', ouderGeinformeerdOp: null, inspectieMeldingNodig: false };
  assert.equal(schorsingsbrief(s).aanhef, 'Beste Sem en ouder of verzorger,');
});

test('removal letter: reasons, hearing, willing school, objection term 6 weeks after the decision, GPO, consulenten', () => {
  const v: VerwijderingVoorBrief = {
    ...leerling, sector: 'po', reden: 'Herhaald ernstig geweld.', gehoordOp: '2025-02-20', andereSchoolNaam: 'Het Anker', andereSchoolPlaats: 'Bunnik',
    andereSchoolBereidOp: '2025-02-27', inspectieGeraadpleegdOp: null, cluster12ZoektochtSinds: null, besluitOp: '2025-03-03',
  };
  const b = verwijderingsbrief(v);
  const t = tekst(b);
  assert.equal(b.onderwerp, 'Verwijdering van Sem de Vries');
  assert.match(t, /besloten Sem de Vries van De Linde te verwijderen/);
  assert.match(t, /Op 20 februari 2025 hebben wij de groepsleerkracht gehoord\./);
  assert.match(t, /Het Anker in Bunnik heeft op 27 februari 2025 bevestigd/);
  assert.match(t, /tot en met 14 april 2025 bezwaar maken/);
  assert.match(t, /Geschillencommissie passend onderwijs \(https:\/\/www\.onderwijsgeschillen\.nl\)/);
  assert.match(t, /Onderwijsconsulenten helpen u gratis/);
  const vo = tekst(verwijderingsbrief({ ...v, sector: 'vo', inspectieGeraadpleegdOp: '2025-02-25' }));
  assert.match(vo, /hebben wij Sem en de ouders gehoord/);
  assert.match(vo, /geraadpleegd/);
  assert.match(vo, /binnen 4 weken nadat het uw bezwaar heeft ontvangen/);
});
