/**
 * Registration of OPPs in the Register Onderwijsdeelnemers (ROD, formerly BRON). Since 1 August 2015 the board
 * registers every OPP there — only its start date and end date, never its content; the end date may follow later
 * (onderwijsinspectie.nl "Ontwikkelingsperspectief opstellen en registreren"; legal-rules §2.8, §9.7).
 *
 * The start date is the day the first version was adopted; the end date the day the OPP was closed. The school
 * sends it with the pupil's persoonsgebonden nummer from its own administration: Passend holds no BSN or
 * onderwijsnummer (legal-rules §9.5, security-notes §1.3), so the export carries the location code split into BRIN
 * and vestigingsnummer, Passend's own id, the name and the birth date for matching.
 */
import type { CivilDate } from '../../../platform/civil-date.js';

export const ROD_KOLOMMEN = [
  'brin', 'vestigingsnummer', 'passend_leerling_id', 'achternaam', 'voornaam', 'geboortedatum', 'opp_startdatum', 'opp_einddatum',
] as const;

export interface RodBron {
  vestigingCode: string;
  leerlingId: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: CivilDate;
  startdatum: CivilDate | null;
  einddatum: CivilDate | null;
}

/** One line of the export, or null for an OPP that was never adopted (nothing to register yet). */
export function rodRegel(o: RodBron): string[] | null {
  if (!o.startdatum) return null;
  return [
    o.vestigingCode.slice(0, 4), o.vestigingCode.slice(4), o.leerlingId,
    [o.tussenvoegsel, o.achternaam].filter(Boolean).join(' '), o.voornaam, o.geboortedatum, o.startdatum, o.einddatum ?? '',
  ];
}
