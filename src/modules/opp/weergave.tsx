/**
 * How an OPP is shown: one rendering of a version, the states and the views, for the school, the parents, the pupil
 * and the printed copy, so what the school writes is exactly what the parents read and decide on. Status is said in
 * words, never by colour alone (WCAG 1.4.1).
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { civilDateAt, formatDutch, type CivilDate } from '../../platform/civil-date.js';
import { Alineas, DataList, Heading, Link, Paragraph, Table } from '../../platform/views/components.js';
import { DOMEIN_CODES, DOMEINEN } from '../aanbod/rules/domeinen.js';
import { domeinLabel, ONDERDEEL_LABEL, RESULTAAT_LABEL, type VersieInhoud } from './rules/inhoud.js';
import { uitstroomLabel } from './rules/uitstroom.js';
import { eindeSchooljaar, type EvaluatieStand } from './rules/evaluatie.js';
import { versieStatus, VERSIE_STATUS_LABEL, type OppStand, type VersieFeit } from './rules/versies.js';
import type { Onderwijssoort, TermijnStand } from './rules/termijn.js';
import type { EvaluatieRij, InstemmingRij, MeningRij, OogoRij, VersieRij } from './store.js';

type Soort = 'neutral' | 'warning' | 'danger' | 'success';

export function Badge(props: { soort: Soort; children: string }): JSX.Element {
  return <span class={`utrecht-status-badge utrecht-status-badge--${props.soort}`}>{props.children}</span>;
}

const dagen = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagen'}`;

/** The first adoption's deadline in words. */
export function termijnTekst(t: { stand: TermijnStand; dagen: number }, uiterlijk: CivilDate): string {
  switch (t.stand) {
    case 'vastgesteld':
      return t.dagen >= 0 ? 'Op tijd vastgesteld' : `Vastgesteld, ${dagen(-t.dagen)} na de termijn`;
    case 'te-laat':
      return `Te laat: moest uiterlijk ${formatDutch(uiterlijk)} zijn vastgesteld (${dagen(-t.dagen)} geleden)`;
    case 'binnenkort':
      return t.dagen === 0 ? 'Vandaag is de laatste dag om vast te stellen' : `Nog ${dagen(t.dagen)}: uiterlijk ${formatDutch(uiterlijk)} vaststellen`;
    case 'op-tijd':
      return `Uiterlijk ${formatDutch(uiterlijk)} vaststellen (nog ${dagen(t.dagen)})`;
  }
}

/** The same for the parents: what the school must do, not what "you" must do. */
export function termijnTekstOuder(t: { stand: TermijnStand; dagen: number }, uiterlijk: CivilDate): string {
  if (t.stand === 'vastgesteld') return 'Vastgesteld';
  return t.stand === 'te-laat'
    ? `De school had het uiterlijk ${formatDutch(uiterlijk)} moeten vaststellen`
    : `De school stelt het uiterlijk ${formatDutch(uiterlijk)} vast`;
}

export function TermijnBadge(props: { stand: OppStand; uiterlijk: CivilDate }): JSX.Element {
  const s = props.stand.termijn.stand;
  const soort: Soort = s === 'te-laat' ? 'danger' : s === 'binnenkort' ? 'warning' : s === 'vastgesteld' ? 'success' : 'neutral';
  return <Badge soort={soort}>{termijnTekst(props.stand.termijn, props.uiterlijk)}</Badge>;
}

/** The yearly evaluation in words (rule 15: overdue on 31 July without an evaluation this school year). */
export function evaluatieTekst(e: EvaluatieStand, vandaag: CivilDate): string {
  const einde = formatDutch(eindeSchooljaar(vandaag));
  switch (e) {
    case 'gedaan':
      return 'Dit schooljaar geëvalueerd';
    case 'nog-niet':
      return `Evalueren met de ouders vóór ${einde}`;
    case 'binnenkort':
      return `Evalueren met de ouders vóór ${einde} (binnenkort)`;
    case 'achterstallig':
      return 'Evaluatie te laat: dit schooljaar nog niet geëvalueerd';
  }
}

export function EvaluatieBadge(props: { stand: EvaluatieStand; vandaag: CivilDate }): JSX.Element {
  const soort: Soort = props.stand === 'achterstallig' ? 'danger' : props.stand === 'binnenkort' ? 'warning' : props.stand === 'gedaan' ? 'success' : 'neutral';
  return <Badge soort={soort}>{evaluatieTekst(props.stand, props.vandaag)}</Badge>;
}

export const FASE_TEKST: Record<OppStand['fase'], string> = {
  leeg: 'Gestart, nog niets geschreven',
  concept: 'Voorstel, nog niet vastgesteld',
  vastgesteld: 'Vastgesteld',
  herziening: 'Vastgesteld; een nieuwe versie wordt besproken',
  afgesloten: 'Afgesloten',
};

