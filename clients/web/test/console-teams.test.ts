import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { Agenda_Activity, Groups_Kind } from '../src/gen/campana/v1/docs_enums';
import { Agenda_ItemSchema, GroupsSchema } from '../src/gen/campana/v1/docs_pb';
import {
  addTeam,
  formatTeams,
  initialDraft,
  nextTeamName,
  proposalApplied,
  proposalOf,
  removeTeam,
  toggleGroup,
} from '../src/pages/console/teams';

const groupsItem = create(Agenda_ItemSchema, {
  title: 'Grupos y equipos',
  activity: Agenda_Activity.GROUPS,
  groupCount: 4,
  teams: [
    { name: 'A', groups: [1, 3] },
    { name: 'B', groups: [2, 4] },
  ],
});
const groups = (count: number, teams: { id: number; name: string; groups: number[] }[] = []) =>
  create(GroupsSchema, { kinds: Array.from({ length: count }, () => Groups_Kind.MIXED), teams });

describe('the groups an agenda item proposes', () => {
  it('is read from a groups item only', () => {
    expect(proposalOf(groupsItem)).toEqual({
      count: 4,
      teams: [
        { name: 'A', groups: [1, 3] },
        { name: 'B', groups: [2, 4] },
      ],
    });
    expect(proposalOf(create(Agenda_ItemSchema, { activity: Agenda_Activity.GROUPS }))).toBeUndefined();
    expect(proposalOf(create(Agenda_ItemSchema, { activity: Agenda_Activity.RACE, groupCount: 4 }))).toBeUndefined();
    expect(proposalOf(undefined)).toBeUndefined();
  });

  it('is applied when the count and the teams are the same, in any order of groups', () => {
    const proposal = proposalOf(groupsItem)!;
    expect(formatTeams(proposal.teams)).toBe('A: 1+3, B: 2+4');
    expect(proposalApplied(undefined, proposal)).toBe(false);
    expect(proposalApplied(groups(4), proposal)).toBe(false);
    const same = [
      { id: 1, name: 'A', groups: [3, 1] },
      { id: 2, name: 'B', groups: [2, 4] },
    ];
    expect(proposalApplied(groups(4, same), proposal)).toBe(true);
    expect(proposalApplied(groups(5, same), proposal)).toBe(false);
    expect(proposalApplied(groups(4, [same[0]!, { id: 2, name: 'B', groups: [2] }]), proposal)).toBe(false);
  });
});

describe('teams built by ticking groups', () => {
  it('start from the saved teams, else the proposal, else A and B empty', () => {
    const saved = groups(3, [{ id: 1, name: 'Rojo', groups: [1, 2, 5] }]);
    expect(initialDraft(saved, proposalOf(groupsItem))).toEqual([{ name: 'Rojo', groups: [1, 2] }]);
    expect(initialDraft(groups(4), proposalOf(groupsItem))).toEqual([
      { name: 'A', groups: [1, 3] },
      { name: 'B', groups: [2, 4] },
    ]);
    expect(initialDraft(groups(2), undefined)).toEqual([
      { name: 'A', groups: [] },
      { name: 'B', groups: [] },
    ]);
  });

  it('ticking a group in one team takes it out of the other', () => {
    let draft = initialDraft(groups(4), proposalOf(groupsItem));
    draft = toggleGroup(draft, 0, 2, true);
    expect(draft).toEqual([
      { name: 'A', groups: [1, 2, 3] },
      { name: 'B', groups: [4] },
    ]);
    draft = toggleGroup(draft, 0, 3, false);
    expect(formatTeams(draft)).toBe('A: 1+2, B: 4');
  });

  it('adds the next free letter, and removes a team', () => {
    let draft = addTeam(initialDraft(groups(2), undefined));
    expect(draft.map((t) => t.name)).toEqual(['A', 'B', 'C']);
    draft = removeTeam(draft, 0);
    expect(nextTeamName(draft)).toBe('A');
    const many = Array.from({ length: 26 }, (_, i) => ({ name: String.fromCharCode(65 + i), groups: [] }));
    expect(nextTeamName(many)).toBe('27');
  });
});
