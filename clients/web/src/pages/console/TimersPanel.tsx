import { useState } from 'preact/hooks';
import { DocKind, Timer_State } from '../../gen/campana/v1/docs_enums';
import type { Session } from '../../session';
import { Countdown } from '../../ui/Countdown';
import { GuardedButton } from '../../ui/GuardedButton';
import { NumberField } from '../../ui/NumberField';
import { Refusal, useCommand } from '../../ui/useCommand';
import { createTimerBlock, takeTimeBlock } from './guards';
import { useConsoleMessages } from './messages';
import { ScopeSelect } from './ScopeSelect';
import { pickScope, scopeChoices } from './scopes';

// Named countdowns for the room, a team or a group: each with its controls, and a new one.
export function TimersPanel({ session }: { session: Session }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const [name, setName] = useState('');
  const [minutes, setMinutes] = useState(2);
  const [seconds, setSeconds] = useState(0);
  const [scope, setScope] = useState('room');
  const choices = scopeChoices(session, m);
  const timers = session.view.docs(DocKind.TIMER);
  const durationMs = (minutes * 60 + seconds) * 1000;
  const blocked = createTimerBlock(name, durationMs, timers.length);

  const create = () => {
    const s = pickScope(choices, scope);
    void command
      .send({ case: 'createTimer', value: { name: name.trim(), durationMs, scope: { kind: s.kind, id: s.id } } })
      .then((ok) => ok && setName(''));
  };

  return (
    <section class="panel" aria-labelledby="timers">
      <h2 id="timers">{m.timers}</h2>
      <ul class="timer-list">
        {timers.map((t) => {
          const running = t.state === Timer_State.RUNNING;
          const takeBlocked = takeTimeBlock(t);
          return (
            <li key={t.id}>
              <Countdown timer={t} clock={session.clock} />
              <div class="buttons">
                {running ? (
                  <button
                    type="button"
                    aria-label={m.actionOn(m.pause, t.name)}
                    onClick={() => void command.send({ case: 'pauseTimer', value: { timerId: t.id } })}
                  >
                    {m.pause}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="primary"
                    aria-label={m.actionOn(t.state === Timer_State.PAUSED ? m.resume : m.start, t.name)}
                    onClick={() => void command.send({ case: 'startTimer', value: { timerId: t.id } })}
                  >
                    {t.state === Timer_State.PAUSED ? m.resume : m.start}
                  </button>
                )}
                <button
                  type="button"
                  aria-label={m.addMinuteTo(t.name)}
                  onClick={() => void command.send({ case: 'addTime', value: { timerId: t.id, deltaMs: 60_000 } })}
                >
                  {m.addMinute}
                </button>
                <GuardedButton
                  label={m.takeThirtyFrom(t.name)}
                  why={takeBlocked && m.timerBlocked[takeBlocked]}
                  onClick={() => void command.send({ case: 'addTime', value: { timerId: t.id, deltaMs: -30_000 } })}
                >
                  {m.takeThirty}
                </GuardedButton>
                <button
                  type="button"
                  aria-label={m.actionOn(m.reset, t.name)}
                  onClick={() => void command.send({ case: 'resetTimer', value: { timerId: t.id } })}
                >
                  {m.reset}
                </button>
                <button
                  type="button"
                  class="danger"
                  aria-label={m.actionOn(m.delete, t.name)}
                  onClick={() => void command.send({ case: 'deleteTimer', value: { timerId: t.id } })}
                >
                  {m.delete}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div class="row">
        <label class="field">
          <span>{m.timerName}</span>
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <NumberField label={m.minutes} min={0} max={1440} value={minutes} onChange={setMinutes} />
        <NumberField label={m.seconds} min={0} max={59} value={seconds} onChange={setSeconds} />
        <ScopeSelect label={m.scope} choices={choices} value={scope} onChange={setScope} />
        <div class="buttons">
          <GuardedButton why={blocked && m.timerBlocked[blocked]} onClick={create}>
            {m.create}
          </GuardedButton>
        </div>
      </div>
      <Refusal command={command} />
    </section>
  );
}
