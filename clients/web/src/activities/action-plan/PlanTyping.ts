import type { ActionPlan_Editor } from '../../gen/campana/v1/action_plan_pb';

export interface TypingWords {
  planIsTyping: (names: string) => string;
  planAreTyping: (names: string) => string;
  planFacilitatorsTyping: string;
  planFacilitatorsName: string;
  planAnd: string;
}

// "Beto está escribiendo…" under a field: who else is editing it, by name; the facilitators
// (participant 0, who share one marker) without a name, last. '' when nobody is.
export function typingText(editors: readonly ActionPlan_Editor[], words: TypingWords): string {
  const names = editors.filter((e) => e.participantId !== 0).map((e) => e.name || '?');
  const facilitators = editors.some((e) => e.participantId === 0);
  if (names.length === 0) return facilitators ? words.planFacilitatorsTyping : '';
  const all = facilitators ? [...names, words.planFacilitatorsName] : names;
  if (all.length === 1) return words.planIsTyping(all[0]!);
  const list = `${all.slice(0, -1).join(', ')} ${words.planAnd} ${all[all.length - 1]!}`;
  return words.planAreTyping(list);
}

// A list of names in words: "Ana", "Ana y Beto", "Ana, Beto y Carla".
export function namesText(names: readonly string[], and: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]!}`;
}
