import { useEffect, useState } from 'preact/hooks';
import type { Dating } from '../../gen/campana/v1/dating_pb';
import { useDatingMessages } from './messages';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';

type Mode = 'perUnit' | 'count' | 'names';

// The room's tables, as the facilitator knows them: one per pair (numbered), a number of tables,
// or their names one per line. In-room pairs are spread over them evenly from the next date on.
export function TablesForm({ session, dating }: { session: Session; dating: Dating }) {
  const m = useDatingMessages();
  const command = useCommand(session);
  const savedNames = dating.tables?.names ?? [];
  const savedCount = dating.tables?.count ?? 0;
  const savedMode: Mode = savedNames.length > 0 ? 'names' : savedCount > 0 ? 'count' : 'perUnit';
  const [mode, setMode] = useState<Mode>(savedMode);
  const [count, setCount] = useState(savedCount || 10);
  const [names, setNames] = useState(savedNames.join('\n'));
  // The form follows the tables as saved (by this console or another one).
  const savedKey = `${savedMode}|${savedCount}|${savedNames.join('\n')}`;
  useEffect(() => {
    setMode(savedMode);
    if (savedCount > 0) setCount(savedCount);
    if (savedNames.length > 0) setNames(savedNames.join('\n'));
  }, [savedKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const tables = () => {
    if (mode === 'count') return { count, names: [] };
    if (mode === 'names') {
      const list = names
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      return { count: 0, names: list };
    }
    return { count: 0, names: [] };
  };
  const options: [Mode, string][] = [
    ['perUnit', m.tablesOnePerUnit],
    ['count', m.tablesCount],
    ['names', m.tablesNames],
  ];
  return (
    <form
      class="dating-tables"
      onSubmit={(e) => {
        e.preventDefault();
        void command.send({
          case: 'setDatingOptions',
          value: { callUrlTemplate: dating.callUrlTemplate, avoidSameGroup: dating.avoidSameGroup, tables: tables() },
        });
      }}
    >
      <fieldset>
        <legend>{m.tables}</legend>
        {options.map(([value, label]) => (
          <label class="check" key={value}>
            <input type="radio" name="dating-tables" checked={mode === value} onChange={() => setMode(value)} />
            {label}
          </label>
        ))}
        {mode === 'count' && (
          <label class="field">
            <span>{m.tablesCountLabel}</span>
            <input
              type="number"
              min={1}
              max={500}
              value={count}
              onInput={(e) => setCount(Math.max(1, Math.min(500, Number(e.currentTarget.value) || 1)))}
            />
          </label>
        )}
        {mode === 'names' && (
          <label class="field">
            <span>{m.tablesNamesLabel}</span>
            <textarea rows={5} value={names} onInput={(e) => setNames(e.currentTarget.value)} />
          </label>
        )}
        <button type="submit">{m.saveTables}</button>
      </fieldset>
      <Refusal command={command} />
    </form>
  );
}
