import { DocKind } from '../../gen/campana/v1/docs_pb';
import { useState } from 'preact/hooks';
import { SetupGroups_Mode } from '../../gen/campana/v1/commands_pb';
import { useMessages } from '../../i18n/i18n';
import type { Session } from '../../session';
import { NumberField } from '../../ui/NumberField';
import { Refusal, useCommand } from '../../ui/useCommand';

// "A: 1, 3; B: 2, 4" -> teams.
export function parseTeams(text: string): { name: string; groups: number[] }[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name = '', list = ''] = part.split(':');
      return {
        name: name.trim(),
        groups: list
          .split(',')
          .map((g) => Number(g.trim()))
          .filter((g) => g > 0),
      };
    });
}

export function GroupsPanel({ session }: { session: Session }) {
  const m = useMessages();
  const command = useCommand(session);
  const groups = session.view.doc(DocKind.GROUPS);
  const [mode, setMode] = useState(SetupGroups_Mode.RANDOM);
  const [count, setCount] = useState(4);
  const [size, setSize] = useState(4);
  const [separate, setSeparate] = useState(false);
  const [teams, setTeams] = useState('');

  const setUp = (event: Event) => {
    event.preventDefault();
    void command.send({ case: 'setupGroups', value: { mode, count, size, separateRemote: separate } });
  };

  return (
    <section class="panel" aria-labelledby="groups">
      <h2 id="groups">{m.groups}</h2>
      <form class="row" onSubmit={setUp}>
        <label class="field">
          <span>{m.mode}</span>
          <select value={mode} onChange={(e) => setMode(Number(e.currentTarget.value))}>
            <option value={SetupGroups_Mode.RANDOM}>{m.modeRandom}</option>
            <option value={SetupGroups_Mode.BY_SIZE}>{m.modeBySize}</option>
            <option value={SetupGroups_Mode.CHOOSE}>{m.modeChoose}</option>
            <option value={SetupGroups_Mode.MANUAL}>{m.modeManual}</option>
          </select>
        </label>
        {mode === SetupGroups_Mode.BY_SIZE ? (
          <NumberField label={m.size} min={1} max={1000} value={size} onChange={setSize} />
        ) : (
          <NumberField label={m.howMany} min={1} max={1000} value={count} onChange={setCount} />
        )}
        <label class="check">
          <input type="checkbox" checked={separate} onChange={(e) => setSeparate(e.currentTarget.checked)} />
          {m.separateRemote}
        </label>
        <button type="submit" class="primary">
          {m.setUpGroups}
        </button>
      </form>
      {groups && groups.kinds.length > 0 && (
        <>
          <button
            type="button"
            onClick={() => void command.send({ case: 'setGroupChoice', value: { open: !groups.choiceOpen } })}
          >
            {groups.choiceOpen ? m.closeChoice : m.openChoice}
          </button>
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              void command.send({ case: 'defineTeams', value: { teams: parseTeams(teams) } });
            }}
          >
            <label class="field wide">
              <span>{m.teams}</span>
              <input placeholder={m.teamsHint} value={teams} onInput={(e) => setTeams(e.currentTarget.value)} />
            </label>
            <button type="submit">{m.defineTeams}</button>
          </form>
          {groups.teams.length > 0 && (
            <p class="muted">{groups.teams.map((t) => `${m.team(t.name)}: ${t.groups.join(', ')}`).join(' · ')}</p>
          )}
        </>
      )}
      <Refusal command={command} />
    </section>
  );
}
