import { DocKind } from '../../gen/campana/v1/docs_pb';
import { Dating_Phase } from '../../gen/campana/v1/dating_pb';
import { useDatingMessages } from './messages';
import type { Session } from '../../session';
import { Deadline } from '../../ui/Clocks';

// The round, its countdown and every pair, large enough for the back of a room of 50.
export function ScreenDating({ session }: { session: Session }) {
  const m = useDatingMessages();
  const dating = session.view.doc(DocKind.DATING);
  if (!dating || dating.round === 0) return null;
  const units = session.view.docs(DocKind.DATING_UNIT).filter((u) => u.round === dating.round);
  const sharing = dating.phase === Dating_Phase.FIRST_SHARING || dating.phase === Dating_Phase.SECOND_SHARING;
  return (
    <section class="screen-dating" aria-label={m.dating}>
      <div class="dating-head">
        <h2>{m.roundN(dating.round)}</h2>
        {sharing && <Deadline label={m.dating} endsAtMs={Number(dating.phaseEndsAtMs)} clock={session.clock} />}
        {dating.phase === Dating_Phase.MEETING && <p>{m.phaseMeeting}</p>}
      </div>
      <ul class="pairs" data-fit-list>
        {units.map((u) => (
          <li key={u.unit}>
            <span class="said name">{u.members.map((x) => x.displayName).join(' – ')}</span>
            <span class="place">{u.remote ? m.onCall : u.spot || m.tableN(u.table)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
