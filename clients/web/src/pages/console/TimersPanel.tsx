import { useState } from 'preact/hooks';
import { Scope_Kind } from '../../gen/campana/v1/common_pb';
import { DocKind, Timer_State } from '../../gen/campana/v1/docs_pb';
import type { Messages } from '../../i18n/es';
import { useMessages } from '../../i18n/i18n';
import type { Session } from '../../session';
import { Countdown } from '../../ui/Countdown';
import { NumberField } from '../../ui/NumberField';
import { Refusal, useCommand } from '../../ui/useCommand';

interface ScopeChoice {
  value: string;
  label: string;
  kind: Scope_Kind;
  id: number;
}

function scopeChoices(session: Session, m: Messages): ScopeChoice[] {
  const groups = session.view.doc(DocKind.GROUPS);
  const choices: ScopeChoice[] = [{ value: 'room', label: m.scopeRoom, kind: Scope_Kind.ROOM, id: 0 }];
  for (const team of groups?.teams ?? []) {
    choices.push({ value: `team-${team.id}`, label: m.scopeTeam(team.name), kind: Scope_Kind.TEAM, id: team.id });
  }
  (groups?.kinds ?? []).forEach((_, i) =>
    choices.push({ value: `group-${i + 1}`, label: m.scopeGroup(i + 1), kind: Scope_Kind.GROUP, id: i + 1 }),
  );
  return choices;
}

// Named countdowns for the room, a team or a group, and the bell.
export function TimersPanel({ session }: { session: Session }) {
  const m = useMessages();
  const command = useCommand(session);
  const [name, setName] = useState('');
  const [minutes, setMinutes] = useState(2);
  const [seconds, setSeconds] = useState(0);
  const [scope, setScope] = useState('room');
  const [bellScope, setBellScope] = useState('room');
  const choices = scopeChoices(session, m);
  const pick = (value: string) => choices.find((c) => c.value === value) ?? choices[0]!;

  const create = (event: Event) => {
    event.preventDefault();
    const s = pick(scope);
    void command
      .send({
        case: 'createTimer',
        value: { name: name.trim(), durationMs: (minutes * 60 + seconds) * 1000, scope: { kind: s.kind, id: s.id } },
      })
      .then((ok) => ok && setName(''));
  };

  return (
    <section class="panel" aria-labelledby="timers">
      <h2 id="timers">{m.timers}</h2>
      <ul class="timer-list">
        {session.view.docs(DocKind.TIMER).map((t) => {
          const running = t.state === Timer_State.RUNNING;
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
                <button
                  type="button"
                  aria-label={m.takeThirtyFrom(t.name)}
                  onClick={() => void command.send({ case: 'addTime', value: { timerId: t.id, deltaMs: -30_000 } })}
                >
                  {m.takeThirty}
                </button>
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
      <form class="row" onSubmit={create}>
        <label class="field">
          <span>{m.timerName}</span>
          <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <NumberField label={m.minutes} min={0} max={1440} value={minutes} onChange={setMinutes} />
        <NumberField label={m.seconds} min={0} max={59} value={seconds} onChange={setSeconds} />
        <label class="field">
          <span>{m.scope}</span>
          <select value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{m.create}</button>
      </form>
      <div class="row bell-row">
        <label class="field">
          <span>{m.scope}</span>
          <select
            aria-label={`${m.ringBell}: ${m.scope}`}
            value={bellScope}
            onChange={(e) => setBellScope(e.currentTarget.value)}
          >
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="primary bell-button"
          onClick={() =>
            void command.send({
              case: 'ringBell',
              value: { scope: { kind: pick(bellScope).kind, id: pick(bellScope).id } },
            })
          }
        >
          <svg class="bell-icon" viewBox="0 0 64 64" aria-hidden="true">
            <path d="M32 6c-2 0-4 2-4 4v2c-9 2-14 10-14 19v11l-5 6v2h46v-2l-5-6V31c0-9-5-17-14-19v-2c0-2-2-4-4-4zm-6 50a6 6 0 0 0 12 0z" />
          </svg>
          {m.ringBell}
        </button>
      </div>
      <Refusal command={command} />
    </section>
  );
}
