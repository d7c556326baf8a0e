/**
 * The public (no login) side of the ondersteuningsaanbod: the school finder for parents, the comparison of up to
 * three schools, a school's page with its adopted offer and history (with JSON/CSV exports), the public SWV page
 * with its region map, and the JSON API of the finder and the school page.
 *
 * Everything here reads public data only (adopted versions, published profiles; see publiek-store.ts), in a
 * transaction without tenant. Pages work without JavaScript: the finder and the comparison are GET forms, so a
 * result list is a link a parent can share or bookmark.
 */
import { PUBLIEK } from '../../platform/db/client.js';
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { raw } from 'hono/html';
import type { App, AppContext } from '../../platform/http/env.js';
import { defineRoute } from '../../platform/http/policy.js';
import { queryText } from '../../platform/http/forms.js';
import { layoutProps, sendPage } from '../../platform/http/render.js';
import { AanbodWeergave, DemoLabel, domeinLabel, niveauLabel, telHref, urlVanVersie } from './weergave.js';
import { inhoudVan } from './rules/typen.js';
import { AppError } from '../../platform/errors.js';
import { formatDutch, schoolYearOf } from '../../platform/civil-date.js';
import { Layout } from '../../platform/views/layout.js';
import {
  Alert, Alineas, Button, ButtonLink, CheckboxField, CheckboxGroup, DataList, ErrorSummary, fieldId, Form, FormField, Heading, Link, Paragraph, RadioGroup,
  SelectField, Table, type DataListItem,
} from '../../platform/views/components.js';
import { findSwv, leerlingTrend } from '../register/store.js';
import type { LeerlingenRij } from '../register/types.js';
import { DOMEIN_CODES, DOMEINEN, NIVEAUS, VOORZIENINGEN, type DomeinCode } from './rules/domeinen.js';
import { formatAfstand } from './rules/afstand.js';
import { SCHOOLTYPE_FILTERS, SCHOOLTYPE_LABEL } from './rules/schooltype.js';
import { beoordeelAanbod, type Reden } from './rules/matching.js';
import { leesZoekvraag, STANDAARD_MAX_KM, type Zoekvraag } from './rules/zoekvraag.js';
import { huidigeVersie } from './rules/versie.js';
import { naarCsv, naarJson } from './uitwisseling.js';
import { tekenRegioKaart } from './kaart.js';
import * as store from './publiek-store.js';
import { kmTekst, MAX_PER_LIJST, opsomming, PER_LIJST, zoekScholen, type Lijst, type SchoolTreffer, type ZoekUitkomst } from './zoeken.js';


/** Most schools the comparison shows side by side (more does not fit a phone, and is hard to read anyway). */
const MAX_VERGELIJKEN = 3;

/** Control characters never belong in a query value (see platform/http/forms.ts). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The query parameters of the finder; the `terug` link of the comparison keeps only these. */
const ZOEK_VELDEN = ['postcode', 'behoefte', 'soort', 'denominatie', 'afstand', 'niveau'] as const;

// -------------------------------------------------------------------------------------------------------------------
// Small helpers
// -------------------------------------------------------------------------------------------------------------------

/** A vestigingscode (`00AO01`: 4 letters or digits, then 2 digits), upper-cased; anything else is a 404. */
function schoolCode(c: AppContext): string {
  const code = (c.req.param('code') ?? '').trim();
  if (!/^[0-9A-Za-z]{4}[0-9]{2}$/.test(code)) throw new AppError('not_found');
  return code.toUpperCase();
}

/** An SWV code (`PO2603`; test tenants have longer codes); DUO codes are upper-cased, others kept as they are. */
function swvCode(c: AppContext): string {
  const code = (c.req.param('code') ?? '').trim();
  if (!/^[0-9A-Za-z]{2,20}$/.test(code)) throw new AppError('not_found');
  return /^(po|vo)\d{4}$/i.test(code) ? code.toUpperCase() : code;
}

/** All values of a repeated query parameter, cleaned like queryText; capped, because a URL is no place for lists. */
function queryLijst(c: AppContext, name: string): string[] {
  return (c.req.queries(name) ?? []).slice(0, 50).map((v) => v.replace(CONTROL, '').trim().slice(0, 100));
}

/** The finder's raw input from the query string (what the form shows again). */
interface ZoekInvoer {
  postcode: string;
  behoefte: string[];
  soort: string[];
  denominatie: string;
  afstand: string;
  niveau: string;
}

function leesZoekInvoer(c: AppContext): ZoekInvoer {
  return {
    postcode: queryText(c, 'postcode', 20),
    behoefte: queryLijst(c, 'behoefte'),
    soort: queryLijst(c, 'soort'),
    denominatie: queryText(c, 'denominatie', 100),
    afstand: queryText(c, 'afstand', 10),
    niveau: queryText(c, 'niveau', 20),
  };
}

/** The query string of a finder question (the same question as a shareable link). */
function zoekQuery(v: Zoekvraag): string {
  const p = new URLSearchParams();
  p.set('postcode', v.postcode);
  for (const b of v.behoeften) p.append('behoefte', b);
  for (const s of v.schooltypen) p.append('soort', s);
  if (v.denominatie) p.set('denominatie', v.denominatie);
  p.set('afstand', String(v.maxKm));
  if (v.minNiveau !== 'basis') p.set('niveau', v.minNiveau);
  return p.toString();
}

/** Keeps only the finder's own parameters of a `terug` value, so the back link can only lead to the finder. */
function veiligeTerug(raw: string): string {
  const uit = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(raw.replace(CONTROL, '').slice(0, 2000))) {
    if ((ZOEK_VELDEN as readonly string[]).includes(k) && uit.getAll(k).length < 20) uit.append(k, v.slice(0, 100));
  }
  return uit.toString();
}

const SOORT_TEKST: Record<string, string> = {
  bao: 'Basisschool',
  sbo: 'Speciaal basisonderwijs',
  so: 'Speciaal onderwijs',
  vso: 'Voortgezet speciaal onderwijs',
  'so/vso': 'Speciaal en voortgezet speciaal onderwijs',
  vo: 'Voortgezet onderwijs',
};

/** DUO's onderwijsstructuur parts in today's words (VBO and MAVO are both vmbo now). */
const STRUCTUUR_TEKST: Record<string, string> = {
  VBO: 'vmbo', MAVO: 'vmbo', VMBO: 'vmbo', PRO: 'praktijkonderwijs', HAVO: 'havo', VWO: 'vwo', BRUGJAAR: 'brugjaar', ISK: 'internationale schakelklas',
};

/** "Basisschool", "Voortgezet onderwijs: vmbo, havo, vwo". */
function soortTekst(soort: string, structuur: string | null): string {
  const basis = SOORT_TEKST[soort] ?? soort;
  if (soort !== 'vo' || !structuur) return basis;
  const delen = [...new Set(structuur.toUpperCase().split('/').map((d) => STRUCTUUR_TEKST[d.trim()]).filter((d): d is string => Boolean(d)))];
  return delen.length > 0 ? `${basis}: ${delen.join(', ')}` : basis;
}

/** "3701 AB" for DUO's "3701AB". */
function postcodeTekst(pc: string | null): string {
  if (!pc) return '';
  const m = /^(\d{4})\s*([A-Za-z]{2})$/.exec(pc.trim());
  return m ? `${m[1]} ${m[2]!.toUpperCase()}` : pc;
}

