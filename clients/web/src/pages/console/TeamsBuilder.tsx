import { useEffect, useState } from 'preact/hooks';
import type { Groups } from '../../gen/campana/v1/docs_pb';
import { GuardedButton } from '../../ui/GuardedButton';
import type { CommandState } from '../../ui/useCommand';
import { defineTeamsBlock, type TeamsBlock } from './guards';
import { useConsoleMessages } from './messages';
import { addTeam, formatTeams, type GroupsProposal, initialDraft, removeTeam, toggleGroup } from './teams';

// Teams built by picking groups: a row per team with a box per group; ticking a group in one
// team takes it out of another (the server refuses a group in two teams). Nothing is typed.
export function TeamsBuilder({
  groups,
  proposal,
  command,
}: {
  groups: Groups;
  proposal: GroupsProposal | undefined;
  command: CommandState;
}) {
  const m = useConsoleMessages();
  const count = groups.kinds.length;
  // The draft follows the teams as saved (by this console or another one) and the groups there are.
  const saved = `${count}|${formatTeams(groups.teams)}`;
  const [draft, setDraft] = useState(() => initialDraft(groups, proposal));
  useEffect(() => {
    setDraft(initialDraft(groups, proposal));
    // Only a change of the saved teams or the number of groups resets the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);
  const blocked = defineTeamsBlock(draft, count);
  const current = groups.teams.map((t) => ({ name: t.name, groups: t.groups }));

  return (
    <fieldset class="teams-builder">
      <legend>{m.teamsPick}</legend>
      {draft.map((team, i) => (
        <div key={team.name} class="team-row" role="group" aria-label={m.team(team.name)}>
          <span class="team-name" aria-hidden="true">
            {m.team(team.name)}
          </span>
          <span class="chips">
            {Array.from({ length: count }, (_, g) => g + 1).map((group) => (
              <label key={group} class="chip">
                <input
                  type="checkbox"
                  checked={team.groups.includes(group)}
                  onChange={(e) => setDraft(toggleGroup(draft, i, group, e.currentTarget.checked))}
                />
                <span class="visually-hidden">{m.groupInTeam(group, team.name)}</span>
                <span aria-hidden="true">{group}</span>
              </label>
            ))}
          </span>
          <button
            type="button"
            class="link"
            aria-label={m.removeTeam(team.name)}
            onClick={() => setDraft(removeTeam(draft, i))}
          >
            ✕
          </button>
        </div>
      ))}
      <div class="buttons">
        <button type="button" onClick={() => setDraft(addTeam(draft))}>
          + {m.addTeam}
        </button>
        <GuardedButton
          class="primary"
          why={blocked && teamsReason(m, blocked)}
          onClick={() => void command.send({ case: 'defineTeams', value: { teams: draft } })}
        >
          {m.defineTeams}
        </GuardedButton>
      </div>
      <p class="muted">{current.length > 0 ? m.teamsNow(formatTeams(current)) : m.noTeamsYet}</p>
    </fieldset>
  );
}

function teamsReason(m: ReturnType<typeof useConsoleMessages>, block: TeamsBlock): string {
  switch (block.kind) {
    case 'emptyTeam':
      return m.teamsBlocked.emptyTeam(block.team);
    case 'noGroups':
      return m.teamsBlocked.noGroups;
    case 'tooMany':
      return m.teamsBlocked.tooMany;
  }
}
