import { Presence } from '../../gen/campana/v1/common_enums';
import { SetupGroups_Mode } from '../../gen/campana/v1/commands_enums';
import { Timer_State } from '../../gen/campana/v1/docs_enums';
import { type Agenda, type Timer } from '../../gen/campana/v1/docs_pb';
import type { TeamDraft } from './teams';

// Why the server would refuse a console command now (server/domain/agenda.cc, groups.cc,
// timers.cc), or undefined when it would take it. The buttons are off with the reason.

export type AgendaBlock = 'atStart' | 'atEnd';

export function previousBlock(agenda: Agenda): AgendaBlock | undefined {
  return agenda.current < 0 ? 'atStart' : undefined;
}

export function nextBlock(agenda: Agenda): AgendaBlock | undefined {
  return agenda.current >= agenda.items.length - 1 ? 'atEnd' : undefined;
}

export type GroupsBlock = 'nobodyYet' | 'badCount' | 'badSize' | 'separateNeedsTwo' | 'noGroups';

// The server's limit on groups (kMaxGroups) and teams (kMaxTeams).
export const maxGroups = 1000;
export const maxTeams = 100;

export interface GroupsForm {
  mode: SetupGroups_Mode;
  count: number;
  size: number;
  separateRemote: boolean;
}

export function setupGroupsBlock(form: GroupsForm, presences: Presence[]): GroupsBlock | undefined {
  const remote = presences.filter((p) => p === Presence.REMOTE).length;
  const inRoom = presences.length - remote;
  if (form.mode === SetupGroups_Mode.BY_SIZE) {
    if (!(form.size >= 1)) return 'badSize';
    if (presences.length === 0) return 'nobodyYet';
    return undefined;
  }
  if (!Number.isInteger(form.count) || form.count < 1 || form.count > maxGroups) return 'badCount';
  if (form.separateRemote && inRoom > 0 && remote > 0 && form.count < 2) return 'separateNeedsTwo';
  return undefined;
}

export function groupChoiceBlock(groupCount: number): GroupsBlock | undefined {
  return groupCount === 0 ? 'noGroups' : undefined;
}

export type TeamsBlock = { kind: 'noGroups' } | { kind: 'emptyTeam'; team: string } | { kind: 'tooMany' };

export function defineTeamsBlock(draft: TeamDraft, groupCount: number): TeamsBlock | undefined {
  if (groupCount === 0) return { kind: 'noGroups' };
  if (draft.length > maxTeams) return { kind: 'tooMany' };
  const empty = draft.find((t) => t.groups.length === 0);
  if (empty) return { kind: 'emptyTeam', team: empty.name };
  return undefined;
}

export type TimerBlock = 'noName' | 'badDuration' | 'tooMany' | 'runOut';

// The server's limits on timers (kMaxTimers, kMaxTimerDuration).
export const maxTimers = 200;
const maxTimerMs = 24 * 60 * 60 * 1000;

export function createTimerBlock(name: string, durationMs: number, timers: number): TimerBlock | undefined {
  if (timers >= maxTimers) return 'tooMany';
  if (name.trim() === '') return 'noName';
  if (!(durationMs >= 1000 && durationMs <= maxTimerMs)) return 'badDuration';
  return undefined;
}

// Taking time off a timer that has run out is refused (adding starts it again).
export function takeTimeBlock(timer: Timer): TimerBlock | undefined {
  return timer.state === Timer_State.EXPIRED ? 'runOut' : undefined;
}
