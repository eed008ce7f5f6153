// A small labelled number input, for counts and durations on the console.
export function NumberField({
  label,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label class="field small">
      <span>{label}</span>
      <input type="number" min={min} max={max} value={value} onInput={(e) => onChange(Number(e.currentTarget.value))} />
    </label>
  );
}
