/**
 * The parents' own online application (issue 5: "by parents online, no account needed to start; they get an
 * invitation to follow it"). Without an account there is no tenant in the session: the school's SWV is the tenant
 * (rules/aanmelden.ts). The child, the application and the parent are created in one transaction, with an audit
 * event and the invitation mail; the parent then follows the clock and every step in Passend.
 */
import { PUBLIEK, type Database } from '../../platform/db/client.js';
import { AppError, weigerBijFouten } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { checkRateLimit, type AuthDeps } from '../../platform/auth/service.js';
import { ageOn, formatDutch } from '../../platform/civil-date.js';
import { insertLeerling, insertOuder } from '../leerlingen/store.js';
import { nodigOuderUit } from '../leerlingen/commands.js';
import { aanmeldplek } from './rules/aanmelden.js';
import { beslistermijn } from './rules/termijnen.js';
import { vroegsteAanmelddatum, vroegsteStartdatum } from './rules/toelating.js';
import * as store from './store.js';
import type { TOuderAanmelding } from './schemas.js';

/** The platform's auth deps: database, clock, public URL, mail nudge, and the rate-limit buckets of every public form. */
export type AanmeldDeps = AuthDeps;

/** At most this many online applications per IP address per hour: enough for a family, not for a script. */
const PER_IP_PER_UUR = 10;

/** The school a parent applies to, or a 404 (unknown code, or a kind of school without an SWV). */
export async function schoolVoorAanmelding(deps: { db: Database }, code: string) {
  const v = await deps.db.withTenant(PUBLIEK, (tx) => store.vestigingVoorAanmelding(tx, code));
  if (!v || !aanmeldplek(v.soort, 4) || (!v.swvPo && !v.swvVo)) throw new AppError('not_found');
  return v;
}

/**
 * Registers the application. The checks a school makes are made here too (rules/toelating.ts): not before the
 * application age (po/so: 3, deaf or hard of hearing WEC: 2), a start date not before 4 (po/so) and not in the past.
 */
export async function meldAanAlsOuder(deps: AanmeldDeps, code: string, input: TOuderAanmelding, meta: { ip: string; requestId?: string }) {
  const school = await schoolVoorAanmelding(deps, code);
  const vandaag = deps.clock.today();
  const fouten: Record<string, string> = {};
  if (input.geboortedatum > vandaag) fouten.geboortedatum = 'De geboortedatum ligt in de toekomst.';
  const plek = aanmeldplek(school.soort, input.geboortedatum <= vandaag ? ageOn(input.geboortedatum, vandaag) : 0)!;
  const swvId = plek.swv === 'po' ? (school.swvPo ?? school.swvVo) : (school.swvVo ?? school.swvPo);
  if (!fouten.geboortedatum) {
    const vanaf = vroegsteAanmelddatum(input.geboortedatum, plek.sector, input.doofOfSlechthorend);
    if (vanaf && vandaag < vanaf) fouten.geboortedatum = `U kunt uw kind aanmelden vanaf ${formatDutch(vanaf)}. Dan is uw kind ${plek.sector === 'wec' && input.doofOfSlechthorend ? 2 : 3} jaar.`;
  }
  if (input.gewensteStartdatum) {
    const start = vroegsteStartdatum(input.geboortedatum, plek.sector);
    if (input.gewensteStartdatum < vandaag) fouten.gewensteStartdatum = 'De gewenste startdatum ligt in het verleden.';
    else if (start && input.gewensteStartdatum < start && !fouten.geboortedatum) fouten.gewensteStartdatum = `Uw kind kan pas naar school vanaf ${formatDutch(start)}, als het 4 jaar is.`;
  }
  weigerBijFouten(fouten);
  await checkRateLimit(deps, `aanmelden:ip:${meta.ip}`, PER_IP_PER_UUR, 60);
  const termijn = beslistermijn(vandaag);
  await deps.db.withTenant({ swvId, userId: null }, async (tx) => {
    const leerlingId = await insertLeerling(tx, {
      swvId: swvId!, voornaam: input.voornaam, tussenvoegsel: input.tussenvoegsel, achternaam: input.achternaam,
      geboortedatum: input.geboortedatum, woonPc4: input.woonPc4,
    });
    const id = await store.insertAanmelding(tx, {
      swvId: swvId!, leerlingId, vestigingCode: school.code, sector: plek.sector, ontvangenOp: vandaag, gewensteStartdatum: input.gewensteStartdatum ?? null,
      andereScholen: input.andereScholen ?? '', isEersteVoorkeur: input.isEersteVoorkeur, extraOndersteuningVerwacht: input.extraOndersteuningVerwacht,
      ouderInformatie: input.ouderInformatie ?? null, bron: 'ouder', door: null,
    });
    const ouderId = await insertOuder(tx, { swvId: swvId!, leerlingId, naam: input.ouderNaam, email: input.ouderEmail, relatie: input.relatie, heeftGezag: true });
    await recordAudit(tx, {
      swvId, actorGebruikerId: null, actorRol: 'ouder (zonder account)', organisatie: null, requestId: meta.requestId,
      grondslag: 'aanmelding door de ouder (Wpo 40 lid 2 / Wvo 27 lid 2a / Wec 40 lid 3)', actie: 'aanmaken', objectType: 'aanmelding', objectId: id,
      leerlingId, velden: ['naam', 'geboortedatum', 'woonPc4', 'school', 'andereScholen', 'extraOndersteuningVerwacht', 'ouderInformatie', 'ouder'], resultaat: 'ok',
    });
    // The mail says which school and the dates (the parent typed them), never the support information.
    await nodigOuderUit(tx, deps, {
      swvId: swvId!, ouderId, naam: input.ouderNaam, email: input.ouderEmail, onderwerp: `Uw aanmelding bij ${school.naam} is ontvangen`,
      inleiding: `Wij hebben uw aanmelding bij ${school.naam} ontvangen op ${formatDutch(vandaag)}. De school beslist uiterlijk op ${formatDutch(termijn)}. ` +
        'Volg de aanmelding in Passend: u ziet daar elke stap en het besluit.',
    });
  });
  deps.onMailQueued?.();
  return { school, ontvangenOp: vandaag, termijn };
}