export const INSTEMMING_TEKST: Record<InstemmingRij['uitkomst'], string> = {
  gezien: 'Gezien (nog geen besluit)',
  ingestemd: 'Ingestemd',
  geweigerd: 'Niet ingestemd',
};

export const OOGO_TEKST: Record<OogoRij['uitkomst'], string> = {
  overeenstemming: 'Overeenstemming', deels: 'Gedeeltelijk overeenstemming', 'geen-overeenstemming': 'Geen overeenstemming',
};

export const CONCLUSIE_TEKST: Record<EvaluatieRij['conclusie'], string> = {
  doorgaan: 'Doorgaan zoals het is', bijstellen: 'Bijstellen: een nieuwe versie maken', afsluiten: 'Afsluiten: extra ondersteuning is niet meer nodig',
};

/** Who decided, and how: "Sanne Vermeulen, in Passend" / "…, op papier (vastgelegd door de school)". */
export function besluitDoor(i: InstemmingRij): string {
  return `${i.namens}, ${i.bron === 'online' ? 'in Passend' : 'vastgelegd door de school'}`;
}

/** The content of one version. `kop` is the heading level of its parts. */
export function VersieInhoudWeergave(props: { v: VersieInhoud; soort: Onderwijssoort; kop?: 2 | 3 }): JSX.Element {
  const { v } = props;
  const kop = props.kop ?? 2;
  const sub = (kop + 1) as 3 | 4;
  const factorDomeinen = DOMEIN_CODES.filter((d) => v.factoren.some((f) => f.domein === d));
  return (
    <>
      <Heading level={kop}>{ONDERDEEL_LABEL.uitstroom}</Heading>
      <Paragraph>{v.uitstroom ? (uitstroomLabel(props.soort, v.uitstroom) ?? v.uitstroom) : 'Nog niet ingevuld.'}</Paragraph>
      {v.uitstroomToelichting && <Alineas tekst={v.uitstroomToelichting} />}
      <Heading level={kop}>{ONDERDEEL_LABEL.factoren}</Heading>
      {factorDomeinen.length === 0 && <Paragraph>Nog niet ingevuld.</Paragraph>}
      {factorDomeinen.map((d) => (
        <>
          <Heading level={sub}>{DOMEINEN[d].label}</Heading>
          <DataList items={(['belemmerend', 'bevorderend'] as const).flatMap((soort) => v.factoren.filter((f) => f.domein === d && f.soort === soort)
            .map((f) => ({ key: soort === 'belemmerend' ? 'Wat het moeilijk maakt' : 'Wat helpt', value: f.tekst })))} />
        </>
      ))}
      <Heading level={kop}>{ONDERDEEL_LABEL.handelingsdeel}</Heading>
      <Table caption="Doelen en ondersteuning" hideCaption rowHeaders headers={['Doel', 'Onderwerp', 'Ondersteuning', 'Wie', 'Hoe vaak']}
        rows={v.handelingsdeel.map((h) => [h.doel, domeinLabel(h.domein), h.ondersteuning, h.wie || 'Niet ingevuld', h.hoeVaak || 'Niet ingevuld'])}
        empty="Nog geen doelen." />
      <Heading level={kop}>{ONDERDEEL_LABEL.afwijkingen}</Heading>
      {v.afwijkingen ? <Alineas tekst={v.afwijkingen} /> : <Paragraph>Geen.</Paragraph>}
    </>
  );
}

/** The versions of an OPP with their status and the parents' decision on each. */
export function Versies(props: { oppId: string; versies: readonly VersieRij[]; instemmingen: readonly InstemmingRij[] }): JSX.Element {
  const feiten: VersieFeit[] = props.versies.map((v) => ({ volgnummer: v.volgnummer, vastgesteldOp: v.vastgesteldOp }));
  const besluit = (nr: number) => {
    const eigen = props.instemmingen.filter((i) => i.volgnummer === nr);
    const laatste = eigen[eigen.length - 1];
    return laatste ? `${INSTEMMING_TEKST[laatste.uitkomst]} op ${formatDutch(laatste.op)}` : 'Nog geen besluit';
  };
  return (
    <Table caption="Alle versies, nieuwste eerst" hideCaption rowHeaders headers={['Versie', 'Gemaakt', 'Status', 'Besluit over het handelingsdeel']}
      rows={[...props.versies].reverse().map((v) => [
        <Link href={`/opp/${props.oppId}/versies/${v.volgnummer}`}>{`Versie ${v.volgnummer}`}</Link>,
        `${formatDutch(isoDag(v.gemaaktOp))}${v.gemaaktDoorNaam ? ` door ${v.gemaaktDoorNaam}` : ''}`,
        `${VERSIE_STATUS_LABEL[versieStatus(feiten, v.volgnummer)]}${v.vastgesteldOp ? ` (${formatDutch(v.vastgesteldOp)})` : ''}`,
        besluit(v.volgnummer),
      ])} empty="Er is nog geen versie opgeslagen." />
  );
}

