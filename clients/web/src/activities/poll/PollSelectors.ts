import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { Poll, PollMine, PollProgress, PollTally, PollText } from '../../gen/campana/v1/poll_pb';
import type { View } from '../../state/view';
import { currentItem } from '../activity';

// What every poll view reads from the documents. The server decides who sees what (a tally
// reaches the participants only once revealed; an anonymous poll's texts carry no author); these
// only select. Capitalised so that the bundle keeps them in the poll's chunk.

// Document ids, as the server makes them (poll.proto).
export function mineId(pollId: number, participant: number): bigint {
  return (BigInt(pollId) << 32n) | BigInt(participant);
}
export function tallyId(pollId: number, question: number): bigint {
  return (BigInt(pollId) << 8n) | BigInt(question);
}

// The newest live poll (asked from the console) that is open, if any: it stands above the run of
// show, as the live question does.
export function openLivePoll(view: View): Poll | undefined {
  return view
    .docs(DocKind.POLL)
    .filter((p) => p.agendaIndex < 0 && p.open)
    .sort((a, b) => b.id - a.id)[0];
}

// The poll of the current agenda item, if it is a poll item.
export function agendaPoll(view: View): Poll | undefined {
  const agenda = view.doc(DocKind.AGENDA);
  if (agenda === undefined || agenda.current < 0 || currentItem(view) === undefined) return undefined;
  return view.docs(DocKind.POLL).find((p) => p.agendaIndex === agenda.current);
}

// The poll a device shows now: an open live poll first, else the agenda item's; else the newest
// live poll whose results are revealed (the projector keeps its chart up after closing).
export function currentPoll(view: View): Poll | undefined {
  return (
    openLivePoll(view) ??
    agendaPoll(view) ??
    view
      .docs(DocKind.POLL)
      .filter((p) => p.agendaIndex < 0 && p.revealed.some(Boolean))
      .sort((a, b) => b.id - a.id)[0]
  );
}

export function myAnswers(view: View, pollId: number, me: number): PollMine | undefined {
  return view.doc(DocKind.POLL_MINE, mineId(pollId, me));
}

// The tally this device may see (facilitators always; others once revealed or live).
export function tallyOf(view: View, pollId: number, question: number): PollTally | undefined {
  return view.doc(DocKind.POLL_TALLY, tallyId(pollId, question));
}

export function progressOf(view: View, pollId: number): PollProgress | undefined {
  return view.doc(DocKind.POLL_PROGRESS, BigInt(pollId));
}

// The texts of one question this device may see, oldest first.
export function textsOf(view: View, pollId: number, question: number): PollText[] {
  return view
    .docs(DocKind.POLL_TEXT)
    .filter((t) => t.pollId === pollId && t.question === question)
    .sort((a, b) => a.id - b.id);
}

export function resultsShown(poll: Poll, question: number): boolean {
  return (poll.spec?.resultsLive ?? false) || (poll.revealed[question] ?? false);
}
