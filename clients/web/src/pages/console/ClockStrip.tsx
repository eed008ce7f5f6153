import { useState } from 'preact/hooks';
import { DocKind, Timer_State } from '../../gen/campana/v1/docs_enums';
import type { Session } from '../../session';
import { Countdown } from '../../ui/Countdown';
import { Refusal, useCommand } from '../../ui/useCommand';
import { useConsoleMessages } from './messages';
import { ScopeSelect } from './ScopeSelect';
import { pickScope, scopeChoices } from './scopes';

// Under the current item's controls: the bell, for the room, a team or a group, and the timers
// that are running or paused (their controls are in the Timers panel).
export function ClockStrip({ session }: { session: Session }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const [bellScope, setBellScope] = useState('room');
  const choices = scopeChoices(session, m);
  const going = session.view
    .docs(DocKind.TIMER)
    .filter((t) => t.state === Timer_State.RUNNING || t.state === Timer_State.PAUSED);
  const ring = () => {
    const s = pickScope(choices, bellScope);
    void command.send({ case: 'ringBell', value: { scope: { kind: s.kind, id: s.id } } });
  };
  return (
    <section class="clock-strip" aria-label={m.ringBell}>
      <div class="bell-row">
        <ScopeSelect label={m.bellFor} choices={choices} value={bellScope} onChange={setBellScope} />
        <button type="button" class="primary bell-button" onClick={ring}>
          <svg class="bell-icon" viewBox="0 0 64 64" aria-hidden="true">
            <path d="M32 6c-2 0-4 2-4 4v2c-9 2-14 10-14 19v11l-5 6v2h46v-2l-5-6V31c0-9-5-17-14-19v-2c0-2-2-4-4-4zm-6 50a6 6 0 0 0 12 0z" />
          </svg>
          {m.ringBell}
        </button>
      </div>
      {going.length > 0 && (
        <ul class="running-timers" aria-label={m.runningTimers}>
          {going.map((t) => (
            <li key={t.id}>
              <Countdown timer={t} clock={session.clock} />
            </li>
          ))}
        </ul>
      )}
      <Refusal command={command} />
    </section>
  );
}
