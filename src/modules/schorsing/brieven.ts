/**
 * The letters to the parents (and to the pupil of 18 or older) about a suspension and a definitive removal, as one
 * Brief each (platform/brief): the page and the PDF say the same. Pure: records in, letter out.
 *
 * What must be in them:
 * - Schorsing (WPO art. 40c, WEC art. 40a, Inrichtingsbesluit WVO art. 13; legal-rules §1.13): the decision in
 *   writing with its reasons and the period, to the parents and to the pupil when of age; we add that the
 *   inspectie is told (when more than one day) and how to object (Awb art. 6:7 for openbare schools).
 * - Verwijdering (WPO art. 40 lid 11–12, WVO art. 27 with Inrichtingsbesluit WVO art. 14–15, WEC art. 40 lid 18
 *   and 20; legal-rules §1.14–1.17 and §8): the decision with reasons, the hearing and the school that will admit
 *   the pupil, the objection term, the Geschillencommissie passend onderwijs and the onderwijsconsulenten.
 */
import { naamVan } from '../leerlingen/naam.js';
import type { Brief, BriefAlinea } from '../../platform/brief/brief.js';
import { veiligeBestandsnaam } from '../../platform/brief/brief.js';
import { ageOn, formatDutch, type CivilDate } from '../../platform/civil-date.js';
import { bezwaarTot, gpoTot, VERWIJZINGEN } from '../zorgplicht/rules/bezwaar.js';
import { schorsingsdagen } from './rules/schorsing.js';
import type { Sector } from '../zorgplicht/rules/termijnen.js';

interface Leerling {
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: CivilDate;
  vestigingNaam: string;
  plaats: string | null;
}

/** What the suspension letter needs of a schorsing record. */
export interface SchorsingVoorBrief extends Leerling {
  van: CivilDate;
  tot: CivilDate;
  reden: string;
  besluitOp: CivilDate;
  /** The day the letter goes to the parents (confirmed when recording); the objection term runs from it. */
  ouderGeinformeerdOp: CivilDate | null;
  inspectieMeldingNodig: boolean;
}

/** What the removal letter needs of a definitive verwijdering record. */
export interface VerwijderingVoorBrief extends Leerling {
  sector: Sector;
  reden: string;
  gehoordOp: CivilDate | null;
  andereSchoolNaam: string | null;
  andereSchoolPlaats: string | null;
  andereSchoolBereidOp: CivilDate | null;
  inspectieGeraadpleegdOp: CivilDate | null;
  cluster12ZoektochtSinds: CivilDate | null;
  besluitOp: CivilDate;
}


/** A pupil of 18 gets the letter too (WPO 40c, Inrichtingsbesluit WVO art. 13: "en de meerderjarige leerling"). */
function aanhef(l: Leerling, op: CivilDate): string {
  return ageOn(l.geboortedatum, op) >= 18 ? `Beste ${l.voornaam} en ouder of verzorger,` : 'Beste ouder of verzorger,';
}

function datumregel(l: Leerling, op: CivilDate): string {
  return l.plaats ? `${l.plaats}, ${formatDutch(op)}` : formatDutch(op);
}

/** The letter about a suspension. */
export function schorsingsbrief(s: SchorsingVoorBrief): Brief {
  const naam = naamVan(s);
  const dagen = schorsingsdagen(s.van, s.tot);
  const bekend = s.ouderGeinformeerdOp ?? s.besluitOp;
  const alineas: BriefAlinea[] = [
    {
      tekst: `Op ${formatDutch(s.besluitOp)} hebben wij besloten ${naam} te schorsen. De schorsing duurt ${dagen} ${dagen === 1 ? 'dag' : 'dagen'}: `
        + (dagen === 1 ? `op ${formatDutch(s.van)}.` : `van ${formatDutch(s.van)} tot en met ${formatDutch(s.tot)}.`)
        + ` In die tijd mag ${s.voornaam} niet op school komen.`,
    },
    { kop: 'De redenen', tekst: s.reden },
  ];
  if (s.inspectieMeldingNodig) {
    alineas.push({
      kop: 'Melding aan de inspectie',
      tekst: 'De schorsing duurt langer dan één dag. Daarom melden wij haar schriftelijk, met de redenen, aan de Inspectie van het Onderwijs. Dat moet volgens de wet.',
    });
  }
  alineas.push({
    kop: 'Bezwaar maken',
    tekst: `Bent u het niet eens met dit besluit? Dan kunt u tot en met ${formatDutch(bezwaarTot(bekend))} bezwaar maken bij het schoolbestuur. `
      + 'Schrijf in uw brief waarom u het niet eens bent. Wilt u eerst met ons praten? Neem dan contact met ons op.',
  });
  return {
    afzender: s.vestigingNaam,
    datumregel: datumregel(s, bekend),
    onderwerp: `Schorsing van ${naam}`,
    aanhef: aanhef(s, bekend),
    alineas,
    slot: 'Met vriendelijke groet,',
    ondertekening: `${s.vestigingNaam}, namens het schoolbestuur`,
    bestandsnaam: veiligeBestandsnaam(`schorsing-${naam}-${s.van}`),
  };
}

