import { useState } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { Presence } from '../../gen/campana/v1/common_enums';
import type { Session } from '../../session';
import { LanguageSwitch } from '../../ui/Chrome';
import { ConnectionDot } from './ConnectionDot';
import { usePhoneMessages } from './messages';
import type { WakeLockState } from './useWakeLock';

// The joined phone's one header line, "Ana · Grupo 3 · Equipo A ●", so that the activity
// starts right under it; a tap opens who is in my group, the language and help.
export function MeBar({ session, me, wakeLock }: { session: Session; me: number; wakeLock: WakeLockState }) {
  const m = usePhoneMessages();
  const [open, setOpen] = useState(false);
  const self = session.view.doc(DocKind.PARTICIPANT, me);
  const groups = session.view.doc(DocKind.GROUPS);
  if (!self) return null;
  const team = self.group ? groups?.teams.find((t) => t.groups.includes(self.group)) : undefined;
  const mates = self.group
    ? session.view.docs(DocKind.PARTICIPANT).filter((p) => p.group === self.group && p.id !== me)
    : [];

  return (
    <header class="bar me-bar" data-wake-lock={wakeLock}>
      <div class="me-line">
        <button
          type="button"
          class="me-toggle"
          aria-expanded={open}
          aria-controls="me-panel"
          title={m.openMenu}
          onClick={() => setOpen(!open)}
        >
          <span class="me-name">{self.displayName}</span>
          {self.group > 0 && <span class="me-group">{m.group(self.group)}</span>}
          {team && <span class="me-team">{m.team(team.name)}</span>}
          <span class="me-caret" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        </button>
        <ConnectionDot status={session.connection.status} />
      </div>
      {/* Always there (hidden while closed), so aria-controls names an element that exists. */}
      <div id="me-panel" class="me-panel" role="region" aria-label={m.aboutMe} hidden={!open}>
        <p>{self.presence === Presence.REMOTE ? m.remote : m.inRoom}</p>
        {self.group > 0 ? (
          mates.length > 0 ? (
            <ul class="mates" aria-label={m.yourGroup}>
              {mates.map((p) => (
                <li key={p.id} class="said name">
                  {p.displayName}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{m.aloneInGroup}</p>
          )
        ) : (
          <p class="muted">{m.noGroupMates}</p>
        )}
        <LanguageSwitch />
        {(wakeLock === 'unavailable' || wakeLock === 'refused') && <p class="muted">{m.keepAwakeOff}</p>}
        <h2>{m.help}</h2>
        <p>{m.helpText}</p>
      </div>
    </header>
  );
}
