/**
 * An online application by a parent: which kind of education (and so which law's clock) a school location is, and
 * which samenwerkingsverband the application belongs to.
 *
 * Sources: every (speciaal) basisschool and so-school belongs to the PO-samenwerkingsverband of its area (WPO art.
 * 18a, WEC art. 28a), every VO school and vso-school to the VO-samenwerkingsverband (WVO art. 17a, WEC art. 28a);
 * the register's soort (modules/register/rules/soort.ts). The clock follows the school's law: WPO 40 for bao/sbo,
 * WVO 27 for vo, WEC 40 for so/vso. A combined so/vso school belongs to both; the child's age decides (interpretation:
 * under 12 the so part of the PO-SWV, from 12 the vso part of the VO-SWV — the usual age boundary of vso).
 */
import type { Soort } from '../../register/rules/soort.js';
import type { Sector } from './termijnen.js';

/** The sector and the SWV column of a school location for an application; null for a kind we do not know. */
export function aanmeldplek(soort: string, leeftijdBijAanmelding: number): { sector: Sector; swv: 'po' | 'vo' } | null {
  switch (soort as Soort) {
    case 'bao':
    case 'sbo':
      return { sector: 'po', swv: 'po' };
    case 'vo':
      return { sector: 'vo', swv: 'vo' };
    case 'so':
      return { sector: 'wec', swv: 'po' };
    case 'vso':
      return { sector: 'wec', swv: 'vo' };
    case 'so/vso':
      return { sector: 'wec', swv: leeftijdBijAanmelding < 12 ? 'po' : 'vo' };
    default:
      return null;
  }
}