function adresTekst(s: { straat: string | null; huisnummer: string | null; postcode: string | null; plaats: string | null }): string {
  const straat = [s.straat, s.huisnummer].filter(Boolean).join(' ');
  const plaats = [postcodeTekst(s.postcode), s.plaats].filter(Boolean).join(' ');
  return [straat, plaats].filter(Boolean).join(', ');
}

/** DUO writes websites without scheme ("www.school.nl"); only something that looks like a host becomes a link. */
function websiteHref(internet: string | null): string | null {
  const w = (internet ?? '').trim();
  if (/^https?:\/\/[^\s]+$/i.test(w)) return w;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s]*)?$/i.test(w)) return `https://${w}`;
  return null;
}

/** Shortens a long text for a result list (the school page has the full text). */
function kort(tekst: string, max = 280): string {
  const t = tekst.trim();
  return t.length <= max ? t : `${t.slice(0, max).replace(/\s+\S*$/, '')} …`;
}

/** The rules join several basis items with "; "; after a full stop that reads as ".;" — make it one sentence break. */
function leesbaar(tekst: string): string {
  return tekst.replace(/([.!?]);\s+/g, '$1 ');
}


function exportMeta(school: { code: string; naam: string }, v: store.PubliekeVersie) {
  return {
    vestigingCode: school.code, vestigingNaam: school.naam, schooljaar: v.schooljaar, volgnummer: v.volgnummer,
    status: v.status, vastgesteldOp: v.vastgesteldOp, mrAdvies: v.mrAdvies, mrAdviesDatum: v.mrAdviesDatum,
  };
}

// -------------------------------------------------------------------------------------------------------------------
// The finder
// -------------------------------------------------------------------------------------------------------------------

const HEMELSBREED_UITLEG =
  'De afstand is hemelsbreed: in een rechte lijn van het midden van uw postcodegebied naar de school. Over de weg is het meestal verder.';

function ZoekFormulier(props: { invoer: ZoekInvoer; fouten: Record<string, string>; denominaties: string[] }): JSX.Element {
  const { invoer, fouten } = props;
  const richtingen = props.denominaties.map((d) => ({ value: d, label: d }));
  // A direction typed in the address bar (the API accepts part of a name) stays visible and selected.
  if (invoer.denominatie && !props.denominaties.includes(invoer.denominatie)) richtingen.unshift({ value: invoer.denominatie, label: invoer.denominatie });
  return (
    // The fragment survives a GET submit: the browser lands on the results (or stays at the error summary).
    <Form method="get" action="/scholen/zoeken#resultaten" aria-label="Zoeken">
      <FormField
        name="postcode"
        label="Postcode"
        description="De 4 cijfers zijn genoeg, bijvoorbeeld 3701."
        value={invoer.postcode}
        error={fouten.postcode}
        autocomplete="postal-code"
        inputmode="numeric"
        maxlength={7}
        spellcheck={false}
        required
      />
      <CheckboxGroup
        name="behoefte"
        legend="Waarbij heeft uw kind ondersteuning nodig?"
        description="Kies wat past. U mag ook niets kiezen: dan ziet u alle scholen in de buurt."
        error={fouten.behoefte}
        options={DOMEIN_CODES.map((d) => ({ value: d, label: DOMEINEN[d].label, description: DOMEINEN[d].uitleg }))}
        checked={invoer.behoefte}
      />
      <RadioGroup
        name="niveau"
        legend="Hoeveel ondersteuning zoekt u?"
        value={invoer.niveau || 'basis'}
        error={fouten.niveau}
        options={[
          { value: 'basis', label: 'Ook basisondersteuning', description: NIVEAUS.basis.uitleg },
          { value: 'extra', label: 'Alleen scholen met extra ondersteuning', description: 'Meer dan de basis: bijvoorbeeld een specialist of een kleine groep.' },
          { value: 'specialistisch', label: 'Alleen specialistische ondersteuning', description: NIVEAUS.specialistisch.uitleg },
        ]}
      />
      <CheckboxGroup
        name="soort"
        legend="Soort school"
        description="Niets gekozen: alle soorten."
        error={fouten.soort}
        options={SCHOOLTYPE_FILTERS.map((s) => ({ value: s, label: SCHOOLTYPE_LABEL[s] }))}
        checked={invoer.soort}
      />
      <SelectField name="denominatie" label="Richting" description="Bijvoorbeeld openbaar of katholiek." options={richtingen} emptyOption="Maakt niet uit" value={invoer.denominatie} error={fouten.denominatie} />
      <FormField
        name="afstand"
        label="Hoe ver mag de school zijn? (in kilometers)"
        description={`Hemelsbreed, in een rechte lijn. Als u niets invult: ${STANDAARD_MAX_KM} km.`}
        value={invoer.afstand || (fouten.afstand ? '' : String(STANDAARD_MAX_KM))}
        error={fouten.afstand}
        inputmode="numeric"
        maxlength={3}
        autocomplete="off"
      />
      <Button>Zoek scholen</Button>
    </Form>
  );
}

/** Why the school fits one need: the level and the school's own words. */
function RedenItem(props: { r: Reden }): JSX.Element {
  const { r } = props;
  return (
    <li class="utrecht-unordered-list__item">
      <strong>{domeinLabel(r.domein)}</strong>: {r.niveau === 'basis' ? 'basisondersteuning' : niveauLabel(r.niveau).toLowerCase()}.
      {r.tekst.trim() ? ` ${kort(leesbaar(r.tekst))}` : ''}
    </li>
  );
}

function SchoolResultaat(props: { t: SchoolTreffer; gekozen: readonly string[]; toonRedenen: boolean }): JSX.Element {
  const { t } = props;
  const s = t.kandidaat.data;
  const a = s.aanbod;
  const b = t.beoordeling;
  return (
    <div class="passend-resultaat">
      <Heading level={4}>
        <Link href={`/scholen/${s.code}`}>{s.naam}</Link>
      </Heading>
      <Paragraph>
        {soortTekst(s.soort, s.onderwijsstructuur)}
        {s.plaats ? ` in ${s.plaats}` : ''}. {formatAfstand(t.afstandKm)} hemelsbreed.
        {s.denominatie ? ` Richting: ${s.denominatie}.` : ''}
      </Paragraph>
      {a?.isDemo && <Paragraph><DemoLabel /></Paragraph>}
      {props.toonRedenen && b.redenen.length > 0 && (
        <>
          <Paragraph>Wat de school biedt bij uw keuzes:</Paragraph>
          <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
            {b.redenen.map((r) => <RedenItem r={r} />)}
          </ul>
        </>
      )}
      {props.toonRedenen && b.dekking === 'deels' && b.ontbreekt.length > 0 && (
        <Paragraph>Niet beschreven door de school: {b.ontbreekt.map(domeinLabel).join(', ')}.</Paragraph>
      )}
      <Paragraph>
        {a
          ? `Ondersteuningsaanbod laatst vastgesteld op ${formatDutch(a.vastgesteldOp)}, schooljaar ${a.schooljaar}.`
          : 'Deze school heeft haar ondersteuningsaanbod nog niet in Passend gezet.'}
      </Paragraph>
      <CheckboxField name="school" value={s.code} id={`school-${s.code}`} label={`Vergelijk ${s.naam}`} checked={props.gekozen.includes(s.code)} />
      <hr class="utrecht-separator utrecht-separator--distanced" />
    </div>
  );
}

