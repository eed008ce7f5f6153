import type { ScopeChoice } from './scopes';

// Whom a timer or a bell is for: the room, a group or a team, as a labelled select.
export function ScopeSelect({
  label,
  choices,
  value,
  onChange,
}: {
  label: string;
  choices: ScopeChoice[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
