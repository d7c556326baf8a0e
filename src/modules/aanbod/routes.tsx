/**
 * Staff pages and API of the ondersteuningsaanbod: a school writes its yearly offer (concept → vastgesteld with the
 * MR's advice), the SWV keeps its basisondersteuning and public profile. Routes parse, authorise (policy + command),
 * call a command and render. The public pages and the finder are in publiek.tsx.
 */
import type { App, AppContext } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { readForm, readJson, readUpload, uuidParam, type FormValues } from '../../platform/http/forms.js';
import { layoutProps, sendPage, setFlash } from '../../platform/http/render.js';
import { sendCsv, toCsv } from '../../platform/http/csv.js';
import { AppError } from '../../platform/errors.js';
import { formatDutch } from '../../platform/civil-date.js';
import { Layout } from '../../platform/views/layout.js';
import {
  Alert, Button, ButtonLink, CheckboxField, ErrorSummary, Form, FormField, Heading, Link, Paragraph, RadioGroup,
  SelectField, Table, TextareaField,
} from '../../platform/views/components.js';
import * as cmd from './commands.js';
import { AANBOD_ROLLEN, OVERZICHT_ROLLEN, SCHOOL_ROLLEN, SWV_BEHEER_ROLLEN } from './rules/toegang.js';
import { DOMEIN_CODES, DOMEINEN, NIVEAU_CODES, NIVEAUS, VOORZIENING_CODES, VOORZIENINGEN } from './rules/domeinen.js';
import { MR_ADVIES_LABEL, inhoudVan, type AanbodInhoud, type MrAdvies } from './rules/typen.js';
import { MR_ADVIES_CODES, controleerInhoud } from './rules/versie.js';
import { isSchooljaar, volgendSchooljaar } from './rules/schooljaar.js';
import {
  DOCUMENT_REGELS, NIEUWE_BASIS_REGELS, inhoudAlsFormulier, leesBasisFormulier, leesInhoudFormulier, leesProfielFormulier,
  leesVersie, veld,
} from './schemas.js';
import { CSV_KOLOMMEN, leesCsv, leesJson, naarCsv, naarJson } from './uitwisseling.js';
import type { VersieRij } from './store.js';
import { AanbodWeergave } from './weergave.js';

const ADVIES_VELDEN = ['mrAdvies', 'mrAdviesDatum', 'mrAdviesToelichting', 'reactieOpAdvies'];

function actor(c: AppContext): cmd.Actor {
  const a = c.var.auth!;
  return { gebruikerId: a.gebruiker.id, grant: a.actief!, requestId: c.var.requestId };
}

function deps(c: AppContext): cmd.AanbodDeps {
  return { db: c.var.deps.db, clock: c.var.deps.clock };
}

function statusTekst(v: Pick<VersieRij, 'status' | 'vastgesteldOp'>): string {
  return v.status === 'vastgesteld' && v.vastgesteldOp ? `vastgesteld op ${formatDutch(v.vastgesteldOp)}` : 'concept';
}

function versieNaam(v: Pick<VersieRij, 'schooljaar' | 'volgnummer'>): string {
  return `schooljaar ${v.schooljaar}${v.volgnummer > 1 ? `, versie ${v.volgnummer}` : ''}`;
}

/** Public URL of an adopted version. */
function publiekeUrl(v: Pick<VersieRij, 'vestigingCode' | 'schooljaar' | 'volgnummer'>): string {
  return `/scholen/${v.vestigingCode}/aanbod/${v.schooljaar}/${v.volgnummer}`;
}

// -- pages ------------------------------------------------------------------------------------------------------------

/** A school's versions: history, the concept, and (for its own staff) a form to start the next one. */
async function versiesPage(c: AppContext, vestigingCode: string, values: FormValues = {}, errors: Record<string, string> = {}, status: 200 | 422 = 200) {
  const r = await cmd.toonVersies(deps(c), actor(c), vestigingCode);
  const props = await layoutProps(c, `Ondersteuningsaanbod ${r.school.naam}`, { hasErrors: Object.keys(errors).length > 0 });
  const jaren = [r.huidigJaar, volgendSchooljaar(r.huidigJaar)];
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ondersteuningsaanbod van {r.school.naam}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>
        Hier beschrijft de school elk schooljaar welke ondersteuning zij biedt. Ouders zien een versie pas als de schoolleider
        haar heeft vastgesteld, na advies van de medezeggenschapsraad (MR). Een vastgestelde versie kan niet meer veranderen.
      </Paragraph>
      {r.huidige
        ? <Paragraph>Ouders zien nu: <Link href={publiekeUrl(r.huidige)}>{versieNaam(r.huidige)}</Link>, {statusTekst(r.huidige)}.</Paragraph>
        : <Alert type="warning"><Paragraph>Deze school heeft nog geen vastgesteld aanbod. Ouders zien daarom in de schoolzoeker geen ondersteuning bij deze school.</Paragraph></Alert>}
      {r.beheerdDoor && r.beheerdDoor !== c.var.auth!.actief!.swvId && (
        <Alert type="info">
          <Paragraph>Deze school hoort bij twee samenwerkingsverbanden. Haar aanbod wordt bijgehouden in samenwerkingsverband {r.beheerdDoor}; hier ziet u de vastgestelde versies.</Paragraph>
        </Alert>
      )}
      {r.concept && (
        <Alert type="info" heading="Er is een concept">
          <Paragraph><Link href={`/aanbod/versie/${r.concept.id}`}>Ga verder met het concept voor {versieNaam(r.concept)}</Link></Paragraph>
        </Alert>
      )}
      {r.magBewerken && !r.concept && (
        <>
          <Heading level={2}>Nieuwe versie maken</Heading>
          <Form action="/aanbod/nieuw" csrfToken={c.var.csrfToken} aria-label="Nieuwe versie maken">
            <SelectField name="schooljaar" label="Voor welk schooljaar?" options={jaren.map((j) => ({ value: j, label: j }))} value={values.schooljaar ?? r.huidigJaar} error={errors.schooljaar} required />
            <RadioGroup name="bron" legend="Waarmee begint u?" value={values.bron ?? (r.versies.length ? 'kopie' : 'leeg')} error={errors.bron} options={[
              { value: 'kopie', label: 'Met een kopie van de laatste versie', description: 'Handig: u past alleen aan wat anders is.', disabled: r.versies.length === 0 },
              { value: 'leeg', label: 'Met een leeg formulier' },
            ]} />
            <Button>Nieuwe versie maken</Button>
          </Form>
        </>
      )}
      <Heading level={2}>Alle versies</Heading>
      <Table caption="Alle versies" hideCaption rowHeaders headers={['Versie', 'Status', 'Advies MR']} rows={r.versies.map((v) => [
        <Link href={v.status === 'concept' ? `/aanbod/versie/${v.id}` : publiekeUrl(v)}>{versieNaam(v)}</Link>,
        statusTekst(v),
        v.mrAdvies ? `${MR_ADVIES_LABEL[v.mrAdvies as MrAdvies] ?? v.mrAdvies}${v.mrAdviesDatum ? ` (${formatDutch(v.mrAdviesDatum)})` : ''}` : '—',
      ])} empty="Er is nog geen versie." />
    </Layout>,
    status,
  );
}