function LijstSectie(props: {
  titel: string;
  lijst: Lijst;
  gekozen: readonly string[];
  toonRedenen: boolean;
  intro?: Child;
  leeg?: Child;
  /** The same search with every school of the list (shown when the list was cut off). */
  alleUrl: string;
}): JSX.Element {
  const { lijst } = props;
  return (
    <section aria-labelledby={`lijst-${fieldId(props.titel)}`}>
      <Heading level={3} id={`lijst-${fieldId(props.titel)}`}>
        {props.titel} ({lijst.totaal})
      </Heading>
      {props.intro}
      {lijst.totaal === 0 ? props.leeg : (
        <>
          {lijst.totaal > lijst.scholen.length && (
            <Paragraph>
              We tonen de {lijst.scholen.length} scholen die het dichtstbij zijn, van de {lijst.totaal}. Kies een kleinere afstand of
              een soort school om minder scholen te zien, of <Link href={props.alleUrl}>toon alle {lijst.totaal} scholen</Link>.
            </Paragraph>
          )}
          {lijst.scholen.map((t) => <SchoolResultaat t={t} gekozen={props.gekozen} toonRedenen={props.toonRedenen} />)}
          {/* A button after every list: a parent who ticked two schools near the top need not scroll past 50 more. */}
          <Button appearance="secondary">Vergelijk de aangevinkte scholen</Button>
        </>
      )}
    </section>
  );
}

/** The SWV(s) of the postcode and their ouder- en jeugdsteunpunt: where a parent gets help when nothing fits. */
function Steunpunten(props: { steunpunten: store.SwvSteunpunt[] }): JSX.Element {
  if (props.steunpunten.length === 0) {
    return <Paragraph>Neem contact op met het samenwerkingsverband passend onderwijs van uw regio. Het ouder- en jeugdsteunpunt helpt u verder.</Paragraph>;
  }
  return (
    <>
      {props.steunpunten.map((s) => {
        const tel = s.steunpuntTelefoon || s.telefoon;
        const mail = s.steunpuntEmail || s.email;
        const web = s.steunpuntWebsite || s.website;
        const heeftContact = s.gepubliceerd && Boolean(tel || mail || web);
        return (
          <>
            <Paragraph>
              Neem contact op met het ouder- en jeugdsteunpunt van <Link href={`/samenwerkingsverbanden/${s.code}`}>{s.naam}</Link>
              {heeftContact ? ':' : '. Dit samenwerkingsverband heeft zijn contactgegevens nog niet in Passend gezet.'}
            </Paragraph>
            {heeftContact && (
              <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
                {s.steunpuntNaam && <li class="utrecht-unordered-list__item">{s.steunpuntNaam}</li>}
                {tel && <li class="utrecht-unordered-list__item">Telefoon: <Link href={telHref(tel)}>{tel}</Link></li>}
                {mail && <li class="utrecht-unordered-list__item">E-mail: <Link href={`mailto:${mail}`}>{mail}</Link></li>}
                {web && websiteHref(web) && <li class="utrecht-unordered-list__item">Website: <Link href={websiteHref(web)!} external>{web}</Link></li>}
              </ul>
            )}
          </>
        );
      })}
    </>
  );
}

function Resultaten(props: { uitkomst: Extract<ZoekUitkomst, { soort: 'resultaat' }>; gekozen: readonly string[] }): JSX.Element {
  const u = props.uitkomst;
  const v = u.vraag;
  const km = kmTekst(v.maxKm);
  const metBehoeften = v.behoeften.length > 0;
  const plaats = u.herkomst.plaats ? ` (${u.herkomst.plaats})` : '';
  const aantal = u.passend.totaal + u.deels.totaal + u.onbekend.totaal;
  // Asking for extra or specialistic support without naming a need is a filter too: show why and the other lists.
  const metFilter = metBehoeften || v.minNiveau !== 'basis';
  const niveauWoord = v.minNiveau === 'extra' ? 'extra' : 'specialistische';
  const alleUrl = (titel: string) => `/scholen/zoeken?${zoekQuery(v)}&toon=alle#lijst-${fieldId(titel)}`;
  const eersteTitel = metBehoeften ? 'Scholen die passen' : metFilter ? `Scholen met ${niveauWoord} ondersteuning` : `Alle scholen binnen ${km}`;
  return (
    <section aria-labelledby="resultaten">
      <Heading level={2} id="resultaten">
        Scholen binnen {km} van postcode {v.pc4}{plaats}
      </Heading>
      <Paragraph>{HEMELSBREED_UITLEG}</Paragraph>
      {metBehoeften && (
        <Paragraph>
          U zocht {v.minNiveau === 'extra' ? 'extra ' : v.minNiveau === 'specialistisch' ? 'specialistische ' : ''}ondersteuning
          bij: {v.behoeften.map(domeinLabel).join('; ')}. Passend laat zien wat scholen zelf over hun
          ondersteuning schrijven. Bespreek met de school wat uw kind nodig heeft.
        </Paragraph>
      )}
      {u.geenPassende && (
        <Alert type="info" heading={u.geenPassende.melding} headingLevel={3}>
          <Steunpunten steunpunten={u.geenPassende.steunpunten} />
        </Alert>
      )}
      {aantal > 0 && (
        <Form method="get" action="/scholen/vergelijken" aria-label="Scholen vergelijken">
          <input type="hidden" name="terug" value={zoekQuery(v)} />
          <Paragraph>Wilt u scholen naast elkaar zien? Vink 2 of 3 scholen aan en kies ‘Vergelijk de aangevinkte scholen’.</Paragraph>
          <LijstSectie
            titel={eersteTitel}
            lijst={u.passend}
            gekozen={props.gekozen}
            toonRedenen={metFilter}
            alleUrl={alleUrl(eersteTitel)}
            intro={metBehoeften
              ? <Paragraph>Deze scholen beschrijven ondersteuning bij alles wat u koos.</Paragraph>
              : metFilter
                ? <Paragraph>Deze scholen beschrijven {niveauWoord} ondersteuning bij minstens één onderwerp.</Paragraph>
                : <Paragraph>U koos geen ondersteuning. Daarom ziet u alle scholen binnen {km}, de dichtstbijzijnde eerst.</Paragraph>}
            leeg={<Paragraph>Geen school binnen {km} beschrijft ondersteuning bij alles wat u koos.</Paragraph>}
          />
          {metBehoeften && (
            <LijstSectie
              titel="Scholen die een deel bieden"
              alleUrl={alleUrl('Scholen die een deel bieden')}
              lijst={u.deels}
              gekozen={props.gekozen}
              toonRedenen
              intro={<Paragraph>Deze scholen beschrijven ondersteuning bij een deel van wat u koos.</Paragraph>}
              leeg={<Paragraph>Geen scholen.</Paragraph>}
            />
          )}
          {metFilter && (
            <LijstSectie
              titel="Scholen die hun ondersteuning nog niet in Passend hebben gezet"
              alleUrl={alleUrl('Scholen die hun ondersteuning nog niet in Passend hebben gezet')}
              lijst={u.onbekend}
              gekozen={props.gekozen}
              toonRedenen={false}
              intro={<Paragraph>Van deze scholen weten we niet wat ze bieden. Vraag het de school zelf.</Paragraph>}
              leeg={<Paragraph>Geen scholen: alle scholen in de buurt hebben hun aanbod in Passend gezet.</Paragraph>}
            />
          )}
        </Form>
      )}
      {aantal === 0 && !u.geenPassende && <Paragraph>We vonden geen scholen. Kies een grotere afstand.</Paragraph>}
    </section>
  );
}

