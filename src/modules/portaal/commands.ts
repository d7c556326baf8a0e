/**
 * The parents' portal (issue 6, item 6): one page per parent with, for each child they have gezag over, the
 * applications with their deadlines, the OPPs with what is asked of them, and the way to everything else; and the
 * AVG copy of everything Passend holds about the child as one file (AVG art. 15 and 20). It composes the exported
 * queries of leerlingen, zorgplicht, opp and schorsing in one tenant transaction, with one audit event.
 *
 * A parent without gezag sees their child's name and why there is nothing more (security-notes §1.2); a parent of
 * another child, or of a child in another SWV, gets 404.
 */
import { tenantOf, type Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.js';
import * as leerlingen from '../leerlingen/store.js';
import * as zorgplicht from '../zorgplicht/store.js';
import { metKlok, type AanmeldingMetKlok } from '../zorgplicht/commands.js';
import * as opp from '../opp/store.js';
import { feitenVan } from '../opp/commands.js';
import { oppStand, type OppStand } from '../opp/rules/versies.js';
import * as schorsing from '../schorsing/store.js';

export interface PortaalDeps {
  db: Database;
  clock: Clock;
}

const GRONDSLAG = 'ouder met gezag (AVG art. 15)';

export interface KindOverzicht {
  leerlingId: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  heeftGezag: boolean;
  aanmeldingen: AanmeldingMetKlok[];
  opps: { opp: opp.OppRij; records: opp.OppRecords; stand: OppStand }[];
}

/** The portal home: every child of this parent, with what is running for the children they have gezag over. */
export async function portaal(deps: PortaalDeps, actor: Actor): Promise<KindOverzicht[]> {
  if (actor.grant.rol !== 'ouder') throw new AppError('forbidden');
  const vandaag = deps.clock.today();
  return deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const kinderen = await leerlingen.listKinderenVanOuder(tx, actor.gebruikerId);
    const metGezag = kinderen.filter((k) => k.heeftGezag).map((k) => k.leerlingId);
    const aanmeldingen = metGezag.length ? await zorgplicht.listAanmeldingen(tx, { soort: 'ouder', gebruikerId: actor.gebruikerId }) : [];
    const opps = metGezag.length ? await opp.listOpps(tx, { soort: 'ouder', gebruikerId: actor.gebruikerId }, vandaag) : [];
    const records = await opp.laadRecords(tx, opps.map((o) => o.id));
    await recordAudit(tx, {
      swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol, organisatie: actor.grant.swvId, requestId: actor.requestId,
      actie: 'lijst', objectType: 'portaal', leerlingIds: kinderen.map((k) => k.leerlingId), grondslag: GRONDSLAG, resultaat: 'ok',
      velden: ['naam', 'aanmeldingen', 'termijnen', 'opp', 'instemming', 'evaluatie'],
    });
    return kinderen.map((k) => ({
      ...k,
      aanmeldingen: k.heeftGezag ? aanmeldingen.filter((a) => a.leerlingId === k.leerlingId).map((a) => metKlok(a, vandaag)) : [],
      opps: k.heeftGezag ? opps.filter((o) => o.leerlingId === k.leerlingId).map((o) => {
        const r = records.get(o.id)!;
        return { opp: o, records: r, stand: oppStand(feitenVan(o, r), vandaag) };
      }) : [],
    }));
  });
}

/**
 * Everything Passend holds about the child, as one JSON document for the parent with gezag (AVG art. 15 inzage and
 * art. 20): the child and its enrolments, the parents (names and gezag; not the other parent's contact details),
 * every application with its requests and advice, every OPP with all versions and records, suspensions and removals,
 * and who opened the file. The export itself is logged as 'exporteren'.
 */
export async function gegevensVanKind(deps: PortaalDeps, actor: Actor, leerlingId: string): Promise<Record<string, unknown>> {
  if (actor.grant.rol !== 'ouder') throw new AppError('forbidden');
  const vandaag = deps.clock.today();
  const uit = await deps.db.withTenant({ swvId: tenantOf(actor), userId: actor.gebruikerId }, async (tx) => {
    const kind = await leerlingen.findLeerling(tx, leerlingId, { soort: 'ouder-met-gezag', gebruikerId: actor.gebruikerId }, vandaag);
    if (!kind) return null;
    // One query after the other: a transaction is one connection.
    const inschrijvingen = await leerlingen.listInschrijvingen(tx, leerlingId);
    const ouders = await leerlingen.listOuders(tx, leerlingId);
    const alleAanmeldingen = await zorgplicht.listAanmeldingen(tx, { soort: 'ouder', gebruikerId: actor.gebruikerId });
    const opps = await opp.listOpps(tx, { soort: 'ouder', gebruikerId: actor.gebruikerId }, vandaag, { leerlingId });
    const besluiten = await schorsing.vanLeerling(tx, leerlingId, vandaag);
    const inzage = await leerlingen.listInzage(tx, leerlingId, 10_000);
    const aanmeldingen = [];
    for (const a of alleAanmeldingen.filter((x) => x.leerlingId === leerlingId)) {
      aanmeldingen.push({
        ...metKlok(a, vandaag),
        verzoekenAanAndereScholen: await zorgplicht.listVerzoeken(tx, a.id),
        adviesVanHetSamenwerkingsverband: await zorgplicht.listAdviezen(tx, a.id),
      });
    }
    const records = await opp.laadRecords(tx, opps.map((o) => o.id));
    await recordAudit(tx, {
      swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol, organisatie: actor.grant.swvId, requestId: actor.requestId,
      actie: 'exporteren', objectType: 'avg-inzage', objectId: leerlingId, leerlingId, grondslag: GRONDSLAG, resultaat: 'ok',
      velden: ['leerling', 'inschrijvingen', 'ouders', 'aanmeldingen', 'opp', 'schorsingen', 'verwijderingen', 'inzagelog'],
    });
    return {
      toelichting: 'Alle gegevens die Passend over uw kind bewaart (AVG artikel 15). Datums zijn jaar-maand-dag. Vragen? Neem contact op met de school of het samenwerkingsverband.',
      gemaaktOp: deps.clock.now().toISOString(),
      leerling: kind,
      inschrijvingen,
      ouders: ouders.map((o) => ({ naam: o.naam, relatie: o.relatie, heeftGezag: o.heeftGezag, volgtDossierInPassend: o.gebruikerId !== null })),
      aanmeldingen,
      ontwikkelingsperspectieven: opps.map((o) => ({ ...o, ...records.get(o.id)! })),
      schorsingen: besluiten.schorsingen,
      verwijderingen: besluiten.verwijderingen,
      wieHeeftHetDossierBekeken: inzage.map((i) => ({ wanneer: i.at, wie: i.naam, rol: i.actorRol, organisatie: i.organisatieNaam ?? i.organisatie, actie: i.actie, onderdeel: i.objectType, resultaat: i.resultaat })),
    };
  });
  if (uit) return uit;
  await deps.db.withTenant({ swvId: actor.grant.swvId, userId: actor.gebruikerId }, async (tx) => {
    const bestaat = await leerlingen.leerlingBestaat(tx, leerlingId);
    await recordAudit(tx, {
      swvId: actor.grant.swvId, actorGebruikerId: actor.gebruikerId, actorRol: actor.grant.rol, requestId: actor.requestId, actie: 'exporteren',
      objectType: 'avg-inzage', objectId: leerlingId, leerlingId: bestaat ? leerlingId : null, grondslag: 'geen relatie met leerling', resultaat: 'geweigerd',
    });
  });
  throw new AppError('not_found');
}
