/**
 * The steps of an application in plain Dutch, for the parents ("the parent sees each step", journey 2) and on the
 * staff page: what happened, with its date, and what comes next with the date the law sets. Pure.
 */
import { addDays, formatDutch } from '../../platform/civil-date.js';
import type { AanmeldingMetKlok } from './commands.js';
import type { AdviesRij, VerzoekRij } from './store.js';

export interface Stap {
  datum: string;
  tekst: string;
  /** 'gedaan': happened; 'verwacht': the next step with its legal date. */
  soort: 'gedaan' | 'verwacht';
}

const ANTWOORD: Record<VerzoekRij['status'], string> = {
  gevraagd: 'nog geen antwoord',
  overweegt: 'denkt erover na (dat is nog geen ja)',
  bereid: 'wil het kind toelaten',
  afgewezen: 'kan het kind niet toelaten',
};

/** The steps, worded for the parent ("uw kind") or for staff ("het kind"). */
export function stappenVan(a: AanmeldingMetKlok, verzoeken: readonly VerzoekRij[], adviezen: readonly AdviesRij[], lezer: 'ouder' | 'school'): Stap[] {
  const kind = lezer === 'ouder' ? 'uw kind' : 'het kind';
  const Kind = lezer === 'ouder' ? 'Uw kind' : 'Het kind';
  const gedaan: Stap[] = [{ datum: a.ontvangenOp, tekst: `De school ontving de aanmelding${a.bron === 'ouder' ? ' (online door de ouder)' : ''}.`, soort: 'gedaan' }];
  if (a.opgeschortVan && a.opgeschortTot) {
    gedaan.push({ datum: a.opgeschortVan, tekst: `De aanmelding was niet compleet. De termijn stond stil tot en met ${formatDutch(a.opgeschortTot)}: ${a.opschortingReden ?? ''}`, soort: 'gedaan' });
  }
  if (a.beoordeeldOp) {
    gedaan.push({ datum: a.beoordeeldOp, tekst: a.extraOndersteuningNodig ? `De school heeft bekeken wat ${kind} nodig heeft: extra ondersteuning.` : `De school heeft bekeken wat ${kind} nodig heeft: geen extra ondersteuning.`, soort: 'gedaan' });
  }
  for (const v of verzoeken) {
    gedaan.push({ datum: v.gevraagdOp, tekst: `De school vroeg ${v.vestigingNaam} of ${kind} daar terecht kan.`, soort: 'gedaan' });
    if (v.antwoordOp) gedaan.push({ datum: v.antwoordOp, tekst: `${v.vestigingNaam} ${ANTWOORD[v.status]}.`, soort: 'gedaan' });
  }
  for (const ad of adviezen) {
    gedaan.push({ datum: ad.gevraagdOp, tekst: 'De school vroeg het samenwerkingsverband om advies.', soort: 'gedaan' });
    if (ad.adviesOp) gedaan.push({ datum: ad.adviesOp, tekst: 'Het samenwerkingsverband gaf advies.', soort: 'gedaan' });
  }
  if (a.verlengdOp && a.verlengdTot) {
    gedaan.push({ datum: a.verlengdOp, tekst: `De school heeft de termijn verlengd tot en met ${formatDutch(a.verlengdTot)}.`, soort: 'gedaan' });
  }
  if (a.tijdelijkGeplaatstVanaf) {
    gedaan.push({ datum: a.tijdelijkGeplaatstVanaf, tekst: `De school besliste niet op tijd. Volgens de wet is ${kind} vanaf deze dag tijdelijk op de school geplaatst.`, soort: 'gedaan' });
  }
  if (a.besluit && a.besluitOp) {
    gedaan.push({ datum: a.besluitOp, tekst: a.besluit === 'toegelaten' ? `De school besloot ${kind} toe te laten.` : `De school besloot ${kind} niet toe te laten.`, soort: 'gedaan' });
  }
  if (a.ingetrokkenOp) gedaan.push({ datum: a.ingetrokkenOp, tekst: 'De aanmelding is ingetrokken.', soort: 'gedaan' });
  // Stable order: by date, and within a day in the order above (sort is stable).
  gedaan.sort((x, y) => x.datum.localeCompare(y.datum));
  if (a.besluit || a.ingetrokkenOp) return gedaan;
  const verwacht: Stap[] = a.tijdelijkGeplaatstVanaf
    ? [{ datum: a.termijn, tekst: `De school moet nog beslissen. ${Kind} blijft tot dat besluit tijdelijk geplaatst.`, soort: 'verwacht' }]
    : [
        { datum: a.termijn, tekst: 'Uiterlijk op deze dag beslist de school.', soort: 'verwacht' },
        ...(a.verlengdTot ? [] : [{ datum: a.uiterste, tekst: 'De school mag de termijn één keer verlengen, tot uiterlijk deze dag.', soort: 'verwacht' as const }]),
        { datum: addDays(a.uiterste, 1), tekst: `Is er dan nog geen besluit en staat ${kind} niet op een andere school ingeschreven? Dan wordt ${kind} volgens de wet tijdelijk geplaatst (niet voordat het 4 jaar is).`, soort: 'verwacht' },
      ];
  return [...gedaan, ...verwacht];
}