/** Who is heard before a removal: the group teacher (po), the teacher(s) (WEC), the pupil and under 18 the parents (vo). */
function gehoord(v: VerwijderingVoorBrief): string {
  if (v.sector === 'po') return 'de groepsleerkracht';
  if (v.sector === 'wec') return 'de leraar of leraren';
  return ageOn(v.geboortedatum, v.besluitOp) >= 18 ? v.voornaam : `${v.voornaam} en de ouders`;
}

/** The letter about a definitive removal. */
export function verwijderingsbrief(v: VerwijderingVoorBrief): Brief {
  const naam = naamVan(v);
  const voorbereiding: string[] = [];
  if (v.gehoordOp) voorbereiding.push(`Op ${formatDutch(v.gehoordOp)} hebben wij ${gehoord(v)} gehoord.`);
  if (v.andereSchoolNaam && v.andereSchoolBereidOp) {
    voorbereiding.push(`${v.andereSchoolNaam}${v.andereSchoolPlaats ? ` in ${v.andereSchoolPlaats}` : ''} heeft op ${formatDutch(v.andereSchoolBereidOp)} bevestigd dat zij ${v.voornaam} wil toelaten.`);
  } else if (v.cluster12ZoektochtSinds) {
    voorbereiding.push(`Sinds ${formatDutch(v.cluster12ZoektochtSinds)} zoeken wij een andere school. Dat is na 8 weken niet gelukt.`);
  }
  if (v.inspectieGeraadpleegdOp) voorbereiding.push(`Op ${formatDutch(v.inspectieGeraadpleegdOp)} hebben wij de Inspectie van het Onderwijs geraadpleegd.`);
  const bezwaar = `Bent u het niet eens met dit besluit? Dan kunt u tot en met ${formatDutch(bezwaarTot(v.besluitOp))} bezwaar maken bij het schoolbestuur (binnen 6 weken). `
    + 'Het bestuur hoort u voordat het over uw bezwaar beslist. '
    + (v.sector === 'vo'
      ? `Het bestuur beslist binnen 4 weken nadat het uw bezwaar heeft ontvangen. Zolang het bezwaar loopt, mag de school ${v.voornaam} de toegang tot de school weigeren.`
      : 'Bij een openbare school beslist het bestuur binnen 4 weken nadat de termijn voor bezwaar voorbij is.');
  const alineas: BriefAlinea[] = [
    { tekst: `Op ${formatDutch(v.besluitOp)} hebben wij besloten ${naam} van ${v.vestigingNaam} te verwijderen.` },
    { kop: 'De redenen', tekst: v.reden },
    ...(voorbereiding.length ? [{ kop: 'Wat wij eerst hebben gedaan', tekst: voorbereiding.join(' ') }] : []),
    { kop: 'Bezwaar maken', tekst: bezwaar },
    {
      kop: VERWIJZINGEN.gpo.naam,
      tekst: `U kunt het geschil ook voorleggen aan de ${VERWIJZINGEN.gpo.naam} (${VERWIJZINGEN.gpo.website}), tot en met ${formatDutch(gpoTot(v.besluitOp))}. `
        + 'De commissie geeft binnen 10 weken haar oordeel. Heeft u ook bezwaar gemaakt? Dan beslist het bestuur pas over uw bezwaar als de commissie haar oordeel heeft gegeven.',
    },
    {
      kop: 'Hulp',
      tekst: `Lukt het niet om samen een passende plek te vinden? De ${VERWIJZINGEN.onderwijsconsulenten.naam} helpen u gratis (${VERWIJZINGEN.onderwijsconsulenten.website}).`,
    },
  ];
  return {
    afzender: v.vestigingNaam,
    datumregel: datumregel(v, v.besluitOp),
    onderwerp: `Verwijdering van ${naam}`,
    aanhef: aanhef(v, v.besluitOp),
    alineas,
    slot: 'Met vriendelijke groet,',
    ondertekening: `${v.vestigingNaam}, namens het schoolbestuur`,
    bestandsnaam: veiligeBestandsnaam(`verwijdering-${naam}-${v.besluitOp}`),
  };
}
