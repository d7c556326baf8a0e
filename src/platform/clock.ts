/**
 * The injectable clock. Rules never call `new Date()`: they get "today" from here, so tests and the demo can fix
 * the date (PASSEND_TODAY) and deadlines stay reproducible.
 */
import { civilDateAt, type CivilDate } from './civil-date.js';

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's civil date in Europe/Amsterdam. */
  today(): CivilDate;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: () => civilDateAt(new Date()),
};

/**
 * A clock whose date is fixed at `date` while the time of day keeps running (sessions still expire normally).
 */
export function fixedDateClock(date: CivilDate): Clock {
  return { now: () => new Date(), today: () => date };
}

/** A fully controllable clock for tests. */
export function manualClock(start: Date): Clock & { advance(ms: number): void; set(at: Date): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    today: () => civilDateAt(current),
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
    set(at: Date) {
      current = new Date(at);
    },
  };
}
