import { Agenda_Activity } from '../../gen/campana/v1/docs_enums';
import { type Agenda_Item, type Groups } from '../../gen/campana/v1/docs_pb';

// Teams as the console builds them, by picking groups: each group in at most one team.
export type TeamDraft = { name: string; groups: number[] }[];

export interface GroupsProposal {
  count: number;
  teams: TeamDraft;
}

// What a groups item of the agenda proposes (the template's split), if anything.
export function proposalOf(item: Agenda_Item | undefined): GroupsProposal | undefined {
  if (!item || item.activity !== Agenda_Activity.GROUPS || item.groupCount === 0) return undefined;
  return { count: item.groupCount, teams: item.teams.map((t) => ({ name: t.name, groups: [...t.groups] })) };
}

function sorted(groups: readonly number[]): number[] {
  return [...groups].sort((a, b) => a - b);
}

export function sameTeams(a: TeamDraft, b: TeamDraft): boolean {
  return (
    a.length === b.length &&
    a.every((t, i) => t.name === b[i]!.name && sorted(t.groups).join() === sorted(b[i]!.groups).join())
  );
}

// Whether the groups now are those a proposal makes (its count and its teams).
export function proposalApplied(groups: Groups | undefined, proposal: GroupsProposal): boolean {
  if (!groups || groups.kinds.length !== proposal.count) return false;
  return sameTeams(
    groups.teams.map((t) => ({ name: t.name, groups: t.groups })),
    proposal.teams,
  );
}

// "A: 1+3, B: 2+4"
export function formatTeams(teams: TeamDraft): string {
  return teams.map((t) => `${t.name}: ${sorted(t.groups).join('+')}`).join(', ');
}

// The draft to start from: the teams there are (leaving out groups that no longer exist), else
// the proposal's, else two empty teams A and B.
export function initialDraft(groups: Groups | undefined, proposal: GroupsProposal | undefined): TeamDraft {
  const count = groups?.kinds.length ?? 0;
  const keep = (draft: TeamDraft) => draft.map((t) => ({ name: t.name, groups: t.groups.filter((g) => g <= count) }));
  if (groups && groups.teams.length > 0) return keep(groups.teams.map((t) => ({ name: t.name, groups: t.groups })));
  if (proposal && proposal.teams.length > 0) return keep(proposal.teams);
  return [
    { name: 'A', groups: [] },
    { name: 'B', groups: [] },
  ];
}

// Puts a group in a team (taking it out of any other) or takes it out.
export function toggleGroup(draft: TeamDraft, team: number, group: number, on: boolean): TeamDraft {
  return draft.map((t, i) => {
    const without = t.groups.filter((g) => g !== group);
    return { name: t.name, groups: i === team && on ? sorted([...without, group]) : without };
  });
}

// The next free name: A to Z, then 27, 28...
export function nextTeamName(draft: TeamDraft): string {
  const taken = new Set(draft.map((t) => t.name));
  for (let i = 0; ; i++) {
    const name = i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
    if (!taken.has(name)) return name;
  }
}

export function addTeam(draft: TeamDraft): TeamDraft {
  return [...draft, { name: nextTeamName(draft), groups: [] }];
}

export function removeTeam(draft: TeamDraft, team: number): TeamDraft {
  return draft.filter((_, i) => i !== team);
}