/** The edit form of a concept (or the read-only view for those who may only read it). */
async function versiePage(c: AppContext, id: string, values?: FormValues, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) {
  const r = await cmd.openVersie(deps(c), actor(c), id);
  const v = r.versie;
  const titel = `${r.school.naam}: ${versieNaam(v)}`;
  const props = await layoutProps(c, `Ondersteuningsaanbod ${titel}`, { hasErrors: Object.keys(errors).length > 0 || status === 409 });
  const f = values ?? inhoudAlsFormulier(inhoudVan(v));
  const terug = <Paragraph><Link href={`/aanbod/school/${v.vestigingCode}`}>Terug naar alle versies van {r.school.naam}</Link></Paragraph>;
  if (!r.magBewerken) {
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Ondersteuningsaanbod {titel}</Heading>
        <Paragraph>Status: {statusTekst(v)}.{v.status === 'vastgesteld' && <> <Link href={publiekeUrl(v)}>Bekijk de openbare pagina</Link>.</>}</Paragraph>
        <AanbodWeergave v={v} kop={2} />
        {terug}
      </Layout>,
    );
  }
  const adoptieFouten = controleerInhoud(inhoudVan(v));
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ondersteuningsaanbod {titel}</Heading>
      <ErrorSummary errors={errors} />
      {status === 409 && (
        <Alert type="warning" heading="Iemand anders heeft dit concept intussen opgeslagen">
          <Paragraph>Uw invoer staat nog in het formulier. Open het concept in een nieuw tabblad om te zien wat er nu is opgeslagen, neem over wat u wilt houden en sla opnieuw op.</Paragraph>
        </Alert>
      )}
      <Alert type="info">
        <Paragraph>Dit is een concept. Ouders zien het pas als de schoolleider het heeft vastgesteld. U kunt tussendoor opslaan; het hoeft nog niet compleet te zijn.</Paragraph>
      </Alert>
      <Form action={`/aanbod/versie/${v.id}`} csrfToken={c.var.csrfToken} aria-label="Aanbod bewerken">
        <input type="hidden" name="versie" value={String(status === 409 ? leesVersie(values?.versie) : v.versie)} />
        <Heading level={2}>Uitleg van de school</Heading>
        <TextareaField name="toelichting" label="Korte uitleg voor ouders" description="In gewone taal: hoe helpt uw school kinderen die meer nodig hebben? Een paar zinnen is genoeg." value={f.toelichting} error={errors.toelichting} rows={5} />

        <Heading level={2}>Basisondersteuning</Heading>
        {v.basisOnderdelen.length === 0
          ? <Paragraph>Het samenwerkingsverband heeft voor dit schooljaar nog geen basisondersteuning vastgesteld. Als dat gebeurt, maakt u een nieuwe versie om die te bevestigen.</Paragraph>
          : <>
              <Paragraph>Dit biedt elke school in het samenwerkingsverband. Geef bij elk onderdeel eerlijk aan of uw school het biedt.</Paragraph>
              {v.basisOnderdelen.map((b) => (
                <RadioGroup name={veld.basis(b.code)} legend={b.omschrijving} description={DOMEINEN[b.domein].label} value={f[veld.basis(b.code)]} error={errors[veld.basis(b.code)]} options={[
                  { value: 'ja', label: 'Onze school biedt dit' }, { value: 'nee', label: 'Onze school biedt dit (nog) niet' },
                ]} />
              ))}
              <TextareaField name="basisToelichting" label="Uitleg als u iets niet biedt" description="Welk onderdeel niet, waarom niet, en wat u wel doet." value={f.basisToelichting} error={errors.basisToelichting} rows={3} />
            </>}

        <Heading level={2}>Ondersteuning per onderwerp</Heading>
        <Paragraph>Kies de onderwerpen waarbij uw school ondersteuning biedt. Vertel per onderwerp wat u doet, welke deskundigheid er is en waar uw grenzen liggen.</Paragraph>
        {DOMEIN_CODES.map((d) => {
          const aan = f[veld.domeinAan(d)] === 'ja';
          return (
            <details class="passend-details" open={aan || Boolean(errors[veld.domeinNiveau(d)]) || undefined}>
              <summary>{DOMEINEN[d].label}{aan ? ' (ingevuld)' : ''}</summary>
              <fieldset class="utrecht-form-fieldset passend-fieldset">
              <legend class="utrecht-form-fieldset__legend">{DOMEINEN[d].label}</legend>
              <Paragraph>{DOMEINEN[d].uitleg}</Paragraph>
              <CheckboxField name={veld.domeinAan(d)} label={`Onze school biedt ondersteuning bij: ${DOMEINEN[d].label.toLowerCase()}`} checked={aan} />
              <RadioGroup name={veld.domeinNiveau(d)} legend="Niveau" value={f[veld.domeinNiveau(d)]} error={errors[veld.domeinNiveau(d)]} options={NIVEAU_CODES.map((n) => ({ value: n, label: NIVEAUS[n].label, description: NIVEAUS[n].uitleg }))} />
              <TextareaField name={veld.domeinTekst(d, 'watWijDoen')} label="Wat doet de school?" value={f[veld.domeinTekst(d, 'watWijDoen')]} error={errors[veld.domeinTekst(d, 'watWijDoen')]} rows={3} />
              <TextareaField name={veld.domeinTekst(d, 'expertise')} label="Welke deskundigheid is er?" value={f[veld.domeinTekst(d, 'expertise')]} error={errors[veld.domeinTekst(d, 'expertise')]} rows={2} />
              <TextareaField name={veld.domeinTekst(d, 'grenzen')} label="Waar liggen de grenzen?" description="Eerlijk zijn helpt ouders: wat kan de school niet?" value={f[veld.domeinTekst(d, 'grenzen')]} error={errors[veld.domeinTekst(d, 'grenzen')]} rows={2} />
              </fieldset>
            </details>
          );
        })}

        <Heading level={2}>Voorzieningen</Heading>
        <fieldset class="utrecht-form-fieldset passend-fieldset">
          <legend class="utrecht-form-fieldset__legend">Wat heeft uw gebouw of team?</legend>
          {VOORZIENING_CODES.map((x) => <CheckboxField name={veld.voorziening(x)} label={VOORZIENINGEN[x]} checked={f[veld.voorziening(x)] === 'ja'} />)}
        </fieldset>
        <TextareaField name="voorzieningenToelichting" label="Andere voorzieningen of uitleg" value={f.voorzieningenToelichting} error={errors.voorzieningenToelichting} rows={2} />

        <Heading level={2}>Contactpersoon voor ouders</Heading>
        <FormField name="contactNaam" label="Naam" value={f.contactNaam} error={errors.contactNaam} autocomplete="off" />
        <FormField name="contactEmail" type="email" label="E-mailadres" value={f.contactEmail} error={errors.contactEmail} spellcheck={false} />
        <FormField name="contactTelefoon" type="tel" label="Telefoonnummer" value={f.contactTelefoon} error={errors.contactTelefoon} />
        <Button>Concept opslaan</Button>
      </Form>

      <Heading level={2}>Vaststellen</Heading>
      {Object.keys(adoptieFouten).length > 0
        ? <Alert type="warning" heading="Nog niet klaar om vast te stellen">
            <ul class="utrecht-unordered-list">{Object.values(adoptieFouten).map((m) => <li class="utrecht-unordered-list__item">{m}</li>)}</ul>
          </Alert>
        : <Paragraph>Het concept is compleet.</Paragraph>}
      {r.magVaststellen
        ? <Paragraph><ButtonLink href={`/aanbod/versie/${v.id}/vaststellen`} appearance="secondary">Vaststellen met het advies van de MR</ButtonLink></Paragraph>
        : <Paragraph>De schoolleider stelt het aanbod vast, na advies van de MR.</Paragraph>}

      <Heading level={2}>Importeren en exporteren</Heading>
      <Paragraph>
        Download dit concept als <Link href={`/aanbod/versie/${v.id}/export.json`}>JSON</Link> (alles) of
        als <Link href={`/aanbod/versie/${v.id}/export.csv`}>CSV</Link> (de onderwerpen, te openen in Excel).
      </Paragraph>
      <Form action={`/aanbod/versie/${v.id}/importeren`} csrfToken={c.var.csrfToken} enctype="multipart/form-data" aria-label="Importeren">
        <input type="hidden" name="versie" value={String(v.versie)} />
        <FieldFile name="bestand" label="Bestand om te importeren (JSON of CSV)" description={`Een JSON-bestand vervangt het hele concept. Een CSV-bestand vervangt alleen de onderwerpen; kolommen: ${CSV_KOLOMMEN.join(', ')}.`} error={errors.bestand} />
        <Button appearance="secondary">Importeren</Button>
      </Form>
      <Paragraph><Link href={`/aanbod/versie/${v.id}/verwijderen`}>Concept verwijderen</Link></Paragraph>
      {terug}
    </Layout>,
    status,
  );
}

