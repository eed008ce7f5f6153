import { Scope_Kind } from '../../gen/campana/v1/common_enums';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { Session } from '../../session';
import type { useConsoleMessages } from './messages';

export interface ScopeChoice {
  value: string;
  label: string;
  kind: Scope_Kind;
  id: number;
}

// Whom a timer or the bell is for: the room, a team, a group.
export function scopeChoices(session: Session, m: ReturnType<typeof useConsoleMessages>): ScopeChoice[] {
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

export function pickScope(choices: ScopeChoice[], value: string): ScopeChoice {
  return choices.find((c) => c.value === value) ?? choices[0]!;
}
