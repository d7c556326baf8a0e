/**
 * The access log in plain words for parents (issue 6: "see who opened their child's file, in plain words"; NEN 7513
 * client view, security-notes §1.5). One sentence per audit event: what was done with which part of the file. Pure.
 */

/** What part of the file an audit event's object type is, as a parent would say it. */
const ONDERDEEL: Record<string, string> = {
  leerling: 'het dossier',
  leerlingenlijst: 'een lijst met leerlingen',
  inzagelog: 'de lijst van wie het dossier bekeek',
  'mijn-kinderen': 'het overzicht van uw kinderen',
  portaal: 'het overzicht van uw kinderen',
  'avg-inzage': 'alle gegevens van het dossier',
  ouder: 'de gegevens van een ouder',
  inschrijving: 'de inschrijving',
  aanmelding: 'de aanmelding',
  aanmeldingen: 'een lijst met aanmeldingen',
  'aanmelding-advies': 'een adviesvraag over de aanmelding',
  plaatsingsverzoek: 'een verzoek aan een andere school',
  plaatsingsverzoeken: 'een lijst met verzoeken van andere scholen',
  schorsing: 'een schorsing',
  schorsingen: 'een lijst met schorsingen en verwijderingen',
  verwijdering: 'een verwijdering',
  opp: 'het ontwikkelingsperspectief',
  'opp-lijst': 'een lijst met ontwikkelingsperspectieven',
  'opp-versie': 'een versie van het ontwikkelingsperspectief',
  'opp-oogo': 'het overleg over het ontwikkelingsperspectief',
  'opp-instemming': 'het besluit over het handelingsdeel',
  'opp-instemming-gevraagd': 'de vraag om instemming',
  'opp-mening': 'een mening over het ontwikkelingsperspectief',
  'opp-evaluatie': 'de evaluatie van het ontwikkelingsperspectief',
};

const HANDELING: Record<string, string> = {
  lezen: 'bekeek', lijst: 'zag de naam van uw kind in', aanmaken: 'maakte', wijzigen: 'wijzigde', verwijderen: 'verwijderde',
  exporteren: 'downloadde', afdrukken: 'drukte af of downloadde', uitnodigen: 'stuurde een uitnodiging of e-mail over',
  'uitnodiging-geaccepteerd': 'nam de uitnodiging aan voor',
};

/** e.g. "bekeek het ontwikkelingsperspectief", "probeerde de aanmelding te bekijken (geweigerd)". */
export function inzageZin(e: { actie: string; objectType: string | null; resultaat: string }): string {
  const wat = ONDERDEEL[e.objectType ?? ''] ?? 'het dossier';
  if (e.resultaat === 'geweigerd') {
    const poging = e.actie === 'lezen' || e.actie === 'lijst' || e.actie === 'afdrukken' ? 'te bekijken' : 'te wijzigen';
    return `probeerde ${wat} ${poging}, maar had geen toegang`;
  }
  return `${HANDELING[e.actie] ?? e.actie} ${wat}`;
}

/** Whether every object type in `typen` has its own words (a test keeps the list complete). */
export function heeftWoorden(objectType: string): boolean {
  return objectType in ONDERDEEL;
}
