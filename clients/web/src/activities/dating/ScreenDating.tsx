import { DocKind } from '../../gen/campana/v1/docs_enums';
import { Dating_Phase } from '../../gen/campana/v1/dating_enums';
import { useDatingMessages } from './messages';
import type { Session } from '../../session';
import { Deadline } from '../../ui/Clocks';
import { sharingPhases } from './phases';
import './dating.css';

// The projector's speed dating, read from the back of the room: the date and its phase, whose turn
// it is by role (first, second, third speaker; never a list of names) and the listeners' stems,
// big. The root fills its parent (the projector's scene frame) and never scrolls.
export function ScreenDating({ session }: { session: Session }) {
  const m = useDatingMessages();
  const dating = session.view.doc(DocKind.DATING);
  if (!dating || dating.round === 0) return null;
  const turn = sharingPhases.indexOf(dating.phase);
  return (
    <section class="screen-dating" aria-label={m.dating}>
      <h2 class="screen-dating-title">
        {m.dating} · {m.roundN(dating.round)}
      </h2>
      {turn >= 0 && (
        // Who speaks and the time left on one side, big; what the listeners say on the other.
        <div class="screen-dating-sharing">
          <div class="screen-dating-now">
            <Deadline
              label={m.screenSpeaker[turn] ?? m.dating}
              endsAtMs={Number(dating.phaseEndsAtMs)}
              clock={session.clock}
            />
            <p class="screen-dating-turn">{m.screenSpeaker[turn]}</p>
          </div>
          <div class="screen-dating-listen">
            {dating.phase === Dating_Phase.THIRD_SHARING && <p class="screen-dating-aside">{m.screenPairsWrite}</p>}
            <p class="screen-dating-aside">{m.screenListeners}</p>
            <ul class="screen-dating-stems">
              {dating.listenerStems.map((stem) => (
                <li key={stem}>{stem}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {dating.phase === Dating_Phase.MEETING && <p class="screen-dating-turn">{m.screenMeeting}</p>}
      {dating.phase === Dating_Phase.DONE && <p class="screen-dating-turn">{m.screenDone}</p>}
    </section>
  );
}