async function zoekPagina(c: AppContext) {
  const heeftVraag = c.req.query('postcode') !== undefined;
  const invoer = leesZoekInvoer(c);
  const gekozen = queryLijst(c, 'school').map((s) => s.toUpperCase());
  const denominaties = await c.var.deps.db.withTenant(PUBLIEK, (tx) => store.denominaties(tx));
  let fouten: Record<string, string> = {};
  let uitkomst: ZoekUitkomst | null = null;
  if (heeftVraag) {
    const gelezen = leesZoekvraag(invoer);
    if (!gelezen.ok) fouten = gelezen.fouten;
    else {
      uitkomst = await zoekScholen(c.var.deps.db, c.var.deps.clock, gelezen.vraag, { alle: c.req.query('toon') === 'alle' });
      if (uitkomst.soort === 'onbekende-postcode') fouten = { postcode: uitkomst.melding };
    }
  }
  // Keep the summary in the order of the fields on the page.
  const geordend = Object.fromEntries(ZOEK_VELDEN.filter((k) => fouten[k]).map((k) => [k, fouten[k]!]));
  const heeftFouten = Object.keys(geordend).length > 0;
  const titel = 'Zoek een school die past bij uw kind';
  const props = await layoutProps(c, titel, { hasErrors: heeftFouten });
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{titel}</Heading>
      <ErrorSummary errors={geordend} />
      <Paragraph lead>
        Vul uw postcode in en kies waarbij uw kind hulp nodig heeft. U ziet dan welke scholen in de buurt daar volgens hun eigen
        ondersteuningsaanbod iets voor doen.
      </Paragraph>
      <ZoekFormulier invoer={invoer} fouten={geordend} denominaties={denominaties} />
      {uitkomst?.soort === 'resultaat' && <Resultaten uitkomst={uitkomst} gekozen={gekozen} />}
    </Layout>,
    heeftFouten ? 422 : 200,
  );
}

/** A result as the JSON API gives it. */
function trefferJson(t: SchoolTreffer) {
  const s = t.kandidaat.data;
  return {
    code: s.code,
    naam: s.naam,
    soort: s.soort,
    schooltype: soortTekst(s.soort, s.onderwijsstructuur),
    denominatie: s.denominatie,
    adres: { straat: s.straat, huisnummer: s.huisnummer, postcode: s.postcode, plaats: s.plaats },
    afstandKm: Math.round(t.afstandKm * 10) / 10,
    afstandSoort: 'hemelsbreed',
    dekking: t.beoordeling.dekking,
    redenen: t.beoordeling.redenen.map((r) => ({ domein: r.domein, domeinLabel: domeinLabel(r.domein), niveau: r.niveau, niveauLabel: niveauLabel(r.niveau), tekst: r.tekst })),
    ontbreekt: t.beoordeling.ontbreekt,
    aanbod: s.aanbod && { schooljaar: s.aanbod.schooljaar, volgnummer: s.aanbod.volgnummer, vastgesteldOp: s.aanbod.vastgesteldOp, isDemo: s.aanbod.isDemo },
    url: `/scholen/${s.code}`,
  };
}

function lijstJson(l: Lijst) {
  return { totaal: l.totaal, getoond: l.scholen.length, scholen: l.scholen.map(trefferJson) };
}

// -------------------------------------------------------------------------------------------------------------------
// The comparison
// -------------------------------------------------------------------------------------------------------------------

/** The comparison cannot be made (too few, too many or unknown schools): say why and lead back. */
async function vergelijkMelding(c: AppContext, status: 404 | 422, melding: string, terugQuery: string, codes: string[]) {
  const props = await layoutProps(c, 'Scholen vergelijken');
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>Scholen vergelijken</Heading>
      <Alert type="warning">
        <Paragraph>{melding}</Paragraph>
      </Alert>
      <Paragraph>
        <Link href={terugLink(terugQuery, codes)}>{terugQuery ? 'Terug naar uw zoekresultaten' : 'Naar de schoolzoeker'}</Link>
      </Paragraph>
    </Layout>,
    status,
  );
}

/** The finder with the parent's question and their ticked schools, so going back loses nothing. */
function terugLink(terugQuery: string, codes: readonly string[]): string {
  if (!terugQuery) return '/scholen/zoeken';
  const p = new URLSearchParams(terugQuery);
  for (const code of codes) if (/^[0-9A-Z]{4}[0-9]{2}$/.test(code)) p.append('school', code);
  return `/scholen/zoeken?${p.toString()}#resultaten`;
}

function leerlingenTekst(s: store.VergelijkSchool): string {
  if (s.leerlingenTeljaar === null) return 'Onbekend';
  const aantal = s.leerlingenKlein || s.leerlingen === null ? 'minder dan 5' : String(s.leerlingen);
  return `${aantal} (1 oktober ${s.leerlingenTeljaar})`;
}

function DomeinCel(props: { s: store.VergelijkSchool; domein: DomeinCode }): JSX.Element {
  const a = props.s.aanbod;
  if (!a) return <>Nog niet in Passend</>;
  const eigen = a.domeinen.find((d) => d.domein === props.domein);
  if (eigen) {
    return (
      <>
        <strong>{niveauLabel(eigen.niveau)}</strong>
        {eigen.watWijDoen.trim() && <Paragraph>{kort(eigen.watWijDoen, 400)}</Paragraph>}
      </>
    );
  }
  const r = beoordeelAanbod(a, [props.domein]).redenen[0];
  if (r) {
    return (
      <>
        <strong>Basisondersteuning</strong>
        <Paragraph>{kort(leesbaar(r.tekst), 400)}</Paragraph>
      </>
    );
  }
  return <>Niet beschreven</>;
}

function basisSamenvatting(a: store.PubliekeVersie | null): Child {
  if (!a) return 'Nog niet in Passend';
  const totaal = a.basisOnderdelen.length;
  if (totaal === 0) return 'Geen onderdelen vastgelegd';
  const niet = a.basisOnderdelen.filter((b) => b.geboden !== true);
  if (niet.length === 0) return `Biedt alle ${totaal} onderdelen`;
  return (
    <>
      Biedt {totaal - niet.length} van de {totaal} onderdelen.
      <Paragraph>Niet: {niet.map((b) => b.omschrijving).join('; ')}</Paragraph>
    </>
  );
}

function grenzenCel(a: store.PubliekeVersie | null): Child {
  if (!a) return 'Nog niet in Passend';
  const met = a.domeinen.filter((d) => d.grenzen.trim());
  if (met.length === 0) return 'Niet beschreven';
  return <>{met.map((d) => <Paragraph><strong>{domeinLabel(d.domein)}</strong>: {kort(d.grenzen, 300)}</Paragraph>)}</>;
}

function contactCel(a: store.PubliekeVersie | null): Child {
  if (!a) return 'Nog niet in Passend';
  return (
    <>
      {a.contactNaam && <Paragraph>{a.contactNaam}</Paragraph>}
      {a.contactEmail && <Paragraph><Link href={`mailto:${a.contactEmail}`}>{a.contactEmail}</Link></Paragraph>}
      {a.contactTelefoon && <Paragraph><Link href={telHref(a.contactTelefoon)}>{a.contactTelefoon}</Link></Paragraph>}
    </>
  );
}

