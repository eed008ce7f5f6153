import { DocKind } from '../../gen/campana/v1/docs_enums';
import { type Groups } from '../../gen/campana/v1/docs_pb';
import { useState } from 'preact/hooks';
import { SetupGroups_Mode } from '../../gen/campana/v1/commands_enums';
import type { Session } from '../../session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { GuardedButton } from '../../ui/GuardedButton';
import { NumberField } from '../../ui/NumberField';
import { type CommandState, Refusal, useCommand } from '../../ui/useCommand';
import { groupChoiceBlock, setupGroupsBlock } from './guards';
import { useConsoleMessages } from './messages';
import { formatTeams, type GroupsProposal, proposalApplied } from './teams';
import { TeamsBuilder } from './TeamsBuilder';

// Groups and teams: the agenda item's proposal in one click, or groups set up by hand; how many
// people each group has; teams built by picking groups.
export function GroupsPanel({ session, proposal }: { session: Session; proposal?: GroupsProposal | undefined }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const groups = session.view.doc(DocKind.GROUPS);
  const people = session.view.docs(DocKind.PARTICIPANT);
  const [mode, setMode] = useState(SetupGroups_Mode.RANDOM);
  const [count, setCount] = useState(4);
  const [size, setSize] = useState(4);
  const [separate, setSeparate] = useState(false);
  const groupCount = groups?.kinds.length ?? 0;
  const form = { mode, count, size, separateRemote: separate };
  const blocked = setupGroupsBlock(
    form,
    people.map((p) => p.presence),
  );
  const setUp = () => void command.send({ case: 'setupGroups', value: form });
  const choiceBlocked = groupChoiceBlock(groupCount);
  const setupForm = (
    <div class="row">
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
      <div class="buttons">
        {groupCount > 0 ? (
          <ConfirmButton
            why={blocked && m.groupsBlocked[blocked]}
            question={m.regroupQuestion}
            yes={m.regroupYes}
            onClick={setUp}
          >
            {m.setUpGroups}
          </ConfirmButton>
        ) : (
          <GuardedButton class="primary" why={blocked && m.groupsBlocked[blocked]} onClick={setUp}>
            {m.setUpGroups}
          </GuardedButton>
        )}
      </div>
    </div>
  );

  return (
    <section class="panel groups-panel" aria-labelledby="groups">
      <h2 id="groups">{m.groups}</h2>
      {proposal && <ProposalBox proposal={proposal} groups={groups} command={command} />}
      {/* With a proposal, setting groups up another way is folded away: the proposal comes first. */}
      {proposal ? (
        <details class="other-setup">
          <summary>{m.otherSetup}</summary>
          {setupForm}
        </details>
      ) : (
        setupForm
      )}
      {groups && groupCount > 0 && (
        <>
          <div class="row group-sizes">
            <p class="muted">
              {m.groupSizes}:{' '}
              {groups.kinds
                .map((_, i) => m.peopleInGroup(i + 1, people.filter((p) => p.group === i + 1).length))
                .join(' · ')}
            </p>
            <GuardedButton
              why={choiceBlocked && m.groupsBlocked[choiceBlocked]}
              onClick={() => void command.send({ case: 'setGroupChoice', value: { open: !groups.choiceOpen } })}
            >
              {groups.choiceOpen ? m.closeChoice : m.openChoice}
            </GuardedButton>
          </div>
          <TeamsBuilder groups={groups} proposal={proposal} command={command} />
        </>
      )}
      <Refusal command={command} />
    </section>
  );
}

// "4 groups, teams A: 1+3, B: 2+4 — Apply": SetupGroups, then DefineTeams. Dealing people out
// again when there are groups already asks first.
function ProposalBox({
  proposal,
  groups,
  command,
}: {
  proposal: GroupsProposal;
  groups: Groups | undefined;
  command: CommandState;
}) {
  const m = useConsoleMessages();
  const applied = proposalApplied(groups, proposal);
  const apply = async () => {
    const dealt = await command.send({
      case: 'setupGroups',
      value: { mode: SetupGroups_Mode.RANDOM, count: proposal.count, size: 0, separateRemote: false },
    });
    if (dealt && proposal.teams.length > 0)
      await command.send({ case: 'defineTeams', value: { teams: proposal.teams } });
  };
  return (
    <div class="proposal" role="group" aria-labelledby="proposal">
      <h3 id="proposal">{m.proposal}</h3>
      <p class="proposal-line">{m.proposalLine(proposal.count, formatTeams(proposal.teams))}</p>
      {applied ? (
        <p role="status" class="applied">
          ✓ {m.proposalApplied}
        </p>
      ) : (groups?.kinds.length ?? 0) > 0 ? (
        <ConfirmButton class="primary" question={m.reapplyQuestion} yes={m.reapplyYes} onClick={() => void apply()}>
          {m.applyProposal}
        </ConfirmButton>
      ) : (
        <button type="button" class="primary" onClick={() => void apply()}>
          {m.applyProposal}
        </button>
      )}
    </div>
  );
}
