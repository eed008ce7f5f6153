import type { WorkshopCreatedReply } from '../../gen/campana/v1/organizer_pb';
import { useOrganizerMessages } from './messages';
import { workshopLinks } from './workshops';

// A workshop's four addresses, each opening in a new tab, with the address itself in view to
// copy. They are links the organizer clicks, not tabs the page opens after a request: a browser
// blocks a tab opened once the click is past.
export function LinkList({ reply }: { reply: WorkshopCreatedReply }) {
  const m = useOrganizerMessages();
  const code = reply.workshop?.code ?? '';
  const links = workshopLinks(location.origin, code, reply.facilitatorKey, reply.projectorKey);
  const rows: [string, string][] = [
    [m.consoleLink, links.console],
    [m.projectorLink, links.projector],
    [m.phonesLink, links.phones],
    [m.reportLink, links.report],
  ];
  return (
    <div class="org-links">
      <ul>
        {rows.map(([name, href]) => (
          <li key={name}>
            <a href={href} target="_blank" rel="noreferrer">
              {name}
            </a>
            <code>{href}</code>
          </li>
        ))}
      </ul>
      <p class="muted">{m.linksHint}</p>
    </div>
  );
}
