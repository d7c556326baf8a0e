/**
 * How an ondersteuningsaanbod is shown: one rendering for parents (school page, history, comparison) and for staff
 * reading a concept, so what a school writes is what parents will see.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { formatDutch } from '../../platform/civil-date.js';
import { Alert, Alineas, DataList, Heading, Link, Paragraph, Table, type DataListItem } from '../../platform/views/components.js';
import { DOMEIN_CODES, DOMEINEN, NIVEAUS, VOORZIENINGEN, type DomeinCode } from './rules/domeinen.js';
import { MR_ADVIES_LABEL, type AanbodInhoud, type MrAdvies } from './rules/typen.js';

/** A tel: link target: digits and a leading plus only. */
export function telHref(telefoon: string): string {
  return `tel:${telefoon.replace(/[^\d+]/g, '')}`;
}

export function domeinLabel(d: string): string {
  return DOMEINEN[d as DomeinCode]?.label ?? d;
}

export function niveauLabel(n: string): string {
  return NIVEAUS[n as keyof typeof NIVEAUS]?.label ?? n;
}

export function mrAdviesLabel(a: string | null): string {
  return a ? (MR_ADVIES_LABEL[a as MrAdvies] ?? a) : 'niet vastgelegd';
}

/** Says clearly that an offer is made up (demo installation). */
export function DemoLabel(): JSX.Element {
  return <strong class="utrecht-status-badge utrecht-status-badge--warning">Demo: verzonnen voorbeeld</strong>;
}

export function urlVanVersie(code: string, v: { schooljaar: string; volgnummer: number }): string {
  return `/scholen/${code}/aanbod/${v.schooljaar}/${v.volgnummer}`;
}

/** The adoption facts shown above an adopted version. */
export interface VersieFeiten {
  schooljaar: string;
  volgnummer: number;
  vastgesteldOp: string;
  mrAdvies: string | null;
  mrAdviesDatum: string | null;
  mrAdviesToelichting: string | null;
  reactieOpAdvies: string | null;
}

/**
 * One version of an offer in full: explanation, per domain, facilities, basisondersteuning, contact, and for an
 * adopted version the MR's advice and download links. `kop` is the level of its section headings (2 on a page of
 * its own, 3 under the school page's "Ondersteuning op deze school"). Used by the public pages and by staff who
 * read a concept.
 */