async function vergelijkPagina(c: AppContext) {
  const terugQuery = veiligeTerug(c.req.query('terug') ?? '');
  const ruw = queryLijst(c, 'school').filter(Boolean);
  const codes = [...new Set(ruw.map((s) => s.toUpperCase()))];
  if (codes.length < 2) {
    const melding = codes.length === 0
      ? 'U heeft geen scholen gekozen. Vink 2 of 3 scholen aan in de zoekresultaten en kies ‘Vergelijk de aangevinkte scholen’.'
      : 'U heeft 1 school gekozen. Vink nog 1 of 2 scholen aan om te vergelijken.';
    return vergelijkMelding(c, 422, melding, terugQuery, codes);
  }
  if (codes.length > MAX_VERGELIJKEN) {
    return vergelijkMelding(c, 422, `U heeft ${codes.length} scholen gekozen. U kunt hoogstens ${MAX_VERGELIJKEN} scholen tegelijk vergelijken. Haal bij ${codes.length - MAX_VERGELIJKEN === 1 ? 'één school' : `${codes.length - MAX_VERGELIJKEN} scholen`} het vinkje weg.`, terugQuery, codes);
  }
  const geldig = codes.filter((code) => /^[0-9A-Z]{4}[0-9]{2}$/.test(code));
  const huidig = schoolYearOf(c.var.deps.clock.today());
  const scholen = await c.var.deps.db.withTenant(PUBLIEK, (tx) => store.scholenOpCode(tx, geldig, huidig));
  const onbekend = codes.filter((code) => !scholen.some((s) => s.code === code));
  if (onbekend.length > 0) {
    return vergelijkMelding(c, 404, `We kennen ${onbekend.length === 1 ? 'deze school' : 'deze scholen'} niet: ${onbekend.map((x) => kort(x, 20)).join(', ')}. Kies de scholen opnieuw in de zoekresultaten.`, terugQuery, geldig);
  }
  const titel = 'Scholen vergelijken';
  const props = await layoutProps(c, titel);
  const rij = (label: string, cel: (s: store.VergelijkSchool) => Child): Child[] => [label, ...scholen.map(cel)];
  const rows: Child[][] = [
    rij('Soort school', (s) => soortTekst(s.soort, s.onderwijsstructuur)),
    rij('Richting', (s) => s.denominatie ?? 'Onbekend'),
    rij('Plaats', (s) => s.plaats ?? 'Onbekend'),
    rij('Aantal leerlingen', leerlingenTekst),
    ...DOMEIN_CODES.map((d) => rij(DOMEINEN[d].label, (s) => <DomeinCel s={s} domein={d} />)),
    rij('Voorzieningen', (s) => (!s.aanbod ? 'Nog niet in Passend' : s.aanbod.voorzieningen.length === 0 ? 'Geen genoemd' : s.aanbod.voorzieningen.map((v) => VOORZIENINGEN[v] ?? v).join(', '))),
    rij('Basisondersteuning', (s) => basisSamenvatting(s.aanbod)),
    rij('Grenzen: wat de school niet kan', (s) => grenzenCel(s.aanbod)),
    rij('Contact over ondersteuning', (s) => contactCel(s.aanbod)),
    rij('Laatst vastgesteld', (s) => (s.aanbod ? `${formatDutch(s.aanbod.vastgesteldOp)} (schooljaar ${s.aanbod.schooljaar})` : 'Nog niet in Passend')),
  ];
  const demo = scholen.filter((s) => s.aanbod?.isDemo);
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{titel}</Heading>
      <Paragraph lead>
        Hier ziet u {scholen.length} scholen naast elkaar: wat ze zelf over hun ondersteuning schrijven. Bespreek met de school wat uw kind
        nodig heeft.
      </Paragraph>
      {demo.length > 0 && (
        <Alert type="warning" role="status">
          <Paragraph>
            <DemoLabel /> Het aanbod van {opsomming(demo.map((s) => s.naam))} is verzonnen voor de demonstratie van Passend.
          </Paragraph>
        </Alert>
      )}
      <Table
        caption={`Vergelijking van ${scholen.map((s) => s.naam).join(', ')}`}
        rowHeaders
        headers={['Onderwerp', ...scholen.map((s) => ({ label: <Link href={`/scholen/${s.code}`}>{s.naam}</Link> }))]}
        rows={rows}
      />
      <Paragraph>
        <Link href={terugLink(terugQuery, codes)}>{terugQuery ? 'Terug naar uw zoekresultaten' : 'Naar de schoolzoeker'}</Link>
      </Paragraph>
    </Layout>,
  );
}

// -------------------------------------------------------------------------------------------------------------------
// A school's page and its versions
// -------------------------------------------------------------------------------------------------------------------

/** Pupil counts as a bar chart (SVG string: numbers and fixed text only). The table next to it is the text version. */
function leerlingenGrafiek(trend: LeerlingenRij[]): string {
  if (trend.length < 2) return '';
  const breedte = 480;
  const hoogte = 180;
  const onder = 24;
  const boven = 18;
  const max = Math.max(5, ...trend.map((t) => t.aantal ?? 0));
  const vak = breedte / trend.length;
  const balk = Math.max(4, vak * 0.6);
  const staven = trend.map((t, i) => {
    const aantal = t.aantal ?? 0;
    const h = Math.round((aantal / max) * (hoogte - boven - onder));
    const x = Math.round(i * vak + (vak - balk) / 2);
    const y = hoogte - onder - h;
    const label = t.aantal === null ? '&lt;5' : String(t.aantal);
    const jaar = `’${String(t.teljaar).slice(2)}`;
    return `<rect x="${x}" y="${y}" width="${Math.round(balk)}" height="${Math.max(h, 1)}" fill="#1f4e85"/>` +
      `<text x="${Math.round(i * vak + vak / 2)}" y="${y - 4}" text-anchor="middle" font-size="11" fill="#1a1a1a">${label}</text>` +
      `<text x="${Math.round(i * vak + vak / 2)}" y="${hoogte - 8}" text-anchor="middle" font-size="11" fill="#1a1a1a">${jaar}</text>`;
  });
  // role="img" with a name; the same numbers are in the table right below (the text alternative).
  return `<svg xmlns="http://www.w3.org/2000/svg" class="passend-grafiek utrecht-img utrecht-img--scale-down" width="${breedte}" height="${hoogte}" ` +
    `viewBox="0 0 ${breedte} ${hoogte}" role="img" aria-label="Staafdiagram van het aantal leerlingen per jaar. De getallen staan ook in de tabel.">` +
    `<line x1="0" y1="${hoogte - onder}" x2="${breedte}" y2="${hoogte - onder}" stroke="#1a1a1a" stroke-width="1"/>${staven.join('')}</svg>`;
}

/** Years of pupil counts shown: enough to see a trend, few enough for a readable chart on a phone. */
const TREND_JAREN = 10;

function LeerlingenSectie(props: { trend: LeerlingenRij[] }): JSX.Element {
  const trend = props.trend.slice(-TREND_JAREN);
  return (
    <>
      <Heading level={2}>Aantal leerlingen</Heading>
      {trend.length === 0 ? <Paragraph>DUO heeft voor deze school geen leerlingaantallen gepubliceerd.</Paragraph> : (
        <>
          <Paragraph>
            Het aantal leerlingen op 1 oktober{props.trend.length > TREND_JAREN ? `, de laatste ${TREND_JAREN} jaar` : ''}. Bron: DUO.
          </Paragraph>
          {trend.length >= 2 && <div class="passend-grafiek-houder">{raw(leerlingenGrafiek(trend))}</div>}
          <Table
            caption="Aantal leerlingen per jaar"
            headers={['Teldatum', { label: 'Leerlingen', numeric: true }]}
            rows={trend.map((t) => [`1 oktober ${t.teljaar}`, t.aantal === null ? 'minder dan 5' : t.aantal])}
          />
        </>
      )}
    </>
  );
}

