import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Dating_Phase } from '../../gen/campana/v1/dating_enums';
import { type Dating, type DatingNote, type DatingUnit } from '../../gen/campana/v1/dating_pb';
import { useDatingMessages } from './messages';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import { Deadline } from '../../ui/Clocks';
import { downloadNotes } from './notes';
import { isSharing } from './phases';
import './dating.css';

// One participant's speed dating, the current action first: who and where, who speaks now (the
// unit's document says; the page does not work it out), the notes of this date and whether they
// are shared. The rules and all the notes are folded away below.
export function PhoneDating({ session, me }: { session: Session; me: number }) {
  const m = useDatingMessages();
  const command = useCommand(session);
  const dating = session.view.doc(DocKind.DATING);
  const unit = session.view.docs(DocKind.DATING_UNIT).find((u) => dating && u.round === dating.round);
  const notes = session.view.docs(DocKind.DATING_NOTE);
  if (!dating) return null;
  const partners = unit?.members.filter((x) => x.participantId !== me) ?? [];
  const place = unit && !unit.remote ? unit.spot || m.tableN(unit.table) : m.onCall;

  return (
    <section class="card dating dating-phone" aria-labelledby="dating">
      <h2 id="dating">{dating.round > 0 ? `${m.dating} · ${m.roundN(dating.round)}` : m.dating}</h2>
      {dating.round === 0 && <p>{m.waitFirstDate}</p>}
      {dating.round > 0 && !unit && <p>{m.noDateThisRound}</p>}
      {unit && (
        <>
          <p class="partner">
            <strong>{m.withPartners(partners.map((x) => x.displayName).join(', '))}</strong> · {place}
          </p>
          {unit.remote &&
            (unit.callUrl ? (
              <a class="button primary" href={unit.callUrl} target="_blank" rel="noreferrer">
                {m.joinCall}
              </a>
            ) : (
              <p>{m.noCallLink}</p>
            ))}
          <Turn
            session={session}
            dating={dating}
            unit={unit}
            me={me}
            onChooseFirst={() => void command.send({ case: 'chooseFirstSpeaker', value: {} })}
          />
          {/* Keyed by round: a new date starts with its own notes. */}
          <NoteEditor
            key={dating.round}
            session={session}
            round={dating.round}
            partners={partners.map((x) => x.displayName).join(', ')}
          />
        </>
      )}
      <Refusal command={command} />
      {dating.speakerPrompt && (
        <details class="dating-rules">
          <summary>{m.rules}</summary>
          <p>{m.rulesText}</p>
          <h3>{m.whatToShare}</h3>
          <p>{dating.speakerPrompt}</p>
          <ul class="stems">
            {dating.listenerStems.map((stem) => (
              <li key={stem}>{stem}</li>
            ))}
          </ul>
        </details>
      )}
      {notes.length > 0 && <AllNotes session={session} notes={notes} />}
    </section>
  );
}

// What this phase asks of me: choose who starts, speak, listen, or (a pair during the trios' third
// turn) write my notes.
function Turn({
  session,
  dating,
  unit,
  me,
  onChooseFirst,
}: {
  session: Session;
  dating: Dating;
  unit: DatingUnit;
  me: number;
  onChooseFirst: () => void;
}) {
  const m = useDatingMessages();
  const name = (id: number) => unit.members.find((x) => x.participantId === id)?.displayName ?? '';
  const first = unit.firstSpeaker;
  if (dating.phase === Dating_Phase.MEETING) {
    return first === 0 ? (
      <div class="dating-now">
        <p>{m.whoFirst}</p>
        <button type="button" class="primary big" onClick={onChooseFirst}>
          {m.iGoFirst}
        </button>
      </div>
    ) : (
      <p class="dating-now">{m.sharesFirst(name(first))}</p>
    );
  }
  if (dating.phase === Dating_Phase.DONE) return <p class="dating-now">{m.dateOver}</p>;
  if (!isSharing(dating.phase)) return null;
  if (unit.speakerNow === 0) return <p class="dating-now">{m.pairDoneWriteNotes}</p>;
  const iSpeak = unit.speakerNow === me;
  const turn = unit.speakers.indexOf(unit.speakerNow) + 1;
  return (
    <div class="dating-now">
      <Deadline
        label={`${m.turnOf(turn, unit.speakers.length)} · ${iSpeak ? m.youSpeakNow : m.nowSpeaks(name(unit.speakerNow))}`}
        endsAtMs={Number(dating.phaseEndsAtMs)}
        clock={session.clock}
      />
      {iSpeak ? (
        <div class="prompt">
          <h3>{m.youSpeakNow}</h3>
          <p>{dating.speakerPrompt}</p>
        </div>
      ) : (
        <div class="prompt">
          <h3>{m.nowSpeaks(name(unit.speakerNow))}</h3>
          <p>{m.listenersAnswer}</p>
          <ul class="stems">
            {dating.listenerStems.map((stem) => (
              <li key={stem}>{stem}</li>
            ))}
          </ul>
        </div>
      )}
      {unit.speakerNext !== 0 && (
        <p class="muted">{unit.speakerNext === me ? m.youSpeakNext : m.nextSpeaks(name(unit.speakerNext))}</p>
      )}
      {unit.speakerDrawn && dating.phase === Dating_Phase.FIRST_SHARING && (
        <p class="muted">
          {m.sharesFirst(name(first))} {m.drawn}
        </p>
      )}
    </div>
  );
}