/** A file input in the same field structure as the other fields. */
function FieldFile(props: { name: string; label: string; description: string; error?: string }) {
  const id = `veld-${props.name}`;
  return (
    <div class={`utrecht-form-field passend-form-field${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label"><label class="utrecht-form-label" for={id}>{props.label}</label></div>
      <div class="utrecht-form-field__description" id={`${id}-hint`}>{props.description}</div>
      {props.error && <div class="utrecht-form-field-error-message" id={`${id}-fout`}>{props.error}</div>}
      <div class="utrecht-form-field__input">
        <input type="file" id={id} name={props.name} accept=".json,.csv,application/json,text/csv" aria-describedby={props.error ? `${id}-hint ${id}-fout` : `${id}-hint`} aria-invalid={props.error ? 'true' : undefined} />
      </div>
    </div>
  );
}

async function vaststellenPage(c: AppContext, id: string, values: FormValues = {}, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) {
  const r = await cmd.openVersie(deps(c), actor(c), id);
  const v = r.versie;
  if (v.status === 'vastgesteld') {
    // A second click on "Vaststellen", or an old tab: the version is already public.
    await setFlash(c, { kind: 'info', text: 'Deze versie is al vastgesteld.' });
    return c.redirect(publiekeUrl(v), 303);
  }
  if (!r.magVaststellen) throw new AppError('forbidden', { detail: 'Alleen de schoolleider van deze school stelt het aanbod vast.' });
  const adviesFouten = Object.fromEntries(Object.entries(errors).filter(([k]) => ADVIES_VELDEN.includes(k)));
  const overig = Object.entries(errors).filter(([k]) => !ADVIES_VELDEN.includes(k));
  const props = await layoutProps(c, `Vaststellen: ${r.school.naam}, ${versieNaam(v)}`, { hasErrors: Object.keys(errors).length > 0 || status === 409 });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Ondersteuningsaanbod vaststellen</Heading>
      <Paragraph>{r.school.naam}, {versieNaam(v)}.</Paragraph>
      <ErrorSummary errors={adviesFouten} />
      {status === 409 && <Alert type="warning" heading="Het concept is intussen gewijzigd"><Paragraph><Link href={`/aanbod/versie/${v.id}`}>Bekijk het concept opnieuw</Link> en stel het daarna vast.</Paragraph></Alert>}
      {overig.length > 0 && (
        <Alert type="error" heading="Het concept is nog niet compleet">
          <ul class="utrecht-unordered-list">{overig.map(([, m]) => <li class="utrecht-unordered-list__item">{m}</li>)}</ul>
          <Paragraph><Link href={`/aanbod/versie/${v.id}`}>Vul het concept aan</Link></Paragraph>
        </Alert>
      )}
      <Alert type="warning">
        <Paragraph>Na het vaststellen kan niemand deze versie meer wijzigen. Ouders zien haar meteen op de pagina van de school en in de schoolzoeker. Wilt u later iets veranderen? Dan maakt u een nieuwe versie.</Paragraph>
      </Alert>
      <Form action={`/aanbod/versie/${v.id}/vaststellen`} csrfToken={c.var.csrfToken} aria-label="Vaststellen">
        <input type="hidden" name="versie" value={String(v.versie)} />
        <RadioGroup name="mrAdvies" legend="Wat heeft de medezeggenschapsraad (MR) geadviseerd?" value={values.mrAdvies} error={errors.mrAdvies} options={MR_ADVIES_CODES.map((a) => ({ value: a, label: MR_ADVIES_LABEL[a] }))} />
        <FormField name="mrAdviesDatum" type="date" label="Datum van het advies" value={values.mrAdviesDatum} error={errors.mrAdviesDatum} max={c.var.deps.clock.today()} />
        <TextareaField name="mrAdviesToelichting" label="Opmerkingen van de MR (als die er zijn)" description="Deze tekst komt ook op de openbare pagina van de school." value={values.mrAdviesToelichting} error={errors.mrAdviesToelichting} rows={3} />
        <TextareaField name="reactieOpAdvies" label="Uw reactie op een negatief advies" description="Alleen nodig als de MR negatief adviseerde: waarom stelt u het aanbod toch vast? De MR krijgt deze reactie, en zij komt ook op de openbare pagina van de school." value={values.reactieOpAdvies} error={errors.reactieOpAdvies} rows={3} />
        <Button>Vaststellen en publiceren</Button>
      </Form>
      <Paragraph><Link href={`/aanbod/versie/${v.id}`}>Terug naar het concept</Link></Paragraph>
    </Layout>,
    status,
  );
}

async function basisPage(c: AppContext, schooljaar: string, values?: FormValues, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) {
  const r = await cmd.toonBasis(deps(c), actor(c));
  const b = r.jaren.find((j) => j.schooljaar === schooljaar);
  const props = await layoutProps(c, `Basisondersteuning ${schooljaar}`, { hasErrors: Object.keys(errors).length > 0 || status === 409 });
  const onderdelen = b?.onderdelen ?? [];
  const bewerkbaar = !b || b.status === 'concept';
  const f: FormValues = values ?? {
    toelichting: b?.toelichting ?? '',
    ...Object.fromEntries(onderdelen.flatMap((o, i) => [[`o.${i}.domein`, o.domein], [`o.${i}.omschrijving`, o.omschrijving]])),
  };
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Basisondersteuning {schooljaar}</Heading>
      <ErrorSummary errors={errors} />
      {status === 409 && <Alert type="warning" heading="Iemand anders heeft dit intussen opgeslagen"><Paragraph>Uw invoer staat nog in het formulier. <Link href={`/swv/basisondersteuning/${schooljaar}`}>Laad de pagina opnieuw</Link> om te zien wat er nu is opgeslagen.</Paragraph></Alert>}
      <Paragraph>
        De basisondersteuning is wat elke school in het samenwerkingsverband biedt. Zij staat in het ondersteuningsplan.
        Elke school bevestigt in haar ondersteuningsaanbod welke onderdelen zij biedt.
      </Paragraph>
      <Paragraph>Status: {b ? (b.status === 'vastgesteld' && b.vastgesteldOp ? `vastgesteld op ${formatDutch(b.vastgesteldOp)}` : 'concept') : 'nog niet begonnen'}.</Paragraph>
      {bewerkbaar
        ? <Form action={`/swv/basisondersteuning/${schooljaar}`} csrfToken={c.var.csrfToken} aria-label="Basisondersteuning bewerken">
            <input type="hidden" name="versie" value={String(b?.versie ?? 0)} />
            {Array.from({ length: onderdelen.length + NIEUWE_BASIS_REGELS }, (_, i) => (
              <fieldset class="utrecht-form-fieldset passend-fieldset">
                <legend class="utrecht-form-fieldset__legend">{i < onderdelen.length ? `Onderdeel ${i + 1}` : `Nieuw onderdeel ${i - onderdelen.length + 1}`}</legend>
                <SelectField name={`o.${i}.domein`} label="Onderwerp" options={DOMEIN_CODES.map((d) => ({ value: d, label: DOMEINEN[d].label }))} emptyOption="Kies een onderwerp" value={f[`o.${i}.domein`]} error={errors[`o.${i}.domein`]} />
                <TextareaField name={`o.${i}.omschrijving`} label="Omschrijving" description={i < onderdelen.length ? 'Maak leeg om dit onderdeel te verwijderen.' : undefined} value={f[`o.${i}.omschrijving`]} error={errors[`o.${i}.omschrijving`]} rows={2} />
              </fieldset>
            ))}
            <TextareaField name="toelichting" label="Toelichting" value={f.toelichting} error={errors.toelichting} rows={3} />
            <Button>Opslaan</Button>
          </Form>
        : <Table caption="Onderdelen" hideCaption headers={['Onderwerp', 'Omschrijving']} rows={onderdelen.map((o) => [DOMEINEN[o.domein].label, o.omschrijving])} />}
      {b && b.status === 'concept' && r.magVaststellen && (
        <Form action={`/swv/basisondersteuning/${schooljaar}/vaststellen`} csrfToken={c.var.csrfToken} aria-label="Vaststellen">
          <input type="hidden" name="versie" value={String(b.versie)} />
          <Paragraph>Na het vaststellen kan de basisondersteuning van {schooljaar} niet meer veranderen. Scholen bevestigen haar in hun nieuwe versie.</Paragraph>
          <Button appearance="secondary">Basisondersteuning {schooljaar} vaststellen</Button>
        </Form>
      )}
      <Paragraph><Link href="/swv/basisondersteuning">Alle schooljaren</Link></Paragraph>
    </Layout>,
    status,
  );
}

async function profielPage(c: AppContext, values?: FormValues, errors: Record<string, string> = {}, status: 200 | 409 | 422 = 200) {
  const p = await cmd.toonProfiel(deps(c), actor(c));
  const props = await layoutProps(c, 'Gegevens van het samenwerkingsverband', { hasErrors: Object.keys(errors).length > 0 || status === 409 });
  const f: FormValues = values ?? (p ? {
    telefoon: p.telefoon, email: p.email, website: p.website, adres: p.adres, steunpuntNaam: p.steunpuntNaam,
    steunpuntTelefoon: p.steunpuntTelefoon, steunpuntEmail: p.steunpuntEmail, steunpuntWebsite: p.steunpuntWebsite,
    steunpuntToelichting: p.steunpuntToelichting, isGepubliceerd: p.isGepubliceerd ? 'ja' : '',
    ...Object.fromEntries(p.documenten.flatMap((d, i) => [[`doc.${i}.titel`, d.titel], [`doc.${i}.url`, d.url], [`doc.${i}.datum`, d.datum ?? '']])),
  } : {});
  const swv = c.var.auth!.actief!.swvId!;
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Gegevens van het samenwerkingsverband</Heading>
      <ErrorSummary errors={errors} />
      {status === 409 && <Alert type="warning" heading="Iemand anders heeft dit intussen opgeslagen"><Paragraph>Uw invoer staat nog in het formulier. <Link href="/swv/profiel">Laad de pagina opnieuw</Link> om te zien wat er nu is opgeslagen.</Paragraph></Alert>}
      <Paragraph>Deze gegevens staan op de <Link href={`/samenwerkingsverbanden/${swv}`}>openbare pagina van het samenwerkingsverband</Link> en in de schoolzoeker, als u ze publiceert.</Paragraph>
      <Form action="/swv/profiel" csrfToken={c.var.csrfToken} aria-label="Gegevens bewerken">
        <input type="hidden" name="versie" value={String(status === 409 ? leesVersie(values?.versie) : p?.versie ?? 0)} />
        <Heading level={2}>Contact</Heading>
        <FormField name="telefoon" type="tel" label="Telefoonnummer" value={f.telefoon} error={errors.telefoon} />
        <FormField name="email" type="email" label="E-mailadres" value={f.email} error={errors.email} spellcheck={false} />
        <FormField name="website" type="url" label="Website" value={f.website} error={errors.website} spellcheck={false} />
        <TextareaField name="adres" label="Bezoekadres" value={f.adres} error={errors.adres} rows={2} />
        <Heading level={2}>Ouder- en jeugdsteunpunt</Heading>
        <Paragraph>Hier kunnen ouders en jongeren terecht met vragen over ondersteuning, los van de school.</Paragraph>
        <FormField name="steunpuntNaam" label="Naam" value={f.steunpuntNaam} error={errors.steunpuntNaam} />
        <FormField name="steunpuntTelefoon" type="tel" label="Telefoonnummer" value={f.steunpuntTelefoon} error={errors.steunpuntTelefoon} />
        <FormField name="steunpuntEmail" type="email" label="E-mailadres" value={f.steunpuntEmail} error={errors.steunpuntEmail} spellcheck={false} />
        <FormField name="steunpuntWebsite" type="url" label="Website" value={f.steunpuntWebsite} error={errors.steunpuntWebsite} spellcheck={false} />
        <TextareaField name="steunpuntToelichting" label="Uitleg voor ouders" value={f.steunpuntToelichting} error={errors.steunpuntToelichting} rows={3} />
        <Heading level={2}>Documenten</Heading>
        <Paragraph>Bijvoorbeeld het ondersteuningsplan en het jaarverslag, als link naar uw website.</Paragraph>
        {Array.from({ length: DOCUMENT_REGELS }, (_, i) => (
          <fieldset class="utrecht-form-fieldset passend-fieldset">
            <legend class="utrecht-form-fieldset__legend">Document {i + 1}</legend>
            <FormField name={`doc.${i}.titel`} label="Titel" value={f[`doc.${i}.titel`]} error={errors[`doc.${i}.titel`]} />
            <FormField name={`doc.${i}.url`} type="url" label="Link" value={f[`doc.${i}.url`]} error={errors[`doc.${i}.url`]} spellcheck={false} />
            <FormField name={`doc.${i}.datum`} type="date" label="Datum (als die er is)" value={f[`doc.${i}.datum`]} error={errors[`doc.${i}.datum`]} />
          </fieldset>
        ))}
        <CheckboxField name="isGepubliceerd" label="Publiceer deze gegevens op de openbare pagina" checked={f.isGepubliceerd === 'ja'} />
        <Button>Opslaan</Button>
      </Form>
    </Layout>,
    status,
  );
}

/** The `versie` of an API body: a whole number, or a clear 422 (not a database error on 1.5 or 1e20). */
function apiVersie(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2_000_000_000) {
    throw new AppError('validation_failed', { fields: { versie: 'Stuur het versienummer mee dat u ophaalde (een heel getal).' }, detail: 'Stuur het versienummer mee dat u ophaalde (een heel getal).' });
  }
  return v;
}

/** Re-renders a form page on a validation error from a command; anything else propagates. */
async function bijFout<T>(fn: () => Promise<T>, opFout: (errors: Record<string, string>) => Promise<Response>): Promise<T | Response> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') return opFout(err.fields ?? {});
    throw err;
  }
}

// -- routes -----------------------------------------------------------------------------------------------------------

/** Registers the staff pages and API of the aanbod module. */
export function registerAanbodRoutes(app: App): void {
  defineRoute(app, 'GET', '/aanbod', { access: AANBOD_ROLLEN, summary: 'Ondersteuningsaanbod: eigen school of overzicht van het samenwerkingsverband' }, async (c) => {
    const grant = c.var.auth!.actief!;
    if (grant.vestigingCode && SCHOOL_ROLLEN.includes(grant.rol)) return versiesPage(c, grant.vestigingCode);
    const r = await cmd.toonSwvOverzicht(deps(c), actor(c));
    const props = await layoutProps(c, 'Ondersteuningsaanbod van de scholen');
    const klaar = r.scholen.filter((s) => s.vastgesteldDitJaar).length;
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Ondersteuningsaanbod van de scholen</Heading>
        <Paragraph>{klaar} van de {r.scholen.length} scholen hebben hun aanbod voor schooljaar {r.schooljaar} vastgesteld. <Link href="/aanbod/overzicht.csv">Download als CSV</Link></Paragraph>
        {(SWV_BEHEER_ROLLEN as readonly string[]).includes(grant.rol) && (
          <Paragraph><Link href="/swv/basisondersteuning">Basisondersteuning</Link> · <Link href="/swv/profiel">Gegevens van het samenwerkingsverband</Link></Paragraph>
        )}
        <Table caption={`Scholen en hun aanbod ${r.schooljaar}`} rowHeaders headers={['School', 'Plaats', `Vastgesteld voor ${r.schooljaar}`, 'Laatst vastgesteld', 'Concept']} rows={r.scholen.map((s) => [
          <Link href={`/aanbod/school/${s.code}`}>{s.naam}</Link>, s.plaats ?? '', s.vastgesteldDitJaar ? formatDutch(s.vastgesteldDitJaar) : 'nee',
          s.laatstVastgesteldOp ? formatDutch(s.laatstVastgesteldOp) : 'nooit', s.heeftConcept ? 'ja' : '',
        ])} empty="Dit samenwerkingsverband heeft geen scholen in het register." />
      </Layout>,
    );
  });

  defineRoute(app, 'GET', '/aanbod/overzicht.csv', { access: OVERZICHT_ROLLEN, summary: 'CSV: scholen en de stand van hun aanbod' }, async (c) => {
    const r = await cmd.toonSwvOverzicht(deps(c), actor(c));
    const csv = toCsv(['vestigingscode', 'school', 'plaats', 'soort', `vastgesteld_${r.schooljaar}`, 'laatst_vastgesteld', 'concept'],
      r.scholen.map((s) => [s.code, s.naam, s.plaats ?? '', s.soort, s.vastgesteldDitJaar ?? '', s.laatstVastgesteldOp ?? '', s.heeftConcept ? 'ja' : 'nee']));
    return sendCsv(c, `aanbod-${r.schooljaar}.csv`, csv, { leerlingen: false });
  });

  defineRoute(app, 'GET', '/aanbod/school/:code', { access: AANBOD_ROLLEN, summary: 'Alle versies van het aanbod van één school' }, (c) => {
    const code = (c.req.param('code') ?? '').toUpperCase();
    if (!/^[0-9A-Z]{4}\d{2}$/.test(code)) throw new AppError('not_found');
    return versiesPage(c, code);
  });

  defineRoute(app, 'POST', '/aanbod/nieuw', { access: SCHOOL_ROLLEN, summary: 'Start een nieuwe versie (kopie of leeg)' }, async (c) => {
    const values = await readForm(c);
    const school = cmd.eigenVestiging(actor(c));
    const bron = values.bron === 'leeg' ? 'leeg' : 'kopie';
    const r = await bijFout(() => cmd.startVersie(deps(c), actor(c), { schooljaar: values.schooljaar ?? '', bron }), (e) => versiesPage(c, school, values, e, 422));
    if (r instanceof Response) return r;
    await setFlash(c, { kind: 'ok', text: 'De nieuwe versie is gemaakt. Pas aan wat anders is en sla op.' });
    return c.redirect(`/aanbod/versie/${r}`, 303);
  });

  defineRoute(app, 'GET', '/aanbod/versie/:id', { access: AANBOD_ROLLEN, summary: 'Eén versie: bewerken (concept) of bekijken' }, (c) => versiePage(c, uuidParam(c)));

  defineRoute(app, 'POST', '/aanbod/versie/:id', { access: SCHOOL_ROLLEN, summary: 'Slaat een concept op' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const { versie: v } = await cmd.openVersie(deps(c), actor(c), id);
    const inhoud = leesInhoudFormulier(values, v.basisOnderdelen);
    if (!inhoud.ok) return versiePage(c, id, values, inhoud.errors, 422);
    const r = await cmd.bewaarInhoud(deps(c), actor(c), id, leesVersie(values.versie), inhoud.data);
    if (r.soort === 'conflict') return versiePage(c, id, values, {}, 409);
    await setFlash(c, { kind: 'ok', text: 'Het concept is opgeslagen.' });
    return c.redirect(`/aanbod/versie/${id}`, 303);
  });

  defineRoute(app, 'GET', '/aanbod/versie/:id/vaststellen', { access: ['schoolleider'], summary: 'Formulier: vaststellen met MR-advies' }, async (c) => {
    const id = uuidParam(c);
    const { versie: v } = await cmd.openVersie(deps(c), actor(c), id);
    // The content check up front, so the leader sees what is missing before filling in the MR's advice.
    return vaststellenPage(c, id, {}, controleerInhoud(inhoudVan(v)));
  });

  defineRoute(app, 'POST', '/aanbod/versie/:id/vaststellen', { access: ['schoolleider'], summary: 'Stelt een versie vast (daarna alleen-lezen en openbaar)' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const advies = {
      mrAdvies: values.mrAdvies || null, mrAdviesDatum: values.mrAdviesDatum || null,
      mrAdviesToelichting: values.mrAdviesToelichting?.trim() || null, reactieOpAdvies: values.reactieOpAdvies?.trim() || null,
    };
    let r;
    try {
      r = await bijFout(() => cmd.stelVast(deps(c), actor(c), id, leesVersie(values.versie), advies), (e) => vaststellenPage(c, id, values, e, 422));
    } catch (err) {
      // Already adopted (double click): the page sends the user to the public version.
      if (err instanceof AppError && err.code === 'conflict') return vaststellenPage(c, id);
      throw err;
    }
    if (r instanceof Response) return r;
    if (r.soort === 'conflict') return vaststellenPage(c, id, values, {}, 409);
    const { versie: v } = await cmd.openVersie(deps(c), actor(c), id);
    await setFlash(c, { kind: 'ok', text: 'Het aanbod is vastgesteld. Ouders zien het nu op de pagina van de school.' });
    return c.redirect(publiekeUrl(v), 303);
  });

  defineRoute(app, 'GET', '/aanbod/versie/:id/verwijderen', { access: SCHOOL_ROLLEN, summary: 'Bevestigen: concept verwijderen' }, async (c) => {
    const id = uuidParam(c);
    const r = await cmd.openVersie(deps(c), actor(c), id);
    if (!r.magBewerken) throw new AppError('forbidden', { detail: 'Alleen een concept van uw eigen school kunt u verwijderen.' });
    const props = await layoutProps(c, 'Concept verwijderen');
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Concept verwijderen?</Heading>
        <Paragraph>U verwijdert het concept voor {versieNaam(r.versie)} van {r.school.naam}. Vastgestelde versies blijven bestaan. Dit kunt u niet ongedaan maken.</Paragraph>
        <Form action={`/aanbod/versie/${id}/verwijderen`} csrfToken={c.var.csrfToken} aria-label="Verwijderen bevestigen">
          <Button>Ja, verwijder het concept</Button>
        </Form>
        <Paragraph><Link href={`/aanbod/versie/${id}`}>Nee, terug naar het concept</Link></Paragraph>
      </Layout>,
    );
  });

  defineRoute(app, 'POST', '/aanbod/versie/:id/verwijderen', { access: SCHOOL_ROLLEN, summary: 'Verwijdert een concept' }, async (c) => {
    const school = await cmd.verwijderConcept(deps(c), actor(c), uuidParam(c));
    await setFlash(c, { kind: 'ok', text: 'Het concept is verwijderd.' });
    return c.redirect(`/aanbod/school/${school}`, 303);
  });

  defineRoute(app, 'GET', '/aanbod/versie/:id/export.json', { access: AANBOD_ROLLEN, summary: 'Export van een versie als JSON' }, async (c) => {
    const r = await cmd.openVersie(deps(c), actor(c), uuidParam(c));
    const v = r.versie;
    const json = naarJson({ vestigingCode: v.vestigingCode, vestigingNaam: r.school.naam, schooljaar: v.schooljaar, volgnummer: v.volgnummer, status: v.status, vastgesteldOp: v.vastgesteldOp, mrAdvies: v.mrAdvies, mrAdviesDatum: v.mrAdviesDatum }, inhoudVan(v));
    return c.body(JSON.stringify(json, null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="aanbod-${v.vestigingCode}-${v.schooljaar}-${v.volgnummer}.json"` });
  });

  defineRoute(app, 'GET', '/aanbod/versie/:id/export.csv', { access: AANBOD_ROLLEN, summary: 'Export van de onderwerpen van een versie als CSV' }, async (c) => {
    const { versie: v } = await cmd.openVersie(deps(c), actor(c), uuidParam(c));
    return c.body(naarCsv(v.domeinen), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="aanbod-${v.vestigingCode}-${v.schooljaar}-${v.volgnummer}.csv"` });
  });

  defineRoute(app, 'POST', '/aanbod/versie/:id/importeren', { access: SCHOOL_ROLLEN, summary: 'Importeert JSON (alles) of CSV (onderwerpen) in een concept' }, async (c) => {
    const id = uuidParam(c);
    const values = await readForm(c);
    const bestand = await readUpload(c, 'bestand', 512 * 1024);
    const { versie: v } = await cmd.openVersie(deps(c), actor(c), id);
    const fout = (m: string) => versiePage(c, id, undefined, { bestand: m }, 422);
    if (bestand === undefined) return fout('Kies een bestand om te importeren.');
    if (bestand === null) return fout('Het bestand is te groot. Een aanbod past in een bestand van minder dan 512 kB.');
    const isJson = bestand.trimStart().startsWith('{');
    let inhoud: AanbodInhoud;
    let overgeslagen = 0;
    if (isJson) {
      const r = leesJson(bestand);
      if (!r.ok) return fout(`Het JSON-bestand klopt niet: ${r.fout}`);
      // Answers to basis items of another year's list cannot be kept: this version asks its own list.
      const codes = new Set(v.basisOnderdelen.map((b) => b.code));
      overgeslagen = r.inhoud.basisOnderdelen.filter((b) => !codes.has(b.code)).length;
      inhoud = { ...r.inhoud, basisOnderdelen: r.inhoud.basisOnderdelen.filter((b) => codes.has(b.code)) };
    } else {
      const r = leesCsv(bestand);
      if (!r.ok) return fout(`Het CSV-bestand klopt niet: ${r.fout}`);
      inhoud = { ...inhoudVan(v), domeinen: r.domeinen };
    }
    const r = await bijFout(() => cmd.bewaarInhoud(deps(c), actor(c), id, leesVersie(values.versie), inhoud), (e) => fout(`Het bestand klopt niet: ${Object.values(e).join(' ')}`));
    if (r instanceof Response) return r;
    if (r.soort === 'conflict') return versiePage(c, id, undefined, {}, 409);
    const extra = overgeslagen ? ` ${overgeslagen} antwoord(en) over basisondersteuning uit het bestand horen niet bij de lijst van dit schooljaar en zijn overgeslagen.` : '';
    await setFlash(c, { kind: 'ok', text: `${isJson ? 'Het bestand is geïmporteerd.' : 'De onderwerpen zijn geïmporteerd.'}${extra} Kijk het concept na.` });
    return c.redirect(`/aanbod/versie/${id}`, 303);
  });

  // -- basisondersteuning and profile (SWV) --------------------------------------------------------------------------

  defineRoute(app, 'GET', '/swv/basisondersteuning', { access: SWV_BEHEER_ROLLEN, summary: 'Basisondersteuning per schooljaar' }, async (c) => {
    const r = await cmd.toonBasis(deps(c), actor(c));
    const props = await layoutProps(c, 'Basisondersteuning');
    const volgend = volgendSchooljaar(r.huidigJaar);
    const open = [r.huidigJaar, volgend].filter((j) => !r.jaren.some((b) => b.schooljaar === j));
    return sendPage(
      c,
      <Layout {...props}>
        <Heading level={1}>Basisondersteuning</Heading>
        <Paragraph>Wat elke school in het samenwerkingsverband biedt, per schooljaar. Een nieuw schooljaar begint met een kopie van het vorige.</Paragraph>
        <Table caption="Schooljaren" hideCaption rowHeaders headers={['Schooljaar', 'Status', { label: 'Onderdelen', numeric: true }]} rows={r.jaren.map((b) => [
          <Link href={`/swv/basisondersteuning/${b.schooljaar}`}>{b.schooljaar}</Link>,
          b.status === 'vastgesteld' && b.vastgesteldOp ? `vastgesteld op ${formatDutch(b.vastgesteldOp)}` : 'concept', b.onderdelen.length,
        ])} empty="Er is nog geen basisondersteuning vastgelegd." />
        {open.length > 0 && (
          <Form action="/swv/basisondersteuning/nieuw" csrfToken={c.var.csrfToken} aria-label="Nieuw schooljaar">
            <SelectField name="schooljaar" label="Nieuw schooljaar beginnen" options={open.map((j) => ({ value: j, label: j }))} value={open[0]} />
            <Button appearance="secondary">Beginnen</Button>
          </Form>
        )}
      </Layout>,
    );
  });

  defineRoute(app, 'POST', '/swv/basisondersteuning/nieuw', { access: SWV_BEHEER_ROLLEN, summary: 'Begint de basisondersteuning van een schooljaar' }, async (c) => {
    const values = await readForm(c);
    const schooljaar = values.schooljaar ?? '';
    await cmd.startBasis(deps(c), actor(c), schooljaar);
    return c.redirect(`/swv/basisondersteuning/${schooljaar}`, 303);
  });

  defineRoute(app, 'GET', '/swv/basisondersteuning/:jaar', { access: SWV_BEHEER_ROLLEN, summary: 'Basisondersteuning van één schooljaar' }, (c) => {
    const jaar = c.req.param('jaar') ?? '';
    if (!isSchooljaar(jaar)) throw new AppError('not_found');
    return basisPage(c, jaar);
  });

  defineRoute(app, 'POST', '/swv/basisondersteuning/:jaar', { access: SWV_BEHEER_ROLLEN, summary: 'Slaat de basisondersteuning van een schooljaar op' }, async (c) => {
    const jaar = c.req.param('jaar') ?? '';
    if (!isSchooljaar(jaar)) throw new AppError('not_found');
    const values = await readForm(c);
    const r0 = await cmd.toonBasis(deps(c), actor(c));
    const bestaand = r0.jaren.find((j) => j.schooljaar === jaar)?.onderdelen ?? [];
    const v = leesBasisFormulier(values, bestaand);
    if (!v.ok) return basisPage(c, jaar, values, v.errors, 422);
    const r = await cmd.bewaarBasis(deps(c), actor(c), jaar, leesVersie(values.versie), v.data);
    if (r.soort === 'conflict') return basisPage(c, jaar, values, {}, 409);
    await setFlash(c, { kind: 'ok', text: 'De basisondersteuning is opgeslagen.' });
    return c.redirect(`/swv/basisondersteuning/${jaar}`, 303);
  });

  defineRoute(app, 'POST', '/swv/basisondersteuning/:jaar/vaststellen', { access: ['swv-directeur'], summary: 'Stelt de basisondersteuning van een schooljaar vast' }, async (c) => {
    const jaar = c.req.param('jaar') ?? '';
    if (!isSchooljaar(jaar)) throw new AppError('not_found');
    const values = await readForm(c);
    const r = await bijFout(() => cmd.stelBasisVast(deps(c), actor(c), jaar, leesVersie(values.versie)), (e) => basisPage(c, jaar, undefined, e, 422));
    if (r instanceof Response) return r;
    if (r.soort === 'conflict') return basisPage(c, jaar, undefined, {}, 409);
    await setFlash(c, { kind: 'ok', text: `De basisondersteuning van ${jaar} is vastgesteld.` });
    return c.redirect(`/swv/basisondersteuning/${jaar}`, 303);
  });

  defineRoute(app, 'GET', '/swv/profiel', { access: SWV_BEHEER_ROLLEN, summary: 'Formulier: contact, steunpunt en documenten van het SWV' }, (c) => profielPage(c));

  defineRoute(app, 'POST', '/swv/profiel', { access: SWV_BEHEER_ROLLEN, summary: 'Slaat contact, steunpunt en documenten van het SWV op' }, async (c) => {
    const values = await readForm(c);
    const v = leesProfielFormulier(values);
    if (!v.ok) return profielPage(c, values, v.errors, 422);
    const r = await cmd.bewaarProfiel(deps(c), actor(c), leesVersie(values.versie), v.data);
    if (r.soort === 'conflict') return profielPage(c, values, {}, 409);
    await setFlash(c, { kind: 'ok', text: v.data.isGepubliceerd ? 'De gegevens zijn opgeslagen en staan op de openbare pagina.' : 'De gegevens zijn opgeslagen. Ze zijn nog niet openbaar.' });
    return c.redirect('/swv/profiel', 303);
  });

  // -- API -----------------------------------------------------------------------------------------------------------

  defineRoute(app, 'GET', '/api/aanbod/versies/:id', { access: AANBOD_ROLLEN, summary: 'API: één versie (ook concept) als JSON' }, async (c) => {
    const r = await cmd.openVersie(deps(c), actor(c), uuidParam(c));
    const v = r.versie;
    return c.json({
      id: v.id, versie: v.versie,
      ...naarJson({ vestigingCode: v.vestigingCode, vestigingNaam: r.school.naam, schooljaar: v.schooljaar, volgnummer: v.volgnummer, status: v.status, vastgesteldOp: v.vastgesteldOp, mrAdvies: v.mrAdvies, mrAdviesDatum: v.mrAdviesDatum }, inhoudVan(v)),
    });
  });

  defineRoute(app, 'PUT', '/api/aanbod/versies/:id', { access: SCHOOL_ROLLEN, summary: 'API: vervangt de inhoud van een concept (formaat van de JSON-export, met versie)' }, async (c) => {
    const id = uuidParam(c);
    const body = await readJson(c);
    const versie = apiVersie(body.versie);
    const r = leesJson(JSON.stringify(body));
    if (!r.ok) throw new AppError('validation_failed', { fields: { inhoud: r.fout }, detail: r.fout });
    const uit = await cmd.bewaarInhoud(deps(c), actor(c), id, versie, r.inhoud);
    if (uit.soort === 'conflict') throw new AppError('conflict', { detail: 'Iemand anders heeft dit concept intussen opgeslagen, of het is vastgesteld. Haal de nieuwe versie op.' });
    return c.body(null, 204);
  });

  defineRoute(app, 'POST', '/api/aanbod/versies/:id/vaststellen', { access: ['schoolleider'], summary: 'API: stelt een concept vast met het MR-advies' }, async (c) => {
    const id = uuidParam(c);
    const body = await readJson(c);
    const tekstOfNull = (k: string) => (typeof body[k] === 'string' && (body[k] as string).trim() ? (body[k] as string).trim().slice(0, 4000) : null);
    const r = await cmd.stelVast(deps(c), actor(c), id, apiVersie(body.versie), {
      mrAdvies: tekstOfNull('mrAdvies'), mrAdviesDatum: tekstOfNull('mrAdviesDatum'),
      mrAdviesToelichting: tekstOfNull('mrAdviesToelichting'), reactieOpAdvies: tekstOfNull('reactieOpAdvies'),
    });
    if (r.soort === 'conflict') throw new AppError('conflict', { detail: 'Het concept is intussen gewijzigd. Haal de nieuwe versie op.' });
    return c.body(null, 204);
  });
}

