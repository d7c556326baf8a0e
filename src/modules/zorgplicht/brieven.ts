/**
 * The letters to the parents about an application, as data (platform/brief): the decision and the extension of
 * the term. Pure; the same Brief becomes the printable page and the PDF. Every decision letter says how to object
 * (bezwaar, Awb 6:7), names the GPO and the onderwijsconsulenten (legal-rules §1.17, §8.1, §8.8).
 */
import { naamVan } from '../leerlingen/naam.js';
import { formatDutch } from '../../platform/civil-date.js';
import { veiligeBestandsnaam, type Brief, type BriefAlinea } from '../../platform/brief/brief.js';
import { bezwaarTot, gpoTot, VERWIJZINGEN } from './rules/bezwaar.js';
import type { AanmeldingRij, VerzoekRij } from './store.js';

type Aanmelding = Pick<AanmeldingRij, 'voornaam' | 'tussenvoegsel' | 'achternaam' | 'vestigingNaam' | 'ontvangenOp' | 'besluit' | 'besluitOp'
  | 'besluitToelichting' | 'verlengdTot' | 'verlengdOp' | 'verlengingReden' | 'tijdelijkGeplaatstVanaf'>;


const HULP: BriefAlinea = {
  kop: 'Hulp',
  tekst: `Lukt het niet om samen met de school een passende plek te vinden? De ${VERWIJZINGEN.onderwijsconsulenten.naam} helpen u gratis (${VERWIJZINGEN.onderwijsconsulenten.website}).`,
};

/**
 * The decision letter. A refusal under the zorgplicht names the school that confirmed it will admit the child
 * (WPO 40 lid 4: the school may only refuse once another school is willing).
 */
export function besluitBrief(a: Aanmelding, opts: { zorgplichtReden: string | null; bereid: Pick<VerzoekRij, 'vestigingNaam'>[] }): Brief {
  if (!a.besluit || !a.besluitOp) throw new Error('besluitBrief: de aanmelding heeft geen besluit');
  const toegelaten = a.besluit === 'toegelaten';
  const alineas: BriefAlinea[] = [
    { tekst: `Op ${formatDutch(a.ontvangenOp)} ontvingen wij de aanmelding van ${naamVan(a)}. Wij hebben op ${formatDutch(a.besluitOp)} besloten uw kind ${toegelaten ? 'toe te laten op onze school.' : 'niet toe te laten op onze school.'}` },
  ];
  if (a.besluitToelichting) alineas.push({ kop: toegelaten ? 'Toelichting' : 'Waarom wij uw kind niet toelaten', tekst: a.besluitToelichting });
  if (!toegelaten && opts.zorgplichtReden) alineas.push({ tekst: opts.zorgplichtReden });
  if (!toegelaten && opts.bereid.length > 0) {
    alineas.push({
      kop: 'Een andere school',
      tekst: `${opts.bereid.map((b) => b.vestigingNaam).join(' en ')} ${opts.bereid.length === 1 ? 'heeft' : 'hebben'} bevestigd dat uw kind daar welkom is. Neem contact op met die school om uw kind in te schrijven.`,
    });
  }
  if (a.tijdelijkGeplaatstVanaf) {
    alineas.push({
      kop: 'Tijdelijke plaatsing',
      tekst: toegelaten
        ? `Uw kind was sinds ${formatDutch(a.tijdelijkGeplaatstVanaf)} tijdelijk bij ons geplaatst, omdat wij niet op tijd beslisten. Die plaatsing is nu definitief.`
        : `Uw kind was sinds ${formatDutch(a.tijdelijkGeplaatstVanaf)} tijdelijk bij ons geplaatst, omdat wij niet op tijd beslisten. Volgens de wet wordt uw kind uitgeschreven vanaf de dag na dit besluit.`,
    });
  }
  alineas.push({
    kop: 'Bent u het niet eens met dit besluit?',
    tekst: `Dan kunt u tot en met ${formatDutch(bezwaarTot(a.besluitOp))} bezwaar maken bij het schoolbestuur (binnen 6 weken). Schrijf in uw brief waarom u het niet eens bent.`,
  });
  if (!toegelaten) {
    alineas.push({
      kop: 'Geschillencommissie',
      tekst: `Heeft uw kind extra ondersteuning nodig? Dan kunt u tot en met ${formatDutch(gpoTot(a.besluitOp))} ook naar de ${VERWIJZINGEN.gpo.naam} (${VERWIJZINGEN.gpo.website}). Dat is gratis. De commissie geeft binnen 10 weken een oordeel.`,
    });
  }
  alineas.push(HULP);
  return {
    afzender: a.vestigingNaam, datumregel: formatDutch(a.besluitOp), onderwerp: `Besluit over de aanmelding van ${naamVan(a)}`,
    aanhef: 'Beste ouder of verzorger,', alineas, slot: 'Met vriendelijke groet,', ondertekening: a.vestigingNaam,
    bestandsnaam: veiligeBestandsnaam(`besluit-aanmelding-${naamVan(a)}`),
  };
}

/** The letter about the one extension of the term (WPO 40 lid 6, WVO 27 lid 2e, WEC 40 lid 7). */
export function verlengingBrief(a: Aanmelding): Brief {
  if (!a.verlengdTot || !a.verlengdOp) throw new Error('verlengingBrief: de termijn is niet verlengd');
  return {
    afzender: a.vestigingNaam, datumregel: formatDutch(a.verlengdOp),
    onderwerp: `Verlenging van de termijn voor de aanmelding van ${naamVan(a)}`, aanhef: 'Beste ouder of verzorger,',
    alineas: [
      { tekst: `Op ${formatDutch(a.ontvangenOp)} ontvingen wij de aanmelding van ${naamVan(a)}. Wij moeten binnen 6 weken beslissen of wij uw kind kunnen toelaten. Dat lukt niet. Daarom verlengen wij de termijn één keer, tot en met ${formatDutch(a.verlengdTot)}.` },
      { kop: 'De reden', tekst: a.verlengingReden ?? '' },
      { tekst: 'De wet staat één verlenging toe, van hoogstens 4 weken (artikel 40 lid 6 Wet op het primair onderwijs, artikel 27 lid 2e Wet op het voortgezet onderwijs, artikel 40 lid 7 Wet op de expertisecentra). Beslissen wij ook dan niet, en is uw kind niet op een andere school ingeschreven? Dan wordt uw kind volgens de wet tijdelijk bij ons geplaatst.' },
      { kop: 'Vragen?', tekst: `Bent u het niet eens met deze verlenging? Neem dan contact met ons op. Over een weigering van een kind dat extra ondersteuning nodig heeft, oordeelt de ${VERWIJZINGEN.gpo.naam} (${VERWIJZINGEN.gpo.website}).` },
      HULP,
    ],
    slot: 'Met vriendelijke groet,', ondertekening: a.vestigingNaam,
    bestandsnaam: veiligeBestandsnaam(`verlenging-termijn-${naamVan(a)}`),
  };
}
