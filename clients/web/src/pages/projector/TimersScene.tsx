import { DocKind, Timer_State } from '../../gen/campana/v1/docs_enums';
import { type Timer } from '../../gen/campana/v1/docs_pb';
import type { Clock } from '../../net/clock';
import type { View } from '../../state/view';
import { Countdown } from '../../ui/Countdown';
import { useProjectorMessages } from './messages';

// The timers, each at least a fifth of the screen's height; those going on first.
export function TimersScene({ view, clock }: { view: View; clock: Clock }) {
  const m = useProjectorMessages();
  const goingOn = (t: Timer) => t.state === Timer_State.RUNNING || t.state === Timer_State.PAUSED;
  const timers = view.docs(DocKind.TIMER).sort((a, b) => Number(goingOn(b)) - Number(goingOn(a)));
  if (timers.length === 0) {
    return (
      <div class="scene scene-timers">
        <p class="scene-note">{m.noTimers}</p>
      </div>
    );
  }
  return (
    <div class="scene scene-timers">
      <ul class="timer-grid" data-fit-list>
        {timers.map((t) => (
          <li key={t.id}>
            <Countdown timer={t} clock={clock} size="huge" />
          </li>
        ))}
      </ul>
    </div>
  );
}
