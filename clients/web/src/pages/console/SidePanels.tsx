import { useState } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { Session } from '../../session';
import { AccessPanel } from './AccessPanel';
import { FacilitatorsPanel } from './FacilitatorsPanel';
import { GroupsPanel } from './GroupsPanel';
import { useConsoleMessages } from './messages';
import { PeoplePanel } from './PeoplePanel';
import { TimersPanel } from './TimersPanel';

type Tab = 'people' | 'groups' | 'timers' | 'access';

// People, groups, timers and access (with the facilitators' links), one tab each, one click
// away. While the current agenda item is the groups item, its panel is in the middle instead, and
// its tab is not here.
export function SidePanels({ session, groupsInMiddle }: { session: Session; groupsInMiddle: boolean }) {
  const m = useConsoleMessages();
  const [chosen, setChosen] = useState<Tab>('people');
  const people = session.view.docs(DocKind.PARTICIPANT);
  const away = people.filter((p) => !p.connected).length;
  const tabs: [Tab, string][] = [
    ['people', `${m.people} (${people.length})${away > 0 ? ` · ${m.awayCount(away)}` : ''}`],
    ...(groupsInMiddle ? [] : [['groups', m.groups] as [Tab, string]]),
    ['timers', m.timers],
    ['access', m.access],
  ];
  const tab = tabs.some(([t]) => t === chosen) ? chosen : 'people';
  // Arrow keys move between tabs, as a tab list does.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const at = tabs.findIndex(([t]) => t === tab);
    const next = tabs[(at + step + tabs.length) % tabs.length]![0];
    setChosen(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div class="side-panels">
      <div class="tabs" role="tablist" aria-label={m.sidePanels} onKeyDown={onKeyDown}>
        {tabs.map(([id, label]) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={id === tab}
            aria-controls={`tabpanel-${id}`}
            tabIndex={id === tab ? 0 : -1}
            onClick={() => setChosen(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} class="tabpanel">
        {tab === 'people' && <PeoplePanel session={session} />}
        {tab === 'groups' && <GroupsPanel session={session} />}
        {tab === 'timers' && <TimersPanel session={session} />}
        {tab === 'access' && (
          <>
            <AccessPanel session={session} />
            <FacilitatorsPanel session={session} />
          </>
        )}
      </div>
    </div>
  );
}