export function AanbodWeergave(props: { v: AanbodInhoud & { isDemo: boolean }; kop: 2 | 3; vastgesteld?: VersieFeiten; downloadUrl?: string }): JSX.Element {
  const v = props.v;
  const a = props.vastgesteld;
  const kop = props.kop;
  const sub = (kop + 1) as 3 | 4;
  const beschreven = DOMEIN_CODES.filter((d) => v.domeinen.some((x) => x.domein === d));
  const nietBeschreven = DOMEIN_CODES.filter((d) => !beschreven.includes(d));
  const basis = v.basisOnderdelen;
  return (
    <>
      {a && (
        <Paragraph>
          Vastgesteld op {formatDutch(a.vastgesteldOp)} (schooljaar {a.schooljaar}{a.volgnummer > 1 ? `, versie ${a.volgnummer}` : ''}).
          {' '}MR-advies: {mrAdviesLabel(a.mrAdvies).toLowerCase()}{a.mrAdviesDatum ? ` (${formatDutch(a.mrAdviesDatum)})` : ''}.
        </Paragraph>
      )}
      {v.isDemo && (
        <Alert type="warning" role="status">
          <Paragraph><DemoLabel /> Dit aanbod is verzonnen voor de demonstratie van Passend. Het zegt niets over de echte school.</Paragraph>
        </Alert>
      )}
      {v.toelichting.trim() && <Alineas tekst={v.toelichting} />}

      <Heading level={kop}>Ondersteuning per onderwerp</Heading>
      {beschreven.length === 0 && <Paragraph>De school beschrijft geen onderwerpen apart.</Paragraph>}
      {beschreven.map((d) => {
        const x = v.domeinen.find((y) => y.domein === d)!;
        const items: DataListItem[] = [
          { key: 'Niveau', value: `${niveauLabel(x.niveau)}. ${NIVEAUS[x.niveau]?.uitleg ?? ''}` },
          { key: 'Wat wij doen', value: x.watWijDoen },
          { key: 'Deskundigheid in het team', value: x.expertise },
          { key: 'Grenzen: wat wij niet kunnen', value: x.grenzen },
        ];
        return (
          <>
            <Heading level={sub}>{DOMEINEN[d].label}</Heading>
            <DataList items={items} />
          </>
        );
      })}
      {nietBeschreven.length > 0 && beschreven.length > 0 && (
        <Paragraph>Niet apart beschreven: {nietBeschreven.map((d) => DOMEINEN[d].label).join(', ')}.</Paragraph>
      )}

      <Heading level={kop}>Voorzieningen</Heading>
      {v.voorzieningen.length === 0
        ? <Paragraph>De school noemt geen voorzieningen.</Paragraph>
        : (
          <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
            {v.voorzieningen.map((x) => <li class="utrecht-unordered-list__item">{VOORZIENINGEN[x] ?? x}</li>)}
          </ul>
        )}
      {v.voorzieningenToelichting.trim() && <Alineas tekst={v.voorzieningenToelichting} />}

      <Heading level={kop}>Basisondersteuning</Heading>
      <Paragraph>
        Alle scholen in het samenwerkingsverband spreken af wat elke school minstens biedt: de basisondersteuning. Hieronder staat
        wat deze school daarvan zegt te bieden.
      </Paragraph>
      <Table
        caption="Basisondersteuning van deze school"
        hideCaption
        headers={['Onderdeel', 'Onderwerp', 'Biedt de school dit?']}
        rows={basis.map((b) => [b.omschrijving, domeinLabel(b.domein), b.geboden === true ? 'Ja' : b.geboden === false ? 'Nee' : 'Niet ingevuld'])}
        empty="De school heeft geen onderdelen van de basisondersteuning vastgelegd."
      />
      {v.basisToelichting.trim() && (
        <>
          <Paragraph><strong>Uitleg van de school:</strong></Paragraph>
          <Alineas tekst={v.basisToelichting} />
        </>
      )}

      <Heading level={kop}>Contact over ondersteuning</Heading>
      <DataList items={[
        { key: 'Naam', value: v.contactNaam },
        { key: 'E-mail', value: v.contactEmail ? <Link href={`mailto:${v.contactEmail}`}>{v.contactEmail}</Link> : '' },
        { key: 'Telefoon', value: v.contactTelefoon ? <Link href={telHref(v.contactTelefoon)}>{v.contactTelefoon}</Link> : '' },
      ]} />

      {a && (a.mrAdviesToelichting?.trim() || a.reactieOpAdvies?.trim()) && (
        <>
          <Heading level={kop}>Advies van de medezeggenschapsraad</Heading>
          <DataList items={[
            { key: 'Advies', value: mrAdviesLabel(a.mrAdvies) },
            ...(a.mrAdviesToelichting?.trim() ? [{ key: 'Opmerkingen van de MR', value: a.mrAdviesToelichting }] : []),
            ...(a.reactieOpAdvies?.trim() ? [{ key: 'Reactie van de school', value: a.reactieOpAdvies }] : []),
          ]} />
        </>
      )}

      {props.downloadUrl && <Heading level={kop}>Downloaden</Heading>}
      {props.downloadUrl && <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
        <li class="utrecht-unordered-list__item">
          <Link href={`${props.downloadUrl}.json`}>Dit aanbod als JSON-bestand</Link> (alles, voor computers)
        </li>
        <li class="utrecht-unordered-list__item">
          <Link href={`${props.downloadUrl}.csv`}>De onderwerpen als CSV-bestand</Link> (voor Excel)
        </li>
      </ul>}
    </>
  );
}