async function laadSchool(c: AppContext) {
  const code = schoolCode(c);
  return c.var.deps.db.withTenant(PUBLIEK, async (tx) => {
    const school = await store.vindSchool(tx, code);
    if (!school) throw new AppError('not_found');
    const versies = await store.vastgesteldeVersies(tx, code);
    return { school, versies };
  });
}

function schoolGegevens(s: store.SchoolDetail): DataListItem[] {
  const web = websiteHref(s.internet);
  const swvs = [
    s.swvPo ? { code: s.swvPo, naam: s.swvPoNaam ?? s.swvPo } : null,
    s.swvVo && s.swvVo !== s.swvPo ? { code: s.swvVo, naam: s.swvVoNaam ?? s.swvVo } : null,
  ].filter((x): x is { code: string; naam: string } => x !== null);
  return [
    { key: 'Adres', value: adresTekst(s) },
    { key: 'Soort school', value: soortTekst(s.soort, s.onderwijsstructuur) },
    { key: 'Richting', value: s.denominatie ?? '' },
    { key: 'Schoolbestuur', value: s.bestuurNaam ?? (s.bestuurNummer ? `Bevoegd gezag nummer ${s.bestuurNummer}` : '') },
    { key: 'Website', value: web ? <Link href={web} external>{s.internet}</Link> : '' },
    {
      key: swvs.length > 1 ? 'Samenwerkingsverbanden' : 'Samenwerkingsverband',
      value: swvs.length === 0 ? '' : <>{swvs.map((x, i) => <>{i > 0 ? ', ' : ''}<Link href={`/samenwerkingsverbanden/${x.code}`}>{x.naam}</Link></>)}</>,
    },
    { key: 'Vestigingscode (DUO)', value: s.code },
  ];
}

async function schoolPagina(c: AppContext) {
  const code = schoolCode(c);
  const huidig = schoolYearOf(c.var.deps.clock.today());
  const { school, versies, trend } = await c.var.deps.db.withTenant(PUBLIEK, async (tx) => {
    const s = await store.vindSchool(tx, code);
    if (!s) throw new AppError('not_found');
    return { school: s, versies: await store.vastgesteldeVersies(tx, code), trend: await leerlingTrend(tx, code) };
  });
  const nu = huidigeVersie(versies, huidig);
  const later = versies.filter((v) => v.schooljaar > huidig);
  const eerder = versies.filter((v) => v !== nu && !later.includes(v));
  const props = await layoutProps(c, school.naam);
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{school.naam}</Heading>
      <DataList items={schoolGegevens(school)} />
      <Paragraph><ButtonLink href={`/scholen/${school.code}/aanmelden`}>Uw kind aanmelden bij deze school</ButtonLink></Paragraph>

      <Heading level={2}>Ondersteuning op deze school</Heading>
      {nu ? <AanbodWeergave v={nu} kop={3} vastgesteld={nu} downloadUrl={urlVanVersie(school.code, nu)} /> : (
        <Alert type="info" heading="Nog geen ondersteuningsaanbod in Passend" headingLevel={3}>
          <Paragraph>
            Deze school heeft haar ondersteuningsaanbod nog niet in Passend gezet. Vraag de school zelf welke ondersteuning zij
            biedt, of kijk in de schoolgids.
          </Paragraph>
        </Alert>
      )}
      {later.length > 0 && (
        <Paragraph>
          Voor een volgend schooljaar is al een aanbod vastgesteld:{' '}
          {later.map((v, i) => <>{i > 0 ? ', ' : ''}<Link href={urlVanVersie(school.code, v)}>schooljaar {v.schooljaar}{v.volgnummer > 1 ? ` (versie ${v.volgnummer})` : ''}</Link></>)}.
        </Paragraph>
      )}

      <Heading level={2}>Eerdere versies</Heading>
      {eerder.length === 0 ? <Paragraph>Er zijn geen eerdere versies in Passend.</Paragraph> : (
        <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
          {eerder.map((v) => (
            <li class="utrecht-unordered-list__item">
              <Link href={urlVanVersie(school.code, v)}>Schooljaar {v.schooljaar}{v.volgnummer > 1 ? `, versie ${v.volgnummer}` : ''}</Link>
              {' '}(vastgesteld op {formatDutch(v.vastgesteldOp)})
            </li>
          ))}
        </ul>
      )}

      <LeerlingenSectie trend={trend} />

      <Paragraph>
        <Link href="/scholen/zoeken">Zoek een andere school</Link>
      </Paragraph>
    </Layout>,
  );
}

/** Reads and checks the :schooljaar/:volgnummer of a version URL; a wrong one cannot exist (404). */
function versieParams(c: AppContext, param = 'volgnummer'): { schooljaar: string; volgnummer: number } {
  const schooljaar = c.req.param('schooljaar') ?? '';
  const nr = /^(\d{1,4})(?:\.(?:json|csv))?$/.exec(c.req.param(param) ?? '');
  if (!/^\d{4}-\d{4}$/.test(schooljaar) || !nr) throw new AppError('not_found');
  return { schooljaar, volgnummer: Number(nr[1]) };
}

async function versieLaden(c: AppContext, param?: string) {
  const code = schoolCode(c);
  const { schooljaar, volgnummer } = versieParams(c, param);
  return c.var.deps.db.withTenant(PUBLIEK, async (tx) => {
    const school = await store.vindSchool(tx, code);
    if (!school) throw new AppError('not_found');
    const versie = await store.vindVastgesteldeVersie(tx, code, schooljaar, volgnummer);
    if (!versie) throw new AppError('not_found');
    return { school, versie, versies: await store.vastgesteldeVersies(tx, code) };
  });
}

async function versiePagina(c: AppContext) {
  const { school, versie, versies } = await versieLaden(c);
  const huidig = schoolYearOf(c.var.deps.clock.today());
  const nu = huidigeVersie(versies, huidig);
  const nieuwer = versies.filter((v) => v.schooljaar > versie.schooljaar || (v.schooljaar === versie.schooljaar && v.volgnummer > versie.volgnummer));
  const titel = `${school.naam}: ondersteuningsaanbod schooljaar ${versie.schooljaar}${versie.volgnummer > 1 ? `, versie ${versie.volgnummer}` : ''}`;
  const props = await layoutProps(c, titel);
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{titel}</Heading>
      {nu?.id === versie.id ? (
        <Alert type="info">
          <Paragraph>Dit is het aanbod dat nu geldt.</Paragraph>
        </Alert>
      ) : nieuwer.length > 0 ? (
        <Alert type="warning" role="status" heading="Er is een nieuwere versie" headingLevel={2}>
          <Paragraph>
            Dit is een oudere versie. De nieuwste is vastgesteld op {formatDutch(nieuwer[0]!.vastgesteldOp)} (schooljaar {nieuwer[0]!.schooljaar}).{' '}
            <Link href={`/scholen/${school.code}`}>Bekijk het aanbod dat nu geldt</Link>.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="info">
          <Paragraph>Dit aanbod geldt vanaf schooljaar {versie.schooljaar}.</Paragraph>
        </Alert>
      )}
      <AanbodWeergave v={versie} kop={2} vastgesteld={versie} downloadUrl={urlVanVersie(school.code, versie)} />
      <Paragraph>
        <Link href={`/scholen/${school.code}`}>Naar de pagina van {school.naam}</Link>
      </Paragraph>
    </Layout>,
  );
}

