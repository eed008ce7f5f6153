import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useEffect, useState } from 'preact/hooks';
import { Dating_Phase } from '../../gen/campana/v1/dating_enums';
import { useDatingMessages } from './messages';
import type { Session } from '../../session';
import { Deadline } from '../../ui/Clocks';
import { GuardedButton } from '../../ui/GuardedButton';
import { Refusal, useCommand } from '../../ui/useCommand';
import { useDatingConsoleMessages } from './consoleMessages';
import { endDateBlock, newDateBlock, nextSpeakerBlock, startSharingBlock } from './guards';
import { isSharing } from './phases';
import { TablesForm } from './TablesForm';
import './dating.css';

export function ConsoleDating({ session }: { session: Session }) {
  const m = useDatingMessages();
  const c = useDatingConsoleMessages();
  const command = useCommand(session);
  const dating = session.view.doc(DocKind.DATING);
  // The form follows the options as saved (by this console or another one).
  const savedUrl = dating?.callUrlTemplate ?? '';
  const savedAvoid = dating?.avoidSameGroup ?? false;
  const [url, setUrl] = useState(savedUrl);
  const [avoid, setAvoid] = useState(savedAvoid);
  useEffect(() => {
    setUrl(savedUrl);
    setAvoid(savedAvoid);
  }, [savedUrl, savedAvoid]);
  if (!dating) return null;
  const units = session.view.docs(DocKind.DATING_UNIT).filter((u) => u.round === dating.round);
  const paired = new Set(units.flatMap((u) => u.members.map((x) => x.participantId)));
  const waiting =
    dating.round > 0 ? session.view.docs(DocKind.PARTICIPANT).filter((p) => p.connected && !paired.has(p.id)) : [];
  const sharing = isSharing(dating.phase);
  const hasTrio = units.some((u) => u.members.length >= 3);
  const connected = session.view.docs(DocKind.PARTICIPANT).filter((p) => p.connected).length;
  const why = (block: keyof typeof c.datingBlocked | undefined) => (block ? c.datingBlocked[block] : undefined);
  return (
    <section class="panel" aria-labelledby="console-dating">
      <h2 id="console-dating">
        {m.dating}
        {dating.round > 0 && ` · ${m.roundN(dating.round)}`}
      </h2>
      {sharing && <Deadline label={m.dating} endsAtMs={Number(dating.phaseEndsAtMs)} clock={session.clock} />}
      <div class="buttons">
        <GuardedButton
          class="primary"
          why={why(newDateBlock(connected))}
          onClick={() => void command.send({ case: 'startDatingRound', value: {} })}
        >
          {m.newDate}
        </GuardedButton>
        <GuardedButton
          why={why(startSharingBlock(dating))}
          onClick={() => void command.send({ case: 'startSharing', value: {} })}
        >
          {m.bellStartSharing}
        </GuardedButton>
        <GuardedButton
          why={why(nextSpeakerBlock(dating, hasTrio))}
          onClick={() => void command.send({ case: 'swapSpeakers', value: {} })}
        >
          {dating.phase === Dating_Phase.SECOND_SHARING ? m.bellThirdSpeaker : m.bellNextSpeaker}
        </GuardedButton>
        <GuardedButton
          why={why(endDateBlock(dating))}
          onClick={() => void command.send({ case: 'endDate', value: {} })}
        >
          {m.bellEndDate}
        </GuardedButton>
      </div>
      <ul class="pairs small">
        {units.map((u) => (
          <li key={u.unit}>
            {u.members.map((x) => x.displayName).join(' – ')} · {u.remote ? m.onCall : u.spot || m.tableN(u.table)}
          </li>
        ))}
      </ul>
      {dating.round > 0 && (
        <div>
          <h3>{m.withoutPartner}</h3>
          {waiting.length === 0 ? (
            <p class="muted">{m.nobodyWithoutPartner}</p>
          ) : (
            <>
              <p>{waiting.map((p) => p.displayName).join(', ')}</p>
              <button type="button" onClick={() => void command.send({ case: 'pairLateJoiners', value: {} })}>
                {m.pairLate}
              </button>
            </>
          )}
        </div>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void command.send({
            case: 'setDatingOptions',
            value: { callUrlTemplate: url.trim(), avoidSameGroup: avoid },
          });
        }}
      >
        <label class="field wide">
          <span>{m.callTemplate}</span>
          <input value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" checked={avoid} onChange={(e) => setAvoid(e.currentTarget.checked)} />
          {m.avoidSameGroup}
        </label>
        <button type="submit">{m.saveOptions}</button>
      </form>
      <TablesForm session={session} dating={dating} />
      <p class="muted">{m.notesPrivacy}</p>
      <Refusal command={command} />
    </section>
  );
}
