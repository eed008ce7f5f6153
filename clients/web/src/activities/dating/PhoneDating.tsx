import { DocKind } from '../../gen/campana/v1/docs_pb';
import { useRef, useState } from 'preact/hooks';
import { Dating_Phase } from '../../gen/campana/v1/dating_pb';
import { useDatingMessages } from './messages';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import { Deadline } from '../../ui/Clocks';
import { downloadNotes } from './notes';

// One participant's speed dating: who, where, who shares first, the prompt or the stems, and
// private notes saved as they are typed (through the outbox, so a dropped connection loses
// nothing).
export function PhoneDating({ session, me }: { session: Session; me: number }) {
  const m = useDatingMessages();
  const command = useCommand(session);
  const dating = session.view.doc(DocKind.DATING);
  const unit = session.view.docs(DocKind.DATING_UNIT).find((u) => dating && u.round === dating.round);
  const notes = session.view.docs(DocKind.DATING_NOTE);
  if (!dating) return null;
  const names = (ids: number[]) =>
    unit?.members
      .filter((x) => ids.includes(x.participantId))
      .map((x) => x.displayName)
      .join(', ') ?? '';
  const partners = unit?.members.filter((x) => x.participantId !== me) ?? [];
  const first = unit?.firstSpeaker ?? 0;
  const speaking =
    dating.phase === Dating_Phase.FIRST_SHARING
      ? [first]
      : dating.phase === Dating_Phase.SECOND_SHARING
        ? (unit?.members.map((x) => x.participantId).filter((x) => x !== first) ?? [])
        : [];
  const iSpeak = speaking.includes(me);

  const chooseFirst = () => void command.send({ case: 'chooseFirstSpeaker', value: {} });

  return (
    <section class="card dating" aria-labelledby="dating">
      <h2 id="dating">{dating.round > 0 ? `${m.dating} · ${m.roundN(dating.round)}` : m.dating}</h2>
      {dating.round === 0 && <p>{m.waitFirstDate}</p>}
      {dating.round > 0 && !unit && <p>{m.noDateThisRound}</p>}
      {unit && (
        <>
          <p class="partner">
            <strong>{m.withPartners(partners.map((x) => x.displayName).join(', '))}</strong>
          </p>
          {unit.remote ? (
            <p>
              {m.onCall} ·{' '}
              {unit.callUrl ? (
                <a class="button primary" href={unit.callUrl} target="_blank" rel="noreferrer">
                  {m.joinCall}
                </a>
              ) : (
                m.noCallLink
              )}
            </p>
          ) : (
            <p class="badge">{unit.spot || m.tableN(unit.table)}</p>
          )}
          {dating.phase === Dating_Phase.MEETING &&
            (first === 0 ? (
              <div>
                <p>{m.whoFirst}</p>
                <button type="button" class="primary big" onClick={chooseFirst}>
                  {m.iGoFirst}
                </button>
              </div>
            ) : (
              <p>{m.sharesFirst(names([first]))}</p>
            ))}
          {speaking.length > 0 && (
            <>
              <Deadline
                label={m.nowSharing(names(speaking))}
                endsAtMs={Number(dating.phaseEndsAtMs)}
                clock={session.clock}
              />
              {unit.speakerDrawn && dating.phase === Dating_Phase.FIRST_SHARING && (
                <p class="muted">
                  {m.sharesFirst(names([first]))} {m.drawn}
                </p>
              )}
              {iSpeak ? (
                <div class="prompt">
                  <h3>{m.youShare}</h3>
                  <p>{dating.speakerPrompt}</p>
                </div>
              ) : (
                <div class="prompt">
                  <h3>{m.youListen}</h3>
                  <ul class="stems">
                    {dating.listenerStems.map((stem) => (
                      <li key={stem}>{stem}</li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          )}
          {dating.phase === Dating_Phase.DONE && <p>{m.dateOver}</p>}
          {/* Keyed by round: a new date starts with its own notes. */}
          <NoteEditor
            key={dating.round}
            session={session}
            round={dating.round}
            partners={partners.map((x) => x.displayName).join(', ')}
          />
        </>
      )}
      {notes.length > 0 && (
        <button type="button" onClick={() => downloadNotes(m, session.view.doc(DocKind.WORKSHOP)?.title ?? '', notes)}>
          {m.downloadNotes}
        </button>
      )}
      <Refusal command={command} />
    </section>
  );
}

function NoteEditor({ session, round, partners }: { session: Session; round: number; partners: string }) {
  const m = useDatingMessages();
  const saved = session.view.docs(DocKind.DATING_NOTE).find((n) => n.round === round)?.text ?? '';
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
    <label class="field notes">
      <span>{m.notesOf(round, partners)}</span>
      <small class="muted">{m.notesHint}</small>
      <textarea
        rows={5}
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
  );
}
