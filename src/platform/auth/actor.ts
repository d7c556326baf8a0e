/**
 * Who does a use case: the logged-in user with the role grant they chose, and the request id for the audit log.
 * Every module's commands take this; the tenant (SWV) comes from the grant.
 */
import { AppError } from '../errors.js';
import type { RolToekenningRow } from './store.js';

export interface Actor {
  gebruikerId: string;
  grant: RolToekenningRow;
  requestId?: string;
}

/** The actor's SWV (the tenant), or a 403 for a role that belongs to none (e.g. inspectie, beheerder). */
export function tenantOf(actor: Actor): string {
  if (!actor.grant.swvId) throw new AppError('forbidden', { detail: 'Uw rol hoort niet bij een samenwerkingsverband.' });
  return actor.grant.swvId;
}