function NoteEditor({ session, round, partners }: { session: Session; round: number; partners: string }) {
  const m = useDatingMessages();
  const note = session.view.docs(DocKind.DATING_NOTE).find((n) => n.round === round);
  const saved = note?.text ?? '';
  const [text, setText] = useState(saved);
  const timer = useRef<number | undefined>(undefined);
  const save = (value: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => session.connection.submit({ case: 'saveNote', value: { round, text: value } }),
      600,
    );
  };
  const pending = session.connection.outboxSize() > 0 || text !== saved;
  return (
    <div class="notes">
      <label class="field">
        <span>{m.notesOf(round, partners)}</span>
        <small class="muted">{m.notesHint}</small>
        <textarea
          rows={4}
          maxLength={8000}
          value={text}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            save(value);
          }}
        />
        <small role="status">{pending ? m.saving : m.saved}</small>
      </label>
      <p class={note?.shared ? 'note-privacy shared' : 'note-privacy'}>{note?.shared ? m.noteShared : m.notePrivate}</p>
      {note && <ShareNote session={session} round={round} shared={note.shared} />}
    </div>
  );
}

// The checkbox follows the tap at once (the command waits in the outbox when offline); the words
// above it say what the server holds.
function ShareNote({ session, round, shared }: { session: Session; round: number; shared: boolean }) {
  const m = useDatingMessages();
  const [wanted, setWanted] = useState<boolean | undefined>(undefined);
  useEffect(() => setWanted(undefined), [shared]);
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={wanted ?? shared}
        onChange={(e) => {
          const value = e.currentTarget.checked;
          setWanted(value);
          session.connection.submit({ case: 'shareNotes', value: { round, shared: value } });
        }}
      />
      {m.shareThisNote}
    </label>
  );
}

// Every note of this workshop: how many are shared, sharing them all (or none), the download.
function AllNotes({ session, notes }: { session: Session; notes: DatingNote[] }) {
  const m = useDatingMessages();
  const shared = notes.filter((n) => n.shared).length;
  const share = (value: boolean) =>
    session.connection.submit({ case: 'shareNotes', value: { round: 0, shared: value } });
  return (
    <details class="dating-notes">
      <summary>{m.myNotes(notes.length)}</summary>
      <p role="status">{m.sharedCount(shared, notes.length)}</p>
      <div class="buttons">
        {shared < notes.length && (
          <button type="button" onClick={() => share(true)}>
            {m.shareAll}
          </button>
        )}
        {shared > 0 && (
          <button type="button" onClick={() => share(false)}>
            {m.shareNone}
          </button>
        )}
        <button type="button" onClick={() => downloadNotes(m, session.view.doc(DocKind.WORKSHOP)?.title ?? '', notes)}>
          {m.downloadNotes}
        </button>
      </div>
      <ul class="note-list">
        {[...notes]
          .sort((a, b) => a.round - b.round)
          .map((n) => (
            <li key={n.round}>
              <strong>{m.notesOf(n.round, n.partnerNames.join(', '))}</strong>
              {n.shared ? ` · ${m.noteShared}` : ` · ${m.notePrivate}`}
            </li>
          ))}
      </ul>
    </details>
  );
}
