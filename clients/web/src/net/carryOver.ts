import type { Identity } from './storage';

// A series (docs/organizer.md, "A series"): the next workshop starts with the people of the one
// before it, each with the same resume token and join key. So a phone that was someone in the
// previous workshop is that person in the next one, with nothing to type: it says Hello there
// with the identity it kept for the previous workshop. One step back only, and once per device
// and workshop: a place that turns out to be gone (UNKNOWN_TOKEN) leaves the join form.
export interface CarryFacts {
  code: string; // the workshop the phone opened
  previousCode: string; // its Workshop doc's previous_code ('' outside a series)
  own: Identity | undefined; // the identity the phone keeps for this workshop
  keptOut: boolean; // a facilitator kept this device out of this workshop
  tried: boolean; // the phone carried an identity here before
  previous: Identity | undefined; // the identity the phone keeps for previousCode
}

// The identity to come into this workshop with, or undefined: the phone is someone here
// already, or was kept out, or tried before, or was nobody in the previous workshop.
export function identityToCarry(facts: CarryFacts): Identity | undefined {
  const { code, previousCode, own, keptOut, tried, previous } = facts;
  if (!previousCode || previousCode === code || own || keptOut || tried) return undefined;
  if (!previous?.token || !previous.participantId) return undefined;
  return { ...previous };
}