/** The civil date (Europe/Amsterdam) of a timestamp. */
export function isoDag(d: Date | string): CivilDate {
  return civilDateAt(d instanceof Date ? d : new Date(d));
}

/** One view (the pupil's or the parents'), with what the school did with it. */
export function MeningWeergave(props: { m: MeningRij; kop: 3 | 4; voorLeerling?: boolean }): JSX.Element {
  const { m } = props;
  const wie = m.van === 'leerling' ? (props.voorLeerling ? 'Jouw mening' : `Mening van ${m.namens} (leerling)`) : `Mening van ${m.namens} (ouder)`;
  const hoe = m.vorm === 'online' ? 'in Passend' : m.vorm === 'gesprek' ? 'in een gesprek' : 'op een formulier';
  return (
    <div class="passend-blok">
      <Heading level={props.kop}>{`${wie}, ${formatDutch(m.gegevenOp)}`}</Heading>
      {m.soort === 'niet-gehoord'
        ? <Paragraph>De mening van de leerling kon niet worden gevraagd: {m.reden}</Paragraph>
        : (
          <>
            <Paragraph>Gegeven {hoe}.</Paragraph>
            <DataList items={m.antwoorden.map((a) => ({ key: a.vraag, value: a.antwoord }))} />
          </>
        )}
      <DataList items={[{
        key: props.voorLeerling ? 'Wat de school ermee doet' : 'Wat de school ermee heeft gedaan',
        value: m.reactie ? `${m.reactie} (${formatDutch(m.reactieOp!)})` : 'De school heeft nog niet gereageerd.',
      }]} />
    </div>
  );
}

/** The OOGO talks. */
export function Overleggen(props: { oogos: readonly OogoRij[] }): JSX.Element {
  return (
    <Table caption="Overleg met de ouders" hideCaption headers={['Datum', 'Over versie', 'Wie waren er', 'Uitkomst', 'Verslag']}
      rows={props.oogos.map((o) => [formatDutch(o.op), String(o.volgnummer), o.deelnemers, OOGO_TEKST[o.uitkomst], o.verslag || '—'])}
      empty="Er is nog geen overleg vastgelegd." />
  );
}

/** Every decision on a handelingsdeel, in order. */
export function Besluiten(props: { instemmingen: readonly InstemmingRij[] }): JSX.Element {
  return (
    <Table caption="Besluiten over het handelingsdeel" hideCaption headers={['Datum', 'Versie', 'Besluit', 'Wie', 'Reden']}
      rows={props.instemmingen.map((i) => [formatDutch(i.op), String(i.volgnummer), INSTEMMING_TEKST[i.uitkomst], besluitDoor(i), i.reden ?? '—'])}
      empty="Er is nog geen besluit vastgelegd." />
  );
}

/** The evaluations, with the results per goal. */
export function Evaluaties(props: { evaluaties: readonly EvaluatieRij[]; kop: 3 | 4 }): JSX.Element {
  if (props.evaluaties.length === 0) return <Paragraph>Er is nog geen evaluatie vastgelegd.</Paragraph>;
  return (
    <>
      {[...props.evaluaties].reverse().map((e) => (
        <div class="passend-blok">
          <Heading level={props.kop}>{`Evaluatie van ${formatDutch(e.op)} (versie ${e.volgnummer})`}</Heading>
          <DataList items={[
            { key: 'Wie waren er', value: `${e.deelnemers}${e.metOuders ? '' : ' (zonder de ouders)'}` },
            { key: 'Conclusie', value: CONCLUSIE_TEKST[e.conclusie] },
            ...(e.toelichting ? [{ key: 'Toelichting', value: e.toelichting }] : []),
          ]} />
          <Table caption={`Resultaten per doel, evaluatie ${formatDutch(e.op)}`} rowHeaders headers={['Doel', 'Resultaat', 'Toelichting']}
            rows={e.resultaten.map((r) => [r.doel, RESULTAAT_LABEL[r.uitkomst], r.toelichting || '—'])} empty="Geen doelen." />
        </div>
      ))}
    </>
  );
}

/** What is still missing before the proposal can be adopted, as a list. */
export function Ontbreekt(props: { ontbreekt: Record<string, string> }): JSX.Element {
  return (
    <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
      {Object.values(props.ontbreekt).map((t) => <li class="utrecht-unordered-list__item">{t}</li>)}
    </ul>
  );
}