function bestandsnaam(code: string, v: { schooljaar: string; volgnummer: number }, ext: 'json' | 'csv'): string {
  return `ondersteuningsaanbod-${code}-${v.schooljaar}-${v.volgnummer}.${ext}`;
}

// -------------------------------------------------------------------------------------------------------------------
// The SWV page
// -------------------------------------------------------------------------------------------------------------------

function ProfielContact(props: { p: store.PubliekProfiel | undefined }): JSX.Element {
  const p = props.p;
  const web = p ? websiteHref(p.website) : null;
  const steunWeb = p ? websiteHref(p.steunpuntWebsite) : null;
  return (
    <>
      <Heading level={2}>Contact</Heading>
      {!p ? <Paragraph>Het samenwerkingsverband heeft zijn contactgegevens nog niet ingevuld.</Paragraph> : (
        <DataList items={[
          { key: 'Adres', value: p.adres },
          { key: 'Telefoon', value: p.telefoon ? <Link href={telHref(p.telefoon)}>{p.telefoon}</Link> : '' },
          { key: 'E-mail', value: p.email ? <Link href={`mailto:${p.email}`}>{p.email}</Link> : '' },
          { key: 'Website', value: web ? <Link href={web} external>{p.website}</Link> : '' },
        ]} />
      )}
      <Heading level={2}>Ouder- en jeugdsteunpunt</Heading>
      <Paragraph>
        Het ouder- en jeugdsteunpunt helpt ouders en jongeren met vragen over passend onderwijs, bijvoorbeeld als u geen school
        vindt die past.
      </Paragraph>
      {!p || !(p.steunpuntNaam || p.steunpuntTelefoon || p.steunpuntEmail || p.steunpuntWebsite) ? (
        <Paragraph>Het samenwerkingsverband heeft de gegevens van het steunpunt nog niet ingevuld.</Paragraph>
      ) : (
        <>
          <DataList items={[
            { key: 'Naam', value: p.steunpuntNaam },
            { key: 'Telefoon', value: p.steunpuntTelefoon ? <Link href={telHref(p.steunpuntTelefoon)}>{p.steunpuntTelefoon}</Link> : '' },
            { key: 'E-mail', value: p.steunpuntEmail ? <Link href={`mailto:${p.steunpuntEmail}`}>{p.steunpuntEmail}</Link> : '' },
            { key: 'Website', value: steunWeb ? <Link href={steunWeb} external>{p.steunpuntWebsite}</Link> : '' },
          ]} />
          {p.steunpuntToelichting.trim() && <Alineas tekst={p.steunpuntToelichting} />}
        </>
      )}
    </>
  );
}

