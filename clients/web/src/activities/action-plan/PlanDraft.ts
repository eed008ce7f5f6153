// One person's edit of one text of a plan (the objective or a field), from the moment the field
// gains the focus until the server has their text or they chose to drop it. Pure functions,
// unit-tested in test/action-plan.test.ts; PlanField.tsx keeps the draft and calls these.
//
// The rules (docs/protocol.md, "Action plans"):
// - the edit is based on the version the person started from (remembered on focus), never the
//   document's version at save time: a change someone else saved meanwhile is a CONFLICT, not
//   something silently written over;
// - while the field has the focus, updates of the document do not touch what is being typed (an
//   untouched draft follows them: there is nothing to lose);
// - nothing typed is lost: a conflict shows both texts until the person chooses, a failure keeps
//   the text with the reason.

import { RejectionCode } from '../../gen/campana/v1/wire_enums';
import { cleanText } from '../../ui/text';

// The server's text of the field (ActionPlan.Text, or nothing written yet).
export interface Current {
  text: string;
  version: number;
}

export type DraftState =
  | 'editing' // being typed
  | 'saving' // sent; waiting for the reply
  | 'saved' // acknowledged; waiting for the document that carries it
  | 'conflict' // someone else saved first: both texts are shown until the person chooses
  | 'failed'; // refused for another reason, or not sent (offline): kept, with the reason

export interface Draft {
  text: string; // what is in the box, as typed
  base: number; // the version it is written on
  baseText: string; // the text at that version
  state: DraftState;
  failure?: RejectionCode | 'unsent';
}

export type Reply = { ok: true } | { ok: false; code: RejectionCode | 'unsent' };

const current0: Current = { text: '', version: 0 };

export function currentOf(text: { text: string; version: number } | undefined): Current {
  return text ? { text: text.text, version: text.version } : current0;
}

// The field gains the focus: the draft starts from what the server has now, or goes on from the
// one still open (a conflict, a failure, a save in flight: their text is not dropped).
export function startDraft(previous: Draft | undefined, current: Current): Draft {
  if (previous === undefined) {
    return { text: current.text, base: current.version, baseText: current.text, state: 'editing' };
  }
  if (previous.state === 'saved') {
    // Our save was acknowledged but its document has not arrived: the next edit is based on the
    // version our save made.
    const saved = cleanText(previous.text);
    return { text: previous.text, base: previous.base + 1, baseText: saved, state: 'editing' };
  }
  return previous;
}

// What the draft is, given the document as it is now: undefined when it has nothing left to
// say (a save whose document has arrived); an untouched draft follows the document.
export function settle(draft: Draft | undefined, current: Current): Draft | undefined {
  if (draft === undefined) return undefined;
  if (draft.state === 'saved') {
    return current.version > draft.base || current.text === cleanText(draft.text) ? undefined : draft;
  }
  if (draft.state === 'editing' && untouched(draft) && current.version !== draft.base) {
    return { text: current.text, base: current.version, baseText: current.text, state: 'editing' };
  }
  return draft;
}

export function untouched(draft: Draft): boolean {
  return cleanText(draft.text) === cleanText(draft.baseText);
}

// The person types. A failure becomes an edit again (the next save tries anew); a conflict stays
// one until they choose; typing during a save is a new edit on top of it.
export function typed(draft: Draft, text: string): Draft {
  const state = draft.state === 'failed' || draft.state === 'saved' ? 'editing' : draft.state;
  return { ...draft, text, state, failure: undefined };
}

export type Leave =
  | { kind: 'drop' } // nothing to save: show the document's text
  | { kind: 'keep' } // waiting (a reply, or the person's choice)
  | { kind: 'send'; text: string; base: number };

// The field loses the focus (or Enter in a one-line field): save, or not.
export function leave(draft: Draft, current: Current): Leave {
  if (draft.state === 'conflict' || draft.state === 'saving' || draft.state === 'saved') return { kind: 'keep' };
  if (draft.state === 'failed') return { kind: 'keep' };
  const text = cleanText(draft.text);
  if (text === cleanText(draft.baseText) || text === current.text) return { kind: 'drop' };
  return { kind: 'send', text, base: draft.base };
}

// The draft once sent.
export function sending(draft: Draft): Draft {
  return { ...draft, state: 'saving', failure: undefined };
}

// The server's reply to a save of `sent` on `base`. If the person typed on meanwhile, the edit
// goes on, based on the version the save made (the field saves it when it loses the focus, or
// at once if it already has).
export function replied(draft: Draft, sent: string, base: number, reply: Reply): Draft | undefined {
  if (reply.ok) {
    if (cleanText(draft.text) !== sent) return { ...draft, base: base + 1, baseText: sent, state: 'editing' };
    return { ...draft, base, state: 'saved' };
  }
  if (reply.code === RejectionCode.CONFLICT) return { ...draft, state: 'conflict' };
  return { ...draft, state: 'failed', failure: reply.code };
}

// "Replace with mine": the person's text, on the version they have now seen.
export function replaceWithMine(draft: Draft, current: Current): { draft: Draft; text: string; base: number } {
  return {
    draft: { ...draft, base: current.version, baseText: current.text, state: 'saving', failure: undefined },
    text: cleanText(draft.text),
    base: current.version,
  };
}

// What the field shows: the draft while there is one, the document's text otherwise.
export function shownText(draft: Draft | undefined, current: Current): string {
  return draft === undefined ? current.text : draft.text;
}

// The drafts of steps that are gone (someone removed the step while this person typed in it)
// that hold something unsaved: shown, so that the text is not lost with its step. Keys are
// PlanSelectors.fieldKey's, "rowId:field".
export function lostDrafts(
  drafts: ReadonlyMap<string, Draft>,
  plan: { rows: readonly { id: number }[] },
): [string, Draft][] {
  const rows = new Set(plan.rows.map((r) => r.id));
  return [...drafts.entries()].filter(([key, draft]) => {
    const rowId = Number(key.split(':')[0]);
    return rowId !== 0 && !rows.has(rowId) && draft.state !== 'saved' && !untouched(draft);
  });
}