function Documenten(props: { p: store.PubliekProfiel | undefined }): JSX.Element | null {
  const docs = (props.p?.documenten ?? []).filter((d) => d && typeof d.url === 'string' && typeof d.titel === 'string');
  return (
    <>
      <Heading level={2}>Documenten</Heading>
      {docs.length === 0 ? <Paragraph>Er zijn nog geen documenten gepubliceerd.</Paragraph> : (
        <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
          {docs.map((d) => (
            <li class="utrecht-unordered-list__item">
              <Link href={d.url} external>{d.titel}</Link>
              {d.datum && /^\d{4}-\d{2}-\d{2}$/.test(d.datum) ? ` (${formatDutch(d.datum)})` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function BasisSectie(props: { basis: store.PubliekeBasis | undefined; schooljaar: string }): JSX.Element {
  const b = props.basis;
  return (
    <>
      <Heading level={2}>Basisondersteuning in schooljaar {props.schooljaar}</Heading>
      {!b ? <Paragraph>De basisondersteuning voor dit schooljaar is nog niet vastgesteld in Passend.</Paragraph> : (
        <>
          <Paragraph>
            Dit biedt elke school in het samenwerkingsverband minstens. Vastgesteld op {formatDutch(b.vastgesteldOp)}.
          </Paragraph>
          {b.isDemo && <Paragraph><DemoLabel /></Paragraph>}
          {b.toelichting.trim() && <Alineas tekst={b.toelichting} />}
          {DOMEIN_CODES.filter((d) => b.onderdelen.some((o) => o.domein === d)).map((d) => (
            <>
              <Heading level={3}>{DOMEINEN[d].label}</Heading>
              <ul class="utrecht-unordered-list utrecht-unordered-list--html-content">
                {b.onderdelen.filter((o) => o.domein === d).map((o) => <li class="utrecht-unordered-list__item">{o.omschrijving}</li>)}
              </ul>
            </>
          ))}
        </>
      )}
    </>
  );
}

async function swvPagina(c: AppContext) {
  const code = swvCode(c);
  const huidig = schoolYearOf(c.var.deps.clock.today());
  const data = await c.var.deps.db.withTenant(PUBLIEK, async (tx) => {
    const swv = await findSwv(tx, code);
    if (!swv) return null;
    // One after the other: a transaction runs one statement at a time anyway.
    const scholen = await store.scholenVanSwv(tx, code, huidig);
    const gebieden = await store.regioPc4s(tx, code);
    const profiel = await store.gepubliceerdProfiel(tx, code);
    const basis = await store.vastgesteldeBasis(tx, code, huidig);
    return { swv, scholen, gebieden, profiel, basis };
  });
  if (!data) throw new AppError('not_found');
  const { swv, scholen, gebieden, profiel, basis } = data;
  const sector = swv.sector === 'po' ? 'primair onderwijs' : 'voortgezet onderwijs';
  const inRegio = gebieden.filter((g) => g.inRegio).length;
  const kaart = tekenRegioKaart({
    titel: `Kaart van de regio van ${swv.naam}`,
    beschrijving: `De ${inRegio} postcodegebieden van het samenwerkingsverband zijn blauw en omlijnd, de gebieden eromheen grijs. De ${scholen.length} scholen zijn rode stippen. De scholen staan ook in de tabel op deze pagina.`,
    gebieden,
    scholen: scholen.filter((s) => s.lat !== null && s.lon !== null).map((s) => ({ code: s.code, naam: s.naam, lat: s.lat!, lon: s.lon! })),
    id: 'regiokaart',
  // The map has a fixed pixel size; these Utrecht image classes let it shrink on a narrow screen (no inline style).
  }).replace('class="passend-kaart"', 'class="passend-kaart utrecht-img utrecht-img--scale-down"');
  const props = await layoutProps(c, swv.naam);
  return sendPage(
    c,
    <Layout {...props}>
      <Heading level={1}>{swv.naam}</Heading>
      <Paragraph lead>
        Samenwerkingsverband passend onderwijs voor het {sector}, code {swv.code}. De scholen in deze regio werken samen zodat elk
        kind een passende plek krijgt.
      </Paragraph>
      <Paragraph>
        <Link href="/scholen/zoeken">Zoek een school die past bij uw kind</Link>
      </Paragraph>
      {profiel?.isDemo && <Paragraph><DemoLabel /> De contactgegevens hieronder zijn verzonnen.</Paragraph>}

      <Heading level={2}>Regio</Heading>
      {kaart ? (
        <>
          <div class="passend-kaart-houder">{raw(kaart)}</div>
          <Paragraph>
            De regio bestaat uit {inRegio} postcodegebieden. Op de kaart zijn de gebieden van het samenwerkingsverband blauw en omlijnd;
            de rode stippen zijn scholen.
          </Paragraph>
        </>
      ) : (
        <Paragraph>
          {swv.isLandelijk
            ? 'Dit is een landelijk samenwerkingsverband. Het heeft geen eigen regio, dus er is geen kaart.'
            : 'Van de regio van dit samenwerkingsverband zijn geen postcodegebieden bekend, dus er is geen kaart.'}
        </Paragraph>
      )}

      <ProfielContact p={profiel} />
      <Documenten p={profiel} />
      <BasisSectie basis={basis} schooljaar={huidig} />

      <Heading level={2}>Scholen ({scholen.length})</Heading>
      <Table
        caption={`Scholen van ${swv.naam}`}
        hideCaption
        rowHeaders
        headers={['School', 'Soort', 'Plaats', 'Ondersteuningsaanbod']}
        rows={scholen.map((s) => [
          <Link href={`/scholen/${s.code}`}>{s.naam}</Link>,
          soortTekst(s.soort, s.onderwijsstructuur),
          s.plaats ?? '',
          s.laatstVastgesteldOp ? `Vastgesteld op ${formatDutch(s.laatstVastgesteldOp)} (schooljaar ${s.laatsteSchooljaar})` : 'Nog niet in Passend',
        ])}
        empty="Van dit samenwerkingsverband zijn geen scholen bekend."
      />
      <Paragraph>
        <Link href="/samenwerkingsverbanden">Alle samenwerkingsverbanden</Link>
      </Paragraph>
    </Layout>,
  );
}

// -------------------------------------------------------------------------------------------------------------------
// Routes
// -------------------------------------------------------------------------------------------------------------------

/** Registers the public finder, comparison, school and SWV pages, the version exports and the JSON API. */
export function registerAanbodPubliekRoutes(app: App): void {
  // The fixed paths first: /scholen/:code would otherwise also be asked about "zoeken" and "vergelijken".
  defineRoute(app, 'GET', '/scholen/zoeken', { access: 'publiek', summary: 'Schoolzoeker voor ouders: scholen in de buurt die passen' }, zoekPagina);
  defineRoute(app, 'GET', '/scholen/vergelijken', { access: 'publiek', summary: 'Twee of drie scholen naast elkaar vergelijken' }, vergelijkPagina);
  defineRoute(app, 'GET', '/scholen/:code', { access: 'publiek', summary: 'Een school met haar vastgestelde ondersteuningsaanbod' }, schoolPagina);
  defineRoute(app, 'GET', '/scholen/:code/aanbod/:schooljaar/:bestand{[0-9]+\\.json}', { access: 'publiek', summary: 'Een vastgestelde versie als JSON-bestand' }, async (c) => {
    const { school, versie } = await versieLaden(c, 'bestand');
    const body = `${JSON.stringify(naarJson(exportMeta(school, versie), inhoudVan(versie)), null, 2)}\n`;
    return c.body(body, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${bestandsnaam(school.code, versie, 'json')}"`,
    });
  });
  defineRoute(app, 'GET', '/scholen/:code/aanbod/:schooljaar/:bestand{[0-9]+\\.csv}', { access: 'publiek', summary: 'De onderwerpen van een vastgestelde versie als CSV-bestand' }, async (c) => {
    const { school, versie } = await versieLaden(c, 'bestand');
    return c.body(naarCsv(versie.domeinen), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${bestandsnaam(school.code, versie, 'csv')}"`,
    });
  });
  defineRoute(app, 'GET', '/scholen/:code/aanbod/:schooljaar/:volgnummer{[0-9]+}', { access: 'publiek', summary: 'Een eerdere vastgestelde versie van het aanbod (alleen lezen)' }, versiePagina);
  defineRoute(app, 'GET', '/samenwerkingsverbanden/:code', { access: 'publiek', summary: 'Een samenwerkingsverband: regio, contact, basisondersteuning en scholen' }, swvPagina);

  defineRoute(app, 'GET', '/api/scholen/zoeken', { access: 'publiek', summary: 'API: schoolzoeker (JSON)' }, async (c) => {
    const gelezen = leesZoekvraag(leesZoekInvoer(c));
    if (!gelezen.ok) {
      throw new AppError('validation_failed', { fields: gelezen.fouten, detail: Object.values(gelezen.fouten).join(' ') });
    }
    const u = await zoekScholen(c.var.deps.db, c.var.deps.clock, gelezen.vraag, { alle: c.req.query('toon') === 'alle' });
    if (u.soort === 'onbekende-postcode') {
      throw new AppError('validation_failed', { fields: { postcode: u.melding }, detail: u.melding });
    }
    return c.json({
      vraag: {
        postcode: u.vraag.postcode, pc4: u.vraag.pc4, behoeften: u.vraag.behoeften, schooltypen: u.vraag.schooltypen,
        denominatie: u.vraag.denominatie, maxKm: u.vraag.maxKm, minNiveau: u.vraag.minNiveau,
      },
      herkomst: u.herkomst,
      schooljaar: u.huidigSchooljaar,
      afstand: 'hemelsbreed: in een rechte lijn van het midden van het postcodegebied naar de school',
      maxPerLijst: c.req.query('toon') === 'alle' ? MAX_PER_LIJST : PER_LIJST,
      passend: lijstJson(u.passend),
      deels: lijstJson(u.deels),
      onbekend: lijstJson(u.onbekend),
      geenPassende: u.geenPassende && {
        melding: u.geenPassende.melding,
        steunpunten: u.geenPassende.steunpunten.map((s) => ({ ...s, url: `/samenwerkingsverbanden/${s.code}` })),
      },
    });
  });

  defineRoute(app, 'GET', '/api/scholen/:code', { access: 'publiek', summary: 'API: een school met haar huidige aanbod en eerdere versies' }, async (c) => {
    const { school, versies } = await laadSchool(c);
    const nu = huidigeVersie(versies, schoolYearOf(c.var.deps.clock.today()));
    return c.json({
      code: school.code,
      naam: school.naam,
      soort: school.soort,
      schooltype: soortTekst(school.soort, school.onderwijsstructuur),
      onderwijsstructuur: school.onderwijsstructuur,
      denominatie: school.denominatie,
      adres: { straat: school.straat, huisnummer: school.huisnummer, postcode: school.postcode, plaats: school.plaats },
      lat: school.lat,
      lon: school.lon,
      bestuur: school.bestuurNummer ? { nummer: school.bestuurNummer, naam: school.bestuurNaam } : null,
      website: websiteHref(school.internet),
      samenwerkingsverbanden: [school.swvPo, school.swvVo].filter((x, i, a): x is string => Boolean(x) && a.indexOf(x) === i)
        .map((x) => ({ code: x, naam: x === school.swvPo ? school.swvPoNaam : school.swvVoNaam, url: `/samenwerkingsverbanden/${x}` })),
      url: `/scholen/${school.code}`,
      aanbod: nu && { ...naarJson(exportMeta(school, nu), inhoudVan(nu)), isDemo: nu.isDemo, url: urlVanVersie(school.code, nu) },
      historie: versies.map((v) => ({
        schooljaar: v.schooljaar, volgnummer: v.volgnummer, vastgesteldOp: v.vastgesteldOp, isDemo: v.isDemo, huidig: v === nu,
        url: urlVanVersie(school.code, v), json: `${urlVanVersie(school.code, v)}.json`, csv: `${urlVanVersie(school.code, v)}.csv`,
      })),
    });
  });
}
